"""Meaning from cell text: list items, measure numbers, scores."""

from __future__ import annotations

import re

from itaparse.numbering import BULLET, NUMBER_ALONE, item_marker, measure_number
from itaparse.readers.grid import Cell
from itaparse.thai.numerals import DIGIT, NUMBER_RUN, parse_number, read_run, to_arabic
from itaparse.thai.text import join_wrapped, normalize_space

_SCORE = re.compile(rf"({NUMBER_RUN})\s*คะแนน")
_PERCENT = re.compile(rf"ร้อยละ\s*({NUMBER_RUN})|({NUMBER_RUN})\s*(?:%|เปอร์เซ็นต์)")
_SCORE_CUE = re.compile(r"อยู่ที่|ประเมิน|คิดเป็น|ได้คะแนน|ผลสำเร็จ")
_KHO_ALONE = re.compile(r"\s*ข้อ(?:ที่)?\s*")
# A number glued to digits before it by a mark a scan makes of a decimal point ("๘๙:๗๕",
# "89;75"), or by a dash ("70-75"): its first digits are not its own, so it is not read whole.
# Specks make several marks of one point ("84-..13" for 84.13: "13" alone was read).
# The same marks glue digits after a number ("ร้อยละ 90.-40" for 90.40: "90" alone was read);
# points alone between digits are the number's own (NUMBER_RUN takes them, read_run judges).
_MARKS = r"(?:[.,]{0,2}[:;'`’‘|·\-][.,:;'`’‘|·\-]{0,2}|[.,]{2,3})"
_GLUED_BEFORE = re.compile(rf"\d+[ \t]?{_MARKS}[ \t]?$")
_GLUED_AFTER = re.compile(rf"[ \t]?{_MARKS}[ \t]?\d+")


def _glued(plain: str, start: int, end: int) -> str:
    """The number at start:end with the digits and mark glued before or after it, or ""
    where none is."""
    before = _GLUED_BEFORE.search(plain[max(0, start - 12) : start])
    after = _GLUED_AFTER.match(plain, end)
    if before is None and after is None:
        return ""
    head = before.group(0) if before else ""
    return head + plain[start:end] + (after.group(0) if after else "")


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


def find_score(*texts: list[str]) -> float | None:
    """The assessment score stated in the first list of texts that states one, or None
    (also where it is written so that it cannot be read for sure: see stated_score)."""
    return stated_score(*texts)[0]


def _writings(
    plain: str, pattern: re.Pattern[str]
) -> list[tuple[int, str, float | None, bool, str]]:
    """Each score the text writes in `pattern`'s form, as (where, as written, value, read for
    sure, what it is glued to): a percentage only where the words before it state a result;
    a number glued to other digits is not read."""
    found = []
    for m in pattern.finditer(plain):
        if pattern is not _SCORE and not _SCORE_CUE.search(
            plain[max(0, m.start() - 60) : m.start()]
        ):
            continue
        group = m.lastindex or 0
        written = m.group(group)
        glued = _glued(plain, m.start(group), m.end(group))
        value, sure = (None, False) if glued else read_run(written)
        found.append((m.start(group), glued or written, value, sure, glued))
    return found


def stated_score(*texts: list[str]) -> tuple[float | None, str | None]:
    """The assessment score stated in the first list of texts that states one, and why none
    is given where one is stated but cannot be read for sure.

    "… ๘๗.๗๙ คะแนน" is preferred anywhere; failing that, "ร้อยละ ๙๒.๕๐" or "95%" where the
    words before it state a result ("อยู่ที่", "ผลการประเมิน"): a bare "เข้าร่วม 100%" is a
    turnout, not the measure's score. A number the text layer cut with spaces is read whole
    ("๙๑ .๒๕" is 91.25) or not at all ("๙ ๑.๒๕"), never in part.
    """
    for pattern in (_SCORE, _PERCENT):
        for items in texts:
            plain = to_arabic("\n".join(items))  # a number never runs on into the next item
            found = [w[1:] for w in _writings(plain, pattern)]
            if not found:
                continue
            written, value, sure, glued = found[-1]
            if not sure:
                why = (
                    "glued to other digits"
                    if glued
                    else "with spaces inside it"
                    if " " in written.strip()
                    else "which is no number"
                )
                return None, f"the score is written {written.strip()!r}, {why}"
            if value is not None and 0 <= value <= 100:
                return value, None
            scores = [v for _w, v, ok, _g in found if ok and v is not None and 0 <= v <= 100]
            if scores:
                return scores[-1], None
    return None, None


def scores_stated(*texts: list[str], percent: bool = False) -> list[float]:
    """Every score the texts state as "… คะแนน" and read whole, in order; with `percent`,
    also as "ร้อยละ …" where the words before it state a result (see stated_score)."""
    return [v for _w, v in score_statements(*texts, percent=percent, bare=False) if v is not None]


# A result stated with its number alone, the unit lost to damage ("…ผ่านการประเมินตัวชี้วัด
# อยู่ที่ ๓๕๑.๒๕" where a pen stroke took "คะแนน"): a statement of a score all the same.
_BARE_STATED = re.compile(rf"(?:อยู่ที่|คิดเป็น)\s*({NUMBER_RUN})")
_ASSESSED = re.compile(r"ประเมิน")


def _as_score(value: float | None, sure: bool) -> float | None:
    return value if sure and value is not None and 0 <= value <= 100 else None


def score_statements(
    *texts: list[str], percent: bool = True, bare: bool = True
) -> list[tuple[str, float | None]]:
    """Every score the texts state, in order, as written and its value where it reads for
    sure as a score (else None): "… คะแนน"; with `percent`, "ร้อยละ …" after words that state
    a result; with `bare`, a number after "อยู่ที่" in a sentence about an assessment. Each
    statement once, however many of these forms it takes ("อยู่ที่ร้อยละ ๘๗.๐๗")."""
    found: list[tuple[str, float | None]] = []
    for items in texts:
        plain = to_arabic("\n".join(items))  # a number never runs on into the next item
        at: dict[int, tuple[str, float | None]] = {}
        for pattern in (_SCORE, _PERCENT) if percent else (_SCORE,):
            for start, written, value, sure, _glued in _writings(plain, pattern):
                at.setdefault(start, (written.strip(), _as_score(value, sure)))
        for m in _BARE_STATED.finditer(plain) if bare else ():
            if _ASSESSED.search(plain[max(0, m.start() - 80) : m.start()]):
                at.setdefault(m.start(1), (m.group(1).strip(), _as_score(*read_run(m.group(1)))))
        found.extend(reading for _start, reading in sorted(at.items()))
    return found


def leading_score(text: str | None) -> float | None:
    """The number a score cell opens with ("๘๗.๕๐", "87.50 คะแนน"), if it is a score (0-100);
    read whole or not at all where the text layer cut it with spaces (see read_run)."""
    found = _LEADING.match(text or "")
    if found is None or _GLUED_AFTER.match(to_arabic(text or ""), found.end(1)):
        return None  # "๕๒-,,๑๕": specks glue the decimals on; "52" alone is no reading
    return _as_score(*read_run(found.group(1)))


_LEADING = re.compile(rf"\s*({NUMBER_RUN})(?!{DIGIT})")


def score_doubt(score_cell: str | None, outcomes: list[str], results: list[str]) -> str | None:
    """Why a row that states a score gives none: the number is cut with spaces."""
    if score_cell:
        found = _LEADING.match(score_cell)
        if found is not None and not read_run(found.group(1))[1]:
            return f"the score is written {found.group(1).strip()!r}, with spaces inside it"
        why = stated_score([score_cell])[1]
        if why:
            return why
    return stated_score(outcomes, results)[1]


def split_title(cell: Cell | None) -> tuple[str, str | None, list[str]]:
    """A measure cell as (title, number, sub-items).

    The cell may open with the measure's number ("๑.", "1.1", "(1)", "ข้อ 1") and may list
    numbered sub-items under the title ("มาตรการการใช้รถราชการ / 2.1 ประกาศ…").
    """
    if cell is None or cell.empty:
        return "", None, []
    lines = cell.lines
    # A narrow column wraps right after the number: "ข้อ" / "๑ …", or "๑.๑" / "มาตรการ…".
    if len(lines) > 1 and (_KHO_ALONE.fullmatch(lines[0]) or NUMBER_ALONE.fullmatch(lines[0])):
        lines = [f"{lines[0]} {lines[1]}", *lines[2:]]
    number, first = measure_number(lines[0])
    title_lines = [first]
    rest: list[str] = []
    for i, line in enumerate(lines[1:], 1):
        if item_marker(line) and not BULLET.match(to_arabic(line)):
            rest = lines[i:]
            break
        title_lines.append(line)
    items = split_items(Cell([rest])) if rest else []
    return join_wrapped(title_lines), number, items


def parse_budget(text: str | None) -> float | None:
    """'50,000' or '๕๐,๐๐๐ บาท' -> 50000.0; '-' and words ('ไม่ใช้งบประมาณ') -> None."""
    if not text:
        return None
    plain = re.sub(r"\s*บาท\s*$", "", text.strip())
    return parse_number(plain)
