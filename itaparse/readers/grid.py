"""The table-grid form every reader yields, whatever the file format.

A cell is a list of paragraphs, a paragraph a list of lines. Word files give one line per
paragraph (their wraps are not in the file); PDFs give one paragraph of wrapped lines per cell,
since a PDF has no paragraph marks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Paragraph = list[str]


@dataclass
class Cell:
    paragraphs: list[Paragraph] = field(default_factory=list)
    # Set where a cell above is merged down over this position: its content belongs to every
    # measure the merge spans, but to a row that continues the same measure it adds nothing.
    above: Cell | None = None
    # Read by OCR: the numbers read with too thin a margin to trust, and the least confidence
    # (0-100) Tesseract had in any word of the cell.
    doubts: list[str] = field(default_factory=list)
    # Of those, the numbers doubted only for a point that may be a speck, their digits sure.
    point_doubts: list[str] = field(default_factory=list)
    confidence: float | None = None

    @property
    def lines(self) -> list[str]:
        return [line for para in self.paragraphs for line in para]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def empty(self) -> bool:
        return not any(line.strip() for line in self.lines)


@dataclass
class Row:
    """One table row; None marks a grid position covered by a cell spanning from the left."""

    cells: list[Cell | None]
    page: int | None = None  # 1-based; None for Word files
    # Set by a reader when the row had fewer cells than its table has columns: "placed" when
    # the reader could tell which were missing (the rest sit under their headings), "unplaced"
    # when it could not (the cells after the first may sit under the wrong headings).
    short: str | None = None
    # Set by a reader when a cell of the row is merged down from a cell that starts no merge
    # (Word's vMerge "continue" under a cell without one): the row that started it was lost,
    # and whose continuation this row is, is in doubt.
    broken_merge: bool = False

    @property
    def filled(self) -> list[Cell]:
        return [c for c in self.cells if c is not None and not c.empty]


@dataclass
class Table:
    rows: list[Row]
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    # ruled (lines drawn), borderless (text alignment), word (DOCX), ocr (lines in a scan)
    strategy: str = "ruled"
    edges: list[float] = field(default_factory=list)  # column edges found by borderless
    cells: list[tuple[float, float, float, float]] = field(default_factory=list)  # ruled, ocr

    @property
    def n_cols(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)


@dataclass
class Grid:
    """A document as itaparse sees it: text lines and tables, in reading order."""

    format: str
    pages: int | None
    blocks: list[tuple[int | None, str | Table]]  # (1-based page or None, line or table)
    # Per page (PDF only): share of Thai tokens that are dictionary words, and their count.
    quality: list[tuple[float | None, int]] = field(default_factory=list)
    # Text-layer repairs decided (PDF only): "font code N: 'old' -> 'new'".
    repairs: list[str] = field(default_factory=list)
    # What the PDF library had to repair or skip while reading (PDF only): a damaged file.
    problems: list[str] = field(default_factory=list)
    # Pages read by OCR (1-based) and Tesseract's mean word confidence on each (0-100).
    ocr: dict[int, float | None] = field(default_factory=dict)
    # Pages (1-based) whose content the PDF's own structure says was not read whole.
    damaged_pages: list[int] = field(default_factory=list)
    # Numbers OCR was unsure of outside tables, and in their cells: (page, digits as read).
    doubts: list[tuple[int, str]] = field(default_factory=list)
    table_doubts: list[tuple[int, str]] = field(default_factory=list)
    # Pages that only OCR could read, left unread because OCR was off.
    unread: list[int] = field(default_factory=list)

    @property
    def tables(self) -> list[Table]:
        return [b for _, b in self.blocks if isinstance(b, Table)]

    @property
    def text_lines(self) -> list[tuple[int | None, str]]:
        return [(page, b) for page, b in self.blocks if isinstance(b, str)]
