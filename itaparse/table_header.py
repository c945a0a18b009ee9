"""A measures table's header: where it starts and ends, and which column holds which field
(labels matched on their skeletons, then checked against the column's content)."""

from __future__ import annotations

import re
from collections.abc import Callable

from itaparse.numbering import (
    category_match,
    is_column_number,
    item_marker,
    measure_number,
    opens_numbered_row,
)
from itaparse.readers.grid import Cell, Row, Table
from itaparse.table_rows import Header, category_of
from itaparse.thai.dates import parse_period
from itaparse.thai.numerals import parse_number, to_arabic
from itaparse.thai.text import join_wrapped, skeleton
from itaparse.vocabulary import (
    MAX_GROUP_LABEL_CHARS,
    MAX_LABEL_CHARS,
    SCORE_LABEL,
    TICK_FIELDS,
    begins_with_known_label,
    is_measures_header,
    is_tick,
    map_labels,
)

# A header starts within the first rows (forms put their title and agency in the table's
# first rows) and runs over at most three rows (a group label, labels, sub-labels).
_MAX_HEADER_START = 6


# Header rows at most: a group label, its rest in a row of its own, the sub-labels, and a
# row of column numbers (the NACC form as Chromium draws it).
_MAX_HEADER_ROWS = 4


def column_readings(rows: list[Row], n_cols: int) -> tuple[list[list[str]], dict[int, str]]:
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


def labels_only(row: Row) -> bool:
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
    if numbers_columns(row):  # "(4) (5) (6) (7)" under the labels
        return True
    for col, cell in enumerate(row.cells):
        if cell is not None and cell.above is not None and merged_from(row, header_rows, col):
            return True
        spanned = col < len(last.cells) and last.cells[col] is None
        if spanned and cell is not None and not cell.empty:
            return True
        # The rest of a group label in a row of its own, spanning the columns it spans.
        if _spans(last, col) and _spans(row, col) and cell is not None and not cell.empty:
            return True
    return False


def _spans(row: Row, col: int) -> bool:
    cell = row.cells[col] if col < len(row.cells) else None
    return cell is not None and col + 1 < len(row.cells) and row.cells[col + 1] is None


_COLUMN_NUMBER = re.compile(r"\(\s*[0-9\u0e50-\u0e59]{1,2}\s*\)")


def numbers_columns(row: Row) -> bool:
    """A row that numbers the table's columns: two or more cells, each a number in brackets."""
    texts = [join_wrapped(c.lines).strip() for c in row.cells if c is not None and not c.empty]
    return len(texts) >= 2 and all(_COLUMN_NUMBER.fullmatch(t) for t in texts)


def merged_from(row: Row, header_rows: list[Row], col: int) -> bool:
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
        if not labels_only(below):
            break
        if depth > 1 and not _extends_header(below, rows[start : start + depth - 1]):
            break
        readings, own = column_readings(rows[start : start + depth], table.n_cols)
        if 2 * len(own) < table.n_cols:
            # A header labels its columns (a merged label covers those it spans): a row that
            # leaves most columns blank is a body row, whatever words its cells share with
            # labels (the rest of a measure on the next page: "ผลการปฏิบัติ…", "มาตรการอยู่ที่…").
            continue
        mapping, score = map_labels(readings)
        if not is_measures_header(mapping, weak):
            if best is None:
                continue
            break
        best = Header(start, start + depth, mapping, own, score)
    return best


def split_swallowed_row(table: Table) -> None:
    """A header row that swallowed the row below it, the rule under the header lost on a
    copy: a cell holds a label, then lines that open a numbered row ("แผนงาน/โครงการ/กิจกรรม"
    over "1. การปฏิบัติงาน…"). Those lines are split off into a row of their own under the
    header (in place), where the label left above reads as the column's."""
    for start in range(min(len(table.rows), _MAX_HEADER_START)):
        row = table.rows[start]
        if len(row.filled) < 2:
            continue
        cuts = {col: at for col, cell in enumerate(row.cells) if (at := _swallowed_at(cell))}
        if not cuts:
            continue
        head = Row(list(row.cells), row.page, row.short, row.broken_merge)
        body = Row([None if c is None else Cell() for c in row.cells], row.page)
        for col, at in cuts.items():
            cell = row.cells[col]
            assert cell is not None
            lines = cell.lines
            head.cells[col] = Cell([lines[:at]], cell.above)
            body.cells[col] = Cell(
                [lines[at:]], None, cell.doubts, cell.point_doubts, cell.confidence
            )
        split = Table([*table.rows[:start], head, body, *table.rows[start + 1 :]], table.page)
        found = header_at(split, start)
        if found is not None and all(col in found.fields for col in cuts):
            table.rows[start : start + 1] = [head, body]
        return


def _swallowed_at(cell: Cell | None) -> int | None:
    """The line where a header cell's label ends and a numbered row begins, if it does."""
    if cell is None or cell.empty:
        return None
    lines = cell.lines
    for at in range(1, len(lines)):
        if opens_numbered_row(lines[at]):
            label = join_wrapped(lines[:at])
            return at if begins_with_known_label(label) else None
    return None


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


# Words that name a unit or an office: what a responsible column holds.
_UNIT_WORDS = re.compile(
    r"^(?:สำนัก|กอง|กลุ่มงาน|กลุ่ม|งาน|ฝ่าย|หัวหน้า|ปลัด|ผู้อำนวยการ|นายก|ทุกกอง|ทุกส่วน|ทุกหน่วย"
    r"|เจ้าหน้าที่|คณะกรรมการ|คณะทำงาน|หน่วยตรวจสอบ|ศูนย์|ผู้บริหาร)"
)


def _body_cells(rows: list[Row], col: int) -> list[str]:
    texts = []
    for row in rows:
        cell = row.cells[col] if col < len(row.cells) else None
        if cell is not None and not cell.empty and category_of(row) is None:
            texts.append(join_wrapped(cell.lines))
    return texts


# A score as the NACC writes it: 0-100 with two decimals ("๘๙.๐๗"). A column of such
# numbers is a score column whatever its label became (a stamp over it, dust), as a column of
# counts or sums, whole numbers or over 100, is not.
_TWO_DECIMALS = re.compile(r"^\s*\d{1,3}\.\d\d\s*$")


def _reads_as_score(text: str) -> bool:
    plain = to_arabic(text)
    return _TWO_DECIMALS.match(plain) is not None and 0 <= float(plain) <= 100


def _most(texts: list[str], test: Callable[[str], bool]) -> bool:
    return bool(texts) and sum(1 for t in texts if test(t)) >= max(1, 2 * len(texts) / 3)


def refine(header: Header, body: list[Row], weak: bool = False) -> Header | None:
    """Correct the header's reading by the column contents.

    Tick columns must hold ticks: a group whose cells hold counts is a tally (a complaints
    summary), not a status. An unmapped column, or one whose label could not be read, takes its
    role from what it holds: periods, scores (0-100 under a label with คะแนน; without one, as
    the NACC writes them, with two decimals: a column of "30" or "1" where no label stands is
    as likely a date's day that a scan's columns cut from the period), unit names.
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
        if "period" not in taken and _most(texts, _reads_as_period):
            role = "period"
        elif (
            "score" not in taken
            and (SCORE_LABEL in skeleton(label) or _most(texts, _reads_as_score))
            and _most(texts, lambda t: (n := parse_number(t)) is not None and 0 <= n <= 100)
            and not _numbering(texts)
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


_NUMBERING = re.compile(r"^\s*(\d{1,2})(?:\.(\d))?\.?\s*$")


def _numbering(texts: list[str]) -> bool:
    """Cells that number the rows ("๑.๑", "๑.๒", "๔.๑" or 1, 2, 3), in order: a sequence
    column whose label was lost, not a score (scores are not written so, nor in order)."""
    keys = []
    for text in texts:
        found = _NUMBERING.match(to_arabic(text))
        if found is None:
            return False
        keys.append((int(found.group(1)), int(found.group(2) or 0)))
    return len(keys) >= 2 and keys == sorted(keys)


# A period cell is a phrase ("ต.ค. ๖๗ - ก.ย. ๖๘"); a cell of results may hold a date too
# ("ประกาศแล้วเมื่อวันที่ ๑๕ ตุลาคม ๒๕๖๗"), inside a longer text or a numbered list.
_MAX_PERIOD_CHARS = 60


def _reads_as_period(text: str) -> bool:
    return (
        len(text) <= _MAX_PERIOD_CHARS
        and item_marker(text) is None
        and parse_period(text, None)[0] is not None
    )


def same_header(found: Header, header: Header, n: int, n_first: int) -> bool:
    """A repeated header: same columns, and no column mapped to a different field (a label
    too damaged to map on one page must not cost that page's rows)."""
    return n == n_first and all(header.fields.get(c, f) == f for c, f in found.fields.items())
