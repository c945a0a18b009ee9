"""Agency, district, province, fiscal year and title from the text around the table."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from itaparse.thai.dates import BE_OFFSET, be_year, parse_period
from itaparse.thai.numerals import to_arabic

_AGENCY = re.compile(
    r"(เทศบาล(?:ตำบล|เมือง|นคร)\S+|องค์การบริหารส่วน(?:ตำบล|จังหวัด)\S+"
    r"|(?:อบต|อบจ|ทต|ทม|ทน)\.\s?\S+"
    r"|กรุงเทพมหานคร|เมืองพัทยา|โรงพยาบาล\S+|สำนักงานสาธารณสุข\S+|สำนักงาน\S+จังหวัด\S+)"
)
# The place words, or their abbreviations ("อ.อุ้มผาง จ.ตาก") where no letter stands before.
_NOT_IN_A_WORD = r"(?<![\u0e01-\u0e4e.])"
_DISTRICT = re.compile(rf"(?:อำเภอ|เขต|{_NOT_IN_A_WORD}อ\.)\s?(\S+)")
_PROVINCE = re.compile(rf"(?:จังหวัด|{_NOT_IN_A_WORD}จ\.)\s?(\S+)")
_FISCAL = re.compile(r"ปีงบประมาณ\s*(?:พ\.\s?ศ\.)?\s*(\d{4})")
# Outside the title, a year counts after ปีงบประมาณ or ประจำปี ("อำเภอ… ประจำปี ๒๕๖๘").
_NAMED_YEAR = re.compile(r"(?:ปีงบประมาณ|ประจำปี)\s*(?:พ\.\s?ศ\.)?\s*(\d{4})")
# A title without "ปีงบประมาณ" may give its year after "ปี" alone ("ประจำปี ๒๕๖๘", "ปี พ.ศ. ๒๕๖๘").
_TITLE_YEAR = re.compile(r"ปี\s*(?:พ\.\s?ศ\.)?\s*(\d{4})")
# A title whose year words are followed by something that is no year ("พ.ศ. “OK |", a scan's
# signature or stain over the digits): the title named a year no one can read, and the years
# the preface names are the assessment's before, so the fiscal year is unknown.
_UNREAD_YEAR = re.compile(r"(?:ปีงบประมาณ\s*(?:พ\.\s?ศ\.)?|พ\.\s?ศ\.)\s*(?=[^\s\dพ])")
_DATED = re.compile(r"(?:ณ\s*)?วันที่\s*(\d{1,2}\s*\S+\s*(?:พ\.\s?ศ\.)?\s*\d{4})")
_DANGLING = re.compile(r"(?:อำเภอ|จังหวัด|เขต)\s*$")
_TITLE_START = re.compile(r"^(?:(?:แบบ)?รายงาน|ผลการดำเนิน(?:การ|งาน)|มาตรการส่งเสริมคุณธรรม)")
# A title wraps onto lines that go on with its words, or onto its year alone ("พ.ศ." / "๒๕๖๘"),
# or onto its year's words cut from "ประจำ" ("ปี พ.ศ. ๒๕๖๘", "ปีงบประมาณ ๒๕๖๘").
_TITLE_CONTINUES = re.compile(
    r"^(?:ประจำปี|ตามมาตรการ|ของ|พ\.\s?ศ\.|[0-9๐-๙]{4}\b"
    r"|ปี(?:งบประมาณ|\s*พ\.\s?ศ\.|\s*[0-9๐-๙]{4}\b))"
)


@dataclass
class Metadata:
    title: str | None = None
    agency: str | None = None
    district: str | None = None
    province: str | None = None
    fiscal_year: int | None = None
    # The title names its year, but what stands there is no year (read under a stain).
    year_unread: bool = False


# The words of a title's year, which a wrap may cut anywhere ("ประจำปี" / "งบประมาณ พ.ศ. …").
_YEAR_WORDS = "ประจำปีงบประมาณ"


def _cut_year_words(line: str, more: str) -> bool:
    """The line ends with the first letters of "ประจำปีงบประมาณ" and the next opens with the
    rest: one word the wrap cut, to be joined with no space."""
    return any(
        line.endswith(_YEAR_WORDS[:k]) and more.startswith(_YEAR_WORDS[k:])
        for k in range(2, len(_YEAR_WORDS))
    )


def _title(lines: Sequence[str]) -> tuple[str | None, int]:
    for i, line in enumerate(lines):
        if _TITLE_START.match(line):
            title = line
            for more in lines[i + 1 : i + 3]:
                if _cut_year_words(title, more):
                    title += more
                elif _TITLE_CONTINUES.match(more):
                    title += " " + more
                else:
                    break
            return title, i
    return None, -1


def extract_metadata(lines: Sequence[str]) -> Metadata:
    """Read the title block: the first lines of the document, before the measures table.

    The preface often names the previous year's assessment, so the fiscal year is the
    title's; only without one does the most frequently named fiscal year count.
    """
    meta = Metadata()
    meta.title, title_at = _title(lines)
    if meta.title:
        title = to_arabic(meta.title)
        found = _FISCAL.search(title) or _TITLE_YEAR.search(title)
        if found:
            meta.fiscal_year = be_year(found.group(1))
    unreadable = bool(meta.title) and bool(_UNREAD_YEAR.search(to_arabic(meta.title or "")))
    meta.year_unread = meta.fiscal_year is None and unreadable
    if meta.fiscal_year is None and not unreadable:
        # Lines joined: "ปีงบประมาณ" may end a line, its year open the next.
        text = to_arabic(" ".join(lines))
        years = Counter(be_year(m.group(1)) for m in _NAMED_YEAR.finditer(text))
        if years:
            meta.fiscal_year = years.most_common(1)[0][0]
    if meta.fiscal_year is None and not unreadable:
        meta.fiscal_year = _year_of_report_date(lines)
    start = max(title_at, 0)
    ordered = _unwrap_labels(list(lines[start:]) + list(lines[:start]))
    for line in ordered:
        if meta.agency is None and (m := _AGENCY.search(line)):
            meta.agency = m.group(1)
        if meta.district is None and (m := _DISTRICT.search(line)):
            meta.district = m.group(1)
        if meta.province is None and (m := _PROVINCE.search(line)):
            meta.province = m.group(1)
    return meta


def _year_of_report_date(lines: Sequence[str]) -> int | None:
    """A report that names no fiscal year but is dated ("ณ วันที่ 2 กันยายน 2567"): the fiscal
    year that date falls in (it starts on 1 October)."""
    for line in lines[:10]:
        found = _DATED.search(to_arabic(line))
        if found is None:
            continue
        day, _end = parse_period(found.group(1), None)
        if day is not None:
            return day.year + BE_OFFSET + (1 if day.month >= 10 else 0)
    return None


def _unwrap_labels(lines: list[str]) -> list[str]:
    """Lines that end with a bare "อำเภอ" or "จังหวัด" go on with the name on the next line."""
    out: list[str] = []
    for line in lines:
        if out and _DANGLING.search(out[-1]):
            out[-1] += line.strip()
        else:
            out.append(line)
    return out
