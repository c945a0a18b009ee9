"""Damage a file's own structure reveals (issue 18): a PDF page whose content cannot be read
whole, a Word row merged down from cells that start no merge. The measures concerned carry
a warning and give no score, since what was read of them may be a neighbour's."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pikepdf
from conftest import SAMPLES

import itaparse
from itaparse.models import Report, measure_tag

PDF = SAMPLES / "portrait-umpush-five-columns.pdf"  # 9 pages, compressed page contents
DOCX = SAMPLES / "portrait-loma-no-cover.docx"  # rows 3-4 are measure 1.2, merged down


def _codes(report: Report, tag: str) -> set[str]:
    return {w.code for w in report.warnings if w.measure == tag}


def _page_with_measures(report: Report) -> tuple[int, set[str]]:
    """A page on which measures start, and their tags."""
    by_page: dict[int, set[str]] = {}
    for category in report.categories:
        for measure in category.measures:
            by_page.setdefault(measure.pages[0], set()).add(measure_tag(category, measure))
    page = sorted(by_page)[1]
    return page, by_page[page]


def _flip_in_content(pdf: Path, page: int, out: Path) -> None:
    """One bit flipped a third of the way into a page's compressed content stream."""
    with pikepdf.open(pdf) as document:
        number = document.pages[page - 1].obj.Contents.objgen[0]
    data = bytearray(pdf.read_bytes())
    found = re.search(rb"(?<![0-9])%d 0 obj.*?stream\r?\n" % number, data, re.S)
    assert found is not None
    end = data.index(b"endstream", found.end())
    data[found.end() + (end - found.end()) // 3] ^= 0x10
    out.write_bytes(bytes(data))


def test_a_page_whose_content_cannot_be_read_whole_warns_its_measures(tmp_path: Path) -> None:
    whole = itaparse.parse(PDF)
    page, tags = _page_with_measures(whole)
    damaged = tmp_path / "flipped-bit-in-page-content.pdf"
    _flip_in_content(PDF, page, damaged)
    report = itaparse.parse(damaged)
    damage = [w for w in report.warnings if w.code == "damaged-file"]
    assert len(damage) == 1 and f"page {page}: its content cannot be read whole" in (
        damage[0].message
    )
    hurt = {
        measure_tag(c, m): m
        for c in report.categories
        for m in c.measures
        if "damaged-page" in _codes(report, measure_tag(c, m))
    }
    read = {measure_tag(c, m) for c in report.categories for m in c.measures}
    # Each measure of the page is warned of, or lost (its neighbours then warned of the gap);
    # here the page's rest is lost, and the measure before it took the continuation after.
    assert hurt and all(tag in hurt or tag not in read for tag in tags)
    assert all(m.score is None for m in hurt.values())


def test_an_undamaged_pdf_has_no_damage_warnings() -> None:
    report = itaparse.parse(PDF)
    assert {"damaged-file", "damaged-page"}.isdisjoint(w.code for w in report.warnings)


def test_a_row_merged_down_from_no_merge_puts_its_measure_in_doubt(tmp_path: Path) -> None:
    # The first row of measure 1.2 lost: its second row's cells, merged down (vMerge
    # "continue"), now sit under 1.1's row, which starts no merge. Word draws them as 1.1's;
    # 1.2's score in them must not become 1.1's.
    document = docx.Document(str(DOCX))
    tr = document.tables[0]._tbl.tr_lst[3]
    tr.getparent().remove(tr)
    path = tmp_path / "lost-first-row-of-a-merge.docx"
    document.save(str(path))
    report = itaparse.parse(path)
    first = report.categories[0].measures[0]
    assert (first.number, first.score) == ("1", None)
    assert {"merge-broken", "unsure-score"} <= _codes(report, "1.1")
    assert "merge-broken" not in {w.code for w in itaparse.parse(DOCX).warnings}


def test_a_page_whose_compressed_content_was_changed_is_found_by_its_checksum(
    tmp_path: Path,
) -> None:
    # Compressed without compression (stored blocks), one letter of a page's text changed
    # in place: the stream still decodes, to other text, and only its Adler-32 sum tells.
    # qpdf does not check the sum; pdfminer reads the changed text without a word.
    import zlib

    whole = itaparse.parse(PDF)
    page, tags = _page_with_measures(whole)
    with pikepdf.open(PDF) as document:
        contents = document.pages[page - 1].obj.Contents
        data = contents.read_bytes()
        raw = bytearray(zlib.compress(data, 0))
        shown = re.search(rb"[)>]\]?\s*T[jJ]", bytes(raw))  # the end of a string shown
        assert shown is not None
        raw[shown.start() - 1] ^= 0x01  # its last character (a hex digit stays one)
        contents.write(bytes(raw), filter=pikepdf.Name.FlateDecode)
        changed = tmp_path / "changed-letter-in-stored-content.pdf"
        document.save(changed, compress_streams=False, recompress_flate=False)
    report = itaparse.parse(changed)
    damage = next(w for w in report.warnings if w.code == "damaged-file")
    assert f"page {page}: its content was changed after it was written" in damage.message
    hurt = {w.measure for w in report.warnings if w.code == "damaged-page"}
    assert tags <= hurt


def test_a_page_dropped_from_the_page_tree_warns_the_measures_around_it(tmp_path: Path) -> None:
    # A flipped byte in a page's own dictionary (found by bench/fuzz.py): qpdf and pdfminer
    # both drop the page, and the measure before the gap took the continuation after it.
    whole = itaparse.parse(PDF)
    page, _tags = _page_with_measures(whole)
    with pikepdf.open(PDF) as document:
        number = document.pages[page - 1].obj.objgen[0]
    data = bytearray(PDF.read_bytes())
    found = re.search(rb"(?<![0-9])%d 0 obj\s*<<" % number, data)
    assert found is not None
    close = data.index(b"]", found.end())  # the end of its /MediaBox (or first array)
    data[close] = ord("o")  # an array never closed: the dictionary no longer reads
    damaged = tmp_path / "page-dictionary-broken.pdf"
    damaged.write_bytes(bytes(data))
    report = itaparse.parse(damaged)
    damage = next(w for w in report.warnings if w.code == "damaged-file")
    assert f"a page after page {page - 1} is not a page any more: lost" in damage.message
    around = {w.measure for w in report.warnings if w.code == "damaged-page"}
    assert around  # the measures either side of the lost page
    read = {measure_tag(c, m): m for c in report.categories for m in c.measures}
    assert all(read[tag].score is None for tag in around)


def test_a_category_label_whose_number_cannot_be_read_takes_it_from_its_measures() -> None:
    from itaparse.readers.grid import Cell, Grid, Row, Table
    from itaparse.report import build_report

    header = ["มาตรการ", "วิธีดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา", "ผลการดำเนินงาน", "ผลลัพธ์"]

    def row(texts: list[str]) -> Row:
        return Row([Cell([[t]]) for t in texts])

    rows = [row(header)]
    for c in (1, 2):
        # a bold font whose character map was lost: "(๑)" comes out as three unknown glyphs
        rows.append(row([f"(cid:{c + 1})(cid:3)(cid:4)การป้องกันหมวดที่{c}", "", "", "", "", ""]))
        for m in (1, 2):
            score = f"{80 + m}.00 คะแนน"
            rows.append(row([f"{c}.{m} มาตรการที่ {m}", "ทำ", "กองคลัง", "ต.ค. ๖๗", "ผล", score]))
    report = build_report(Grid("pdf", 1, [(1, Table(rows, page=1))]), Path(__file__))
    assert [(c.number, c.title, len(c.measures)) for c in report.categories] == [
        (1, "การป้องกันหมวดที่1", 2),
        (2, "การป้องกันหมวดที่2", 2),
    ]
    unclear = [w.message for w in report.warnings if w.code == "unclear-category"]
    assert len(unclear) == 2 and "taken as category 2 (from its measures' numbers)" in unclear[1]


def test_a_word_row_with_an_empty_subject_of_its_own_is_no_silent_continuation(
    tmp_path: Path,
) -> None:
    # The sample merges 1.2's subject down over its second row. 2.2's subject paragraph lost:
    # its row, subject cell empty but not merged, would read as 2.1's, with 2.2's score.
    document = docx.Document(str(DOCX))
    for paragraph in document.tables[0].rows[7].cells[0].paragraphs:
        paragraph._p.getparent().remove(paragraph._p)
    path = tmp_path / "subject-paragraph-lost.docx"
    document.save(str(path))
    report = itaparse.parse(path)
    first = report.categories[1].measures[0]
    assert first.score is None
    assert {"row-unmerged", "unsure-score"} <= _codes(report, "2.1")


def test_a_name_tree_with_kids_is_no_lost_page(tmp_path: Path) -> None:
    # Chromium tags its PDFs: the structure tree's ID tree is a name tree, whose nodes have
    # /Kids too. Objects they list are no pages, and no page is lost.
    tagged = tmp_path / "tagged.pdf"
    with pikepdf.open(PDF) as document:
        leaf = document.make_indirect(pikepdf.Dictionary(Names=pikepdf.Array()))
        tree = document.make_indirect(pikepdf.Dictionary(Kids=pikepdf.Array([leaf])))
        document.Root.StructTreeRoot = pikepdf.Dictionary(
            Type=pikepdf.Name.StructTreeRoot, IDTree=tree
        )
        document.save(tagged, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    assert b"/Kids [" in tagged.read_bytes() or b"/Kids[" in tagged.read_bytes()
    report = itaparse.parse(tagged)
    assert {"damaged-file", "damaged-page"}.isdisjoint(w.code for w in report.warnings)
    assert report.model_dump()["categories"] == itaparse.parse(PDF).model_dump()["categories"]
