"""Plain text of a whole document, repaired, in reading order (tables row by row)."""

from __future__ import annotations

from pathlib import Path

from itaparse.readers import read_grid
from itaparse.readers.grid import Grid, Table
from itaparse.thai.text import join_wrapped


def _table_lines(table: Table) -> list[str]:
    """One line per row, cells separated by tabs, each cell's wrapped lines rejoined."""
    lines = []
    for row in table.rows:
        cells = [
            "" if cell is None else " ".join(join_wrapped(p) for p in cell.paragraphs)
            for cell in row.cells
        ]
        if any(cells):
            lines.append("\t".join(cells).rstrip("\t"))
    return lines


def grid_text(grid: Grid) -> str:
    out: list[str] = []
    page: int | None = None
    for block_page, block in grid.blocks:
        if out and block_page != page:
            out.append("")  # a blank line between pages
        page = block_page
        out.extend(_table_lines(block) if isinstance(block, Table) else [block])
    return "\n".join(out) + "\n"


def extract_text(path: str | Path, password: str | None = None, ocr: bool = True) -> str:
    """The document's repaired text (a scanned page's as OCR read it): what `itaparse text
    FILE` prints."""
    return grid_text(read_grid(Path(path), password=password, ocr=ocr))
