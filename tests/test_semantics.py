from __future__ import annotations

import pytest

from itaparse.readers.grid import Cell
from itaparse.semantics import cell_text, find_score, measure_number, split_items


def test_pdf_cell_splits_at_numbering_and_rejoins_wraps() -> None:
    cell = Cell([["๑. กำกับดูแลให้บุคลากรใน", "หน่วยงานปฏิบัติงาน", "๒. ปฏิบัติตามคู่มือ", "สำหรับประชาชน"]])
    assert split_items(cell) == ["กำกับดูแลให้บุคลากรในหน่วยงานปฏิบัติงาน", "ปฏิบัติตามคู่มือสำหรับประชาชน"]


def test_outcomes_split_at_bullets() -> None:
    cell = Cell([["- ประชาชนได้รับ", "บริการ", "- หน่วยงานผ่านการประเมินอยู่ที่", "๘๗.๗๙ คะแนน"]])
    assert split_items(cell) == ["ประชาชนได้รับบริการ", "หน่วยงานผ่านการประเมินอยู่ที่ ๘๗.๗๙ คะแนน"]


def test_a_score_at_the_start_of_a_wrapped_line_is_not_item_87() -> None:
    cell = Cell([["๑. ผ่านการประเมินอยู่ที่", "๘๗.๗๙ คะแนน"]])
    assert split_items(cell) == ["ผ่านการประเมินอยู่ที่ ๘๗.๗๙ คะแนน"]


def test_word_paragraphs_without_numbering_are_items() -> None:
    assert split_items(Cell([["ข้อแรก"], ["ข้อสอง"]])) == ["ข้อแรก", "ข้อสอง"]
    assert split_items(Cell([["1. ข้อแรก"], ["ต่อ"], ["2. ข้อสอง"]])) == ["ข้อแรกต่อ", "ข้อสอง"]


def test_empty_cells() -> None:
    assert split_items(None) == [] and split_items(Cell()) == []
    assert cell_text(Cell([["", " "]])) is None


@pytest.mark.parametrize(
    ("text", "number", "title"),
    [
        ("๑. มาตรการการให้บริการ", "1", "มาตรการการให้บริการ"),
        ("1.2 มาตรการ", "1.2", "มาตรการ"),
        ("(3) มาตรการ", "3", "มาตรการ"),
        ("มาตรการ", None, "มาตรการ"),
        ("- มาตรการ", None, "- มาตรการ"),
    ],
)
def test_measure_number(text: str, number: str | None, title: str) -> None:
    assert measure_number(text) == (number, title)


@pytest.mark.parametrize(
    ("outcomes", "results", "score"),
    [
        (["ผ่านการประเมินอยู่ที่ ๘๗.๗๙ คะแนน"], [], 87.79),
        (["ผ่านการประเมิน ๑๐๐ คะแนน"], [], 100.0),
        ([], ["ผลการประเมิน 92.50 คะแนน"], 92.5),
        (["มีผู้เข้าชม ๒๔,๕๔๗ ราย"], ["จำนวนทั้งสิ้น ๒๔,๕๔๗ ราย"], None),
        (["ไม่มีข้อร้องเรียน"], [], None),
        # A scan's point read as another mark glues two numbers: neither is the score.
        (["ผ่านการประเมินอยู่ที่ 89:75 คะแนน"], [], None),
        (["ผลการประเมินอยู่ที่ร้อยละ ๘๙;๗๕"], [], None),
        (["ผลการประเมิน 70-75 คะแนน"], [], None),
    ],
)
def test_find_score(outcomes: list[str], results: list[str], score: float | None) -> None:
    assert find_score(outcomes, results) == score


@pytest.mark.parametrize(
    "line",
    ["12 เดือน", "15 ตุลาคม 2567", "๘๗.๗๙ คะแนน", "15.50 คะแนน", "2567 มี", "1,250 ราย", "100%"],
)
def test_numbers_at_a_wrap_do_not_open_items(line: str) -> None:
    cell = Cell([["๑. ข้อแรกยาว", line]])
    assert len(split_items(cell)) == 1


def test_sub_items_under_a_title_are_kept_when_there_is_a_methods_column() -> None:
    from itaparse.report import SUB_ITEMS, _measure
    from itaparse.table import MeasureRow

    row = MeasureRow(
        cells={
            "measure": Cell([["มาตรการการใช้รถ", "1.1 ประกาศ", "1.2 ติดตาม"]]),
            "methods": Cell([["1. ตรวจสอบ"]]),
        },
        extra={},
    )
    measure, _numbered = _measure(row, 1, None)
    assert (measure.title, measure.methods) == ("มาตรการการใช้รถ", ["ตรวจสอบ"])
    assert measure.extra == {SUB_ITEMS: "ประกาศ\nติดตาม"}


def test_a_score_glued_to_digits_says_so() -> None:
    """ "89:75" is no score of 75 nor of 89: the reason names what was written."""
    from itaparse.semantics import scores_stated, stated_score

    assert stated_score(["อยู่ที่ 89:75 คะแนน"]) == (
        None,
        "the score is written '89:75', glued to other digits",
    )
    assert scores_stated(["อยู่ที่ 89:75 คะแนน", "ได้ 91.25 คะแนน"]) == [91.25]


@pytest.mark.parametrize("written", ["84-..13", "84..,13", "84.-13", "84,.13"])
def test_a_score_glued_by_several_marks_is_not_read_in_part(written: str) -> None:
    """Specks make several marks of one decimal point: "84-..13" is no score of 13 (speckle
    scan of seed 48 gave 13.0 for 84.13, silently)."""
    from itaparse.semantics import stated_score

    value, why = stated_score([f"ผ่านการประเมินอยู่ที่ .{written} คะแนน"])
    assert value is None
    assert why is not None and written in why


@pytest.mark.parametrize("written", ["90.-40", "90-..40", "90.:40", "90,;40", "90 - 40"])
def test_a_percentage_glued_to_digits_after_it_is_not_read_in_part(written: str) -> None:
    """The marks a speck makes of a point glue digits after a number as before it:
    "ร้อยละ 90.-40" is no score of 90 (speckle scan of seed 50 gave 90.0 for 90.40, silently)."""
    from itaparse.semantics import stated_score

    value, why = stated_score([f"ผลการประเมินของมาตรการอยู่ที่ร้อยละ {written}"])
    assert value is None
    assert why is not None and "glued" in why


@pytest.mark.parametrize("cell", ["๕๒-,,๑๕", "52.-15", "85-90"])
def test_a_score_cell_glued_to_digits_after_its_number_gives_none(cell: str) -> None:
    """A score column's "๕๒-,,๑๕" (52.15 on a photocopy, seed 52, given as 52.0 silently)
    is no score of 52: its decimals are glued on by specks."""
    from itaparse.semantics import leading_score

    assert leading_score(cell) is None
    assert leading_score("๕๒.๑๕") == 52.15
