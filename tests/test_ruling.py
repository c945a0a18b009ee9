"""Ruling from what the drawing means: the same table, however its producer draws it, gives
the same cells (issue 16, classes 1, 2 and 9). Pages are drawn here with fpdf2."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from fpdf import FPDF

from itaparse.readers.pdf_ruling import find_tables
from itaparse.readers.pdf_text import visual_order as _visual_order

COLUMNS = (40.0, 120.0, 200.0, 280.0)  # x of the column rules
ROWS = (60.0, 90.0, 150.0, 210.0)  # y of the row rules (top of the header to the bottom)
WORDS = (
    ("measure", "methods", "results"),
    ("m one", "do a", "done a"),
    ("m two", "do b", "done b"),
)

Draw = Callable[[FPDF], None]


def _stroked(pdf: FPDF) -> None:
    """LibreOffice: every border a stroked line."""
    pdf.set_line_width(0.5)
    for x in COLUMNS:
        pdf.line(x, ROWS[0], x, ROWS[-1])
    for y in ROWS:
        pdf.line(COLUMNS[0], y, COLUMNS[-1], y)


def _filled_bars(pdf: FPDF) -> None:
    """Word and Chromium/Skia: every border a thin filled rectangle."""
    pdf.set_fill_color(0, 0, 0)
    for x in COLUMNS:
        pdf.rect(x - 0.36, ROWS[0], 0.72, ROWS[-1] - ROWS[0], style="F")
    for y in ROWS:
        pdf.rect(COLUMNS[0], y - 0.36, COLUMNS[-1] - COLUMNS[0], 0.72, style="F")


def _shaded(borders: Draw) -> Draw:
    """The header cells shaded (a filled rectangle the size of each cell) and each header
    paragraph shaded inside its cell (a smaller filled rectangle), drawn before the borders."""

    def draw(pdf: FPDF) -> None:
        pdf.set_fill_color(217, 217, 217)
        for left, right in itertools.pairwise(COLUMNS):
            pdf.rect(left, ROWS[0], right - left, ROWS[1] - ROWS[0], style="F")
        pdf.set_fill_color(219, 229, 241)
        for left, right in itertools.pairwise(COLUMNS):
            pdf.rect(left + 4, ROWS[0] + 8, right - left - 8, 12, style="F")
        borders(pdf)

    return draw


def _page(tmp_path: Path, name: str, draw: Draw, rows: tuple[float, ...] = ROWS) -> Any:
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    draw(pdf)
    for r, words in enumerate(WORDS):
        for c, word in enumerate(words):
            pdf.text(COLUMNS[c] + 5, ROWS[r] + 20, word)
    path = tmp_path / f"{name}.pdf"
    pdf.output(str(path))
    return pdfplumber.open(path).pages[0]


def _cells(page: Any) -> list[list[str | None]]:
    tables = find_tables(page)
    assert len(tables) == 1, f"{len(tables)} tables"
    assert len(tables[0].cells) == len(WORDS) * len(WORDS[0]), "cells cut apart"
    return [[(c or "").replace("\n", " ") for c in row] for row in tables[0].extract()]


EXPECTED = [list(w) for w in WORDS]


@pytest.mark.parametrize(
    "name,draw",
    [
        ("stroked", _stroked),
        ("filled-bars", _filled_bars),
        ("shaded-stroked", _shaded(_stroked)),
        ("shaded-filled-bars", _shaded(_filled_bars)),
    ],
)
def test_the_same_table_whichever_way_its_rules_and_shading_are_drawn(
    tmp_path: Path, name: str, draw: Draw
) -> None:
    assert _cells(_page(tmp_path, name, draw)) == EXPECTED


def test_shading_alone_is_no_table(tmp_path: Path) -> None:
    """A shaded header without borders is a background: the borderless reader's work."""

    def shading_only(pdf: FPDF) -> None:
        _shaded(lambda _pdf: None)(pdf)

    assert find_tables(_page(tmp_path, "shading-only", shading_only)) == []


def test_a_row_cut_by_the_page_foot_without_its_closing_rule_is_in_the_table(
    tmp_path: Path,
) -> None:
    """Chromium draws no bottom border under a row that goes on on the next page: the column
    rules end where the page's content ends, and the row's text must still be a row."""

    def open_bottom(pdf: FPDF) -> None:
        pdf.set_line_width(0.5)
        for x in COLUMNS:
            pdf.line(x, ROWS[0], x, ROWS[-1])
        for y in ROWS[:-1]:
            pdf.line(COLUMNS[0], y, COLUMNS[-1], y)

    assert _cells(_page(tmp_path, "open-bottom", open_bottom)) == EXPECTED


def test_a_row_at_the_page_foot_closed_under_part_of_its_width_is_closed(
    tmp_path: Path,
) -> None:
    """A header's first row at a page's foot: a group label merged across the right columns
    has its bottom rule, the label beside it, merged down onto the next page, has none
    (Chromium, a bar of two edges). Part of the width closed is not the row closed."""

    def partly_open_bottom(pdf: FPDF) -> None:
        pdf.set_fill_color(0, 0, 0)
        for x in COLUMNS:
            pdf.rect(x - 0.36, ROWS[0], 0.72, ROWS[-1] - ROWS[0], style="F")
        for y in ROWS[:-1]:
            pdf.rect(COLUMNS[0], y - 0.36, COLUMNS[-1] - COLUMNS[0], 0.72, style="F")
        pdf.rect(COLUMNS[1], ROWS[-1] - 0.36, COLUMNS[-1] - COLUMNS[1], 0.72, style="F")

    assert _cells(_page(tmp_path, "partly-open-bottom", partly_open_bottom)) == EXPECTED


def _segmented_sides(pdf: FPDF, rows: tuple[float, ...]) -> None:
    """Chromium: each row's sides drawn on their own, one bar per row and column rule."""
    pdf.set_fill_color(0, 0, 0)
    for x in COLUMNS:
        for top, bottom in itertools.pairwise(rows):
            pdf.rect(x - 0.36, top, 0.72, bottom - top, style="F")


def test_a_rows_rest_at_the_page_top_without_its_opening_rule_is_in_the_table(
    tmp_path: Path,
) -> None:
    """The rest of a row cut by a page break, at the next page's top: Chromium draws no rule
    over it, and each row's sides as segments of their own (here the rest spans two rows of
    the grid), so the segment at the top meets no row rule; the column rule it continues
    does."""

    def open_top(pdf: FPDF) -> None:
        _segmented_sides(pdf, (ROWS[0], ROWS[0] + 5, *ROWS[1:]))
        for y in ROWS[1:]:
            pdf.rect(COLUMNS[0], y - 0.36, COLUMNS[-1] - COLUMNS[0], 0.72, style="F")

    assert _cells(_page(tmp_path, "open-top", open_top)) == EXPECTED


def test_where_a_column_rules_segments_meet_is_no_row_rule(tmp_path: Path) -> None:
    """A cell merged over two rows whose sides are drawn one segment per row: the joints
    line up across the table, and no row rule is added there to cut the merged cell."""

    def merged_column(pdf: FPDF) -> None:
        joint = (ROWS[1] + ROWS[2]) / 2
        _segmented_sides(pdf, (ROWS[0], ROWS[1], joint, ROWS[2], ROWS[3]))
        for y in ROWS:
            pdf.rect(COLUMNS[0], y - 0.36, COLUMNS[-1] - COLUMNS[0], 0.72, style="F")

    assert _cells(_page(tmp_path, "merged-column", merged_column)) == EXPECTED


def test_column_rules_alone_are_not_closed_into_a_table(tmp_path: Path) -> None:
    """Only a ruled table (row rules crossing the column rules) is closed."""

    def columns_only(pdf: FPDF) -> None:
        pdf.set_line_width(0.5)
        for x in COLUMNS:
            pdf.line(x, ROWS[0], x, ROWS[-1])

    assert find_tables(_page(tmp_path, "columns-only", columns_only)) == []


def _middle_of_a_row(tmp_path: Path, name: str, columns: tuple[float, ...], text_top: float) -> Any:
    """A page in the middle of a row taller than a page (WeasyPrint): column rules from the
    page's top margin to its foot, crossed by no row rule, the row's lines between them."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.set_line_width(0.5)
    for x in columns:
        pdf.line(x, 40, x, 800)
    pdf.text(COLUMNS[0] + 5, text_top, "the row goes on")
    pdf.text(COLUMNS[1] + 5, 300, "and on")
    path = tmp_path / f"{name}.pdf"
    pdf.output(str(path))
    return pdfplumber.open(path).pages[0]


def test_column_rules_going_on_the_table_the_page_before_ended_with_are_its_rest(
    tmp_path: Path,
) -> None:
    page = _middle_of_a_row(tmp_path, "row-goes-on", COLUMNS, 60)
    tables = find_tables(page, carried=COLUMNS)
    assert len(tables) == 1
    assert [(c or "").replace("\n", " ") for c in tables[0].extract()[0]] == [
        "the row goes on",
        "and on",
        "",
    ]
    # Without the table before, column rules alone stay no table.
    assert find_tables(page) == []


@pytest.mark.parametrize(
    "name,columns,text_top,carried",
    [
        # The rules stand elsewhere than the table before's.
        ("other-columns", (300.0, 380.0, 460.0, 540.0), 60, COLUMNS),
        # Text above the rules: they do not open the page, another drawing begins there.
        ("text-above", COLUMNS, 30, COLUMNS),
    ],
)
def test_column_rules_alone_that_do_not_go_on_the_table_before_are_no_table(
    tmp_path: Path, name: str, columns: tuple[float, ...], text_top: float, carried: Any
) -> None:
    page = _middle_of_a_row(tmp_path, name, columns, text_top)
    assert find_tables(page, carried=carried) == []


def _glyph(text: str, x0: float, width: float) -> dict[str, Any]:
    return {"text": text, "x0": x0, "x1": x0 + width, "top": 10.0, "bottom": 20.0, "size": 14}


def test_glyphs_drawn_out_of_order_by_a_fallback_font_read_in_order() -> None:
    """LibreOffice with Noto Thai draws "๑" and its trailing space first, then the "." of
    the fallback font between them: "๑ ." must read "๑."."""
    line = [_glyph("๑", 42.6, 7.3), _glyph(" ", 53.1, 3.1), _glyph(".", 49.9, 3.2)]
    assert "".join(g["text"] for g in _visual_order(line)) == "๑. "


def test_marks_keep_their_base_when_a_line_is_put_in_order() -> None:
    """A zero-width mark stays after the glyph it was drawn after, wherever its x is
    (HarfBuzz puts marks at the next letter's x)."""
    line = [
        _glyph("ท", 60.0, 6.0),
        _glyph("ี", 66.0, 0.0),  # drawn after ท, at the x of the next letter
        _glyph("๑", 40.0, 7.0),
    ]
    assert "".join(g["text"] for g in _visual_order(line)) == "๑ที"


def test_a_line_in_order_is_left_as_drawn() -> None:
    line = [_glyph("ก", 10.0, 6.0), _glyph("่", 15.0, 0.0), _glyph("า", 16.0, 5.0)]
    assert _visual_order(line) is line


def test_a_line_of_marks_alone_is_no_text() -> None:
    """Chromium paints a line cut by a page break on both pages: the marks over the next
    page's first line are read at the foot of this one, alone. No Thai is written so."""
    from itaparse.readers.pdf_text import group_lines as _group_lines

    letters = [_glyph("อ", 10.0, 6.0), _glyph("ย", 16.0, 6.0), _glyph("ู", 22.0, 0.0)]
    marks = [dict(_glyph("่", 30.0, 0.0), top=40.0, bottom=50.0)]
    assert [[g["text"] for g in line] for line in _group_lines([*letters, *marks])] == [
        ["อ", "ย", "ู"]
    ]


def test_a_line_of_leading_vowels_alone_is_no_text() -> None:
    """Chromium paints the next page's repeated header clipped at this page's foot: only the
    vowels that stand above the line (โ of โครงการ, ไ of ได้รับ) are left, with an empty
    glyph. A vowel written before a consonant, with none after it, is no Thai text."""
    from itaparse.readers.pdf_text import group_lines as _group_lines

    text = [_glyph("เ", 10.0, 5.0), _glyph("ม", 15.0, 6.0)]  # a real line keeps its เ
    debris = [
        dict(_glyph("โ", 146.0, 5.0), top=40.0, bottom=50.0),
        dict(_glyph("\x00", 699.0, 0.0), top=40.0, bottom=50.0),
        dict(_glyph("ไ", 699.2, 5.0), top=40.0, bottom=50.0),
    ]
    blank = [dict(_glyph("\xa0", 48.0, 3.0), top=80.0, bottom=90.0)]  # an HTML cell's &nbsp;
    lines = _group_lines([*text, *debris, *blank])
    assert [[g["text"] for g in line] for line in lines] == [["เ", "ม"]]


def test_a_fallback_fonts_glyph_stays_on_its_own_line_by_its_baseline() -> None:
    """Chromium centres one-line labels half a line below the first line of two-line ones,
    and sets "/" in Noto Sans beside Noto Serif Thai: the slash's box, from its own font's
    ascent, stands 2 points higher than its neighbours'. By its top it was nearer the line
    above and joined it ("มาตรการ โครงการ" lost its slash, a label was cut in two: seed 4100
    Chromium no.006); by its baseline it is on its own line."""
    from itaparse.readers.pdf_text import group_lines as _group_lines

    def at(glyph: dict[str, Any], top: float, baseline: float) -> dict[str, Any]:
        return dict(glyph, top=top, bottom=top + 14.0, baseline=baseline)

    upper = [at(_glyph(c, 300.0 + 8 * i, 8.0), 102.6, 114.0) for i, c in enumerate("หน่วย")]
    lower = [at(_glyph(c, 90.0 + 8 * i, 8.0), 110.8, 122.2) for i, c in enumerate("มาตรการ")]
    slash = at(_glyph("/", 146.0, 6.0), 108.6, 122.2)
    rest = [at(_glyph(c, 152.0 + 8 * i, 8.0), 110.8, 122.2) for i, c in enumerate("โครงการ")]
    lines = _group_lines([*upper, *lower, slash, *rest])
    assert ["".join(g["text"] for g in line) for line in lines] == ["หน่วย", "มาตรการ/โครงการ"]
