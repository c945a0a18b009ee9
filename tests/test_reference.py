"""The real report the project started from (../shared/reference), in both formats."""

from __future__ import annotations

import json

import pytest
from conftest import shared
from scoring import STRUCTURE, TEXT, misses

import itaparse


def _truth() -> dict[str, object]:
    data = json.loads(shared("reference", "seed-report.expected.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_docx_is_entirely_right() -> None:
    report = itaparse.parse(shared("reference", "seed-report.docx"))
    assert (
        misses(_truth(), report.model_dump(mode="json"), STRUCTURE + TEXT + ("fiscal_year",)) == []
    )


def test_pdf_structure_is_right() -> None:
    report = itaparse.parse(shared("reference", "seed-report.pdf"))
    assert misses(_truth(), report.model_dump(mode="json"), (*STRUCTURE, "fiscal_year")) == []
    assert len(report.categories) == 7 and len(report.measures) == 9
    assert report.source.pages == 11


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_metadata(fmt: str) -> None:
    report = itaparse.parse(shared("reference", f"seed-report.{fmt}"))
    assert (report.agency, report.province, report.fiscal_year) == ("เทศบาลตำบลแม่จัน", "ตาก", 2568)
    assert report.title is not None and report.title.startswith("รายงานผลการดำเนินการ")


def test_measure_cut_by_a_page_break() -> None:
    report = itaparse.parse(shared("reference", "seed-report.pdf"))
    second = report.categories[0].measures[1]
    assert second.pages == [3, 4]
    assert second.responsible == "ทุกกอง/ฝ่าย" or second.responsible.startswith("ทุกกอง/ฝ่")
    assert second.period.text == "ต.ค. ๖๗ - ก.ย. ๖๘"
    assert second.score == 87.79
