"""File names that are not UTF-8: Thai names in TIS-620, as unzip leaves the files of a zip
made on Windows. They convert, and every output shows them as Thai text (issue 18)."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLES
from hypothesis import given
from hypothesis import strategies as st

from itaparse.paths import readable

COMMAND = [sys.executable, "-m", "itaparse"]
GOOD = SAMPLES / "portrait-loma-no-cover.docx"  # 4 measures
THAI = "รายงานผล"
TIS_NAME = THAI.encode("tis-620") + b".docx"  # not valid UTF-8


def _bytes_path(folder: Path, name: bytes) -> bytes:
    return os.fsencode(folder) + b"/" + name


def _run(*args: bytes | str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*COMMAND, *args], capture_output=True, cwd=cwd)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with a good report under a TIS-620 name, one under a UTF-8 name, and a broken
    file under a TIS-620 name."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(GOOD, _bytes_path(inputs, TIS_NAME))
    shutil.copy(GOOD, inputs / "ok.docx")
    with open(_bytes_path(inputs, "เสีย".encode("tis-620") + b".pdf"), "wb") as broken:
        broken.write(b"not a pdf")
    return inputs


def test_readable_decodes_each_part_as_utf8_then_thai_windows() -> None:
    tis = os.fsdecode(b"/data/" + "อำเภอ".encode() + b"/" + TIS_NAME)
    assert readable(tis) == f"/data/อำเภอ/{THAI}.docx"
    assert readable("/data/รายงาน.pdf") == "/data/รายงาน.pdf"  # valid text comes back as is
    # 0xFF is no character in UTF-8 nor in TIS-620: shown as an escape, never lost
    assert readable(os.fsdecode(b"/x/\xffa.pdf")) == "/x/\\xffa.pdf"


@given(st.binary(max_size=40))
def test_readable_always_gives_text_any_output_can_hold(name: bytes) -> None:
    text = readable(os.fsdecode(name.replace(b"\0", b"")))
    text.encode("utf-8")  # raises if a lone surrogate survived
    assert ("/" in text) == (b"/" in name)


def test_a_batch_with_tis620_names_converts_them(folder: Path, tmp_path: Path) -> None:
    done = _run(str(folder), "-o", str(tmp_path / "out"), "-q", cwd=tmp_path)
    assert done.returncode == 3  # the broken file failed; the others converted
    stderr = done.stderr.decode("utf-8")  # valid UTF-8: no surrogates printed
    assert f"error: {folder}/เสีย.pdf: not a PDF file (its content is something else)" in stderr
    table = (tmp_path / "out/reports.csv").read_text("utf-8-sig")
    reports = list(csv.DictReader(io.StringIO(table)))
    assert {(Path(r["source"]).name, r["status"]) for r in reports} == {
        (f"{THAI}.docx", "converted"),
        ("ok.docx", "converted"),
        ("เสีย.pdf", "failed"),
    }
    result = json.loads((tmp_path / "out" / f"{THAI}.docx.json").read_text("utf-8"))
    assert result["source"]["path"] == f"{folder}/{THAI}.docx"
    measures = (tmp_path / "out/measures.csv").read_text("utf-8-sig")
    assert measures.count(f"{THAI}.docx") == 4
    again = _run(str(folder), "-o", str(tmp_path / "out"), "-q", cwd=tmp_path)
    assert again.returncode == 3 and b"Traceback" not in again.stderr  # a re-run too


def test_a_single_tis620_name_converts_and_prints_as_thai(folder: Path) -> None:
    done = _run(TIS_NAME, "-o", "out.json", cwd=folder)
    assert done.returncode == 0, done.stderr
    assert json.loads((folder / "out.json").read_text("utf-8"))["source"]["path"] == (
        f"{THAI}.docx"
    )
    broken = _run("เสีย".encode("tis-620") + b".pdf", cwd=folder)
    assert broken.returncode == 1
    assert broken.stderr.decode("utf-8") == (
        "error: เสีย.pdf: not a PDF file (its content is something else)\n"
    )
