"""PDF reader (pdfplumber): ruled tables per page, all text rebuilt from repaired glyphs.

Text is rebuilt here rather than taken from ``extract_text``/``Table.extract()`` for two
reasons. Thai marks in HarfBuzz-shaped exports sit at the x of the next letter, so sorting by
x scrambles them ("เพ่อื") while the content stream has them in typing order. And the repair
of a damaged text layer needs every glyph's font and code, decided over the whole document
before any line is turned into a string (itaparse.thai.codemap).
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect

from itaparse.errors import CorruptDocumentError, PasswordError
from itaparse.readers import pdf_borderless as borderless
from itaparse.readers.grid import Cell, Grid, Row, Table
from itaparse.readers.pdf_glyphs import chars_with_codes
from itaparse.readers.pdf_ruling import find_tables
from itaparse.thai.codemap import decide, is_zero_width
from itaparse.thai.dictionary import token_share
from itaparse.thai.sequences import normalize
from itaparse.thai.text import join_wrapped
from itaparse.vocabulary import (
    MAX_LABEL_CHARS,
    is_column_number,
    map_labels,
    opens_measure,
    read_header,
)

Char = dict[str, Any]
Line = list[Char]
BBox = tuple[float, float, float, float]
Key = tuple[str, int]

# A gap wider than this share of the font size between two glyphs is a space.
_SPACE_GAP = 0.2


@dataclass
class _RawTable:
    """A table before its text is rendered: cells as lists of glyph lines."""

    rows: list[list[list[Line] | None]]
    bbox: BBox
    strategy: str = "ruled"
    edges: list[float] = field(default_factory=list)
    merged_down: dict[tuple[int, int], int] = field(default_factory=dict)  # (row, col) -> row
    cells: list[BBox] = field(default_factory=list)  # each cell's box, for ruled tables
    columns: list[tuple[float, float]] = field(default_factory=list)  # x spans, ruled tables


@dataclass
class _RawPage:
    number: int
    blocks: list[tuple[float, Line | _RawTable]]  # (top, line or table)
    # Drawn but not written: almost no characters, yet images or outlines (a scan, or text
    # exported as shapes). Only OCR can read it.
    unwritten: bool = False
    by_ocr: bool = False
    confidence: float | None = None  # Tesseract's mean word confidence, where it read the page


def _group_lines(chars: Sequence[Char]) -> list[Line]:
    """Characters grouped into lines by vertical position, each line in content-stream order."""
    if not chars:
        return []
    by_top = sorted(range(len(chars)), key=lambda i: chars[i]["top"])
    groups: list[list[int]] = []
    anchor = None
    for i in by_top:
        top = chars[i]["top"]
        if anchor is None or top - anchor > 0.5 * chars[i]["size"]:
            groups.append([])
            anchor = top
        groups[-1].append(i)
    lines = [[chars[i] for i in sorted(group)] for group in groups]
    return [_visual_order(line) for line in lines if not _marks_only(line)]


def _marks_only(line: Line) -> bool:
    """A line of marks alone, no letter to sit on: no Thai text is written so. Chromium paints
    a line that a page break cuts on both pages, clipped; the marks above the first line of
    the next page are then read at the foot of this one ("อยู่" + "่" on page 1, "ที่" on
    page 2 gives "อยู่่ที่"), and on their own they would make a row."""
    return all(is_zero_width(ch) for ch in line)


# A glyph this far (points) left of the one drawn before it on its line was drawn out of order.
_BACKWARD = 1.0


def _visual_order(line: Line) -> Line:
    """The line's glyphs in reading order. Producers write a line in the order it reads,
    except where a font falls back: LibreOffice with Noto Thai draws the Thai run with its
    trailing space first, then the "." or "-" of another font that sits inside it, so that
    "๑." reads "๑ .". Where a glyph with a width lands left of the one before it, the
    line's clusters (a glyph with the marks drawn after it, which keep the content order that
    HarfBuzz gives them) are put in the order of their x."""
    bases = [ch for ch in line if not is_zero_width(ch)]
    if all(b["x0"] >= a["x0"] - _BACKWARD for a, b in itertools.pairwise(bases)):
        return line
    clusters: list[Line] = []
    for ch in line:
        if clusters and is_zero_width(ch):
            clusters[-1].append(ch)
        else:
            clusters.append([ch])
    clusters.sort(key=lambda c: c[0]["x0"])
    return [ch for cluster in clusters for ch in cluster]


def _render(line: Line, mapping: dict[Key, str], repair: bool = True) -> str:
    text = ""
    right = None  # right edge of the last glyph with a width: marks must not open gaps
    for ch in line:
        key = (ch["fontname"], ch.get("code", -1))
        glyph = mapping[key] if key in mapping else str(ch["text"])  # "" drops a glyph
        if not is_zero_width(ch):
            if right is not None and ch["x0"] - right > _SPACE_GAP * ch["size"]:
                text += " "
            right = ch["x1"]
        text += glyph
    return " ".join((normalize(text) if repair else text).split())


def _table(found: Any, chars: Iterable[Char]) -> _RawTable:
    rows = list(found.rows)
    tops = [r.bbox[1] for r in rows]
    bins: dict[tuple[int, int], list[Char]] = {}
    for ch in chars:
        cy = (ch["top"] + ch["bottom"]) / 2
        cx = (ch["x0"] + ch["x1"]) / 2
        r = bisect.bisect_right(tops, cy) - 1
        if r < 0 or cy > rows[r].bbox[3]:
            continue
        # The row under the character first; then rows above, whose cell may be merged down
        # over this one (pdfplumber lists a vertically merged cell in its first row only).
        for rr in range(r, -1, -1):
            c = next(
                (
                    c
                    for c, b in enumerate(rows[rr].cells)
                    if b is not None and b[0] <= cx <= b[2] and b[1] <= cy <= b[3]
                ),
                None,
            )
            if c is not None:
                bins.setdefault((rr, c), []).append(ch)
                break
    cells = [
        [
            None if bbox is None else _group_lines(bins.get((r, c), []))
            for c, bbox in enumerate(row.cells)
        ]
        for r, row in enumerate(rows)
    ]
    merged_down = {}
    for r, row in enumerate(rows):
        for c, bbox in enumerate(row.cells):
            if bbox is None:
                top = next(
                    (
                        rr
                        for rr in range(r - 1, -1, -1)
                        if c < len(rows[rr].cells) and rows[rr].cells[c] is not None
                    ),
                    None,
                )
                if top is not None and rows[top].cells[c][3] > row.bbox[1] + 1:
                    merged_down[(r, c)] = top
    boxes = [tuple(c) for c in found.cells]
    # Each column's span: its narrowest cell (a group label's cell spans several columns).
    n = max((len(row.cells) for row in rows), default=0)
    columns = []
    for j in range(n):
        column = [r.cells[j] for r in rows if j < len(r.cells) and r.cells[j] is not None]
        box = min(column, key=lambda b: b[2] - b[0], default=None)
        columns.append((box[0], box[2]) if box is not None else (0.0, 0.0))
    return _RawTable(
        cells, tuple(found.bbox), merged_down=merged_down, cells=boxes, columns=columns
    )


def _inside(ch: Char, box: BBox) -> bool:
    cx = (ch["x0"] + ch["x1"]) / 2
    cy = (ch["top"] + ch["bottom"]) / 2
    return bool(box[0] <= cx <= box[2] and box[1] <= cy <= box[3])


class _Glyph:
    """What a character keeps once its page is read, read like pdfplumber's dict. Those dicts
    carry some twenty entries (colours, matrix, marked content…): kept for every page of a
    350-page report they were most of its 600 MB; this is a fifth of one."""

    __slots__ = (
        "bottom",
        "code",
        "confidence",
        "doubt",
        "fontname",
        "size",
        "text",
        "top",
        "x0",
        "x1",
    )

    def __init__(self, char: Char) -> None:
        for name in self.__slots__:
            if name in char:  # "code" is missing where pdfplumber's pairing failed
                setattr(self, name, char[name])

    def __getitem__(self, name: str) -> Any:
        return getattr(self, name)

    def __contains__(self, name: str) -> bool:
        return hasattr(self, name)

    def get(self, name: str, default: Any = None) -> Any:
        return getattr(self, name, default)


# Fewer characters than this on a page with images or outlines: the page is drawn, not written
# (a scanner's page stamp or a page number may still be text).
_FEW_CHARS = 30


def _raw_page(number: int, page: Any) -> _RawPage:
    """The page's ruled tables and its other lines."""
    chars: list[Any] = [_Glyph(c) for c in chars_with_codes(page) if c.get("upright", True)]
    raw = _layout(number, chars, find_tables(page))
    raw.unwritten = len(chars) < _FEW_CHARS and bool(page.images or page.curves)
    return raw


def _ocr_page(path: Path, number: int) -> _RawPage:
    """A page read from its image: OCR words become glyphs, placed in the tables the image's
    ruling lines make, and from there on read like any page."""
    from itaparse.readers import ocr

    found = ocr.read_page(path, number - 1)
    glyphs: list[Any] = [
        # The leading blank: Tesseract's words are separated by a space in the line's text.
        _Glyph(
            {
                "text": f" {w.text}",
                "x0": w.x0,
                "x1": w.x1,
                "top": w.top,
                "bottom": w.bottom,
                "size": w.size,
                "fontname": "ocr",
                "confidence": w.confidence,
                "doubt": w.doubt,
            }
        )
        for w in found.words
    ]
    raw = _layout(number, glyphs, found.tables)
    for _top, block in raw.blocks:
        if isinstance(block, _RawTable):
            block.strategy = "ocr"
    raw.by_ocr, raw.confidence = True, found.confidence
    return raw


def _ocr_unwritten(path: Path, pages: list[_RawPage]) -> list[_RawPage]:
    todo = [i for i, p in enumerate(pages) if p.unwritten]
    if not todo:
        return pages  # and the OCR stack (numpy, OpenCV, Tesseract) is never imported
    from itaparse.readers.ocr import page_progress

    progress = page_progress.get()
    out = list(pages)
    for done, i in enumerate(todo, 1):
        out[i] = _ocr_page(path, pages[i].number)
        if progress is not None:
            progress(done, len(todo))
    return out


def _layout(number: int, chars: list[Any], found: Sequence[Any]) -> _RawPage:
    boxes = [t.bbox for t in found]
    blocks: list[tuple[float, Line | _RawTable]] = []
    for t in found:
        blocks.append((t.bbox[1], _table(t, (c for c in chars if _inside(c, t.bbox)))))
    outside = _group_lines([c for c in chars if not any(_inside(c, b) for b in boxes)])
    blocks.extend((line[0]["top"], line) for line in outside)
    blocks.sort(key=lambda b: b[0])
    return _RawPage(number, blocks)


def _read_and_close(number: int, page: Any) -> _RawPage:
    """A page's glyphs and tables; then pdfplumber's page caches go, so that memory does not
    grow with the page count (everything needed is in the _RawPage)."""
    raw = _raw_page(number, page)
    page.close()
    return raw


_CUT_HEADER_ROWS = 3  # a header cut from its body: at most a group row, labels, numbers
_SAME_EDGE = 5.0  # points: two tables with their sides this close are one table's parts


def _join_cut_headers(pages: Sequence[_RawPage], mapping: dict[Key, str], repair: bool) -> None:
    """A ruled table's header rows that a page break cut from the rest of the table: the last
    block of a page, a few rows reading as labels, over a table of the same width on the next
    page. They become that table's first rows, each cell under the columns it spans there
    (a group label over its sub-labels), so that the header is read whole."""
    for page, after in itertools.pairwise(pages):
        tables = [b for _top, b in page.blocks if isinstance(b, _RawTable)]
        following = [b for _top, b in after.blocks if isinstance(b, _RawTable)]
        if not tables or not following or page.blocks[-1][1] is not tables[-1]:
            continue
        cut, rest = tables[-1], following[0]
        if (
            len(cut.rows) > _CUT_HEADER_ROWS
            or not cut.columns
            or not rest.columns
            or abs(cut.bbox[0] - rest.bbox[0]) > _SAME_EDGE
            or abs(cut.bbox[2] - rest.bbox[2]) > _SAME_EDGE
            or not rest.rows
            or _opens_with_header(rest, cut, mapping, repair)
            or not _reads_as_labels(cut, mapping, repair)
        ):
            continue
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
        page.blocks = [b for b in page.blocks if b[1] is not cut]


def _numbers_under(
    table: _RawTable,
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
    words = [_cell_text(cell, mapping, repair) for cell in row if cell]
    if not words or not all(is_column_number(w) for w in words):
        return
    for (r, j), top in carried.items():
        if r == at - 1 and j < len(row) and row[j] == []:
            row[j] = None
            table.merged_down[(at, j)] = top


def _reads_as_labels(table: _RawTable, mapping: dict[Key, str], repair: bool) -> bool:
    """Rows of header labels: a third of each row's cells labels at least (ประเด็น, ผลการ
    ประเมิน, …; a label cut by the break may read as none), or the columns' numbers ("(4)
    (5)"); two fields at least in all. A row of a score table ("๑ | … | EIT | e5 | ๕๘.๑๓") has
    none."""
    found: set[str] = set()
    for row in table.rows:
        texts = [_cell_text(cell, mapping, repair) for cell in row if cell]
        fields, _score = map_labels([[t] for t in texts])
        numbers = sum(is_column_number(t) for t in texts)
        if any(len(t) > MAX_LABEL_CHARS or opens_measure(t) for t in texts):
            return False  # a row of the body: the table has begun on this page
        if 3 * (len(fields) + numbers) < len(texts):
            return False
        found.update(fields.values())
    return len(found) >= 2


def _labels_score(row: list[list[Line] | None], mapping: dict[Key, str], repair: bool) -> float:
    texts = [_cell_text(cell, mapping, repair) if cell else "" for cell in row]
    return map_labels([[t] for t in texts])[1]


def _halves(
    top: list[list[Line] | None],
    bottom: list[list[Line] | None],
    mapping: dict[Key, str],
    repair: bool,
) -> bool:
    """Whether a page's first row is the rest of the header row the page break cut from the
    page before ("น" under "ประเด็", "เกี่ยวข้อง" under "ผู้รับผิดชอบ/ผู้ที่"): no row of the
    body has begun, so a row of short words that opens no measure and numbers no columns is
    that row's rest, where the two read as labels no worse together."""
    words = [_cell_text(cell, mapping, repair) for cell in bottom if cell]
    if not words or any(
        len(w) > MAX_LABEL_CHARS or opens_measure(w) or is_column_number(w) for w in words
    ):
        return False
    together = _labels_score(_joined(top, bottom), mapping, repair)
    return together >= _labels_score(top, mapping, repair)


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
    table: _RawTable, cut: _RawTable, mapping: dict[Key, str], repair: bool
) -> bool:
    """A table whose first row is a measures header of its own, or the cut header's first
    row printed again (a header repeated on every page)."""
    first = [_cell_text(cell, mapping, repair) if cell else "" for cell in table.rows[0]]
    if read_header(first)[0] is not None:
        return True
    again = [_cell_text(cell, mapping, repair) if cell else "" for cell in cut.rows[0]]
    own = map_labels([[t] for t in first])[0]
    return len(own) >= 2 and set(own.values()) == set(map_labels([[t] for t in again])[0].values())


def _cell_text(cell: list[Line], mapping: dict[Key, str], repair: bool) -> str:
    return join_wrapped([_render(ln, mapping, repair) for ln in cell])


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
    for cell, (x0, x1) in zip(row, spans, strict=False):
        if cell is None:
            continue
        for k, j in enumerate(_columns_under((x0, x1), columns)):
            out[j] = cell if k == 0 else None
    return out


def _find_borderless(pages: Sequence[_RawPage], mapping: dict[Key, str], repair: bool) -> None:
    """Pages without ruled tables may hold tables drawn without borders: read the lines'
    repaired text for them (row starts and labels need it), and put each table in place of
    its lines. A page may continue the table of the page before and then start another; a
    header the foot of a page cut from its body is read on the next page, above its rest."""
    runs_on = None
    carried: list[Line] = []
    for page in pages:
        if any(isinstance(block, _RawTable) for _top, block in page.blocks):
            runs_on, carried = None, []
            continue
        own = [block for _top, block in page.blocks if not isinstance(block, _RawTable)]
        lines = [*_carried_above(carried, own), *own]
        skip, carried = len(lines) - len(own), []
        tables: list[_RawTable] = []
        used: set[int] = set()
        pos, previous = 0, runs_on
        runs_on = None
        while pos < len(lines):
            table = borderless.find(lines[pos:], previous, lambda ln: _render(ln, mapping, repair))
            if table is None:
                break
            used.update(pos + i for i in table.used)
            if table.header_only and page is not pages[-1]:
                carried = [lines[pos + i] for i in sorted(table.used)]
                break
            tables.append(
                _RawTable(
                    table.rows, table.bbox, "borderless", table.columns.edges, table.merged_down
                )
            )
            runs_on = table.columns if table.open_ended else None
            pos += max(table.used) + 1
            previous = None
        if not tables and not carried:
            continue
        rest = [(ln[0]["top"], ln) for i, ln in enumerate(lines) if i >= skip and i not in used]
        page.blocks = sorted(
            [*rest, *((t.bbox[1], t) for t in tables)],
            key=lambda b: b[0],
        )


def _carried_above(carried: list[Line], lines: list[Line]) -> list[Line]:
    """Header lines from the foot of the page before, moved to stand one line spacing above
    this page's first line, so that the header reads as one with its rest here."""
    if not carried or not lines:
        return []
    shift = lines[0][0]["top"] - borderless.line_spacing(lines) - carried[-1][0]["top"]
    return [[_moved(ch, shift) for ch in ln] for ln in carried]


def _moved(glyph: Any, dy: float) -> Any:
    """The same glyph dy points lower on the page."""
    kept = {n: glyph[n] for n in _Glyph.__slots__ if n in glyph}
    return _Glyph({**kept, "top": glyph["top"] + dy, "bottom": glyph["bottom"] + dy})


def _lines_of(pages: Sequence[_RawPage]) -> list[Line]:
    lines: list[Line] = []
    for page in pages:
        for _top, block in page.blocks:
            if isinstance(block, _RawTable):
                lines.extend(ln for row in block.rows for cell in row if cell for ln in cell)
            else:
                lines.append(block)
    return lines


def _grid(
    pages: Sequence[_RawPage], mapping: dict[Key, str], repair: bool, texts: dict[Key, str]
) -> Grid:
    blocks: list[tuple[int | None, str | Table]] = []
    quality: list[tuple[float | None, int]] = []
    ocr: dict[int, float | None] = {}
    for page in pages:
        page_text: list[str] = []
        for _top, block in page.blocks:
            if isinstance(block, _RawTable):
                rows = []
                for raw_row in block.rows:
                    cells: list[Cell | None] = []
                    for raw_cell in raw_row:
                        if raw_cell is None:
                            cells.append(None)
                            continue
                        lines = [t for t in (_render(ln, mapping, repair) for ln in raw_cell) if t]
                        page_text.extend(lines)
                        cells.append(Cell([lines] if lines else [], **_ocr_marks(raw_cell)))
                    rows.append(Row(cells, page=page.number))
                for (r, c), top in block.merged_down.items():
                    rows[r].cells[c] = Cell(above=rows[top].cells[c])
                table = Table(
                    rows, page.number, block.bbox, block.strategy, block.edges, block.cells
                )
                blocks.append((page.number, table))
            else:
                text = _render(block, mapping, repair)
                if text:
                    page_text.append(text)
                    blocks.append((page.number, text))
        quality.append(token_share("\n".join(page_text)))
        if page.by_ocr:
            ocr[page.number] = page.confidence
    repairs = [
        f"{font} code {code}: {texts[(font, code)]!r} -> {new!r}"
        for (font, code), new in mapping.items()
    ]
    doubts = [
        (page.number, str(g["doubt"]))
        for page in pages
        if page.number in ocr
        for line in _lines_of([page])
        for g in line
        if g.get("doubt")
    ]
    return Grid("pdf", len(pages), blocks, quality, repairs, ocr=ocr, doubts=doubts)


def _ocr_marks(lines: Sequence[Line]) -> dict[str, Any]:
    """What OCR left on a cell's words: the numbers it doubted, its least confidence."""
    read = [g for line in lines for g in line if g.get("confidence") is not None]
    if not read:
        return {}
    return {
        "doubts": [str(g["doubt"]) for g in read if g.get("doubt")],
        "confidence": min(float(g["confidence"]) for g in read),
    }


def _unwrap(exc: BaseException) -> BaseException:
    """pdfplumber wraps pdfminer's exception in its own PdfminerException."""
    inner = exc.args[0] if exc.args else None
    return inner if isinstance(inner, BaseException) else exc


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text[:120]}" if text else type(exc).__name__


class _Problems(logging.Handler):
    """What pdfminer complains of while it reads: a PDF it had to repair or skip parts of."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def _pdfminer_problems() -> Iterator[list[str]]:
    """Collect pdfminer's warnings for the report instead of letting them reach a terminal."""
    logger = logging.getLogger("pdfminer")
    handler = _Problems()
    level, propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


def read_pdf(
    path: Path, password: str | None = None, repair: bool = True, ocr: bool = True
) -> Grid:
    """Read a PDF; with repair=False the text layer is taken as it is (for comparison); with
    ocr=False pages without a usable text layer are left unread."""
    with _pdfminer_problems() as problems:
        grid = _read_pdf(path, password, repair, ocr)
    grid.problems = problems
    return grid


# A page whose repaired text reads worse than this (as a share of dictionary words) is read
# again by OCR, and the better reading kept: repaired real pages read 0.84-1.00, pages the
# repair could not mend 0.48-0.69, OCR of a clean scan about 0.9.
_GARBLED = 0.70
_MIN_TOKENS = 20


def _garbled(quality: tuple[float | None, int]) -> bool:
    share, tokens = quality
    return share is not None and tokens >= _MIN_TOKENS and share < _GARBLED


def _read_pdf(path: Path, password: str | None, repair: bool, ocr: bool) -> Grid:
    try:
        pdf = pdfplumber.open(str(path), password=password or "")
    except Exception as exc:  # pdfminer raises many types for a broken file
        cause = _unwrap(exc)
        if isinstance(cause, PDFPasswordIncorrect):
            what = "wrong password" if password else "the PDF is password-protected; use --password"
            raise PasswordError(path, what) from exc
        raise CorruptDocumentError(path, f"not a readable PDF ({_describe(cause)})") from exc
    try:
        pages = [_read_and_close(n, page) for n, page in enumerate(pdf.pages, 1)]
    except Exception as exc:
        raise CorruptDocumentError(path, f"a damaged PDF ({_describe(_unwrap(exc))})") from exc
    finally:
        # Closing a broken PDF can raise too; that must not replace the error above.
        with contextlib.suppress(Exception):
            pdf.close()
    lines = _lines_of(pages)
    mapping = decide(lines) if repair else {}
    if ocr:
        pages = _ocr_unwritten(path, pages)
    _join_cut_headers(pages, mapping, repair)
    _find_borderless(pages, mapping, repair)
    texts = {(c["fontname"], c["code"]): str(c["text"]) for ln in lines for c in ln if "code" in c}
    grid = _grid(pages, mapping, repair, texts)
    grid.unread = [p.number for p in pages if p.unwritten and not p.by_ocr]
    # Without repair the text layer is wanted as it is, damage included: no OCR in its place.
    again_by_ocr = ocr and repair
    garbled = [
        i
        for i, q in enumerate(grid.quality)
        if again_by_ocr and not pages[i].by_ocr and _garbled(q)
    ]
    if not garbled:
        return grid
    again = list(pages)
    for i in garbled:
        again[i] = _ocr_page(path, pages[i].number)
    _join_cut_headers(again, mapping, repair)
    _find_borderless(again, mapping, repair)
    second = _grid(again, mapping, repair, texts)
    better = [i for i in garbled if (second.quality[i][0] or 0) > (grid.quality[i][0] or 0)]
    if not better:
        return grid
    return _grid(
        [again[i] if i in better else p for i, p in enumerate(pages)], mapping, repair, texts
    )
