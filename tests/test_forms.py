"""Layout classes of the other report forms, on hand-made grids (the readers' common form).

Each test names a class of layout, not a sample: headers of two or three rows with group
labels, a subject other than มาตรการ, status ticks and checkbox lists, score columns, columns
read from content, headings outside the tables, and tables that only look like measures.
"""

from __future__ import annotations

from pathlib import Path

from itaparse.readers.grid import Cell, Grid, Row, Table
from itaparse.readers.symbol_fonts import symbol_text
from itaparse.report import build_report
from itaparse.table import CategoryRow, MeasureRow, find_measures_table
from itaparse.vocabulary import map_labels, status_of


def row(texts: list[str | None], page: int | None = None) -> Row:
    return Row([None if t is None else Cell([t.split("\n")] if t else []) for t in texts], page)


def merged_down(header: Row, texts: list[str | None], cols: set[int]) -> Row:
    """A row whose cells in cols are the header's cells merged down over it."""
    out = row(texts)
    for c in cols:
        source = header.cells[c]
        out.cells[c] = Cell(above=source)
    return out


def report_of(*blocks: str | Table) -> object:
    grid = Grid("docx", None, [(None, b) for b in blocks])
    return build_report(grid, Path(__file__))


def test_subject_column_stands_for_the_measure_only_without_one() -> None:
    plan, _ = map_labels([["กิจกรรม"], ["ผลการดำเนินงาน"]])
    assert plan == {0: "measure", 1: "results"}
    both, _ = map_labels([["มาตรการ"], ["กิจกรรม"], ["ผู้รับผิดชอบ"]])
    assert both == {0: "measure", 1: "methods", 2: "responsible"}


def test_header_in_two_rows_with_a_group_label_over_tick_columns() -> None:
    top = row(["กิจกรรม", "การดำเนินงาน", None, "จำนวน", "ผลการดำเนินงาน", "หมายเหตุ"])
    sub = merged_down(top, ["", "ดำเนินการแล้ว", "ยังมิได้ดำเนินการ", "", "", ""], {0, 3, 4, 5})
    body = [
        row(["๑. โครงการอบรม", "/", "", "จนท. 150 คน", "จนท. เข้าร่วม 150 คน", ""]),
        row(["2. กิจกรรมจิตอาสา", "", "/", "", "ยังไม่ได้จัด", ""]),
    ]
    report = report_of(Table([top, sub, *body]))
    measures = report.measures  # type: ignore[attr-defined]
    assert [(m.number, m.title, m.status) for m in measures] == [
        ("1", "โครงการอบรม", "done"),
        ("2", "กิจกรรมจิตอาสา", "not done"),
    ]
    assert measures[0].extra == {"จำนวน": "จนท. 150 คน"}
    assert measures[0].results == ["จนท. เข้าร่วม 150 คน"]
    assert report.categories[0].number is None and report.categories[0].title is None  # type: ignore[attr-defined]


def test_tick_columns_holding_counts_are_a_tally_not_a_measures_table() -> None:
    top = row(["ลำดับที่", "ประเด็นการร้องเรียน", "การดำเนินการ", None, None])
    sub = merged_down(
        top, ["", "", "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ", "ยังไม่เริ่มดำเนินการ"], {0, 1}
    )
    body = [row(["1", "ร้องเรียนการให้บริการ", "1", "", ""]), row(["2", "ร้องเรียนการทุจริต", "", "", ""])]
    assert find_measures_table(Grid("docx", None, [(None, Table([top, sub, *body]))])) is None


def test_header_below_title_rows_inside_the_table_and_a_checkbox_status() -> None:
    table = Table(
        [
            row(["แบบรายงานสถานะแผนบริหารความเสี่ยงการทุจริต", None, None]),
            row(["หน่วยงาน : โรงพยาบาลตัวอย่าง", None, None]),
            row(["โอกาส/ความเสี่ยงการทุจริต", "สถานะการดำเนินการจัดการความเสี่ยง", "ผลการดำเนินงาน"]),
            row(
                [
                    "1. การจัดซื้อจัดจ้างไม่เป็นไปตามระเบียบ",
                    "☐ ยังไม่ได้ดำเนินการ\n☑ เฝ้าระวังและติดตาม\nต่อเนื่อง\n☐ เหตุผลอื่น",
                    "ไม่พบข้อร้องเรียน",
                ]
            ),
            row(["2. การรับของขวัญ", "☑ ยังไม่ได้ดำเนินการ\n☐ เฝ้าระวังและติดตามต่อเนื่อง", "-"]),
        ]
    )
    measures = report_of(table).measures  # type: ignore[attr-defined]
    assert [(m.title, m.status) for m in measures] == [
        ("การจัดซื้อจัดจ้างไม่เป็นไปตามระเบียบ", "เฝ้าระวังและติดตามต่อเนื่อง"),
        ("การรับของขวัญ", "not done"),
    ]


def test_headings_outside_tables_head_one_table_each_of_different_widths() -> None:
    labels = ["ประเด็น", "ผลการประเมิน (คะแนน)", "ขั้นตอน/วิธีการ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ"]
    first = Table(
        [
            row(labels),
            row(["e1 หน่วยงานปฏิบัติงานโปร่งใส", "๘๗.๕๐", "ประชุม", "สำนักปลัด", "ต.ค. ๖๗ - ก.ย. ๖๘"]),
        ]
    )
    second = Table(
        [
            row([*labels, "หมายเหตุ"]),
            row(["o11 การเปิดเผยข้อมูล", "100", "เผยแพร่", "กองคลัง", "ตลอดปีงบประมาณ พ.ศ. ๒๕๖๘", "-"]),
        ]
    )
    report = report_of(
        "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
        "๑) กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ",
        first,
        "๒) การเปิดเผยข้อมูลสาธารณะ",
        second,
    )
    cats = report.categories  # type: ignore[attr-defined]
    assert [(c.number, c.title, len(c.measures)) for c in cats] == [
        (1, "กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ", 1),
        (2, "การเปิดเผยข้อมูลสาธารณะ", 1),
    ]
    assert [m.score for c in cats for m in c.measures] == [87.5, 100.0]
    assert cats[1].measures[0].period.start.isoformat() == "2024-10-01"


def test_score_table_between_headings_becomes_the_assessment() -> None:
    scores = Table(
        [
            row(["ที่", "หัวข้อ", "เครื่องมือการประเมิน", "ข้อคำถาม", "คะแนน", "หมายเหตุ"]),
            row(["1", "การปฏิบัติหน้าที่", "IIT", "i1", "85.20", ""]),
            row(["2", "การเปิดเผยข้อมูล", "OIT", "o11", "100", ""]),
        ]
    )
    measures = Table(
        [
            row(["มาตรการ", "วิธีดำเนินการ", "ผู้รับผิดชอบ", "ผลการดำเนินงาน"]),
            row(["๑. มาตรการแรก", "ประชุม", "สำนักปลัด", "ดำเนินการแล้ว"]),
        ]
    )
    report = report_of("๑) การปฏิบัติหน้าที่", scores, measures)
    items = [(a.category, a.tool, a.item, a.question, a.score) for a in report.assessment]  # type: ignore[attr-defined]
    assert items == [
        (1, "IIT", "i1", "การปฏิบัติหน้าที่", 85.2),
        (1, "OIT", "o11", "การเปิดเผยข้อมูล", 100.0),
    ]


def test_a_column_whose_label_is_lost_is_read_from_its_content() -> None:
    table = Table(
        [
            row(["มาตรการ", "วิธีดำเนินการ", "ผู้รับผิดชอบ", "(cid:9)(cid:9)", "ผลการดำเนินงาน"]),
            row(["๑. มาตรการแรก", "ประชุม", "สำนักปลัด", "ต.ค. ๖๗ - ก.ย. ๖๘", "ทำแล้ว"]),
            row(["๒. มาตรการสอง", "อบรม", "กองคลัง", "ม.ค. ๖๘ - มี.ค. ๖๘", "ทำแล้ว"]),
        ]
    )
    report = report_of(table)
    assert [m.period.end.isoformat() for m in report.measures] == ["2025-09-30", "2025-03-31"]  # type: ignore[attr-defined]
    assert [w.code for w in report.warnings if w.code == "inferred-column"] == ["inferred-column"]  # type: ignore[attr-defined]


def test_measures_table_with_category_rows_keeps_them_over_a_heading() -> None:
    table = Table(
        [
            row(["มาตรการ", "วิธีดำเนินการ", "ผู้รับผิดชอบ", "ผลการดำเนินงาน"]),
            row(["(๑) หมวดในตาราง", None, None, None]),
            row(["๑. มาตรการแรก", "ประชุม", "สำนักปลัด", "ทำแล้ว"]),
        ]
    )
    found = find_measures_table(Grid("docx", None, [(None, "(๙) หัวข้อในคำนำ"), (None, table)]))
    assert found is not None
    assert isinstance(found.rows[0], CategoryRow) and found.rows[0].number == 1
    assert isinstance(found.rows[1], MeasureRow)


def test_status_words_fold_to_three_states() -> None:
    assert status_of("ยังมิได้ดำเนินการ") == "not done"
    assert status_of("อยู่ระหว่างดำเนินการ") == "in progress"
    assert status_of("ดำเนินการแล้ว") == "done"
    assert status_of("เฝ้าระวังและติดตามต่อเนื่อง") == "เฝ้าระวังและติดตามต่อเนื่อง"


def test_wingdings_boxes_read_as_the_boxes_they_show() -> None:
    assert symbol_text("BCDJEE+Wingdings2", "\uf052") == "☑"
    assert symbol_text("BCDJEE+Wingdings2", "\uf0a3") == "☐"
    assert symbol_text("ABCDEF+Wingdings-Regular", "\uf0fe") == "☑"
    assert symbol_text("ABCDEF+THSarabunPSK", "\uf052") is None


def test_category_column_merged_down_beside_the_measures() -> None:
    header = row(["ประเด็น", "มาตรการ", "วิธีดำเนินการ", "ผู้รับผิดชอบ", "ผลการดำเนินงาน"])
    first = row(["(๑) การเปิดเผยข้อมูล", "๑. มาตรการแรก", "ประชุม", "สำนักปลัด", "ทำแล้ว"])
    second = row(["", "๒. มาตรการสอง", "อบรม", "กองคลัง", "ทำแล้ว"])
    second.cells[0] = Cell(above=first.cells[0])
    third = row(["การใช้งบประมาณ", "๑. มาตรการสาม", "ตรวจสอบ", "กองคลัง", "ทำแล้ว"])
    report = report_of(Table([header, first, second, third]))
    cats = report.categories  # type: ignore[attr-defined]
    assert [(c.number, c.title, [m.title for m in c.measures]) for c in cats] == [
        (1, "การเปิดเผยข้อมูล", ["มาตรการแรก", "มาตรการสอง"]),
        (2, "การใช้งบประมาณ", ["มาตรการสาม"]),
    ]


def test_nacc_issue_column_is_the_subject_when_no_measure_column_exists() -> None:
    mapping, _ = map_labels([["ประเด็น"], ["ผลการประเมิน (คะแนน)"], ["ขั้นตอน/วิธีการ"], ["ผู้รับผิดชอบ"]])
    assert mapping == {0: "measure", 1: "score", 2: "methods", 3: "responsible"}


def test_weak_header_with_numbered_measures_is_read_with_a_warning() -> None:
    table = Table(
        [
            row(["มาตรการ", "ผู้รับผิดชอบ", "หมายเหตุ"]),
            row(["๑. มาตรการแรก", "สำนักปลัด", "-"]),
            row(["๒. มาตรการสอง", "กองคลัง", "-"]),
        ]
    )
    report = report_of(table)
    assert [m.responsible for m in report.measures] == ["สำนักปลัด", "กองคลัง"]  # type: ignore[attr-defined]
    weak = [w.message for w in report.warnings if w.code == "weak-table"]  # type: ignore[attr-defined]
    assert weak == [
        "read as a measures table from its numbered rows, though its header shows only "
        "'มาตรการ' as measure, 'ผู้รับผิดชอบ' as responsible"
    ]


def test_weak_header_without_numbered_measures_is_no_measures_table() -> None:
    table = Table(
        [
            row(["มาตรการ", "ผู้รับผิดชอบ"]),
            row(["ประกาศเจตจำนง", "สำนักปลัด"]),
            row(["ตรวจสอบภายใน", "กองคลัง"]),
        ]
    )
    assert find_measures_table(Grid("docx", None, [(None, table)])) is None


def test_a_front_summary_of_indicators_and_items_runs_onto_the_next_page() -> None:
    """The NACC form's front summary lists each indicator with its score and the items under
    it. Indicators outnumber items on its first page, and its rest on the next page has no
    header: every item is still read, and the indicators are no items."""
    from itaparse.assessment import find_assessment

    page1 = Table(
        [
            row(["ตัวชี้วัด/ข้อคำถาม", "คะแนน"], 1),
            *(row([f"ตัวชี้วัดที่ {n} การปฏิบัติหน้าที่", "๙๒.๘๑"], 1) for n in "๑๒๓๔๕"),
            row(["i1 ท่านปฏิบัติงานตามมาตรฐาน", "๖๕.๒๘"], 1),
            row(["e5 หน่วยงานมีการเปิดเผยข้อมูล", "๗๖.๑๔"], 1),
        ],
        page=1,
    )
    page2 = Table([row(["o23 มาตรการส่งเสริมคุณธรรม", "๖๙.๙๘"], 2)], page=2)
    grid = Grid("pdf", 2, [(1, page1), (2, page2)])
    items = [(a.item, a.score) for a in find_assessment(grid, [])]
    assert items == [("i1", 65.28), ("e5", 76.14), ("o23", 69.98)]
