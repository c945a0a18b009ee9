"""From tables to logical rows: find the measures tables, map their headers, stitch page breaks.

A report may hold one long measures table (the results report) or one small table per issue
under a heading outside the tables (the NACC analysis form); both come out as one list of
category and measure rows, in document order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from itaparse.readers.grid import Cell, Grid, Row, Table
from itaparse.thai.dates import parse_period
from itaparse.thai.numerals import parse_number, to_arabic
from itaparse.thai.text import join_wrapped, skeleton
from itaparse.vocabulary import (
    DOTTED_CATEGORY_RE,
    MAX_GROUP_LABEL_CHARS,
    MAX_LABEL_CHARS,
    NUMBER_ALONE,
    SCORE_LABEL,
    TICK_FIELDS,
    category_match,
    heading_match,
    is_column_number,
    is_measures_header,
    is_sequence_number,
    is_tick,
    map_labels,
    measure_number,
    number_in_column,
    opens_measure,
)

# A header starts within the first rows (forms put their title and agency in the table's
# first rows) and runs over at most three rows (a group label, labels, sub-labels).
_MAX_HEADER_START = 6
_MAX_HEADER_ROWS = 3


@dataclass
class Header:
    start: int  # first header row
    end: int  # first body row
    fields: dict[int, str]  # column -> field
    labels: dict[int, str]  # column -> its own label as written
    score: float
    inferred: dict[int, str] = field(default_factory=dict)  # column -> field read from content

    @property
    def measure_col(self) -> int:
        return next(c for c, f in self.fields.items() if f == "measure")

    def label(self, col: int) -> str:
        """The key of an unmapped column in a measure's extra: its header text as written."""
        return self.labels.get(col) or f"column {col + 1}"


@dataclass
class CategoryRow:
    number: int | None
    title: str
    page: int | None
    # A "๑. …" row: a category only if measures numbered "๑.๑" follow (else a measure).
    dotted: bool = False
    label: str = ""  # a category column's text as last seen (it may be cut by page breaks)
    numbered: bool = False  # the category column wrote its number


@dataclass
class MeasureRow:
    cells: dict[str, Cell]
    extra: dict[str, Cell]
    pages: list[int] = field(default_factory=list)
    # Why some of its content may belong to the measure beside it: its fields are in doubt.
    doubts: list[str] = field(default_factory=list)

    @property
    def stitched_pages(self) -> list[int]:
        """Pages the row continued onto after a page break."""
        return self.pages[1:]


LogicalRow = CategoryRow | MeasureRow


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


def _column_readings(rows: list[Row], n_cols: int) -> tuple[list[list[str]], dict[int, str]]:
    """Per column: its own label (lowest header row that has one), then the label with the
    group labels above it; and the own label as written."""
    readings: list[list[str]] = []
    own: dict[int, str] = {}
    for col in range(n_cols):
        parts: list[str] = []
        for row in rows:
            cell = row.cells[col] if col < len(row.cells) else None
            if cell is None:  # covered by a cell spanning from the left: its group label
                owner = next(
                    (row.cells[c] for c in range(col - 1, -1, -1) if row.cells[c] is not None),
                    None,
                )
                cell = owner
            if cell is None or cell.above is not None or cell.empty:
                continue
            text = join_wrapped(cell.lines)
            if is_column_number(text):
                continue
            if not parts or parts[-1] != text:
                parts.append(text)
        if not parts:
            readings.append([])
            continue
        own[col] = parts[-1]
        readings.append([parts[-1], " ".join(parts)] if len(parts) > 1 else [parts[-1]])
    return readings, own


def _labels_only(row: Row) -> bool:
    """A row that can be part of a header: short texts, none opening a measure or category.
    A bare number ("(4)") is a column's number, which some headers print under the labels.
    A group label, spanning several columns, may be long: the NACC form's carries its year
    ("แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ เพื่อส่งเสริม… ประจำปีงบประมาณ พ.ศ. ๒๕๖๘")."""
    for col, cell in enumerate(row.cells):
        if cell is None or cell.empty:
            continue
        text = join_wrapped(cell.lines)
        spans = col + 1 < len(row.cells) and row.cells[col + 1] is None
        number, title = measure_number(text)
        if len(text) > (MAX_GROUP_LABEL_CHARS if spans else MAX_LABEL_CHARS) or (
            number is not None and title
        ):
            return False
        category = category_match(text)
        if category is not None and category[1]:
            return False
    return True


def _extends_header(row: Row, header_rows: list[Row]) -> bool:
    """A row belongs to the header above it when it continues the header's merged cells or
    sits under a group label (a cell spanning columns); a body row does neither."""
    last = header_rows[-1]
    for col, cell in enumerate(row.cells):
        if cell is not None and cell.above is not None and _merged_from(row, header_rows, col):
            return True
        spanned = col < len(last.cells) and last.cells[col] is None
        if spanned and cell is not None and not cell.empty:
            return True
    return False


def _merged_from(row: Row, header_rows: list[Row], col: int) -> bool:
    cell = row.cells[col] if col < len(row.cells) else None
    if cell is None or cell.above is None:
        return False
    return any(cell.above is r.cells[col] for r in header_rows if col < len(r.cells))


def header_at(table: Table, start: int, weak: bool = False) -> Header | None:
    """The measures header that starts at the given row, one to three rows deep.

    A row below joins the header when it holds only labels and either continues the header's
    merged cells or sits under a group label; the header ends where the body begins, however
    the labels wrap.
    """
    rows = table.rows
    if len(rows[start].filled) < 2:  # a title row across the table, not labels
        return None
    best: Header | None = None
    for depth in range(1, _MAX_HEADER_ROWS + 1):
        if start + depth > len(rows):
            break
        below = rows[start + depth - 1]
        if not _labels_only(below):
            break
        if depth > 1 and not _extends_header(below, rows[start : start + depth - 1]):
            break
        readings, own = _column_readings(rows[start : start + depth], table.n_cols)
        mapping, score = map_labels(readings)
        if not is_measures_header(mapping, weak):
            if best is None:
                continue
            break
        best = Header(start, start + depth, mapping, own, score)
    return best


def find_header(table: Table, weak: bool = False) -> Header | None:
    """The table's measures header, if it has one (within its first rows)."""
    for start in range(min(len(table.rows), _MAX_HEADER_START)):
        header = header_at(table, start, weak)
        if header is not None:
            return header
    return None


def map_header(row: Row) -> dict[int, str] | None:
    """Column index -> field for a one-row header; None when the row is not a measures header."""
    header = header_at(Table([row]), 0)
    return header.fields if header is not None else None


def _category_label(text: str) -> tuple[int, str, bool] | None:
    """(number, title, dotted) of a category label: "(๑) …", "ด้านที่ ๑ …", or "๑. …" (dotted:
    a category only where the measures under it are numbered "๑.๑")."""
    found = category_match(text)
    if found is not None:
        return found[0], found[1], False
    match = DOTTED_CATEGORY_RE.match(to_arabic(text))
    if match:
        return int(match.group(1)), text[match.start(2) :].strip(), True
    return None


def _category(row: Row) -> CategoryRow | None:
    """A category row: one filled cell (merged across, or alone in the first column); or a
    bare label ("ประเด็นที่ ๑") with its title in the next filled cell, where the label and the
    title fell into two columns."""
    filled = row.filled
    if len(filled) == 2 and not _starts_measure(filled[1]):
        label = category_match(join_wrapped(filled[0].lines))
        if label is not None and not label[1]:
            return CategoryRow(label[0], join_wrapped(filled[1].lines), row.page)
    if len(filled) != 1:
        return None
    found = _category_label(join_wrapped(filled[0].lines))
    if found is None:
        return None
    number, title, dotted = found
    if dotted and not (row.cells and row.cells[0] is filled[0]):
        return None
    return CategoryRow(number, title, row.page, dotted)


def _heading(line: str, page: int | None) -> CategoryRow | None:
    found = heading_match(line)
    return CategoryRow(found[0], found[1], page) if found is not None else None


def _starts_measure(cell: Cell | None) -> bool:
    """A cell that opens a measure: its number, or the ITA item it answers ("e1 …")."""
    if cell is None or cell.empty:
        return False
    return opens_measure(join_wrapped(cell.lines[:2]))


def _append(target: Cell, more: Cell, wrap: bool) -> None:
    """Continue a cell: a page break cuts a paragraph (wrap), a merged row adds paragraphs."""
    if more.empty:
        return
    target.doubts.extend(more.doubts)
    if more.confidence is not None:
        target.confidence = min(more.confidence, target.confidence or 100.0)
    if wrap and target.paragraphs:
        target.paragraphs[-1].extend(more.paragraphs[0])
        target.paragraphs.extend(more.paragraphs[1:])
    else:
        target.paragraphs.extend(more.paragraphs)


# Words that name a unit or an office: what a responsible column holds.
_UNIT_WORDS = re.compile(
    r"^(?:สำนัก|กอง|กลุ่มงาน|กลุ่ม|งาน|ฝ่าย|หัวหน้า|ปลัด|ผู้อำนวยการ|นายก|ทุกกอง|ทุกส่วน|ทุกหน่วย"
    r"|เจ้าหน้าที่|คณะกรรมการ|คณะทำงาน|หน่วยตรวจสอบ|ศูนย์|ผู้บริหาร)"
)


def _body_cells(rows: list[Row], col: int) -> list[str]:
    texts = []
    for row in rows:
        cell = row.cells[col] if col < len(row.cells) else None
        if cell is not None and not cell.empty and _category(row) is None:
            texts.append(join_wrapped(cell.lines))
    return texts


def _most(texts: list[str], test: Callable[[str], bool]) -> bool:
    return bool(texts) and sum(1 for t in texts if test(t)) >= max(1, 2 * len(texts) / 3)


def _refine(header: Header, body: list[Row], weak: bool = False) -> Header | None:
    """Correct the header's reading by the column contents.

    Tick columns must hold ticks: a group whose cells hold counts is a tally (a complaints
    summary), not a status. An unmapped column, or one whose label could not be read, takes its
    role from what it holds: periods, scores (0-100 under a label with คะแนน), unit names.
    """
    fields = dict(header.fields)
    ticks = [c for c, f in fields.items() if f in TICK_FIELDS]
    if ticks:
        cells = [t for c in ticks for t in _body_cells(body, c)]
        # No body yet (a header cut from its rows by a page break): nothing to judge by.
        if (body and not cells) or not all(is_tick(t) for t in cells):
            for c in ticks:
                del fields[c]
    inferred: dict[int, str] = {}
    for col in range(max((len(r.cells) for r in body), default=0)):
        if col in fields:
            continue
        texts = _body_cells(body, col)
        taken = set(fields.values())
        label = header.labels.get(col, "")
        role = None
        if "period" not in taken and _most(texts, lambda t: parse_period(t, None)[0] is not None):
            role = "period"
        elif (
            "score" not in taken
            and (SCORE_LABEL in skeleton(label) or not label)
            and _most(texts, lambda t: (n := parse_number(t)) is not None and 0 <= n <= 100)
        ):
            role = "score"
        elif (
            "responsible" not in taken
            and not label
            and _most(texts, lambda t: len(t) <= 60 and _UNIT_WORDS.match(t) is not None)
        ):
            role = "responsible"
        if role is not None:
            fields[col] = role
            inferred[col] = role
    if not is_measures_header(fields, weak):
        return None
    return Header(header.start, header.end, fields, header.labels, header.score, inferred)


# Body rows in document order: the row (or a heading above a table), whether it opens its
# table, and the header that maps its columns.
_Entry = tuple[Row | CategoryRow, bool, Header]


def _same_header(found: Header, header: Header, n: int, n_first: int) -> bool:
    """A repeated header: same columns, and no column mapped to a different field (a label
    too damaged to map on one page must not cost that page's rows)."""
    return n == n_first and all(header.fields.get(c, f) == f for c, f in found.fields.items())


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
        1
        for r in weak.rows
        if isinstance(r, MeasureRow) and _starts_measure(r.cells.get("measure"))
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
    body: list[_Entry] = []
    used: list[int] = []
    headers: list[Header] = []
    current: Header | None = None
    n_cols = 0
    heading: CategoryRow | None = None
    preamble: list[str] = []
    index = -1
    after_header = False  # the table before ended with a header: this one may hold its rest
    last_table: Table | None = None  # the last table read as a measures table
    for page, block in grid.blocks:
        if isinstance(block, str):
            heading = _heading(block, page) or heading
            continue
        index += 1
        table = block
        cut_header, after_header = after_header, all(_labels_only(r) for r in table.rows)
        found = find_header(table, weak)
        if found is not None:
            rest = _body_rows(table, found.end)
            refined = _refine(found, rest, weak)
            if refined is None:
                continue
            if current is None or not _same_header(refined, current, table.n_cols, n_cols):
                current, n_cols = refined, table.n_cols
                headers.append(current)
            preamble.extend(
                join_wrapped(c.lines) for r in table.rows[: found.start] for c in r.filled
            )
            header_rows = table.rows[found.start : found.end]
            rows = [r for r in rest if not _merged_from(r, header_rows, current.measure_col)]
        elif current is not None and table.n_cols == n_cols:
            rows = _body_rows(table, _header_rest(table, current) if cut_header else 0)
        elif current is not None and (offset := _columns_within(table, last_table)) is not None:
            rows = [_padded(r, offset, n_cols) for r in _body_rows(table, 0)]
        else:
            continue
        last_table = table
        after_header = not rows
        if rows and heading is not None:  # a heading waits for the rows it heads
            if _category(rows[0]) is None:
                body.append((heading, False, current))
            heading = None
        body.extend((row, k == 0, current) for k, row in enumerate(rows))
        used.append(index)
    if not headers:
        return None
    first = headers[0]
    return MeasuresTable(first.fields, first.labels, _stitch(body), used, headers, preamble)


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
    for i, row in enumerate(table.rows):
        cell = row.cells[col] if col < len(row.cells) else None
        own = cell is not None and cell.above is None and not cell.empty
        if own or not _labels_only(row):
            return i
    return len(table.rows)


def _body_rows(table: Table, start: int) -> list[Row]:
    """The table's rows from start on, less a header printed again among them."""
    return [r for r in table.rows[start:] if not _repeats(r, table)]


def _repeats(row: Row, table: Table) -> bool:
    """A header row printed again inside the body (a one-row repeat of the header)."""
    found = header_at(Table([row], table.page), 0)
    return found is not None


def _cell(row: Row, col: int) -> Cell | None:
    return row.cells[col] if col < len(row.cells) else None


def _number_cell(row: Row, header: Header) -> Cell | None:
    """The row's cell in the table's number column (ลำดับ, ที่) when it holds a number (a
    category label in the first column may wrap into it too)."""
    for col in (c for c, f in header.fields.items() if f == "number"):
        cell = _cell(row, col)
        if cell is not None and not cell.empty and is_sequence_number(join_wrapped(cell.lines)):
            return cell
    return None


def _opens_measure(row: Row, header: Header) -> bool:
    """A body row that opens a new measure: a number in its number column, or a measure cell
    that opens with a number or the ITA item it answers."""
    return _number_cell(row, header) is not None or _starts_measure(_cell(row, header.measure_col))


def _opening_number(row: Row, header: Header) -> str | None:
    """The number a body row opens a measure with: in its number column when the table has
    one, else at the head of its measure cell."""
    numbered = _number_cell(row, header)
    if numbered is not None:
        text = join_wrapped(numbered.lines[:2])
        return number_in_column(text)
    cell = _cell(row, header.measure_col)
    if cell is None or cell.empty:
        return None
    found = measure_number(join_wrapped(cell.lines[:2]))[0]
    if found is None and NUMBER_ALONE.fullmatch(join_wrapped(cell.lines[:1])):
        found = to_arabic(join_wrapped(cell.lines[:1])).strip()  # "๓.๑", its title wrapped below
    return found


def _decimal_follows(rest: list[_Entry], number: int) -> bool:
    """Whether the next measure below a '๑. …' row is numbered '๑.x' (the row is its category)."""
    for row, _opens, header in rest:
        if isinstance(row, CategoryRow):
            return False
        found = _opening_number(row, header)
        if found is None:  # the rest of the row itself, cut by a page break
            continue
        return found.startswith(f"{number}.")
    return False


def _stitch(entries: list[_Entry]) -> list[LogicalRow]:
    """Body rows to categories and measures: rows that continue a measure (an empty first
    cell, or a first cell at the top of a page that opens no new measure) join it."""
    rows: list[LogicalRow] = []
    held: Row | None = None  # the head of a cut row, which opens the next measure
    unsure_next: str | None = None
    for i, (row, opens_table, header) in enumerate(entries):
        if isinstance(row, CategoryRow):
            rows.append(row)
            continue
        category = _category(row)
        if category is not None and category.dotted:
            dotted_number = category.number
            assert dotted_number is not None
            if not _decimal_follows(entries[i + 1 :], dotted_number):
                category = None
        if category is not None:
            rows.append(category)
            continue
        if not row.filled:
            continue
        last = rows[-1] if rows else None
        if isinstance(last, CategoryRow) and _continues_category(row, last, opens_table):
            last.title = join_wrapped([last.title, join_wrapped(row.filled[0].lines)])
            continue
        first_cell = row.cells[header.measure_col] if header.measure_col < len(row.cells) else None
        new_page = (
            isinstance(last, MeasureRow)
            and row.page is not None
            and bool(last.pages)
            and row.page != last.pages[-1]
        )
        continues = isinstance(last, MeasureRow) and (
            first_cell is None
            or first_cell.empty
            or (opens_table and new_page and not _opens_measure(row, header))
        )
        cut = _cut_head(entries, i, last) if _blank(first_cell) else None
        if cut == "next":
            held = row
            continue
        if continues:
            assert isinstance(last, MeasureRow)
            if cut == "unsure":
                doubt = _UNSURE_CUT.format(page=row.page)
                last.doubts.append(doubt)
                unsure_next = doubt
            _continue(last, row, header)
            _category_column_continues(last, rows)
            continue
        measure = _new_measure(row, header)
        if held is not None:
            _prepend(measure, held, header)
            held = None
        if unsure_next is not None:
            measure.doubts.append(unsure_next)
            unsure_next = None
        category = _category_column(measure, rows, row.page)
        if category is not None:
            rows.append(category)
        rows.append(measure)
    return rows


_UNSURE_CUT = (
    "a row at the foot of page {page} has no subject: it may be the rest of the measure above "
    "or the head of the next, cut by the page break; read with the measure above"
)


def _cut_head(entries: list[_Entry], i: int, last: LogicalRow | None) -> str | None:
    """Whether a row without a subject at the foot of a page is the head of the next page's
    measure: WeasyPrint, keeping a paragraph's lines together, moves a cut row's subject to the
    next page and leaves on this one only the cells whose first lines fit, in a row of their
    own under the measure above. It is the head of the next measure ("next") when the next
    page's table opens with a measure that lacks a column the row fills (the two parts make
    one row; a paragraph cut between them is joined); where that measure has every one of them
    it is in doubt ("unsure"); else it is no such row (None): the row shares no page with the
    measure above, or no measure opens the next page's table."""
    row, _opens, header = entries[i]
    assert isinstance(row, Row)
    above = isinstance(last, MeasureRow)  # else a category or nothing is above: no other home
    if row.page is None or (above and last.pages[-1:] != [row.page]):  # type: ignore[union-attr]
        return None
    subject = _cell(row, header.measure_col)
    if subject is not None and subject.above is not None:
        return None  # the subject's cell is merged down over this row: it continues it
    if i + 1 >= len(entries):
        return None
    after, opens_table, after_header = entries[i + 1]
    if isinstance(after, CategoryRow):
        return None
    if (
        not opens_table
        or after.page is None
        or after.page <= row.page
        or not _opens_measure(after, after_header)
        or len(after.cells) != len(row.cells)
    ):
        return None
    filled = [c for c, cell in enumerate(row.cells) if cell is not None and not cell.empty]
    if not above or any(_blank(_cell(after, c)) for c in filled):
        return "next"
    return "unsure"


def _blank(cell: Cell | None) -> bool:
    return cell is None or cell.empty


def _prepend(measure: MeasureRow, head: Row, header: Header) -> None:
    """The head of a cut row, left on the page before, put back at the top of its measure."""
    for col, cell in enumerate(head.cells):
        if cell is None or cell.empty:
            continue
        f = header.fields.get(col)
        key = header.label(col)
        target = measure.cells.setdefault(f, Cell()) if f else measure.extra.setdefault(key, Cell())
        rest = Cell([list(p) for p in target.paragraphs], doubts=list(target.doubts))
        target.paragraphs = [list(p) for p in cell.paragraphs]
        target.doubts = list(cell.doubts)
        _append(target, rest, wrap=True)  # a paragraph the page break cut goes on
    if head.page is not None and head.page not in measure.pages:
        measure.pages.insert(0, head.page)


def _category_column(
    measure: MeasureRow, rows: list[LogicalRow], page: int | None
) -> CategoryRow | None:
    """A category column (ประเด็น beside มาตรการ) merged down over its measures: a new category
    starts where its text changes. Its number is the one written ("(๑)", "๑.", "ด้านที่ ๑"), or
    else its place in the document."""
    cell = measure.cells.pop("category", None)
    if cell is None or cell.empty:
        return None
    text = join_wrapped(cell.lines)
    current = next((r for r in reversed(rows) if isinstance(r, CategoryRow)), None)
    if current is not None and current.label == text:
        return None
    found = _category_label(text)
    if (
        found is None
        and current is not None
        and current.numbered
        and page is not None
        and current.page is not None
        and page > current.page
    ):
        # The rest of a merged cell a page break cut: where the categories write their
        # numbers, text without one on a later page continues the category above.
        current.title = join_wrapped([current.title, text])
        current.label = text
        return None
    if found is not None:
        number, title, _dotted = found
    else:
        number, title = sum(isinstance(r, CategoryRow) for r in rows) + 1, text
    return CategoryRow(number, title, page, label=text, numbered=found is not None)


def _category_column_continues(measure: MeasureRow, rows: list[LogicalRow]) -> None:
    """A row cut by a page break carries on the category column's merged cell too ("๔. การใช้"
    on one page, "ทรัพย์สินของทางราชการ" on the next): the rest of the category's title."""
    cell = measure.cells.pop("category", None)
    if cell is None or cell.empty:
        return
    text = join_wrapped(cell.lines)
    current = next((r for r in reversed(rows) if isinstance(r, CategoryRow)), None)
    if current is not None and current.label and text != current.label:
        current.title = join_wrapped([current.title, text])
        current.label = text


def _continues_category(row: Row, last: CategoryRow, opens_table: bool) -> bool:
    """A category title cut by a page break: the next page's table opens with the rest of it,
    alone in its row, and that rest opens no measure."""
    filled = row.filled
    return (
        opens_table
        and row.page is not None
        and last.page is not None
        and row.page != last.page
        and len(filled) == 1
        and bool(row.cells)
        and row.cells[0] is filled[0]
        and not _starts_measure(filled[0])
    )


def _continue(last: MeasureRow, row: Row, header: Header) -> None:
    wrap = row.page is not None  # in a PDF a continued cell is a cut paragraph
    for col, cell in enumerate(row.cells):
        if cell is None:
            continue
        f = header.fields.get(col)
        key = header.label(col)
        target = last.cells.setdefault(f, Cell()) if f else last.extra.setdefault(key, Cell())
        _append(target, cell, wrap)
    if row.page is not None and row.page not in last.pages:
        last.pages.append(row.page)


def _new_measure(row: Row, header: Header) -> MeasureRow:
    cells: dict[str, Cell] = {}
    extra: dict[str, Cell] = {}
    for col, cell in enumerate(row.cells):
        if cell is None:
            continue
        source = cell.above if cell.empty and cell.above is not None else cell
        f = header.fields.get(col)
        if f:
            cells[f] = Cell(
                [list(p) for p in source.paragraphs],
                doubts=list(source.doubts),
                confidence=source.confidence,
            )
        elif not source.empty:
            extra[header.label(col)] = source
    return MeasureRow(cells, extra, [row.page] if row.page is not None else [])
