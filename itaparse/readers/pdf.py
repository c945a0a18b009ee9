"""PDF reader (pdfplumber): ruled tables per page, all text rebuilt from repaired glyphs.

Text is rebuilt here rather than taken from ``extract_text``/``Table.extract()`` for two
reasons. Thai marks in HarfBuzz-shaped exports sit at the x of the next letter, so sorting by
x scrambles them ("เพ่อื") while the content stream has them in typing order. And the repair
of a damaged text layer needs every glyph's font and code, decided over the whole document
before any line is turned into a string (itaparse.thai.codemap).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect

from itaparse.errors import CorruptDocumentError, ItaparseError, PasswordError
from itaparse.readers import pdf_borderless as borderless
from itaparse.readers.grid import Cell, Grid, Row, Table
from itaparse.readers.pdf_clip import hidden_glyphs
from itaparse.readers.pdf_clipped import restore_clipped_marks
from itaparse.readers.pdf_cut_headers import join_cut_headers
from itaparse.readers.pdf_damage import qpdf_damage, signals_held
from itaparse.readers.pdf_raw import RawPage, RawTable, ocr_page, ocr_unwritten, read_and_close
from itaparse.readers.pdf_text import Glyph, Key, Line, render_line
from itaparse.readers.pdf_wraps import glued_to_above
from itaparse.thai.codemap import decide
from itaparse.thai.dictionary import token_share
from itaparse.thai.text import join_wrapped


def _find_borderless(pages: Sequence[RawPage], mapping: dict[Key, str], repair: bool) -> None:
    """Pages without ruled tables may hold tables drawn without borders: read the lines'
    repaired text for them (row starts and labels need it), and put each table in place of
    its lines. A page may continue the table of the page before and then start another; a
    header the foot of a page cut from its body is read on the next page, above its rest."""
    runs_on = None
    carried: list[Line] = []
    for page in pages:
        if any(isinstance(block, RawTable) for _top, block in page.blocks):
            runs_on, carried = None, []
            continue
        own = [block for _top, block in page.blocks if not isinstance(block, RawTable)]
        lines = [*_carried_above(carried, own), *own]
        skip, carried = len(lines) - len(own), []
        tables: list[RawTable] = []
        used: set[int] = set()
        pos, previous = 0, runs_on
        runs_on = None
        while pos < len(lines):
            table = borderless.find(
                lines[pos:], previous, lambda ln: render_line(ln, mapping, repair)
            )
            if table is None:
                break
            used.update(pos + i for i in table.used)
            if table.header_only and page is not pages[-1]:
                carried = [lines[pos + i] for i in sorted(table.used)]
                break
            tables.append(
                RawTable(
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
    kept = {n: glyph[n] for n in Glyph.__slots__ if n in glyph}
    return Glyph({**kept, "top": glyph["top"] + dy, "bottom": glyph["bottom"] + dy})


def _lines_of(pages: Sequence[RawPage]) -> list[Line]:
    """The pages' glyphs as runs of text: a line, or a table cell's lines end to end (its
    words are judged whole, not cut where a narrow column wrapped them: "ประโย" / "ชน์")."""
    return [line for page in pages for _top, block in page.blocks for line in _block_lines(block)]


def _block_lines(block: Line | RawTable) -> list[Line]:
    """A line as itself, a table as its cells' lines, each cell's end to end."""
    if isinstance(block, RawTable):
        return [[g for ln in cell for g in ln] for row in block.rows for cell in row if cell]
    return [block]


def _grid(
    pages: Sequence[RawPage], mapping: dict[Key, str], repair: bool, texts: dict[Key, str]
) -> Grid:
    blocks: list[tuple[int | None, str | Table]] = []
    quality: list[tuple[float | None, int]] = []
    ocr: dict[int, float | None] = {}
    for page in pages:
        page_text: list[str] = []
        for _top, block in page.blocks:
            if isinstance(block, RawTable):
                rows = []
                for raw_row in block.rows:
                    cells: list[Cell | None] = []
                    for c, raw_cell in enumerate(raw_row):
                        if raw_cell is None:
                            cells.append(None)
                            continue
                        lines = _cell_lines(raw_cell, _span(block, raw_row, c), mapping, repair)
                        # Judged as the author typed it: a narrow column's lines, wrapped
                        # inside words ("ตุลาค" / "ม"), are no words of their own.
                        page_text.append(join_wrapped(lines))
                        cells.append(Cell([lines] if lines else [], **_ocr_marks(raw_cell)))
                    rows.append(Row(cells, page=page.number))
                for (r, c), top in block.merged_down.items():
                    rows[r].cells[c] = Cell(above=rows[top].cells[c])
                table = Table(
                    rows, page.number, block.bbox, block.strategy, block.edges, block.cells
                )
                blocks.append((page.number, table))
            else:
                text = render_line(block, mapping, repair)
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
    doubts: dict[bool, list[tuple[int, str]]] = {True: [], False: []}
    for page in pages:
        if page.number not in ocr:
            continue
        for _top, block in page.blocks:
            # A number in doubt in a table is a cell's; outside, it may be the title's year.
            doubts[isinstance(block, RawTable)].extend(
                (page.number, str(g["doubt"]))
                for line in _block_lines(block)
                for g in line
                if g.get("doubt")
            )
    return Grid(
        "pdf",
        len(pages),
        blocks,
        quality,
        repairs,
        ocr=ocr,
        doubts=doubts[False],
        table_doubts=doubts[True],
    )


def _span(block: RawTable, row: Sequence[object], c: int) -> tuple[float, float] | None:
    """The x span of a ruled table's cell: its column, and those it spans on the right."""
    if c >= len(block.columns):
        return None
    last = c
    while last + 1 < len(row) and last + 1 < len(block.columns) and row[last + 1] is None:
        last += 1
    return block.columns[c][0], block.columns[last][1]


def _cell_lines(
    raw_cell: Sequence[Line],
    span: tuple[float, float] | None,
    mapping: dict[Key, str],
    repair: bool,
) -> list[str]:
    """A cell's lines as text; a line that continues a word broken at the line above's end
    (pdf_wraps) is put back on it."""
    glued = glued_to_above(raw_cell, *span) if span else [False] * len(raw_cell)
    lines: list[str] = []
    for line, onto in zip(raw_cell, glued, strict=True):
        text = render_line(line, mapping, repair)
        if text and onto and lines:
            lines[-1] += text
        elif text:
            lines.append(text)
    return lines


def _ocr_marks(lines: Sequence[Line]) -> dict[str, Any]:
    """What OCR left on a cell's words: the numbers it doubted, its least confidence."""
    read = [g for line in lines for g in line if g.get("confidence") is not None]
    if not read:
        return {}
    return {
        "doubts": [str(g["doubt"]) for g in read if g.get("doubt")],
        "point_doubts": [str(g["doubt"]) for g in read if g.get("doubt") and g.get("doubt_point")],
        "confidence": min(float(g["confidence"]) for g in read),
    }


def _unwrap(exc: BaseException) -> BaseException:
    """pdfplumber wraps pdfminer's exception in its own PdfminerException."""
    inner = exc.args[0] if exc.args else None
    return inner if isinstance(inner, BaseException) else exc


# pdfminer's exceptions, in words a reader of the error knows.
_PLAIN = {
    "PSEOF": "the file ends too early, as a file cut short does",
    "PDFNoValidXRef": "its table of contents (cross-reference) is missing or broken",
    "PDFSyntaxError": "its structure is broken",
    "PSSyntaxError": "its structure is broken",
    "PDFTypeError": "its structure is broken",
}


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    plain = _PLAIN.get(type(exc).__name__)
    if plain is not None:
        detail = text[:80] if text and type(exc).__name__ != "PSEOF" else ""
        return f"{plain}: {detail}" if detail else plain
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
    damage, pages, rebuilt = qpdf_damage(path, password)
    with _pdfminer_problems() as problems:
        # A cross-reference table qpdf had to rebuild: pdfminer's own repair of it loses
        # objects qpdf finds (a page's content, so its rows), so the file is read as rebuilt.
        grid = _recovered(path, password, repair, ocr, _REBUILT_XREF) if rebuilt else None
        if grid is None:
            grid = _read_pdf(path, password, repair, ocr)
    grid.problems = [*grid.problems, *damage, *problems]  # qpdf names the pages
    grid.damaged_pages = sorted(set(grid.damaged_pages) | pages)
    return grid


_RECOVERED = (
    "the file could not be opened as it is (cut short, or its cross-reference table broken) "
    "and was rebuilt from the objects found in it (qpdf): parts may be missing"
)
_REBUILT_XREF = (
    "its cross-reference table is broken: read as qpdf rebuilt it from the objects found in "
    "it; parts may be missing"
)


def _recovered(
    path: Path, password: str | None, repair: bool, ocr: bool, why: str = _RECOVERED
) -> Grid | None:
    """A PDF pdfminer cannot open, rebuilt by qpdf from the objects it finds (a file missing
    its last bytes keeps every page), and read; None where qpdf finds nothing either. The
    grid says the file was damaged, so that the report warns of it."""
    import tempfile

    import pikepdf

    with tempfile.TemporaryDirectory(prefix="itaparse-") as folder:
        rebuilt = Path(folder) / "rebuilt.pdf"
        try:
            with signals_held(), pikepdf.open(path, password=password or "") as pdf:
                if not len(pdf.pages):
                    return None
                pdf.save(rebuilt)
            pdfplumber.open(str(rebuilt)).close()
        except Exception:  # qpdf could not rebuild it either: the caller says why
            return None
        grid = _read_pdf(rebuilt, None, repair, ocr)
    grid.problems.insert(0, why)
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
    except ItaparseError:  # the file's time limit: said as it is
        raise
    except Exception as exc:  # pdfminer raises many types for a broken file
        cause = _unwrap(exc)
        if isinstance(cause, ItaparseError):  # the time limit, met inside pdfplumber's wrapper
            raise cause from None
        if isinstance(cause, PDFPasswordIncorrect):
            what = "wrong password" if password else "the PDF is password-protected; use --password"
            raise PasswordError(path, what) from exc
        repaired = _recovered(path, password, repair, ocr)
        if repaired is not None:
            return repaired
        raise CorruptDocumentError(path, f"not a readable PDF ({_describe(cause)})") from exc
    try:
        hidden = hidden_glyphs(path, password)
        pages: list[RawPage] = []
        for n, page in enumerate(pdf.pages, 1):
            carried = pages[-1].foot_columns if pages else []
            pages.append(
                read_and_close(n, page, hidden[n - 1] if n <= len(hidden) else (), carried)
            )
    except ItaparseError:  # the file's time limit, OCR's missing model: said as they are
        raise
    except Exception as exc:
        cause = _unwrap(exc)
        if isinstance(cause, ItaparseError):
            raise cause from None
        raise CorruptDocumentError(path, f"a damaged PDF ({_describe(cause)})") from exc
    finally:
        # Closing a broken PDF can raise too; that must not replace the error above.
        with contextlib.suppress(Exception):
            pdf.close()
    restore_clipped_marks(pages)
    lines = _lines_of(pages)
    mapping = decide(lines) if repair else {}
    if ocr:
        pages = ocr_unwritten(path, pages)
    join_cut_headers(pages, mapping, repair)
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
        again[i] = ocr_page(path, pages[i].number)
    join_cut_headers(again, mapping, repair)
    _find_borderless(again, mapping, repair)
    second = _grid(again, mapping, repair, texts)
    better = [i for i in garbled if (second.quality[i][0] or 0) > (grid.quality[i][0] or 0)]
    if not better:
        return grid
    return _grid(
        [again[i] if i in better else p for i, p in enumerate(pages)], mapping, repair, texts
    )
