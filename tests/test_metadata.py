"""The title block: agency, district, province and fiscal year as clerks write them."""

from __future__ import annotations

import pytest

from itaparse.identity import identify
from itaparse.metadata import extract_metadata

TITLE = "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส"


@pytest.mark.parametrize(
    ("lines", "agency", "district", "province", "year"),
    [
        # Place words abbreviated.
        (
            [f"{TITLE} ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", "องค์การบริหารส่วนตำบลแม่จัน อ.อุ้มผาง จ.ตาก"],
            "องค์การบริหารส่วนตำบลแม่จัน",
            "อุ้มผาง",
            "ตาก",
            2568,
        ),
        # The agency abbreviated, the year after "ประจำปี พ.ศ." without "งบประมาณ".
        (
            [f"{TITLE} ประจำปี พ.ศ. ๒๕๖๘ (รอบ ๖ เดือน)", "ทต.แม่จัน อ.อุ้มผาง จ.ตาก"],
            "ทต.แม่จัน",
            "อุ้มผาง",
            "ตาก",
            2568,
        ),
        # A title that opens with "ผลการดำเนินการ", its year on a line of its own.
        (
            [
                "ผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
                "ประจำปี ๒๕๖๘",
                "เทศบาลเมืองแม่สอด อำเภอแม่สอด จังหวัดตาก",
            ],
            "เทศบาลเมืองแม่สอด",
            "แม่สอด",
            "ตาก",
            2568,
        ),
        # The title names the agency; the year follows "ประจำปี" on the places' line.
        (
            [f"{TITLE} ของเทศบาลตำบลแม่จัน", "อำเภออุ้มผาง จังหวัดตาก ประจำปี ๒๕๖๘"],
            "เทศบาลตำบลแม่จัน",
            "อุ้มผาง",
            "ตาก",
            2568,
        ),
        # "ปีงบประมาณ" wins over an earlier "ปี": the assessment a title names is last year's.
        (
            [f"{TITLE} ตามผลการประเมินปี ๒๕๖๗ ประจำปีงบประมาณ ๒๕๖๘", "เทศบาลตำบลแม่จัน"],
            "เทศบาลตำบลแม่จัน",
            None,
            None,
            2568,
        ),
        # The title wrapped inside "ประจำปี": its year's words open the next line.
        (
            [f"{TITLE} ประจำ", "ปี พ.ศ. ๒๕๖๘", "โรงพยาบาลนาแก อำเภอนาแก จังหวัดนครพนม"],
            "โรงพยาบาลนาแก",
            "นาแก",
            "นครพนม",
            2568,
        ),
        (
            [f"{TITLE} ประจำ", "ปีงบประมาณ ๒๕๖๘", "เทศบาลตำบลแม่จัน"],
            "เทศบาลตำบลแม่จัน",
            None,
            None,
            2568,
        ),
        # Wrapped inside "ปีงบประมาณ" (WeasyPrint breaks where a browser's Thai breaker
        # finds a word's end): the rest of the word opens the next line.
        (
            [f"{TITLE} ประจำปี", "งบประมาณ พ.ศ. ๒๕๖๘", "เทศบาลตำบลแม่จัน"],
            "เทศบาลตำบลแม่จัน",
            None,
            None,
            2568,
        ),
        (
            [f"{TITLE} ประจำปีงบ", "ประมาณ ๒๕๖๘", "เทศบาลตำบลแม่จัน"],
            "เทศบาลตำบลแม่จัน",
            None,
            None,
            2568,
        ),
        # "อ." inside an abbreviation (พ.อ., a rank) is no district.
        (
            [f"{TITLE} ประจำปีงบประมาณ ๒๕๖๘", "ผู้รายงาน พ.อ.สมชาย ใจดี"],
            None,
            None,
            None,
            2568,
        ),
    ],
)
def test_title_block(
    lines: list[str], agency: str | None, district: str | None, province: str | None, year: int
) -> None:
    meta = extract_metadata(lines)
    assert (meta.agency, meta.district, meta.province, meta.fiscal_year) == (
        agency,
        district,
        province,
        year,
    )


def test_a_title_wrapped_inside_its_year_words_is_joined_without_a_space() -> None:
    meta = extract_metadata([f"{TITLE} ประจำปี", "งบประมาณ พ.ศ. ๒๕๖๘", "เทศบาลตำบลแม่จัน"])
    assert meta.title == f"{TITLE} ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"


def test_abbreviated_places_resolve_to_their_codes() -> None:
    meta = extract_metadata([f"{TITLE} ประจำปี ๒๕๖๘", "ทต.แม่จัน อ.อุ้มผาง จ.ตาก"])
    found = identify(meta.agency, meta.district, meta.province)
    assert (found.agency_type, found.province_code, found.district_code) == (
        "เทศบาลตำบล",
        "63",
        "6308",
    )


def test_a_title_whose_year_is_unreadable_gives_no_fiscal_year() -> None:
    # A signature over the title's digits on a scan: the preface's year (the assessment's
    # before) must not stand in for it.
    preface = "ได้วิเคราะห์ผลการประเมิน ประจำปีงบประมาณ พ.ศ. ๒๕๖๗"
    meta = extract_metadata([f"{TITLE} ประจำปีงบประมาณ พ.ศ. “OK |", preface])
    assert (meta.fiscal_year, meta.year_unread) == (None, True)
    # Its year on the next line, or written: the year stands.
    assert extract_metadata([f"{TITLE} ประจำปีงบประมาณ", "พ.ศ. ๒๕๖๘", preface]).fiscal_year == 2568
    meta = extract_metadata([f"{TITLE} ประจำปีงบประมาณ พ.ศ.๒๕๖๘", preface])
    assert (meta.fiscal_year, meta.year_unread) == (2568, False)
