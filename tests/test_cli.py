"""The command line through typer's CliRunner: exact exit codes, messages and files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES
from typer.testing import CliRunner

from itaparse import __version__
from itaparse.cli import app, schema_json

SAMPLE = SAMPLES / "portrait-loma-no-cover.docx"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_json_to_stdout_without_subcommand(runner: CliRunner) -> None:
    result = runner.invoke(app, [str(SAMPLE)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["agency"] == "เทศบาลนครแม่สอด"
    assert "\\u0e" not in result.stdout  # Thai is written as Thai, not escaped


def test_options_may_come_before_the_file(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["-q", "-o", str(out), str(SAMPLE)])
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(out.read_text(encoding="utf-8"))["agency"] == "เทศบาลนครแม่สอด"
    assert runner.invoke(app, ["-q"]).exit_code == 2  # no file: a command-line mistake


def test_json_file_matches_parse_subcommand(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    assert runner.invoke(app, [str(SAMPLE), "-o", str(out)]).exit_code == 0
    again = runner.invoke(app, ["parse", str(SAMPLE)])
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(again.stdout)


def test_csv_by_extension_has_bom_and_one_row_per_measure(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "out.csv"
    result = runner.invoke(app, [str(SAMPLE), "-o", str(out)])
    assert result.exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 4
    assert rows[0]["category_number"] == "1" and rows[0]["measure_number"] == "1"
    assert rows[0]["period_start"] == "2024-10-01"
    assert len(rows[0]["methods"].split("\n")) == 2


def test_format_option_overrides(runner: CliRunner) -> None:
    result = runner.invoke(app, [str(SAMPLE), "--format", "csv"])
    assert result.exit_code == 0
    assert result.stdout.startswith("source,agency,district,province,agency_type,agency_name,")


def test_warnings_go_to_stderr(runner: CliRunner) -> None:
    result = runner.invoke(app, [str(SAMPLE)])
    assert result.stderr == (f"warning: {SAMPLE}: 1.1: no assessment score stated\n")
    assert runner.invoke(app, [str(SAMPLE), "-q"]).stderr == ""


def test_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["nope.pdf", "-o", str(out)])
    assert (result.exit_code, result.stderr) == (1, "error: nope.pdf: no such file\n")
    assert not out.exists()


def test_unsupported_type(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("hello")
    result = runner.invoke(app, [str(path)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {path}: unsupported file type '.txt'; expected .pdf, .docx or .doc\n"
    )


def test_document_without_measures_table(runner: CliRunner, tmp_path: Path) -> None:
    import docx

    path = tmp_path / "letter.docx"
    document = docx.Document()
    document.add_paragraph("บันทึกข้อความ")
    document.add_table(rows=2, cols=2).cell(0, 0).text = "ตัวชี้วัด"
    document.save(str(path))
    out = tmp_path / "out.json"
    result = runner.invoke(app, [str(path), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {path}: no measures table found")
    assert not out.exists()
    assert "Traceback" not in result.output


def test_corrupt_pdf(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\nthis is not a pdf")
    result = runner.invoke(app, [str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {path}: ")
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_bad_command_line_exits_2(runner: CliRunner) -> None:
    assert runner.invoke(app, [str(SAMPLE), "--format", "xml"]).exit_code == 2
    assert runner.invoke(app, [str(SAMPLE), "-o", "out.txt"]).exit_code == 2
    assert runner.invoke(app, [str(SAMPLE), "--no-such-option"]).exit_code == 2


def test_version_and_help(runner: CliRunner) -> None:
    assert runner.invoke(app, ["--version"]).stdout == f"itaparse {__version__}\n"
    help_text = runner.invoke(app, ["--help"]).stdout
    assert "parse" in help_text and "schema" in help_text


def test_schema_command_prints_the_checked_in_schema(runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema"])
    checked_in = (ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8")
    assert result.stdout == schema_json()
    assert checked_in == schema_json(), "schemas/report.schema.json is stale: itaparse schema > it"


def test_output_file_gets_ordinary_permissions(runner: CliRunner, tmp_path: Path) -> None:
    import os

    out = tmp_path / "out.json"
    assert runner.invoke(app, [str(SAMPLE), "-o", str(out)]).exit_code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left


def test_several_reports_as_json_are_a_list(runner: CliRunner) -> None:
    result = runner.invoke(app, [str(SAMPLE), str(SAMPLE), "-q"])
    assert result.exit_code == 0
    assert [r["agency"] for r in json.loads(result.stdout)] == ["เทศบาลนครแม่สอด"] * 2


def test_parquet(runner: CliRunner, tmp_path: Path) -> None:
    import pandas as pd

    out = tmp_path / "measures.parquet"
    assert runner.invoke(app, [str(SAMPLE), "-o", str(out), "-q"]).exit_code == 0
    frame = pd.read_parquet(out)
    assert list(frame.columns)[:4] == ["source", "agency", "district", "province"]
    assert frame["score"].tolist()[1:] == [89.75, 91.25, 95.5]
    assert runner.invoke(app, [str(SAMPLE), "--format", "parquet"]).exit_code == 2


def test_csv_on_stdout_has_no_bom(runner: CliRunner) -> None:
    result = runner.invoke(app, [str(SAMPLE), "-f", "csv", "-q"])
    assert result.stdout_bytes.startswith(b"source,")


def test_errors_survive_pickling() -> None:
    import pickle

    from itaparse.errors import InputNotFoundError

    error = pickle.loads(pickle.dumps(InputNotFoundError("x.pdf", "no such file")))
    assert (type(error), str(error), error.what) == (
        InputNotFoundError,
        "x.pdf: no such file",
        "no such file",
    )


def test_output_that_is_an_input_or_has_no_folder_is_refused_before_parsing(
    runner: CliRunner, tmp_path: Path
) -> None:
    report = tmp_path / "x.docx"
    report.write_bytes(SAMPLE.read_bytes())
    for args in (
        [str(report), "-o", str(report), "--format", "json"],
        ["text", str(report), "-o", str(report)],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2
        assert f"Invalid value for '-o': {report} is one of the inputs" in result.stderr
    assert report.read_bytes() == SAMPLE.read_bytes()
    nowhere = tmp_path / "missing" / "out.json"
    result = runner.invoke(app, [str(report), "-o", str(nowhere)])
    assert result.exit_code == 2
    assert f"cannot write {nowhere}: no folder {nowhere.parent}" in result.stderr


def _damaged_copy(tmp_path: Path, nth: int) -> Path:
    """The nth of a fixed series of copies of a sample PDF with random bytes changed."""
    import random

    data = (SAMPLES / "portrait-loma-no-cover.pdf").read_bytes()
    rng = random.Random(3)
    for _ in range(nth):
        damaged = bytes(d if rng.random() > 0.0005 else rng.randrange(256) for d in data)
    path = tmp_path / "damaged.pdf"
    path.write_bytes(damaged)
    return path


def test_pdfminer_log_lines_stay_off_the_terminal(runner: CliRunner, tmp_path: Path) -> None:
    # pdfminer logs a hundred warnings on this damaged copy, which parses to no table.
    path = _damaged_copy(tmp_path, 9)
    for args in ([str(path)], [str(path), "-q"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1
        assert result.stderr.splitlines() == [
            f"error: {path}: no measures table found (no table has a subject column, such as "
            "มาตรการ or กิจกรรม, with results, a status or the plan's columns)"
        ]


def test_csv_and_parquet_carry_every_field_typed(runner: CliRunner, tmp_path: Path) -> None:
    import datetime

    import pandas as pd

    report = SAMPLES / "landscape-norasi-synonyms-extra-columns.docx"
    out = tmp_path / "m.parquet"
    assert runner.invoke(app, [str(report), "-q", "-o", str(out)]).exit_code == 0
    frame = pd.read_parquet(out)
    first = frame.iloc[0]
    assert isinstance(first["period_start"], datetime.date)
    assert (first["budget"], first["fiscal_year"]) == (50000.0, 2568)
    assert str(frame["fiscal_year"].dtype) == "Int64"
    assert json.loads(first["extra"])["หมายเหตุ"] == "ดำเนินการแล้วเสร็จ"
    assert first["indicators"] == "ผู้รับบริการพึงพอใจไม่น้อยกว่าร้อยละ ๘๐"
    result = runner.invoke(app, [str(report), "-q", "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["period_start"] == "2024-10-01"
    assert rows[0]["budget"] == "50000.0"


def test_a_pdf_the_reader_had_to_repair_says_so(runner: CliRunner, tmp_path: Path) -> None:
    # This damaged copy still parses: its data may differ from the document's, and the
    # report must tell.
    path = _damaged_copy(tmp_path, 7)
    result = runner.invoke(app, [str(path)])
    assert result.exit_code == 0
    codes = [w["code"] for w in json.loads(result.stdout)["warnings"]]
    assert "damaged-file" in codes
    damage = f"warning: {path}: the file is damaged: page 1: its content cannot be read whole"
    assert damage in result.stderr and "more repaired or skipped while reading" in result.stderr
    assert "page 1 of the file is damaged, not read whole" in result.stderr  # on its measures
