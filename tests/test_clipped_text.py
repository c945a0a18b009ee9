"""Text a PDF holds but does not show is not read (issue 16, class 9: rows read into the
wrong measure). Word and LibreOffice clip a cell's text to the cell: a header row repeated on
the next page loses the height its merged cells had, and the header's last line, still in the
text layer, lies over the first body row. pdfminer ignores clipping and read that line into
the first measure ("เชิงปริมาณ*" in its outcomes, a category row cut in two: seed 4100,
LibreOffice, layouts 014 and 191). Pages are drawn here with fpdf2."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from itaparse.readers.pdf import read_pdf

COLUMNS = (40.0, 160.0, 280.0)
ROWS = (60.0, 90.0, 150.0)  # header row, one body row


def _page(tmp_path: Path, clipped: bool) -> Path:
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.set_line_width(0.5)
    for x in COLUMNS:
        pdf.line(x, ROWS[0], x, ROWS[-1])
    for y in ROWS:
        pdf.line(COLUMNS[0], y, COLUMNS[-1], y)

    def header_cell() -> None:
        pdf.text(COLUMNS[0] + 5, ROWS[0] + 20, "measure")
        # The line the cell has no room for: drawn where the body row is.
        pdf.text(COLUMNS[0] + 5, ROWS[1] + 20, "overflow")

    pdf.text(COLUMNS[1] + 5, ROWS[0] + 20, "results")
    pdf.text(COLUMNS[0] + 5, ROWS[1] + 40, "m one")
    pdf.text(COLUMNS[1] + 5, ROWS[1] + 40, "done")
    # Last: fpdf2 sets the font inside the clip's saved state, so text after it has none.
    if clipped:
        with pdf.rect_clip(COLUMNS[0], ROWS[0], COLUMNS[1] - COLUMNS[0], ROWS[1] - ROWS[0]):
            header_cell()
    else:
        header_cell()
    path = tmp_path / f"clipped-{clipped}.pdf"
    pdf.output(str(path))
    return path


def _cells(path: Path) -> list[list[str]]:
    tables = read_pdf(path, repair=False, ocr=False).tables
    assert len(tables) == 1
    return [[cell.text if cell else "" for cell in row.cells] for row in tables[0].rows]


@pytest.mark.parametrize("clipped", [True, False])
def test_text_outside_its_clip_is_not_read_text_inside_is(tmp_path: Path, clipped: bool) -> None:
    body = _cells(_page(tmp_path, clipped))[1][0]
    # Drawn without a clip the line is on the page, and read; clipped away it is not.
    assert ("overflow" in body) is not clipped
    assert "m one" in body
