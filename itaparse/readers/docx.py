"""Word (.docx) reader: body paragraphs and tables in document order, merges resolved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml.etree import XMLSyntaxError

from itaparse.errors import CorruptDocumentError
from itaparse.readers.grid import Cell, Grid, Row, Table


def _paragraph_lines(text: str) -> list[str]:
    # A manual line break (w:br) arrives as "\n": a wrap the clerk made by hand.
    return [line for line in text.split("\n") if line.strip()]


def _cell(tc: Any, table: DocxTable) -> Cell:
    paragraphs = [_paragraph_lines(p.text) for p in _Cell(tc, table).paragraphs]
    return Cell([p for p in paragraphs if p])


def _table(table: DocxTable) -> Table:
    rows: list[Row] = []
    for tr in table._tbl.tr_lst:
        cells: list[Cell | None] = []
        for tc in tr.tc_lst:
            if tc.vMerge == "continue":  # merged down from the cell above (see Cell.above)
                above = rows[-1].cells[len(cells)] if rows else None
                top = above.above or above if above is not None else None
                cells.append(Cell(above=top))
            else:
                cells.append(_cell(tc, table))
            cells.extend([None] * (tc.grid_span - 1))
        rows.append(Row(cells))
    return Table(rows, strategy="word")


def read_docx(path: Path) -> Grid:
    try:
        document = docx.Document(str(path))
    except XMLSyntaxError as exc:
        raise CorruptDocumentError(path, "a damaged Word document (its XML is broken)") from exc
    except Exception as exc:  # python-docx raises many types for a broken package
        what = f"{type(exc).__name__}: {str(exc)[:120]}"
        raise CorruptDocumentError(path, f"not a readable Word document ({what})") from exc
    blocks: list[tuple[int | None, str | Table]] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text = DocxParagraph(child, document).text
            blocks.extend((None, line.strip()) for line in _paragraph_lines(text))
        elif child.tag == qn("w:tbl"):
            blocks.append((None, _table(DocxTable(child, document))))
    return Grid(format="docx", pages=None, blocks=blocks)
