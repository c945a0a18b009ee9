"""Whether a header line's words go on with the labels above them: the rest of a label
wrapped in a narrow column, a note it opened, or words a clerk lengthened it by."""

from __future__ import annotations

import re

from itaparse.readers.borderless_columns import Line
from itaparse.thai.text import join_wrapped, skeleton
from itaparse.vocabulary import MAX_LABEL_CHARS, begins_with_known_label, is_known_label

_MAX_LABEL_TAIL = 14  # characters of a label's last wrapped words ("ที่รับผิดชอบ")


_MAX_CUT_TAIL = 20  # the rest of a known label cut mid-word, and what follows it


# Characters a clerk adds after a whole label ("ที่กำหนด", "ดำเนินการที่ดำเนิน"); a body
# line under a label runs longer ("การเผยแพร่ข้อมูลข่าวสาร", 22).
_MAX_LENGTHENING = _MAX_CUT_TAIL


def _wrapped(col: int, by_column: list[dict[int, Line]]) -> bool:
    """The column's label takes two header lines or more (a group label's included)."""
    return sum(col in line for line in by_column) >= 2


def _goes_on(above: list[str], words: str) -> bool:
    """Whether the label in a column's header lines wrapped onto words: after its slash, or
    into a known label (the column's whole text, or its last line under a group label), or
    completing a known label cut mid-word ("หน่วยงานที่รับผิด" over "ชอบ/ผู้ประสานงาน")."""
    if not above:
        return False
    labels = [join_wrapped(above), above[-1]]
    if not skeleton(words):  # a number, a dash: no word of a label; but a note's bracket
        return _in_note(labels[0], words) and bool(_BRACKETS.fullmatch(words.strip()))
    if _in_note(labels[0], words):  # "ผลการดำเนินงาน" over "(ระบุรายละเอียด)"
        return len(words.strip()) <= MAX_LABEL_CHARS
    if labels[0].endswith("/") and begins_with_known_label(words):
        # The other label a slash offers ("วิธีการดำเนินงาน/" over "กิจกรรมที่ดำเนินการ"),
        # as long as a label runs: its own words, and what a clerk adds to them.
        return len(words.strip()) <= _MAX_LABEL_TAIL + _MAX_CUT_TAIL
    if len(words.strip()) > _MAX_CUT_TAIL:
        return False
    if any(_completes(t, words) for t in labels):
        return True
    if len(words.strip()) > _MAX_LABEL_TAIL:
        return False
    return labels[0].endswith("/") or any(is_known_label(join_wrapped([t, words])) for t in labels)


def _completes(label: str, words: str) -> bool:
    """Words that finish a known label the column's width cut inside a word."""
    return begins_with_known_label(join_wrapped([label, words])) and not begins_with_known_label(
        label
    )


def _lengthens(above: list[str], words: str) -> bool:
    """A few words more after a label that is whole ("มาตรการ/แนวทาง" over "ที่กำหนด"): a
    clerk's longer label, or a body line under it; taken only beside a label that wrapped."""
    label = join_wrapped(above) if above else ""
    return (
        bool(skeleton(words))
        and len(words.strip()) <= _MAX_LENGTHENING
        and begins_with_known_label(label)
        and begins_with_known_label(join_wrapped([label, words]))
    )


_BRACKETS = re.compile(r"[()\[\]*]+")  # a note's bracket alone: its opening or its close


def _in_note(label: str, words: str) -> bool:
    """Words that open a note to the label, in brackets or asterisks, or go on with one the
    label opened ("(ร้อย" over "ละ/คะแนน)")."""
    opened = label.count("(") > label.count(")") or label.count("*") % 2 == 1
    return opened or words.lstrip().startswith(("(", "*"))
