"""Thai dates and implementation periods to ISO dates (Buddhist Era years)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from pythainlp.util.date import thai_abbr_months, thai_full_months

from itaparse.thai.numerals import to_arabic

BE_OFFSET = 543

_MONTHS: dict[str, int] = {}
for _i, (_abbr, _full) in enumerate(zip(thai_abbr_months, thai_full_months, strict=True), 1):
    _MONTHS[_full] = _i
    _MONTHS[_abbr] = _i
    _MONTHS[_abbr.replace(".", "")] = _i  # "ตค" and "ต.ค" are common shorthands too
    _MONTHS[_abbr.rstrip(".")] = _i

# Every way a month is written (full, abbreviated, without its dots).
MONTH_NAMES = tuple(_MONTHS)

# Longest names first so "มิถุนายน" wins over an abbreviation it starts with.
_MONTH_ALT = "|".join(re.escape(m) for m in sorted(_MONTHS, key=len, reverse=True))
# "พ.ศ.", its points as a scan may read them: a point and a comma are the same speck of ink.
_BE = r"พ\s?[.,]?\s*ศ[.,]?"  # "พ.ศ." and as scans leave it: "พ.ศ,", "พ ศ.", "พศ."
_DATE = re.compile(
    rf"(?:(?<!\d)(?P<day>\d{{1,2}})\s*)?(?P<month>{_MONTH_ALT})\.?\s*(?:{_BE}\s*)?"
    r"(?P<year>\d{4}(?!\d)|\d{2}(?!\d))?"
)
# A scan's OCR may lose the dash: two dates side by side are a range too.
_RANGE_SEP = re.compile(r"\s*(?:-|–|—|=|ถึง)?\s*")  # "=": a dash, as OCR may read it
_RANGE_WORD = re.compile(r"[-–—]|ถึง")
# A year is a whole run of digits: "๒๕" of "๒๕๖ ๘" (a year cut by a wrap) is no year 2525.
_FISCAL = re.compile(rf"ปีงบ(?:ประมาณ)?\s*(?:{_BE}\s*)?(?P<year>\d{{4}}(?!\d)|\d{{2}}(?!\d))")


# Words that say a period is the whole year, whatever else the cell says.
_WHOLE_YEAR = re.compile(r"ตลอดปี|ทั้งปี")
_YEAR_DAYS = 364


def be_year(text: str) -> int:
    """A written year as a full Buddhist Era year: '68' -> 2568, '2025' -> 2568."""
    year = int(text)
    if year < 100:
        return 2500 + year
    if year < 2400:  # a Christian Era year slipped in
        return year + BE_OFFSET
    return year


def _is_year(digits: str, be: int) -> bool:
    return len(digits) in (2, 4) and be_year(digits) == be


def fiscal_year_bounds(be: int) -> tuple[date, date]:
    """Thai fiscal year X runs from 1 October of X-1 to 30 September of X (BE)."""
    ce = be - BE_OFFSET
    return date(ce - 1, 10, 1), date(ce, 9, 30)


@dataclass(frozen=True)
class _Point:
    day: int | None
    month: int
    year: int | None  # BE

    def first(self, year: int) -> date:
        return date(year - BE_OFFSET, self.month, self.day or 1)

    def last(self, year: int) -> date:
        ce = year - BE_OFFSET
        return date(ce, self.month, self.day or calendar.monthrange(ce, self.month)[1])


def _point(match: re.Match[str]) -> _Point:
    day = match.group("day")
    year = match.group("year")
    return _Point(
        day=int(day) if day else None,
        month=_MONTHS[match.group("month")],
        year=be_year(year) if year else None,
    )


def parse_period(text: str, fiscal_year: int | None = None) -> tuple[date | None, date | None]:
    """Start and end dates of a period cell; (None, None) when it names no dates.

    A month without a day means the whole month; a range whose first end has no year takes
    the year of the second (one earlier when the months would run backwards). A period that
    names a fiscal year, or says "ตลอดปีงบประมาณ" (or "ตลอดปี", "ทั้งปี") in a report of known
    fiscal year, is that year.
    """
    plain = to_arabic(text)
    points = list(_DATE.finditer(plain))
    try:
        if len(points) > 2:
            # More dates than one range has ("ต.ค. ๖๗ - ก.ย. ๖๘ ม.ค. ๖๘ - มิ.ย. ๖๘": two rows
            # a scan read as one, or two phases): which span is the measure's is unknown.
            return None, None
        if len(points) == 2 and _RANGE_SEP.fullmatch(plain[points[0].end() : points[1].start()]):
            a, b = _point(points[0]), _point(points[1])
            end_year = b.year or a.year or fiscal_year
            if end_year is None:
                return None, None
            start_year = a.year or (end_year - 1 if a.month > b.month else end_year)
            start, end = a.first(start_year), b.last(end_year)
            if end < start:
                # A range that runs backwards ("ตุลาคม ๒๕๖๗ - กันยายน": the end's year lost
                # to a wrap or a scan, or miswritten): which year was meant is unknown.
                return None, None
            if _WHOLE_YEAR.search(plain) and (end - start).days < _YEAR_DAYS:
                # A range and "throughout the year" in one cell ("ม.ค. ๖๘ - มิ.ย. ๖๘ ตลอด
                # ปีงบประมาณ"): two periods, two rows' cells run together; which is the
                # measure's is unknown. The year written out again as a range is one.
                return None, None
            return start, end
        if len(points) == 2:
            # Two dates that do not read as a range ("๑ ต.ค. ๖๗ ถึง งาน ๓๑ มี.ค. ๖๘": words of
            # another cell between them): which span is meant is unknown, and the first date
            # alone would be a one-day period.
            return None, None
        if points:
            p = _point(points[0])
            rest = plain[: points[0].start()] + plain[points[0].end() :]
            if _RANGE_WORD.search(rest):
                # One date and a range ("๖๗ - ก.ย. ๖๘": its start cut off by a page break):
                # the other end is unread, and the one date is no period.
                return None, None
            if p.year is not None:
                return p.first(p.year), p.last(p.year)
        fiscal = _FISCAL.search(plain)
        if fiscal:
            return fiscal_year_bounds(be_year(fiscal.group("year")))
        if (
            fiscal_year is not None
            and any(w in plain for w in ("ปีงบประมาณ", "ตลอดปี", "ทั้งปี"))
            # Digits written must name the report's year ("ตลอดปี ๒๕๖๘"); digits that name
            # none ("พ.ศ. ๒๕๖ ๘", a year cut by a wrap) may name another: the period is unread.
            and all(_is_year(run, fiscal_year) for run in re.findall(r"\d+", plain))
        ):
            return fiscal_year_bounds(fiscal_year)
    except ValueError:  # a day that does not exist in its month, e.g. "31 ก.ย."
        return None, None
    return None, None


# The words a period cell is written in: OCR's misreadings are mended towards them.
PERIOD_WORDS = (*thai_full_months, *thai_abbr_months, "ถึง", "ตลอดปีงบประมาณ", "ปีงบประมาณ")
_FISCAL_WORDS = re.compile(rf"ตลอด|ทั้ง|ปีงบ(?:ประมาณ)?|ปี|{_BE}|ถึง|[-–—=\s]")


def unread_part(text: str) -> str:
    """What of a period cell is neither a date nor a word of a period: for text read by
    OCR, a sign that some of it was misread ("ๆลาคม" for "ตุลาคม")."""
    plain = _DATE.sub(" ", to_arabic(text))
    return _FISCAL_WORDS.sub("", _FISCAL.sub(" ", plain))
