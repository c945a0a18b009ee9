"""Meaning from cell text: list items, measure numbers, scores."""

from __future__ import annotations

import re

from itaparse.readers.grid import Cell
from itaparse.thai.numerals import NUMBER_PATTERN, parse_number, to_arabic
from itaparse.thai.text import join_wrapped, normalize_space

# "1." "1)" "(1)" "1.2." and a bare "1.2"; never a number followed by a unit ("12 เดือน" and
# "15.50 คะแนน" at the start of a wrapped line are text, not items).
_UNIT = r"(?:คะแนน|บาท|ราย|ครั้ง|คน|เดือน|วัน|ปี|%|ร้อยละ)"
_NUMBERING = re.compile(
    rf"^\s*(?:\((\d{{1,2}})\)|(\d{{1,2}}(?:\.\d{{1,2}})*)[.)](?!\d)|(\d{{1,2}}(?:\.\d{{1,2}})+)(?=\s)(?!\s*{_UNIT}))\s*"
)
_BULLET = re.compile(r"^\s*[-–•▪●○◦*]\s*")
_MAX_ITEM_NUMBER = 50  # "๘๗.๗๙ คะแนน" at the start of a wrapped line is a score, not item 87
_SCORE = re.compile(rf"({NUMBER_PATTERN})\s*คะแนน")


def item_marker(line: str) -> re.Match[str] | None:
    """The numbering ("๑.", "1.2", "(3)", "4)") or bullet that opens a list item, if any."""
    plain = to_arabic(line)
    match = _NUMBERING.match(plain)
    if match:
        number = match.group(1) or match.group(2) or match.group(3)
        if int(number.split(".")[0]) <= _MAX_ITEM_NUMBER:
            return match
    return _BULLET.match(plain)


def split_items(cell: Cell | None) -> list[str]:
    """A cell's list items, numbering and bullets removed, wrapped lines rejoined.

    Items start at a numbered or bulleted line. A cell with no numbering at all takes each
    paragraph as one item (a PDF cell is one paragraph, so it becomes one item).
    """
    if cell is None or cell.empty:
        return []
    marked = any(item_marker(line) for line in cell.lines)
    items: list[list[str]] = []
    for paragraph in cell.paragraphs:
        for n, line in enumerate(paragraph):
            marker = item_marker(line)
            if marker is not None:
                items.append([line[marker.end() :]])
            elif not items or (n == 0 and not marked):
                items.append([line])
            else:
                items[-1].append(line)
    return [text for text in (join_wrapped(i) for i in items) if text]


def cell_text(cell: Cell | None) -> str | None:
    """A single-valued cell (responsible unit, period) as one line of text."""
    if cell is None or cell.empty:
        return None
    return normalize_space(" ".join(join_wrapped(p) for p in cell.paragraphs))


def measure_number(text: str) -> tuple[str | None, str]:
    """'๑. มาตรการ…' -> ('1', 'มาตรการ…'); the number comes out in Arabic digits."""
    match = item_marker(text)
    if match is None or _BULLET.match(to_arabic(text)):
        return None, text.strip()
    number = match.group(1) or match.group(2) or match.group(3)
    return number, text[match.end() :].strip()


def find_score(*texts: list[str]) -> float | None:
    """The assessment score ("… ๘๗.๗๙ คะแนน") in the first list of texts that states one."""
    for items in texts:
        found = [parse_number(m.group(1)) for m in _SCORE.finditer(to_arabic(" ".join(items)))]
        scores = [s for s in found if s is not None and 0 <= s <= 100]
        if scores:
            return scores[-1]
    return None
