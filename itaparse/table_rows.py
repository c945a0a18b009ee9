"""The rows a measures table is read into: its header, category rows and measure rows,
and how a row is told to be a category or to open a measure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from itaparse.numbering import (
    DOTTED_CATEGORY_RE,
    category_match,
    heading_match,
    loose_category_match,
    opens_measure,
    strip_specks,
    unreadable_category_match,
)
from itaparse.readers.grid import Cell, Row
from itaparse.thai.numerals import to_arabic
from itaparse.thai.text import join_wrapped


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
    # One cell across every column: a category row whatever its numbering ("1. การป้องกัน…"
    # over measures "1. มาตรการ…"); a measure's row has cells of its own.
    spans: bool = False
    # The label as written where it matched no known label and was read loosely ("mui ๑ …"
    # on a scan): its number is in doubt, and the report says so.
    loose: str = ""


@dataclass
class MeasureRow:
    cells: dict[str, Cell]
    extra: dict[str, Cell]
    pages: list[int] = field(default_factory=list)
    # Why some of its content may belong to the measure beside it: its fields are in doubt.
    # (warning code, message)
    doubts: list[tuple[str, str]] = field(default_factory=list)
    # What the reader noticed that takes nothing from its fields' trust (code, message).
    notes: list[tuple[str, str]] = field(default_factory=list)

    @property
    def stitched_pages(self) -> list[int]:
        """Pages the row continued onto after a page break."""
        return self.pages[1:]


LogicalRow = CategoryRow | MeasureRow


# Body rows in document order: the row (or a heading above a table), whether it opens its
# table, and the header that maps its columns.
Entry = tuple[Row | CategoryRow, bool, Header]


def category_label(text: str) -> tuple[int, str, bool] | None:
    """(number, title, dotted) of a category label: "(๑) …", "ด้านที่ ๑ …", or "๑. …" (dotted:
    a category only where the measures under it are numbered "๑.๑"). A scan's specks before
    the label (".1. การปฏิบัติ…") are no part of it."""
    text = strip_specks(text)
    found = category_match(text)
    if found is not None:
        return found[0], found[1], False
    match = DOTTED_CATEGORY_RE.match(to_arabic(text))
    if match:
        return int(match.group(1)), text[match.start(2) :].strip(), True
    return None


_NOTHING = re.compile(r"[\s\-–—.,'`:;·_]*")


def category_of(row: Row) -> CategoryRow | None:
    """A category row: one filled cell (merged across, or alone in the first column); or a
    bare label ("ประเด็นที่ ๑") with its title in the next filled cell, where the label and the
    title fell into two columns. Cells that hold a dash or specks alone ("-" for nothing, or
    what dust on a scan reads as) count as empty."""
    filled = [c for c in row.filled if not _NOTHING.fullmatch(join_wrapped(c.lines))]
    if len(filled) == 2 and not starts_measure(filled[1]):
        label = category_match(join_wrapped(filled[0].lines))
        if label is not None and not label[1]:
            return CategoryRow(label[0], join_wrapped(filled[1].lines), row.page)
    if len(filled) != 1:
        return None
    text = join_wrapped(filled[0].lines)
    found = category_label(text)
    spans = len(row.cells) > 1 and all(c is None for c in row.cells[1:])
    if found is None:
        # One cell across the whole table is a category row, whatever its label has become.
        across = spans and row.cells[0] is filled[0]
        loose = loose_category_match(text) if across else None
        if loose is not None:
            return CategoryRow(loose[0], loose[1], row.page, spans=True, loose=text)
        # Alone in the first column (or across) like the "(๑) …" rows it stands for
        first = bool(row.cells) and row.cells[0] is filled[0]
        unread = unreadable_category_match(text) if first else None
        if unread is None:
            return None
        # Its number unreadable: the report takes it from the measures under it
        return CategoryRow(None, unread, row.page, spans=True, loose=text)
    number, title, dotted = found
    if dotted and not (row.cells and row.cells[0] is filled[0]):
        return None
    return CategoryRow(number, title, row.page, dotted, spans=spans)


def heading_row(line: str, page: int | None) -> CategoryRow | None:
    found = heading_match(line)
    return CategoryRow(found[0], found[1], page) if found is not None else None


def starts_measure(cell: Cell | None) -> bool:
    """A cell that opens a measure: its number, or the ITA item it answers ("e1 …")."""
    if cell is None or cell.empty:
        return False
    return opens_measure(join_wrapped(cell.lines[:2]))


def append_cell(target: Cell, more: Cell, wrap: bool) -> None:
    """Continue a cell: a page break cuts a paragraph (wrap), a merged row adds paragraphs."""
    if more.empty:
        return
    target.doubts.extend(more.doubts)
    target.point_doubts.extend(more.point_doubts)
    if more.confidence is not None:
        target.confidence = min(more.confidence, target.confidence or 100.0)
    if wrap and target.paragraphs:
        target.paragraphs[-1].extend(more.paragraphs[0])
        target.paragraphs.extend(more.paragraphs[1:])
    else:
        target.paragraphs.extend(more.paragraphs)


def cell_at(row: Row, col: int) -> Cell | None:
    return row.cells[col] if col < len(row.cells) else None
