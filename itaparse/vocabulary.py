"""The words of ITA reports: header labels by field, status ticks, the form a table is.

This and `numbering` (categories, measure and item numbers) are the low modules that both the
readers (a borderless PDF table is found by its header labels) and the table logic import;
they know strings, never grids.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from itaparse.numbering import item_marker
from itaparse.thai.text import skeleton

# Header wordings by field; matched on their consonant skeletons, so damaged text still maps.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "number": ("ข้อที่", "ลำดับที่", "ลำดับ", "ที่"),
    "measure": (
        "มาตรการ/แนวทาง",
        "มาตรการ",
        "แนวทาง",
        "ประเด็น",
        "แผนงาน/โครงการ/กิจกรรม",
        "โครงการ/กิจกรรม",
        "มาตรการ/โครงการ",
        "มาตรการป้องกัน",
    ),
    # A column of categories beside the measure column, merged down over their measures.
    "category": ("ประเด็น", "ด้าน", "หมวด", "ประเด็นการประเมิน", "ยุทธศาสตร์", "กลยุทธ์"),
    # The row's subject when no column is a measure: plan-results and risk forms.
    "subject": (
        "กิจกรรม",
        "โครงการ",
        "แผนงาน",
        "โอกาส/ความเสี่ยง",
        "ความเสี่ยง",
        "เหตุการณ์ความเสี่ยง",
        "ประเด็นความเสี่ยง",
    ),
    "methods": (
        "วิธีดำเนินการ",
        "ขั้นตอน/วิธีการ",
        "วิธีการ",
        "ขั้นตอน",
        "กิจกรรม",
        "วิธีการดำเนินงาน",
        "ขั้นตอนการดำเนินการ",
        "แนวทางการดำเนินการ",
    ),
    "responsible": (
        "ผู้รับผิดชอบ",
        "หน่วยงานรับผิดชอบ",
        "หน่วยงานที่รับผิดชอบ",
        "ผู้รับผิดชอบ/หน่วยงาน",
        "ผู้รับผิดชอบ/ผู้ที่เกี่ยวข้อง",
    ),
    "period": ("ระยะเวลาดำเนินการ", "ระยะเวลา", "กรอบระยะเวลา", "ห้วงเวลา", "ช่วงเวลา"),
    "results": (
        "ผลการดำเนินงาน",
        "ผลการดำเนินการ",
        "ผลการปฏิบัติ",
        "ผลการปฏิบัติตามมาตรการ",
        "ผลการติดตาม",
    ),
    "outcomes": (
        "ผลลัพธ์/ความสำเร็จ",
        "ผลลัพธ์",
        "ความสำเร็จ",
        "ผลสัมฤทธิ์",
        "ผลที่ได้รับ",
        "ผลที่คาดว่าจะได้รับ",
    ),
    "budget": ("งบประมาณ", "งบประมาณ(บาท)", "งบประมาณที่ใช้"),
    "indicators": ("ตัวชี้วัด", "ตัวชี้วัดความสำเร็จ", "เป้าหมาย/ตัวชี้วัด"),
    "score": ("ผลการประเมิน(คะแนน)", "คะแนน", "ผลคะแนน", "คะแนนที่ได้", "ผลการประเมิน"),
    "status": ("สถานะ", "สถานะการดำเนินการ", "สถานะการดำเนินงาน"),
    # Tick columns under a group label: "/" or "✓" in the column says which state applies.
    "tick:done": ("ดำเนินการแล้ว", "ดำเนินการแล้วเสร็จ", "แล้วเสร็จ", "เสร็จสิ้น"),
    "tick:in progress": ("อยู่ระหว่างดำเนินการ", "กำลังดำเนินการ", "ระหว่างดำเนินการ"),
    "tick:not done": (
        "ยังมิได้ดำเนินการ",
        "ยังไม่ได้ดำเนินการ",
        "ยังไม่ดำเนินการ",
        "ไม่ได้ดำเนินการ",
        "ยังไม่เริ่มดำเนินการ",
    ),
}
TICK_FIELDS = ("tick:done", "tick:in progress", "tick:not done")
SCORE_LABEL = skeleton("คะแนน")  # the word a score column's label holds, on its skeleton
# What a measures table must show besides its subject: results or a status, or at least two
# of the plan's columns (the results report shows all of them).
PLAN_FIELDS = ("methods", "responsible", "period", "outcomes")
EVIDENCE_FIELDS = ("results", "status", *TICK_FIELDS)
_SKELETONS = {f: tuple(skeleton(s) for s in words) for f, words in SYNONYMS.items()}
MATCH_THRESHOLD = 0.75
_KNOWN = frozenset(k for skeletons in _SKELETONS.values() for k in skeletons)


def is_known_label(text: str) -> bool:
    """A label as the forms write it, word for word (on its consonant skeleton)."""
    return skeleton(text) in _KNOWN


def begins_with_known_label(text: str) -> bool:
    """A label that opens with one the forms write and goes on ("มาตรการ/แนวทาง ที่กำหนด",
    "หน่วยงานที่รับผิดชอบ/ผู้ประสานงาน"): clerks lengthen labels, they seldom reword them."""
    letters = skeleton(text)
    return any(letters[:n] in _KNOWN for n in range(len(letters), 2, -1))


def opens_known_label(text: str) -> bool:
    """Words a label the forms write opens with, or goes on from: a label's first line
    where it wraps ("ผลการ" of ผลการดำเนินงาน, "ผู้รับ" of ผู้รับผิดชอบ)."""
    letters = skeleton(text)
    return len(letters) >= 2 and (
        any(k.startswith(letters) for k in _KNOWN) or begins_with_known_label(text)
    )


# A header cell is a few words; a long cell that merely contains "มาตรการ" is content. A label
# with its group label ("แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ / ขั้นตอน") is longer.
MAX_HEADER_SKELETON = 24
MAX_GROUPED_SKELETON = 48


# A note clerks add to a label, between asterisks: what to write in the column; also one a
# wrapped header has not closed yet ("*ระบุผลเชิง" over "ปริมาณ*").
_NOTE = re.compile(r"\*[^*]+(?:\*|$)")


@lru_cache(maxsize=16384)  # headers repeat on every page, and body cells are tested too
def field_score(label: str, field_name: str, limit: int = MAX_HEADER_SKELETON) -> float:
    """How well a header label reads as the field (0-1), on consonant skeletons. A note in
    the label ("ข้อค้นพบ *แสดงการวิเคราะห์ผลการประเมิน*") is no part of it."""
    return _skeleton_score(skeleton(_NOTE.sub(" ", label)) or skeleton(label), field_name, limit)


def _skeleton_score(h: str, field_name: str, limit: int) -> float:
    if not h or len(h) > limit:
        return 0.0
    best = 0.0
    for s in _SKELETONS[field_name]:
        if len(h) <= 2 and h != s:  # "คน" is not "คะแนน": too short to match loosely
            continue
        if field_name in TICK_FIELDS and len(h) > len(s) + 3:  # a tick label is the state alone
            continue
        # A loose match must at least start alike: damage loses vowels, not the first
        # consonant, and "แผนการดำเนินงาน" is not "สถานะการดำเนินงาน".
        score = SequenceMatcher(None, h, s).ratio() if h[0] == s[0] else 0.0
        if len(s) >= 3 and h.startswith(s):  # "สถานะการดำเนินการจัดการความเสี่ยง"
            score = max(score, 0.85 + 0.15 * len(s) / len(h))
        elif len(s) >= 4 and s in h:
            # A label that holds a known one further in reads as it, but below any label
            # that begins with one: "มาตรการ/แนวทางการดำเนินการ" is the measure, though it holds
            # แนวทางการดำเนินการ (methods) at more length.
            score = max(score, 0.76 + 0.08 * len(s) / len(h))
        best = max(best, score)
    return best


def map_labels(labels: Sequence[Sequence[str]]) -> tuple[dict[int, str], float]:
    """Column index -> field for a header whose columns read as the given labels.

    Each column may offer several readings (its own label, and its label under a group label);
    the best one counts. A column is the "measure" when its own label says so; without one, the
    best "subject" column (กิจกรรม, โครงการ, ความเสี่ยง) takes the measure's place, so that in a
    table with both, "กิจกรรม" is read as the methods; beside a measure column, ประเด็น or ด้าน
    is the category column. Returns the mapping and its total score.
    """
    scores: dict[tuple[int, str], float] = {}
    for col, readings in enumerate(labels):
        for f in SYNONYMS:
            best = max(
                (
                    field_score(r, f, MAX_HEADER_SKELETON if n == 0 else MAX_GROUPED_SKELETON)
                    for n, r in enumerate(readings)
                    if r
                ),
                default=0.0,
            )
            if best >= MATCH_THRESHOLD:
                scores[(col, f)] = best
    mapping: dict[int, str] = {}
    total = 0.0
    # Judged on each column's own label: a group label that says "แนวทาง…" is no measure.
    measures = [
        c
        for (c, f) in scores
        if f == "measure" and labels[c] and field_score(labels[c][0], f) >= MATCH_THRESHOLD
    ]
    categories = [c for (c, f) in scores if f == "category"]
    if any(c not in categories for c in measures) and categories:
        # "ประเด็น" beside "มาตรการ": the measure is มาตรการ, ประเด็น the category column.
        col = max(categories, key=lambda c: (scores[(c, "category")], -c))
        mapping[col] = "category"
        total += scores[(col, "category")]
        for c in categories:
            scores.pop((c, "measure"), None)
    if not any(f == "measure" for _c, f in scores):
        subjects = [(s, -c) for (c, f), s in scores.items() if f == "subject"]
        if subjects:
            s, neg = max(subjects)
            mapping[-neg] = "measure"
            total += s
    for (col, f), s in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0][0])):
        if f in ("subject", "category") or col in mapping or f in mapping.values():
            continue
        mapping[col] = f
        total += s
    return mapping, total


CONTENT_FIELDS = (*PLAN_FIELDS, *EVIDENCE_FIELDS, "score", "budget", "indicators")


def is_measures_header(mapping: dict[int, str], weak: bool = False) -> bool:
    """A subject column, and results, a status, or two of the plan's columns; weak: a subject
    column and any one column of a measure's content."""
    fields = set(mapping.values())
    if "measure" not in fields:
        return False
    if weak:
        return bool(fields & set(CONTENT_FIELDS))
    return bool(fields & set(EVIDENCE_FIELDS)) or len(fields & set(PLAN_FIELDS)) >= 2


# Cells that open list items ("1. เปิดเผยผล…", "- บุคลากร…") in this many columns make a body
# line, not a header: labels are not enumerated, a measure's methods and outcomes are. (One
# may be a label's odd wording.)
_LISTED_COLUMNS = 2
_BRACKETED = re.compile(r"^\s*\(")  # "(๑) ประเด็น": a column's number before its label


def _lists_item(label: str) -> bool:
    marker = item_marker(label)
    listed = marker is not None and bool(label[marker.end() :].strip())
    return listed and not _BRACKETED.match(label)


def read_header(labels: Sequence[str]) -> tuple[dict[int, str] | None, float]:
    """A one-line header's mapping (None unless it reads as a measures header) and its score."""
    if sum(_lists_item(label) for label in labels) >= _LISTED_COLUMNS:
        return None, 0.0
    mapping, score = map_labels([[label] for label in labels])
    return (mapping if is_measures_header(mapping) else None), score


# A header cell is a few words; a cell longer than this is the body's.
MAX_LABEL_CHARS = 80
MAX_GROUP_LABEL_CHARS = 200  # a group label over several columns, with its purpose and year


# Marks a clerk ticks a status column or a checkbox with; and the boxes left empty.
TICKS = frozenset("/✓✔√☑☒✗✘■●xX*")
EMPTY_BOXES = frozenset("☐□○◻")
CHECKED_BOXES = frozenset("☑☒■✓✔√")


def is_tick(text: str) -> bool:
    """A cell that holds only a tick mark."""
    stripped = text.strip()
    return bool(stripped) and all(ch in TICKS or ch.isspace() for ch in stripped)


STATUS_WORDS = {f.split(":", 1)[1]: SYNONYMS[f] for f in TICK_FIELDS}


def status_of(text: str) -> str:
    """A ticked status's words as one of done / in progress / not done, else as written."""
    h = skeleton(text)
    for status, words in (
        ("not done", STATUS_WORDS["not done"]),
        ("in progress", STATUS_WORDS["in progress"]),
        ("done", STATUS_WORDS["done"]),
    ):
        if any(skeleton(w) == h for w in words):
            return status
    return text.strip()


_RISK = skeleton("ความเสี่ยง")


def document_kind(fields: dict[int, str], labels: dict[int, str]) -> str:
    """Which form a measures table belongs to, from its columns: a column of risks makes a
    risk plan, tick columns or a status column a plan-results form, an assessment score
    per row the NACC analysis form; else the results report."""
    subject = next((labels.get(c, "") for c, f in fields.items() if f == "measure"), "")
    values = set(fields.values())
    if _RISK in skeleton(subject):
        return "risk-plan"
    if values & {*TICK_FIELDS, "status"}:
        return "plan-results"
    if "score" in values:
        return "nacc-form"
    return "results-report"
