"""Random report layouts with their truth: many forms a parser was not shaped on.

usage: python samples/random_layouts.py OUTDIR [--n N] [--seed S] [--no-pdf]

Each document draws, from its own seed: the form (the results report, the NACC
analysis-and-measures form, a plan-results form with tick columns or checkbox lists), how
many header rows and what they say, where categories sit (rows merged across, the first
column, headings outside the tables, none), borders, font and size, Thai or Arabic digits,
orientation, measure numbering, how many measures (so where page breaks cut rows), and
whether the header repeats on each page. It writes NAME.docx, NAME.expected.json (what
../shared/bench/score.py reads, plus each measure's status) and, through LibreOffice
headless, NAME.pdf. bench/random_layouts.py scores the parser on them.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx import Document
from docx.shared import Cm

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import _digits, _fill, _page, _repeat_header, _set_font, _vmerge
from sample_content import ASSETS, EPROCUREMENT, INTEGRITY, PERSONNEL, SERVICE, WEB, M

FONTS = ("Laksaman", "Garuda", "Loma", "Norasi", "Kinnari", "Waree", "Umpush", "Sawasdee")
AGENCIES = (
    ("เทศบาลตำบลบ้านสวน", "เมืองชลบุรี", "ชลบุรี"),
    ("องค์การบริหารส่วนตำบลหนองบัว", "เมืองอุดรธานี", "อุดรธานี"),
    ("เทศบาลเมืองท่าช้าง", "พรหมพิราม", "พิษณุโลก"),
    ("เทศบาลตำบลแม่สาย", "แม่สาย", "เชียงราย"),
    ("องค์การบริหารส่วนตำบลคลองหนึ่ง", "คลองหลวง", "ปทุมธานี"),
    ("โรงพยาบาลนาแก", "นาแก", "นครพนม"),
)
ISSUES = (
    "การปฏิบัติงานและการให้บริการที่โปร่งใส",
    "การใช้งบประมาณและการจัดซื้อจัดจ้าง",
    "การใช้ทรัพย์สินของทางราชการ",
    "การบริหารงานบุคคลอย่างเป็นธรรม",
    "การป้องกันการทุจริตและการรับสินบน",
    "การเปิดเผยข้อมูลสาธารณะ",
)
POOL = (SERVICE, EPROCUREMENT, ASSETS, INTEGRITY, WEB, PERSONNEL)
UNITS = ("สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา", "ทุกกอง/ฝ่าย", "งานการเจ้าหน้าที่")
PERIODS = (  # as written (year placeholders in BE), start, end (for fiscal year 2568)
    ("ต.ค. {y1} - ก.ย. {y}", "2024-10-01", "2025-09-30"),
    ("1 ตุลาคม {Y1} – 30 กันยายน {Y}", "2024-10-01", "2025-09-30"),
    ("ตลอดปีงบประมาณ พ.ศ. {Y}", "2024-10-01", "2025-09-30"),
    ("ม.ค. {y} - มิ.ย. {y}", "2025-01-01", "2025-06-30"),
    ("1 ตุลาคม {Y1} ถึง 31 มีนาคม {Y}", "2024-10-01", "2025-03-31"),
    ("เมษายน {Y} - กันยายน {Y}", "2025-04-01", "2025-09-30"),
)
LABELS = {
    "measure": ("มาตรการ/แนวทาง", "มาตรการ", "มาตรการ/ แนวทาง", "มาตรการ/โครงการ"),
    "methods": ("วิธีดำเนินการ", "ขั้นตอน/วิธีการ", "วิธีการดำเนินงาน", "แนวทางการดำเนินการ"),
    "responsible": ("ผู้รับผิดชอบ", "หน่วยงานรับผิดชอบ", "หน่วยงานที่รับผิดชอบ"),
    "period": ("ระยะเวลาดำเนินการ", "ระยะเวลา", "กรอบระยะเวลา", "ระยะเวลา ดำเนินการ"),
    "results": ("ผลการดำเนินงาน", "ผลการดำเนินการ", "ผลการปฏิบัติ"),
    "outcomes": ("ผลลัพธ์/ความสำเร็จ", "ผลลัพธ์", "ผลสัมฤทธิ์", "ผลที่ได้รับ"),
}
CATEGORY_STYLES = ("({n}) ", "ด้านที่ {n} ", "ประเด็นที่ {n} ", "กลยุทธ์ที่ {n} : ", "dot")
QUESTIONS = (
    ("IIT", "i1", "ท่านปฏิบัติงานตามมาตรฐาน ขั้นตอน และระยะเวลาที่กำหนด มากน้อยเพียงใด"),
    ("IIT", "i6", "บุคลากรในหน่วยงานของท่านมีการเรียกรับเงินหรือทรัพย์สินหรือไม่"),
    ("EIT", "e1", "เจ้าหน้าที่ของหน่วยงานปฏิบัติงานหรือให้บริการแก่ท่านตามขั้นตอนที่กำหนด"),
    ("EIT", "e5", "หน่วยงานมีการเปิดเผยข้อมูลที่เป็นประโยชน์ผ่านช่องทางที่หลากหลาย"),
    ("OIT", "o11", "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริต"),
    ("OIT", "o23", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"),
)
ACTIVITIES = (
    "โครงการอบรมคุณธรรมจริยธรรมเพื่อป้องกันการทุจริตและประพฤติมิชอบ",
    "กิจกรรมจิตอาสาทำความดีด้วยหัวใจ",
    "โครงการวันต่อต้านคอร์รัปชันสากล",
    "กิจกรรมประกาศเจตจำนงสุจริตของผู้บริหาร",
    "จัดระบบบริหารความเสี่ยงและช่องทางการรับเรื่องร้องเรียน",
    "โครงการอบรมหลักสูตรต้านทุจริตศึกษา (COI)",
)
RISKS = (
    "กระบวนการจัดซื้อจัดจ้างไม่เป็นไปตามระเบียบ",
    "การใช้อำนาจหน้าที่เรียกรับผลประโยชน์",
    "การเบิกจ่ายงบประมาณที่ไม่ถูกต้องตามระเบียบ",
    "การใช้รถราชการเพื่อประโยชน์ส่วนตน",
)
RISK_STATES = (
    "ยังไม่ได้ดำเนินการ",
    "เฝ้าระวังและติดตามต่อเนื่อง",
    "เริ่มดำเนินการไปบ้างแต่ยังไม่ครบถ้วน",
)
TICK_LABELS = (
    ("ดำเนินการแล้ว", "done"),
    ("อยู่ระหว่างดำเนินการ", "in progress"),
    ("ยังมิได้ดำเนินการ", "not done"),
)


@dataclass
class Measure:
    number: str
    label: str  # the number as printed before the title, "" when the form prints none
    title: str
    cells: dict[str, list[str]]  # column -> paragraphs as printed
    truth: dict[str, Any]


@dataclass
class Category:
    number: int | None
    title: str | None
    measures: list[Measure] = field(default_factory=list)


@dataclass
class Layout:
    name: str
    form: str  # results, nacc, plan, risk
    font: str
    size: int
    landscape: bool
    thai: bool
    borders: bool
    header_rows: int
    placement: str  # merged, first-column, heading, none
    category_style: str
    numbering: str  # dot, decimal, paren, kho
    repeat_header: bool
    columns: list[str]
    labels: dict[str, str]
    agency: tuple[str, str, str]
    categories: list[Category]
    title_block: str = "plain"  # how the title block writes the year and the places
    # How this document words its labels and what else its form holds (samples/wordings.py).
    wording: dict[str, Any] = field(default_factory=dict)


def _period(rng: random.Random, thai: bool) -> tuple[str, str, str]:
    text, start, end = rng.choice(PERIODS)
    text = text.format(y="68", y1="67", Y="2568", Y1="2567")
    return _digits(text, thai), start, end


def _score_text(rng: random.Random, thai: bool) -> tuple[str, float | None]:
    kind = rng.choice(("points", "points", "percent", "none"))
    score = round(rng.uniform(60, 100), rng.choice((0, 2)))
    if kind == "none":
        return "ไม่มีเรื่องร้องเรียนตลอดปีงบประมาณ", None
    written = f"{score:.2f}" if score != int(score) or rng.random() < 0.5 else str(int(score))
    if kind == "percent":
        text = f"ผลการประเมินของมาตรการอยู่ที่ร้อยละ {written}"
    else:
        text = f"หน่วยงานผ่านการประเมินอยู่ที่ {written} คะแนน"
    return _digits(text, thai), float(written)


def _measure_label(style: str, cn: int | None, mn: int) -> tuple[str, str]:
    """The printed label and the number as the truth writes it."""
    if style == "decimal" and cn is not None:
        return f"{cn}.{mn} ", f"{cn}.{mn}"
    return {"dot": f"{mn}. ", "paren": f"({mn}) ", "kho": f"ข้อ {mn} "}.get(style, f"{mn}. "), str(
        mn
    )


def _results_measure(
    rng: random.Random, columns: list[str], thai: bool, cn: int | None, mn: int, numbering: str
) -> Measure:
    base: M = rng.choice(POOL)
    label, number = _measure_label(numbering, cn, mn)
    period, start, end = _period(rng, thai)
    methods = [
        _digits(x, thai) for x in rng.sample(base.methods, rng.randint(1, len(base.methods)))
    ]
    results = [
        _digits(x, thai) for x in rng.sample(base.results, rng.randint(1, len(base.results)))
    ]
    outcomes = [_digits(x, thai) for x in base.outcomes[:-1]]
    stated, score = _score_text(rng, thai)
    if "outcomes" in columns:
        outcomes.append(stated)
    else:
        results.append(stated)
    responsible = rng.choice(UNITS)
    cells = {
        "measure": [_digits(label, thai) + base.title],
        "methods": [_digits(f"{i}. ", thai) + x for i, x in enumerate(methods, 1)],
        "responsible": [responsible],
        "period": [period],
        "results": [_digits(f"{i}. ", thai) + x for i, x in enumerate(results, 1)],
        "outcomes": [f"- {x}" for x in outcomes],
    }
    truth = {
        "number": number,
        "title": base.title,
        "methods": methods if "methods" in columns else [],
        "responsible": responsible if "responsible" in columns else None,
        "period": {"start": start, "end": end} if "period" in columns else {},
        "results": results if "results" in columns else [],
        "outcomes": outcomes if "outcomes" in columns else [],
        "score": score,
    }
    return Measure(number, label, base.title, cells, truth)


SEQUENCE_LABELS = ("ที่", "ลำดับ", "ลำดับที่")
REMARKS = ("", "", "-", "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ")
# Labels clerks break over two lines in a narrow header cell.
BROKEN_LABELS = {
    "ระยะเวลาดำเนินการ": "ระยะเวลา\nดำเนินการ",
    "ผลการดำเนินงาน": "ผลการ\nดำเนินงาน",
    "หน่วยงานที่รับผิดชอบ": "หน่วยงาน\nที่รับผิดชอบ",
    "ผู้รับผิดชอบ": "ผู้รับ\nผิดชอบ",
}


def _clerks_columns(
    rng: random.Random,
    columns: list[str],
    labels: dict[str, str],
    categories: list[Category],
    thai: bool,
) -> None:
    """What clerks change in the results form's table: the plan's columns in another order,
    a sequence column that holds the measure's number, a remarks column, labels broken over
    two lines."""
    plan = [c for c in columns if c in ("methods", "responsible", "period")]
    if len(plan) > 1 and rng.random() < 0.3:
        order = rng.sample(plan, len(plan))
        slots = [i for i, c in enumerate(columns) if c in plan]
        for i, c in zip(slots, order, strict=True):
            columns[i] = c
    sequence = columns[0] != "category" and rng.random() < 0.25
    if sequence:
        columns.insert(0, "sequence")
        labels["sequence"] = rng.choice(SEQUENCE_LABELS)
    if rng.random() < 0.25:
        columns.append("remarks")
        labels["remarks"] = "หมายเหตุ"
    if rng.random() < 0.3:
        for c, label in labels.items():
            labels[c] = BROKEN_LABELS.get(label, label)
    for category in categories:
        for m in category.measures:
            if sequence:  # the number in its own column, the title alone beside it
                m.cells["sequence"] = [_digits(m.truth["number"], thai)]
                m.cells["measure"] = [m.title]
            if "remarks" in columns:
                m.cells["remarks"] = [rng.choice(REMARKS)]


def _draw(
    rng: random.Random,
    name: str,
    extra: random.Random | None = None,
    wording: random.Random | None = None,
) -> Layout:
    """A layout from rng. Dimensions added later draw from extra, so that the draws of rng
    (the shipped samples among them) stay as they were; wordings and form parts from wording
    (samples/wordings.py), last of all."""
    layout = _draw_layout(rng, name, extra)
    if wording is not None:
        import wordings

        wordings.apply(wording, layout)
    return layout


def _draw_layout(rng: random.Random, name: str, extra: random.Random | None) -> Layout:
    form = rng.choices(("results", "nacc", "plan", "risk"), weights=(5, 2, 2, 1))[0]
    thai = rng.random() < 0.6
    agency = rng.choice(AGENCIES)
    numbering = rng.choice(("dot", "dot", "decimal", "paren", "kho"))
    header_rows = 1
    placement = "none"
    style = rng.choice(CATEGORY_STYLES)
    columns: list[str]
    labels: dict[str, str] = {}
    categories: list[Category] = []
    if form == "results":
        optional = [
            c for c in ("methods", "responsible", "period", "outcomes") if rng.random() < 0.85
        ]
        while len(optional) < 2:
            optional.append("responsible" if "responsible" not in optional else "period")
        columns = ["measure", *[c for c in ("methods", "responsible", "period") if c in optional]]
        columns += ["results", *(["outcomes"] if "outcomes" in optional else [])]
        labels = {c: rng.choice(LABELS[c]) for c in columns}
        header_rows = rng.choice((1, 1, 2))
        placement = rng.choice(("merged", "merged", "first-column", "heading"))
        if extra is not None and placement == "merged" and extra.random() < 0.4:
            placement = "column"  # a ประเด็น column merged down beside the measures
            columns.insert(0, "category")
            labels["category"] = extra.choice(("ประเด็น", "ด้าน", "ประเด็นการประเมิน"))
        if style == "dot" and placement == "heading":
            style = "({n}) "
        if style == "dot":
            numbering = "decimal"
        for cn in range(1, rng.randint(1, 5) + 1):
            category = Category(cn, rng.choice(ISSUES))
            for mn in range(1, rng.randint(1, 3) + 1):
                category.measures.append(_results_measure(rng, columns, thai, cn, mn, numbering))
            categories.append(category)
        if extra is not None:
            _clerks_columns(extra, columns, labels, categories, thai)
    elif form == "nacc":
        columns = ["measure", "score", "findings", "approach", "methods", "responsible", "period"]
        if rng.random() < 0.5:
            columns.append("results")
        header_rows = rng.choice((2, 3))
        placement = "heading"
        style = "{n}) "
        for cn in range(1, rng.randint(2, 5) + 1):
            category = Category(cn, ISSUES[cn - 1])
            for mn in range(1, rng.randint(1, 2) + 1):
                m = _results_measure(
                    rng,
                    ["measure", "methods", "responsible", "period", "results"],
                    thai,
                    cn,
                    mn,
                    "dot",
                )
                tool, code, question = rng.choice(QUESTIONS)
                score = round(rng.uniform(50, 100), 2)
                title = f"{code} {question}"
                m.cells["measure"] = [title]
                m.title = title
                m.cells["score"] = [_digits(f"{score:.2f}", thai)]
                m.cells["findings"] = ["ผลคะแนนยังต่ำกว่าเกณฑ์ที่กำหนด"]
                m.cells["approach"] = ["นำผลการวิเคราะห์เสนอผู้บริหารและกำหนดแนวทางแก้ไข"]
                m.truth.update(
                    number=str(mn),
                    title=title,
                    score=score,
                    outcomes=[],
                    results=m.truth["results"] if "results" in columns else [],
                )
                m.cells["results"] = [
                    _digits(f"{i}. ", thai) + x for i, x in enumerate(m.truth["results"], 1)
                ]
                m.truth["tool"] = tool
                category.measures.append(m)
            categories.append(category)
    elif form == "plan":
        ticks = rng.choice((TICK_LABELS[0::2], TICK_LABELS))
        columns = [
            "measure",
            *[f"tick{i}" for i in range(len(ticks))],
            "count",
            "results",
            "remarks",
        ]
        labels = {"measure": rng.choice(("กิจกรรม", "โครงการ/กิจกรรม", "กิจกรรม/โครงการ"))}
        labels.update({f"tick{i}": t[0] for i, t in enumerate(ticks)})
        header_rows = 2
        category = Category(None, None)
        mark = rng.choice(("/", "✓"))
        for mn, title in enumerate(rng.sample(ACTIVITIES, rng.randint(3, 6)), 1):
            label = _digits(f"{mn}. ", thai and rng.random() < 0.7)
            state = rng.randrange(len(ticks))
            count = rng.randint(20, 300)
            result = _digits(f"บุคลากรเข้าร่วมกิจกรรม {count} คน ร้อยละ 100", thai)
            cells = {f"tick{i}": [mark if i == state else ""] for i in range(len(ticks))}
            cells.update(
                measure=[label + title],
                count=[_digits(f"จนท. {count} คน", thai)],
                results=[result],
                remarks=[""],
            )
            truth = {
                "number": str(mn),
                "title": title,
                "methods": [],
                "responsible": None,
                "period": {},
                "results": [result],
                "outcomes": [],
                # a turnout ("เข้าร่วม … ร้อยละ 100") is not an assessment score
                "score": None,
                "status": ticks[state][1],
            }
            category.measures.append(Measure(str(mn), label, title, cells, truth))
        categories.append(category)
    else:  # risk
        columns = ["measure", "status", "results"]
        labels = {
            "measure": "โอกาส/ความเสี่ยงการทุจริต",
            "status": "สถานะการดำเนินการจัดการความเสี่ยง",
            "results": "ผลการดำเนินงาน",
        }
        category = Category(None, None)
        for mn, title in enumerate(rng.sample(RISKS, rng.randint(2, 4)), 1):
            state = rng.randrange(len(RISK_STATES))
            boxes = [("☑ " if i == state else "☐ ") + s for i, s in enumerate(RISK_STATES)]
            result = "ควบคุม กำกับ ดูแลเจ้าหน้าที่ และชี้แจงในที่ประชุมประจำเดือน ไม่พบข้อร้องเรียน"
            label = _digits(f"{mn}. ", thai)
            status = "not done" if state == 0 else RISK_STATES[state]
            truth = {
                "number": str(mn),
                "title": title,
                "methods": [],
                "responsible": None,
                "period": {},
                "results": [result],
                "outcomes": [],
                "score": None,
                "status": status,
            }
            cells = {"measure": [label + title], "status": boxes, "results": [result]}
            category.measures.append(Measure(str(mn), label, title, cells, truth))
        categories.append(category)
    # Drawn last: the draws before it (and the documents of earlier seeds) stay as they were.
    title_block = extra.choice(TITLE_BLOCKS) if extra is not None else "plain"
    return Layout(
        name=name,
        form=form,
        font=rng.choice(FONTS),
        size=rng.choice((12, 14, 14, 16)),
        landscape=rng.random() < (0.7 if form in ("results", "nacc") else 0.4),
        thai=thai,
        borders=form != "results" or rng.random() < 0.85,
        header_rows=header_rows,
        placement=placement,
        category_style=style,
        numbering=numbering,
        repeat_header=rng.random() < 0.8,
        columns=columns,
        labels=labels,
        agency=agency,
        categories=categories,
        title_block=title_block,
    )


def _category_text(layout: Layout, category: Category) -> str:
    if layout.category_style == "dot":
        prefix = f"{category.number}. "
    else:
        prefix = layout.category_style.format(n=category.number)
    return _digits(prefix, layout.thai) + (category.title or "")


NACC_LABELS = {
    "measure": "ประเด็น",
    "score": "ผลการประเมิน (คะแนน)",
    "findings": "ข้อค้นพบ",
    "approach": "วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ",
    "methods": "ขั้นตอน/วิธีการ",
    "responsible": "ผู้รับผิดชอบ/ผู้ที่เกี่ยวข้อง",
    "period": "ระยะเวลาดำเนินการ",
    "results": "ผลการดำเนินงาน",
}
NACC_GROUP = "แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ"
GROUPED = ("approach", "methods", "responsible", "period")


# A header cell: its first column, how many columns and rows it spans, its paragraphs, and
# whether they are bold (labels are; a row numbering the columns is not).
HeaderCell = tuple[int, int, int, list[str], bool]


def header_grid(layout: Layout) -> list[list[HeaderCell]]:
    """The header rows as cells with their spans: what every producer draws (DOCX, HTML)."""
    cols, n = layout.columns, _header_rows(layout)
    wording = layout.wording

    def label(c: str) -> list[str]:
        return layout.labels[c].split("\n")

    Group = tuple[str, list[int], list[list[str]]]  # its label, its columns, their labels

    def grouped_header(groups: list[Group]) -> list[list[HeaderCell]]:
        """Group labels over their columns' labels; every other label spans all the rows."""
        top: list[HeaderCell] = []
        second: list[HeaderCell] = []
        inside = {i for _text, span, _labels in groups for i in span}
        for i, c in enumerate(cols):
            group = next((g for g in groups if g[1][0] == i), None)
            if group is not None:
                text, span, labels = group
                top.append((i, len(span), 1, text.split("\n"), True))
                second.extend((j, 1, 1, lab, True) for j, lab in zip(span, labels, strict=True))
            elif i not in inside:
                top.append((i, 1, n, own(c), True))
        rows = [top, second]
        if n == 3:  # a third row numbering the grouped columns, as some clerks do
            rows.append(
                [(j, 1, 1, [f"({j + 1})"], False) for _t, span, _l in groups for j in span]
            )
        return rows

    if layout.form == "nacc":
        names = {**NACC_LABELS, **wording.get("nacc_labels", {})}

        def own(c: str) -> list[str]:
            return names[c].split("\n")

        first = cols.index(GROUPED[0])
        groups = [
            (
                wording.get("nacc_group", NACC_GROUP),
                list(range(first, first + len(GROUPED))),
                [own(c) for c in GROUPED],
            )
        ]
        if "outcomes" in cols:  # ผลการดำเนินงาน over ผลผลิต | ผลลัพธ์
            at = cols.index("results")
            groups.append(("ผลการดำเนินงาน", [at, at + 1], [["ผลผลิต"], ["ผลลัพธ์"]]))
        return grouped_header(groups)
    if layout.form == "plan":
        names = {"count": "จำนวน", "results": "ผลการดำเนินงาน", "remarks": "หมายเหตุ"}

        def own(c: str) -> list[str]:
            return [layout.labels.get(c) or names[c]]

        ticks = [i for i, c in enumerate(cols) if c.startswith("tick")]
        return grouped_header([("การดำเนินงาน", ticks, [label(cols[i]) for i in ticks])])
    own = label
    if n == 2:  # the plan's columns under a group label
        grouped = [i for i, c in enumerate(cols) if c in ("methods", "responsible", "period")]
        span = list(range(grouped[0], grouped[-1] + 1))
        return grouped_header([("แผนการดำเนินงาน", span, [label(cols[i]) for i in span])])
    return [[(i, 1, 1, label(c), True) for i, c in enumerate(cols)]]


def _header(document: Any, layout: Layout, table: Any) -> None:
    """Write the header rows into the table's first rows."""
    for r, cells in enumerate(header_grid(layout)):
        for col, colspan, rowspan, lines, bold in cells:
            cell = table.rows[r].cells[col]
            if colspan > 1:
                cell = cell.merge(table.rows[r].cells[col + colspan - 1])
            _fill(cell, lines, bold=bold)
            if rowspan > 1:
                _vmerge(cell, "restart")
                for rr in range(r + 1, r + rowspan):
                    _vmerge(table.rows[rr].cells[col], "continue")


def _header_rows(layout: Layout) -> int:
    if layout.form == "results" and layout.header_rows == 2:
        grouped = [c for c in layout.columns if c in ("methods", "responsible", "period")]
        return 2 if len(grouped) > 1 else 1
    return layout.header_rows


def _table(document: Any, layout: Layout) -> Any:
    n = _header_rows(layout)
    table = document.add_table(rows=n, cols=len(layout.columns))
    table.style = "Table Grid" if layout.borders else None
    _header(document, layout, table)
    if layout.repeat_header:
        for r in range(n):
            _repeat_header(table.rows[r])
    return table


def _measure_row(table: Any, layout: Layout, m: Measure) -> None:
    cells = table.add_row().cells
    for cell, c in zip(cells, layout.columns, strict=True):
        _fill(cell, m.cells.get(c, [""]))


WORDINGS_FROM_SEED = 12  # the first seed drawn with samples/wordings.py

TITLE_BLOCKS = ("plain", "plain", "abbreviated", "year-alone", "split", "of-agency")


def _title_block(layout: Layout, title: str, year: str) -> list[str]:
    """The lines above the table, as clerks write them: the place words abbreviated, the year
    after ประจำปี without งบประมาณ, title, year and places on lines of their own, or the
    title naming the agency."""
    agency, district, province = layout.agency
    if layout.title_block == "abbreviated":
        return [f"{title} ประจำปีงบประมาณ พ.ศ. {year}", f"{agency} อ.{district} จ.{province}"]
    if layout.title_block == "year-alone":
        return [f"{title} ประจำปี พ.ศ. {year}", f"{agency} อำเภอ{district} จังหวัด{province}"]
    if layout.title_block == "split":
        return [title, f"ประจำปีงบประมาณ พ.ศ. {year}", agency, f"อำเภอ{district} จังหวัด{province}"]
    if layout.title_block == "of-agency":
        return [f"{title} ของ{agency}", f"อำเภอ{district} จังหวัด{province} ประจำปี {year}"]
    return [f"{title} ประจำปีงบประมาณ พ.ศ. {year}", f"{agency} อำเภอ{district} จังหวัด{province}"]


TITLES = {  # each form's title, as the title block writes it
    "results": "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    "nacc": "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    "plan": "แบบรายงานผลการดำเนินงานตามแผนปฏิบัติการส่งเสริมคุณธรรม",
    "risk": "แบบรายงานผลการดำเนินงานตามแผนบริหารความเสี่ยงการทุจริต",
}
SCORE_TABLE_HEAD = ("ที่", "หัวข้อ", "เครื่องมือการประเมิน", "ข้อคำถาม", "คะแนน", "หมายเหตุ")


def score_table(layout: Layout, category: Category) -> list[tuple[str, ...]]:
    """The NACC form's score table over a category's measures: its head, then one row per
    item (its number, the category, the tool, the item's code, its score)."""
    rows: list[tuple[str, ...]] = [SCORE_TABLE_HEAD]
    for k, m in enumerate(category.measures, 1):
        values = (str(k), category.title or "", m.truth["tool"], m.title.split()[0])
        rows.append(
            (
                *(_digits(v, layout.thai) if v.isdigit() else v for v in values),
                m.cells["score"][0],
                "",
            )
        )
    return rows


def build_docx(layout: Layout, path: Path) -> None:
    document = Document()
    _set_font(document, layout.font, layout.size)
    _page(document, layout.landscape)
    agency = layout.agency[0]
    year = _digits("2568", layout.thai)
    for text in _title_block(layout, TITLES[layout.form], year):
        document.add_paragraph(text)
    if layout.wording.get("front_summary"):
        import wordings

        summary = document.add_table(rows=0, cols=2)
        summary.style = "Table Grid"
        for k, (label, score) in enumerate(wordings.summary_table_rows(layout)):
            a, b = summary.add_row().cells
            _fill(a, [label], bold=k == 0)
            _fill(b, [score], bold=k == 0)
        document.add_paragraph("")
    if layout.form == "nacc":
        for category in layout.categories:
            document.add_paragraph(_category_text(layout, category))
            scores = document.add_table(rows=1, cols=6)
            scores.style = "Table Grid"
            head, *body = score_table(layout, category)
            for cell, text in zip(scores.rows[0].cells, head, strict=True):
                _fill(cell, [text], bold=True)
            for values in body:
                for cell, text in zip(scores.add_row().cells, values, strict=True):
                    _fill(cell, [text])
            document.add_paragraph("")
            table = _table(document, layout)
            for m in category.measures:
                _measure_row(table, layout, m)
            document.add_paragraph("")
    elif layout.placement == "heading":
        for category in layout.categories:
            document.add_paragraph(_category_text(layout, category))
            table = _table(document, layout)
            for m in category.measures:
                _measure_row(table, layout, m)
            document.add_paragraph("")
    else:
        table = _table(document, layout)
        for category in layout.categories:
            if layout.placement == "column":
                for k, m in enumerate(category.measures):
                    _measure_row(table, layout, m)
                    cell = table.rows[-1].cells[0]
                    if k == 0:
                        _fill(cell, [_category_text(layout, category)], bold=True)
                    if len(category.measures) > 1:
                        _vmerge(cell, "restart" if k == 0 else "continue")
                continue
            if category.number is not None:
                row = table.add_row()
                target = (
                    row.cells[0]
                    if layout.placement == "first-column"
                    else row.cells[0].merge(row.cells[-1])
                )
                _fill(target, [_category_text(layout, category)], bold=True)
            for m in category.measures:
                _measure_row(table, layout, m)
    document.add_paragraph("")
    document.add_paragraph(f"ลงชื่อ ผู้รายงาน  ปลัด{agency}")
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(1.5)
    document.save(str(path))


def expected(layout: Layout) -> dict[str, Any]:
    agency, district, province = layout.agency
    return {
        "form": layout.form,
        "layout": {
            k: getattr(layout, k)
            for k in (
                "font",
                "size",
                "landscape",
                "thai",
                "borders",
                "header_rows",
                "placement",
                "category_style",
                "numbering",
                "repeat_header",
                "columns",
                "labels",
                "title_block",
            )
        },
        "agency": agency,
        "district": district,
        "province": province,
        "fiscal_year": 2568,
        **_wording_truth(layout),
        "categories": [
            {
                "number": c.number,
                "title": c.title,
                "measures": [{k: v for k, v in m.truth.items() if k != "tool"} for m in c.measures],
            }
            for c in layout.categories
        ],
    }


def _wording_truth(layout: Layout) -> dict[str, Any]:
    if not layout.wording:
        return {}
    import wordings

    return {
        "wording": wordings.describe(layout),
        "assessment_codes": wordings.front_summary_codes(layout),
    }


def convert_all(paths: list[Path], outdir: Path) -> None:
    """All DOCX to PDF in one LibreOffice run (its start-up is most of the cost)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("soffice not found: apt-get install libreoffice-writer-nogui fonts-thai-tlwg")
    with tempfile.TemporaryDirectory() as profile:
        for start in range(0, len(paths), 50):
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(outdir),
                    *[str(p) for p in paths[start : start + 50]],
                ],
                check=True,
                capture_output=True,
                timeout=1200,
            )


# Shipped samples of the forms and layout classes the hand-written samples do not show: name
# -> the draw that makes it (found by drawing "sample-N" until the layout matched the name).
NAMED = {
    "landscape-nacc-analysis-form-three-header-rows": 4,
    "borderless-group-header-two-rows": 8,
    "first-column-dotted-categories": 11,
    "headings-outside-tables-group-header": 13,
    "plan-results-tick-columns": 20,
    "risk-plan-checkbox-status": 40,
}


def write_named(
    outdir: Path, names: list[str] | None = None, pdf: bool = True, truth_only: bool = False
) -> list[Path]:
    """The named samples as NAME.docx, NAME.expected.json and NAME.pdf (or only the truth)."""
    written = []
    for name, draw in NAMED.items():
        if names and name not in names:
            continue
        layout = _draw(random.Random(f"sample-{draw}"), name)
        (outdir / f"{name}.expected.json").write_text(
            json.dumps(expected(layout), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        if truth_only:
            continue
        path = outdir / f"{name}.docx"
        build_docx(layout, path)
        written.append(path)
    if pdf and written:
        convert_all(written, outdir)
    return written


def generate(outdir: Path, n: int, seed: int, pdf: bool = True) -> list[Path]:
    """n random layouts as DOCX (and PDF), with truth; returns the DOCX paths."""
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(n):
        name = f"random-{seed}-{i:03d}"
        layout = _draw(
            random.Random(f"{seed}-{i}"),
            name,
            random.Random(f"{seed}-{i}/v2"),
            # Wordings and form parts from seed 12 on: the earlier seeds keep their documents.
            random.Random(f"{seed}-{i}/v3") if seed >= WORDINGS_FROM_SEED else None,
        )
        path = outdir / f"{name}.docx"
        build_docx(layout, path)
        (outdir / f"{name}.expected.json").write_text(
            json.dumps(expected(layout), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        written.append(path)
    if pdf:
        convert_all(written, outdir)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--n", type=int, default=100, help="layouts to draw (default 100)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the draw (default 1)")
    parser.add_argument("--no-pdf", action="store_true", help="write only the DOCX files")
    args = parser.parse_args()
    generate(args.outdir, args.n, args.seed, not args.no_pdf)


if __name__ == "__main__":
    main()
