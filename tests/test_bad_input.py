"""Bad input: one clear line on stderr naming the file, exit 1, no traceback, no output file."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from conftest import SAMPLES, needs_soffice, shared
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import itaparse
from itaparse.cli import app
from itaparse.errors import ItaparseError
from itaparse.plaintext import extract_text

PDF = SAMPLES / "portrait-loma-no-cover.pdf"
DOCX = SAMPLES / "portrait-loma-no-cover.docx"

NO_TABLE = (
    "no measures table found (no table has a subject column, such as มาตรการ or กิจกรรม, "
    "with results, a status or the plan's columns)"
)


def _fails(path: Path, message: str, *args: str) -> None:
    out = path.parent / "out.json"
    result = CliRunner().invoke(app, [str(path), "-o", str(out), *args])
    assert (result.exit_code, result.stderr) == (1, f"error: {path}: {message}\n")
    assert not out.exists()
    assert result.stdout == ""


def _encrypted(path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "secret")
    pdf.set_encryption(owner_password="owner", user_password="s3cret")
    pdf.output(str(path))
    return path


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.pdf").write_bytes(b"")
    _fails(tmp_path / "empty.pdf", "the file is empty")


def test_truncated_pdf(tmp_path: Path) -> None:
    # Cut in its first object: nothing to rebuild. Said in words, not pdfminer's "PSEOF".
    path = tmp_path / "truncated.pdf"
    path.write_bytes(PDF.read_bytes()[:3000])
    _fails(path, "not a readable PDF (the file ends too early, as a file cut short does)")


def test_a_pdf_missing_its_last_bytes_is_rebuilt_and_warned_of(tmp_path: Path) -> None:
    # Its trailer lost, pdfminer and PDFium refuse it while other readers read it all: qpdf
    # rebuilds it, every measure is read, and the report says the file was damaged.
    import json

    path = tmp_path / "cut.pdf"
    path.write_bytes(PDF.read_bytes()[:-50])
    out = tmp_path / "out.json"
    result = CliRunner().invoke(app, [str(path), "-o", str(out)])
    assert result.exit_code == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    whole = json.loads(CliRunner().invoke(app, [str(PDF), "-q"]).stdout)
    assert report["categories"] == whole["categories"]
    damaged = [w for w in report["warnings"] if w["code"] == "damaged-file"]
    assert damaged and "rebuilt" in damaged[0]["message"]


def test_random_bytes_named_pdf(tmp_path: Path) -> None:
    path = tmp_path / "random.pdf"
    path.write_bytes(bytes(range(256)) * 8)
    _fails(path, "not a PDF file (its content is something else)")


def test_zip_that_is_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "hello")
    _fails(path, "a zip archive that is not a Word document")


def test_damaged_docx(tmp_path: Path) -> None:
    path = tmp_path / "damaged.docx"
    path.write_bytes(DOCX.read_bytes()[:5000])
    _fails(path, "a damaged zip archive, not a readable DOCX")


def test_text_file_named_docx(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_text("รายงานผลการดำเนินการ", encoding="utf-8")
    _fails(path, "not a DOCX file (its content is something else)")


def test_image(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    _fails(path, "a PNG image, not a PDF or Word document")
    renamed = tmp_path / "scan.pdf"
    renamed.write_bytes(path.read_bytes())
    _fails(renamed, "a PNG image, not a PDF or Word document")


def test_pdf_named_docx_is_read_as_pdf(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(PDF.read_bytes())
    assert itaparse.parse(path).source.format == "pdf"


def test_password_protected_pdf(tmp_path: Path) -> None:
    path = _encrypted(tmp_path / "locked.pdf")
    _fails(path, "the PDF is password-protected; use --password")
    _fails(path, "wrong password", "--password", "nope")
    # With the right password it opens; this one holds no measures table.
    _fails(
        path,
        NO_TABLE,
        "--password",
        "s3cret",
    )


def test_pdf_without_measures_table(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "minutes of the meeting")
    pdf.output(str(tmp_path / "minutes.pdf"))
    _fails(
        tmp_path / "minutes.pdf",
        NO_TABLE,
    )


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50)
    pdf.output(str(tmp_path / "scan.pdf"))
    _fails(tmp_path / "scan.pdf", "no text on any page")


def test_scan_without_tesseracts_thai_model_names_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PIL import Image

    from itaparse.readers import ocr

    monkeypatch.setattr(ocr, "_TESSDATA_DIRS", (str(tmp_path),))
    monkeypatch.delenv("TESSDATA_PREFIX", raising=False)
    ocr._engine.cache_clear()
    scan = tmp_path / "scan.pdf"
    Image.new("L", (400, 560), 128).save(scan, "PDF", resolution=50)
    result = CliRunner().invoke(app, [str(scan)])
    assert result.exit_code == 1
    assert result.stderr == (
        "error: tesseract: reading scanned pages needs Tesseract's Thai model (Debian/Ubuntu: "
        "apt-get install tesseract-ocr tesseract-ocr-tha; or set TESSDATA_PREFIX to the "
        "folder holding tha.traineddata)\n"
    )
    ocr._engine.cache_clear()


def test_scan_with_ocr_off(tmp_path: Path) -> None:
    from PIL import Image

    scan = tmp_path / "scan.pdf"
    Image.new("L", (400, 560), 255).save(scan, "PDF", resolution=50)
    _fails(scan, "the PDF has no text layer (a scan?) and OCR is off (--no-ocr)", "--no-ocr")


def test_folder_without_reports(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a report", encoding="utf-8")
    result = CliRunner().invoke(app, [str(tmp_path)])
    assert (result.exit_code, result.stderr) == (
        1,
        f"error: no .pdf, .docx or .doc file in {tmp_path}\n",
    )


def test_legacy_doc_without_soffice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    path = SAMPLES / "portrait-loma-no-cover.doc"
    result = CliRunner().invoke(app, [str(path)])
    assert result.exit_code == 1
    assert result.stderr == (
        "error: soffice: reading .doc files needs LibreOffice "
        "(Debian/Ubuntu: apt-get install libreoffice-writer-nogui)\n"
    )


def test_real_legacy_doc_reads_as_text() -> None:
    needs_soffice()
    path = shared("realworld", "legacy-word97-plan-intro.doc")
    text = extract_text(path)
    assert "แผนพัฒนาสามปี" in text
    with pytest.raises(ItaparseError, match="no measures table"):
        itaparse.parse(path)


def _only_our_errors(path: Path) -> None:
    """Either a report or an ItaparseError naming the file; any other exception fails the test."""
    try:
        report = itaparse.parse(path)
    except ItaparseError as error:
        assert str(error).startswith(f"{path}: ")
    else:
        assert report.measures


# Deterministic by default so CI cannot turn red by chance; FUZZ_EXAMPLES=500 explores anew.
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "40")),
    derandomize="FUZZ_EXAMPLES" not in os.environ,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from([".pdf", ".docx", ".doc"]))
def test_fuzz_random_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    _only_our_errors(path)


def _mutate(original: bytes, edits: list[tuple[int, int]], cut: int) -> bytes:
    data = bytearray(original[: max(1, len(original) * cut // 100)])
    for position, value in edits:
        data[position % len(data)] = value
    return bytes(data)


edits = st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=20)


@FUZZ
@given(edits=edits, cut=st.integers(1, 100))
def test_fuzz_mutated_pdf(tmp_path: Path, edits: list[tuple[int, int]], cut: int) -> None:
    path = tmp_path / "mutated.pdf"
    path.write_bytes(_mutate(PDF.read_bytes(), edits, cut))
    _only_our_errors(path)


@FUZZ
@given(edits=edits, cut=st.integers(1, 100))
def test_fuzz_mutated_docx(tmp_path: Path, edits: list[tuple[int, int]], cut: int) -> None:
    path = tmp_path / "mutated.docx"
    path.write_bytes(_mutate(DOCX.read_bytes(), edits, cut))
    _only_our_errors(path)


def test_fuzz_mutated_docx_xml(tmp_path: Path) -> None:
    # A valid zip whose document.xml is broken: python-docx's XML parser must not leak out.
    buffer = io.BytesIO()
    with zipfile.ZipFile(DOCX) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    path = tmp_path / "broken-xml.docx"
    path.write_bytes(buffer.getvalue())
    _fails(path, "a damaged Word document (its XML is broken)")


def test_pdf_broken_inside_a_stream_dictionary(tmp_path: Path) -> None:
    # Found by the fuzzer: pdfminer raised again while the broken file was being closed.
    data = bytearray(PDF.read_bytes())
    data[49] = 0
    path = tmp_path / "nul-in-dictionary.pdf"
    path.write_bytes(bytes(data))
    with pytest.raises(ItaparseError, match="a damaged PDF"):
        itaparse.parse(path)
