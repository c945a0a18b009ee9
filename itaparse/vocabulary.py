"""The words of ITA reports: header labels by field, numbering, categories, status ticks.

This is the one low module that both the readers (a borderless PDF table is found by its
header labels) and the table logic import; it knows strings, never grids.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from itaparse.thai.numerals import to_arabic
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


# Category rows: "(๑) …", "ด้านที่ ๑ …", "กลยุทธ์ที่ ๑ : …", "ประเด็นที่ ๑ …"; and "๑. …", which is
# a category only when the measures under it are numbered "๑.๑" (table._decimal_follows).
# A wrap or a page break between the word and "ที่" ("กลยุทธ์" / "ที่ ๒ : …") leaves a space.
_CATEGORY_WORDS = ("ด้าน", "กลยุทธ์", "ประเด็น", "ยุทธศาสตร์", "มิติ", "หมวด", "เรื่อง", "ส่วน", "แผนงาน")
_LABELS = "|".join(rf"{word}\s*ที่" for word in _CATEGORY_WORDS)
CATEGORY_RES = (
    # Specks a scan leaves inside the brackets ("(1,)") are no part of the number.
    re.compile(r"^\s*\(\s*(\d{1,2})[\s.,'`]*\)\s*(.*)$", re.S),
    re.compile(rf"^\s*(?:{_LABELS})\s*(\d{{1,2}})\s*[:.\-–]?\s*(.*)$", re.S),
)
# A scan may lose the point ("1 การใช้งบประมาณ…"): a bare number before Thai words is read the
# same way, a category only where the measures under it are numbered "1.1".
DOTTED_CATEGORY_RE = re.compile(r"^\s*(\d{1,2})(?:\.\s*|\s+(?=[\u0e01-\u0e2e]))(\D.*)$", re.S)
# A heading outside any table, over the tables of one issue: "๑) กระบวนการ…" as well as the
# labels above. Only a line with Thai words after the number is a heading.
_THAI_LETTER = re.compile(r"[\u0e01-\u0e2e]")
_MAX_HEADING_CHARS = 200
HEADING_RES = (*CATEGORY_RES, re.compile(r"^\s*(\d{1,2})\s*\)\s*([\u0e01-\u0e2e].*)$", re.S))


def category_match(
    text: str, patterns: Sequence[re.Pattern[str]] = CATEGORY_RES
) -> tuple[int, str] | None:
    """(number, title) of a category label, the title as written (digits kept)."""
    plain = to_arabic(text)  # same length: match positions carry over to the text as written
    for pattern in patterns:
        match = pattern.match(plain)
        if match:
            return int(match.group(1)), text[match.start(2) :].strip()
    return None


def heading_match(line: str) -> tuple[int, str] | None:
    """(number, title) of a category heading written outside the tables ("๑) กระบวนการ…",
    "ด้านที่ ๒ …"): a numbered line with Thai words after the number, not a paragraph."""
    found = category_match(line, HEADING_RES)
    if found is None or not _THAI_LETTER.search(found[1]) or len(line) > _MAX_HEADING_CHARS:
        return None
    return found


# A label damaged past reading ("mui ๑", "ดานท ๒", "ด้านที่๓"): a short word, the number,
# and a title. Only a row that spans the whole table is read so (table_rows.category_of).
_LOOSE_CATEGORY = re.compile(r"^\s*(?:[^\d\s]{1,14}\s*)?\(?(\d{1,2})\)?[.)]?\s+(?=\S)")
_MIN_LOOSE_TITLE = 4  # Thai letters, at least


def loose_category_match(text: str) -> tuple[int, str] | None:
    """(number, title) of a category label too damaged to match a known one, as OCR leaves a
    label of a row spanning the table: a short word, a number, then a title in Thai."""
    plain = to_arabic(text)
    match = _LOOSE_CATEGORY.match(plain)
    if match is None:
        return None
    title = text[match.end() :].strip()
    if len(_THAI_LETTER.findall(title)) < _MIN_LOOSE_TITLE:
        return None
    return int(match.group(1)), title


# Glyphs the PDF gives no character for (pdfminer's "(cid:N)"), or OCR's and our own mark
# for one: a label's number and brackets in a font whose map was lost.
_UNREADABLE_OPENING = re.compile(r"^\s*(?:(?:\(cid:\d+\))|\ufffd){1,6}\s*")


def unreadable_category_match(text: str) -> str | None:
    """The title of a category label whose opening (its number, "(๑)") cannot be read, as in
    a font whose character map was damaged: unreadable glyphs, then a title in Thai."""
    match = _UNREADABLE_OPENING.match(text)
    if match is None:
        return None
    title = text[match.end() :].strip()
    return title if len(_THAI_LETTER.findall(title)) >= _MIN_LOOSE_TITLE else None


# The signature block under a report's table opens so: "ลงชื่อ ... ผู้รายงาน", "(ลงชื่อ)".
_SIGNATURE = re.compile(r"^\s*\(?\s*(?:ลงชื่อ|ลงนาม)")


def is_signature_line(text: str) -> bool:
    """A line of the signature block under the table (the reporter's name and post)."""
    return bool(_SIGNATURE.match(text))


def is_category_text(text: str) -> bool:
    """Text labelled as a category ("(๑) …", "ด้านที่ ๑ …"); "๑. …" is too ambiguous to say."""
    return category_match(text) is not None


# "1." "1)" "(1)" "1.2." and a bare "1.2"; never a number followed by a unit ("12 เดือน" and
# "15.50 คะแนน" at the start of a wrapped line are text, not items).
_UNIT = r"(?:คะแนน|บาท|ราย|ครั้ง|คน|เดือน|วัน|ปี|%|ร้อยละ)"
_NUMBERING = re.compile(
    rf"^\s*(?:\((\d{{1,2}})\)|(\d{{1,2}}(?:\.\d{{1,2}})*)[.)](?!\d)|(\d{{1,2}}(?:\.\d{{1,2}})+)(?=\s)(?!\s*{_UNIT}))\s*"
)
BULLET = re.compile(r"^\s*[-–•▪●○◦*]\s*")
_MAX_ITEM_NUMBER = 50  # "๘๗.๗๙ คะแนน" at the start of a wrapped line is a score, not item 87
_KHO = re.compile(r"^\s*ข้อ(?:ที่)?\s*(?=[0-9๐-๙])")
# An ITA question code opening a measure: "e1 หน่วยงานปฏิบัติ…", "i12", "o3".
_ITEM_CODE = re.compile(r"^\s*([ieoIEO]\d{1,2})[.)]?\s+(?=\S)")


def item_marker(line: str) -> re.Match[str] | None:
    """The numbering ("๑.", "1.2", "(3)", "4)") or bullet that opens a list item, if any."""
    plain = to_arabic(line)
    match = _NUMBERING.match(plain)
    if match:
        number = match.group(1) or match.group(2) or match.group(3)
        if int(number.split(".")[0]) <= _MAX_ITEM_NUMBER:
            return match
    return BULLET.match(plain)


def measure_number(text: str) -> tuple[str | None, str]:
    """'๑. มาตรการ…' -> ('1', 'มาตรการ…'); also "1.1", "(1)", "ข้อ 1"; Arabic digits out."""
    kho = _KHO.match(text)
    if kho:
        text = text[kho.end() :]
        bare = re.match(r"^([0-9๐-๙]{1,2})(?:[.)]|\s|$)\s*", text)
        if bare:
            return to_arabic(bare.group(1)), text[bare.end() :].strip()
    match = item_marker(text)
    if match is None or BULLET.match(to_arabic(text)):
        return None, text.strip()
    number = match.group(1) or match.group(2) or match.group(3)
    return number, text[match.end() :].strip()


def numbering_form(line: str) -> tuple[str, str] | None:
    """The number a line opens with and how it is written ("๓.๒ …" -> ("3.2", "d.d"),
    "(๔) …" -> ("4", "(d)"), "๒. …" -> ("2", "d.")): two items of one list share a form."""
    if is_sequence_number(line):  # a number column's cell: the number alone
        return number_in_column(line), re.sub(r"\d+", "d", to_arabic(line).strip())
    match = item_marker(line)
    if match is None or BULLET.match(to_arabic(line)):
        return None
    number = match.group(1) or match.group(2) or match.group(3)
    return number, re.sub(r"\d+", "d", to_arabic(match.group(0)).strip())


def next_number(number: str) -> str:
    """The number after this one in its list: "3.1" -> "3.2", "4" -> "5"."""
    head, _, last = number.rpartition(".")
    return f"{head}.{int(last) + 1}" if head else str(int(last) + 1)


_SPECKS = re.compile(r"^[\s.,'`:;·]+")


def strip_specks(text: str) -> str:
    """The text without the dots and ticks a scan's specks leave before it (".1. การ…")."""
    return _SPECKS.sub("", text)


def merged_number(lines: Sequence[str]) -> str | None:
    """Where a cell's first line opens with a number and a later line opens with the next one,
    written alike ("๓.๑ …" then "๓.๒ …"), that next number: the cell holds two rows of one
    list, the rule between them lost. Items listed under a title are numbered in another
    form ("๑. มาตรการ…" over "๑) …", "๑.๑ …") and are not taken for a second row."""
    if not lines:
        return None
    first = numbering_form(lines[0])
    if first is None:
        return None
    number, form = first
    wanted = next_number(number)
    for line in lines[1:]:
        # A scan's speck before the number (".๑.๓ มาตรการ…") hides no less a second row.
        found = numbering_form(_SPECKS.sub("", line))
        if found is not None and found == (wanted, form):
            return wanted
    return None


NUMBER_ALONE = re.compile(r"\s*[0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2})+\s*")
_SEQUENCE_NUMBER = re.compile(r"\s*\(?[0-9๐-๙]{1,3}(?:\.[0-9๐-๙]{1,2})*[.)]?\s*")


def is_sequence_number(text: str) -> bool:
    """The whole text of a cell in a sequence column (ที่, ลำดับ): "๑", "2.", "(3)", "1.2"."""
    return _SEQUENCE_NUMBER.fullmatch(text) is not None


def number_in_column(text: str) -> str:
    """The measure number a number column (ที่, ลำดับ) writes: "๑.๒" -> "1.2", "๒." -> "2";
    a bracket OCR lost its other half of ("(๑") is no part of it."""
    return measure_number(text)[0] or to_arabic(text).strip(" .()")


# A header cell is a few words; a cell longer than this is the body's.
MAX_LABEL_CHARS = 80
MAX_GROUP_LABEL_CHARS = 200  # a group label over several columns, with its purpose and year
_COLUMN_NUMBER = re.compile(r"\(?\d{1,2}\)?")


def is_column_number(text: str) -> bool:
    """ "(4)": the number some headers print under each column's label."""
    return _COLUMN_NUMBER.fullmatch(to_arabic(text)) is not None


def opens_measure(text: str) -> bool:
    """Text that opens a measure: its number ("๑.", "1.2 …", "(3)", "ข้อ 1", or "๑.๒" alone on
    a line a narrow column wrapped after it), or the ITA item it answers ("e1 …")."""
    return (
        measure_number(text)[0] is not None
        or NUMBER_ALONE.fullmatch(text) is not None
        or item_code(text) is not None
    )


def opens_numbered_row(line: str) -> bool:
    """A line that opens a category or measure row: a number, then words ("1. การปฏิบัติ…",
    "๑.๑ มาตรการ…"), a scan's specks before the number no matter. No label is written so."""
    plain = _SPECKS.sub("", line)
    found = numbering_form(plain)
    if found is None or is_sequence_number(plain):
        return False
    return _THAI_LETTER.search(measure_number(plain)[1]) is not None


def item_code(text: str) -> str | None:
    """The ITA question code a measure opens with ("e1 …" -> "e1"), lower case."""
    match = _ITEM_CODE.match(text)
    return match.group(1).lower() if match else None


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
