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


# Digits, points and commas that a damaged text layer may have cut with spaces: "๙๑ .๒๕",
# "91. 25", "๙ ๑.๒๕". A score is read from the whole run, never from a part of it.
# A point doubled ("๙๕..๕๐": a speck beside the decimal point on a scan) keeps the run whole,
# so that no part of it ("๕๐") is read as the number.
NUMBER_RUN = rf"{DIGIT}(?:[ \t]*[.,]*[ \t]*{DIGIT})*"
_SPACED_POINT = re.compile(rf"^({DIGIT}+)[ \t]*\.[ \t]*({DIGIT}+)$")


def read_run(run: str) -> tuple[float | None, bool]:
    """A run of NUMBER_RUN as (value, sure). Spaces beside a decimal point cannot part two
    numbers ("๙๑ .๒๕" is 91.25); spaces between digits can ("๙ ๑.๒๕": 91.25, or 9 and 1.25?),
    so such a run gives no value and is not sure; nor does a run that is no number
    ("๙๕..๕๐", "๙,๕๐")."""
    if not any(c.isspace() for c in run):
        value = parse_number(run)
        return value, value is not None
    spaced = _SPACED_POINT.match(run.strip())
    if spaced is not None:
        return parse_number(f"{spaced.group(1)}.{spaced.group(2)}"), True
    return None, False
