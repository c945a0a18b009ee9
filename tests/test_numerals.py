from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pythainlp.util import arabic_digit_to_thai_digit

from itaparse.thai.numerals import parse_number, to_arabic


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("๘๗.๗๙", 87.79),
        ("๑๐๐", 100.0),
        ("๒๔,๕๔๗", 24547.0),
        ("1,250", 1250.0),
        (" 92.50 ", 92.5),
        ("๑,๒๓๔,๕๖๗.๕", 1234567.5),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "คะแนน", "12 34", "1,23", "๘๗.", "-"])
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_thai_and_arabic_digits_agree(whole: int, cents: int) -> None:
    arabic = f"{whole:,}.{cents:02d}"
    thai = str(arabic_digit_to_thai_digit(arabic))
    assert parse_number(thai) == parse_number(arabic) == pytest.approx(whole + cents / 100)


@given(st.text())
def test_to_arabic_keeps_length_and_non_digits(text: str) -> None:
    out = to_arabic(text)
    assert len(out) == len(text)
    assert all(a == b for a, b in zip(text, out, strict=True) if not ("๐" <= a <= "๙"))
