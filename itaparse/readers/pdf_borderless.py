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

from itaparse.thai.text import join_wrapped, skeleton
from itaparse.vocabulary import (
    MAX_LABEL_CHARS,
    begins_with_known_label,
    is_category_text,
    is_known_label,
    is_sequence_number,
    is_signature_line,
    map_labels,
    opens_measure,
    read_header,
)

Char = dict[str, Any]
Line = list[Char]
Render = Callable[[Line], str]  # glyphs to repaired text

_BLOCK_GAP = 0.6  # a horizontal gap wider than this share of the font size separates blocks
_END_GAP = 1.5  # a vertical gap of more than this many line spacings ends the table
_MAX_HEADER_LINES = 6  # a group label, and labels wrapped over up to four lines
_RIVER = 0.5  # an empty strip this many font sizes wide through the body is a column gap
_RUN_ON = 0.15  # glyphs closer than this share of the font size are one run of text
_MAX_LABEL_TAIL = 14  # characters of a label's last wrapped words ("ที่รับผิดชอบ")
_MAX_CUT_TAIL = 20  # the rest of a known label cut mid-word, and what follows it
# Characters a clerk adds after a whole label ("ที่กำหนด", "ดำเนินการที่ดำเนิน"); a body
# line under a label runs longer ("การเผยแพร่ข้อมูลข่าวสาร", 22).
_MAX_LENGTHENING = _MAX_CUT_TAIL
# A label matches its field a little less surely for words added to it: a wrap the labels go
# on with may cost this much of the header's score for each label it lengthens.
_LONGER_LABEL = 0.05


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

    def index(self, x: float) -> int:
        return sum(x >= e for e in self.edges)


@dataclass
class Found:
    rows: list[list[list[Line] | None]]  # cells as lists of glyph lines, None where merged
    bbox: tuple[float, float, float, float]
    used: set[int]  # indexes of the page lines inside the table
    columns: Columns
    open_ended: bool  # ran to the foot of the page: the next page may continue it
    merged_down: dict[tuple[int, int], int]  # (row, column) -> the header row merged over it
    header_rows: int = 0  # rows of the header among rows

    @property
    def header_only(self) -> bool:
        """A header at the foot of a page, its body (and perhaps its sub-labels) on the next."""
        return self.open_ended and len(self.rows) <= self.header_rows


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


def _header(
    lines: Sequence[Line], start: int, text: Render, previous: Columns | None = None
) -> tuple[list[Line], int] | None:
    """The first header line's blocks and the header's last line, when a header starts at start.

    The line must read as a measures header, alone or with the line under it where labels
    wrap ("มาตรการ/" over "แนวทาง"). Lines below join while they are not a row's start and
    either put labels in columns the first line left without one (sub-labels under a group
    label), are bold like the first, make the labels match the fields better, or end labels
    wrapped in narrow columns (short words the labels above go on with). A body line
    continued from the page before has text only under labels the header already has.

    A header repeated on a later page is the lines the table's first header read, however
    its words would read on their own: the lines under it are its body.
    """
    blocks = _blocks(lines[start])
    if len(blocks) < 3 or _starts_row(text(blocks[0])):  # a row's first line is no header
        return None
    mapping, score = read_header([text(b) for b in blocks])
    spans = [_span(b) for b in blocks]
    last = start
    bold = _bold(lines[start])
    left, right = min(a for a, _ in spans), max(b for _, b in spans)
    below = _cell_lines(lines[start + 2 : _body_end(lines, start + 1)], left, right, text)
    leaves = _leaves(blocks, lines[start + 1] if start + 1 < len(lines) else None, text)
    if previous is not None and previous.header_lines:
        repeated = lines[start : start + len(previous.header_lines)]
        if tuple(text(line) for line in repeated) == previous.header_lines:
            return leaves, start + len(repeated) - 1
    columns = _columns(leaves, below)
    labelled = {columns.index(a + 1) for a, _ in spans}
    by_column: list[dict[int, Line]] = [_by_column(lines[start], columns)]
    if mapping is not None:
        score = _labels_score(by_column, text)
    for k in range(start + 1, min(start + _MAX_HEADER_LINES, len(lines))):
        if _starts_row(text(_blocks(lines[k])[0])) or _numbered_row(lines[k], text):
            break
        parts = _by_column(lines[k], columns)
        own, _ = map_labels([[text(p)] for p in parts.values()])
        if set(parts) - labelled and 2 * len(own) >= len(parts):
            labelled |= set(parts)
            by_column.append(parts)
            last = k
            score = _labels_score(by_column, text)
            continue
        if mapping is None:  # the first line alone is no header: its labels wrap
            trial = [list(b) for b in blocks]
            for b in _blocks(lines[k]):
                x0 = _span(b)[0]
                trial[min(range(len(spans)), key=lambda i: abs(spans[i][0] - x0))].extend(b)
            mapping, score = read_header([text(b) for b in trial])
            if mapping is None:
                break
            by_column.append(parts)
            last = k
            score = _labels_score(by_column, text)
            continue
        trial_score = _labels_score([*by_column, parts], text)
        # The last words of labels wrapped in narrow columns ("มาตรการ/" over "โครงการ",
        # "ระยะเวลา" over "ดำเนินการ"): short, and the label above goes on with them, after
        # its slash or into a label the forms write. "ผลลัพธ์" over "คะแนน" (a score cut by
        # the page break) is neither.
        above = {col: [text(line[col]) for line in by_column if col in line] for col in parts}
        goes_on = {col: _goes_on(above[col], text(p)) for col, p in parts.items()}
        # A label lengthened by a word or two wraps under a whole label; the line is the
        # header's where every other label in it goes on for sure, or goes on in a column
        # whose label has wrapped already ("ระยะเวลา" over "ดำเนินการที่ดำเนิน" over "การ").
        wrapped = {col for col in parts if len(above[col]) >= 2}
        lengthened = {col for col, p in parts.items() if _lengthens(above[col], text(p))}
        tail = (any(goes_on.values()) or bool(wrapped)) and all(
            goes_on[col] or col in lengthened for col in parts
        )
        if (
            (bold and _bold(lines[k]))
            or trial_score > score + 0.05
            or (tail and trial_score >= score - _LONGER_LABEL * max(1, len(lengthened)))
        ):
            by_column.append(parts)
            # A label lengthened once more is measured against the header as it now reads.
            last, score = k, trial_score if tail else max(score, trial_score)
        else:
            break
    if mapping is None:
        return None
    return _with_lower_labels(leaves, lines[start + 2 : last + 1]), last


def _with_lower_labels(leaves: list[Line], lower: Sequence[Line]) -> list[Line]:
    """The column labels with those that stand lower in the header under no label above: a
    producer that centres labels vertically puts a one-line label ("ผลลัพธ์") beside the
    second line of a two-line one, and so on down."""
    found = list(leaves)
    for line in lower:
        for block in _blocks(line):
            if not any(_overlap(_span(block), _span(leaf)) for leaf in found):
                found.append(block)
    return sorted(found, key=lambda b: _span(b)[0])


def _goes_on(above: list[str], words: str) -> bool:
    """Whether the label in a column's header lines wrapped onto words: after its slash, or
    into a known label (the column's whole text, or its last line under a group label), or
    completing a known label cut mid-word ("หน่วยงานที่รับผิด" over "ชอบ/ผู้ประสานงาน")."""
    if not above or not skeleton(words):  # a number, a dash: no word of a label
        return False
    labels = [join_wrapped(above), above[-1]]
    if _in_note(labels[0], words):  # "ผลการดำเนินงาน" over "(ระบุรายละเอียด)"
        return len(words.strip()) <= MAX_LABEL_CHARS
    if len(words.strip()) > _MAX_CUT_TAIL:
        return False
    if any(_completes(t, words) for t in labels):
        return True
    if len(words.strip()) > _MAX_LABEL_TAIL:
        return False
    return labels[0].endswith("/") or any(is_known_label(join_wrapped([t, words])) for t in labels)


def _completes(label: str, words: str) -> bool:
    """Words that finish a known label the column's width cut inside a word."""
    return begins_with_known_label(join_wrapped([label, words])) and not begins_with_known_label(
        label
    )


def _lengthens(above: list[str], words: str) -> bool:
    """A few words more after a label that is whole ("มาตรการ/แนวทาง" over "ที่กำหนด"): a
    clerk's longer label, or a body line under it; taken only beside a label that wrapped."""
    label = join_wrapped(above) if above else ""
    return (
        bool(skeleton(words))
        and len(words.strip()) <= _MAX_LENGTHENING
        and begins_with_known_label(label)
        and begins_with_known_label(join_wrapped([label, words]))
    )


def _in_note(label: str, words: str) -> bool:
    """Words that open a note to the label, in brackets or asterisks, or go on with one the
    label opened ("(ร้อย" over "ละ/คะแนน)")."""
    opened = label.count("(") > label.count(")") or label.count("*") % 2 == 1
    return opened or words.lstrip().startswith(("(", "*"))


def _numbered_row(line: Line, text: Render) -> bool:
    """A line that opens with a number in a sequence column ("1", "๒"), where a header's row
    of column numbers ("(1) (2) (3)") numbers every column."""
    blocks = [text(b) for b in _blocks(line)]
    return is_sequence_number(blocks[0]) and not all(is_sequence_number(b) for b in blocks)


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def _leaves(first: list[Line], under: Line | None, text: Render) -> list[Line]:
    """The header's column labels: the first line's blocks, where a group label stands over
    two or more sub-labels on the line below ("แผนการดำเนินงาน" over วิธีดำเนินการ and
    ผู้รับผิดชอบ) the sub-labels instead, and sub-labels that stand under no label of the first
    line as their own. The line below counts only when it reads as labels (half its blocks
    or more): a body line under a one-line header never does."""
    if under is None or _starts_row(text(_blocks(under)[0])):
        return first
    subs = _blocks(under)
    own, _ = map_labels([[text(b)] for b in subs])
    if 2 * len(own) < len(subs):
        return first
    spans = [_span(b) for b in first]
    leaves: list[Line] = []
    for block, span in zip(first, spans, strict=True):
        below = [b for b in subs if _overlap(_span(b), span)]
        leaves.extend(below if len(below) >= 2 else [block])
    leaves.extend(b for b in subs if not any(_overlap(_span(b), span) for span in spans))
    return sorted(leaves, key=lambda b: _span(b)[0])


def _cell_lines(lines: Sequence[Line], left: float, right: float, text: Render) -> list[Line]:
    """The lines that lie in cells: not category rows, nor one run of text across most of the
    table (a row merged across), which would fill the white strips between columns."""
    half = (right - left) / 2
    return [
        line
        for line in lines
        if not is_category_text(text(line))
        and not (len(_blocks(line)) == 1 and _span(line)[1] - _span(line)[0] > half)
    ]


def _by_column(line: Line, columns: Columns) -> dict[int, Line]:
    parts: dict[int, Line] = {}
    for ch in line:
        parts.setdefault(columns.index((ch["x0"] + ch["x1"]) / 2), []).append(ch)
    return parts


def _labels_score(header: list[dict[int, Line]], text: Render) -> float:
    """How well header lines read as labels, column by column: each column's text below the
    first line (its own label under a group label), or all of it."""
    n = max((c for line in header for c in line), default=-1) + 1
    readings = []
    for col in range(n):
        texts = [text(line[col]) for line in header if col in line]
        lower = [text(line[col]) for line in header[1:] if col in line]
        readings.append([join_wrapped(lower or texts), join_wrapped(texts)])
    return map_labels(readings)[1]


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
    # label inside it runs over a column left empty on this page, and the label's edge stays.
    edges = [
        e
        for e in _edges(first, body)
        if not any(
            a - size <= e <= b + size and not any(a < x < b for x in starts) for a, b in rivers
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


def _header_rows(
    lines: Sequence[Line], columns: Columns
) -> tuple[list[list[list[Line] | None]], dict[tuple[int, int], int]]:
    """The header as one row of labels, or two when a label spans several columns (a group
    label over its sub-labels): a label crossing a column edge with no gap at the edge is a
    group label; labels that merely run close together are cut at the edges."""
    n = len(columns.edges) + 1
    leaves: list[list[Line]] = [[] for _ in range(n)]
    groups: list[tuple[int, int, Line]] = []  # first column, last column, label
    for line in lines:
        for block in _blocks(line):
            x0, x1 = _span(block)
            inside = [e for e in columns.edges if x0 < e < x1]
            if any(_straddles(block, e) for e in inside):
                groups.append((columns.index(x0 + 1), columns.index(x1 - 1), block))
                continue
            for ch_col in range(n):
                part = [c for c in block if columns.index((c["x0"] + c["x1"]) / 2) == ch_col]
                if part:
                    leaves[ch_col].append(part)
    if not groups:
        return [[cell if cell else [] for cell in leaves]], {}
    top: list[list[Line] | None] = [list(cell) for cell in leaves]
    below: list[list[Line] | None] = [[] for _ in range(n)]
    merged: dict[tuple[int, int], int] = {}
    grouped: set[int] = set()
    for first, last, label in groups:
        top[first] = [label]
        for col in range(first, last + 1):
            grouped.add(col)
            below[col] = leaves[col]
            if col > first:
                top[col] = None
    for col in range(n):
        if col not in grouped:
            merged[(1, col)] = 0
    return [top, below], merged


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
    side touch (one text), where two cells' texts stand apart by their padding at least."""
    left = [c["x1"] for c in chars if c["x0"] + c["x1"] < 2 * edge]
    right = [c["x0"] for c in chars if c["x0"] + c["x1"] >= 2 * edge]
    if not left or not right:
        return False
    size = statistics.median(c["size"] for c in chars)
    return bool(min(right) - max(left) < _RUN_ON * size)


def _header_fields(head: list[list[list[Line] | None]], text: Render) -> dict[int, str]:
    """Column -> field, by the header's labels (column by column, group labels above)."""
    n = max((len(r) for r in head), default=0)
    readings = []
    for col in range(n):
        texts = [text(ln) for r in head if col < len(r) and r[col] for ln in r[col] or []]
        readings.append([join_wrapped(texts)] if texts else [])
    return map_labels(readings)[0]


def _rows(
    header: list[list[list[Line] | None]], body: Sequence[Line], columns: Columns, text: Render
) -> list[list[list[Line] | None]]:
    """The table's rows, cells as lists of glyph lines; a category row is one cell across."""
    n = len(columns.edges) + 1
    rows: list[list[list[Line] | None]] = list(header)
    current: list[list[Line] | None] | None = None
    category: list[Line] | None = None  # the category row being read, while it wraps
    for line in body:
        if _across(line, columns, text):
            category = [line]
            rows.append([category, *([None] * (n - 1))])
            current = None
            continue
        cells = _split(line, columns)
        first = text(cells[0]) if cells[0] else ""
        if category is not None and first and not _starts_row(first) and not any(cells[1:]):
            category.append(cells[0])  # a category label wrapped in the first column
            continue
        category = None
        if current is None or _opens_row(cells, columns, text):
            current = [[] for _ in range(n)]
            rows.append(current)
        for k, chars in enumerate(cells):
            cell = current[k]
            if chars and cell is not None:
                cell.append(chars)
    return rows


def find(lines: Sequence[Line], previous: Columns | None, text: Render) -> Found | None:
    """The first borderless measures table among a page's lines, if there is one.

    With the columns of a table left open on the page before, the page's first lines
    continue it up to the next header; the table under that header is found by a next call
    on the lines after.
    """
    header_at, header, last = len(lines), None, -1
    for i in range(len(lines)):
        found = _header(lines, i, text, previous)
        if found is not None:
            (header, last), header_at = found, i
            break
    # The table's header repeated on the next page: the same table, with the same columns,
    # however closely this page's text runs up to an edge. It stands above the rows it
    # continues: lines above it are the page's head or a group label raised above the
    # labels (Chromium centres labels vertically), not the table's rows.
    repeated = (
        previous
        if previous is not None
        and header is not None
        and tuple(text(line) for line in lines[header_at : last + 1]) == previous.header_lines
        else None
    )
    if (
        previous is not None
        and header_at > 0
        and repeated is None
        and not _closes(lines[:header_at], previous, text)
    ):
        return _table(lines, None, 0, header_at, previous, text)
    if header is None:
        return None
    return _table(lines, (header, last), last + 1, len(lines), repeated, text, header_at)


def _split(line: Line, columns: Columns) -> list[Line]:
    """A line's glyphs by column, each in content-stream order (the text repair relies on it)."""
    cells: list[Line] = [[] for _ in range(len(columns.edges) + 1)]
    for ch in line:
        cells[columns.index((ch["x0"] + ch["x1"]) / 2)].append(ch)
    return cells


def _opens_row(cells: list[Line], columns: Columns, text: Render) -> bool:
    """A line that opens a row: a number or category label in the first column, a measure
    number in the measure column, or any number in a sequence column."""
    subject = cells[columns.subject] if columns.subject < len(cells) else []
    numbered = cells[columns.number] if columns.number is not None else []
    return (
        (bool(cells[0]) and _starts_row(text(cells[0])))
        or (bool(subject) and opens_measure(text(subject)))
        or (bool(numbered) and is_sequence_number(text(numbered)))
    )


def _closes(lines: Sequence[Line], columns: Columns, text: Render) -> bool:
    """Whether a page's lines cannot go on with the table above: they open with one run of
    text across its columns that neither labels a category nor opens a row, or with a
    signature line ("ลงชื่อ …", which may fit in the first column), and no row follows (the
    signature under the table, alone on the last page). A measure's text stays
    within its column; the rest of a category's title cut by the break has its rows below."""
    if not lines or _starts_row(text(lines[0])):
        return False
    if not _across(lines[0], columns, text) and not is_signature_line(text(lines[0])):
        return False
    return not any(_opens_row(_split(line, columns), columns, text) for line in lines[1:])


def _table(
    lines: Sequence[Line],
    header: tuple[list[Line], int] | None,
    body_start: int,
    limit: int,
    previous: Columns | None,
    text: Render,
    header_at: int | None = None,
) -> Found | None:
    # A continued table keeps its first page's line spacing: the few lines it may have on
    # this page (and the gap to the signature under them) are no measure of it.
    spacing = previous.spacing if previous is not None and previous.spacing else None
    body_end = min(_body_end(lines, body_start, spacing), limit)
    body = lines[body_start:body_end]
    columns = previous
    head: list[list[list[Line] | None]] = []
    merged: dict[tuple[int, int], int] = {}
    if header is not None and header_at is not None:
        first = header[0]
        if previous is not None:  # a repeated header: the columns of the page before
            columns = Columns(list(previous.edges), previous.left, previous.right)
        else:
            left, right = min(_span(b)[0] for b in first), max(_span(b)[1] for b in first)
            columns = _columns(first, _cell_lines(body, left, right, text))
        head, merged = _header_rows(lines[header_at : header[1] + 1], columns)
        fields = _header_fields(head, text)
        columns.subject = next((c for c, f in fields.items() if f == "measure"), 0)
        columns.number = next((c for c, f in fields.items() if f == "number"), None)
        columns.spacing = line_spacing(lines)
        columns.header_lines = tuple(text(line) for line in lines[header_at : header[1] + 1])
    assert columns is not None
    rows = _rows(head, body, columns, text)
    used = set(range(header_at if header_at is not None else body_start, body_end))
    if not rows or not used:
        return None
    bbox = (
        columns.left,
        min(lines[i][0]["top"] for i in used),
        columns.right,
        max(lines[i][0]["bottom"] for i in used),
    )
    return Found(rows, bbox, used, columns, body_end == len(lines), merged, len(head))
