"""What OCR may have read wrong in a measure: its doubts become warnings, not data.

A number the OCR reader was unsure of (itaparse.readers.ocr: a digit read with a thin
margin) never becomes a score or a date: the field is left null and a warning names what was
read and the page, for a person to check. Implausible readings are treated the same way: a
score with more than two decimals, a period years away from the report's fiscal year.
"""

from __future__ import annotations

import re
from datetime import date

from itaparse.models import Measure, ParseWarning
from itaparse.table import MeasureRow
from itaparse.thai.dates import (
    MONTH_NAMES,
    PERIOD_WORDS,
    fiscal_year_bounds,
    parse_period,
    unread_part,
)
from itaparse.thai.numerals import parse_number, to_arabic
from itaparse.thai.text import closest

# A field holding a word Tesseract was less sure of than this (0-100) gets a warning. Words
# it read right on the scanned samples scored 85-97; garbled ones mostly below 60.
LOW_CONFIDENCE = 60.0

_THAI = re.compile("[\u0e01-\u0e2e]")
_LATIN = re.compile("[A-Za-z]")
_DANGLING = re.compile(r"(?:^\s*[-–—=]|[-–—=]\s*$)")  # the range's other end read elsewhere

# Fields whose text is data (names of units and free text are not checked word by word).
_CHECKED = ("measure", "number", "score", "outcomes", "results", "period", "responsible")


def _value(text: str) -> float | None:
    return parse_number(to_arabic(text).replace(",", ""))


def _decimals(score: float) -> int:
    text = f"{score:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def _fiscal_span(fiscal_year: int) -> tuple[date, date]:
    """A measures report covers its fiscal year, give or take a year of planning and
    follow-up."""
    return fiscal_year_bounds(fiscal_year - 1)[0], fiscal_year_bounds(fiscal_year + 1)[1]


# A date that opens a range ("ต.ค. ๖๗ -", "1 ต.ค. 2567 ถึง"): the start of a period.
# pythainlp is imported through itaparse.thai only: its package sets up a read-only home.
_MONTHS = sorted(MONTH_NAMES, key=len, reverse=True)
_RANGE_START = re.compile(
    rf"(?:{'|'.join(re.escape(m) for m in _MONTHS)})"
    r"\.?\s*(?:\d{2}|\d{4})\s*(?:[-–—]|ถึง)"
)


def _stray_range_start(row: MeasureRow, period: str | None) -> str | None:
    """The start of a range read in a cell other than the period's, beside a period that
    has none of its own: in a borderless scan the period's first half may fall into the next
    column ("สำนักปลัด ต.ค.๖๗ - …" beside "ก.ย. ๖๘"), and the half left is no period."""
    if period is not None and _RANGE_START.search(to_arabic(period)):
        return None
    for field, cell in row.cells.items():
        if field == "period" or cell.confidence is None:
            continue
        text = " ".join(cell.lines)
        found = _RANGE_START.search(to_arabic(text))  # to_arabic keeps every position
        if found is not None:
            return text[found.start() : found.end()]
    return None


def mend_period(text: str) -> str:
    """A period as OCR read it, with each word that is no date word made into the one date
    word it is nearest to ("ๆลาคม" -> "ตุลาคม", "ถถง" -> "ถึง"), where exactly one is near:
    within a third of its letters."""
    out = []
    for word in text.split():
        if not unread_part(word) or not _THAI.search(word) or _LATIN.search(word):
            out.append(word)
            continue
        near = closest(word, PERIOD_WORDS, max(1, round(len(word) / 3)))
        out.append(near[0] if len(near) == 1 else word)
    return " ".join(out)


def check(
    measure: Measure, row: MeasureRow, fiscal_year: int | None, tag: str, page: int | None
) -> list[ParseWarning]:
    """Clear what OCR may have got wrong in an OCR'd row, and say why; rows read from a text
    layer come back untouched."""
    cells = {f: c for f, c in row.cells.items() if c.confidence is not None}
    if not cells:
        return []
    warnings: list[ParseWarning] = []

    def warn(code: str, message: str) -> None:
        warnings.append(ParseWarning(code=code, message=message, page=page, measure=tag))

    doubts = [d for c in cells.values() for d in c.doubts]
    if measure.score is not None:
        doubted = [d for d in doubts if _value(d) == measure.score]
        if doubted or _decimals(measure.score) > 2:
            read = doubted[0] if doubted else f"{measure.score:g}"
            warn("ocr-unsure-score", f"the score reads {read}, but OCR was unsure of its digits")
            measure.score = None
    period = row.cells.get("period")
    if measure.period.text and period is not None and period.confidence is not None:
        mended = mend_period(measure.period.text)
        if mended != measure.period.text:
            measure.period.text = mended
            measure.period.start, measure.period.end = parse_period(mended, fiscal_year)
    stray = _stray_range_start(row, measure.period.text)
    if stray is not None and measure.period.start is not None:
        warn(
            "ocr-period-split",
            f"the period reads {measure.period.text!r}, and {stray!r} (the start of a range) "
            "was read in another column: the period may be cut",
        )
        measure.period.start = measure.period.end = None
    if measure.period.start is not None and period is not None and period.confidence is not None:
        start, end = measure.period.start, measure.period.end or measure.period.start
        unlikely = fiscal_year is not None and not (
            _fiscal_span(fiscal_year)[0] <= start <= end <= _fiscal_span(fiscal_year)[1]
        )
        unread = unread_part(measure.period.text or "")
        if _DANGLING.search(measure.period.text or ""):
            unread = unread or "a range cut short"
        if period.doubts or unlikely or unread:
            why = (
                "a year far from the fiscal year"
                if unlikely
                else f"{unread!r} read as no date"
                if unread
                else "digits OCR was unsure of"
            )
            warn("ocr-unsure-period", f"the period reads {measure.period.text!r}, with {why}")
            measure.period.start = measure.period.end = None
    number = row.cells.get("number") or row.cells.get("measure")
    if number is not None and any(measure.number == to_arabic(d).strip(".") for d in number.doubts):
        warn("ocr-unsure-number", f"the measure number reads {measure.number}, unsure")
    weak = sorted(
        f
        for f, c in cells.items()
        if f in _CHECKED and c.confidence is not None and c.confidence < LOW_CONFIDENCE
    )
    if weak:
        warn(
            "ocr-low-confidence",
            f"OCR read {', '.join(weak)} with low confidence; check them against the page",
        )
    return warnings
