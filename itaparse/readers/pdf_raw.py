"""A PDF page read into glyph lines and ruled tables (pdfplumber), or from its image by
OCR where it has no text to read; nothing rendered yet: the repair decides over the whole
document first."""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from itaparse.readers.pdf_clip import Origin, char_origin
from itaparse.readers.pdf_glyphs import chars_with_codes
from itaparse.readers.pdf_ruling import find_tables
from itaparse.readers.pdf_text import BBox, Char, Glyph, Line, foot_marks, group_lines, inside


@dataclass
class RawTable:
    """A table before its text is rendered: cells as lists of glyph lines."""

    rows: list[list[list[Line] | None]]
    bbox: BBox
    strategy: str = "ruled"
    edges: list[float] = field(default_factory=list)
    merged_down: dict[tuple[int, int], int] = field(default_factory=dict)  # (row, col) -> row
    cells: list[BBox] = field(default_factory=list)  # each cell's box, for ruled tables
    columns: list[tuple[float, float]] = field(default_factory=list)  # x spans, ruled tables


@dataclass
class RawPage:
    number: int
    blocks: list[tuple[float, Line | RawTable]]  # (top, line or table)
    # Drawn but not written: almost no characters, yet images or outlines (a scan, or text
    # exported as shapes). Only OCR can read it.
    unwritten: bool = False
    by_ocr: bool = False
    confidence: float | None = None  # Tesseract's mean word confidence, where it read the page
    # The page's lowest line when it is marks alone: the next page's first line, painted on
    # both pages and clipped, whose marks above the cut show only here (pdf_clipped).
    clipped: Line = field(default_factory=list)
    # The x of the column rules of the page's lowest ruled table: where a row taller than a
    # page goes on, the next page has those rules alone (pdf_ruling.closing_rules).
    foot_columns: list[float] = field(default_factory=list)


def _table(found: Any, chars: Iterable[Char]) -> RawTable:
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
            None if bbox is None else group_lines(bins.get((r, c), []))
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
    return RawTable(cells, tuple(found.bbox), merged_down=merged_down, cells=boxes, columns=columns)


# Fewer characters than this on a page with images or outlines: the page is drawn, not written
# (a scanner's page stamp or a page number may still be text).
_FEW_CHARS = 30


def raw_page(
    number: int, page: Any, hidden: Collection[Origin] = (), carried: Sequence[float] = ()
) -> RawPage:
    """The page's ruled tables and its other lines; glyphs at the origins in `hidden` (drawn
    outside their clip, so not on the page: pdf_clip) are left out, but for the foot marks the
    next page's first line may need."""
    upright = [c for c in chars_with_codes(page) if c.get("upright", True)]
    for c in upright:
        matrix = c.get("matrix")
        if matrix and "y1" in c:  # the baseline, top down: the box's top plus its ascent
            c["baseline"] = float(c["top"]) + float(c["y1"]) - float(matrix[5])
    every: list[Any] = [Glyph(c) for c in upright]
    chars = [g for c, g in zip(upright, every, strict=True) if char_origin(c) not in hidden]
    raw = layout_page(number, chars, find_tables(page, carried), marks_from=every)
    raw.foot_columns = _foot_columns(raw)
    raw.unwritten = len(chars) < _FEW_CHARS and bool(page.images or page.curves)
    return raw


def ocr_page(path: Path, number: int) -> RawPage:
    """A page read from its image: OCR words become glyphs, placed in the tables the image's
    ruling lines make, and from there on read like any page."""
    from itaparse.readers import ocr

    found = ocr.read_page(path, number - 1)
    glyphs: list[Any] = [
        # The leading blank: Tesseract's words are separated by a space in the line's text.
        Glyph(
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
                "doubt_point": w.doubt_point,
            }
        )
        for w in found.words
    ]
    raw = layout_page(number, glyphs, found.tables)
    for _top, block in raw.blocks:
        if isinstance(block, RawTable):
            block.strategy = "ocr"
    raw.by_ocr, raw.confidence = True, found.confidence
    return raw


def ocr_unwritten(path: Path, pages: list[RawPage]) -> list[RawPage]:
    todo = [i for i, p in enumerate(pages) if p.unwritten]
    if not todo:
        return pages  # and the OCR stack (numpy, OpenCV, Tesseract) is never imported
    from itaparse.readers.ocr import page_progress

    progress = page_progress.get()
    out = list(pages)
    for done, i in enumerate(todo, 1):
        out[i] = ocr_page(path, pages[i].number)
        if progress is not None:
            progress(done, len(todo))
    return out


def layout_page(
    number: int, chars: list[Any], found: Sequence[Any], marks_from: list[Any] | None = None
) -> RawPage:
    """The page's tables and lines; its foot marks (pdf_clipped) from `marks_from` where given:
    every glyph of the page, also those left out as hidden."""
    boxes = [t.bbox for t in found]
    blocks: list[tuple[float, Line | RawTable]] = []
    for t in found:
        blocks.append((t.bbox[1], _table(t, (c for c in chars if inside(c, t.bbox)))))
    rest = [c for c in chars if not any(inside(c, b) for b in boxes)]
    outside = group_lines(rest)
    blocks.extend((line[0]["top"], line) for line in outside)
    blocks.sort(key=lambda b: b[0])
    return RawPage(number, blocks, clipped=foot_marks(chars if marks_from is None else marks_from))


def _foot_columns(page: RawPage) -> list[float]:
    tables = [b for _top, b in page.blocks if isinstance(b, RawTable)]
    if not tables:
        return []
    lowest = max(tables, key=lambda t: t.bbox[3])
    return sorted({round(x, 1) for span in lowest.columns for x in span if span != (0.0, 0.0)})


def read_and_close(
    number: int, page: Any, hidden: Collection[Origin] = (), carried: Sequence[float] = ()
) -> RawPage:
    """A page's glyphs and tables; then pdfplumber's page caches go, so that memory does not
    grow with the page count (everything needed is in the RawPage)."""
    raw = raw_page(number, page, hidden, carried)
    page.close()
    return raw
