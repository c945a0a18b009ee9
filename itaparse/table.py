"""From tables to logical rows: find the measures tables, map their headers, stitch page breaks.

A report may hold one long measures table (the results report) or one small table per issue
under a heading outside the tables (the NACC analysis form); both come out as one list of
category and measure rows, in document order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from itaparse.readers.grid import Cell, Grid, Row, Table
from itaparse.stitching import stitch
from itaparse.table_header import (
    find_header,
    header_at,
    labels_only,
    map_header,
    merged_from,
    numbers_columns,
    refine,
    same_header,
    split_swallowed_row,
)
from itaparse.table_rows import (
    CategoryRow,
    Entry,
    Header,
    LogicalRow,
    MeasureRow,
    category_of,
    heading_row,
    starts_measure,
)
from itaparse.thai.text import join_wrapped
from itaparse.vocabulary import map_labels

# What the rest of itaparse reads of the table logic, whichever module of it defines it.
__all__ = [
    "CategoryRow",
    "Header",
    "LogicalRow",
    "MeasureRow",
    "MeasuresTable",
    "find_header",
    "find_measures_table",
    "header_at",
    "map_header",
]


@dataclass
class MeasuresTable:
    header: dict[int, str]  # column -> field, of the first measures table
    header_text: dict[int, str]  # column -> header text as written, of the first table
    rows: list[LogicalRow]
    tables: list[int]  # indexes in grid.tables of the tables it was read from
    headers: list[Header] = field(default_factory=list)  # each table's own header, in order
    # Text of rows above a header inside its table: forms put their title and agency there.
    preamble: list[str] = field(default_factory=list)
    weak: bool = False  # read on weak evidence: a subject and one column, numbered rows


# A table whose header shows only a subject and one more column is read only when this many
# of its rows open with a measure's number: then it is a list of measures, however labelled.
_WEAK_MIN_NUMBERED = 2


def find_measures_table(grid: Grid) -> MeasuresTable | None:
    """Every measures table of the document, chained in order, with the headings between them.

    Where no table has a measures header, a table with a subject column and one column of a
    measure's content is read if its rows are numbered measures (MeasuresTable.weak).
    """
    found = _find_tables(grid, weak=False)
    if found is not None:
        return found
    weak = _find_tables(grid, weak=True)
    if weak is None:
        return None
    numbered = sum(
        1 for r in weak.rows if isinstance(r, MeasureRow) and starts_measure(r.cells.get("measure"))
    )
    if numbered < _WEAK_MIN_NUMBERED:
        return None
    weak.weak = True
    return weak


def _find_tables(grid: Grid, weak: bool) -> MeasuresTable | None:
    """The measures tables chained: a table continues the one before when it repeats its
    header or has no header but the same number of columns (reports that print the header on
    the first page only); a table with a measures header of its own starts a new run of rows
    with its own columns. A category heading outside the tables heads the next table's rows.
    """
    body: list[Entry] = []
    used: list[int] = []
    headers: list[Header] = []
    current: Header | None = None
    n_cols = 0
    heading: CategoryRow | None = None
    preamble: list[str] = []
    index = -1
    after_header = False  # the table before ended with a header: this one may hold its rest
    # The last table read with the measures table's columns: a later table that lacks the
    # category column (Chromium) is placed among them, however many such tables follow.
    last_full: Table | None = None
    # Each header read with the columns of its table, and the last table read with each
    # number of columns: a header cut by a page break returns to the one whose columns its
    # table has (see _resumed).
    known: list[tuple[Header, int]] = []
    last_with: dict[int, Table] = {}
    for page, block in grid.blocks:
        if isinstance(block, str):
            heading = heading_row(block, page) or heading
            continue
        index += 1
        table = block
        cut_header, after_header = after_header, all(labels_only(r) for r in table.rows)
        split_swallowed_row(table)
        found = find_header(table, weak)
        if found is not None:
            rest = _body_rows(table, found.end, found)
            refined = refine(found, rest, weak)
            if refined is None:
                continue
            if current is None or not same_header(refined, current, table.n_cols, n_cols):
                current, n_cols = refined, table.n_cols
                headers.append(current)
                known.append((current, n_cols))
            else:
                _adopt(current, refined)
            preamble.extend(
                join_wrapped(c.lines) for r in table.rows[: found.start] for c in r.filled
            )
            header_rows = table.rows[found.start : found.end]
            rows = [r for r in rest if not merged_from(r, header_rows, current.measure_col)]
        elif current is not None and table.n_cols == n_cols:
            rows = _body_rows(table, _header_rest(table, current) if cut_header else 0, current)
        elif cut_header and (resumed := _resumed(table, known, last_with)) is not None:
            if current is not None:
                _drop_unused(headers, known, current, body)
            current, n_cols = resumed, table.n_cols
            rows = _body_rows(table, _header_rest(table, current), current)
        elif current is not None and (offset := _columns_within(table, last_full)) is not None:
            rows = [_padded(r, offset, n_cols) for r in _body_rows(table, 0, current)]
            if _header_piece(rows):  # part of the next table's header, cut at a page foot
                rows = []
        else:
            continue
        if table.n_cols == n_cols:
            last_full = last_with[n_cols] = table
        after_header = not any(r.filled for r in rows)  # blank rows are no body
        if rows and heading is not None:  # a heading waits for the rows it heads
            if category_of(rows[0]) is None:
                body.append((heading, False, current))
            heading = None
        body.extend((row, k == 0, current) for k, row in enumerate(rows))
        used.append(index)
    if not headers:
        return None
    first = headers[0]
    return MeasuresTable(first.fields, first.labels, stitch(body), used, headers, preamble)


def _resumed(
    table: Table, known: list[tuple[Header, int]], last_with: dict[int, Table]
) -> Header | None:
    """The header a table continues when the table before it held only labels: a header
    cut by a page break whose top, at the page's foot, ruled fewer columns (Chromium splits
    a header row; its cells spanning two columns rule one), so it read as a header of its
    own. The table after it, holding the header's rest and the rows, has the columns of a
    header read before: the most recent one with its number of columns, if the table read
    under it last has this table's column rules (a ruled table's, where both are ruled)."""
    for header, n_cols in reversed(known):
        if n_cols != table.n_cols:
            continue
        before = last_with.get(n_cols)
        if before is not None and before.cells and table.cells:  # both ruled
            return header if _same_rules(_boundaries(table), _boundaries(before)) else None
        return header
    return None


def _same_rules(ours: list[float], theirs: list[float]) -> bool:
    return len(ours) == len(theirs) and all(
        abs(a - b) <= _SAME_RULE for a, b in zip(ours, theirs, strict=True)
    )


def _drop_unused(
    headers: list[Header], known: list[tuple[Header, int]], header: Header, body: list[Entry]
) -> None:
    """Forget a header no row was read under (the top of a header cut by a page break)."""
    if any(h is header for _, _, h in body):
        return
    headers[:] = [h for h in headers if h is not header]
    known[:] = [(h, n) for h, n in known if h is not header]


def _adopt(header: Header, repeated: Header) -> None:
    """Columns a repeat of the header maps that the header left unmapped (its label too
    damaged to read on that page: a scan's stamp, dust) are mapped for every page's rows;
    the rows hold the header itself, so the rows read before are mapped too."""
    taken = set(header.fields.values())
    for col, field_name in repeated.fields.items():
        if col not in header.fields and field_name not in taken:
            header.fields[col] = field_name
            taken.add(field_name)
            if col in repeated.inferred:  # read from content there: still to be checked
                header.inferred[col] = field_name


# Points within which two ruled tables' column rules are one rule.
_SAME_RULE = 3.0


def _boundaries(table: Table) -> list[float]:
    """The x of a ruled table's column rules, from its cells' sides."""
    xs = sorted({round(x, 1) for box in table.cells for x in (box[0], box[2])})
    merged: list[float] = []
    for x in xs:
        if not merged or x - merged[-1] > _SAME_RULE:
            merged.append(x)
    return merged


def _columns_within(table: Table, before: Table | None) -> int | None:
    """Where a headerless ruled table with fewer columns sits among the columns of the table
    before it: Chromium draws no rules for a merged cell (a category column beside its
    measures) on the pages it runs onto, so the table there lacks that column. It continues
    the table before when its column rules are that table's, from some column on; returns
    that column."""
    if before is None or not table.cells or not before.cells or table.n_cols >= before.n_cols:
        return None
    ours, theirs = _boundaries(table), _boundaries(before)
    if len(ours) != table.n_cols + 1 or len(theirs) != before.n_cols + 1:
        return None
    for offset in range(len(theirs) - len(ours) + 1):
        if all(abs(a - b) <= _SAME_RULE for a, b in zip(ours, theirs[offset:], strict=False)):
            return offset
    return None


def _padded(row: Row, offset: int, n_cols: int) -> Row:
    """A row of a table that lacks columns, with empty cells where they are."""
    cells: list[Cell | None] = [Cell() for _ in range(offset)]
    cells.extend(row.cells)
    cells.extend(Cell() for _ in range(n_cols - len(cells)))
    return Row(cells, row.page)


def _header_rest(table: Table, header: Header) -> int:
    """Where the body starts in a table that opens with the rest of a header cut by a page
    break: rows of labels only, with nothing of their own in the subject column."""
    col = header.measure_col
    rows = table.rows
    for i, row in enumerate(rows):
        if numbers_columns(row):  # "(1) (2) (3)": the header's row of column numbers
            continue
        cell = row.cells[col] if col < len(row.cells) else None
        own = cell is not None and cell.above is None and not cell.empty
        if own or not labels_only(row):
            return i
    return len(rows)


def _header_piece(rows: list[Row]) -> bool:
    """Rows of labels only, two or more of them known ones: a piece of a header (pdfplumber
    cuts a shaded header at a page's foot into tables of its own), not a body."""
    if not rows or not all(labels_only(r) for r in rows):
        return False
    cells = [c for r in rows for c in r.cells if c is not None and not c.empty]
    return len(map_labels([[join_wrapped(c.lines)] for c in cells])[0]) >= 2


def _body_rows(table: Table, start: int, header: Header | None = None) -> list[Row]:
    """The table's rows from start on, less a header printed again among them and the
    header's row of column numbers ("(4) (5) (6) (7)") wherever it stands: a blank row
    between it and the labels (Chromium's note row of the NACC form) ends the header above
    it, and read as a measure it gave one with "(6)" for its unit."""
    return [
        r for r in table.rows[start:] if not numbers_columns(r) and not _repeats(r, table, header)
    ]


def _repeats(row: Row, table: Table, header: Header | None) -> bool:
    """A header row printed again inside the body (a one-row repeat of the header): a row
    that reads as a header with the table's own columns, its subject where the table's is
    and half its fields or more where the table has them. A body row whose words hold labels
    ("…กำหนดแนวทางแก้ไข" holds แนวทาง, "…ผลการปฏิบัติงาน…" a results label) reads as a
    header of other columns: it stays (seed 4100 LibreOffice no.170 lost a measure's rest
    on the next page so)."""
    found = header_at(Table([row], table.page), 0)
    if found is None or header is None:
        return found is not None
    same = sum(header.fields.get(col) == f for col, f in found.fields.items())
    return found.measure_col == header.measure_col and 2 * same >= len(found.fields)
