"""A measure row's score: its score column's number where the form has one, else the score
its outcomes or results state; and, where it gives none, why."""

from __future__ import annotations

import re

from itaparse.semantics import cell_text, find_score, leading_score, score_doubt, scores_stated
from itaparse.table import MeasureRow

_NUMBER_LINE = re.compile(r"[\s0-9๐-๙.,]+")
_DIGIT = re.compile(r"[0-9๐-๙]")


def _column_score(row: MeasureRow) -> tuple[float | None, bool]:
    """The number of the score column, and whether the column states something at all. A
    narrow score column wraps its number ("๘" over "๖.๔๘"): lines that are all digits are one
    number."""
    cell = row.cells.get("score")
    text = cell_text(cell)
    if cell is None or not text:
        return None, False
    found = leading_score(text)
    lines = [line.strip() for line in cell.lines if line.strip()]
    if found is None and len(lines) > 1 and all(_NUMBER_LINE.fullmatch(x) for x in lines):
        found = leading_score("".join(lines))
    if found is None:
        found = find_score([text])
    return found, True


def _conflict(column: float | None, outcomes: list[str]) -> list[float]:
    """The scores the outcomes state ("… ๗๓ คะแนน") where none is the score column's: one of
    the two readings is wrong (a date's day cut into the column, a misread digit), and which,
    the row does not say."""
    stated = scores_stated(outcomes)
    return stated if column is not None and stated and column not in stated else []


def row_score(row: MeasureRow, outcomes: list[str], results: list[str]) -> float | None:
    """A score column's number when the form has one, else the score stated in the text.
    Where the score column states a number that cannot be read, no number of the text stands
    in for it (the results may state another: a target, last year's); where the outcomes
    state another score than the column, neither is given (see _conflict)."""
    found, stated = _column_score(row)
    if found is not None:
        return None if _conflict(found, outcomes) else found
    if stated and _column_unread(row):
        return None
    return find_score(outcomes, results)


def _column_unread(row: MeasureRow) -> bool:
    """Whether the score column states something that does not read as a score: digits
    (a misread number), or on a scan any ink read at all (a stamp over "๘๙.๐๗" read as
    "เซ"). Either way the column's number is not known, and the text's is another."""
    cell = row.cells.get("score")
    text = cell_text(cell) or ""
    return bool(_DIGIT.search(text)) or (cell is not None and cell.confidence is not None)


def row_score_doubt(row: MeasureRow, outcomes: list[str], results: list[str]) -> str | None:
    """Why a row that states a score gives none."""
    column, stated = _column_score(row)
    conflict = _conflict(column, outcomes)
    if conflict:
        listed = ", ".join(f"{v:g}" for v in conflict)
        return f"the score column reads {column:g} and the outcomes state {listed}"
    why = score_doubt(cell_text(row.cells.get("score")), outcomes, results)
    if why is None and column is None and stated and _column_unread(row):
        return f"the score column reads {cell_text(row.cells.get('score'))!r}, which is no score"
    return why
