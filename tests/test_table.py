"""Header mapping and stitching on hand-made grids (the readers' common form)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from itaparse.readers.grid import Cell, Grid, Row, Table
from itaparse.table import CategoryRow, MeasureRow, find_measures_table, map_header
from itaparse.thai.text import join_wrapped
from itaparse.vocabulary import read_header

HEADER = [
    "มาตรการ/ แนวทาง",
    "วิธีดำเนินการ",
    "ผู้รับผิดชอบ",
    "ระยะเวลา ดำเนินการ",
    "ผลการดำเนินงาน",
    "ผลลัพธ์/ความสำเร็จ",
]
DAMAGED = [
    "ม(cid:3)ตรก(cid:3)ร/\nแนวท(cid:3)ง",
    "วิธีดำ(cid:3)เนินก(cid:3)ร",
    "ผ้้รับผิด\nชอบ",
    "ระยะเวล(cid:3)\nดำ(cid:3)เนินก(cid:3)ร",
    "ผลก(cid:3)รดำ(cid:3)เนินง(cid:3)น",
    "ผลลัพธ์/คว(cid:3)มสำ(cid:3)เร็จ",
]
FIELDS = {0: "measure", 1: "methods", 2: "responsible", 3: "period", 4: "results", 5: "outcomes"}


def row(texts: list[str | None], page: int | None = None) -> Row:
    return Row([None if t is None else Cell([t.split("\n")] if t else []) for t in texts], page)


def test_header_maps_clean_and_damaged_wording() -> None:
    assert map_header(row(HEADER)) == FIELDS
    assert map_header(row(DAMAGED)) == FIELDS


def test_long_content_cells_are_not_a_header() -> None:
    content = [
        "๒. มาตรการยกระดับการปฏิบัติงานให้มีความโปร่งใส",
        "๑. จัดทำคู่มือ",
        "ทุกกอง/ฝ่าย",
        "ต.ค. ๖๗",
        "ผลการดำเนินงานเป็นไปตามแผนทุกประการ",
        "ความสำเร็จของมาตรการ",
    ]
    assert map_header(row(content)) is None


def test_a_line_of_list_items_is_no_header_however_its_words_begin() -> None:
    # A row's rest at the top of a page, under no repeated header: its cells begin with
    # words labels begin with ("มาตรการ…", "ผลการ…"), but cells that open list items ("1. …",
    # "- …") in two or more columns are a measure's content, never labels (seed 4100
    # WeasyPrint no.161 read such a line as a new table's header and lost measure 4.3).
    # The line's first words in each column, as the borderless reader tries them.
    rest = [
        "มาตรการสร้าง",
        "1. เปิดเผยผลการ",
        "ตลอดปี",
        "1. รับฟังความคิด",
        "- บุคลากรเชื่อมั่น",
        "อยู่ระหว่างดำเนิน",
    ]
    assert map_header(row(rest)) is None
    assert read_header(rest)[0] is None
    # Labels that open with one item's look are labels still.
    assert read_header(["1. มาตรการ", *HEADER[1:]])[0] is not None


def _pages() -> Grid:
    page1 = Table(
        [
            row(DAMAGED, 3),
            row(["(๑) หมวดแรก", None, None, None, None, None], 3),
            row(["๑. มาตรการแรก", "๑. ทำ", "ทุกกอง/", "ต.ค. ๖๗ -", "๑. ผล", "- ได้"], 3),
        ],
        page=3,
    )
    page2 = Table(
        [
            row(DAMAGED, 4),
            row(["ต่อท้าย", "ต่อ", "ฝ่าย", "ก.ย. ๖๘", "๒. ผลสอง", "คะแนน"], 4),
            row(["๒. มาตรการสอง", "๑. ทำสอง", "กองคลัง", "ต.ค. ๖๗", "", ""], 4),
        ],
        page=4,
    )
    page3 = Table([row(["", "", "", "", "ผลที่สาม", ""], 5)], page=5)  # header not repeated
    other = Table([row(["ตัวชี้วัด", "คะแนน"]), row(["การเปิดเผยข้อมูล", "๙๕"])], page=1)
    return Grid(format="pdf", pages=5, blocks=[(t.page, t) for t in [other, page1, page2, page3]])


def test_rows_cut_by_page_breaks_are_stitched_cell_by_cell() -> None:
    table = find_measures_table(_pages())
    assert table is not None and table.tables == [1, 2, 3]
    category, first, second = table.rows
    assert isinstance(category, CategoryRow) and (category.number, category.title) == (1, "หมวดแรก")
    assert isinstance(first, MeasureRow) and isinstance(second, MeasureRow)
    assert first.cells["measure"].lines == ["๑. มาตรการแรก", "ต่อท้าย"]
    assert first.cells["responsible"].lines == ["ทุกกอง/", "ฝ่าย"]
    assert first.cells["period"].lines == ["ต.ค. ๖๗ -", "ก.ย. ๖๘"]
    assert (first.pages, first.stitched_pages) == ([3, 4], [4])
    assert second.cells["results"].lines == ["ผลที่สาม"]
    assert second.pages == [4, 5]


def test_category_label_and_title_in_two_columns() -> None:
    # A table without borders (or a scan of one) puts "ด้านที่ ๑" in the first column and its
    # title in the next.
    table = Table(
        [
            row(HEADER),
            row(["ด้านที่ ๑", "", "การปฏิบัติงานที่โปร่งใส", "", "", ""]),
            row(["๑. มาตรการแรก", "๑. ทำ", "กองคลัง", "ต.ค. ๖๗", "๑. ผล", "- ได้"]),
        ]
    )
    found = find_measures_table(Grid("docx", None, [(None, table)]))
    assert found is not None
    first = found.rows[0]
    assert isinstance(first, CategoryRow)
    assert (first.number, first.title) == (1, "การปฏิบัติงานที่โปร่งใส")


def test_no_measures_table() -> None:
    grid = Grid(
        format="docx", pages=None, blocks=[(None, Table([row(["ก", "ข"]), row(["1", "2"])]))]
    )
    assert find_measures_table(grid) is None


def test_category_row_last_on_a_page_heads_the_next_pages_measures() -> None:
    page1 = Table(
        [
            row(DAMAGED, 1),
            row(["๑. มาตรการแรก", "๑. ทำ", "กองคลัง", "ต.ค. ๖๗", "๑. ผล", "- ได้"], 1),
            row(["ด้านที่ ๒ หมวดสอง", None, None, None, None, None], 1),
        ],
        page=1,
    )
    page2 = Table(
        [row(["๑. มาตรการสอง", "๑. ทำ", "กองช่าง", "ต.ค. ๖๗", "๑. ผล", "- ได้"], 2)], page=2
    )  # no header on the second page
    table = find_measures_table(Grid("pdf", 2, [(1, page1), (2, page2)]))
    assert table is not None
    kinds = [(type(r).__name__, getattr(r, "number", None)) for r in table.rows]
    assert kinds == [("MeasureRow", None), ("CategoryRow", 2), ("MeasureRow", None)]


def test_dotted_row_is_a_category_only_above_decimal_measures() -> None:
    decimal = Table(
        [
            row(HEADER),
            row(["๑. หมวดแรก", "", "", "", "", ""]),
            row(["๑.๑ มาตรการ", "๑. ทำ", "กองคลัง", "ต.ค. ๖๗", "๑. ผล", "- ได้"]),
        ]
    )
    plain = Table(
        [
            row(HEADER),
            row(["๑. มาตรการที่ยังไม่มีผล", "", "", "", "", ""]),
            row(["๒. มาตรการ", "๑. ทำ", "กองคลัง", "ต.ค. ๖๗", "๑. ผล", "- ได้"]),
        ]
    )
    first = find_measures_table(Grid("docx", None, [(None, decimal)]))
    second = find_measures_table(Grid("docx", None, [(None, plain)]))
    assert first is not None and second is not None
    assert [type(r).__name__ for r in first.rows] == ["CategoryRow", "MeasureRow"]
    assert [type(r).__name__ for r in second.rows] == ["MeasureRow", "MeasureRow"]


@pytest.mark.parametrize(
    "label,rest",
    [
        # A scan lost the category's point: the measures under it say what it is.
        ("๑ หมวดแรก", ["", "", "", "", ""]),
        # Dust read as a dash in another cell of the category's row: it is still alone.
        ("๑. หมวดแรก", ["", "", "", "", "-"]),
    ],
)
def test_a_numbered_row_above_decimal_measures_is_a_category_through_scan_damage(
    label: str, rest: list[str]
) -> None:
    table = Table(
        [
            row(HEADER),
            row([label, *rest]),
            row(["๑.๑ มาตรการ", "๑. ทำ", "กองคลัง", "ต.ค. ๖๗", "๑. ผล", "- ได้"]),
            row(["๑.๒ มาตรการสอง", "๑. ทำ", "กองช่าง", "ต.ค. ๖๗", "๑. ผล", "- ได้"]),
        ]
    )
    found = find_measures_table(Grid("pdf", 1, [(1, table)]))
    assert found is not None
    kinds = [(type(r).__name__, getattr(r, "number", None)) for r in found.rows]
    assert kinds[0] == ("CategoryRow", 1)
    assert [k for k, _n in kinds[1:]] == ["MeasureRow", "MeasureRow"]


def test_cell_merged_down_over_two_measures_belongs_to_both(tmp_path: Path) -> None:
    import docx

    from itaparse import parse

    document = docx.Document()
    table = document.add_table(rows=3, cols=6)
    for cell, label in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = label
    for r, title in ((1, "๑. มาตรการแรก"), (2, "๒. มาตรการสอง")):
        values = [title, "๑. ทำ", "กองคลัง", "", "๑. ผล", "- ได้ ๙๐ คะแนน"]
        for cell, value in zip(table.rows[r].cells, values, strict=True):
            cell.text = value
    merged = table.cell(1, 3).merge(table.cell(2, 3))
    merged.text = "ตลอดปีงบประมาณ พ.ศ. ๒๕๖๘"
    document.save(str(tmp_path / "merged.docx"))
    measures = parse(tmp_path / "merged.docx").measures
    assert [m.period.text for m in measures] == ["ตลอดปีงบประมาณ พ.ศ. ๒๕๖๘"] * 2
    assert [m.responsible for m in measures] == ["กองคลัง", "กองคลัง"]


def test_dotted_row_followed_by_a_measure_without_title() -> None:
    # Found by the fuzzer: the measure after a '๑. …' row had an empty measure cell.
    grid = Table(
        [
            row(HEADER),
            row(["๑. หมวดแรก", "", "", "", "", ""]),
            row(["", "๑. ทำ", "กองคลัง", "ต.ค. ๖๗", "๑. ผล", "- ได้"]),
            row(["", "๑. ทำอีก", "กองช่าง", "ต.ค. ๖๗", "๑. ผล", "- ได้"]),
        ]
    )
    table = find_measures_table(Grid("docx", None, [(None, grid)]))
    assert table is not None
    assert [type(r).__name__ for r in table.rows] == ["MeasureRow"]


def test_word_table_inside_a_content_control_with_a_nested_table(tmp_path: Path) -> None:
    import copy

    import docx
    from docx.oxml import OxmlElement

    from itaparse import parse

    document = docx.Document()
    table = document.add_table(rows=2, cols=6)
    for cell, label in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = label
    values = ["๑. มาตรการแรก", "", "กองคลัง", "ต.ค. ๖๗ - ก.ย. ๖๘", "๑. ผล", "- ได้ ๙๐ คะแนน"]
    for cell, value in zip(table.rows[1].cells, values, strict=True):
        cell.text = value
    nested = table.rows[1].cells[1].add_table(rows=2, cols=1)
    nested.cell(0, 0).text = "๑. ทำสิ่งแรก"
    nested.cell(1, 0).text = "๒. ทำสิ่งที่สอง"
    # Wrap the table in a content control (w:sdt), as Word templates do.
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    sdt.append(content)
    content.append(copy.deepcopy(table._tbl))
    table._tbl.addprevious(sdt)
    table._tbl.getparent().remove(table._tbl)
    document.save(str(tmp_path / "sdt.docx"))
    measure = parse(tmp_path / "sdt.docx").measures[0]
    assert measure.methods == ["ทำสิ่งแรก", "ทำสิ่งที่สอง"]
    assert (measure.responsible, measure.score) == ("กองคลัง", 90.0)


def test_repeated_header_with_one_label_unreadable_still_continues() -> None:
    damaged = [*DAMAGED[:2], "(cid:9)(cid:9)", *DAMAGED[3:]]  # responsible label lost
    page1 = Table(
        [row(DAMAGED, 1), row(["๑. มาตรการแรก", "๑. ทำ", "กองคลัง", "ต.ค. ๖๗", "๑. ผล", "- ได้"], 1)]
    )
    page2 = Table(
        [row(damaged, 2), row(["๒. มาตรการสอง", "๑. ทำ", "กองช่าง", "ต.ค. ๖๗", "๑. ผล", "- ได้"], 2)]
    )
    other = Table([row(["ตัวชี้วัด", "คะแนน", "ระดับ"], 3), row(["ก", "๙๐", "A"], 3)])
    table = find_measures_table(Grid("pdf", 3, [(1, page1), (2, page2), (3, other)]))
    assert table is not None and table.tables == [0, 1]
    assert len(table.rows) == 2


def test_second_header_row_of_sub_labels_is_not_a_measure(tmp_path: Path) -> None:
    import docx

    from itaparse import parse

    document = docx.Document()
    table = document.add_table(rows=3, cols=9)
    labels = [
        "มาตรการ",
        "วิธีดำเนินการ",
        "ผู้รับผิดชอบ",
        "ระยะเวลาดำเนินการ",
        "",
        "",
        "",
        "ผลการดำเนินงาน",
        "ผลลัพธ์",
    ]
    for cell, label in zip(table.rows[0].cells, labels, strict=True):
        cell.text = label
    for col in (0, 1, 2, 7, 8):  # merged down over the sub-label row
        table.cell(0, col).merge(table.cell(1, col))
    table.cell(0, 3).merge(table.cell(0, 6))
    for col, quarter in zip(
        range(3, 7), ["ไตรมาส 1", "ไตรมาส 2", "ไตรมาส 3", "ไตรมาส 4"], strict=True
    ):
        table.cell(1, col).text = quarter
    values = ["๑. มาตรการแรก", "๑. ทำ", "กองคลัง", "/", "/", "", "", "๑. ผล", "- ได้ ๙๐ คะแนน"]
    for cell, value in zip(table.rows[2].cells, values, strict=True):
        cell.text = value
    document.save(str(tmp_path / "two-row-header.docx"))
    measures = parse(tmp_path / "two-row-header.docx").measures
    assert [(m.number, m.title, m.score) for m in measures] == [("1", "มาตรการแรก", 90.0)]


def test_a_sequence_column_numbers_the_measures_and_opens_them_at_a_page_top() -> None:
    header = ["ลำดับ", *HEADER]
    measure = ["มาตรการ", "๑. ทำ", "กองคลัง", "ต.ค. ๖๗", "๑. ผล", "- ได้"]
    page1 = Table(
        [
            row(header, 1),
            row(["๑. หมวดแรก", None, None, None, None, None, None], 1),
            row(["๑.๑", *measure], 1),
        ],
        page=1,
    )
    page2 = Table([row(header, 2), row(["๑.๒", *measure], 2)], page=2)
    found = find_measures_table(Grid("pdf", 2, [(1, page1), (2, page2)]))
    assert found is not None
    assert [type(r).__name__ for r in found.rows] == ["CategoryRow", "MeasureRow", "MeasureRow"]
    numbers = [r.cells["number"].lines for r in found.rows if isinstance(r, MeasureRow)]
    assert numbers == [["๑.๑"], ["๑.๒"]]


def test_a_dotted_row_above_a_number_whose_title_went_to_the_next_page() -> None:
    page1 = Table(
        [row(HEADER, 1), row(["๓. หมวดสาม", "", "", "", "", ""], 1), row(["๓.๑"], 1)], page=1
    )
    page2 = Table(
        [row(HEADER, 2), row(["มาตรการสาม", "๑. ทำ", "กองคลัง", "ต.ค. ๖๗", "๑. ผล", "- ได้"], 2)],
        page=2,
    )
    found = find_measures_table(Grid("pdf", 2, [(1, page1), (2, page2)]))
    assert found is not None
    category, measure = found.rows
    assert isinstance(category, CategoryRow) and (category.number, category.title) == (3, "หมวดสาม")
    assert isinstance(measure, MeasureRow) and measure.cells["measure"].lines == [
        "๓.๑",
        "มาตรการสาม",
    ]


def test_a_category_column_cut_by_a_page_break_continues_its_title() -> None:
    header = ["ประเด็น", *HEADER]
    rest = ["๑. ทำ", "กองคลัง", "ต.ค. ๖๗", "๑. ผล", "- ได้"]
    page1 = Table([row(header, 1), row(["๔. การใช้", "๔.๑ มาตรการแรก", *rest], 1)], page=1)
    page2 = Table(
        [
            row(header, 2),
            row(["ทรัพย์สิน", "ต่อท้าย", "", "", "", "", ""], 2),  # the row cut by the break
            row(["ทรัพย์สิน", "๔.๒ มาตรการสอง", *rest], 2),
        ],
        page=2,
    )
    page3 = Table([row(header, 3), row(["ของทางราชการ", "๔.๓ มาตรการสาม", *rest], 3)], page=3)
    found = find_measures_table(Grid("pdf", 3, [(1, page1), (2, page2), (3, page3)]))
    assert found is not None
    category, *measures = found.rows
    assert isinstance(category, CategoryRow)
    assert (category.number, category.title) == (4, "การใช้ทรัพย์สินของทางราชการ")
    assert [type(m).__name__ for m in measures] == ["MeasureRow"] * 3


def test_a_category_label_cut_before_its_number_takes_the_number_written() -> None:
    # "กลยุทธ์" at a page's foot, "ที่ ๒ : การบริหาร…" on the next: the label's number is
    # read when its rest comes, not counted from the categories' places (here they differ),
    # and the label's words are no part of the title.
    header = ["ประเด็น", *HEADER]
    rest = ["๑. ทำ", "กองคลัง", "ต.ค. ๖๗", "๑. ผล", "- ได้"]
    page1 = Table([row(header, 1), row(["กลยุทธ์", "๑. มาตรการแรก", *rest], 1)], page=1)
    page2 = Table(
        [
            row(header, 2),
            row(["ที่ ๓ : การบริหารงานบุคคล", "ต่อท้าย", "", "", "", "", ""], 2),
            row(["", "๒. มาตรการสอง", *rest], 2),
        ],
        page=2,
    )
    found = find_measures_table(Grid("pdf", 2, [(1, page1), (2, page2)]))
    assert found is not None
    category = found.rows[0]
    assert isinstance(category, CategoryRow)
    assert (category.number, category.title) == (3, "การบริหารงานบุคคล")


def test_the_next_categorys_label_beside_a_rows_rest_opens_that_category() -> None:
    # The measure at the foot of page 1 is the first of category ๓, whose merged cell,
    # centred lower, shows its label only on page 2, beside the row's rest: the measure
    # belongs to ๓, and ๒'s title takes none of ๓'s label.
    header = ["ประเด็น", *HEADER]
    rest = ["๑. ทำ", "กองคลัง", "ต.ค. ๖๗", "๑. ผล", "- ได้"]
    page1 = Table(
        [
            row(header, 1),
            row(["(๒) การใช้งบประมาณ", "๓. มาตรการสาม", *rest], 1),
            row(["", "๔. มาตรการสี่", *rest], 1),
        ],
        page=1,
    )
    page2 = Table([row(header, 2), row(["(๓) การปฏิบัติงาน", "ต่อท้าย", "", "", "", "", ""], 2)], page=2)
    found = find_measures_table(Grid("pdf", 2, [(1, page1), (2, page2)]))
    assert found is not None
    kinds = [
        (r.number, r.title) if isinstance(r, CategoryRow) else type(r).__name__ for r in found.rows
    ]
    assert kinds == [(2, "การใช้งบประมาณ"), "MeasureRow", (3, "การปฏิบัติงาน"), "MeasureRow"]


def test_category_labels_with_a_space_before_ti_read_as_labels() -> None:
    from itaparse.numbering import category_match

    assert category_match("กลยุทธ์ ที่ ๒ : การบริหารงานบุคคล") == (2, "การบริหารงานบุคคล")
    assert category_match("ด้าน ที่ 3 การใช้ทรัพย์สิน") == (3, "การใช้ทรัพย์สิน")


def test_a_category_label_wrapped_into_the_sequence_column_is_no_number() -> None:
    header = ["ที่", *HEADER]
    page1 = Table([row(header, 1), row(["๓. การปฏิบัติงานและการให้", *[None] * 6], 1)], page=1)
    page2 = Table(
        [
            row(header, 2),
            row(["บริการที่โปร่งใส", *[""] * 6], 2),
            row(["๓.๑", "มาตรการ", "๑. ทำ", "กองคลัง", "ต.ค. ๖๗", "๑. ผล", "- ได้"], 2),
        ],
        page=2,
    )
    found = find_measures_table(Grid("pdf", 2, [(1, page1), (2, page2)]))
    assert found is not None
    category, measure = found.rows
    assert isinstance(category, CategoryRow) and isinstance(measure, MeasureRow)
    assert (category.number, category.title) == (3, "การปฏิบัติงานและการให้บริการที่โปร่งใส")


def _cut_head_grid(head: list[str], rest: list[str], above: bool = True) -> Grid:
    """Page 3 ends with a row without a subject (the head of a row WeasyPrint cut, or a clerk's
    extra row); page 4's table opens with a measure."""
    first = ["๑. มาตรการแรก", "๑. ทำ", "กองคลัง", "ต.ค. ๖๗", "๑. ผล", "ผ่านการประเมิน ๙๐.๕๐ คะแนน"]
    rows = [row(HEADER, 3), *([row(first, 3)] if above else []), row(head, 3)]
    return Grid(
        format="pdf",
        pages=4,
        blocks=[(3, Table(rows, page=3)), (4, Table([row(HEADER, 4), row(rest, 4)], page=4))],
    )


def test_the_head_of_a_cut_row_left_under_the_measure_above_opens_the_next() -> None:
    """WeasyPrint keeps a paragraph's lines together: the subject goes to the next page, and a
    one-line cell (the responsible unit) and the first lines of a cut paragraph stay behind in
    a row of their own. The next page's measure lacks the unit: the two parts are one row."""
    grid = _cut_head_grid(
        ["", "๑. จัดกิจกรรมสร้าง", "งานการเจ้าหน้าที่", "", "", ""],
        ["๒. มาตรการสอง", "จิตสำนึก", "", "ต.ค. ๖๗", "๑. ผลสอง", "ผ่านการประเมิน ๘๐.๒๕ คะแนน"],
    )
    table = find_measures_table(grid)
    assert table is not None
    first, second = table.rows
    assert isinstance(first, MeasureRow) and isinstance(second, MeasureRow)
    assert first.cells["responsible"].lines == ["กองคลัง"]
    assert second.cells["responsible"].lines == ["งานการเจ้าหน้าที่"]
    assert second.cells["methods"].paragraphs == [["๑. จัดกิจกรรมสร้าง", "จิตสำนึก"]]
    assert (second.pages, first.doubts, second.doubts) == ([3, 4], [], [])


def test_a_cut_head_alone_under_a_heading_opens_the_next_pages_measure() -> None:
    grid = _cut_head_grid(
        ["", "", "งานการเจ้าหน้าที่", "", "", ""],
        ["๑. มาตรการแรก", "๑. ทำ", "", "ต.ค. ๖๗", "๑. ผล", "คะแนน ๘๐"],
        above=False,
    )
    table = find_measures_table(grid)
    assert table is not None
    (only,) = table.rows
    assert isinstance(only, MeasureRow)
    assert only.cells["measure"].lines == ["๑. มาตรการแรก"]
    assert only.cells["responsible"].lines == ["งานการเจ้าหน้าที่"]


def test_a_row_without_subject_that_could_be_either_measures_puts_both_in_doubt(
    tmp_path: Path,
) -> None:
    """Where the next page's measure has every column the row fills, nothing tells whose the
    row is: it stays with the measure above, both measures carry a warning, and no score is
    given from either."""
    from itaparse.report import build_report

    grid = _cut_head_grid(
        ["", "๒. ทำต่อ", "", "", "๒. ผลต่อ", "ผ่านการประเมิน ๗๐.๒๕ คะแนน"],
        ["๒. มาตรการสอง", "๑. ทำสอง", "กองช่าง", "ต.ค. ๖๗", "๑. ผลสอง", "ผ่านการประเมิน ๘๐.๒๕ คะแนน"],
    )
    (tmp_path / "cut.pdf").write_bytes(b"%PDF-1.4")  # hashed for source.sha256
    report = build_report(grid, tmp_path / "cut.pdf")
    measures = report.categories[0].measures
    assert [m.score for m in measures] == [None, None]
    codes = {(w.measure, w.code) for w in report.warnings}
    assert {("1", "row-cut-unsure"), ("2", "row-cut-unsure")} <= codes
    assert {("1", "unsure-score"), ("2", "unsure-score")} <= codes


def test_a_group_label_of_any_length_heads_its_columns() -> None:
    """The NACC form's group label carries its purpose and year, longer than any label."""
    group = (
        "แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ เพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน "
        "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"
    )
    top = row(["ประเด็น", "ผลการประเมิน (คะแนน)", group, None, None, "ผลการดำเนินงาน"])
    second = row(["", "", "ขั้นตอน/วิธีการ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ", ""])
    for r in (top, second):  # the other labels are merged down over both rows
        for c in (0, 1, 5):
            if r is second:
                r.cells[c] = Cell(above=top.cells[c])
    body = row(["i1 การปฏิบัติงาน", "๙๐.๕๐", "๑. ทำ", "กองคลัง", "ต.ค. ๖๗", "๑. ผล"])
    grid = Grid(format="docx", pages=None, blocks=[(None, Table([top, second, body]))])
    table = find_measures_table(grid)
    assert table is not None
    assert table.header == {
        0: "measure",
        1: "score",
        2: "methods",
        3: "responsible",
        4: "period",
        5: "results",
    }


def test_a_note_in_a_label_is_no_part_of_it() -> None:
    """ "ข้อค้นพบ *แสดงการวิเคราะห์ผลการประเมิน*" holds ผลการประเมิน only in its note: no score."""
    from itaparse.vocabulary import field_score

    assert field_score("ข้อค้นพบ *แสดงการวิเคราะห์ผลการประเมิน*", "score") == 0.0
    assert field_score("ผลลัพธ์ *ระบุผลเชิงปริมาณ*", "outcomes") == 1.0
    assert field_score("ผลการประเมิน (คะแนน)", "score") == 1.0
    # A note a wrapped header has not closed yet is no part either.
    assert field_score("ผลลัพธ์/ความสำเร็จ *ระบุผลเชิง", "outcomes") == 1.0


def test_a_headerless_table_without_the_merged_column_continues_the_table_before() -> None:
    """Chromium draws no rules for a category column's merged cell on the pages it runs onto:
    the table there has one column less, and its rules are the others' rules."""
    xs = [40.0, 100.0, 160.0, 220.0, 280.0, 340.0, 400.0, 460.0]

    def boxes(first: int) -> list[tuple[float, float, float, float]]:
        return [(xs[c], 0.0, xs[c + 1], 10.0) for c in range(first, 7)]

    header = ["ประเด็น", *HEADER]
    page1 = Table(
        [
            row(header, 1),
            row(["ด้านที่ ๑ การแรก", "๑. มาตรการแรก", "ทำ", "กองคลัง", "ต.ค. ๖๗", "ผล", "ได้"], 1),
        ],
        page=1,
        cells=boxes(0),
    )
    page2 = Table(
        [row(["๒. มาตรการสอง", "ทำสอง", "กองช่าง", "ต.ค. ๖๗", "ผลสอง", "ได้สอง"], 2)],
        page=2,
        cells=boxes(1),
    )
    # Page 3 holds two such tables: each is placed among the first table's columns, not
    # measured against the narrower one before it.
    page3 = [
        Table(
            [row(["๓. มาตรการสาม", "ทำ", "กองช่าง", "ต.ค. ๖๗", "ผล", "ได้"], 3)], 3, cells=boxes(1)
        ),
        Table([row(["๔. มาตรการสี่", "ทำ", "กองช่าง", "ต.ค. ๖๗", "ผล", "ได้สี่"], 3)], 3, cells=boxes(1)),
    ]
    grid = Grid(format="pdf", pages=3, blocks=[(1, page1), (2, page2), *((3, t) for t in page3)])
    table = find_measures_table(grid)
    assert table is not None and table.tables == [0, 1, 2, 3]
    category, _first, second, _third, fourth = table.rows
    assert isinstance(category, CategoryRow) and category.title == "การแรก"
    assert isinstance(second, MeasureRow) and isinstance(fourth, MeasureRow)
    assert second.cells["measure"].lines == ["๒. มาตรการสอง"]
    assert second.cells["outcomes"].lines == ["ได้สอง"]
    assert fourth.cells["outcomes"].lines == ["ได้สี่"]


def test_a_row_across_every_column_is_a_category_however_numbered() -> None:
    """ "1. การป้องกันผลประโยชน์ทับซ้อน" in one cell across the table, over measures numbered
    "1." too: the row is the category, not a measure."""
    rows = [
        row(HEADER),
        row(["1. การป้องกันผลประโยชน์ทับซ้อน", None, None, None, None, None]),
        row(["1. มาตรการแรก", "ทำ", "กองคลัง", "ต.ค. ๖๗", "ผล", "ได้"]),
        row(["2. การเปิดเผยข้อมูล", None, None, None, None, None]),
        row(["1. มาตรการสอง", "ทำ", "กองช่าง", "ต.ค. ๖๗", "ผล", "ได้"]),
    ]
    grid = Grid(format="docx", pages=None, blocks=[(None, Table(rows))])
    table = find_measures_table(grid)
    assert table is not None
    kinds = [(type(r).__name__, getattr(r, "number", None)) for r in table.rows]
    assert kinds == [
        ("CategoryRow", 1),
        ("MeasureRow", None),
        ("CategoryRow", 2),
        ("MeasureRow", None),
    ]


def test_a_label_that_begins_with_a_known_one_outranks_one_that_holds_another() -> None:
    """ "มาตรการ/แนวทางการดำเนินการ" begins with มาตรการ/แนวทาง (the measure) and holds
    แนวทางการดำเนินการ (methods) at more length: it is the measure."""
    assert map_header(
        row(["มาตรการ/แนวทางการดำเนินการ", "วิธีการดำเนินงาน (ระบุขั้นตอน)", "ผลการปฏิบัติ"])
    ) == {0: "measure", 1: "methods", 2: "results"}


def test_a_measure_without_a_subject_gives_no_score_and_says_so(tmp_path: Path) -> None:
    from itaparse.report import build_report

    rows = [
        row(HEADER),
        row(["๑. มาตรการแรก", "ทำ", "กองคลัง", "ต.ค. ๖๗", "ผล", "ผ่านการประเมิน ๙๐.๕๐ คะแนน"]),
    ]
    heading = "(๒) หมวดสอง"
    orphan = row(["", "ทำ", "กองช่าง", "ต.ค. ๖๗", "ผล", "ผ่านการประเมิน ๘๓.๘๘ คะแนน"])
    grid = Grid(
        format="docx",
        pages=None,
        blocks=[(None, Table(rows)), (None, heading), (None, Table([row(HEADER), orphan]))],
    )
    (tmp_path / "r.docx").write_bytes(b"PK")
    report = build_report(grid, tmp_path / "r.docx")
    orphaned = report.categories[-1].measures[0]
    assert (orphaned.title, orphaned.score) == ("", None)
    codes = {w.code for w in report.warnings if w.measure == "2.1"}
    assert {"no-title", "unsure-score"} <= codes


def test_a_column_of_results_that_mention_a_date_is_no_period() -> None:
    """A column whose label is lost takes its role from its content: dates inside numbered
    results ("๑. ประกาศแล้วเมื่อวันที่ ๑๕ ตุลาคม ๒๕๖๗") do not make it the period."""
    header = row(["มาตรการ", "วิธีดำเนินการ", "ผู้รับผิดชอบ", "ดำเนินงาน"])
    body = [
        row(["๑. มาตรการแรก", "ทำ", "กองคลัง", "๑. ประกาศนโยบายแล้วเมื่อวันที่ ๑๕ ตุลาคม ๒๕๖๗"]),
        row(["๒. มาตรการสอง", "ทำ", "กองช่าง", "๑. จัดอบรมแล้วเมื่อวันที่ ๒ ธันวาคม ๒๕๖๗"]),
    ]
    table = find_measures_table(
        Grid(format="docx", pages=None, blocks=[(None, Table([header, *body]))])
    )
    assert table is not None and "period" not in table.header.values()


def test_a_lone_vowel_is_no_subject_and_takes_no_number(tmp_path: Path) -> None:
    """ "ใ" alone (Chromium's clipped copy of the next page's first line) opens no measure that
    would push the numbers of the measures after it."""
    from itaparse.report import build_report

    rows = [
        row(HEADER),
        row(["ใ", "", "", "", "", ""]),
        row(["i6 บุคลากรในหน่วยงาน", "ทำ", "กองคลัง", "ต.ค. ๖๗", "ผล", "ผ่านการประเมิน ๙๙.๕๖ คะแนน"]),
    ]
    (tmp_path / "r.docx").write_bytes(b"PK")
    grid = Grid(format="docx", pages=None, blocks=[(None, Table(rows))])
    measures = build_report(grid, tmp_path / "r.docx").measures
    assert [(m.number, m.score) for m in measures][-1] == ("1", 99.56)


def test_a_column_of_measure_numbers_whose_label_is_lost_is_no_score() -> None:
    """ "๑.๑", "๑.๒", "๒.๑" in order number the rows; they are 0-100 but no scores. Scores
    in a column without a label are still read from it."""
    from itaparse.table_header import Header, refine

    header = Header(0, 1, {1: "measure", 2: "responsible", 3: "results"}, {}, 3.0)
    numbers = [row([n, "มาตรการ", "กองคลัง", "ผล"]) for n in ("๑.๑", "๑.๒", "๒.๑")]
    scores = [row([n, "มาตรการ", "กองคลัง", "ผล"]) for n in ("๘๗.๕๐", "๙๑.๒๕", "๗๖")]
    refined = refine(header, numbers)
    assert refined is not None and 0 not in refined.fields
    refined = refine(header, scores)
    assert refined is not None and refined.fields.get(0) == "score"


def test_a_column_of_whole_numbers_without_a_label_is_no_score() -> None:
    """A scan's columns may cut a date's day from the period ("30" of "30 กันยายน"): whole
    numbers where no label stands are no score; under a label with คะแนน they are."""
    from itaparse.table_header import Header, refine

    fields = {0: "measure", 1: "period", 3: "results"}
    days = [row(["มาตรการ", "ตุลาคม ๒๕๖๗ -", d, "ผล"]) for d in ("30", "1", "30")]
    refined = refine(Header(0, 1, fields, {}, 3.0), days)
    assert refined is not None and 2 not in refined.fields
    labelled = Header(0, 1, fields, {2: "คะแนน"}, 3.0)
    refined = refine(labelled, days)
    assert refined is not None and refined.inferred == {2: "score"}


def test_a_column_adopted_from_a_repeated_header_stays_inferred() -> None:
    """A role read from a later page's content is still a guess on every page: the warning
    that says so is not lost when the first header adopts it."""
    from itaparse.table import _adopt
    from itaparse.table_header import Header

    first = Header(0, 1, {0: "measure", 1: "results"}, {}, 2.0)
    repeat = Header(0, 1, {0: "measure", 1: "results", 2: "score"}, {}, 2.0, {2: "score"})
    _adopt(first, repeat)
    assert (first.fields[2], first.inferred) == ("score", {2: "score"})


def test_a_score_column_the_outcomes_contradict_gives_no_score(tmp_path: Path) -> None:
    """The score column reads 30 and the outcomes state 73 คะแนน: one reading is wrong and the
    row does not say which, so the measure has no score and a warning says why."""
    from itaparse.report import build_report

    header = row([*HEADER[:4], "คะแนน", *HEADER[4:]])
    rows = [
        header,
        row(["๑. มาตรการแรก", "ทำ", "กองคลัง", "ต.ค. ๖๗", "30", "ผล", "ผ่านการประเมิน ๗๓ คะแนน"]),
        row(["๒. มาตรการสอง", "ทำ", "กองช่าง", "ต.ค. ๖๗", "88.50", "ผล", "ได้ ๘๘.๕๐ คะแนน"]),
    ]
    (tmp_path / "r.docx").write_bytes(b"PK")
    report = build_report(
        Grid(format="docx", pages=None, blocks=[(None, Table(rows))]), tmp_path / "r.docx"
    )
    assert [m.score for m in report.measures] == [None, 88.5]
    [warning] = [w for w in report.warnings if w.measure == "1" and w.code == "unsure-score"]
    assert "reads 30 and the outcomes state 73" in warning.message


def _merged_report(cells: list[str]) -> dict[str, object]:
    from itaparse.report import build_report

    table = Table(
        [
            row(HEADER),
            row(["(๑) หมวดแรก", None, None, None, None, None]),
            row(cells),
            row(["๑.๓ มาตรการที่สาม", "๑. ทำ", "กองช่าง", "ต.ค. ๖๗", "๑. ผล", "๘๐.๐๐ คะแนน"]),
        ]
    )
    grid = Grid("docx", None, [(None, table)])
    return build_report(grid, Path(__file__)).model_dump(mode="json")


def test_a_row_holding_two_numbered_measures_gives_neither_a_score() -> None:
    # A scan (or a table drawn without one rule) puts measures 1.1 and 1.2 in one row: the
    # score read there may be either's, so it is left out, with a warning on the row.
    report = _merged_report(
        [
            "๑.๑ มาตรการแรก\n๑.๒ มาตรการที่สอง",
            "๑. ทำ\n๑. ทำสอง",
            "กองคลัง",
            "ต.ค. ๖๗",
            "๑. ผล",
            "ผ่าน ๙๐.๐๐ คะแนน\nผ่าน ๘๕.๕๐ คะแนน",
        ]
    )
    first, third = report["categories"][0]["measures"]  # type: ignore[index]
    assert first["score"] is None and third["score"] == 80.0
    codes = {(w["code"], w["measure"]) for w in report["warnings"]}  # type: ignore[attr-defined]
    assert ("rows-merged", "1.1") in codes and ("unsure-score", "1.1") in codes
    # Its period may be either's too: its text is kept, its dates are not.
    assert first["period"]["text"] == "ต.ค. ๖๗" and first["period"]["start"] is None
    assert third["period"]["start"] == "2024-10-01" and ("unsure-period", "1.1") in codes


def test_items_listed_under_a_title_are_not_a_second_row() -> None:
    # "๑.๑ …" over its own items "๑) …", "๒) …" or "๑.๑.๑ …": another form, one measure.
    for items in ("๑) ทำหนึ่ง\n๒) ทำสอง", "๑.๑.๑ ทำหนึ่ง\n๑.๑.๒ ทำสอง"):
        report = _merged_report(
            [f"๑.๑ มาตรการแรก\n{items}", "๑. ทำ", "กองคลัง", "ต.ค. ๖๗", "๑. ผล", "๙๐.๐๐ คะแนน"]
        )
        first = report["categories"][0]["measures"][0]  # type: ignore[index]
        assert first["score"] == 90.0
        assert not [w for w in report["warnings"] if w["code"] == "rows-merged"]  # type: ignore[attr-defined]


def test_a_continued_row_with_label_words_is_no_new_header() -> None:
    # The rest of a measure at the top of the next page fills two cells with sentences that
    # hold label words ("ผลการดำเนินงาน…", "มาตรการ…"): body, not a header over the page.
    page1 = Table(
        [
            row(HEADER, 1),
            row(["๑. มาตรการแรก", "๑. ทำ", "กองคลัง", "ต.ค. ๖๗", "๑. ผล", "- ได้"], 1),
        ],
        page=1,
    )
    page2 = Table(
        [
            row(["", "", "", "", "ผลการดำเนินงานประชุมแล้ว ๒ ครั้ง", "มาตรการอยู่ที่ร้อยละ ๖๓.๐๐"], 2),
            row(["๒. มาตรการสอง", "๑. ทำ", "กองช่าง", "ต.ค. ๖๗", "๑. ผล", "- ได้"], 2),
        ],
        page=2,
    )
    table = find_measures_table(Grid("pdf", 2, [(1, page1), (2, page2)]))
    assert table is not None and len(table.headers) == 1
    first, second = table.rows
    assert isinstance(first, MeasureRow) and isinstance(second, MeasureRow)
    assert first.cells["outcomes"].lines == ["- ได้", "มาตรการอยู่ที่ร้อยละ ๖๓.๐๐"]
    assert second.cells["responsible"].lines == ["กองช่าง"]


def _scored(score_cell: str) -> object:
    from itaparse.report import build_report

    header = [*HEADER, "คะแนน"]
    cells = ["๑. มาตรการแรก", "๑. ทำ", "กองคลัง", "ต.ค. ๖๗", "ผลการประเมินอยู่ที่ ๗๐.๕๑ คะแนน", "- ได้"]
    table = Table([row(header), row([*cells, score_cell])])
    report = build_report(Grid("docx", None, [(None, table)]), Path(__file__))
    return report.categories[0].measures[0].score


def test_a_number_a_narrow_score_column_wrapped_is_read_whole() -> None:
    assert _scored("๘\n๖.๔๘") == 86.48


def test_a_score_column_number_that_cannot_be_read_is_not_replaced_by_the_texts() -> None:
    # The results state another number (a target, last year's): it never stands in.
    assert _scored("๘ ๖.๔๘ ๑") is None
    assert _scored("-") == 70.51  # no number in the score column: the text's score


def test_a_row_across_the_table_is_a_category_whatever_its_label_became(tmp_path: Path) -> None:
    """OCR leaves a category's label unreadable ("mui ๑", "ดานท ๒"); its row spanning every
    column says what it is. Read so, it is warned of; text that is no label stays a measure's."""
    from itaparse.report import build_report

    spanning = [None] * (len(HEADER) - 1)
    body = [
        row(["mui ๑ การปฏิบัติงานและการให้บริการที่โปร่งใส", *spanning]),
        row(["๑. มาตรการยกระดับคุณภาพการให้บริการ", "จัดทำคู่มือ", "สำนักปลัด", "", "", ""]),
        row(["ดานท ๒ การใช้งบประมาณและการจัดซื้อจัดจ้าง", *spanning]),
        row(["๑. มาตรการเปิดเผยข้อมูลการจัดซื้อ", "ประกาศ", "กองคลัง", "", "", ""]),
        # A label as long as the longest ("ยุทธศาสตร์ที่"), a letter and a mark misread.
        row(["คลยุทธ์ที้ ๓ การใช้ทรัพย์สินของทางราชการ", *spanning]),
        row(["๑. มาตรการกำกับดูแลการใช้ทรัพย์สิน", "ตรวจสอบ", "กองช่าง", "", "", ""]),
        row(["หมายเหตุ ข้อมูลตามแผนปี", *spanning]),  # no number: no category
    ]
    grid = Grid(format="pdf", pages=1, blocks=[(1, Table([row(HEADER), *body], 1))])
    (tmp_path / "r.pdf").write_bytes(b"%PDF")
    report = build_report(grid, tmp_path / "r.pdf")
    assert [(c.number, c.title) for c in report.categories] == [
        (1, "การปฏิบัติงานและการให้บริการที่โปร่งใส"),
        (2, "การใช้งบประมาณและการจัดซื้อจัดจ้าง"),
        (3, "การใช้ทรัพย์สินของทางราชการ"),
    ]
    unclear = [w for w in report.warnings if w.code == "unclear-category"]
    assert len(unclear) == 3 and "'mui ๑ การปฏิบัติงาน" in unclear[0].message


def test_a_damaged_label_in_a_row_of_its_own_cells_is_no_category() -> None:
    from itaparse.table_rows import category_of

    assert category_of(row(["mui ๑ การปฏิบัติงานและการให้บริการ", "", "", "", "", ""])) is None


def test_a_column_of_scores_is_the_score_column_whatever_its_label_became(
    tmp_path: Path,
) -> None:
    """A stamp or dust over the label ("ผลคะแนน" read "ผ ย : (คะ แน่ วี"): numbers 0-100 with
    two decimals say what the column is; whole numbers (a count) do not."""
    from itaparse.report import build_report

    def report(values: list[str]) -> list[float | None]:
        header = row(["ประเด็น", "ผ ย : (คะ แน่ วี", "ขั้นตอน/วิธีการ", "ผู้รับผิดชอบ"])
        body = [row([f"{n}. มาตรการที่ {n}", v, "ประชุม", "สำนักปลัด"]) for n, v in enumerate(values, 1)]
        grid = Grid(format="pdf", pages=1, blocks=[(1, Table([header, *body], 1))])
        (tmp_path / "r.pdf").write_bytes(b"%PDF")
        built = build_report(grid, tmp_path / "r.pdf")
        if values[0].count(".") == 1:
            assert any(w.code == "inferred-column" for w in built.warnings)
        return [m.score for m in built.measures]

    assert report(["๘๙.๐๗", "๗๔.๐๓", "๘๑.๓๓"]) == [89.07, 74.03, 81.33]
    assert report(["๑๒", "๓๐", "๔๕"]) == [None, None, None]


def test_a_column_mapped_on_a_later_page_is_mapped_on_the_first() -> None:
    """A label damaged on the first page's header, read on the repeat of the header: the
    first page's rows are mapped by it too."""
    damaged = [*HEADER[:4], "ผ ล ก า ร", HEADER[5]]
    first = Table([row(damaged), row(["๑. มาตรการแรก", "ประชุม", "กองคลัง", "", "ผลแรก", ""], 1)], 1)
    second = Table(
        [row(HEADER, 2), row(["๒. มาตรการสอง", "อบรม", "กองช่าง", "", "ผลสอง", ""], 2)], 2
    )
    grid = Grid(format="pdf", pages=2, blocks=[(1, first), (2, second)])
    table = find_measures_table(grid)
    assert table is not None
    results = [r.cells["results"].lines for r in table.rows if isinstance(r, MeasureRow)]
    assert results == [["ผลแรก"], ["ผลสอง"]]


def test_a_numbered_row_whose_subject_moved_to_the_next_page_opens_its_measure() -> None:
    """WeasyPrint cut row at a page's foot: the sequence column holds the next number and one
    one-line cell (the unit), the subject went to the next page under the repeated header. The
    number opens the measure: the unit is not the measure above's, nor its score this one's."""
    header = ["ลำดับ", *HEADER]
    first = ["๑.๑", "มาตรการแรก", "๑. ทำ", "งานการเจ้าหน้าที่", "ต.ค. ๖๗", "๑. ผล", "ได้ ๘๗ คะแนน"]
    page1 = Table(
        [row(header, 1), row(first, 1), row(["๑.๒", "", "", "สำนักปลัด", "", "", ""], 1)],
        page=1,
    )
    rest = ["", "มาตรการสอง", "๑. ทำอีก", "", "ตลอดปี", "๑. ผลสอง", "ได้ ๗๒ คะแนน"]
    page2 = Table([row(header, 2), row(rest, 2)], page=2)
    found = find_measures_table(Grid("pdf", 2, [(1, page1), (2, page2)]))
    assert found is not None
    one, two = found.rows
    assert isinstance(one, MeasureRow) and isinstance(two, MeasureRow)
    assert one.cells["responsible"].lines == ["งานการเจ้าหน้าที่"]
    assert one.cells["outcomes"].lines == ["ได้ ๘๗ คะแนน"]
    assert two.cells["number"].lines == ["๑.๒"]
    assert two.cells["measure"].lines == ["มาตรการสอง"]
    assert (two.cells["responsible"].lines, two.pages) == (["สำนักปลัด"], [1, 2])


def test_a_header_cut_at_a_page_foot_above_a_blank_row_goes_on_over_the_page() -> None:
    """The header ends a page with the first row of the body begun but blank (Chromium cut
    it there); the next page opens with the header's last row, the columns' numbers. That
    row is the header's, not a measure with "(3)" for its unit."""
    page1 = Table([row(HEADER, 1), row([""] * 6, 1)], page=1)
    numbers = ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]
    body = ["๑. มาตรการแรก", "๑. ทำ", "กองคลัง", "ต.ค. ๖๗", "๑. ผล", "ได้ ๘๗ คะแนน"]
    page2 = Table([row(numbers, 2), row(body, 2)], page=2)
    found = find_measures_table(Grid("pdf", 2, [(1, page1), (2, page2)]))
    assert found is not None
    (only,) = found.rows
    assert isinstance(only, MeasureRow)
    assert only.cells["responsible"].lines == ["กองคลัง"]


def test_a_blank_row_opening_a_page_hands_the_opening_on() -> None:
    """Chromium leaves a blank row at the top of a page where no header repeats; the row under
    it is the rest of the measure the page break cut, though its subject cell has text."""
    first = ["e1 เจ้าหน้าที่ของ", "๑. ทำ", "กองคลัง", "ต.ค. ๖๗", "๑. ผล", "ได้ ๘๗ คะแนน"]
    page1 = Table([row(HEADER, 1), row(first, 1)], page=1)
    rest = ["หน่วยงาน", "ต่อ", "", "", "ผลต่อ", ""]
    page2 = Table([row([""] * 6, 2), row(rest, 2)], page=2)
    found = find_measures_table(Grid("pdf", 2, [(1, page1), (2, page2)]))
    assert found is not None
    (only,) = found.rows
    assert isinstance(only, MeasureRow) and only.pages == [1, 2]
    assert only.cells["measure"].lines == ["e1 เจ้าหน้าที่ของ", "หน่วยงาน"]


def test_a_piece_of_a_header_cut_at_a_page_foot_is_no_body() -> None:
    """A shaded header at a page's foot comes out of pdfplumber as tables of its own; one
    whose columns sit among the measures table's holds labels only: no measure."""
    xs = [40.0, 100.0, 160.0, 220.0, 280.0, 340.0, 400.0]
    cells = [(xs[c], 0.0, xs[c + 1], 10.0) for c in range(6)]
    body = ["๑. มาตรการแรก", "๑. ทำ", "กองคลัง", "ต.ค. ๖๗", "๑. ผล", "ได้ ๘๗ คะแนน"]
    page1 = Table([row(HEADER, 1), row(body, 1)], page=1, cells=cells)
    piece = Table(
        [row(["วิธีดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ"], 1)],
        page=1,
        cells=[(xs[c], 20.0, xs[c + 1], 30.0) for c in range(1, 4)],
    )
    found = find_measures_table(Grid("pdf", 1, [(1, page1), (1, piece)]))
    assert found is not None
    (only,) = found.rows
    assert isinstance(only, MeasureRow) and only.cells["responsible"].lines == ["กองคลัง"]


def test_a_group_label_in_two_rows_and_column_numbers_are_the_header() -> None:
    """The NACC form's group label wrapped into a row of its own, spanning what it spans,
    then the sub-labels, then a row of column numbers: all header, no measure of labels."""
    header = row(
        [
            "ประเด็น",
            "ผลการประเมิน (คะแนน)",
            "แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ",
            None,
            None,
            "ผลการดำเนินงาน",
        ],
        1,
    )
    group_rest = row(["", "", "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", None, None, ""], 1)
    subs = row(["", "", "ขั้นตอน/วิธีการ", "ผู้รับผิดชอบ/ผู้ที่เกี่ยวข้อง", "ระยะเวลาดำเนินการ", ""], 1)
    numbers = row(["", "", "(4)", "(5)", "(6)", ""], 1)
    body = row(["o11 ข้อมูลเชิงสถิติ", "๕๔.๓๙", "๑. จัดทำ", "กองคลัง", "ต.ค. ๖๗", "๑. ประกาศ"], 1)
    found = find_measures_table(
        Grid("pdf", 1, [(1, Table([header, group_rest, subs, numbers, body], 1))])
    )
    assert found is not None
    (only,) = found.rows
    assert isinstance(only, MeasureRow)
    assert only.cells["responsible"].lines == ["กองคลัง"]


def test_a_row_of_column_numbers_below_a_blank_header_row_is_no_measure(tmp_path: Path) -> None:
    """The NACC form as Chromium draws it: labels, a blank row (the note's), then the
    header's column numbers. The numbers are no measure, wherever the header ends."""
    from itaparse.report import build_report

    rows = [
        row(HEADER),
        row(["", "", "", "", "", ""]),
        row(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]),
        row(["๑. มาตรการแรก", "ทำ", "กองคลัง", "ต.ค. ๖๗", "ผล", "ผ่านการประเมิน ๙๐.๕๐ คะแนน"]),
    ]
    (tmp_path / "r.docx").write_bytes(b"PK")
    grid = Grid(format="docx", pages=None, blocks=[(None, Table(rows))])
    measures = build_report(grid, tmp_path / "r.docx").measures
    assert [(m.number, m.responsible, m.score) for m in measures] == [("1", "กองคลัง", 90.5)]


def test_a_header_row_that_swallowed_the_category_row_below_gives_it_back() -> None:
    """A copy loses the rule under the header: the first column's header cell holds its label
    and the category row below it (".1. การปฏิบัติ…", a speck before the number). Read whole,
    the label is unknown and "กิจกรรม" (the methods) took the measure's place, every title a
    method. The numbered lines are a row of their own under the header."""
    swallowed = "แผนงาน/\nโครงการ/\nกิจกรรม.\n.1. การปฏิบัติ\nงานและการให้\nบริการที่โปร่งใส"
    labels = [swallowed, "กิจกรรม", "ผู้รับผิดชอบ", "ระยะเวลา\nดำเนินการ", "ผลการดำเนิน\nการ"]
    body = ["1.1 มาตรการยกระดับ\nคุณภาพการให้บริการ", "1. จัดทำคู่มือ", "สำนักปลัด", "ต.ค. 67 - ก.ย. 68"]
    table = Table([row(labels, 3), row([*body, "1. จัดทำคู่มือแล้ว"], 3)], page=3)
    found = find_measures_table(Grid("pdf", 3, [(3, table)]))
    assert found is not None
    assert found.header == {0: "measure", 1: "methods", 2: "responsible", 3: "period", 4: "results"}
    category, measure = found.rows
    assert isinstance(category, CategoryRow) and isinstance(measure, MeasureRow)
    assert (category.number, category.title) == (1, "การปฏิบัติงานและการให้บริการที่โปร่งใส")
    assert join_wrapped(measure.cells["measure"].lines).startswith("1.1 มาตรการยกระดับ")


def test_a_rows_rest_whose_words_hold_labels_is_no_repeated_header() -> None:
    # The rest of a measure under the header repeated on the next page: its cells hold
    # words labels are made of ("…กำหนดแนวทางแก้ไข", "…ผลการปฏิบัติงาน…"), and alone the row
    # reads as a header, of other columns than the table's. It is the measure's rest, not
    # the header printed again (seed 4100 LibreOffice no.170 dropped it).
    first = Table(
        [row(HEADER, 1), row(["๑. มาตรการแรก", "๑. ทำ", "กองคลัง", "ต.ค. ๖๗", "๑. ผล", "- ได้"], 1)],
        page=1,
    )
    rest = ["ต่อท้าย", "บริหารและกำหนดแนวทางแก้ไข", "", "", "ณาผลการปฏิบัติงานที่มีผู้แทน", ""]
    second = Table([row(HEADER, 2), row(rest, 2)], page=2)
    found = find_measures_table(Grid(format="pdf", pages=2, blocks=[(1, first), (2, second)]))
    assert found is not None
    measures = [r for r in found.rows if isinstance(r, MeasureRow)]
    assert len(measures) == 1
    assert join_wrapped(measures[0].cells["measure"].lines) == "๑. มาตรการแรกต่อท้าย"
    assert "แนวทางแก้ไข" in join_wrapped(measures[0].cells["methods"].lines)


def test_specks_inside_a_category_labels_brackets_are_no_part_of_it() -> None:
    # ",(1,) การใช้ทรัพย์สิน…" on a speckled scan (seed 48, loma sample: a category lost).
    from itaparse.table_rows import category_label

    assert category_label(",(1,) การใช้ทรัพย์สินของทางราชการ") == (
        1,
        "การใช้ทรัพย์สินของทางราชการ",
        False,
    )
    assert category_label("(๒ .) การเปิดเผยข้อมูล") == (2, "การเปิดเผยข้อมูล", False)


def test_a_header_cut_by_a_page_break_returns_to_the_header_its_columns_are() -> None:
    """Chromium splits a header row at a page's foot: its top there rules fewer columns (a
    label spanning four columns rules one) and reads as a header of its own; the next page
    opens with the header's rest and the rows, in the columns of the header read before.
    Those rows are the first header's, not lost (Chromium random-4400-059 lost a category)."""
    xs = [40.0, 100.0, 160.0, 220.0, 280.0, 340.0, 400.0, 460.0]
    labels = ["ประเด็น", "ผลการประเมิน (คะแนน)", "วิธีการ", "ขั้นตอน/วิธีการ"]
    labels += ["ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ", "ผลการดำเนินงาน"]

    def ruled(rows: list[Row], page: int, columns: list[int]) -> Table:
        cells = [(xs[a], 0.0, xs[b], 10.0) for a, b in pairwise(columns)]
        return Table(rows, page, cells=cells)

    every = list(range(8))
    first = ["๑. มาตรการแรก", "๘๔.๓๗", "ทำ", "๑. ทำ", "กองคลัง", "ต.ค. ๖๗", "ได้"]
    page1 = ruled([row(labels, 1), row(first, 1)], 1, every)
    # The cut header's top: "แนวทาง…" spans the four columns from the third.
    top = ["ประเด็น", "ผลการประเมิน (คะแนน)", "แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ"]
    cut = ruled([row([*top, "ผลการดำเนินงาน"], 1)], 1, [0, 1, 2, 6, 7])
    rest = ["", "", "วิธีการ", "ขั้นตอน/วิธีการ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ", ""]
    second = ["๒. มาตรการสอง", "๕๖.๑๓", "ทำ", "๑. ทำสอง", "กองช่าง", "ต.ค. ๖๗", "ได้สอง"]
    page2 = ruled([row(rest, 2), row(second, 2)], 2, every)
    grid = Grid("pdf", 2, [(1, page1), (1, "๒) การใช้งบประมาณ"), (1, cut), (2, page2)])
    found = find_measures_table(grid)
    assert found is not None and found.tables == [0, 1, 2]
    kinds = [type(r).__name__ for r in found.rows]
    assert kinds == ["MeasureRow", "CategoryRow", "MeasureRow"]
    last = found.rows[-1]
    assert isinstance(last, MeasureRow) and last.cells["responsible"].lines == ["กองช่าง"]
    assert [h.measure_col for h in found.headers] == [0]  # the cut top is no header of its own
