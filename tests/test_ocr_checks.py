"""What OCR was unsure of becomes a warning, never data (itaparse.ocr_checks)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from itaparse.models import Measure, ParseWarning, Period
from itaparse.ocr_checks import check, mend_period
from itaparse.readers.grid import Cell
from itaparse.table import MeasureRow


def _row(**cells: Cell) -> MeasureRow:
    return MeasureRow(dict(cells), {}, [3])


def _ocr(text: str, doubts: tuple[str, ...] = (), confidence: float = 95.0) -> Cell:
    return Cell([[text]], doubts=list(doubts), confidence=confidence)


def _measure(score: float | None = None, period: Period | None = None) -> Measure:
    return Measure(number="1", title="มาตรการ", score=score, period=period or Period())


def _checked(outcomes: list[str], score: float) -> tuple[Measure, list[ParseWarning]]:
    """A scanned row whose outcomes are `outcomes` and whose score read `score`, checked."""
    measure = Measure(number="1", title="มาตรการ", outcomes=outcomes, score=score)
    return measure, check(measure, _row(outcomes=_ocr(" ".join(outcomes))), 2568, "1", 3)


def test_a_score_read_with_doubt_is_left_out_with_a_warning() -> None:
    measure = _measure(score=53.35)
    row = _row(outcomes=_ocr("อยู่ที่ ๕๓.๓๕ คะแนน", doubts=("๕๓.๓๕",)))
    warnings = check(measure, row, 2568, "1.1", 3)
    assert measure.score is None
    assert [(w.code, w.measure, w.page) for w in warnings] == [("ocr-unsure-score", "1.1", 3)]
    assert "๕๓.๓๕" in warnings[0].message


def test_a_score_with_three_decimals_is_no_score() -> None:
    measure = _measure(score=55.031)
    assert [w.code for w in check(measure, _row(outcomes=_ocr("๕๕.๐๓๑ คะแนน")), 2568, "1", 1)] == [
        "ocr-unsure-score"
    ]
    assert measure.score is None


def test_a_row_stating_two_scores_on_a_scan_gives_none() -> None:
    # A stamp over the rule between two rows: the first measure's row holds the second's
    # result too, and the last score stated is the neighbour's.
    outcomes = [
        "หน่วยงานผ่านการประเมินตัวชี้วัดการให้บริการอยู่ที่ ๙๑.๒๕ คะแนน",
        "หน่วยงานผ่านการประเมินการเปิดเผยข้อมูลอยู่ที่๙๕.๕๐ คะแนน",
    ]
    measure, warnings = _checked(outcomes, 95.5)
    assert measure.score is None
    assert [w.code for w in warnings] == ["ocr-unsure-score"]
    assert "91.25, 95.5" in warnings[0].message
    # The same score stated twice is one score.
    twice = ["อยู่ที่ ๙๑.๒๕ คะแนน", "ผลการประเมิน ๙๑.๒๕ คะแนน"]
    measure, warnings = _checked(twice, 91.25)
    assert warnings == []
    assert measure.score == 91.25


def test_a_second_statement_of_a_score_that_does_not_read_still_counts() -> None:
    """Two rows read as one, the first one's score damaged past reading (a signature stroke
    over "๙๑.๒๕ คะแนน" left "๓๕๑.๒๕"): the one score that reads may be the neighbour's
    (signature scan of seed 50 gave 95.5 for 91.25, silently)."""
    outcomes = [
        "หน่วยงานผ่านการประเมินตัวชี้วัดการให้ บริการอยู่ที่ ๓๕๑.๒๕",
        "หน่วยงานผ่านการประเมินการเปิดเผยข้อมูลอยู่ที่๙๕.๕๐ คะแนน",
    ]
    measure, warnings = _checked(outcomes, 95.5)
    assert measure.score is None
    assert [w.code for w in warnings] == ["ocr-unsure-score"]
    assert "95.5, '351.25'" in warnings[0].message
    # One statement in two forms is one: the unit after, a cue before.
    once = ["ผลการประเมินของมาตรการอยู่ที่ร้อยละ ๘๗.๐๗"]
    measure, warnings = _checked(once, 87.07)
    assert warnings == []
    assert measure.score == 87.07


def test_two_scores_stated_as_percentages_on_a_scan_give_none() -> None:
    """ "ร้อยละ" states a score as much as "คะแนน" does: two of them are two rows' scores."""
    outcomes = [
        "ประชาชนได้รับบริการที่สะดวกรวดเร็วผลการประเมินของมาตรการอยู่ที่ร้อยละ 87.07",
        "ผลการประเมินของมาตรการอยู่ที่ร้อยละ 84.00",
    ]
    measure, warnings = _checked(outcomes, 84.0)
    assert measure.score is None
    assert "84, 87.07" in warnings[0].message


def test_a_sure_score_stands() -> None:
    measure = _measure(score=87.5)
    assert check(measure, _row(outcomes=_ocr("๘๗.๕๐ คะแนน", doubts=("๒",))), 2568, "1", 1) == []
    assert measure.score == 87.5


def test_a_period_far_from_the_fiscal_year_is_left_out() -> None:
    period = Period(text="ต.ค. ๒๕ - ก.ย. ๒๕", start=date(1981, 10, 1), end=date(1982, 9, 30))
    measure = _measure(period=period)
    warnings = check(measure, _row(period=_ocr(period.text or "")), 2568, "1", 1)
    assert [w.code for w in warnings] == ["ocr-unsure-period"]
    assert (measure.period.start, measure.period.end) == (None, None)


def test_a_period_cut_short_is_left_out() -> None:
    period = Period(text="ต.ค.๖๗-", start=date(2024, 10, 1), end=date(2024, 10, 31))
    measure = _measure(period=period)
    assert [w.code for w in check(measure, _row(period=_ocr("ต.ค.๖๗-")), 2568, "1", 1)] == [
        "ocr-unsure-period"
    ]


def test_a_period_whose_start_was_read_in_another_column_is_left_out() -> None:
    # A borderless scan put the period's first half in the unit's column: "ก.ย. ๖๘" alone
    # reads as September, a period the report never gave.
    period = Period(text="ก.ย. ๖๘", start=date(2025, 9, 1), end=date(2025, 9, 30))
    measure = _measure(period=period)
    row = _row(period=_ocr("ก.ย. ๖๘"), responsible=_ocr("สำนักปลัด ต.ค.๖๗ - PRA"))
    warnings = check(measure, row, 2568, "1.1", 3)
    assert [w.code for w in warnings] == ["ocr-period-split"]
    assert "ต.ค.๖๗ -" in warnings[0].message
    assert (measure.period.start, measure.period.end) == (None, None)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("มิ.ย. ๖๘", date(2025, 6, 1), date(2025, 6, 30)),
        ("๓๐ ก.ย. ๒๕๖๘", date(2025, 9, 30), date(2025, 9, 30)),
    ],
)
def test_one_date_alone_on_a_scan_is_no_period(text: str, start: date, end: date) -> None:
    # What OCR left of "ม.ค. ๖๘ - มิ.ย. ๖๘" whose first half it lost (a photocopy) reads as
    # June alone, a period the report never gave: as likely as a period written so, it is
    # left out with a warning.
    measure = _measure(period=Period(text=text, start=start, end=end))
    warnings = check(measure, _row(period=_ocr(text)), 2568, "2.2", 4)
    assert [w.code for w in warnings] == ["ocr-unsure-period"]
    assert "one date alone" in warnings[0].message
    assert (measure.period.start, measure.period.end) == (None, None)


def test_one_date_alone_from_a_text_layer_stands() -> None:
    period = Period(text="มิ.ย. ๖๘", start=date(2025, 6, 1), end=date(2025, 6, 30))
    measure = _measure(period=period)
    assert check(measure, _row(period=Cell([["มิ.ย. ๖๘"]])), 2568, "1", 1) == []
    assert measure.period.start == date(2025, 6, 1)


def test_a_whole_range_in_its_cell_stands_beside_dates_elsewhere() -> None:
    period = Period(text="ต.ค. ๖๗ - ก.ย. ๖๘", start=date(2024, 10, 1), end=date(2025, 9, 30))
    measure = _measure(period=period)
    row = _row(period=_ocr("ต.ค. ๖๗ - ก.ย. ๖๘"), results=_ocr("ประชุมเมื่อ ต.ค. ๖๗ - ๒ ครั้ง"))
    assert check(measure, row, 2568, "1.1", 3) == []
    assert measure.period.start == date(2024, 10, 1)


def test_a_misread_month_is_mended() -> None:
    text = "1 ๆลาคม 2567 - 30 กันยายน 2568"
    measure = _measure(period=Period(text=text))
    assert check(measure, _row(period=_ocr(text)), 2568, "1", 1) == []
    assert measure.period.text == "1 ตุลาคม 2567 - 30 กันยายน 2568"
    assert (measure.period.start, measure.period.end) == (date(2024, 10, 1), date(2025, 9, 30))


@pytest.mark.parametrize(
    ("read", "mended"),
    [
        ("1 ตุลาคม 2567 ถถง 31 มีนาคม 2568", "1 ตุลาคม 2567 ถึง 31 มีนาคม 2568"),
        ("ม.ค. 68 - ม-.ย. 68", "ม.ค. 68 - มิ.ย. 68"),
        ("A.A. ๖๗ - ก.ย. ๖๘", "A.A. ๖๗ - ก.ย. ๖๘"),  # Latin letters: nothing near enough
        # Dust read as points and commas beside the digits: no date has them.
        ("ตุลาคม 2,567 - 30 กันยายน ,2568", "ตุลาคม 2567 - 30 กันยายน 2568"),
        ("1 ตุลาคม 256,7 - 3,0 กันยายน 2568.", "1 ตุลาคม 2567 - 30 กันยายน 2568"),
        ("๑ ต.ค. ๒๕.๖,๗ - ๓๐ ก.ย. ๒๕๖๘", "๑ ต.ค. ๒๕๖๗ - ๓๐ ก.ย. ๒๕๖๘"),
        ("ม.ค. ๖,๘ - มิ.ย. ๖๘ .", "ม.ค. ๖๘ - มิ.ย. ๖๘"),
        ("ต.ค. 67, - ก.ย.68", "ต.ค. 67 - ก.ย.68"),  # a month's own dots stay
        # Specks between a date's words and numbers (speckle scan of seed 50).
        ('1 ตุลาคม.2567 - 30 กันยายน"2568', "1 ตุลาคม 2567 - 30 กันยายน 2568"),
        ("ต.ค.'6,7 - ก.ย. 68", "ต.ค. 67 - ก.ย. 68"),
        ("1 ตุลาคม 2567-.30 กันยายน 2568", "1 ตุลาคม 2567-30 กันยายน 2568"),
        ("1.ๆลาคม 2567 - 30 กันยายน 2568", "1 ตุลาคม 2567 - 30 กันยายน 2568"),
        ("ม.ค.68 - มิ.ย.68", "ม.ค.68 - มิ.ย.68"),
        # Points that may be the document's: a date written with points, a digit lost to a
        # comma (three digits make no year), are left for the checks to judge.
        ("1.10.67 - 30.9.68", "1.10.67 - 30.9.68"),
        ("ม.ค. 25,8", "ม.ค. 25,8"),
    ],
)
def test_mend_period(read: str, mended: str) -> None:
    assert mend_period(read) == mended


def test_a_period_cut_by_dust_reads_and_a_lost_digit_stays_unread() -> None:
    text = "1 ตุลาคม 256,7 - 30 กันยายน ,2568"
    measure = _measure(period=Period(text=text))
    assert check(measure, _row(period=_ocr(text)), 2568, "1", 1) == []
    assert (measure.period.start, measure.period.end) == (date(2024, 10, 1), date(2025, 9, 30))
    # "6" of "68" lost: "ม.ค. 6" names no year, and the start may not be taken from the end.
    cut = "ม.ค. 6, - มิ.ย. 68"
    measure = _measure(period=Period(text=cut))
    check(measure, _row(period=_ocr(cut)), 2568, "1", 1)
    assert measure.period.start is None


@pytest.mark.parametrize(
    ("read", "score"),
    [
        ("หน่วยงานผ่านการประเมินอยู่ที่ ๘๔.๑๓ ค่ะแนน", 84.13),
        ("อยู่ที่ 84.13 คะแนน่จากการประเมิน", 84.13),
        ("อยู่ที่ 84.13 คนแนน", None),  # a letter differs: not only specks
    ],
)
def test_a_score_unit_under_specks_is_mended(read: str, score: float | None) -> None:
    measure = Measure(number="1", title="มาตรการ", outcomes=[read])
    check(measure, _row(outcomes=_ocr(read)), 2568, "1", 1)
    assert measure.score == score
    assert ("คะแนน" in measure.outcomes[0]) == (score is not None)


def test_a_score_unit_mended_keeps_the_digits_doubt() -> None:
    read = "อยู่ที่ ๘๔.๑๓ ค่ะแนน"
    measure = Measure(number="1", title="มาตรการ", outcomes=[read])
    warnings = check(measure, _row(outcomes=_ocr(read, doubts=("๘๔.๑๓",))), 2568, "1", 1)
    assert measure.score is None
    assert [w.code for w in warnings] == ["ocr-unsure-score"]


def test_low_confidence_fields_are_named() -> None:
    row = _row(title=_ocr("มาตรการ"), responsible=_ocr("กองคลัง", confidence=41.0))
    warnings = check(_measure(), row, 2568, "2.1", 4)
    assert [(w.code, w.message) for w in warnings] == [
        (
            "ocr-low-confidence",
            "OCR read responsible with low confidence; check them against the page",
        )
    ]


def test_rows_read_from_a_text_layer_are_untouched() -> None:
    measure = _measure(score=55.031)
    assert check(measure, _row(outcomes=Cell([["๕๕.๐๓๑ คะแนน"]])), 2568, "1", 1) == []
    assert measure.score == 55.031


def test_a_score_whose_piece_ocr_doubted_is_left_out() -> None:
    # Tesseract cut "๙๑.๒๕" at its point; the shapes reread the piece "๙๐" with a thin
    # margin, and the number put together reads 90.25: the doubt is the score's.
    measure = Measure(number="1", title="มาตรการ", outcomes=["อยู่ที่ ๙๐.๒๕ คะแนน"], score=90.25)
    warnings = check(measure, _row(outcomes=_ocr("อยู่ที่ ๙๐.๒๕ คะแนน", ("๙๐",))), 2568, "1", 1)
    assert [w.code for w in warnings] == ["ocr-unsure-score"]
    assert measure.score is None
    # The same, Tesseract's cut left as a space beside the point ("๙๐ .๒๕"), as find_score
    # reads it whole.
    outcomes = ["อยู่ที่๙๐ .๒๕ คะแนน"]
    measure = Measure(number="1", title="มาตรการ", outcomes=outcomes, score=90.25)
    warnings = check(measure, _row(outcomes=_ocr(outcomes[0], ("๙๐",))), None, "1", 1)
    assert [w.code for w in warnings] == ["ocr-unsure-score"]
    assert measure.score is None
    # One digit doubted elsewhere in the cell is no piece of it.
    measure = Measure(number="1", title="มาตรการ", outcomes=["๒ ครั้ง ๙๒.๕๐ คะแนน"], score=92.5)
    assert check(measure, _row(outcomes=_ocr("๒ ครั้ง ๙๒.๕๐ คะแนน", ("๒",))), 2568, "1", 1) == []
    assert measure.score == 92.5


def test_a_period_of_decades_is_left_out_where_the_fiscal_year_is_unknown() -> None:
    # The title unread on the scan: no fiscal year to judge by, but no measure runs for
    # decades ("๒๕๖๗" read as "๒๕๒๖").
    text = "๑ ต.ค. ๒๕๒๖ - ๓๐ ก.ย. ๒๕๖๘"
    measure = _measure(period=Period(text=text, start=date(1983, 10, 1), end=date(2025, 9, 30)))
    warnings = check(measure, _row(period=_ocr(text)), None, "1", 1)
    assert [w.code for w in warnings] == ["ocr-unsure-period"]
    assert (measure.period.start, measure.period.end) == (None, None)
    text = "๑ ต.ค. ๒๕๖๗ - ๓๐ ก.ย. ๒๕๖๘"
    measure = _measure(period=Period(text=text, start=date(2024, 10, 1), end=date(2025, 9, 30)))
    assert check(measure, _row(period=_ocr(text)), None, "1", 1) == []


def test_a_score_written_with_a_leading_zero_is_left_out() -> None:
    # A signature over "๘๔": OCR read the blot as zeros. No one writes a score "00".
    measure = Measure(number="1", title="มาตรการ", outcomes=["อยู่ที่ร้อยละ 00"], score=0.0)
    warnings = check(measure, _row(outcomes=_ocr("อยู่ที่ร้อยละ 00")), 2568, "1", 1)
    assert [w.code for w in warnings] == ["ocr-unsure-score"]
    assert measure.score is None
    measure = Measure(number="1", title="มาตรการ", outcomes=["อยู่ที่ ๐ คะแนน"], score=0.0)
    assert check(measure, _row(outcomes=_ocr("อยู่ที่ ๐ คะแนน")), 2568, "1", 1) == []


def test_a_score_cell_read_as_no_number_on_a_scan_leaves_the_score_out(tmp_path: Path) -> None:
    """A stamp's ring over "๘๙.๐๗" in the NACC form's score column read as "เซ": the
    percentage the results state (ร้อยละ ๗๘) is another figure, not the assessment score
    (stamp scan of seed 50 gave 78.0 for 89.07, silently)."""
    from itaparse.readers.grid import Grid, Row, Table
    from itaparse.report import build_report

    def row(*cells: Cell) -> Row:
        return Row(list(cells))

    def text(t: str) -> Cell:
        return Cell([[t]])

    header = row(text("ประเด็น"), text("ผลการประเมิน (คะแนน)"), text("ผลการดำเนินงาน"))
    body = row(_ocr("i6 บุคลากรในหน่วยงาน"), _ocr("เซ"), _ocr("ผลการประเมินของมาตรการอยู่ที่ร้อยละ ๗๘"))
    grid = Grid(format="pdf", pages=1, blocks=[(None, Table([header, body]))])
    (tmp_path / "r.pdf").write_bytes(b"%PDF")
    report = build_report(grid, tmp_path / "r.pdf")
    assert [m.score for m in report.measures] == [None]
    assert [w.message for w in report.warnings if w.code == "unsure-score"] == [
        "the score column reads 'เซ', which is no score: left out"
    ]


def test_the_fiscal_year_is_in_doubt_only_where_its_own_reading_is(tmp_path: Path) -> None:
    """A period's "2568" OCR was unsure of in a cell is that cell's doubt: the title's year,
    read surely outside the table, stands (speckle, seed 50, lost the fiscal year and the
    periods read by it for a doubt in a cell). The title's own doubt still takes it."""
    from itaparse.readers.grid import Grid, Row, Table
    from itaparse.report import build_report

    header = Row([Cell([["มาตรการ"]]), Cell([["ระยะเวลา"]]), Cell([["ผลการดำเนินงาน"]])])
    body = Row([_ocr("1. มาตรการแรก"), _ocr("ตลอดปีงบประมาณ"), _ocr("ดำเนินการแล้ว")])
    title = "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม ประจำปีงบประมาณ พ.ศ. 2568"
    (tmp_path / "r.pdf").write_bytes(b"%PDF")

    def fiscal_year(**doubts: list[tuple[int, str]]) -> int | None:
        blocks: list[tuple[int | None, str | Table]] = [(1, title), (1, Table([header, body]))]
        grid = Grid(format="pdf", pages=1, blocks=blocks, ocr={1: 95.0}, **doubts)
        return build_report(grid, tmp_path / "r.pdf").fiscal_year

    assert fiscal_year(table_doubts=[(1, "2568")]) == 2568
    assert fiscal_year(doubts=[(1, "2568")]) is None
