"""The numbering of ITA reports' rows: category labels ("(๑) …", "ด้านที่ ๑ …"), measure and
item numbers ("๑.๒", "1)", "e1"), their sequence, and the signature line under a table. Strings
only, never grids: with `vocabulary`, the one place the readers learn ITA words from."""

from __future__ import annotations

import re
from collections.abc import Sequence

from itaparse.thai.numerals import to_arabic

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
