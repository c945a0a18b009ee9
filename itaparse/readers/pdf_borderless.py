"""Tables drawn without ruling lines: columns from the header and the text's alignment.

A clerk who turns a table's borders off leaves pdfplumber's line strategy nothing to find, so
this strategy reads the text itself:

- The header is the line (with the one under it, for wrapped labels) whose text blocks map to
  the measure fields, the same test a ruled header passes (vocabulary.read_header).
- A column edge lies where the body's text leaves the widest vertical white gap between two
  header blocks: cells are left-aligned, so text never crosses it.
- A row starts where the first column opens with a measure number or a category label; a line
  with a category label across the table is a category row. A vertical gap of more than one and
  a half lines ends the table (the signature block follows a blank line).
- A later page without a header continues with the columns of the page before.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from itaparse.vocabulary import is_category_text, measure_number, read_header

Char = dict[str, Any]
Line = list[Char]
Render = Callable[[Line], str]  # glyphs to repaired text

_BLOCK_GAP = 0.6  # a horizontal gap wider than this share of the font size separates blocks
_END_GAP = 1.5  # a vertical gap of more than this many line spacings ends the table


@dataclass
class Columns:
    """Column edges found on a page: len(edges) == number of columns - 1."""

    edges: list[float]
    left: float
    right: float

    def index(self, x: float) -> int:
        return sum(x >= e for e in self.edges)


@dataclass
class Found:
    rows: list[list[list[Line] | None]]  # cells as lists of glyph lines, None where merged
    bbox: tuple[float, float, float, float]
    used: set[int]  # indexes of the page lines inside the table
    columns: Columns
    open_ended: bool  # ran to the foot of the page: the next page may continue it


def _blocks(line: Line) -> list[Line]:
    """A line cut where the gap between glyphs is wide enough to be a column gap; each block
    keeps the line's content-stream order (Thai marks depend on it)."""
    order = {id(c): i for i, c in enumerate(line)}
    chars = sorted(line, key=lambda c: c["x0"])
    blocks: list[Line] = [[chars[0]]]
    right = chars[0]["x1"]
    for ch in chars[1:]:
        if ch["x0"] - right > _BLOCK_GAP * ch["size"]:
            blocks.append([])
        blocks[-1].append(ch)
        right = max(right, ch["x1"])
    return [sorted(b, key=lambda c: order[id(c)]) for b in blocks]


def _span(chars: Sequence[Char]) -> tuple[float, float]:
    return min(c["x0"] for c in chars), max(c["x1"] for c in chars)


def _header(lines: Sequence[Line], start: int, text: Render) -> tuple[list[Line], int] | None:
    """The header's blocks and its last line. The line below joins in where labels wrap
    ("มาตรการ/" over "แนวทาง"), but only if the labels then match the fields better."""
    blocks = _blocks(lines[start])
    if len(blocks) < 3:
        return None
    single, single_score = read_header([text(b) for b in blocks])
    if start + 1 < len(lines):
        spans = [_span(b) for b in blocks]
        merged = [list(b) for b in blocks]
        for b in _blocks(lines[start + 1]):
            x0 = _span(b)[0]
            merged[min(range(len(spans)), key=lambda i: abs(spans[i][0] - x0))].extend(b)
        both, both_score = read_header([text(b) for b in merged])
        if both is not None and both_score > single_score + 0.05:
            return merged, start + 1
    return (blocks, start) if single is not None else None


def _edges(header: Sequence[Line], body: Sequence[Line]) -> list[float]:
    """Between each pair of header blocks, the x crossed by the least body text; of several,
    the one nearest the left of the next label (cells are left-aligned, labels usually too)."""
    spans = sorted(_span(b) for b in header)
    edges = []
    for (a0, a1), (b0, b1) in itertools.pairwise(spans):
        lo = (a0 + a1) / 2
        hi = max((b0 + b1) / 2, lo + 1)
        steps = int(hi - lo) + 1
        cover = [0] * steps
        for line in body:
            for ch in line:
                s, e = int(max(ch["x0"], lo) - lo), int(min(ch["x1"], hi) - lo)
                for i in range(max(s, 0), min(e, steps - 1) + 1):
                    cover[i] += 1
        least = min(cover)
        empty = [i for i, c in enumerate(cover) if c == least]
        before_label = [i for i in empty if lo + i <= b0]
        edges.append(lo + max(before_label or empty))
    return edges


def _starts_row(cell_text: str) -> bool:
    return bool(cell_text) and (
        measure_number(cell_text)[0] is not None or is_category_text(cell_text)
    )


def _body_end(lines: Sequence[Line], start: int) -> int:
    """Where the table's body ends: at a vertical gap wider than _END_GAP line spacings."""
    spacing = statistics.median(
        [b[0]["top"] - a[0]["top"] for a, b in itertools.pairwise(lines)] or [0.0]
    )
    end = start
    while end < len(lines):
        gap = lines[end][0]["top"] - lines[end - 1][0]["top"] if end > start else 0.0
        if spacing > 0 and gap > _END_GAP * spacing:
            break
        end += 1
    return end


def _rows(
    header: list[Line] | None, body: Sequence[Line], columns: Columns, text: Render
) -> list[list[list[Line] | None]]:
    """The table's rows, cells as lists of glyph lines; a category row is one cell across."""
    n = len(columns.edges) + 1
    rows: list[list[list[Line] | None]] = []
    if header is not None:
        head: list[list[Line] | None] = [[] for _ in range(n)]
        for block in header:
            cell = head[columns.index(_span(block)[0] + 1)]
            assert cell is not None
            cell.append(block)
        rows.append(head)
    current: list[list[Line] | None] | None = None
    for line in body:
        if len(_blocks(line)) == 1 and is_category_text(text(line)):
            rows.append([[line], *([None] * (n - 1))])
            current = None
            continue
        cells: list[Line] = [[] for _ in range(n)]
        for ch in line:  # in content-stream order, which the text repair relies on
            cells[columns.index((ch["x0"] + ch["x1"]) / 2)].append(ch)
        if current is None or _starts_row(text(cells[0]) if cells[0] else ""):
            current = [[] for _ in range(n)]
            rows.append(current)
        for k, chars in enumerate(cells):
            cell = current[k]
            if chars and cell is not None:
                cell.append(chars)
    return rows


def find(lines: Sequence[Line], previous: Columns | None, text: Render) -> Found | None:
    """The borderless measures table among a page's lines, if there is one."""
    header_at, header, last = -1, None, -1
    for i in range(len(lines)):
        found = _header(lines, i, text)
        if found is not None:
            (header, last), header_at = found, i
            break
    if header is None and previous is None:
        return None
    body_start = last + 1
    body_end = _body_end(lines, body_start)
    body = lines[body_start:body_end]
    columns = previous
    if header is not None:
        rows_only = [line for line in body if not is_category_text(text(line))]
        columns = Columns(
            _edges(header, rows_only),
            min(_span(b)[0] for b in header),
            max(_span(b)[1] for b in header),
        )
    assert columns is not None
    rows = _rows(header, body, columns, text)
    used = set(range(header_at if header is not None else body_start, body_end))
    if not rows or not used:
        return None
    bbox = (
        columns.left,
        min(lines[i][0]["top"] for i in used),
        columns.right,
        max(lines[i][0]["bottom"] for i in used),
    )
    return Found(rows, bbox, used, columns, body_end == len(lines))
