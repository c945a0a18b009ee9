"""Body rows to categories and measures: rows cut by page breaks stitched back, merged
category cells, the head of a row left on the page before."""

from __future__ import annotations

from itaparse.numbering import (
    NUMBER_ALONE,
    is_sequence_number,
    measure_number,
    merged_number,
    number_in_column,
)
from itaparse.readers.grid import Cell, Row
from itaparse.table_rows import (
    CategoryRow,
    Entry,
    Header,
    LogicalRow,
    MeasureRow,
    append_cell,
    category_label,
    category_of,
    cell_at,
    starts_measure,
)
from itaparse.thai.numerals import to_arabic
from itaparse.thai.text import join_wrapped


def _number_cell(row: Row, header: Header) -> Cell | None:
    """The row's cell in the table's number column (ลำดับ, ที่) when it holds a number (a
    category label in the first column may wrap into it too)."""
    for col in (c for c, f in header.fields.items() if f == "number"):
        cell = cell_at(row, col)
        if cell is not None and not cell.empty and is_sequence_number(join_wrapped(cell.lines)):
            return cell
    return None


def opens_measure_row(row: Row, header: Header) -> bool:
    """A body row that opens a new measure: a number in its number column, or a measure cell
    that opens with a number or the ITA item it answers."""
    return _number_cell(row, header) is not None or starts_measure(cell_at(row, header.measure_col))


def _opening_number(row: Row, header: Header) -> str | None:
    """The number a body row opens a measure with: in its number column when the table has
    one, else at the head of its measure cell."""
    numbered = _number_cell(row, header)
    if numbered is not None:
        text = join_wrapped(numbered.lines[:2])
        return number_in_column(text)
    cell = cell_at(row, header.measure_col)
    if cell is None or cell.empty:
        return None
    found = measure_number(join_wrapped(cell.lines[:2]))[0]
    if found is None and NUMBER_ALONE.fullmatch(join_wrapped(cell.lines[:1])):
        found = to_arabic(join_wrapped(cell.lines[:1])).strip()  # "๓.๑", its title wrapped below
    return found


def _numbers_another(row: Row, header: Header, last: MeasureRow) -> bool:
    """Whether a row's number column holds a measure number other than the measure's above:
    the row opens that measure, even with its subject cell empty (the subject's lines moved
    to the next page, where WeasyPrint and Chromium keep a paragraph's lines together)."""
    if _number_cell(row, header) is None:
        return False
    above = last.cells.get("number")
    number = _opening_number(row, header)
    if above is None or above.empty:
        return number is not None
    return number is not None and number != number_in_column(join_wrapped(above.lines[:2]))


def _decimal_follows(rest: list[Entry], number: int) -> bool:
    """Whether the next measure below a '๑. …' row is numbered '๑.x' (the row is its category)."""
    for row, _opens, header in rest:
        if isinstance(row, CategoryRow):
            return False
        found = _opening_number(row, header)
        if found is None:  # the rest of the row itself, cut by a page break
            continue
        return found.startswith(f"{number}.")
    return False


_UNMERGED = (
    "row-unmerged",
    "a row below this measure has an empty subject cell of its own, where this document "
    "merges a measure's subject down over its rows: it may be another measure whose subject "
    "was lost",
)


def _merges_measures(entries: list[Entry]) -> bool:
    """Whether the document merges a measure's subject cell down over the measure's further
    rows (Word's vMerge): then a further row with a subject cell of its own, left empty, is
    no continuation by the document's own convention."""
    for row, _opens, header in entries:
        if isinstance(row, Row) and row.page is None:
            cell = row.cells[header.measure_col] if header.measure_col < len(row.cells) else None
            if cell is not None and cell.above is not None:
                return True
    return False


def stitch(entries: list[Entry]) -> list[LogicalRow]:
    """Body rows to categories and measures: rows that continue a measure (an empty first
    cell, or a first cell at the top of a page that opens no new measure) join it."""
    rows: list[LogicalRow] = []
    held: Row | None = None  # the head of a cut row, which opens the next measure
    unsure_next: tuple[str, str] | None = None
    merges = _merges_measures(entries)
    opened_blank = False  # a blank row opened the table the next rows are in
    for i, (row, opens_table, header) in enumerate(entries):
        if isinstance(row, CategoryRow):
            rows.append(row)
            continue
        category = category_of(row)
        if category is not None and category.dotted and not category.spans:
            dotted_number = category.number
            assert dotted_number is not None
            if not _decimal_follows(entries[i + 1 :], dotted_number):
                category = None
        if category is not None:
            rows.append(category)
            continue
        if not row.filled:
            # A blank row opening a table (Chromium leaves one where a header would repeat)
            # hands the opening on: the row under it may be the rest of a cut measure.
            opened_blank = opened_blank or opens_table
            continue
        opens_table, opened_blank = opens_table or opened_blank, False
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
        continues = (
            isinstance(last, MeasureRow)
            and not _numbers_another(row, header, last)
            and (
                first_cell is None
                or first_cell.empty
                or (opens_table and new_page and not opens_measure_row(row, header))
            )
        )
        cut = _cut_head(entries, i, last) if is_blank(first_cell) else None
        if cut == "next":
            held = row
            continue
        if continues:
            assert isinstance(last, MeasureRow)
            unmerged = merges and first_cell is not None and first_cell.above is None
            if unmerged and _UNMERGED not in last.doubts:
                last.doubts.append(_UNMERGED)
            if cut == "unsure":
                doubt = ("row-cut-unsure", _UNSURE_CUT.format(page=row.page))
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
        merged = _merged_rows(row, header)
        if merged is not None:
            measure.doubts.append(("rows-merged", _MERGED.format(number=merged)))
        category = _category_column(measure, rows, row.page)
        if category is not None:
            rows.append(category)
        rows.append(measure)
    return rows


_UNSURE_CUT = (
    "a row at the foot of page {page} has no subject: it may be the rest of the measure above "
    "or the head of the next, cut by the page break; read with the measure above"
)


def _cut_head(entries: list[Entry], i: int, last: LogicalRow | None) -> str | None:
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
    subject = cell_at(row, header.measure_col)
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
        or not opens_measure_row(after, after_header)
        or len(after.cells) != len(row.cells)
    ):
        return None
    filled = [c for c, cell in enumerate(row.cells) if cell is not None and not cell.empty]
    if not above or any(is_blank(cell_at(after, c)) for c in filled):
        return "next"
    return "unsure"


_MERGED = (
    "the row also opens measure {number}: the rule between two rows may be lost, and its "
    "fields may mix the two measures"
)


def _merged_rows(row: Row, header: Header) -> str | None:
    """The number of a second measure one row holds: its number or measure cell opens with a
    number and a later line of it opens with the next (a scan lost the rule between them)."""
    columns = [c for c, f in header.fields.items() if f == "number"] + [header.measure_col]
    for col in columns:
        cell = cell_at(row, col)
        if cell is not None and not cell.empty and cell.above is None:
            found = merged_number(cell.lines)
            if found is not None:
                return found
    return None


def is_blank(cell: Cell | None) -> bool:
    return cell is None or cell.empty


def _prepend(measure: MeasureRow, head: Row, header: Header) -> None:
    """The head of a cut row, left on the page before, put back at the top of its measure."""
    for col, cell in enumerate(head.cells):
        if cell is None or cell.empty:
            continue
        f = header.fields.get(col)
        key = header.label(col)
        target = measure.cells.setdefault(f, Cell()) if f else measure.extra.setdefault(key, Cell())
        rest = Cell(
            [list(p) for p in target.paragraphs],
            doubts=list(target.doubts),
            point_doubts=list(target.point_doubts),
        )
        target.paragraphs = [list(p) for p in cell.paragraphs]
        target.doubts, target.point_doubts = list(cell.doubts), list(cell.point_doubts)
        append_cell(target, rest, wrap=True)  # a paragraph the page break cut goes on
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
    found = category_label(text)
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
    found = category_label(text)
    if (
        found is not None
        and current is not None
        and current.numbered
        and found[0] != current.number
        and rows
        and rows[-1] is measure
    ):
        # A label of its own, another number: the merged cell of the next category, centred
        # lower than the break, opens beside the row's rest (WeasyPrint). The measure is that
        # category's first, not the one above's.
        number, title, _dotted = found
        page = measure.pages[-1] if measure.pages else None
        rows.insert(len(rows) - 1, CategoryRow(number, title, page, label=text, numbered=True))
        return
    if current is not None and current.label and text != current.label:
        current.title = join_wrapped([current.title, text])
        current.label = text
        found = None if current.numbered else category_label(current.title)
        if found is not None:  # "กลยุทธ์" / "ที่ ๒ : …": the label's number was on this page
            current.number, current.title, _dotted = found
            current.numbered = True


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
        and not starts_measure(filled[0])
    )


_PLACED = (
    "cells-missing",
    "a row of this measure has fewer cells than the table has columns; its cells were placed "
    "under their headings by their widths",
)
_UNPLACED = (
    "cells-missing",
    "a row of this measure has fewer cells than the table has columns and their widths do not "
    "tell which is missing: its cells other than the measure's are left out",
)


def _placed_cells(row: Row, header: Header, measure: MeasureRow) -> list[tuple[int, Cell]]:
    """The row's cells by column; a short row's cells that could sit under another heading
    are left out (a value under the wrong heading is worse than none), with a note."""
    if row.short is not None:
        note = _PLACED if row.short == "placed" else _UNPLACED
        if note not in measure.notes:
            measure.notes.append(note)
    return [
        (col, cell)
        for col, cell in enumerate(row.cells)
        if cell is not None
        and (
            row.short != "unplaced"
            or col == header.measure_col
            or header.fields.get(col) == "number"
        )
    ]


_BROKEN_MERGE = (
    "merge-broken",
    "a row of this measure is merged down from cells that start no merge: the row that "
    "started it was lost, and its content may be another measure's",
)


def _continue(last: MeasureRow, row: Row, header: Header) -> None:
    wrap = row.page is not None  # in a PDF a continued cell is a cut paragraph
    if row.broken_merge and _BROKEN_MERGE not in last.doubts:
        last.doubts.append(_BROKEN_MERGE)
    for col, cell in _placed_cells(row, header, last):
        f = header.fields.get(col)
        key = header.label(col)
        target = last.cells.setdefault(f, Cell()) if f else last.extra.setdefault(key, Cell())
        append_cell(target, cell, wrap)
    if row.page is not None and row.page not in last.pages:
        last.pages.append(row.page)


def _new_measure(row: Row, header: Header) -> MeasureRow:
    cells: dict[str, Cell] = {}
    extra: dict[str, Cell] = {}
    measure = MeasureRow(cells, extra, [row.page] if row.page is not None else [])
    for col, cell in _placed_cells(row, header, measure):
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
    return measure
