"""Tone marks OCR lost, put back by the dictionary (itaparse.thai.marks)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itaparse.thai.marks import restore_tone_marks

LOST = str.maketrans("", "", "\u0e48\u0e49")


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("ด้านที ๒ การใช้งบประมาณ", "ด้านที่ ๒ การใช้งบประมาณ"),  # far more common with it
        ("ขันตอน/วิธีการ", "ขั้นตอน/วิธีการ"),  # two words become one
        ("การให้บริการทีโปร่งใส", "การให้บริการที่โปร่งใส"),
        ("ซึงเป็นหน่วยงาน", "ซึ่งเป็นหน่วยงาน"),
        ("นักจัดการงานทัวไป", "นักจัดการงานทั่วไป"),
        # Words that stand as they are: no mark is added to a right word.
        ("การใช้ทรัพย์สินของทางราชการ", "การใช้ทรัพย์สินของทางราชการ"),
        ("มาตรการยกระดับคุณภาพการให้บริการประชาชน", "มาตรการยกระดับคุณภาพการให้บริการประชาชน"),
        ("ปีงบประมาณ", "ปีงบประมาณ"),
    ],
)
def test_lost_tone_marks(read: str, meant: str) -> None:
    assert restore_tone_marks(read) == meant


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="กขคงจตทนบปมยรลวสอาิีึัุเแ่้ ", max_size=20))
def test_only_tone_marks_are_added(text: str) -> None:
    restored = restore_tone_marks(text)
    assert restored.translate(LOST) == text.translate(LOST)
    assert len(restored) >= len(text)
