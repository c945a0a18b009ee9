"""`itaparse summary`: a batch in one table per province and agency type."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SAMPLES
from typer.testing import CliRunner

from itaparse.cli import app

LOMA = SAMPLES / "portrait-loma-no-cover.docx"  # เทศบาลนครแม่สอด, ตาก
UMPUSH = SAMPLES / "portrait-umpush-five-columns.docx"  # อบต.บ้านใหม่, พระนครศรีอยุธยา


def test_summary_of_reports_by_province_and_agency_type() -> None:
    result = CliRunner().invoke(app, ["summary", str(LOMA), str(UMPUSH), "-j", "1", "-f", "csv"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "province,province_code,agency_type,agencies,reports,measures,scored_share,"
        "mean_score,median_score,warnings",
        "พระนครศรีอยุธยา,14,องค์การบริหารส่วนตำบล,1,1,6,0.833,92.2,90.0,1",
        "ตาก,63,เทศบาลนคร,1,1,4,0.75,92.17,91.25,1",
    ]


def test_summary_of_a_batch_folder_reads_its_reports_back(tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner = CliRunner()
    assert (
        runner.invoke(app, [str(LOMA), str(LOMA.with_suffix(".pdf")), "-o", f"{out}/"]).exit_code
        == 0
    )
    result = runner.invoke(app, ["summary", str(out), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    (row,) = json.loads(result.stdout)
    # One agency, reported twice (its PDF and its DOCX).
    assert (row["province"], row["agency_type"], row["agencies"], row["reports"]) == (
        "ตาก",
        "เทศบาลนคร",
        1,
        2,
    )


def test_summary_as_markdown_and_a_plot(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from matplotlib import font_manager

    if not any(f.name == "Loma" for f in font_manager.fontManager.ttflist):
        pytest.skip("no TLWG Thai font (fonts-thai-tlwg)")
    png = tmp_path / "mean.png"
    result = CliRunner().invoke(app, ["summary", str(LOMA), "-j", "1", "--plot", str(png)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[2] == (
        "| ตาก | 63 | เทศบาลนคร | 1 | 1 | 4 | 75% | 92.17 | 91.25 | 1 |"
    )
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_summary_format_mistake_exits_2() -> None:
    result = CliRunner().invoke(app, ["summary", str(LOMA), "-f", "xml"])
    assert result.exit_code == 2 and "'xml' is not one of markdown, csv, json" in result.stderr
