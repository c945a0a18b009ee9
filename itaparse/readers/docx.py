"""Word (.docx) reader: body paragraphs and tables in document order, merges resolved."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml.etree import XMLSyntaxError

from itaparse.errors import CorruptDocumentError, ItaparseError
from itaparse.readers.grid import Cell, Grid, Row, Table


def _paragraph_lines(text: str) -> list[str]:
    # A manual line break (w:br) arrives as "\n": a wrap the clerk made by hand.
    return [line for line in text.split("\n") if line.strip()]


def _cell_paragraphs(cell: _Cell) -> list[list[str]]:
    """A cell's paragraphs, those of tables nested in it included, in document order."""
    out: list[list[str]] = []
    for item in cell.iter_inner_content():
        if isinstance(item, DocxTable):
            for row in item.rows:
                for inner in dict.fromkeys(row.cells):  # a merged cell is listed once
                    out.extend(_cell_paragraphs(inner))
        else:
            out.append(_paragraph_lines(item.text))
    return [p for p in out if p]


def _cell(tc: Any, table: DocxTable) -> Cell:
    return Cell(_cell_paragraphs(_Cell(tc, table)))


def _width(tc: Any) -> int | None:
    """A cell's width in EMU, where the file states it as a length (not auto or a share)."""
    width = tc.width  # python-docx: None unless the file gives a dxa (twips) width
    return int(width) if width else None


# A placement of a short row's cells by their widths is taken when each cell's width is
# within this share of the grid columns it would cover, and no other placement fits as well.
_FIT = 0.1


def _placements(spans: list[int], free: int, start: int) -> Iterator[list[int]]:
    """Every way to start the cells in order from grid column `start`, `free` columns left
    empty somewhere between or after them."""
    if not spans:
        yield []
        return
    for skip in range(free + 1):
        for rest in _placements(spans[1:], free - skip, start + skip + spans[0]):
            yield [start + skip, *rest]


def _place(tcs: list[Any], grid: list[int | None], start: int) -> list[int] | None:
    """The grid columns where a short row's cells begin, told by their widths: None when the
    widths cannot tell (not stated, or columns alike so that several placements fit)."""
    spans = [tc.grid_span for tc in tcs]
    widths = [_width(tc) for tc in tcs]
    free = len(grid) - start - sum(spans)
    if free <= 0 or any(w is None or w <= 0 for w in widths) or None in grid:
        return None
    fits: list[tuple[float, list[int]]] = []
    for starts in _placements(spans, free, start):
        worst = 0.0
        for at, span, width in zip(starts, spans, widths, strict=True):
            assert width is not None
            covered = sum(w or 0 for w in grid[at : at + span])
            worst = max(worst, abs(covered - width) / width)
        if worst <= _FIT:
            fits.append((worst, starts))
    return fits[0][1] if len(fits) == 1 else None


def _table(table: DocxTable) -> Table:
    grid_cols = table._tbl.tblGrid.gridCol_lst if table._tbl.tblGrid is not None else []
    grid: list[int | None] = [g.w for g in grid_cols]
    rows: list[Row] = []
    merges: dict[int, str | None] = {}  # the row above's vMerge by grid column
    for tr in table._tbl.tr_lst:
        tcs = list(tr.tc_lst)
        before = tr.grid_before
        starts, short = None, None
        if grid and before + sum(tc.grid_span for tc in tcs) + tr.grid_after < len(grid):
            starts = _place(tcs, grid, before)
            short = "placed" if starts is not None else "unplaced"
        if starts is None:  # one after the other, as Word draws them
            starts = [before + sum(tc.grid_span for tc in tcs[:i]) for i in range(len(tcs))]
        # Ends where its last cell ends; a column skipped before it is an empty cell.
        width = starts[-1] + tcs[-1].grid_span if tcs else 0
        cells: list[Cell | None] = [Cell() for _ in range(width)]
        broken = False
        for tc, at in zip(tcs, starts, strict=True):
            if tc.vMerge == "continue":  # merged down from the cell above (see Cell.above)
                broken = broken or merges.get(at) is None
                above = rows[-1].cells[at] if rows and at < len(rows[-1].cells) else None
                top = above.above or above if above is not None else None
                cells[at] = Cell(above=top)
            else:
                cells[at] = _cell(tc, table)
            for covered in range(at + 1, at + tc.grid_span):
                cells[covered] = None
        merges = {at: tc.vMerge for tc, at in zip(tcs, starts, strict=True)}
        rows.append(Row(cells, short=short, broken_merge=broken))
    return Table(rows, strategy="word")


def read_docx(path: Path) -> Grid:
    try:
        document = docx.Document(str(path))
    except XMLSyntaxError as exc:
        raise CorruptDocumentError(path, "a damaged Word document (its XML is broken)") from exc
    except ItaparseError:  # the file's time limit: said as it is
        raise
    except Exception as exc:  # python-docx raises many types for a broken package
        what = f"{type(exc).__name__}: {str(exc)[:120]}"
        raise CorruptDocumentError(path, f"not a readable Word document ({what})") from exc
    blocks: list[tuple[int | None, str | Table]] = []
    _walk(document.element.body, document, blocks)
    return Grid(format="docx", pages=None, blocks=blocks)


def _walk(parent: Any, document: Any, blocks: list[tuple[int | None, str | Table]]) -> None:
    """Paragraphs and tables in document order, looking inside content controls (w:sdt),
    which Word templates wrap around whole sections, tables included."""
    for child in parent.iterchildren():
        if child.tag == qn("w:p"):
            text = DocxParagraph(child, document).text
            blocks.extend((None, line.strip()) for line in _paragraph_lines(text))
        elif child.tag == qn("w:tbl"):
            blocks.append((None, _table(DocxTable(child, document))))
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                _walk(content, document, blocks)
