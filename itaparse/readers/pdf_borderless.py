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

The geometry (blocks, column edges) is in borderless_columns, the header's rules in
borderless_header; this module finds the table and cuts its body into rows.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from itaparse.numbering import (
    is_category_text,
    is_sequence_number,
    is_signature_line,
    opens_measure,
)
from itaparse.readers.borderless_band import same_letters
from itaparse.readers.borderless_columns import (
    Char,
    Columns,
    Line,
    Render,
    _across,
    _blocks,
    _body_end,
    _cell_lines,
    _columns,
    _span,
    _starts_row,
    _straddles,
    line_spacing,
)
from itaparse.readers.borderless_header import _header, _header_fields, _header_rows
from itaparse.thai.text import join_wrapped

# What callers reach through this module: the table, and the geometry it is read by.
__all__ = ["Char", "Columns", "Found", "Line", "Render", "_straddles", "find", "line_spacing"]


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


def _rows(
    header: list[list[list[Line] | None]], body: Sequence[Line], columns: Columns, text: Render
) -> list[list[list[Line] | None]]:
    """The table's rows, cells as lists of glyph lines; a category row is one cell across."""
    n = len(columns.edges) + 1
    rows: list[list[list[Line] | None]] = list(header)
    current: list[list[Line] | None] | None = None
    category: list[Line] | None = None  # the category row being read, while it wraps
    for at, line in enumerate(body):
        if _across(line, columns, text):
            category = [line]
            rows.append([category, *([None] * (n - 1))])
            current = None
            continue
        cells = _split(line, columns)
        first = text(cells[0]) if cells[0] else ""
        if category is None and _label_opens(cells, body[at + 1 : at + 2], columns, text):
            category = [cells[0]]  # "กลยุทธ์ที่" over "2 : การ…": the label wrapped before its number
            rows.append([category, *([None] * (n - 1))])
            current = None
            continue
        if category is not None and first and not _starts_row(first) and not any(cells[1:]):
            category.append(cells[0])  # a category label wrapped in the first column
            continue
        category = None
        if (
            current is None
            or _opens_row(cells, columns, text)
            or _resumes_ended(current, cells, line, columns.spacing)
        ):
            current = [[] for _ in range(n)]
            rows.append(current)
        for k, chars in enumerate(cells):
            cell = current[k]
            if chars and cell is not None:
                cell.append(chars)
    return rows


# A cell's text runs on without a gap: a column that had stood empty this many line spacings
# (top to top) within a row has ended there, or stands aside for the rows' items to align.
_ENDED = 3.0


def _resumes_ended(
    current: list[list[Line] | None], cells: list[Line], line: Line, spacing: float
) -> bool:
    """A line with text in two columns whose cells in the row had ended lines above, and none
    in a column still running: a new row, whose subject is not on this line. WeasyPrint
    breaks a row across pages cell by cell and leaves a measure's unit and period at the
    page's foot, its subject on the next page; read as the row above's, they gave that
    measure a second unit and period. One column going on after a gap is a row's own: its
    items set level with those of another column ("- หน่วยงานผ่านการ…" beside "๓. เปิดเผย…")."""
    tops = {k: cell[-1][0]["top"] for k, cell in enumerate(current) if cell}
    if not tops or spacing <= 0:
        return False
    top = line[0]["top"]
    used = [k for k, chars in enumerate(cells) if chars]
    ended = [k for k in used if k in tops and top - tops[k] > _ENDED * spacing]
    running = [k for k in used if k in tops and k not in ended]
    return len(ended) >= 2 and not running


def _label_opens(cells: list[Line], after: Sequence[Line], columns: Columns, text: Render) -> bool:
    """A first column's text alone that opens a category label with the next line's: the
    label wrapped in a narrow column before its number ("กลยุทธ์ที่" / "2 : การ…")."""
    if not cells[0] or any(cells[1:]) or not after or _starts_row(text(cells[0])):
        return False
    below = _split(after[0], columns)
    if not below[0] or any(below[1:]):
        return False
    return is_category_text(join_wrapped([text(cells[0]), text(below[0])]))


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
        and _same_labels(tuple(text(line) for line in lines[header_at : last + 1]), previous)
        else None
    )
    # Lines above a repeated header are rows the page continues when one of them opens a row
    # or they are more than a page's head and a raised group label: a new table with the
    # same header may start under the rest of the one before.
    head_only = (
        repeated is not None
        and header_at <= _MAX_HEAD_LINES
        and not any(_opens_row(_split(ln, repeated), repeated, text) for ln in lines[:header_at])
    )
    if (
        previous is not None
        and header_at > 0
        and not head_only
        and not _closes(lines[:header_at], previous, text)
    ):
        return _table(lines, None, 0, header_at, previous, text)
    if header is None:
        return None
    return _table(lines, (header, last), last + 1, len(lines), repeated, text, header_at)


def _is_band(labels: list[Line]) -> bool:
    """A header read as a band of centred labels (borderless_band): its labels are whole
    columns' text, over several lines. Such a band holds no group label (the band reader
    refuses one), so its first line, the top of the tallest label, groups nothing."""
    return any(max(c["top"] for c in b) - min(c["top"] for c in b) > b[0]["size"] for b in labels)


_MAX_HEAD_LINES = 2  # a running head and a group label raised above the labels


def _same_labels(lines: tuple[str, ...], previous: Columns) -> bool:
    """The header of the page before printed again (borderless_band.same_letters)."""
    return same_letters(lines, previous.header_lines)


# Body lines a page's columns must have been measured on for its edges to stand on the next.
_MIN_EVIDENCE = 3


def _kept_edges(edges: list[float], before: list[float], body: Sequence[Line]) -> list[float]:
    """A repeated header's columns measured anew on this page's body, with the edges of the
    page before that no text here runs over: a column this page leaves almost empty (the
    sequence column beside a row's rest) has no strip of its own to be found by. (A group
    label runs over its sub-columns' edges: labels do not judge them.)"""
    glyphs = [ch for line in body for ch in line]
    if not glyphs:
        return edges
    size = statistics.median(ch["size"] for ch in glyphs)
    kept = [
        e
        for e in before
        if all(abs(e - x) >= size for x in edges)
        and not any(_straddles(b, e) for line in body for b in _blocks(line))
    ]
    return sorted([*edges, *kept])


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
    # this page (and the gap to the signature under them) are no measure of it. A new
    # table's spacing is its body's: a header of labels centred half a line apart, on a page
    # where the table has few lines, would measure it too tight and end the body under its
    # first line.
    spacing = previous.spacing if previous is not None and previous.spacing else None
    if spacing is None and len(lines) - body_start >= 2:
        spacing = line_spacing(lines[body_start:])
    body_end = min(_body_end(lines, body_start, spacing), limit)
    body = lines[body_start:body_end]
    columns = previous
    head: list[list[list[Line] | None]] = []
    merged: dict[tuple[int, int], int] = {}
    if header is not None and header_at is not None:
        first = header[0]
        left, right = min(_span(b)[0] for b in first), max(_span(b)[1] for b in first)
        measured = _cell_lines(body, left, right, text, first)
        # A repeated header: the columns of the page before, where they were measured on as
        # much body as this page has (a page ending under a header measures them on a line).
        if previous is not None and previous.evidence >= len(measured):
            columns = Columns(list(previous.edges), previous.left, previous.right)
            columns.evidence = previous.evidence
        else:
            columns = _columns(first, measured)
            columns.evidence = len(measured)
            if previous is not None and previous.evidence >= _MIN_EVIDENCE:
                columns.edges = _kept_edges(columns.edges, previous.edges, measured)
        head, merged = _header_rows(lines[header_at : header[1] + 1], columns, _is_band(first))
        fields = _header_fields(head, text)
        columns.subject = next((c for c, f in fields.items() if f == "measure"), 0)
        columns.number = next((c for c, f in fields.items() if f == "number"), None)
        columns.spacing = spacing or line_spacing(lines)
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
