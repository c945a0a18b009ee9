"""Text-layer repair: damaged exports come out as their Word source, clean text is untouched."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
from conftest import SAMPLES, shared
from scoring import recall_precision

import itaparse
from itaparse.plaintext import extract_text, grid_text
from itaparse.readers.pdf import read_pdf
from itaparse.report import build_report
from itaparse.thai.codemap import decide

LIBREOFFICE_SAMPLES = sorted(p.stem for p in SAMPLES.glob("*.docx"))


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


@pytest.mark.parametrize("name", LIBREOFFICE_SAMPLES)
def test_libreoffice_export_reads_as_its_word_source(name: str) -> None:
    recall, precision = recall_precision(
        _docx_text(SAMPLES / f"{name}.docx"), extract_text(SAMPLES / f"{name}.pdf")
    )
    # Not 1.0: a word that a page break cuts inside a table cell ("มีผู้" / "แทนจาก") is two
    # words in the page-by-page text; that is layout, not damage (one sample has two).
    assert recall >= 0.985 and precision >= 0.99


@pytest.mark.parametrize("name", LIBREOFFICE_SAMPLES)
def test_without_repair_the_same_exports_are_damaged(name: str) -> None:
    # The control: these samples do carry damage, so the test above measures a repair.
    raw = grid_text(read_pdf(SAMPLES / f"{name}.pdf", repair=False))
    recall, _ = recall_precision(_docx_text(SAMPLES / f"{name}.docx"), raw)
    assert recall < 0.95


def test_clean_pdf_comes_out_unchanged() -> None:
    path = SAMPLES / "fpdf-clean-text-layer.pdf"
    assert grid_text(read_pdf(path)) == grid_text(read_pdf(path, repair=False))


@pytest.mark.parametrize("name", LIBREOFFICE_SAMPLES)
def test_docx_text_is_never_repaired(name: str) -> None:
    text = extract_text(SAMPLES / f"{name}.docx")
    document = docx.Document(str(SAMPLES / f"{name}.docx"))
    for paragraph in document.paragraphs:
        assert paragraph.text.strip() in text
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    assert paragraph.text in text


def _char(text: str, code: int, x0: float, width: float = 8.0, font: str = "F") -> dict[str, Any]:
    return {
        "text": text,
        "code": code,
        "fontname": font,
        "x0": x0,
        "x1": x0 + width,
        "top": 0.0,
        "bottom": 14.0,
        "size": 14.0,
    }


def _line(spec: str, codes: dict[str, tuple[int, str, bool]]) -> list[dict[str, Any]]:
    """Characters of a line; a character listed in codes is drawn with that (code, text, mark)."""
    chars, x = [], 0.0
    for ch in spec:
        code, text, mark = codes.get(ch, (ord(ch), ch, False))
        chars.append(_char(text, code, x, 0.0 if mark else 8.0))
        x += 0.0 if mark else 8.0
    return chars


WORDS = [
    "มาตรการ",
    "การดำเนินงาน",
    "ประชาสัมพันธ์",
    "ประจำปีงบประมาณ",
    "หน่วยงาน",
    "สำนักงาน",
    "ความโปร่งใส",
    "คุณธรรม",
    "ดูแล",
    "ผู้รับผิดชอบ",
    "คู่มือ",
    "ข้อมูล",
]


def test_unmapped_glyph_is_read_from_the_dictionary() -> None:
    # LibreOffice: the glyph of า has no Unicode mapping and comes out as "(cid:3)".
    lines = [_line(w, {"า": (3, "(cid:3)", False)}) for w in WORDS]
    assert decide(lines) == {("F", 3): "า"}


def test_swapped_marks_are_repaired_together() -> None:
    # Loma in LibreOffice exports: the glyph of ู is mapped to ้ and the glyph of ้ to ู.
    codes = {"ู": (44, "้", True), "้": (45, "ู", True), "่": (46, "่", True)}
    lines = [_line(w, codes) for w in WORDS * 2]
    assert decide(lines) == {("F", 44): "ู", ("F", 45): "้"}


def test_swapped_marks_are_repaired_in_text_that_otherwise_reads_well() -> None:
    # A rare swap in a long clean text (random layout seed 4, no. 81): the document as mapped
    # reads above any whole-text threshold, so only the judgement of each mark finds it.
    codes = {"ู": (44, "้", True), "้": (45, "ู", True), "่": (46, "่", True)}
    clean = ["การดำเนินงาน", "ประชาสัมพันธ์", "ประจำปีงบประมาณ", "ความโปร่งใส", "คุณธรรม"]
    lines = [_line(w, codes) for w in ["ดูแล", "ผู้รับผิดชอบ", "คู่มือ", "ข้อมูล"] + clean * 30]
    assert decide(lines) == {("F", 44): "ู", ("F", 45): "้"}


def test_without_repair_no_page_is_read_again_by_ocr() -> None:
    # repair=False asks for the text layer as it is; its damage must not send pages to OCR.
    report = itaparse.parse(shared("reference", "seed-report.pdf"), repair=False)
    assert report.source.ocr == []


def test_nikhahit_mapped_to_a_space_restores_sara_am() -> None:
    # Word 2007: SARA AM is drawn as NIKHAHIT (zero width, mapped to " ") + SARA AA.
    lines = []
    for w in WORDS:
        chars, x = [], 0.0
        for ch in w:
            if ch == "ำ":
                chars += [_char(" ", 286, x, 0.0), _char("า", 263, x)]
            else:
                chars.append(_char(ch, ord(ch), x, 0.0 if ch in "่้ัิีุู์" else 8.0))
            x += 8.0
        lines.append(chars)
    assert decide(lines) == {("F", 286): "\u0e4d"}


def test_zero_width_tone_mapped_to_punctuation_is_read_as_a_mark() -> None:
    # Word exports seen in the wild: the tone mark ้ drawn with no width but mapped to ":"
    # ("ขึ:น", "ทั:ง"); punctuation always has a width, so such a code is a suspect.
    codes = {"้": (58, ":", True), "่": (46, "่", True)}
    words = [*WORDS, "ขึ้น", "ทั้ง", "ได้รับ", "จัดซื้อจัดจ้าง", "ผู้ใช้"]
    lines = [_line(w, codes) for w in words]
    assert decide(lines) == {("F", 58): "้"}


def test_clean_lines_need_no_decision() -> None:
    codes = {"่": (46, "่", True), "้": (47, "้", True)}
    assert decide([_line(w, codes) for w in WORDS]) == {}


def test_pages_that_still_read_poorly_are_flagged() -> None:
    from itaparse.readers.grid import Grid

    grid = read_pdf(SAMPLES / "portrait-loma-no-cover.pdf")
    damaged = Grid(grid.format, grid.pages, grid.blocks, [(0.55, 120), (0.95, 200), (0.3, 5)])
    report = build_report(damaged, SAMPLES / "portrait-loma-no-cover.pdf")
    flagged = [(w.code, w.page) for w in report.warnings if w.code == "low-text-quality"]
    assert flagged == [("low-text-quality", 1)]  # page 3 has too few tokens to judge
    assert [q.dictionary_share for q in report.source.text_quality] == [0.55, 0.95, 0.3]


def test_a_mark_after_a_private_use_tone_is_no_damage() -> None:
    """Chromium writes "ผู้" as ผ, the lowered mai tho U+F70B, then ู: the ู sits on its letter
    once the PUA mark reads as ้. Judged impossible Thai, it made the repair drop every ู of
    the document ("ข้อมล" for ข้อมูล)."""
    from itaparse.thai.codemap import _impossible

    assert _impossible("ผ\uf70bูบริหาร") == 0
    assert _impossible("ข\uf70bอมูล") == 0
    assert _impossible("อุุม") == 1  # a doubled vowel stays impossible


def test_an_empty_nikhahit_beside_a_wrong_mark_is_restored_too() -> None:
    # WeasyPrint with Sawasdee: SARA AM drawn as a zero-width NIKHAHIT mapped to "" plus SARA
    # AA, and the glyph of ู mapped to ้. The two are first settled as one change; judged
    # again, ู alone reads better, and the NIKHAHIT, left open, must be judged on its own.
    lines = []
    for w in [*WORDS, "สำนักปลัด", "ดำเนินการ", "อำเภอ", "จัดทำ", "ผู้ดูแล"] * 2:
        chars, x = [], 0.0
        for ch in w:
            if ch == "ำ":
                chars += [_char("", 290, x, 0.0), _char("า", 263, x)]
            elif ch == "ู":
                chars.append(_char("้", 274, x, 0.0))
            else:
                chars.append(_char(ch, ord(ch), x, 0.0 if ch in "่้ัิีุู์" else 8.0))
            x += 0.0 if ch in "่้ัิีุู์" else 8.0
        lines.append(chars)
    assert decide(lines) == {("F", 274): "ู", ("F", 290): "\u0e4d"}


def test_a_code_in_a_run_of_a_cells_lines_is_judged_on_its_line() -> None:
    # A cell's lines are one run for the repair (a word wrapped in a narrow column is read
    # whole: "ประโย" / "ชน์"), but whether a code already reads well is judged on its own
    # visual line, as the threshold was measured: the next line's words would dilute a
    # misreading ("ผ้้แทน" for ผู้แทน, ู mapped to ้: WeasyPrint with Loma, seed 2500).
    from itaparse.thai.codemap import _Document

    codes = {"ู": (262, "้", True), "้": (45, "้", True)}
    run = [dict(ch, top=0.0) for ch in _line("ที่มีผู้แทน", codes)]
    run += [dict(ch, top=14.0) for ch in _line("จากทุกกองในหน่วยงาน", codes)]
    doc = _Document([run])
    place = doc.codes[("F", 262)].places[0]
    whole = "".join(text for _key, text in doc.window(place).items)
    own = "".join(text for _key, text in doc.window(place, line_only=True).items)
    assert whole.startswith("ที่มีผ้้แทนจาก") and own == "ที่มีผ้้แทน"
