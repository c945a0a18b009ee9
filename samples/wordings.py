"""Wordings and form parts clerks add to a random layout (the third random stream).

Held-out reports word their labels at length ("ผลการดำเนินงาน (ระบุรายละเอียด)"), number their
category rows like their measures, number measures straight through the document, and, on
the NACC form, carry the year in the group label, a note under ข้อค้นพบ, a monitoring column
instead of results (the plan form), results split into ผลผลิต | ผลลัพธ์, and a front summary of
the ITA scores. Each is drawn here from its own stream, after everything else, so the layouts
of earlier draws stay as they were.
"""

from __future__ import annotations

import random
from typing import Any

from random_layouts import QUESTIONS, Layout, _digits, _measure_label

LONG_LABELS = {
    "measure": ("การดำเนินการ", " ที่กำหนด"),
    "methods": (" (ระบุขั้นตอน)", "/กิจกรรมที่ดำเนินการ"),
    "responsible": (" (กอง/ฝ่าย)", "/ผู้ประสานงาน"),
    "period": (" (เดือน/ปี)", "ที่ดำเนินการ"),
    "results": (" (ระบุรายละเอียด)", "ตามมาตรการ"),
    "outcomes": (" (ร้อยละ/คะแนน)", " *ระบุผลเชิงปริมาณ*"),
}
NACC_GROUP_LONG = (
    "แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ เพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
    "{wrap}ประจำปีงบประมาณ พ.ศ. {year}"
)
FINDINGS_NOTE = "ข้อค้นพบ\n*แสดงการวิเคราะห์ผลการประเมิน*"
MONITORING = ("รายงานผลการดำเนินงานต่อผู้บริหารทุกไตรมาส", "ติดตามผลทุก ๖ เดือน")
INDICATORS = (
    "การปฏิบัติหน้าที่",
    "การใช้งบประมาณ",
    "การใช้อำนาจ",
    "การใช้ทรัพย์สินของราชการ",
    "การแก้ไขปัญหาการทุจริต",
)


def apply(rng: random.Random, layout: Layout) -> None:
    """Draw this layout's wordings and form parts, and change its cells and truth to match."""
    if layout.form == "results":
        _results(rng, layout)
    elif layout.form == "nacc":
        _nacc(rng, layout)


def _results(rng: random.Random, layout: Layout) -> None:
    if rng.random() < 0.35:
        for column, suffixes in LONG_LABELS.items():
            if column in layout.labels and rng.random() < 0.5:
                layout.labels[column] += rng.choice(suffixes)
        layout.wording["long_labels"] = True
    numbered = [c for c in layout.categories if c.number is not None]
    if (
        layout.placement == "merged"
        and layout.category_style == "dot"
        and layout.numbering == "decimal"
        and rng.random() < 0.8
    ):
        # "1. การป้องกันผลประโยชน์ทับซ้อน" across the table over "1. มาตรการ…"
        layout.numbering = "dot"
        _renumber(layout, straight=False)
        layout.wording["numbering"] = "category-like-measures"
    elif layout.numbering in ("dot", "paren", "kho") and len(numbered) > 1 and rng.random() < 0.3:
        _renumber(layout, straight=True)
        layout.wording["numbering"] = "straight-through"


def _renumber(layout: Layout, straight: bool) -> None:
    """Print the measures' numbers again: per category, or straight through the document."""
    running = 0
    for category in layout.categories:
        for k, m in enumerate(category.measures, 1):
            running += 1
            label, number = _measure_label(
                layout.numbering, category.number, running if straight else k
            )
            m.label, m.number, m.truth["number"] = label, number, number
            if "sequence" in layout.columns:
                m.cells["sequence"] = [_digits(number, layout.thai)]
            else:
                m.cells["measure"] = [_digits(label, layout.thai) + m.title]


def _nacc(rng: random.Random, layout: Layout) -> None:
    year = _digits("2568", layout.thai)
    if rng.random() < 0.6:
        wrap = "\n" if rng.random() < 0.5 else " "
        layout.wording["nacc_group"] = NACC_GROUP_LONG.format(wrap=wrap, year=year)
    labels: dict[str, str] = {}
    if rng.random() < 0.5:
        labels["findings"] = FINDINGS_NOTE
    if "results" in layout.columns and rng.random() < 0.4:
        # ผลการดำเนินงาน over ผลผลิต | ผลลัพธ์
        layout.columns.insert(layout.columns.index("results") + 1, "outcomes")
        for category in layout.categories:
            for m in category.measures:
                outcome = rng.choice(("บุคลากรปฏิบัติตามแนวทางที่กำหนด", "ไม่พบข้อร้องเรียน"))
                m.cells["outcomes"] = [f"- {outcome}"]
                m.truth["outcomes"] = [outcome]
        layout.wording["results"] = "split"
    elif "results" not in layout.columns and rng.random() < 0.6:
        # The plan form: the monitoring plan where the results form has its results.
        layout.columns.append("monitoring")
        labels["monitoring"] = "การติดตามประเมินผล"
        for category in layout.categories:
            for m in category.measures:
                m.cells["monitoring"] = [_digits(rng.choice(MONITORING), layout.thai)]
        layout.wording["results"] = "monitoring"
    layout.wording["nacc_labels"] = labels
    if rng.random() < 0.5:
        layout.wording["front_summary"] = _front_summary(rng, layout)


def _front_summary(rng: random.Random, layout: Layout) -> list[tuple[str, str]]:
    """The ITA scores the NACC form opens with: indicators, then items with their codes."""
    rows = [
        (
            _digits(f"ตัวชี้วัดที่ {k} {name}", layout.thai),
            _digits(f"{rng.uniform(70, 100):.2f}", layout.thai),
        )
        for k, name in enumerate(INDICATORS, 1)
    ]
    rows += [
        (f"{code} {question}", _digits(f"{rng.uniform(60, 100):.2f}", layout.thai))
        for _tool, code, question in QUESTIONS
    ]
    return rows


def front_summary_codes(layout: Layout) -> list[str]:
    """The item codes of the front summary, which belong in the report's assessment."""
    return [
        text.split()[0]
        for text, _score in layout.wording.get("front_summary", [])
        if text[0].isascii()
    ]


def summary_table_rows(layout: Layout) -> list[tuple[str, str]]:
    head: list[tuple[str, str]] = [("ตัวชี้วัด/ข้อคำถาม", "คะแนน")]
    rows: list[tuple[str, str]] = layout.wording.get("front_summary", [])
    return head + rows


def describe(layout: Layout) -> dict[str, Any]:
    return {k: v for k, v in layout.wording.items() if k != "front_summary"}
