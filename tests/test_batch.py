"""Batches: folders in and out, workers that cannot lose the batch, time limits, resume,
Ctrl-C, the combined tables, and Dask."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import faults
import pytest
from conftest import ROOT, SAMPLES
from typer.testing import CliRunner

import itaparse.batch
from itaparse.batch import parse_many
from itaparse.cli import app

GOOD_DOCX = SAMPLES / "portrait-loma-no-cover.docx"  # 4 measures
GOOD_PDF = SAMPLES / "portrait-umpush-five-columns.pdf"  # 6 measures


def _table(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def mixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of two good reports, an empty PDF, a report that makes the parser raise an
    unexpected exception and one that never finishes; faults armed in the workers."""
    folder = tmp_path / "in"
    (folder / "amphoe").mkdir(parents=True)
    shutil.copy(GOOD_DOCX, folder / "good.docx")
    shutil.copy(GOOD_PDF, folder / "amphoe" / "good.pdf")
    (folder / "empty.pdf").write_bytes(b"")
    shutil.copy(GOOD_DOCX, folder / "explodes.docx")
    shutil.copy(GOOD_DOCX, folder / "hangs.docx")
    (folder / "notes.txt").write_text("not a report", encoding="utf-8")
    monkeypatch.setattr(itaparse.batch, "convert", faults.convert)
    return folder


@pytest.mark.parametrize(
    "how", [["-j", "1"], ["-j", "2"], ["--dask", "local", "-j", "2"]], ids=["j1", "j2", "dask"]
)
def test_mixed_batch_into_a_folder(
    runner: CliRunner, mixed: Path, tmp_path: Path, how: list[str]
) -> None:
    if how[0] == "--dask":
        pytest.importorskip("distributed")
    out = tmp_path / "out"
    result = runner.invoke(app, [str(mixed), "-o", f"{out}/", "--timeout", "3", "-q", *how])
    assert result.exit_code == 3, result.output
    lines = result.stderr.splitlines()
    assert lines[-1] == f"error: 3 of 5 files failed: see {out / 'errors.csv'}"
    assert sorted(lines[:-1]) == [
        f"error: {mixed / 'empty.pdf'}: the file is empty",
        f"error: {mixed / 'explodes.docx'}: itaparse failed on this file "
        "(IndexError: list index out of range); please report it",
        f"error: {mixed / 'hangs.docx'}: stopped after 3 s (--timeout)",
    ]
    reports = _table(out / "reports.csv")
    assert [(r["source"], r["status"], r["measures"]) for r in reports] == [
        (str(mixed / "amphoe" / "good.pdf"), "converted", "6"),
        (str(mixed / "empty.pdf"), "failed", ""),
        (str(mixed / "explodes.docx"), "failed", ""),
        (str(mixed / "good.docx"), "converted", "4"),
        (str(mixed / "hangs.docx"), "failed", ""),
    ]
    assert reports[3]["agency"] == "เทศบาลนครแม่สอด" and len(reports[0]["sha256"]) == 64
    errors = _table(out / "errors.csv")
    assert [(e["source"], e["error_type"]) for e in errors] == [
        (str(mixed / "empty.pdf"), "CorruptDocumentError"),
        (str(mixed / "explodes.docx"), "InternalError"),
        (str(mixed / "hangs.docx"), "TimeLimitError"),
    ]
    measures = _table(out / "measures.csv")
    assert [r["source"] for r in measures] == [str(mixed / "amphoe" / "good.pdf")] * 6 + [
        str(mixed / "good.docx")
    ] * 4
    # One JSON per report, mirroring the input folder; the traceback in the log only.
    report = json.loads((out / "amphoe" / "good.pdf.json").read_text(encoding="utf-8"))
    assert len([m for c in report["categories"] for m in c["measures"]]) == 6
    assert not (out / "explodes.docx.json").exists()
    log = (out / "itaparse.log").read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log and "IndexError" in log
    assert "Traceback" not in result.output


def test_a_rerun_keeps_what_is_unchanged_and_redoes_what_changed(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    shutil.copy(GOOD_DOCX, folder / "a.docx")
    shutil.copy(GOOD_PDF, folder / "b.pdf")
    assert runner.invoke(app, [str(folder), "-o", str(out), "-j", "1"]).exit_code == 0
    first = _table(out / "measures.csv")
    shutil.copy(SAMPLES / "portrait-garuda-arabic-digits.docx", folder / "a.docx")
    result = runner.invoke(app, [str(folder), "-o", str(out), "-j", "1"])
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == "1 file unchanged since the last run: kept"
    assert f"[1/1] {folder / 'a.docx'}: 6 measures" in result.stderr
    second = _table(out / "measures.csv")
    assert [r for r in second if r["source"].endswith("b.pdf")] == [
        r for r in first if r["source"].endswith("b.pdf")
    ]
    assert len(second) == 12
    manifest = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["name"] for line in manifest) == ["a.docx", "b.pdf"]


def test_inputs_deleted_since_the_last_run_leave_nothing_behind(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    (folder / "amphoe").mkdir(parents=True)
    shutil.copy(GOOD_DOCX, folder / "a.docx")
    shutil.copy(GOOD_PDF, folder / "amphoe" / "b.pdf")
    assert runner.invoke(app, [str(folder), "-o", str(out), "-j", "1"]).exit_code == 0
    alone = tmp_path / "alone.docx"  # given by name, into the same folder: not the folder's
    shutil.copy(GOOD_DOCX, alone)
    assert runner.invoke(app, [str(alone), "-o", f"{out}/", "-j", "1"]).exit_code == 0
    (folder / "amphoe" / "b.pdf").unlink()
    result = runner.invoke(app, [str(folder), "-o", str(out), "-j", "1"])
    assert result.exit_code == 0
    assert "1 removed (their inputs are gone)" in result.stderr
    assert not (out / "amphoe").exists()  # its JSON, and the folder that mirrored amphoe/
    # the tables list what the folder holds, this run's inputs first, as summary counts it
    assert [r["source"] for r in _table(out / "reports.csv")] == [
        str(folder / "a.docx"),
        str(alone),
    ]
    manifest = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["name"] for line in manifest) == ["a.docx", "alone.docx"]
    summary = runner.invoke(app, ["summary", str(out), "-f", "csv"])
    assert summary.exit_code == 0
    assert [r["reports"] for r in _table_text(summary.stdout)] == ["2"]  # a.docx and alone


def _table_text(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def test_failures_are_kept_until_retried(
    runner: CliRunner, mixed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    (mixed / "hangs.docx").unlink()
    (mixed / "empty.pdf").unlink()
    assert runner.invoke(app, [str(mixed), "-o", str(out), "-q", "-j", "1"]).exit_code == 3
    monkeypatch.setattr(itaparse.batch, "convert", faults._real_convert)  # the bug is fixed
    again = runner.invoke(app, [str(mixed), "-o", str(out), "-q", "-j", "1"])
    assert again.exit_code == 3  # the failure stands: same file, same version
    retried = runner.invoke(app, [str(mixed), "-o", str(out), "-j", "1", "--retry-failed"])
    assert retried.exit_code == 0, retried.output
    assert "2 files unchanged since the last run: kept" in retried.stderr
    assert [r["status"] for r in _table(out / "reports.csv")] == ["converted"] * 3
    assert _table(out / "errors.csv") == []


def test_ctrl_c_keeps_the_files_that_finished(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    # Enough files that a loaded machine cannot finish them all between the check and the signal.
    pdfs = [f"{n}-{pdf.name}" for n in range(3) for pdf in sorted(SAMPLES.glob("*.pdf"))]
    for name in pdfs:
        shutil.copy(SAMPLES / name.split("-", 1)[1], folder / name)
    command = [sys.executable, "-m", "itaparse", str(folder), "-o", str(out), "-j", "1", "-q"]
    code, stderr = faults.interrupted(command, out, ROOT)
    assert code == 130, stderr
    assert stderr.endswith("the same command goes on from there\n")
    manifest = out / "manifest.jsonl"
    done = [json.loads(line)["name"] for line in manifest.read_text(encoding="utf-8").splitlines()]
    assert 2 <= len(done) < len(pdfs)
    assert sorted(p.name for p in out.glob("*.pdf.json")) == sorted(f"{n}.json" for n in done)
    assert len({r["source"] for r in _table(out / "measures.csv")}) == len(done)
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    # The same command goes on: only the rest is parsed.
    command[-2] = "2"
    rest = subprocess.run(command, cwd=ROOT, stderr=subprocess.PIPE, text=True, check=False)
    assert rest.returncode == 0, rest.stderr
    assert len(_table(out / "reports.csv")) == len(pdfs)


def test_tables_as_parquet_and_xlsx(runner: CliRunner, tmp_path: Path) -> None:
    import datetime

    import pandas as pd

    inputs = [str(GOOD_DOCX), str(tmp_path / "missing.pdf")]
    pq, xl = tmp_path / "pq", tmp_path / "xl"
    assert runner.invoke(app, [*inputs, "-o", str(pq), "-f", "parquet", "-q"]).exit_code == 3
    measures = pd.read_parquet(pq / "measures.parquet")
    assert isinstance(measures["period_start"].iloc[0], datetime.date)
    assert str(measures["fiscal_year"].dtype) == "Int64"
    reports = pd.read_parquet(pq / "reports.parquet")
    assert reports["status"].tolist() == ["converted", "failed"]
    assert str(reports["measures"].dtype) == "Int64" and pd.isna(reports["measures"].iloc[1])
    assert pd.read_parquet(pq / "errors.parquet")["error"].tolist() == ["no such file"]

    assert runner.invoke(app, [*inputs, "-o", f"{xl}/", "-f", "xlsx", "-q"]).exit_code == 3
    sheets = pd.read_excel(xl / "tables.xlsx", sheet_name=None)
    assert list(sheets) == ["measures", "reports", "errors"]
    assert sheets["measures"]["agency"].tolist() == ["เทศบาลนครแม่สอด"] * 4


def test_folder_output_mistakes_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    a_file = tmp_path / "results"
    a_file.write_text("", encoding="utf-8")
    result = runner.invoke(app, [str(GOOD_DOCX), "-o", str(a_file)])
    assert result.exit_code == 2 and "is a file, not a folder" in result.stderr
    result = runner.invoke(app, [str(GOOD_DOCX), "-o", f"{tmp_path}/out/", "-f", "json"])
    assert result.exit_code == 2 and "a folder gets one JSON per report" in result.stderr
    result = runner.invoke(app, [str(tmp_path), "-o", str(tmp_path)])
    assert result.exit_code == 2 and "is one of the inputs" in result.stderr


def test_same_relative_names_from_two_folders_both_kept(runner: CliRunner, tmp_path: Path) -> None:
    for side in ("north", "south"):
        (tmp_path / side).mkdir()
        shutil.copy(GOOD_DOCX, tmp_path / side / "report.docx")
    out = tmp_path / "out"
    args = [str(tmp_path / "north"), str(tmp_path / "south"), "-o", str(out), "-q", "-j", "1"]
    assert runner.invoke(app, args).exit_code == 0
    assert sorted(p.name for p in out.glob("*.json")) == ["report.docx.json", "report~2.docx.json"]


def test_several_inputs_into_one_file(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "empty.pdf"
    bad.write_bytes(b"")
    out = tmp_path / "all.csv"
    result = runner.invoke(
        app, [str(GOOD_DOCX), str(bad), str(GOOD_PDF), "-o", str(out), "-j", "1"]
    )
    assert result.exit_code == 3
    assert result.stderr == (
        f"[1/3] {GOOD_DOCX}: 4 measures\n"
        f"error: {bad}: the file is empty\n"
        f"[3/3] {GOOD_PDF}: 6 measures\n"
        "error: 1 of 3 files failed; the output holds the other 2\n"
    )
    assert {r["source"] for r in _table(out)} == {str(GOOD_DOCX), str(GOOD_PDF)}
    only_bad = runner.invoke(app, [str(bad), str(tmp_path / "missing.pdf"), "-q"])
    assert only_bad.exit_code == 1 and only_bad.stdout == ""


def test_jobs_give_the_same_output_in_the_same_order(runner: CliRunner, tmp_path: Path) -> None:
    files = [str(SAMPLES / f"{n}.pdf") for n in ("portrait-loma-no-cover", "fpdf-clean-text-layer")]
    files.append(str(GOOD_DOCX))
    serial, parallel = tmp_path / "serial.csv", tmp_path / "parallel.csv"
    assert runner.invoke(app, [*files, "-o", str(serial), "-q", "-j", "1"]).exit_code == 0
    result = runner.invoke(app, [*files, "-o", str(parallel), "-q", "--jobs", "2"])
    assert result.exit_code == 0
    assert parallel.read_bytes() == serial.read_bytes()
    assert runner.invoke(app, [*files, "--jobs", "0"]).exit_code == 2


def test_parse_many_keeps_the_order_and_collects_failures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(itaparse.batch, "convert", faults.convert)
    odd = tmp_path / "explodes.docx"
    shutil.copy(GOOD_DOCX, odd)
    batch = parse_many([GOOD_PDF, odd, tmp_path / "missing.pdf", GOOD_DOCX], jobs=2)
    assert [r.source.path for r in batch.reports] == [str(GOOD_PDF), str(GOOD_DOCX)]
    assert [type(f).__name__ for f in batch.failures] == ["InternalError", "InputNotFoundError"]
    assert str(batch.failures[1]) == f"{tmp_path / 'missing.pdf'}: no such file"


def test_a_batch_on_a_terminal_shows_a_bar_and_a_summary(tmp_path: Path) -> None:
    # A pseudo-terminal, as a user's: the bar is drawn and cleared, the summary stays.
    pty = pytest.importorskip("pty")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "itaparse", str(GOOD_DOCX), str(GOOD_PDF), "-o", str(out)]
    chunks: list[bytes] = []

    def read(fd: int) -> bytes:
        data = os.read(fd, 4096)
        chunks.append(data)
        return data

    status = pty.spawn(command, read)
    text = b"".join(chunks).decode("utf-8", "replace")
    assert os.waitstatus_to_exitcode(status) == 0
    assert "2/2" in text and "0 failed" in text  # the bar, drawn then cleared
    assert "2 converted, 0 failed, 0 kept from the last run; 10 measures" in text


def test_dask_gives_the_same_rows_as_local_workers(runner: CliRunner, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    inputs = [str(p) for p in sorted(SAMPLES.glob("portrait-*.docx"))] + [str(GOOD_PDF)]
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert runner.invoke(app, [*inputs, "-o", str(local), "-q", "-j", "2"]).exit_code == 0
    args = [*inputs, "-o", str(dask), "-q", "--dask", "local", "-j", "2"]
    assert runner.invoke(app, args).exit_code == 0
    assert (dask / "measures.csv").read_bytes() == (local / "measures.csv").read_bytes()
    timeless = [
        [{k: v for k, v in row.items() if k != "seconds"} for row in _table(out / "reports.csv")]
        for out in (local, dask)
    ]
    assert timeless[0] == timeless[1] and len(timeless[0]) == len(inputs)


def test_documents_that_are_not_measures_reports_are_listed_not_failed(
    runner: CliRunner, tmp_path: Path
) -> None:
    """An agency's ITA folder holds other documents: they are listed as not-measures in
    reports.csv with the reason, kept out of errors.csv, and the batch exits 0."""
    from docx import Document

    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    shutil.copy(GOOD_DOCX, folder / "report.docx")
    document = Document()
    document.add_paragraph("ประกาศเทศบาลเมืองตัวอย่าง เรื่อง เจตจำนงสุจริตของผู้บริหาร")
    document.add_paragraph("ข้าพเจ้าขอประกาศเจตจำนงว่าจะปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริต")
    document.save(str(folder / "announcement.docx"))
    result = runner.invoke(app, [str(folder), "-o", f"{out}/", "-j", "1"])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[0].startswith(
        f"not a measures report: {folder / 'announcement.docx'}: no measures table found"
    )
    assert lines[-1].startswith("1 converted, 0 failed, 1 not measures reports, 0 kept from")
    reports = _table(out / "reports.csv")
    assert [(r["source"], r["status"], r["kind"]) for r in reports] == [
        (str(folder / "announcement.docx"), "not-measures", ""),
        (str(folder / "report.docx"), "converted", "results-report"),
    ]
    assert reports[0]["error"].startswith("NoMeasuresTableError: no measures table found")
    assert _table(out / "errors.csv") == []
    assert not (out / "announcement.docx.json").exists()
    again = runner.invoke(app, [str(folder), "-o", f"{out}/", "-j", "1"])
    assert again.exit_code == 0 and "2 files unchanged since the last run: kept" in again.stderr
