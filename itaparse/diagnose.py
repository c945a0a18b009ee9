"""What the parser saw in a document: for a user whose report came out wrong.

`itaparse inspect FILE` prints it; `--debug-dir DIR` also draws the tables found on each PDF
page (pdfplumber's page.to_image) so a person can look.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from itaparse.errors import ItaparseError
from itaparse.models import Report, measure_tag
from itaparse.paths import readable
from itaparse.readers import read_grid
from itaparse.readers.grid import Grid, Table
from itaparse.report import build_report
from itaparse.table import find_header, find_measures_table


@dataclass
class TableView:
    page: int | None
    strategy: str
    rows: int
    columns: int
    role: str  # "measures table", "measures table (continued)", "other table"
    header: list[tuple[str, str | None]] = field(default_factory=list)  # (label, field)


@dataclass
class Inspection:
    path: str
    format: str
    pages: int | None
    grid: Grid
    tables: list[TableView]
    report: Report | None
    error: str | None


def _view(table: Table, used: bool, first: bool) -> TableView:
    found = find_header(table)
    mapping = found.fields if found is not None else None
    header = []
    if found is not None:
        for col in range(table.n_cols):
            if col in found.labels:
                header.append((found.labels[col], found.fields.get(col)))
    role = "other table"
    if used:
        role = "measures table" if first else "measures table continued"
        if not first:
            role += ", header repeated" if mapping is not None else ", header not repeated"
            header = []  # the mapping is the first table's
    return TableView(table.page, table.strategy, len(table.rows), table.n_cols, role, header)


def inspect_document(path: str | Path, password: str | None = None, ocr: bool = True) -> Inspection:
    """Read the document and parse it, keeping what the parser saw even when parsing fails."""
    path = Path(path)
    grid = read_grid(path, password=password, ocr=ocr)
    measures = find_measures_table(grid)
    used = measures.tables if measures else []
    views = [_view(t, i in used, bool(used) and i == used[0]) for i, t in enumerate(grid.tables)]
    report, error = None, None
    try:
        report = build_report(grid, path)
    except ItaparseError as exc:
        error = exc.what
    return Inspection(str(path), grid.format, grid.pages, grid, views, report, error)


def _pages(pages: list[int]) -> str:
    return f"page {pages[0]}" if len(pages) == 1 else f"pages {pages[0]}-{pages[-1]}"


def render(inspection: Inspection) -> str:
    """The inspection as plain text, one fact per line."""
    i = inspection
    out = [f"{readable(i.path)}: {i.format.upper()}" + (f", {i.pages} pages" if i.pages else "")]
    out.append("")
    out.append(f"tables found: {len(i.tables)}")
    for n, t in enumerate(i.tables, 1):
        where = f"page {t.page}, " if t.page else ""
        out.append(
            f"  table {n} ({where}{t.strategy}, {t.rows} rows x {t.columns} columns): {t.role}"
        )
        for label, field_name in t.header:
            out.append(f"      {label!r} -> {field_name or 'extra'}")
    if i.grid.quality:
        out.append("")
        out.append("text quality per page (share of Thai tokens that are dictionary words):")
        for n, (share, tokens) in enumerate(i.grid.quality, 1):
            figure = "no Thai text" if share is None else f"{share:.0%} of {tokens} tokens"
            out.append(f"  page {n}: {figure}")
    if i.grid.ocr:
        out.append("")
        out.append("pages read by OCR (Tesseract's mean word confidence):")
        for n, confidence in sorted(i.grid.ocr.items()):
            cells = sum(len(t.cells) for t in i.grid.tables if t.page == n)
            figure = "no words" if confidence is None else f"{confidence:.0f}"
            out.append(f"  page {n}: {figure}; {cells} table cells read one by one")
    if i.grid.repairs:
        out.append("")
        out.append("text-layer repairs (font code: as mapped -> as read):")
        out.extend(f"  {r}" for r in i.grid.repairs)
    if i.report is not None:
        r = i.report
        if i.format == "pdf":
            stitched = [(c, m) for c in r.categories for m in c.measures if len(m.pages) > 1]
            out.append("")
            out.append(f"rows stitched across pages: {len(stitched)}")
            for c, m in stitched:
                out.append(f"  measure {measure_tag(c, m)}: {_pages(m.pages)}")
        out.append("")
        out.append(
            f"metadata: agency={r.agency!r} district={r.district!r} "
            f"province={r.province!r} fiscal_year={r.fiscal_year}"
        )
        out.append(f"categories: {len(r.categories)}, measures: {len(r.measures)}")
        for c in r.categories:
            out.append(f"  ({c.number}) {c.title}" if c.number else "  (no category)")
            for m in c.measures:
                score = "no score" if m.score is None else f"score {m.score:g}"
                dates = f"{m.period.start} to {m.period.end}" if m.period.start else "no dates"
                where = f", {_pages(m.pages)}" if m.pages else ""
                status = f"; {m.status}" if m.status else ""
                out.append(f"    {m.number}. {m.title[:60]} [{score}; {dates}{where}{status}]")
        if r.assessment:
            out.append("")
            out.append(f"assessment items (score tables): {len(r.assessment)}")
            for a in r.assessment:
                score = "no score" if a.score is None else f"{a.score:g}"
                out.append(f"  ({a.category}) {a.tool or '-'} {a.item}: {score}")
        out.append("")
        out.append(f"warnings: {len(r.warnings)}")
        for w in r.warnings:
            where = w.measure or (f"page {w.page}" if w.page else "")
            out.append(
                f"  {w.code} ({where}): {w.message}" if where else f"  {w.code}: {w.message}"
            )
    if i.error:
        out.append("")
        out.append(f"not parsed: {i.error}")
    return "\n".join(out) + "\n"


def debug_images(inspection: Inspection, out_dir: Path, password: str | None = None) -> list[Path]:
    """One PNG per PDF page with the tables found drawn on it; none for Word files."""
    import pdfplumber

    if inspection.format != "pdf":
        return []
    out_dir.mkdir(parents=True, exist_ok=True)
    by_page: dict[int, list[Table]] = {}
    for table in inspection.grid.tables:
        if table.page is not None:
            by_page.setdefault(table.page, []).append(table)
    written = []
    with pdfplumber.open(inspection.path, password=password or "") as pdf:
        for number, page in enumerate(pdf.pages, 1):
            image = page.to_image(resolution=60)
            tables = by_page.get(number, [])
            if any(t.strategy == "ruled" for t in tables):
                image.debug_tablefinder()  # pdfplumber draws the cells it found
            for t in tables:
                for cell in t.cells if t.strategy == "ocr" else []:  # the cells OCR read
                    image.draw_rect(cell, fill=(0, 0, 0, 0), stroke="green", stroke_width=2)
                if t.bbox is None:
                    continue
                image.draw_rect(t.bbox, fill=(0, 0, 0, 0), stroke="blue", stroke_width=2)
                for x in t.edges:  # a borderless table's column edges
                    image.draw_line([(x, t.bbox[1]), (x, t.bbox[3])], stroke="red", stroke_width=2)
            target = out_dir / f"page-{number:03d}.png"
            image.save(str(target), format="PNG")
            written.append(target)
    return written
