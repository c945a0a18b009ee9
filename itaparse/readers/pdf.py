"""PDF reader (pdfplumber): ruled tables per page, cell text rebuilt from the characters.

Cell text is rebuilt here rather than taken from ``Table.extract()`` because Thai marks in
LibreOffice/HarfBuzz exports sit at the same x as the next letter: sorting by x scrambles
them ("เพ่อื"), while the content stream has them in the order the author typed.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect

from itaparse.errors import CorruptDocumentError
from itaparse.readers.grid import Cell, Grid, Row, Table
from itaparse.thai.repair import repair_line

Char = dict[str, Any]
BBox = tuple[float, float, float, float]

# A gap wider than this share of the font size between two glyphs is a space.
_SPACE_GAP = 0.2


def _lines(chars: Sequence[Char]) -> list[str]:
    """Group characters into lines by vertical position, each line in content-stream order."""
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
    lines = []
    for group in groups:
        text = ""
        prev: Char | None = None
        for i in sorted(group):  # stream order: chars arrive in content-stream order
            ch = chars[i]
            gap = ch["x0"] - prev["x1"] if prev is not None else 0.0
            if gap > _SPACE_GAP * ch["size"] and not ch["text"].isspace():
                text += " "
            text += ch["text"]
            prev = ch
        text = repair_line(" ".join(text.split()))
        if text:
            lines.append(text)
    return lines


def _table(page_number: int, found: Any, chars: Iterable[Char]) -> Table:
    rows = [r for r in found.rows]
    # Cells of one row share their top; characters are binned by their vertical centre.
    tops = [r.bbox[1] for r in rows]
    bins: dict[tuple[int, int], list[Char]] = {}
    for ch in chars:
        cy = (ch["top"] + ch["bottom"]) / 2
        cx = (ch["x0"] + ch["x1"]) / 2
        r = bisect.bisect_right(tops, cy) - 1
        if r < 0 or cy > rows[r].bbox[3]:
            continue
        for c, bbox in enumerate(rows[r].cells):
            if bbox is not None and bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]:
                bins.setdefault((r, c), []).append(ch)
                break
    out_rows = []
    for r, row in enumerate(rows):
        cells: list[Cell | None] = []
        for c, bbox in enumerate(row.cells):
            if bbox is None:
                cells.append(None)
            else:
                lines = _lines(bins.get((r, c), []))
                cells.append(Cell([lines] if lines else []))
        out_rows.append(Row(cells, page=page_number))
    return Table(out_rows, page=page_number, bbox=tuple(found.bbox))


def _inside(ch: Char, boxes: Sequence[BBox]) -> bool:
    cx = (ch["x0"] + ch["x1"]) / 2
    cy = (ch["top"] + ch["bottom"]) / 2
    return any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes)


def read_pdf(path: Path, password: str | None = None) -> Grid:
    try:
        pdf = pdfplumber.open(str(path), password=password or "")
    except PDFPasswordIncorrect as exc:
        raise CorruptDocumentError(path, "the PDF is password-protected") from exc
    except Exception as exc:  # pdfminer raises many types for a broken file
        raise CorruptDocumentError(path, f"not a readable PDF ({type(exc).__name__})") from exc
    tables: list[Table] = []
    text_lines: list[tuple[int | None, str]] = []
    with pdf:
        try:
            for number, page in enumerate(pdf.pages, 1):
                chars = [c for c in page.chars if c.get("upright", True)]
                found = sorted(page.find_tables(), key=lambda t: (t.bbox[1], t.bbox[0]))
                boxes = [t.bbox for t in found]
                outside = [c for c in chars if not _inside(c, boxes)]
                text_lines.extend((number, line) for line in _lines(outside))
                for t in found:
                    tables.append(_table(number, t, (c for c in chars if _inside(c, [t.bbox]))))
            pages = len(pdf.pages)
        except Exception as exc:
            raise CorruptDocumentError(path, f"damaged PDF ({type(exc).__name__}: {exc})") from exc
    return Grid(format="pdf", pages=pages, tables=tables, text_lines=text_lines)
