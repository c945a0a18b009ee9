"""Borderless tables' geometry: lines of glyphs cut into blocks of text, and the column
edges found in the white strips the body's text leaves between the header's labels (cells
are left-aligned, so text never crosses an edge)."""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from itaparse.numbering import is_category_text, opens_measure
from itaparse.thai.codemap import is_zero_width

Char = dict[str, Any]


Line = list[Char]


Render = Callable[[Line], str]  # glyphs to repaired text


_BLOCK_GAP = 0.6  # a horizontal gap wider than this share of the font size separates blocks


_END_GAP = 1.5  # a vertical gap of more than this many line spacings ends the table


_RIVER = 0.5  # an empty strip this many font sizes wide through the body is a column gap


_RUN_ON = 0.15  # glyphs closer than this share of the font size are one run of text


_UNDER_LABEL = 0.25  # a line under this share of a label's width at least is under it


@dataclass
class Columns:
    """Column edges found on a page: len(edges) == number of columns - 1."""

    edges: list[float]
    left: float
    right: float
    subject: int = 0  # the column whose numbers open rows (after a category column, say)
    number: int | None = None  # a sequence column (ที่, ลำดับ): any number in it opens a row
    spacing: float = 0.0  # the line spacing of the table's first page
    header_lines: tuple[str, ...] = ()  # the text of its header's lines, as first read
    evidence: int = 0  # body lines the edges were measured on

    def index(self, x: float) -> int:
        return sum(x >= e for e in self.edges)


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


def _bold(line: Line) -> bool:
    return all("bold" in str(ch["fontname"]).lower() for ch in line)


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def _cell_lines(
    lines: Sequence[Line],
    left: float,
    right: float,
    text: Render,
    labels: Sequence[Line] = (),
) -> list[Line]:
    """The lines that lie in cells: not category rows, nor one run of text across most of the
    table or under two of the header's `labels` (a row merged across: "๑. การบริหาร…",
    numbered like a measure, under the first two labels), which would fill the white strips
    between columns; a cell's text stays within its column, and so under one label. A
    category row is one run of text: a line of several cells that opens like one ("(๑)
    มาตรการ…", where measures are numbered as categories are) is a measure's first line.
    Under a label is more than touching its span: a label centred over a narrow column
    may stand a little wider than the column's text."""
    half = (right - left) / 2
    spans = sorted(_span(b) for b in labels)

    def under(line: tuple[float, float], label: tuple[float, float]) -> bool:
        return min(line[1], label[1]) - max(line[0], label[0]) > _UNDER_LABEL * (
            label[1] - label[0]
        )

    def across_labels(line: Line) -> bool:
        x = _span(line)
        return any(under(x, a) and under(x, b) for a, b in itertools.pairwise(spans))

    return [
        line
        for line in lines
        if not (len(_blocks(line)) == 1 and is_category_text(text(line)))
        and not (len(_blocks(line)) == 1 and _span(line)[1] - _span(line)[0] > half)
        and not (len(_blocks(line)) == 1 and across_labels(line))
    ]


def _by_column(line: Line, columns: Columns) -> dict[int, Line]:
    parts: dict[int, Line] = {}
    for ch in line:
        parts.setdefault(columns.index((ch["x0"] + ch["x1"]) / 2), []).append(ch)
    return parts


def _rivers(body: Sequence[Line], left: float, right: float) -> list[tuple[float, float]]:
    """Vertical strips the body's text leaves empty from top to bottom, wider than cell
    padding (so not a run of aligned word spaces): the gaps between columns."""
    if not body:
        return []
    size = statistics.median(ch["size"] for line in body for ch in line)
    lo, hi = int(left), int(right) + 1
    covered = [False] * (hi - lo + 1)
    for line in body:
        for ch in line:
            for x in range(max(int(ch["x0"]), lo), min(int(ch["x1"]), hi) + 1):
                covered[x - lo] = True
    edges, run = [], 0
    for i, filled in enumerate(covered):
        if not filled:
            run += 1
            continue
        if run >= _RIVER * size and i - run > 0:
            edges.append((float(lo + i - run), float(lo + i - 1)))
        run = 0
    return edges


def _columns(first: Sequence[Line], body: Sequence[Line]) -> Columns:
    """Edges between the first header line's labels, and at every empty strip through the body
    (columns under a group label have no label of their own in the first line)."""
    left = min(_span(b)[0] for b in first)
    right = max(_span(b)[1] for b in first)
    rivers = _rivers(body, left, right)
    size = statistics.median(ch["size"] for b in first for ch in b)
    starts = [_span(b)[0] for b in first]
    # A label's edge in the gap a river already marks is the same edge; but a river with a
    # label inside it runs over a column left empty on this page, and the label's edge stays
    # - unless the text left of the river stands under no label: then the label, centred
    # over its column, is that text's (Chromium centres "หน่วยงาน" over a column whose cells,
    # left-aligned, are short: "กองคลัง"), and the column has no empty part of its own.
    spans = [_span(b) for b in first]
    edges = [
        e
        for e in _edges(first, body)
        if not any(
            a - size <= e <= b + size
            and not (any(a < x < b for x in starts) and _labelled_before(a, rivers, spans, left))
            for a, b in rivers
        )
    ]
    edges += [b for _a, b in rivers]
    # A label's edge and a river's a step apart are one edge: no column is narrower than a
    # letter.
    merged: list[float] = []
    for edge in sorted(edges):
        if merged and edge - merged[-1] < size:
            continue
        merged.append(edge)
    return Columns(merged, left, right)


def _labelled_before(
    river_start: float,
    rivers: Sequence[tuple[float, float]],
    labels: Sequence[tuple[float, float]],
    left: float,
) -> bool:
    """Whether a label stands over the body text just left of a river: between the end of
    the river before it (or the table's left) and its start."""
    strip_start = max((b for _a, b in rivers if b <= river_start), default=left)
    return any(a < river_start and b > strip_start for a, b in labels)


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
    return bool(cell_text) and (opens_measure(cell_text) or is_category_text(cell_text))


def line_spacing(lines: Sequence[Line]) -> float:
    return float(
        statistics.median(
            [b[0]["top"] - a[0]["top"] for a, b in itertools.pairwise(lines)] or [0.0]
        )
    )


def _body_end(lines: Sequence[Line], start: int, spacing: float | None = None) -> int:
    """Where the table's body ends: at a vertical gap wider than _END_GAP line spacings (the
    page's, or those of the table's first page, given when this page continues it)."""
    if spacing is None:
        spacing = line_spacing(lines)
    end = start
    while end < len(lines):
        gap = lines[end][0]["top"] - lines[end - 1][0]["top"] if end > start else 0.0
        if spacing > 0 and gap > _END_GAP * spacing:
            break
        end += 1
    return end


def _across(line: Line, columns: Columns, text: Render) -> bool:
    """A line written across the table (a category row merged over all columns): one run of
    text that is labelled as a category or crosses a column edge with no gap there."""
    if len(_blocks(line)) != 1:
        return False
    if is_category_text(text(line)):
        return True
    x0, x1 = _span(line)
    return any(x0 < e < x1 and _straddles(line, e) for e in columns.edges)


def _straddles(chars: Sequence[Char], edge: float) -> bool:
    """The text runs on over the edge, with no gap there: the glyphs nearest to it on either
    side touch (one text), where two cells' texts stand apart by their padding at least.
    Marks do not count: a font may draw one a point left of its letter, over the edge ("ิ"
    of "วิเคราะห์" at 411.0, its "ว" at 412.5 and the edge at 411), and a results line read so
    became a row across the table, a measure of its own."""
    chars = [c for c in chars if not is_zero_width(c)] or list(chars)
    left = [c["x1"] for c in chars if c["x0"] + c["x1"] < 2 * edge]
    right = [c["x0"] for c in chars if c["x0"] + c["x1"] >= 2 * edge]
    if not left or not right:
        return False
    size = statistics.median(c["size"] for c in chars)
    return bool(min(right) - max(left) < _RUN_ON * size)
