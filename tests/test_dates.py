from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pythainlp.util import arabic_digit_to_thai_digit
from pythainlp.util.date import thai_abbr_months, thai_full_months

from itaparse.thai.dates import be_year, fiscal_year_bounds, parse_period, unread_part

FY68 = (date(2024, 10, 1), date(2025, 9, 30))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ต.ค. ๖๗ - ก.ย. ๖๘", FY68),
        ("ต.ค. ๖๗ - ก.ย. ๖๘ (ตลอด ปีงบประมาณ)", FY68),
        ("๑ ต.ค. ๖๗ – ๓๐ ก.ย. ๖๘", FY68),
        ("ตุลาคม ๒๕๖๗ - กันยายน ๒๕๖๘", FY68),
        ("1 ตุลาคม 2567 ถึง 31 มีนาคม 2568", (date(2024, 10, 1), date(2025, 3, 31))),
        ("ตลอดปีงบประมาณ พ.ศ. ๒๕๖๘", FY68),
        ("ปีงบประมาณ 2568", FY68),
        ("ม.ค. 68 - มิ.ย. 68", (date(2025, 1, 1), date(2025, 6, 30))),
        ("ต.ค. - ธ.ค. 2567", (date(2024, 10, 1), date(2024, 12, 31))),
        ("พ.ย. - ก.พ. 68", (date(2024, 11, 1), date(2025, 2, 28))),
        ("ก.พ. 2567", (date(2024, 2, 1), date(2024, 2, 29))),
        # A scan's OCR loses the dash, or reads it as "=": two dates side by side are a range.
        ("ตุลาคม ๒๕๖๗ กันยายน ๒๕๖๘", FY68),
        ("๑ ต.ค. ๒๕๖๗ = ๓๐ ก.ย. ๒๕๖๘", FY68),
    ],
)
def test_parse_period(text: str, expected: tuple[date, date]) -> None:
    assert parse_period(text) == expected


def test_whole_fiscal_year_takes_the_reports_year() -> None:
    assert parse_period("ตลอดปีงบประมาณ", fiscal_year=2568) == FY68
    assert parse_period("ตลอดปี", fiscal_year=2568) == FY68
    assert parse_period("ดำเนินการทั้งปี", fiscal_year=2568) == FY68
    assert parse_period("ตลอดปีงบประมาณ") == (None, None)
    assert parse_period("ตลอดปี ๒๕๖๘", fiscal_year=2568) == FY68
    # A year written that is another, or that is no year at all, is not the report's.
    assert parse_period("ตลอดปี ๒๕๖๗", fiscal_year=2568) == (None, None)
    assert parse_period("ตลอดปีงบประมาณ พ.ศ. ๒๕๖ ๘", fiscal_year=2568) == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "ตลอดปีงบประมาณพ.ศ. ๒๕๖ ๘",
        "๑ ตุลาคม ๒๕๖ ๗ – ๓๐ กันยายน ๒๕๖ ๘",
        "เมษายน ๒๕๖ ๘ - กันยายน ๒๕๖ ๘",
        "ต.ค. ๒๕๖ - ก.ย. ๒๕๖",
    ],
)
def test_a_year_is_a_whole_run_of_digits(text: str) -> None:
    # A narrow column's wrap cut the year ("๒๕๖" / "๘"), and the rejoin put a space in it:
    # "๒๕" of "๒๕๖" is no two-digit year 2525, and the period is left unread.
    assert parse_period(text) == (None, None)
    assert unread_part(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ทุกไตรมาส",
        "31 ก.พ. 2568",
        # Two dates with words of another cell between them: no range, and no one-day period.
        "1 ตุลาคม 2567 ถึง งาน 31 มีนาคม 2568",
        "๑ ต.ค. ๖๗ กองคลัง ๓๐ ก.ย. ๖๘",
        # A range with one end cut off (a page break took "ต.ค."): no one-month period.
        "๖๗ - ก.ย. ๖๘",
        "ต.ค. ๖๗ -",
        # A range that runs backwards, its end's year lost (a scan, a wrap) or miswritten:
        # the year meant is unknown, and the start's would end the period before it starts.
        "ตุลาคม ๒๕๖๗ - กันยายน",
        "ตุลาคม ๒๕๖๗ กันยายน",
        "๑ ต.ค. ๒๕๖๘ - ๓๐ ก.ย. ๒๕๖๗",
        # Two ranges (two rows a scan read as one, or two phases): which is the measure's,
        # the cell does not say; the first alone would be a neighbour's period.
        "ต.ค. 67 - ก.ย. 68 ม.ค. 68 - มิ.ย. 68",
        "ต.ค. ๖๗ - ธ.ค. ๖๗ และ เม.ย. ๖๘ - มิ.ย. ๖๘",
    ],
)
def test_unparsable_periods(text: str) -> None:
    assert parse_period(text) == (None, None)


def test_years() -> None:
    assert (be_year("68"), be_year("2568"), be_year("2025")) == (2568, 2568, 2568)
    assert fiscal_year_bounds(2568) == FY68


months = st.integers(min_value=1, max_value=12)
years = st.integers(min_value=2500, max_value=2599)


@given(
    months,
    months,
    years,
    st.booleans(),
    st.booleans(),
    st.sampled_from([" - ", " – ", " ถึง ", " "]),
)
def test_any_month_range(a: int, b: int, year: int, full: bool, thai: bool, sep: str) -> None:
    names = thai_full_months if full else thai_abbr_months
    end_year = year + (1 if b < a else 0)
    text = f"{names[a - 1]} {year}{sep}{names[b - 1]} {end_year}"
    if thai:
        text = str(arabic_digit_to_thai_digit(text))
    start, end = parse_period(text)
    assert start == date(year - 543, a, 1)
    assert end is not None and (end.year, end.month) == (end_year - 543, b)
    assert start <= end


@given(months, months, years, st.sampled_from([" - ", " ถึง "]))
def test_a_range_never_ends_before_it_starts(a: int, b: int, year: int, sep: str) -> None:
    # Whatever ends are written with or without years: a period parsed is never backwards.
    for text in (
        f"{thai_full_months[a - 1]} {year}{sep}{thai_full_months[b - 1]}",
        f"{thai_full_months[a - 1]}{sep}{thai_full_months[b - 1]} {year}",
        f"{thai_full_months[a - 1]} {year}{sep}{thai_full_months[b - 1]} {year - 1}",
    ):
        start, end = parse_period(text)
        assert (start is None) == (end is None)
        assert start is None or end is None or start <= end


@given(years)
def test_fiscal_year_is_one_year_long(year: int) -> None:
    start, end = fiscal_year_bounds(year)
    assert (end - start).days in (364, 365)
    assert parse_period(f"ตลอดปีงบประมาณ พ.ศ. {year}") == (start, end)


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("๑ ต.ค. ๒๕๖๗ – ๓๐ ก.ย. ๒๕๖๘", ""),
        ("ตลอดปีงบประมาณ พ.ศ. ๒๕๖๘", ""),
        ("1 ตุลาคม 2567 ถึง 31 มีนาคม 2568", ""),
        ("1 ๆลาคม 2567 - 30 กันยายน 2568", "1ๆลาคม2567"),  # OCR's misreading is left over
        ("ต.ค. 677 - ก.ย. 68", "677"),  # a run of digits is a year whole or not at all
    ],
)
def test_what_of_a_period_is_no_date(text: str, left: str) -> None:
    assert unread_part(text) == left


def test_the_points_of_be_read_as_commas_on_a_scan_are_points() -> None:
    """A point and a comma are the same speck of ink on a copy: "พ.ศ, ๒๕๖๘" is "พ.ศ. ๒๕๖๘",
    and nothing of the period is left unread."""
    from itaparse.thai.dates import unread_part

    year = (date(2024, 10, 1), date(2025, 9, 30))
    # A point lost to the cleaning of specks: "พ ศ.", "พศ." (seed 48 speckle, loma sample).
    written = ("พ.ศ, ๒๕๖๘", "พ,ศ, 2568", "พ ศ. 2568", "พศ.2568", "พ ศ 2568")
    for text in (*(f"ตลอดปีงบประมาณ {w}" for w in written), "ก.ย. พ.ศ, ๒๕๖๘"):
        assert unread_part(text).strip() == "", text
    for w in written:
        assert parse_period(f"ตลอดปีงบประมาณ {w}") == year, w
    assert parse_period("ต.ค. พ.ศ, ๒๕๖๗ - ก.ย. พ.ศ. ๒๕๖๘") == year


def test_a_range_beside_throughout_the_year_is_two_periods() -> None:
    """Two rows' period cells run together ("ม.ค. ๖๘ - มิ.ย. ๖๘" over "ตลอดปีงบประมาณ"): which
    is the measure's is unknown, so neither is given. The year written out again as a range
    is the same period."""
    assert parse_period("ม.ค. ๖๘ - มิ.ย. ๖๘ ตลอดปีงบประมาณ พ.ศ. ๒๕๖๘", 2568) == (None, None)
    assert parse_period("ตลอดปีงบประมาณ (ต.ค. ๖๗ - ก.ย. ๖๘)", 2568) == (
        date(2024, 10, 1),
        date(2025, 9, 30),
    )
