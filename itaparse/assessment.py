"""ITA score tables printed in a report: item by item, under the heading they follow.

The NACC analysis form prints, under each issue's heading, a table of the items assessed
(ที่ | หัวข้อ | เครื่องมือการประเมิน | ข้อคำถาม | คะแนน | หมายเหตุ). A score table is told by its
content, not its wording: a column of item codes (i1, e5, o11) and a column of scores.
"""

from __future__ import annotations

import re

from itaparse.models import AssessmentItem
from itaparse.numbering import heading_match
from itaparse.readers.grid import Cell, Grid, Row, Table
from itaparse.semantics import leading_score
from itaparse.thai.numerals import parse_number
from itaparse.thai.text import join_wrapped, skeleton
from itaparse.vocabulary import SCORE_LABEL

_CODE = re.compile(r"^\s*([ieoIEO]\d{1,2})\b\.?\s*(.*)$", re.S)
_TOOL = re.compile(r"\b(IIT|EIT|OIT)\b")
_MIN_SHARE = 0.5  # of the body rows that must show an item code (or an indicator)
# The NACC form's front summary lists each indicator with its score above its items.
_INDICATOR = re.compile(r"^\s*ตัวชี้วัดที่\s*[0-9\u0e50-\u0e59]+")


def _text(cell: Cell | None) -> str:
    if cell is None:
        return ""
    source = cell.above if cell.empty and cell.above is not None else cell
    return join_wrapped(source.lines)


def _columns(table: Table) -> tuple[int, int, int, int] | None:
    """Header row, code column, score column and first body row of a score table."""
    for h, header in enumerate(table.rows[:3]):
        score_col = next(
            (
                c
                for c, cell in enumerate(header.cells)
                if cell is not None
                and SCORE_LABEL in skeleton(cell.text)
                and len(skeleton(cell.text)) <= 12
            ),
            None,
        )
        if score_col is None:
            continue
        body = table.rows[h + 1 :]
        col = _code_column(body, table.n_cols)
        if col is not None:
            return h, col, score_col, h + 1
    return None


def _code_column(body: list[Row], n_cols: int) -> int | None:
    """The column of item codes: at least half the rows show a code (or an indicator of the
    front summary), and one a code at least."""
    for col in range(n_cols):
        texts = [_text(r.cells[col]) if col < len(r.cells) else "" for r in body]
        codes = sum(1 for t in texts if _CODE.match(t))
        listed = codes + sum(1 for t in texts if _INDICATOR.match(t))
        if body and codes >= 1 and listed >= _MIN_SHARE * len(body):
            return col
    return None


def _continued(table: Table, before: tuple[Table, int, int] | None) -> tuple[int, int] | None:
    """A table with no header of its own right after a score table, with its columns and
    codes in the same column: its rest, on the next page."""
    if before is None:
        return None
    previous, code_col, score_col = before
    if table.n_cols != previous.n_cols or _code_column(table.rows, table.n_cols) != code_col:
        return None
    return code_col, score_col


def _item(row: Row, code_col: int, score_col: int, category: int | None) -> AssessmentItem | None:
    texts = [_text(c) for c in row.cells]
    match = _CODE.match(texts[code_col]) if code_col < len(texts) else None
    if match is None:
        return None
    tool = next((m.group(1) for t in texts if (m := _TOOL.search(t))), None)
    question = match.group(2).strip() or None
    if question is None:  # the question in its own column: the longest other text
        others = [
            t
            for c, t in enumerate(texts)
            if c not in (code_col, score_col)
            and t
            and not _TOOL.fullmatch(t.strip())
            and parse_number(t) is None
        ]
        question = max(others, key=len) if others else None
    return AssessmentItem(
        category=category,
        tool=tool,
        item=match.group(1).lower(),
        question=question,
        score=leading_score(texts[score_col] if score_col < len(texts) else None),
    )


def find_assessment(grid: Grid, measures_tables: list[int]) -> list[AssessmentItem]:
    """Every score table's items, in document order, each under the last heading above it."""
    items: list[AssessmentItem] = []
    category: int | None = None
    index = -1
    last: tuple[Table, int, int] | None = None  # the score table just read, and its columns
    for _page, block in grid.blocks:
        if isinstance(block, str):
            found = heading_match(block)
            if found is not None:
                category = found[0]
            continue
        index += 1
        if index in measures_tables:
            last = None
            continue
        columns = _columns(block)
        if columns is not None:
            _h, code_col, score_col, first = columns
        elif (rest := _continued(block, last)) is not None:
            (code_col, score_col), first = rest, 0
        else:
            last = None
            continue
        last = (block, code_col, score_col)
        for row in block.rows[first:]:
            item = _item(row, code_col, score_col, category)
            if item is not None:
                items.append(item)
    return items
