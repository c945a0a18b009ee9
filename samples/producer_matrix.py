"""The same random layout as other producers draw it: the producer matrix of the bench.

Users bring PDFs from Word, browsers and LibreOffice set up in other ways; the parser must
read the same data from each. Every layout of samples/random_layouts.py can be drawn as:

- ``libreoffice``: its DOCX exported by LibreOffice (the bench's first producer);
- ``libreoffice-shaded``: the DOCX with its header cells shaded (and, in some documents, the
  header's paragraphs shaded too: a filled rectangle per paragraph inside the cell), and in
  some documents a Noto Thai font, exported by LibreOffice;
- ``word-rules``: the LibreOffice PDF with every stroked rule redrawn as a thin filled
  rectangle, as Word and Chromium/Skia draw borders (pikepdf);
- ``chromium``: the layout as HTML (``<thead>`` repeated on each page, CSS borders, shaded
  headers in some documents, TLWG or Noto fonts, tables that may run into the margins)
  printed by headless Chromium;
- ``weasyprint``: the same HTML printed by WeasyPrint.

Each producer's choices are drawn from the layout's name, so a document is drawn the same
way every time. The truth is the layout's: it does not depend on who drew it.
"""

from __future__ import annotations

import html
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from random_layouts import (
    TITLES,
    Layout,
    _category_text,
    _digits,
    _header_rows,
    _title_block,
    build_docx,
    convert_all,
    header_grid,
    score_table,
)

PRODUCERS = ("libreoffice", "libreoffice-shaded", "word-rules", "chromium", "weasyprint")
NOTO = ("Noto Sans Thai", "Noto Serif Thai", "Noto Looped Thai")
SHADES = ("D9D9D9", "DBE5F1", "F2F2F2", "E2EFD9", "FBE4D5")


def _choices(layout: Layout, producer: str) -> random.Random:
    return random.Random(f"{layout.name}/{producer}")


# ---------------------------------------------------------------------------- LibreOffice


def _shade(element: Any, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    element.append(shd)


def shaded_docx(layout: Layout, path: Path) -> None:
    """The layout's DOCX with header cells shaded, and sometimes their paragraphs too."""
    rng = _choices(layout, "libreoffice-shaded")
    fill = rng.choice(SHADES)
    paragraphs = rng.random() < 0.5
    font = rng.choice(NOTO) if rng.random() < 0.4 else None
    build_docx(layout, path)
    document = Document(str(path))
    if font is not None:
        rfonts = document.styles["Normal"].element.get_or_add_rPr().find(qn("w:rFonts"))
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(attr), font)
    n = _header_rows(layout)
    for table in document.tables:
        rows = table.rows[:n] if len(table.columns) == len(layout.columns) else table.rows[:1]
        for row in rows:
            for tc in row._tr.tc_lst:
                _shade(tc.get_or_add_tcPr(), fill)
                if paragraphs:
                    for p in tc.p_lst:
                        _shade(p.get_or_add_pPr(), rng.choice(SHADES))
    document.save(str(path))


# ---------------------------------------------------------------------------- Word's rules


def rules_as_rectangles(source: Path, target: Path) -> None:
    """Redraw each stroked straight line as a filled rectangle as thick as the line was."""
    import pikepdf

    with pikepdf.open(source) as pdf:
        for page in pdf.pages:
            out: list[tuple[list[Any], pikepdf.Operator]] = []
            width, stroke = 1.0, [0.0]
            stack: list[tuple[float, list[float]]] = []
            path: list[tuple[float, float]] = []
            for operands, op in pikepdf.parse_content_stream(page):
                name = str(op)
                if name == "q":
                    stack.append((width, stroke))
                elif name == "Q" and stack:
                    width, stroke = stack.pop()
                elif name == "w":
                    width = float(operands[0])
                elif name in ("G", "RG"):
                    stroke = [float(x) for x in operands]
                elif name in ("m", "l"):
                    path.append((float(operands[0]), float(operands[1])))
                    continue
                elif name == "S" and len(path) == 2 and _axis_aligned(path):
                    out.extend(_filled_rule(path, width, stroke))
                    path = []
                    continue
                if path:  # a path that is not one straight line: kept as it was
                    out.extend(
                        ([pikepdf.Object.parse(str(x).encode()) for x in p], pikepdf.Operator(k))
                        for p, k in zip(path, ["m"] + ["l"] * (len(path) - 1), strict=True)
                    )
                    path = []
                out.append((operands, op))
            page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(out))
        pdf.save(target)


def _axis_aligned(path: list[tuple[float, float]]) -> bool:
    (x0, y0), (x1, y1) = path
    return abs(x0 - x1) < 0.01 or abs(y0 - y1) < 0.01


def _filled_rule(
    path: list[tuple[float, float]], width: float, stroke: list[float]
) -> list[tuple[list[Any], Any]]:
    import pikepdf

    (x0, y0), (x1, y1) = path
    half = max(width, 0.25) / 2
    if abs(y0 - y1) < 0.01:  # horizontal
        box = [min(x0, x1) - half, y0 - half, abs(x1 - x0) + 2 * half, 2 * half]
    else:
        box = [x0 - half, min(y0, y1) - half, 2 * half, abs(y1 - y0) + 2 * half]
    colour = "g" if len(stroke) == 1 else "rg"
    return [
        ([], pikepdf.Operator("q")),
        (stroke, pikepdf.Operator(colour)),
        ([round(v, 3) for v in box], pikepdf.Operator("re")),
        ([], pikepdf.Operator("f")),
        ([], pikepdf.Operator("Q")),
    ]


# ---------------------------------------------------------------------------- HTML


def _cell(tag: str, lines: Sequence[str], colspan: int = 1, rowspan: int = 1) -> str:
    span = (f' colspan="{colspan}"' if colspan > 1 else "") + (
        f' rowspan="{rowspan}"' if rowspan > 1 else ""
    )
    body = "".join(f"<p>{html.escape(x)}</p>" for x in lines) or "<p></p>"
    return f"<{tag}{span}>{body}</{tag}>"


def _header_html(layout: Layout) -> list[str]:
    """The header rows as <tr>s, from the cells every producer draws."""
    return [
        "<tr>"
        + "".join(
            _cell("th" if bold else "td", lines, colspan, rowspan)
            for _col, colspan, rowspan, lines, bold in cells
        )
        + "</tr>"
        for cells in header_grid(layout)
    ]


def _table_html(layout: Layout, body: list[str]) -> str:
    head = "".join(_header_html(layout))
    if layout.repeat_header:
        return f"<table><thead>{head}</thead><tbody>{''.join(body)}</tbody></table>"
    return f"<table><tbody>{head}{''.join(body)}</tbody></table>"


def _measure_tr(layout: Layout, cells: dict[str, list[str]], first: str = "") -> str:
    return (
        "<tr>" + first + "".join(_cell("td", cells.get(c, [""])) for c in layout.columns) + "</tr>"
    )


def build_html(layout: Layout, producer: str) -> str:
    """The layout as an HTML page, styled as a clerk's browser-made report might be."""
    rng = _choices(layout, producer)
    font = rng.choice(NOTO) if rng.random() < 0.4 else layout.font
    shade = f"#{rng.choice(SHADES)}" if rng.random() < 0.5 else None
    border = rng.choice(("0.5pt", "1px", "0.75pt", "1pt")) if layout.borders else None
    wide = rng.random() < 0.3  # a table wider than the text block, into the margins
    orientation = "landscape" if layout.landscape else "portrait"
    side = "0.5cm" if wide else "1.5cm"
    css = [
        f"@page {{ size: A4 {orientation}; margin: 1.8cm {side}; }}",
        f"body {{ font-family: '{font}'; font-size: {layout.size}pt; line-height: 1.25; }}",
        "p { margin: 0; }",
        # Fixed: the columns share the page's width, as a clerk would make them fit, and
        # long words wrap inside them (a table wider than the paper is cut off by printing).
        "table { border-collapse: collapse; width: 100%; margin: 0.3em 0; table-layout: fixed; }",
        "td, th { overflow-wrap: anywhere; }",
        "th, td { vertical-align: top; padding: 1pt 4pt; text-align: left; }",
        "th { font-weight: bold; text-align: center; vertical-align: middle; }",
        "tr { break-inside: auto; }",
    ]
    if wide:
        css.append("body > p { margin: 0 1cm; }")
    if border is not None:
        css.append(f"th, td {{ border: {border} solid #000; }}")
    if shade is not None:
        css.append(f"th {{ background: {shade}; }}")
    parts = [
        f"<p>{html.escape(x)}</p>"
        for x in _title_block(layout, TITLES[layout.form], _digits("2568", layout.thai))
    ]
    if layout.wording.get("front_summary"):
        import wordings

        rows = wordings.summary_table_rows(layout)
        parts.append(
            "<table>"
            + "".join(
                "<tr>" + "".join(_cell("th" if k == 0 else "td", [x]) for x in row) + "</tr>"
                for k, row in enumerate(rows)
            )
            + "</table><p>&nbsp;</p>"
        )
    if layout.form == "nacc":
        for category in layout.categories:
            parts.append(f"<p>{html.escape(_category_text(layout, category))}</p>")
            head, *body = score_table(layout, category)
            rows = ["<tr>" + "".join(_cell("th", [h]) for h in head) + "</tr>"]
            rows += ["<tr>" + "".join(_cell("td", [v]) for v in r) + "</tr>" for r in body]
            parts.append(f"<table class=scores>{''.join(rows)}</table><p>&nbsp;</p>")
            parts.append(
                _table_html(layout, [_measure_tr(layout, m.cells) for m in category.measures])
            )
            parts.append("<p>&nbsp;</p>")
    elif layout.placement == "heading":
        for category in layout.categories:
            parts.append(f"<p>{html.escape(_category_text(layout, category))}</p>")
            parts.append(
                _table_html(layout, [_measure_tr(layout, m.cells) for m in category.measures])
            )
            parts.append("<p>&nbsp;</p>")
    else:
        body: list[str] = []
        ncols = len(layout.columns)
        for category in layout.categories:
            text = _category_text(layout, category)
            if layout.placement == "column":
                rest = [c for c in layout.columns if c != "category"]
                for k, m in enumerate(category.measures):
                    first = _cell("td", [text], rowspan=len(category.measures)) if k == 0 else ""
                    body.append(
                        "<tr>"
                        + first
                        + "".join(_cell("td", m.cells.get(c, [""])) for c in rest)
                        + "</tr>"
                    )
                continue
            if category.number is not None:
                if layout.placement == "first-column":
                    body.append(
                        "<tr>"
                        + _cell("td", [text])
                        + "".join(_cell("td", []) for _ in range(ncols - 1))
                        + "</tr>"
                    )
                else:
                    body.append("<tr>" + _cell("td", [text], colspan=ncols) + "</tr>")
            body.extend(_measure_tr(layout, m.cells) for m in category.measures)
        parts.append(_table_html(layout, body))
    parts.append("<p>&nbsp;</p>")
    parts.append(f"<p>ลงชื่อ ผู้รายงาน  ปลัด{html.escape(layout.agency[0])}</p>")
    style = "\n".join(css)
    return (
        '<!DOCTYPE html><html lang="th"><head><meta charset="utf-8">'
        f"<style>{style}</style></head><body>{''.join(parts)}</body></html>"
    )


def chromium_pdfs(pages: list[Path], outdir: Path) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        sys.exit("chromium not found: apt-get install chromium")
    with tempfile.TemporaryDirectory() as profile:
        for page in pages:
            subprocess.run(
                [
                    browser,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    f"--user-data-dir={profile}",
                    "--no-pdf-header-footer",
                    f"--print-to-pdf={outdir / (page.stem + '.pdf')}",
                    page.as_uri(),
                ],
                check=True,
                capture_output=True,
                timeout=120,
            )


def weasyprint_pdfs(pages: list[Path], outdir: Path) -> None:
    import logging

    import weasyprint

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    for page in pages:
        weasyprint.HTML(filename=str(page)).write_pdf(str(outdir / (page.stem + ".pdf")))


def draw(layouts: list[Layout], producer: str, outdir: Path) -> list[Path]:
    """Each layout as PRODUCER draws it, into outdir/NAME.pdf; returns the PDFs."""
    outdir.mkdir(parents=True, exist_ok=True)
    if producer == "libreoffice":
        docs = [outdir / f"{x.name}.docx" for x in layouts]
        for layout, path in zip(layouts, docs, strict=True):
            build_docx(layout, path)
        convert_all(docs, outdir)
    elif producer == "libreoffice-shaded":
        docs = [outdir / f"{x.name}.docx" for x in layouts]
        for layout, path in zip(layouts, docs, strict=True):
            shaded_docx(layout, path)
        convert_all(docs, outdir)
    elif producer == "word-rules":
        with tempfile.TemporaryDirectory() as tmp:
            plain = draw(layouts, "libreoffice", Path(tmp))
            for path in plain:
                rules_as_rectangles(path, outdir / path.name)
    elif producer in ("chromium", "weasyprint"):
        pages = []
        for layout in layouts:
            page = outdir / f"{layout.name}.html"
            page.write_text(build_html(layout, producer), encoding="utf-8")
            pages.append(page)
        (chromium_pdfs if producer == "chromium" else weasyprint_pdfs)(pages, outdir)
    else:
        raise ValueError(f"unknown producer {producer!r}: one of {', '.join(PRODUCERS)}")
    return [outdir / f"{x.name}.pdf" for x in layouts]
