from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pythainlp.util import arabic_digit_to_thai_digit

from itaparse.thai.numerals import parse_number, to_arabic


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("๘๗.๗๙", 87.79),
        ("๑๐๐", 100.0),
        ("๒๔,๕๔๗", 24547.0),
        ("1,250", 1250.0),
        (" 92.50 ", 92.5),
        ("๑,๒๓๔,๕๖๗.๕", 1234567.5),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "คะแนน", "12 34", "1,23", "๘๗.", "-"])
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_thai_and_arabic_digits_agree(whole: int, cents: int) -> None:
    arabic = f"{whole:,}.{cents:02d}"
    thai = str(arabic_digit_to_thai_digit(arabic))
    assert parse_number(thai) == parse_number(arabic) == pytest.approx(whole + cents / 100)


@given(st.text())
def test_to_arabic_keeps_length_and_non_digits(text: str) -> None:
    out = to_arabic(text)
    assert len(out) == len(text)
    assert all(a == b for a, b in zip(text, out, strict=True) if not ("๐" <= a <= "๙"))


@st.composite
def _spaced_score(draw: st.DrawFn) -> tuple[float, str]:
    """A score as a damaged text layer writes it: Thai or Arabic digits, with spaces put
    anywhere inside the number."""
    value = draw(st.integers(min_value=0, max_value=10000)) / 100
    written = f"{value:.2f}" if draw(st.booleans()) else f"{value:g}"
    if draw(st.booleans()):
        written = "".join("๐๑๒๓๔๕๖๗๘๙"[int(c)] if c.isdigit() else c for c in written)
    spaced = ""
    for c in written:
        spaced += c + " " * draw(st.integers(min_value=0, max_value=2))
    return value, spaced.strip()


@given(_spaced_score(), st.sampled_from(["อยู่ที่ {} คะแนน", "ผลการประเมิน {} คะแนน", "ร้อยละ {}"]))
def test_a_score_with_spaces_inside_is_read_whole_or_left_out_with_a_reason(
    case: tuple[float, str], template: str
) -> None:
    from itaparse.semantics import leading_score, score_doubt, stated_score

    value, written = case
    text = ("หน่วยงานผ่านการประเมิน " if "ร้อยละ" in template else "") + template.format(written)
    score, why = stated_score([text])
    assert score in (value, None), f"{text!r} read as {score}"
    assert (score is None) == (why is not None), f"{text!r}: {score}, {why}"
    assert leading_score(written) in (value, None)
    if leading_score(written) is None:
        assert score_doubt(written, [], []) is not None


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("อยู่ที่ ๙๑ .๒๕ คะแนน", 91.25),
        ("อยู่ที่ ๙๑. ๒๕ คะแนน", 91.25),
        ("อยู่ที่ 91 .25 คะแนน", 91.25),
        ("อยู่ที่ ๘๔ .๐๑ คะแนน", 84.01),
        ("อยู่ที่ ๙ ๑.๒๕ คะแนน", None),  # 91.25, or 9 and 1.25: not read
        # A scan's speck beside the decimal point: never read as its tail, "50".
        ("อยู่ที่ 95..50 คะแนน", None),
        ("อยู่ที่ ๙๕.,๕๐ คะแนน", None),
        ("เป้าหมาย 80 คะแนน ผลการประเมินอยู่ที่ 95..50 คะแนน", None),
    ],
)
def test_scores_cut_by_spaces_from_the_issue(text: str, score: float | None) -> None:
    from itaparse.semantics import stated_score

    assert stated_score([text])[0] == score


def test_a_measure_whose_score_cannot_be_read_whole_gives_none_and_says_why(
    tmp_path: Path,
) -> None:
    from itaparse.readers.grid import Cell, Grid, Row, Table
    from itaparse.report import build_report

    def row(texts: list[str]) -> Row:
        return Row([Cell([[t]]) for t in texts])

    header = row(["มาตรการ", "ผู้รับผิดชอบ", "ผลการดำเนินงาน"])
    body = [
        row(["๑. มาตรการแรก", "กองคลัง", "ผ่านการประเมินอยู่ที่ ๙ ๑.๒๕ คะแนน"]),
        row(["๒. มาตรการสอง", "กองช่าง", "ผ่านการประเมินอยู่ที่ ๙๑ .๒๕ คะแนน"]),
    ]
    grid = Grid(format="docx", pages=None, blocks=[(None, Table([header, *body]))])
    (tmp_path / "r.docx").write_bytes(b"PK")
    report = build_report(grid, tmp_path / "r.docx")
    assert [m.score for m in report.measures] == [None, 91.25]
    (warning,) = [w for w in report.warnings if w.measure == "1"]
    assert warning.code == "unsure-score"
    assert warning.message == "the score is written '9 1.25', with spaces inside it: left out"


def test_a_period_that_ends_before_it_starts_is_not_understood(tmp_path: Path) -> None:
    """Two cells' dates read as one period ("๑ ตุลาคม ๒๕๖๗ - ๓๐ กันยายน ๒๕๖๗" from a row cut
    wrongly) can end before they start: no dates, and the period-unparsed warning."""
    from itaparse.readers.grid import Cell, Grid, Row, Table
    from itaparse.report import build_report

    def row(texts: list[str]) -> Row:
        return Row([Cell([[t]]) for t in texts])

    header = row(["มาตรการ", "ระยะเวลาดำเนินการ", "ผลการดำเนินงาน"])
    body = row(["๑. มาตรการแรก", "๑ ตุลาคม ๒๕๖๘ - ๓๐ กันยายน ๒๕๖๗", "ผล"])
    grid = Grid(format="docx", pages=None, blocks=[(None, Table([header, body]))])
    (tmp_path / "r.docx").write_bytes(b"PK")
    report = build_report(grid, tmp_path / "r.docx")
    period = report.measures[0].period
    assert (period.start, period.end) == (None, None)
    assert "period-unparsed" in {w.code for w in report.warnings}


def test_a_score_with_a_doubled_point_says_why() -> None:
    from itaparse.semantics import stated_score

    assert stated_score(["อยู่ที่ 95..50 คะแนน"]) == (
        None,
        "the score is written '95..50', which is no number",
    )
