"""Scanned reports: image-only copies of the PDF samples (samples/scan.py: 200 dpi grayscale,
turned up to half a degree, blurred), read by OCR against the samples' truth."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import SAMPLES, needs_tesseract
from scoring import scan_score

import itaparse

sys.path.insert(0, str(SAMPLES))
from scan import scan

PDFS = sorted(SAMPLES.glob("*.pdf"))


@pytest.fixture(scope="session")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("scans")
    out = {}
    for seed, pdf in enumerate(PDFS):
        out[pdf.stem] = folder / pdf.name
        scan(pdf, out[pdf.stem], seed)
    return out


@pytest.fixture(scope="session")
def scores(scanned: dict[str, Path]) -> dict[str, dict[str, object]]:
    needs_tesseract()
    out = {}
    for name, path in scanned.items():
        truth = json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))
        got = itaparse.parse(path).model_dump(mode="json")
        out[name] = scan_score(truth, got)
    return out


@pytest.mark.parametrize("name", [p.stem for p in PDFS])
def test_scan_has_the_right_measures_and_no_silently_wrong_score(
    scores: dict[str, dict[str, object]], name: str
) -> None:
    score = scores[name]
    have, want = score["measures"]  # type: ignore[misc]
    assert have == want
    assert score["scores_wrong"] == []


def test_scans_read_most_structural_fields(scores: dict[str, dict[str, object]]) -> None:
    right = sum(int(s["right"]) for s in scores.values())  # type: ignore[call-overload]
    fields = sum(int(s["fields"]) for s in scores.values())  # type: ignore[call-overload]
    assert right / fields >= 0.95, f"{right} of {fields}"


def test_scan_records_its_ocr_pages(scanned: dict[str, Path]) -> None:
    needs_tesseract()
    report = itaparse.parse(scanned["portrait-loma-no-cover"])
    assert [p.page for p in report.source.ocr] == [1, 2, 3, 4]
    assert all(p.confidence is not None and 50 < p.confidence <= 100 for p in report.source.ocr)
    assert not itaparse.parse(SAMPLES / "portrait-loma-no-cover.pdf").source.ocr


def test_inspect_shows_the_ocr_pages_and_draws_their_cells(
    scanned: dict[str, Path], tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from itaparse.cli import app

    needs_tesseract()
    path = scanned["portrait-loma-no-cover"]
    result = CliRunner().invoke(app, ["inspect", str(path), "--debug-dir", str(tmp_path)])
    assert result.exit_code == 0
    assert "pages read by OCR (Tesseract's mean word confidence):" in result.stdout
    assert "table 1 (page 1, ocr, 4 rows x 6 columns): measures table" in result.stdout
    assert sorted(p.name for p in tmp_path.glob("*.png")) == [
        f"page-00{n}.png" for n in range(1, 5)
    ]
    text = CliRunner().invoke(app, ["text", str(path)]).stdout
    assert "มาตรการกำกับดูแลการใช้ทรัพย์สินของทางราชการ" in text
