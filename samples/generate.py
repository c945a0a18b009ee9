"""Write the sample reports: DOCX with python-docx, PDF through LibreOffice headless.

usage: python samples/generate.py [--no-pdf] [NAME ...]

Each sample is a made-up municipality's ITA measures report in its own layout (font, page
orientation, digits, period and category wording, extra tables). Alongside each DOCX and PDF
it writes NAME.expected.json: the truth, in the form ../shared/bench/score.py reads.
Needs the TLWG fonts (Debian: fonts-thai-tlwg) and soffice for the PDFs.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from pythainlp.util import arabic_digit_to_thai_digit
from sample_content import SAMPLES, Sample

HERE = Path(__file__).resolve().parent


def _digits(text: str, thai: bool) -> str:
    return str(arabic_digit_to_thai_digit(text)) if thai else text


def _set_font(document: Any, font: str, size: int) -> None:
    style = document.styles["Normal"]
    style.font.name = font
    style.font.size = Pt(size)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)
    size_cs = OxmlElement("w:szCs")
    size_cs.set(qn("w:val"), str(size * 2))
    rpr.append(size_cs)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:bidi"), "th-TH")
    rpr.append(lang)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)


def _page(document: Any, landscape: bool) -> None:
    section = document.sections[0]
    a4 = (Cm(21.0), Cm(29.7))
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = a4[1], a4[0]
    else:
        section.page_width, section.page_height = a4
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))


def _repeat_header(row: Any) -> None:
    trpr = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    trpr.append(flag)


def _fill(cell: _Cell, paragraphs: list[str], bold: bool = False) -> None:
    cell.paragraphs[0].text = ""
    for i, text in enumerate(paragraphs):
        para = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        para.add_run(text).bold = bold


def _numbered(items: list[str], thai: bool) -> list[str]:
    return [_digits(f"{i}. ", thai) + item for i, item in enumerate(items, 1)]


def _vmerge(cell: _Cell, value: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    merge = OxmlElement("w:vMerge")
    if value == "restart":
        merge.set(qn("w:val"), "restart")
    tcpr.append(merge)


def _halves(items: list[str]) -> tuple[list[str], list[str]]:
    cut = (len(items) + 1) // 2
    return items[:cut], items[cut:]


def _measures_table(document: Any, s: Sample) -> Table:
    table = document.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    for cell, label in zip(table.rows[0].cells, s.header_labels, strict=True):
        _fill(cell, [label], bold=True)
    _repeat_header(table.rows[0])
    d = s.thai_digits
    for cn, category in enumerate(s.categories, 1):
        row = table.add_row()
        merged = row.cells[0].merge(row.cells[5])
        _fill(merged, [_digits(f"({cn}) ", d) + category.title], bold=True)
        for mn, m in enumerate(category.measures, 1):
            methods = _numbered(m.methods, d)
            results = _numbered(m.results, d)
            outcomes = [f"- {o}" for o in m.outcomes]
            title = _digits(f"{mn}. ", d) + m.title
            if not m.split_rows:
                cells = table.add_row().cells
                for cell, paras in zip(
                    cells,
                    [[title], methods, [m.responsible], [m.period], results, outcomes],
                    strict=True,
                ):
                    _fill(cell, paras)
                continue
            # One measure over two table rows: title, responsible and period merged down.
            top, bottom = table.add_row().cells, table.add_row().cells
            halves = [_halves(methods), _halves(results), _halves(outcomes)]
            for col, paras in ((0, [title]), (2, [m.responsible]), (3, [m.period])):
                _fill(top[col], paras)
                _vmerge(top[col], "restart")
                _vmerge(bottom[col], "continue")
            for col, (first, second) in zip((1, 4, 5), halves, strict=True):
                _fill(top[col], first)
                _fill(bottom[col], second)
    return table


def build_docx(s: Sample, path: Path) -> None:
    document = Document()
    _set_font(document, s.font, s.size)
    _page(document, s.landscape)
    d = s.thai_digits
    year = _digits(str(s.year), d)
    if s.cover_page:
        for text in (
            "",
            "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
            f"ประจำปีงบประมาณ พ.ศ. {year}",
            "",
            s.agency,
            f"อำเภอ{s.district} จังหวัด{s.province}",
        ):
            document.add_paragraph(text)
        document.add_page_break()
        document.add_paragraph("คำนำ")
        previous = _digits(str(s.year - 1), d)
        document.add_paragraph(
            f"{s.agency} ได้วิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. "
            f"{previous} และกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน "
            "เพื่อนำไปสู่การปฏิบัติอย่างเป็นรูปธรรม"
        )
        document.add_page_break()
    else:
        document.add_paragraph(
            f"รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. {year}"
        )
        document.add_paragraph(f"{s.agency} อำเภอ{s.district} จังหวัด{s.province}")
    if s.score_summary_table:
        document.add_paragraph(f"สรุปผลคะแนนการประเมิน ITA ปี พ.ศ. {_digits(str(s.year - 1), d)}")
        summary = document.add_table(rows=3, cols=3)
        summary.style = "Table Grid"
        for row, values in zip(
            summary.rows,
            [
                ("ตัวชี้วัด", "คะแนน", "ระดับ"),
                ("การเปิดเผยข้อมูล", _digits("95.50", d), "AA"),
                ("การรับรู้ของผู้มีส่วนได้ส่วนเสีย", _digits("88.25", d), "A"),
            ],
            strict=True,
        ):
            for cell, value in zip(row.cells, values, strict=True):
                _fill(cell, [value])
        document.add_paragraph("")
    document.add_paragraph(f"รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ของ{s.agency}")
    _measures_table(document, s)
    document.add_paragraph("")
    document.add_paragraph(f"ลงชื่อ ผู้รายงาน  ปลัด{s.agency}")
    document.save(str(path))


def expected(s: Sample) -> dict[str, Any]:
    """The truth for score.py: every field as the author wrote it."""
    return {
        "agency": s.agency,
        "district": s.district,
        "province": s.province,
        "fiscal_year": s.year,
        "categories": [
            {
                "number": cn,
                "title": c.title,
                "measures": [
                    {
                        "number": str(mn),
                        "title": m.title,
                        "methods": m.methods,
                        "responsible": m.responsible,
                        "period": {"text": m.period, "start": m.start, "end": m.end},
                        "results": m.results,
                        "outcomes": m.outcomes,
                        "score": m.score,
                    }
                    for mn, m in enumerate(c.measures, 1)
                ],
            }
            for cn, c in enumerate(s.categories, 1)
        ],
    }


def convert(docx_path: Path, to: str) -> None:
    """LibreOffice headless: the DOCX as PDF, or as a legacy Word 97 .doc."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("soffice not found: apt-get install libreoffice-writer-nogui fonts-thai-tlwg")
    target = {"pdf": "pdf", "doc": "doc:MS Word 97"}[to]
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(docx_path.parent),
                str(docx_path),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )


FONT_DIR = Path("/usr/share/fonts/truetype/tlwg")


def build_clean_pdf(s: Sample, path: Path) -> None:
    """The sample drawn by fpdf2 straight from Unicode: a PDF whose text layer is already right
    (no shaping, so every glyph maps to the character it came from). Repair must not touch it."""
    from fpdf import FPDF

    pdf = FPDF(orientation="L" if s.landscape else "P", format="A4")
    pdf.add_font(s.font, "", str(FONT_DIR / f"{s.font}.ttf"))
    pdf.add_font(s.font, "B", str(FONT_DIR / f"{s.font}-Bold.ttf"))
    pdf.set_font(s.font, size=s.size)
    pdf.set_margins(15, 15)
    pdf.add_page()
    d = s.thai_digits
    for line in (
        "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
        f"ประจำปีงบประมาณ พ.ศ. {_digits(str(s.year), d)}",
        s.agency,
        f"อำเภอ{s.district} จังหวัด{s.province}",
    ):
        pdf.cell(0, s.size * 0.6, line, new_x="LMARGIN", new_y="NEXT", align="C")
    pdf.ln(4)
    with pdf.table(
        col_widths=(3, 4, 2, 2, 4, 3),
        text_align="LEFT",
        repeat_headings=1,
        line_height=s.size * 0.5,
    ) as table:
        header = table.row()
        for label in s.header_labels:
            header.cell(label)
        for cn, category in enumerate(s.categories, 1):
            table.row().cell(_digits(f"({cn}) ", d) + category.title, colspan=6)
            for mn, m in enumerate(category.measures, 1):
                row = table.row()
                for text in (
                    [_digits(f"{mn}. ", d) + m.title],
                    _numbered(m.methods, d),
                    [m.responsible],
                    [m.period],
                    _numbered(m.results, d),
                    [f"- {o}" for o in m.outcomes],
                ):
                    row.cell("\n".join(text))
    pdf.output(str(path))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="samples to write (default: all)")
    parser.add_argument("--no-pdf", action="store_true", help="write only the DOCX files")
    args = parser.parse_args()
    chosen = [s for s in SAMPLES if not args.names or s.name in args.names]
    for s in chosen:
        if s.clean_pdf:
            build_clean_pdf(s, HERE / f"{s.name}.pdf")
            (HERE / f"{s.name}.expected.json").write_text(
                json.dumps(expected(s), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            print(f"wrote {s.name}")
            continue
        docx_path = HERE / f"{s.name}.docx"
        build_docx(s, docx_path)
        (HERE / f"{s.name}.expected.json").write_text(
            json.dumps(expected(s), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        if not args.no_pdf:
            convert(docx_path, "pdf")
            if s.legacy_doc:
                convert(docx_path, "doc")
        print(f"wrote {s.name}")


if __name__ == "__main__":
    main()
