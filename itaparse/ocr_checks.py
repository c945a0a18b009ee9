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
from itaparse.readers.grid import Cell
from itaparse.semantics import find_score, score_statements
from itaparse.table import MeasureRow
from itaparse.thai.dates import (
    MONTH_NAMES,
    PERIOD_WORDS,
    fiscal_year_bounds,
    parse_period,
    unread_part,
)
from itaparse.thai.numerals import NUMBER_RUN, parse_number, read_run, to_arabic
from itaparse.thai.sequences import MARKS
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


_RUN = re.compile(NUMBER_RUN)


def _score_writings(measure: Measure) -> list[str]:
    """The runs of digits in the measure's results and outcomes that read as its score,
    as written ("๙๐ .๒๕": read_run takes spaces beside a point as find_score does)."""
    return [
        run
        for text in (*measure.outcomes, *measure.results)
        for run in _RUN.findall(to_arabic(text))
        if read_run(run)[0] == measure.score
    ]


def _in_score(doubt: str, measure: Measure) -> bool:
    """Whether a number OCR doubted is the measure's score, or a piece of it: Tesseract
    cuts numbers at their point ("๙๐" | ".๒๕"), and the shapes reread the piece they
    doubted, so the score as read ("90.25") holds the doubted digits. A piece counts from
    two digits: one digit doubted elsewhere in the cell ("๒ ครั้ง") is in many a score."""
    if measure.score is None:
        return False
    if _value(doubt) == measure.score:
        return True
    piece = to_arabic(doubt).strip(".,")
    if sum(ch.isdigit() for ch in piece) < 2:
        return False
    return any(piece in run.replace(" ", "") for run in _score_writings(measure))


def _zero_led(measure: Measure) -> list[str]:
    """The score as written, where every writing of it opens with a zero before another
    digit ("00", "0๕.๕๐"): no one writes a score so; a digit under a stroke or a stain was
    read as the zero OCR takes a blot for."""
    found = _score_writings(measure)
    if found and all(re.match(r"0\d", run) for run in found):
        return found[:1]
    return []


def _decimals(score: float) -> int:
    text = f"{score:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


# Three fiscal years: the span _fiscal_span allows around a known fiscal year.
_LONGEST_PERIOD_DAYS = 3 * 366


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


_MONTH_WORD = re.compile("|".join(re.escape(m) for m in _MONTHS))
_NO_MONTH_ALONE = re.compile(r"[-–—=]|ถึง|ปี|ตลอด|ทั้ง")


def _one_month_alone(text: str) -> bool:
    """A period of one date alone ("มิ.ย. ๖๘", "๓๐ มิ.ย. ๖๘"): on a scan, what OCR left of a
    range whose other end it lost or read elsewhere ("ม.ค. ๖๘ - มิ.ย. ๖๘"), as likely as a
    period written so. A range word or a year's words make it a period as written."""
    plain = to_arabic(text)
    return len(_MONTH_WORD.findall(plain)) == 1 and not _NO_MONTH_ALONE.search(plain)


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


_SPECK_MARK = "[.,'`’\"“”]"
_DIGIT_RUN = re.compile(rf"(?<![\d.,'`’\"“”])\d+(?:{_SPECK_MARK}+\d+)+(?![\d.,'`’\"“”]*\d)")
# Specks between a date's words and its numbers, where a date has a space or nothing: after
# a month written whole ("ตุลาคม.2567"), or after a short month's own point ("ต.ค.'67"),
# a space; after a range's dash ("2567-.30"), nothing; between a day and its month
# ("1.ๆลาคม"), a space. A month's own points ("ก.ย.68") stand between letters.
_SPECKS_IN_DATE = (
    (re.compile(rf"(?<=[\u0e01-\u0e4e]{{3}}){_SPECK_MARK}+(?=\d)"), " "),
    (re.compile(rf"(?<=[\u0e01-\u0e4e]\.){_SPECK_MARK}+(?=\d)"), " "),
    (re.compile(rf"(?<=[-–—]){_SPECK_MARK}+(?=\s*\d)"), ""),
    (re.compile(rf"(?<=\d){_SPECK_MARK}+(?=[\u0e01-\u0e4e])"), " "),
)
_MARK_BY_DIGITS = re.compile(
    rf"(?<=\d){_SPECK_MARK}+(?=\s|$|[-–—])|(?:(?<=\s)|^){_SPECK_MARK}+(?=\d)"
)
_MARKS_ALONE = re.compile(rf"(?:(?<=\s)|^){_SPECK_MARK}+(?=\s|$)")


def _digits_joined(found: re.Match[str]) -> str:
    """A run of digits that dust cut with points ("256,7", "๒๕.๖,๗") as the year or day it
    makes, where it can make nothing else: one cut into a year or day of two or four digits,
    or several into a Buddhist Era year ("25xx"). A date written with points ("1.10.67")
    makes neither and is left as written."""
    run = found.group(0)
    joined = re.sub(_SPECK_MARK, "", run)
    cuts = len(re.findall(rf"{_SPECK_MARK}+", run))
    be_year = len(joined) == 4 and to_arabic(joined)[:2] == "25"
    if (cuts == 1 and len(joined) in (2, 4)) or be_year:
        return joined
    return run


def mend_period(text: str) -> str:
    """A period as OCR read it, mended where dust or misreading spoilt it:

    - points, commas and quotes that no date has: inside a year ("2,567"), on a number's
      edge ("30 กันยายน ,2568", "68."), alone ("… มิ.ย. 68 ."), or between a number and a
      month or a dash ("ตุลาคม.2567", "ต.ค.'67", "2567-.30"), all specks that OCR read as
      punctuation beside the digits (a month's own dots, "ก.ย.", are between letters);
    - each word that is no date word made into the one date word it is nearest to ("ๆลาคม"
      -> "ตุลาคม", "ถถง" -> "ถึง"), where exactly one is near: within a third of its letters.
    """
    for specks, space in _SPECKS_IN_DATE:
        text = specks.sub(space, text)
    text = _DIGIT_RUN.sub(_digits_joined, text)
    text = _MARKS_ALONE.sub("", _MARK_BY_DIGITS.sub("", text))
    out = []
    for word in text.split():
        if not unread_part(word) or not _THAI.search(word) or _LATIN.search(word):
            out.append(word)
            continue
        near = closest(word, PERIOD_WORDS, max(1, round(len(word) / 3)))
        out.append(near[0] if len(near) == 1 else word)
    return " ".join(out)


_UNIT = "คะแนน"
_AFTER_NUMBER = re.compile(r"(?<=\d)(\s*)([\u0e01-\u0e4e]+)")


def _unit_mended(found: re.Match[str]) -> str:
    """The word after a number made "คะแนน" where only marks above or below its letters part
    it from that ("ค่ะแนน"): specks over a line that OCR read as tone marks and vowels."""
    space, word = found.groups()
    letters = 0
    for end, char in enumerate(word, 1):
        if char in MARKS:
            continue
        if letters == len(_UNIT) or char != _UNIT[letters]:
            return found.group(0)  # not the unit, or the unit's letters end here
        letters += 1
        if letters == len(_UNIT):
            while end < len(word) and word[end] in MARKS:
                end += 1  # a mark over the last letter is a speck too: "คะแนน" takes none
            return space + _UNIT + word[end:]
    return found.group(0)


def mend_score_unit(text: str) -> str:
    """A result as OCR read it, with the score's unit mended where dust over the line was
    read as marks: "๘๔.๑๓ ค่ะแนน" -> "๘๔.๑๓ คะแนน"."""
    return _AFTER_NUMBER.sub(_unit_mended, text)


def _mend_stated_score(measure: Measure, row: MeasureRow) -> None:
    """A score the outcomes state under a unit spoilt by specks: the texts mended, and the
    score read from them, where the form has no score column of its own."""
    if measure.score is not None or "score" in row.cells:
        return
    outcomes = [mend_score_unit(t) for t in measure.outcomes]
    results = [mend_score_unit(t) for t in measure.results]
    if outcomes != measure.outcomes or results != measure.results:
        measure.outcomes, measure.results = outcomes, results
        measure.score = find_score(outcomes, results)


def _doubted_digits(period: Cell, mended: str) -> list[str]:
    """The period's numbers OCR doubted, less those doubted only for a point between sure
    digits that the mending took out as a speck (no date holds one)."""
    return [
        d
        for d in period.doubts
        if not (
            d in period.point_doubts and d not in mended and re.sub(_SPECK_MARK, "", d) in mended
        )
    ]


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

    _mend_stated_score(measure, row)
    doubts = [d for c in cells.values() for d in c.doubts]
    statements = score_statements(measure.outcomes, measure.results)
    stated = sorted({v for _w, v in statements if v is not None})
    # A statement that does not read as a score may be another score as much as this one.
    unreadable = [w for w, v in statements if v is None]
    if measure.score is not None and "score" not in row.cells and len(stated) + len(unreadable) > 1:
        # Two rows read as one (a mark over the rule between them, a row's rest on the next
        # page put on the one above): the last score stated may be the neighbour's.
        listed = ", ".join([*(f"{s:g}" for s in stated), *(repr(w) for w in unreadable)])
        warn(
            "ocr-unsure-score",
            f"the row states {len(stated) + len(unreadable)} scores ({listed}): "
            "it may hold a neighbour's row, whose score is not this measure's",
        )
        measure.score = None
    if measure.score is not None:
        doubted = [d for d in doubts if _in_score(d, measure)]
        doubted += _zero_led(measure)
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
    elif (
        measure.period.start is not None
        and period is not None
        and period.confidence is not None
        and _one_month_alone(measure.period.text or "")
    ):
        warn(
            "ocr-unsure-period",
            f"the period reads {measure.period.text!r}, one date alone: on a scan the other "
            "end of its range may be lost",
        )
        measure.period.start = measure.period.end = None
    if measure.period.start is not None and period is not None and period.confidence is not None:
        start, end = measure.period.start, measure.period.end or measure.period.start
        # Without the report's fiscal year (its title unread on the scan), a measure's period
        # still lies within a fiscal year and the years of planning and follow-up beside it:
        # a misread year ("๒๕๒๖" for "๒๕๖๗") makes it run for decades.
        unlikely = (
            not (_fiscal_span(fiscal_year)[0] <= start <= end <= _fiscal_span(fiscal_year)[1])
            if fiscal_year is not None
            else (end - start).days > _LONGEST_PERIOD_DAYS
        )
        unread = unread_part(measure.period.text or "")
        if _DANGLING.search(measure.period.text or ""):
            unread = unread or "a range cut short"
        if _doubted_digits(period, measure.period.text or "") or unlikely or unread:
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
