"""Ruled header rows a page break cut from their table: joined to the next page's table
(a row cut in half, to its rest; sub-labels under a group label stay a row)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from itaparse.numbering import is_column_number, opens_measure
from itaparse.readers.pdf_raw import RawPage, RawTable
from itaparse.readers.pdf_text import Key, Line, render_line
from itaparse.thai.text import join_wrapped
from itaparse.vocabulary import (
    MAX_GROUP_LABEL_CHARS,
    MAX_LABEL_CHARS,
    map_labels,
    opens_known_label,
    read_header,
)

_CUT_HEADER_ROWS = 3  # a header cut from its body: at most a group row, labels, numbers


_SAME_EDGE = 5.0  # points: two tables with their sides this close are one table's parts


def join_cut_headers(pages: Sequence[RawPage], mapping: dict[Key, str], repair: bool) -> None:
    """A ruled table's header rows that a page break cut from the rest of the table: the last
    block of a page, a few rows reading as labels, over a table of the same width on the next
    page. They become that table's first rows, each cell under the columns it spans there
    (a group label over its sub-labels), so that the header is read whole."""
    for page, after in itertools.pairwise(pages):
        _join_unruled_head(page, after, mapping, repair)
        blocks = [b for _top, b in page.blocks]
        # A row the break cut before any of its text, drawn as shading with rules of its own
        # (Chromium): an empty table at the page's foot, under the header it belongs to.
        while blocks and isinstance(blocks[-1], RawTable) and _is_empty(blocks[-1]):
            blocks.pop()
        tables = [b for b in blocks if isinstance(b, RawTable)]
        following = [b for _top, b in after.blocks if isinstance(b, RawTable)]
        if not tables or not following:
            continue
        cut, rest = tables[-1], following[0]
        at = next(i for i, b in enumerate(blocks) if b is cut)
        spilt = _spilt(cut, blocks[at + 1 :])
        if spilt is None:
            continue
        if (
            len(cut.rows) > _CUT_HEADER_ROWS
            or not cut.columns
            or not rest.columns
            or abs(cut.bbox[0] - rest.bbox[0]) > _SAME_EDGE
            or abs(cut.bbox[2] - rest.bbox[2]) > _SAME_EDGE
            or not rest.rows
            or _opens_with_header(rest, cut, mapping, repair)
            or not _reads_as_labels(cut, mapping, repair, rest)
        ):
            continue
        for col, line in spilt:
            last = cut.rows[-1][col]
            if last is not None:
                last.append(line)
        moved = [_under_columns(row, cut.columns, rest.columns) for row in cut.rows]
        if len(rest.rows) > 1 and _halves(moved[-1], rest.rows[0], mapping, repair):
            # A cell merged down from a row above (a label over all the header's rows) takes
            # its own rest: the column's cell in the row it is merged from.
            down = {
                j: moved[t]
                for (r, c), t in cut.merged_down.items()
                if r == len(cut.rows) - 1
                for j in _columns_under(cut.columns[c], rest.columns)[:1]
            }
            first = rest.rows[0]
            subs = _under_groups(moved[-1], first)
            moved[-1] = _joined(
                moved[-1], [[] if j in subs else c for j, c in enumerate(first)], down
            )
            if subs:  # the sub-labels under a group label share the row: they stay a row
                rest.rows[0] = [
                    c if j in subs else (None if c is None else []) for j, c in enumerate(first)
                ]
            else:
                rest.rows.pop(0)
                # Rows below the joined one are a row higher; what was merged down from it
                # is merged down from the joined row.
                rest.merged_down = {
                    (r - 1, c): t - 1 for (r, c), t in rest.merged_down.items() if r
                }
        # The header's cells merged down over its rows stay so, in the columns they cover.
        carried = {
            (r, j): t
            for (r, c), t in cut.merged_down.items()
            for j in _columns_under(cut.columns[c], rest.columns)
        }
        rest.rows[:0] = moved
        rest.merged_down = carried | {
            (r + len(moved), c): t + len(moved) for (r, c), t in rest.merged_down.items()
        }
        _numbers_under(rest, len(moved), carried, mapping, repair)
        page.blocks = page.blocks[:at]


_MAX_UNRULED_LINES = 2  # a header row's first lines, drawn at a page's foot without rules


def _join_unruled_head(
    page: RawPage, after: RawPage, mapping: dict[Key, str], repair: bool
) -> None:
    """A header row the break cut whose first lines the producer drew at the page's foot
    without its rules (WeasyPrint: "ประเด็น  ข้อค้นพบ" as a line of text, the row's rules and
    the rest of its labels on the next page). The page's last lines, short words over the
    columns of the next page's first table, one of them opening a known label, with which
    that table's first row reads as more labels, are that row's first lines."""
    if not after.blocks or not isinstance(after.blocks[0][1], RawTable):
        return
    rest = after.blocks[0][1]
    tail: list[Line] = []
    for _top, block in reversed(page.blocks):
        if isinstance(block, RawTable) or len(tail) == _MAX_UNRULED_LINES:
            break
        tail.insert(0, block)
    if not tail or not rest.rows or not rest.columns:
        return
    parts: list[dict[int, Line]] = []
    for line in tail:
        by_column: dict[int, Line] = {}
        for glyph in line:
            middle = (float(glyph["x0"]) + float(glyph["x1"])) / 2
            j = next((k for k, (a, b) in enumerate(rest.columns) if a <= middle <= b), None)
            if j is None:
                return  # outside the next page's table: the page's own text
            by_column.setdefault(j, []).append(glyph)
        words = [render_line(g, mapping, repair) for g in by_column.values()]
        if any(len(w) > MAX_LABEL_CHARS or opens_measure(w) for w in words):
            return
        parts.append(by_column)
    words = [render_line(g, mapping, repair) for p in parts for g in p.values()]
    if not any(opens_known_label(w) for w in words):
        return  # no word opens a label the forms write ("ข้อค้นพบ" beside "ประเด็น" may)
    first = rest.rows[0]
    joined: list[list[Line] | None] = [None if c is None else list(c) for c in first]
    for by_column in reversed(parts):
        for j, glyphs in by_column.items():
            k = j
            while k > 0 and joined[k] is None:
                k -= 1
            joined[k] = [glyphs, *(joined[k] or [])]
    fields, score = _labels(first, mapping, repair)
    together, joined_score = _labels(joined, mapping, repair)
    if len(together) <= max(1, len(fields)) or joined_score < score:
        return  # the row reads as no more labels with them
    if not together.items() >= fields.items():
        return
    rest.rows[0] = joined
    page.blocks = page.blocks[: len(page.blocks) - len(tail)]


def _is_empty(table: RawTable) -> bool:
    return not any(cell for row in table.rows for cell in row)


def _spilt(table: RawTable, after: list[Line | RawTable]) -> list[tuple[int, Line]] | None:
    """The lines after a page's last table, each the end of a cell of its last row that
    the producer let run below the row's rule ("ผลการประเมิ" in its cell, "น" under it:
    WeasyPrint): a line of one column, within a line of the table's foot. None where
    something else follows the table."""
    spilt: list[tuple[int, Line]] = []
    bottom = table.bbox[3]
    for block in after:
        if isinstance(block, RawTable) or not block:
            return None
        line = block
        x0, x1 = min(g["x0"] for g in line), max(g["x1"] for g in line)
        size = max(g["size"] for g in line)
        col = next(
            (j for j, (a, b) in enumerate(table.columns) if a - 1 <= x0 and x1 <= b + 1), None
        )
        if col is None or line[0]["top"] - bottom > size:
            return None
        spilt.append((col, line))
        bottom = max(bottom, max(g["bottom"] for g in line))
    return spilt


def _numbers_under(
    table: RawTable,
    at: int,
    carried: dict[tuple[int, int], int],
    mapping: dict[Key, str],
    repair: bool,
) -> None:
    """A row of column numbers ("(4) (5)") that opens the next page under a moved header: its
    empty cells are the header's labels merged down over it, as on a page the break spared."""
    if at >= len(table.rows):
        return
    row = table.rows[at]
    words = [cell_text(cell, mapping, repair) for cell in row if cell]
    if not words or not all(is_column_number(w) for w in words):
        return
    for (r, j), top in carried.items():
        if r == at - 1 and j < len(row) and row[j] == []:
            row[j] = None
            table.merged_down[(at, j)] = top


def _reads_as_labels(
    table: RawTable, mapping: dict[Key, str], repair: bool, rest: RawTable | None = None
) -> bool:
    """Rows of header labels: a third of each row's cells labels at least (ประเด็น, ผลการ
    ประเมิน, …; a label cut by the break may read as none), or the columns' numbers ("(4)
    (5)"); two fields at least in all. A row of a score table ("๑ | … | EIT | e5 | ๕๘.๑๓") has
    none. A cell over several of the next page's columns is a group label, which may be long
    (the NACC form's carries its purpose and year)."""
    found: set[str] = set()
    all_labels = True  # every row a third labels by its words alone, no row of numbers
    for row in table.rows:
        cells = [(j, cell) for j, cell in enumerate(row) if cell]
        texts = [cell_text(cell, mapping, repair) for _j, cell in cells]
        fields, _score = map_labels([[t] for t in texts])
        numbers = sum(is_column_number(t) for t in texts)
        limits = [
            MAX_GROUP_LABEL_CHARS
            if rest is not None
            and j < len(table.columns)
            and len(_columns_under(_cell_span(row, j, table.columns), rest.columns)) > 1
            else MAX_LABEL_CHARS
            for j, _cell in cells
        ]
        if any(len(t) > n or opens_measure(t) for t, n in zip(texts, limits, strict=True)):
            return False  # a row of the body: the table has begun on this page
        if 3 * (len(fields) + numbers) < len(texts):
            return False
        all_labels = all_labels and 3 * len(fields) >= len(texts)
        found.update(fields.values())
    if len(found) >= 2 or not found or not all_labels or rest is None or not rest.rows:
        return len(found) >= 2
    # The break may carry a label whole to the next page ("ผลการประเมิน" of the NACC form,
    # WeasyPrint): the rest's first row, itself a row of labels, makes up the two fields.
    texts = [cell_text(cell, mapping, repair) for cell in rest.rows[0] if cell]
    more = map_labels([[t] for t in texts])[0]
    if any(len(t) > MAX_GROUP_LABEL_CHARS or opens_measure(t) for t in texts):
        return False
    return 3 * len(more) >= len(texts) and len(found | set(more.values())) >= 2


# A header row's two halves read together at least this share as well as its first.
_NO_WORSE = 0.9


def _cell_span(
    row: list[list[Line] | None], j: int, columns: list[tuple[float, float]]
) -> tuple[float, float]:
    """The x span of a row's cell: its column, and those it is merged across (None after it;
    a table's column spans are its narrowest cells', a sub-label's under a group label)."""
    last = j
    while last + 1 < min(len(row), len(columns)) and row[last + 1] is None:
        last += 1
    return columns[j][0], columns[last][1]


def _labels(
    row: list[list[Line] | None], mapping: dict[Key, str], repair: bool
) -> tuple[dict[int, str], float]:
    texts = [cell_text(cell, mapping, repair) if cell else "" for cell in row]
    return map_labels([[t] for t in texts])


def _halves(
    top: list[list[Line] | None],
    bottom: list[list[Line] | None],
    mapping: dict[Key, str],
    repair: bool,
) -> bool:
    """Whether a page's first row is the rest of the header row the page break cut from the
    page before ("น" under "ประเด็", "เกี่ยวข้อง" under "ผู้รับผิดชอบ/ผู้ที่"): no row of the
    body has begun, so a row of short words that opens no measure and numbers no columns is
    that row's rest, where the two read as labels no worse together, or as the same."""
    words = [cell_text(cell, mapping, repair) for cell in bottom if cell]
    if not words or any(
        len(w) > MAX_LABEL_CHARS or opens_measure(w) or is_column_number(w) for w in words
    ):
        return False
    fields, score = _labels(top, mapping, repair)
    together, joined_score = _labels(_joined(top, bottom), mapping, repair)
    if joined_score >= score:
        return True  # "ผลการ" + "ประเมิน": the label read whole
    # A label's rest may be a note the label carries ("วิธีการดำเนินงาน" + "(ระบุขั้นตอน)"),
    # which reads a little less like the label alone: then every column must read as the
    # same field, and about as well.
    return together.items() >= fields.items() and joined_score >= _NO_WORSE * score


def _under_groups(top: list[list[Line] | None], bottom: list[list[Line] | None]) -> set[int]:
    """Columns of bottom under a cell of top merged across them (a group label), where two or
    more hold text: sub-labels, not the rest of the group label."""
    subs: set[int] = set()
    j = 0
    while j < len(top):
        k = j + 1
        while k < len(top) and top[k] is None:
            k += 1
        if top[j] is not None and k - j > 1:
            filled = {i for i in range(j, k) if i < len(bottom) and bottom[i]}
            if len(filled) >= 2:
                subs |= filled
        j = k
    return subs


def _joined(
    top: list[list[Line] | None],
    bottom: list[list[Line] | None],
    down: dict[int, list[list[Line] | None]] | None = None,
) -> list[list[Line] | None]:
    """Two halves of a row, cell by cell: under a cell merged down from a row above (down:
    column -> that row), into that row's cell; under a cell merged across, into the cell it
    is merged into."""
    out = [list(cell) if cell is not None else None for cell in top]
    for j, cell in enumerate(bottom):
        if not cell or j >= len(out):
            continue
        above = (down or {}).get(j)
        if above is not None and above[j] is not None:
            above[j] = [*(above[j] or []), *cell]
            continue
        k = j
        while k > 0 and out[k] is None:
            k -= 1
        target = out[k]
        if target is None:
            out[k] = list(cell)
        else:
            target.extend(cell)
    return out


def _opens_with_header(
    table: RawTable, cut: RawTable, mapping: dict[Key, str], repair: bool
) -> bool:
    """A table whose first row is a measures header of its own, or the cut header's first
    row printed again (a header repeated on every page)."""
    first = [cell_text(cell, mapping, repair) if cell else "" for cell in table.rows[0]]
    if read_header(first)[0] is not None:
        return True
    again = [cell_text(cell, mapping, repair) if cell else "" for cell in cut.rows[0]]
    own = map_labels([[t] for t in first])[0]
    return len(own) >= 2 and set(own.values()) == set(map_labels([[t] for t in again])[0].values())


def cell_text(cell: list[Line], mapping: dict[Key, str], repair: bool) -> str:
    return join_wrapped([render_line(ln, mapping, repair) for ln in cell])


def _columns_under(span: tuple[float, float], columns: list[tuple[float, float]]) -> list[int]:
    """The columns whose middle a span covers."""
    x0, x1 = span
    return [j for j, (a, b) in enumerate(columns) if x0 - 1 <= (a + b) / 2 <= x1 + 1]


def _under_columns(
    row: list[list[Line] | None],
    spans: list[tuple[float, float]],
    columns: list[tuple[float, float]],
) -> list[list[Line] | None]:
    """A row re-cut to other columns: each cell in the first column whose middle it covers,
    the other columns it covers merged into it (None)."""
    out: list[list[Line] | None] = [[] for _ in columns]
    for c, cell in enumerate(row[: len(spans)]):
        if cell is None:
            continue
        for k, j in enumerate(_columns_under(_cell_span(row, c, spans), columns)):
            out[j] = cell if k == 0 else None
    return out
