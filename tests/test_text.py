from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itaparse.thai.text import join_wrapped, skeleton


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["มาตรการการ", "ให้บริการอย่างมี", "ประสิทธิภาพ"], "มาตรการการให้บริการอย่างมีประสิทธิภาพ"),
        (["ทุกกอง/", "ฝ่าย"], "ทุกกอง/ฝ่าย"),
        (["ระบบ E-", "Service"], "ระบบ E-Service"),
        (["ต.ค. ๖๗ -", "ก.ย. ๖๘"], "ต.ค. ๖๗ - ก.ย. ๖๘"),
        (["ผ่านเว็บไซต์และ", "Facebook ของหน่วยงาน"], "ผ่านเว็บไซต์และ Facebook ของหน่วยงาน"),
        (["อยู่ที่", "๘๗.๗๙ คะแนน"], "อยู่ที่ ๘๗.๗๙ คะแนน"),
        (["Social", "Network"], "Social Network"),
        (["  ", "ก", ""], "ก"),
    ],
)
def test_join_wrapped(lines: list[str], joined: str) -> None:
    assert join_wrapped(lines) == joined


thai_words = st.text(alphabet=st.characters(min_codepoint=0x0E01, max_codepoint=0x0E2E), min_size=1)


@given(st.lists(thai_words, min_size=1, max_size=8))
def test_thai_wraps_carry_no_space(words: list[str]) -> None:
    assert join_wrapped(words) == "".join(words)


@given(st.lists(st.text(min_size=1), max_size=8))
def test_join_loses_no_visible_character(lines: list[str]) -> None:
    visible = "".join("".join(line.split()) for line in lines)
    assert "".join(join_wrapped(lines).split()) == visible


def test_skeleton_survives_damage() -> None:
    assert skeleton("ม(cid:3)ตรก(cid:3)ร/") == skeleton("มาตรการ/") == "มตรกร"
    assert skeleton("ผ้้รับผิด\nชอบ") == skeleton("ผู้รับผิดชอบ")
