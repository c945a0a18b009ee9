"""Write the sample reports: DOCX with python-docx, PDF through LibreOffice headless.

Besides the hand-written layouts of sample_content.py, it writes the named draws of
random_layouts.py (the other report forms, borderless group headers, and so on).

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

import random_layouts
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from pythainlp.util import arabic_digit_to_thai_digit
from sample_content import DEFAULT_LABELS, SAMPLES, M, Sample

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


def _category_label(s: Sample, cn: int, title: str) -> str:
    style, d = s.layout.category, s.thai_digits
    if style == "paren":
        return _digits(f"({cn}) ", d) + title
    if style == "dot":
        return _digits(f"{cn}. ", d) + title
    return _digits(style.format(n=cn), d) + title  # e.g. "ด้านที่ {n} ", "กลยุทธ์ที่ {n} : "


def _measure_label(s: Sample, cn: int, mn: int) -> str:
    style, d = s.layout.measure_numbers, s.thai_digits
    label = {"dot": f"{mn}. ", "decimal": f"{cn}.{mn} ", "paren": f"({mn}) ", "kho": f"ข้อ {mn} "}
    return _digits(label[style], d)


def _column_text(s: Sample, column: str, m: M, title: str) -> list[str]:
    d = s.thai_digits
    if column == "measure":
        return [title]
    if column in ("methods", "results", "indicators"):
        return _numbered(getattr(m, column), d)
    if column == "outcomes":
        return [f"- {o}" for o in m.outcomes]
    if column == "budget":
        return [_digits(m.budget, d)]
    text: str = getattr(m, column)  # responsible, period, remarks, objective
    return [text]


def _measures_table(document: Any, s: Sample) -> Table:
    columns = s.layout.columns
    n = len(columns)
    table = document.add_table(rows=1, cols=n)
    table.style = "Table Grid" if s.layout.borders else None
    for cell, column in zip(table.rows[0].cells, columns, strict=True):
        _fill(cell, [s.layout.labels.get(column, DEFAULT_LABELS[column])], bold=True)
    _widths(table, s)
    if s.layout.repeat_header:
        _repeat_header(table.rows[0])
    if s.layout.widths_cm:  # narrow columns wrap even short names ("สำนัก" / "ปลัด")
        table.autofit = False
        for col, column in enumerate(columns):
            table.columns[col].width = Cm(s.layout.widths_cm[column])
    for cn, category in enumerate(s.categories, 1):
        row = table.add_row()
        label = _category_label(s, cn, category.title)
        target = row.cells[0] if not s.layout.category_merged else row.cells[0].merge(row.cells[-1])
        _fill(target, [label], bold=True)
        for mn, m in enumerate(category.measures, 1):
            title = _measure_label(s, cn, mn) + m.title
            texts = [_column_text(s, column, m, title) for column in columns]
            if not m.split_rows:
                for cell, paras in zip(table.add_row().cells, texts, strict=True):
                    _fill(cell, paras)
                _widths(table, s)
                continue
            # One measure over two table rows: single-valued columns merged down.
            top, bottom = table.add_row().cells, table.add_row().cells
            for col, (column, paras) in enumerate(zip(columns, texts, strict=True)):
                if column in ("methods", "results", "outcomes", "indicators"):
                    first, second = _halves(paras)
                    _fill(top[col], first)
                    _fill(bottom[col], second)
                else:
                    _fill(top[col], paras)
                    _vmerge(top[col], "restart")
                    _vmerge(bottom[col], "continue")
    return table


def _widths(table: Table, s: Sample) -> None:
    """Word takes cell widths, not column widths: set them on the newest row."""
    for cell, column in zip(table.rows[-1].cells, s.layout.columns, strict=True):
        if column in s.layout.widths_cm:
            cell.width = Cm(s.layout.widths_cm[column])


def _small_table(document: Any, rows: list[tuple[str, ...]], borders: bool = True) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid" if borders else None
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            _fill(cell, [value])
    document.add_paragraph("")


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
        if "toc" in s.layout.extra_tables:
            document.add_paragraph("สารบัญ")
            _small_table(
                document,
                [
                    ("เรื่อง", "หน้า"),
                    ("คำนำ", _digits("1", d)),
                    ("ผลการดำเนินการตามมาตรการ", _digits("2", d)),
                ],
            )
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
        _small_table(
            document,
            [
                ("ตัวชี้วัด", "คะแนน", "ระดับ"),
                ("การเปิดเผยข้อมูล", _digits("95.50", d), "AA"),
                ("การรับรู้ของผู้มีส่วนได้ส่วนเสีย", _digits("88.25", d), "A"),
            ],
        )
    document.add_paragraph(f"รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ของ{s.agency}")
    _measures_table(document, s)
    document.add_paragraph("")
    if "signature" in s.layout.extra_tables:
        _small_table(
            document,
            [("ลงชื่อ ผู้รายงาน", "ลงชื่อ ผู้รับรอง"), (f"ปลัด{s.agency}", f"นายก{s.agency}")],
            borders=False,
        )
    else:
        document.add_paragraph(f"ลงชื่อ ผู้รายงาน  ปลัด{s.agency}")
    document.save(str(path))


def _number(s: Sample, cn: int, mn: int) -> str:
    return f"{cn}.{mn}" if s.layout.measure_numbers == "decimal" else str(mn)


def expected(s: Sample) -> dict[str, Any]:
    """The truth for score.py: every field as the author wrote it."""
    columns = s.layout.columns
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
                        "number": _number(s, cn, mn),
                        "title": m.title,
                        "methods": m.methods if "methods" in columns else [],
                        "responsible": m.responsible if "responsible" in columns else None,
                        "period": {"text": m.period, "start": m.start, "end": m.end},
                        "results": m.results,
                        "outcomes": m.outcomes if "outcomes" in columns else [],
                        "score": m.score,
                        **({"budget": m.budget_value} if "budget" in columns else {}),
                        **({"indicators": m.indicators} if "indicators" in columns else {}),
                        "extra": {
                            s.layout.labels.get(col, DEFAULT_LABELS[col]): getattr(m, col)
                            for col in ("remarks", "objective")
                            if col in columns
                        },
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
        for column in s.layout.columns:
            header.cell(s.layout.labels.get(column, DEFAULT_LABELS[column]))
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
    parser.add_argument(
        "--truth-only", action="store_true", help="rewrite only NAME.expected.json files"
    )
    args = parser.parse_args()
    chosen = [s for s in SAMPLES if not args.names or s.name in args.names]
    named = [n for n in random_layouts.NAMED if not args.names or n in args.names]
    for path in random_layouts.write_named(HERE, named, not args.no_pdf, args.truth_only):
        print(f"wrote {path.stem}")
    for s in chosen:
        if args.truth_only:
            (HERE / f"{s.name}.expected.json").write_text(
                json.dumps(expected(s), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            continue
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
