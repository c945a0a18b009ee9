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
