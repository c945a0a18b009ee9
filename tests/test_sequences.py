from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itaparse.thai.sequences import MARKS, PUA_MAP, drop_orphan_marks, normalize


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ("ประจำาปี", "ประจำปี"),  # LibreOffice: NIKHAHIT glyph mapped to ำ, then า
        ("สําคัญ", "สำคัญ"),  # Word 2013: NIKHAHIT + SARA AA
        ("น\u0e4d\u0e49\u0e32", "น\u0e49\u0e33"),  # HarfBuzz moved the tone between them: น้ำ
        ("น\u0e33\u0e49\u0e32", "น\u0e49\u0e33"),
        ("เจ\uf70bา", "เจ้า"),  # Windows PUA tone mark shifted down
        ("ป\uf714", "ป้"),  # shifted left
        ("\uf700าน", "ฐาน"),  # THO THAN without its descender
        ("ผู\u0e49\u0e49", "ผู้"),  # a doubled mark
        ("ผ\u0e49\u0e39", "ผู้"),  # tone stored before its vowel
    ],
)
def test_repairs(damaged: str, repaired: str) -> None:
    assert normalize(damaged) == repaired


def test_pua_table_matches_harfbuzz_shape() -> None:
    # 27 mappings, each with a Windows and a Mac code point.
    assert len(PUA_MAP) == 54
    assert PUA_MAP["\uf70a"] == PUA_MAP["\uf88b"] == "\u0e48"
    assert PUA_MAP["\uf711"] == PUA_MAP["\uf899"] == "\u0e4d"


# Thai text as typed: a consonant, optionally one below or above vowel, optionally a tone mark.
consonant = st.characters(min_codepoint=0x0E01, max_codepoint=0x0E2E)
vowel = st.sampled_from(["", "\u0e31", "\u0e34", "\u0e35", "\u0e36", "\u0e37", "\u0e38", "\u0e39"])
tone = st.sampled_from(["", "\u0e48", "\u0e49", "\u0e4a", "\u0e4b"])
spacing = st.sampled_from(["", "\u0e30", "\u0e32", "\u0e33", "เ", "แ", "โ", " ", "1"])
cluster = st.tuples(spacing, consonant, vowel, tone, spacing).map("".join)


@given(st.lists(cluster, max_size=12).map("".join))
def test_clean_thai_is_unchanged(text: str) -> None:
    if "\u0e33\u0e32" not in text:  # "ำา" is debris, never typed
        assert normalize(text) == text


@given(st.text())
def test_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(st.text(alphabet="กขคงจาิีุู่้ั์ .0123456789", max_size=30))
def test_dropping_orphan_marks_leaves_every_letter_and_is_stable(text: str) -> None:
    cleaned = drop_orphan_marks(text)
    assert [c for c in cleaned if c not in MARKS] == [c for c in text if c not in MARKS]
    assert drop_orphan_marks(cleaned) == cleaned
    assert not re.search(f"(?:^|[^\u0e01-\u0e2e{MARKS}])[{MARKS}]", cleaned)


def test_orphan_marks_from_ocr_specks() -> None:
    assert drop_orphan_marks("ก.ุย.") == "ก.ย."
    assert drop_orphan_marks("ที่โปร่งใส") == "ที่โปร่งใส"


def test_merged_number_finds_the_next_item_written_alike() -> None:
    from itaparse.numbering import merged_number, next_number

    assert next_number("3.1") == "3.2" and next_number("9") == "10"
    assert merged_number(["๓.๑ มาตรการ", "ต่อ", "๓.๒ มาตรการสอง"]) == "3.2"
    assert merged_number(["๒. มาตรการ", "๓. มาตรการสาม"]) == "3"
    assert merged_number(["๓.๑", "๓.๒"]) == "3.2"  # a number column's cell
    assert merged_number(["๒. มาตรการ", "๓) ทำ"]) is None  # another form: an item
    assert merged_number(["๒. มาตรการ", "๔. มาตรการ"]) is None  # not the next
    assert merged_number(["มาตรการ", "๒. ทำ"]) is None
    # A scan's speck before the second number hides no second row.
    assert merged_number(["1.2 มาตรการยกระดับ", "ประชาชน", ".1.3 มาตรการปรับปรุง"]) == "1.3"


@given(st.text(alphabet="()[].,๐๑๒๓๔๕๖๗๘๙0123456789 ", max_size=8))
def test_any_number_a_column_or_a_line_opens_with_has_a_next(text: str) -> None:
    """A bracket OCR lost half of ("(๑" in a number column, from dust) once crashed the
    merged-row check: whatever a number column or a line opens with, the number it gives is
    digits and points only, and has a next."""
    from itaparse.numbering import is_sequence_number, next_number, number_in_column, numbering_form

    if is_sequence_number(text):
        assert re.fullmatch(r"\d+(\.\d+)*", number_in_column(text)), text
    found = numbering_form(text)
    if found is not None:
        next_number(found[0])
