"""Word rows that lost a cell or their number (issue 18): each value stays under its own
heading or is left out, and the measure says what happened; never a silent shift."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from conftest import SAMPLES
from docx.shared import Twips

import itaparse
from itaparse.models import Measure, Report

SAMPLE = SAMPLES / "portrait-loma-no-cover.docx"  # rows: 0 header, 1 (1), 2-4 1.x, 5 (2), 6-7 2.x
# Unequal columns, as Word sizes them to their content
WIDTHS = [Twips(w) for w in (2600, 2300, 1500, 1300, 2700, 2000)]


def _measures(report: Report) -> dict[str, Measure]:
    return {f"{c.number}.{m.number}": m for c in report.categories for m in c.measures}


def _codes(report: Report, tag: str) -> list[str]:
    return [w.code for w in report.warnings if w.measure == tag]


def _mutated(tmp_path: Path, change: Callable[[Any], None], widths: bool) -> Report:
    document = docx.Document(str(SAMPLE))
    table = document.tables[0]
    if widths:
        for col, width in zip(table._tbl.tblGrid.gridCol_lst, WIDTHS, strict=True):
            col.w = width
        for tr in table._tbl.tr_lst:
            at = 0
            for tc in tr.tc_lst:
                tc.width = Twips(sum(w.twips for w in WIDTHS[at : at + tc.grid_span]))
                at += tc.grid_span
    change(table)
    path = tmp_path / "mutated.docx"
    document.save(str(path))
    return itaparse.parse(path)


def _drop_cell(row: int, col: int) -> Callable[[Any], None]:
    def change(table: Any) -> None:
        tc = table._tbl.tr_lst[row].tc_lst[col]
        tc.getparent().remove(tc)

    return change


@pytest.fixture(scope="module")
def whole() -> dict[str, Measure]:
    return _measures(itaparse.parse(SAMPLE))


@pytest.mark.parametrize("col", [1, 2, 3, 5])
def test_a_lost_cell_is_placed_by_the_widths_of_the_others(
    tmp_path: Path, whole: dict[str, Measure], col: int
) -> None:
    report = _mutated(tmp_path, _drop_cell(6, col), widths=True)
    measures = _measures(report)
    assert "cells-missing" in _codes(report, "2.1")
    fields = ("title", "methods", "responsible", "period", "results", "outcomes")
    for field in fields:
        got, want = getattr(measures["2.1"], field), getattr(whole["2.1"], field)
        if field == fields[col]:  # the lost cell's field is empty, never a neighbour's
            assert (got.text if field == "period" else got) in (None, [])
        else:
            assert got == want, field
    assert measures["2.1"].score == (None if fields[col] == "outcomes" else whole["2.1"].score)
    assert {k: m for k, m in measures.items() if k != "2.1"} == {
        k: m for k, m in whole.items() if k != "2.1"
    }


def test_a_lost_cell_the_widths_cannot_place_leaves_the_row_out(
    tmp_path: Path, whole: dict[str, Measure]
) -> None:
    # The sample's columns are alike: whichever cell went, the others fit every placement.
    report = _mutated(tmp_path, _drop_cell(6, 2), widths=False)
    measures = _measures(report)
    assert _codes(report, "2.1") == ["cells-missing"]  # no "no-score": one may be stated
    shifted = measures["2.1"]
    assert shifted.title == whole["2.1"].title
    assert (shifted.responsible, shifted.period.text, shifted.results, shifted.score) == (
        None,
        None,
        [],
        None,
    )
    assert {k: m for k, m in measures.items() if k != "2.1"} == {
        k: m for k, m in whole.items() if k != "2.1"
    }


def test_a_row_that_lost_its_number_is_numbered_by_its_place_and_says_so(
    tmp_path: Path, whole: dict[str, Measure]
) -> None:
    def unnumber(table: Any) -> None:
        for paragraph in table.rows[7].cells[0].paragraphs:
            for run in paragraph.runs:
                run.text = run.text.removeprefix("2. มาตรการ")

    report = _mutated(tmp_path, unnumber, widths=False)
    measures = _measures(report)
    assert _codes(report, "2.2") == ["number-missing"]
    assert measures["2.2"].title == whole["2.2"].title.removeprefix("มาตรการ")
    assert measures["2.2"].score == whole["2.2"].score  # its own row's: no neighbour's
    assert len(measures) == len(whole)


def test_unnumbered_tables_are_not_warned_of(tmp_path: Path) -> None:
    def unnumber_all(table: Any) -> None:
        for row in (2, 3, 6, 7):
            for paragraph in table.rows[row].cells[0].paragraphs:
                for run in paragraph.runs:
                    run.text = run.text.removeprefix("1. ").removeprefix("2. ")

    report = _mutated(tmp_path, unnumber_all, widths=False)
    assert "number-missing" not in {w.code for w in report.warnings}
    assert [m.number for c in report.categories for m in c.measures] == ["1", "2", "1", "2"]
