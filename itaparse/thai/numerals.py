"""One normaliser for every number in a report: Thai or Arabic digits, separators, decimals."""

from __future__ import annotations

import re

from pythainlp.util import thai_digit_to_arabic_digit

DIGIT = "[0-9๐-๙]"
NUMBER_PATTERN = rf"{DIGIT}{{1,3}}(?:,{DIGIT}{{3}})+(?:\.{DIGIT}+)?|{DIGIT}+(?:\.{DIGIT}+)?"
_NUMBER = re.compile(rf"^\s*({NUMBER_PATTERN})\s*$")


def to_arabic(text: str) -> str:
    """Thai digits to Arabic digits; everything else unchanged."""
    return str(thai_digit_to_arabic_digit(text))


def parse_number(text: str) -> float | None:
    """'๒๔,๕๔๗' -> 24547.0, '๘๗.๗๙' -> 87.79; None when the text is not one number."""
    match = _NUMBER.match(text)
    if match is None:
        return None
    return float(to_arabic(match.group(1)).replace(",", ""))
