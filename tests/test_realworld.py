"""Real government PDFs with real text-layer damage (../shared/realworld; skipped without it)."""

from __future__ import annotations

import pdfplumber
import pytest
from conftest import needs_tesseract, shared
from scoring import recall_precision
from test_repair import _docx_text
from typer.testing import CliRunner

import itaparse
from itaparse.cli import app
from itaparse.plaintext import extract_text
from itaparse.thai.dictionary import token_share


def test_word2007_export_reads_as_its_docx_twin() -> None:
    pdf = shared("realworld", "word2007-staffing-plan.pdf")
    reference = _docx_text(shared("realworld", "word2007-staffing-plan.docx"))
    recall, precision = recall_precision(reference, extract_text(pdf))
    assert recall >= 0.99 and precision >= 0.99


@pytest.mark.parametrize(
    "name",
    [
        "powerpoint-strategy-indicators.pdf",
        "adobe-pua-ethics-rules-2564.pdf",
        "word2007-procurement-analysis-2562.pdf",
        "word2019-bribery-measures-monitoring-2567.pdf",
    ],
)
def test_repair_reads_as_thai_words(name: str) -> None:
    path = shared("realworld", name)
    repaired, _ = token_share(extract_text(path))
    with pdfplumber.open(str(path)) as pdf:  # what a user gets without itaparse
        raw, _ = token_share("\n".join(page.extract_text() or "" for page in pdf.pages))
    assert repaired is not None and raw is not None
    assert repaired >= 0.95 and repaired > raw


def test_scan_that_is_no_measures_report_is_refused_after_ocr() -> None:
    # A scanned memo: OCR reads it, and it holds no measures table.
    path = shared("realworld", "scanned-no-text-layer.pdf")
    result = CliRunner().invoke(app, [str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {path}: no measures table found")
    result = CliRunner().invoke(app, [str(path), "--no-ocr"])
    assert result.stderr == (
        f"error: {path}: the PDF has no text layer (a scan?) and OCR is off (--no-ocr)\n"
    )


def test_hospital_measures_table_reads_as_measures() -> None:
    # Columns ข้อที่, มาตรการป้องกันการรับสินบน, กลุ่มเป้าหมาย, …; items 1.1 under measure 1; the
    # follow-up period is one cell merged down over all five measures.
    path = shared("realworld", "word2019-bribery-measures-monitoring-2567.pdf")
    report = itaparse.parse(path)
    measures = report.measures
    assert [m.number for m in measures] == ["1", "2", "3", "4", "5"]
    assert measures[1].title == "มาตรการการใช้รถราชการ"
    assert measures[1].methods[0].startswith("ประกาศโรงพยาบาลน้ำยืน เรื่อง ระเบียบการใช้รถราชการ")
    assert all(m.period.text == "รอบ 12 เดือน" for m in measures)
    assert measures[0].extra["กลุ่มเป้าหมาย"] == "เจ้าหน้าที่รพ.น้ำยืน"
    assert (report.agency, report.fiscal_year) == ("โรงพยาบาลน้ำยืน", 2567)


def _score_py() -> object:
    import importlib.util

    spec = importlib.util.spec_from_file_location("score", shared("bench", "score.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ethics_club_plan_results_form_meets_its_hand_checked_truth() -> None:
    # The public-health ministry's form ๒: subject กิจกรรม, header in two rows with tick columns
    # under "การดำเนินงาน", no categories, repeated header on page 2.
    import json

    name = "word2019-ethics-club-plan-results-2567"
    truth = json.loads(shared("realworld", "truth", f"{name}.json").read_text(encoding="utf-8"))
    report = itaparse.parse(shared("realworld", f"{name}.pdf"))
    got = json.loads(report.model_dump_json())
    right, total = _score_py().score_doc(truth, got)  # type: ignore[attr-defined]
    assert right / total >= 0.95
    assert [m.status for m in report.measures] == ["done"] * 10
    assert [(c.number, c.title) for c in report.categories] == [(None, None)]


def test_risk_plan_results_reads_the_ticked_checkbox_as_status() -> None:
    report = itaparse.parse(shared("realworld", "word2019-risk-plan-results-2567.pdf"))
    measures = report.measures
    assert [m.number for m in measures] == ["1", "2", "3", "4"]
    assert measures[0].title == "กระบวนการจัดซื้อจัดจ้างไม่เป็นไปตามระเบียบ"
    assert {m.status for m in measures} == {"เฝ้าระวังและติดตามต่อเนื่อง"}
    assert measures[2].results[0].startswith("ควบคุม กำกับ เจ้าหน้าที่ที่ปฏิบัติงาน")
    # The agency is named in a title row inside the table; the year only in the report's date.
    assert (report.agency, report.fiscal_year) == ("โรงพยาบาลน้ำยืน", 2567)


@pytest.mark.parametrize(
    "name",
    [
        "not-measures-announcement-in-prose.pdf",
        "not-measures-complaints-summary-2567.pdf",
        "not-measures-ethics-project-report.pdf",
        "not-measures-indicator-template.pdf",
    ],
)
def test_documents_that_are_not_measures_reports_are_refused(name: str) -> None:
    path = shared("realworld", name)
    result = CliRunner().invoke(app, [str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {path}: no measures table found")


@pytest.mark.parametrize(
    "name", ["scanned-no-text-layer.pdf", "text-drawn-as-outlines-consent-form.pdf"]
)
def test_ocr_of_pages_without_a_text_layer_reads_as_thai_words(name: str) -> None:
    # Raw Tesseract (tha+eng, 300 dpi, whole page) reads 90% and 93% dictionary words here:
    # the cleaning (dotted lines erased, marks lines dropped, marks restored) must add to it.
    path = shared("realworld", name)
    needs_tesseract()
    share, tokens = token_share(extract_text(path))
    assert tokens > 400
    assert share is not None and share >= 0.92
