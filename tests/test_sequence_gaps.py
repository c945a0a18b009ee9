"""Numbering that skips (1.1, 1.2, 1.4): a row lost or read into its neighbour is warned of,
and on an OCR'd page the score above the gap is left out."""

from __future__ import annotations

from pathlib import Path

from itaparse.models import AssessmentItem, Category, Measure
from itaparse.readers.grid import Cell, Grid, Row, Table
from itaparse.report import build_report
from itaparse.sequence_checks import unread_categories

HEADER = ["มาตรการ", "วิธีดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา", "ผลการดำเนินงาน", "ผลลัพธ์"]


def _report(numbers: list[str], confidence: float | None) -> dict[str, object]:
    def cells(texts: list[str]) -> Row:
        return Row([Cell([[t]], confidence=confidence) for t in texts])

    rows = [cells(HEADER), Row([Cell([["(๑) หมวดแรก"]])] + [None] * 5)]
    for i, number in enumerate(numbers):
        score = f"ผ่าน {80 + i}.00 คะแนน"
        rows.append(cells([f"{number} มาตรการที่ {i}", "ทำ", "กองคลัง", "ต.ค. ๖๗", "ผล", score]))
    grid = Grid("pdf", 1, [(1, Table(rows, page=1))])
    return build_report(grid, Path(__file__)).model_dump(mode="json")


def _gaps(report: dict[str, object]) -> set[str]:
    return {w["measure"] for w in report["warnings"] if w["code"] == "sequence-gap"}  # type: ignore[attr-defined]


def _scores(report: dict[str, object]) -> list[float | None]:
    return [m["score"] for m in report["categories"][0]["measures"]]  # type: ignore[index]


def test_a_gap_is_warned_on_both_sides() -> None:
    report = _report(["๑.๑", "๑.๒", "๑.๔"], confidence=None)
    assert _gaps(report) == {"1.2", "1.4"}
    assert _scores(report) == [80.0, 81.0, 82.0]  # a text layer loses no rule: scores kept


def test_on_a_scan_the_score_above_a_gap_is_left_out() -> None:
    report = _report(["๑.๑", "๑.๒", "๑.๔"], confidence=90.0)
    assert _gaps(report) == {"1.2", "1.4"}
    assert _scores(report) == [80.0, None, 82.0]


def test_numbers_in_sequence_or_far_apart_are_no_gap() -> None:
    assert _gaps(_report(["๑.๑", "๑.๒", "๑.๓"], confidence=90.0)) == set()
    assert _gaps(_report(["๑", "๒", "๑๕"], confidence=90.0)) == set()  # another list


def test_a_number_given_twice_is_warned_and_the_later_gives_no_score() -> None:
    # A browser cuts a row at a page break and its rest reads as a row of its own; a lost
    # category row puts the next category's 1.1, 1.2 under this one: the later ones' scores
    # may be a neighbour's.
    report = _report(["๑.๑", "๑.๒", "๑.๑", "๑.๒"], confidence=None)
    repeats = [w["measure"] for w in report["warnings"] if w["code"] == "duplicate-number"]  # type: ignore[attr-defined]
    assert sorted(repeats) == ["1.1", "1.1", "1.2", "1.2"]
    assert _scores(report) == [80.0, 81.0, None, None]


def _codes(report: dict[str, object], code: str) -> set[str]:
    return {w["measure"] for w in report["warnings"] if w["code"] == code}  # type: ignore[attr-defined]


def test_a_measure_numbered_for_another_category_is_warned() -> None:
    # "๒.๑" under category 1 whose others are "๑.x": its own category row was lost
    report = _report(["๑.๑", "๑.๒", "๒.๑"], confidence=None)
    assert _codes(report, "category-mismatch") == {"1.2.1"}
    # measures numbered by a scheme of their own (none "1.x") are no mismatch
    assert _codes(_report(["๕.๑", "๕.๒"], confidence=None), "category-mismatch") == set()


def test_a_row_without_its_number_among_numbered_rows_is_warned() -> None:
    report = _report(["๑.๑", "", "๑.๓"], confidence=None)
    assert _codes(report, "number-missing") == {"1.2"}
    assert _codes(_report(["", ""], confidence=None), "number-missing") == set()


def test_a_category_the_score_tables_name_without_measures_is_warned() -> None:
    """The NACC form prints an issue's score items under its heading, then its measures: an
    issue with items and no measures read lost its rows, which is said, never silent."""
    read = [Category(number=1, measures=[Measure(number="1", title="o11 ข้อมูล")])]
    read.append(Category(number=3, measures=[Measure(number="1", title="i1 ท่าน")]))
    items = [
        AssessmentItem(category=1, tool="OIT", item="o11", score=84.37),
        AssessmentItem(category=2, tool="IIT", item="i6", score=56.13),
        AssessmentItem(category=2, tool="EIT", item="e1", score=97.26),
        AssessmentItem(category=3, tool="IIT", item="i1", score=60.2),
        AssessmentItem(category=None, tool="IIT", item="i2", score=70.0),
    ]
    (warning,) = unread_categories(read, items)
    assert warning.code == "category-unread"
    assert warning.message.startswith("the score table of category 2 lists i6, e1,")
    assert unread_categories(read, [i for i in items if i.category != 2]) == []
