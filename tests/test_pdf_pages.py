"""Tables that a page break cuts, joined again across pages (the PDF reader's page pass)."""

from __future__ import annotations

from typing import Any

from itaparse.readers.pdf_cut_headers import join_cut_headers as _join_cut_headers
from itaparse.readers.pdf_raw import RawPage as _RawPage
from itaparse.readers.pdf_raw import RawTable as _RawTable
from itaparse.readers.pdf_text import Glyph as _Glyph

SIZE = 14.0


def cell(text: str, x: float = 0.0) -> list[list[Any]]:
    """One line of glyphs (their positions matter only for widths here)."""
    return [
        [
            _Glyph(
                {
                    "text": ch,
                    "x0": x + i * 7,
                    "x1": x + i * 7 + 7,
                    "top": 0.0,
                    "bottom": SIZE,
                    "size": SIZE,
                    "fontname": "Test",
                    "code": 1,
                }
            )
            for i, ch in enumerate(text)
        ]
    ]


def texts(row: list[Any]) -> list[str | None]:
    return [None if c is None else "".join(g["text"] for ln in c for g in ln) for c in row]


def joined_over_a_break(cut: _RawTable, rest: _RawTable, *after_cut: Any) -> _RawTable:
    """Page 1 ends with `cut` (and the lines after it), page 2 opens with `rest`: the cut
    header is joined to `rest`, and page 1 keeps nothing of it."""
    pages = [_RawPage(1, [(740.0, cut), *after_cut]), _RawPage(2, [(50.0, rest)])]
    _join_cut_headers(pages, {}, repair=False)
    assert pages[0].blocks == []
    return rest


def body_row(*words: str) -> list[Any]:
    return [cell(w) for w in words]


def test_a_header_row_cut_by_a_page_break_is_joined_to_its_rest_and_its_table() -> None:
    # Page 1 ends with the first half of the NACC header's group row, four cells wide (the
    # group label spans three columns); page 2's table, six columns, opens with the row's
    # other half ("น", "ประเมิน", …), then the sub-labels, then a measure.
    cut = _RawTable(
        [[cell("ประเด็"), cell("ผลการ"), cell("แนวทางการนำผลการวิเคราะห์ไปสู่"), cell("ผลการ")]],
        (40.0, 740.0, 540.0, 780.0),
        columns=[(40, 100), (100, 160), (160, 460), (460, 540)],
    )
    rest = _RawTable(
        [
            [cell("น"), cell("ประเมิน"), cell("การปฏิบัติ"), None, None, cell("ดำเนินงาน")],
            [[], [], cell("ขั้นตอน/วิธีการ"), cell("ผู้รับผิดชอบ"), cell("ระยะเวลาดำเนินการ"), []],
            [
                cell("o23 มาตรการ"),
                cell("๕๙.๑๑"),
                cell("๑. เผยแพร่"),
                cell("กองคลัง"),
                cell("ต.ค. ๖๗"),
                cell("๑. เผยแพร่แล้ว"),
            ],
        ],
        (41.0, 50.0, 539.0, 300.0),
        columns=[(40, 100), (100, 160), (160, 260), (260, 360), (360, 460), (460, 540)],
    )
    pages = [_RawPage(1, [(740.0, cut)]), _RawPage(2, [(50.0, rest)])]
    _join_cut_headers(pages, {}, repair=False)
    assert pages[0].blocks == []
    assert texts(rest.rows[0]) == [
        "ประเด็น",
        "ผลการประเมิน",
        "แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ",
        None,
        None,
        "ผลการดำเนินงาน",
    ]
    assert texts(rest.rows[1])[2:5] == ["ขั้นตอน/วิธีการ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ"]
    assert len(rest.rows) == 3


def test_a_header_row_cut_before_its_labels_notes_is_joined_to_its_rest() -> None:
    # The labels' notes wrap under them, and the break falls between: "(ระบุขั้นตอน)" on the
    # next page reads a little less like a label joined on, but every column reads as the
    # same field. Left apart, "การ" would open a measure of its own.
    columns = [(40, 140), (140, 240), (240, 340), (340, 440), (440, 540)]
    labels = ("มาตรการการดำเนิน", "วิธีการดำเนินงาน ", "หน่วยงานรับผิดชอบ", "ระยะเวลา", "ผลลัพธ์")
    cut = _RawTable([[cell(t) for t in labels]], (40.0, 740.0, 540.0, 780.0), columns=columns)
    rest = _RawTable(
        [
            [cell("การ"), cell("(ระบุขั้นตอน)"), [], [], []],
            body_row("(๑) มาตรการ", "๑. เผยแพร่", "กองคลัง", "ต.ค. ๖๗", "- ประชาชน"),
        ],
        (40.0, 50.0, 540.0, 300.0),
        columns=columns,
    )
    joined_over_a_break(cut, rest)
    assert texts(rest.rows[0])[:2] == ["มาตรการการดำเนินการ", "วิธีการดำเนินงาน (ระบุขั้นตอน)"]
    assert len(rest.rows) == 2


def test_a_labels_end_spilt_below_the_cut_header_row_is_part_of_it() -> None:
    # WeasyPrint lets a cut row's text run below its rule: "ผลการประเมิ" in the cell, its
    # "น" a line under the table, the page's last block. It is the cell's, and the header
    # is joined to its rest on the next page as when the cell held it.
    columns = [(40, 140), (140, 240), (240, 540)]
    cut = _RawTable(
        [[cell("ประเด็น", 40), cell("ผลการประเมิ", 140), cell("แนวทางการนำผลการวิเคราะห์", 240)]],
        (40.0, 740.0, 540.0, 770.0),
        columns=columns,
    )
    spilt = [
        _Glyph(
            {"text": "น", "x0": 150.0, "x1": 157.0, "top": 772.0, "bottom": 786.0}
            | {"size": SIZE, "fontname": "Test", "code": 1}
        )
    ]
    rest = _RawTable(
        [
            [None, None, cell("ขั้นตอน/วิธีการ"), cell("ผู้รับผิดชอบ"), cell("ระยะเวลา")],
            [
                cell("o23 มาตรการ"),
                cell("๕๙.๑๑"),
                cell("๑. เผยแพร่"),
                cell("กองคลัง"),
                cell("ต.ค. ๖๗"),
            ],
        ],
        (40.0, 50.0, 540.0, 300.0),
        columns=[(40, 140), (140, 240), (240, 340), (340, 440), (440, 540)],
    )
    joined_over_a_break(cut, rest, (772.0, spilt))
    assert texts(rest.rows[0])[:3] == ["ประเด็น", "ผลการประเมิน", "แนวทางการนำผลการวิเคราะห์"]
    assert len(rest.rows) == 3


def test_a_long_group_label_merged_across_its_own_rows_columns_is_a_label() -> None:
    # The NACC group label (its purpose and year, longer than any label) is merged across
    # four columns of the cut table, whose own column spans are its narrowest cells' (the
    # sub-labels' under it): the label's span is the cell's, merged across them.
    group = (
        "แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ เพื่อส่งเสริมคุณธรรมและความโปร่งใส"
        "ภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2568"
    )
    columns = [(40, 100), (100, 160), (160, 260), (260, 360), (360, 460), (460, 540)]
    cut = _RawTable(
        [
            [cell("ประเด็น"), cell("ผลการประเมิน"), cell(group), None, None, cell("การติดตาม")],
            [None, None, [], cell("ขั้นตอน/วิธีการ"), [], None],
        ],
        (40.0, 740.0, 540.0, 780.0),
        columns=columns,
    )
    rest = _RawTable(
        [
            [[], [], cell("วิธีการนำผลการวิเคราะห์"), [], cell("ผู้รับผิดชอบ"), []],
            body_row("o23 มาตรการ", "๕๙.๑๑", "นำผล", "๑. เผยแพร่", "กองคลัง", "ติดตาม"),
        ],
        (40.0, 50.0, 540.0, 300.0),
        columns=columns,
    )
    joined_over_a_break(cut, rest)
    assert texts(rest.rows[0])[2:5] == [group, None, None]
    assert texts(rest.rows[1])[2:5] == ["วิธีการนำผลการวิเคราะห์", "ขั้นตอน/วิธีการ", "ผู้รับผิดชอบ"]


def test_a_header_rows_first_words_drawn_without_rules_at_the_foot_join_it() -> None:
    # WeasyPrint draws the cut header row's first lines at the page's foot as text alone
    # ("ประเด็น  ข้อค้นพบ", no rules), under a score table; the row's rules and the rest of
    # its labels open the next page's table. The words are that row's first line.
    columns = [(40, 140), (140, 240), (240, 340), (340, 440), (440, 540)]
    score_table = _RawTable(
        [[cell("ที่"), cell("หัวข้อ")], [cell("๑"), cell("การปฏิบัติงาน")]],
        (40.0, 600.0, 540.0, 700.0),
        columns=[(40, 100), (100, 540)],
    )
    words = [*cell("ประเด็น", 60)[0], *cell("ข้อค้นพบ", 260)[0]]
    rest = _RawTable(
        [
            [[], cell("ผลการประเมิน (คะแนน)"), cell("*แสดงการวิเคราะห์*"), cell("ขั้นตอน/วิธีการ"), []],
            [
                cell("o23 มาตรการ"),
                cell("๕๙.๑๑"),
                cell("ต่ำกว่าเกณฑ์"),
                cell("๑. เผยแพร่"),
                cell("กองคลัง"),
            ],
        ],
        (40.0, 50.0, 540.0, 300.0),
        columns=columns,
    )
    pages = [_RawPage(1, [(600.0, score_table), (760.0, words)]), _RawPage(2, [(50.0, rest)])]
    _join_cut_headers(pages, {}, repair=False)
    assert pages[0].blocks == [(600.0, score_table)]
    assert texts(rest.rows[0])[:3] == ["ประเด็น", "ผลการประเมิน (คะแนน)", "ข้อค้นพบ*แสดงการวิเคราะห์*"]


NACC_GROUP = "แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ เพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"


def _nacc_rest(first: list[Any]) -> _RawTable:
    """Page 2 of a NACC header cut by the break: `first` (the cut row's rest), the sub-labels
    under the group label, then a measure."""
    return _RawTable(
        [
            first,
            [None, None, None, cell("ขั้นตอน/วิธีการ"), cell("ผู้รับผิดชอบ"), cell("ระยะเวลา")],
            body_row("o23 มาตรการ", "๗๘.๙๔", "ผลคะแนนต่ำ", "๑. ประกาศ", "กองช่าง", "เม.ย. ๖๘"),
        ],
        (40.0, 50.0, 540.0, 300.0),
        columns=[(40, 100), (100, 160), (160, 260), (260, 360), (360, 460), (460, 540)],
    )


def test_a_header_cut_above_a_row_drawn_as_empty_shading_is_joined() -> None:
    # Chromium draws the start of the header's next row, cut before any of its text, as a
    # table of its own: shaded, empty, under the first row. It holds nothing; the header
    # above it is the page's last table, and is joined to its rest.
    cut = _RawTable(
        [[cell("ประเด็น"), cell("ผลการประเมิน"), cell("ข้อค้นพบ"), cell("แนวทางการนำผล")]],
        (40.0, 700.0, 540.0, 740.0),
        columns=[(40, 100), (100, 160), (160, 260), (260, 540)],
    )
    shading = _RawTable(
        [[[] for _ in range(6)]],
        (40.0, 745.0, 540.0, 790.0),
        columns=[(40, 100), (100, 160), (160, 260), (260, 360), (360, 460), (460, 540)],
    )
    rest = _nacc_rest([[], [], cell("*แสดงการวิเคราะห์*"), cell("การวิเคราะห์"), None, None])
    pages = [_RawPage(1, [(700.0, cut), (745.0, shading)]), _RawPage(2, [(50.0, rest)])]
    _join_cut_headers(pages, {}, repair=False)
    assert pages[0].blocks == []
    assert texts(rest.rows[0])[:3] == ["ประเด็น", "ผลการประเมิน", "ข้อค้นพบ*แสดงการวิเคราะห์*"]
    assert texts(rest.rows[-1])[0] == "o23 มาตรการ"


def test_a_header_cut_with_a_label_carried_whole_to_the_next_page_is_joined() -> None:
    # WeasyPrint let the break carry "ผลการประเมิน" whole to the next page: the cut row holds
    # one field's label (ประเด็น) beside the group label, and the rest's first row, labels
    # too, makes up the two fields a header has.
    cut = _RawTable(
        [[cell("ประเด็น"), [], cell("ข้อค้นพบ"), cell(NACC_GROUP)]],
        (40.0, 740.0, 540.0, 780.0),
        columns=[(40, 100), (100, 160), (160, 260), (260, 540)],
    )
    rest = _nacc_rest(
        [[], cell("ผลการประเมิน"), cell("*แสดงการวิเคราะห์*"), cell("ปี ๒๕๖๘"), None, None]
    )
    joined_over_a_break(cut, rest)
    assert texts(rest.rows[0])[:2] == ["ประเด็น", "ผลการประเมิน"]
    assert texts(rest.rows[-1])[0] == "o23 มาตรการ"


def test_a_score_table_at_the_foot_of_a_page_stays_where_it_is() -> None:
    scores = _RawTable(
        [
            [cell("ที่"), cell("หัวข้อ"), cell("ข้อคำถาม"), cell("คะแนน")],
            [cell("๑"), cell("การใช้งบประมาณ"), cell("o11"), cell("๕๔.๓๔")],
        ],
        (40.0, 700.0, 540.0, 780.0),
        columns=[(40, 100), (100, 300), (300, 400), (400, 540)],
    )
    measures = _RawTable(
        [[cell("ประเด็น"), cell("ผลการประเมิน"), cell("ขั้นตอน/วิธีการ"), cell("ผลการดำเนินงาน")]],
        (40.0, 50.0, 540.0, 300.0),
        columns=[(40, 100), (100, 300), (300, 400), (400, 540)],
    )
    pages = [_RawPage(1, [(700.0, scores)]), _RawPage(2, [(50.0, measures)])]
    _join_cut_headers(pages, {}, repair=False)
    assert pages[0].blocks == [(700.0, scores)] and len(measures.rows) == 1


def test_sub_labels_on_the_next_page_stay_a_row_under_their_group_label() -> None:
    # The group row alone ends page 1; page 2's first row holds both the rest of the labels
    # merged down beside the group ("ประเมิน (คะแนน)" under "ผลการ") and the sub-labels under it.
    group = "แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ"
    cut = _RawTable(
        [[cell("ประเด็น"), cell("ผลการ"), cell(group)]],
        (40.0, 740.0, 540.0, 780.0),
        columns=[(40, 100), (100, 160), (160, 540)],
    )
    subs = ["วิธีการนำผลการวิเคราะห์", "ขั้นตอน/วิธีการ", "ผู้รับผิดชอบ", "ระยะเวลา"]
    rest = _RawTable(
        [
            [[], cell("ประเมิน (คะแนน)"), *(cell(t) for t in subs)],
            [
                cell("o23 มาตรการ"),
                cell("๕๙.๑๑"),
                cell("นำผล"),
                cell("๑. เผยแพร่"),
                cell("กองคลัง"),
                cell("ต.ค. ๖๗"),
            ],
        ],
        (41.0, 50.0, 539.0, 300.0),
        columns=[(40, 100), (100, 160), (160, 260), (260, 360), (360, 460), (460, 540)],
    )
    pages = [_RawPage(1, [(740.0, cut)]), _RawPage(2, [(50.0, rest)])]
    _join_cut_headers(pages, {}, repair=False)
    assert texts(rest.rows[0]) == ["ประเด็น", "ผลการประเมิน (คะแนน)", group, None, None, None]
    assert texts(rest.rows[1]) == ["", "", *subs]
    assert len(rest.rows) == 3


def test_a_whole_header_row_cut_off_keeps_its_long_group_label() -> None:
    """The NACC form's group label carries its purpose and year, longer than any label: over
    three of the next page's columns it is a group label, not a row of the body."""
    group = (
        "แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ เพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน "
        "ประจำปีงบประมาณ พ.ศ. 2568"
    )
    cut = _RawTable(
        [[cell("ประเด็น"), cell("ผลการประเมิน (คะแนน)"), cell(group), cell("ผลการดำเนินงาน")]],
        (40.0, 740.0, 540.0, 780.0),
        columns=[(40, 100), (100, 160), (160, 460), (460, 540)],
    )
    rest = _RawTable(
        [
            [[], [], cell("ขั้นตอน/วิธีการ"), cell("ผู้รับผิดชอบ"), cell("ระยะเวลาดำเนินการ"), []],
            [
                cell("o23 มาตรการ"),
                cell("๕๙.๑๑"),
                cell("๑. เผยแพร่"),
                cell("กองคลัง"),
                cell("ต.ค. ๖๗"),
                cell("๑. เผยแพร่แล้ว"),
            ],
        ],
        (41.0, 50.0, 539.0, 300.0),
        columns=[(40, 100), (100, 160), (160, 260), (260, 360), (360, 460), (460, 540)],
    )
    pages = [_RawPage(1, [(740.0, cut)]), _RawPage(2, [(50.0, rest)])]
    _join_cut_headers(pages, {}, repair=False)
    assert pages[0].blocks == []
    assert texts(rest.rows[0])[:3] == ["ประเด็น", "ผลการประเมิน (คะแนน)", group]
    assert len(rest.rows) == 3


def test_the_repair_judges_a_cells_words_whole() -> None:
    # A narrow column wraps inside words ("ประโย" / "ชน์"): judged line by line, "ชน์" reads
    # as no word and the repair dropped its ์ (Laksaman, LibreOffice). Each cell is one run.
    from itaparse.readers.pdf import _lines_of

    table = _RawTable(
        [[[*cell("ประโย"), *cell("ชน์")], cell("กองคลัง")]],
        (40.0, 50.0, 540.0, 300.0),
        columns=[(40, 90), (90, 540)],
    )
    heading = cell("รายงานผล")[0]
    runs = _lines_of([_RawPage(1, [(20.0, heading), (50.0, table)])])
    assert ["".join(g["text"] for g in run) for run in runs] == ["รายงานผล", "ประโยชน์", "กองคลัง"]


def _glyphs(spec: list[tuple[str, float, float]], top: float) -> list[Any]:
    return [
        _Glyph(
            {"text": t, "x0": x0, "x1": x1, "top": top, "bottom": top + SIZE}
            | {"size": SIZE, "fontname": "Test", "code": ord(t)}
        )
        for t, x0, x1 in spec
    ]


def _with_clipped(foot: list[tuple[str, float, float]], first: list[Any]) -> list[_RawPage]:
    table = _RawTable([[[first]]], (40.0, 50.0, 540.0, 300.0), columns=[(40, 540)])
    return [
        _RawPage(1, [], clipped=_glyphs(foot, 800.0)),
        _RawPage(2, [(50.0, table)]),
    ]


def test_marks_a_page_break_clipped_from_a_line_are_put_back() -> None:
    # Chromium paints the cut line on both pages: page 2's copy of "ที่มี" lost its ่ above
    # the cut, which page 1's foot, a line of marks alone, still shows at its x.
    from itaparse.readers.pdf_clipped import restore_clipped_marks

    first = _glyphs([("ท", 296.3, 306.4), ("ี", 306.4, 306.4), ("ม", 306.4, 316.1)], 59.5)
    first += _glyphs([("ี", 316.1, 316.1)], 59.5)
    pages = _with_clipped([("ี", 306.4, 306.4), ("่", 306.4, 306.4), ("ี", 316.1, 316.1)], first)
    restore_clipped_marks(pages)
    assert "".join(g["text"] for g in first) == "ที่มี"


def test_a_clipped_tone_shifted_left_of_its_vowel_goes_on_its_letter() -> None:
    from itaparse.readers.pdf_clipped import restore_clipped_marks

    first = _glyphs([("ซ", 159.9, 168.9), ("ื", 168.9, 168.9), ("อ", 168.9, 176.9)], 59.5)
    pages = _with_clipped([("้", 168.2, 168.2), ("โ", 691.8, 697.0)], first)
    first += _glyphs([("โ", 691.8, 697.0)], 59.5)
    restore_clipped_marks(pages)
    assert "".join(g["text"] for g in first[:4]) == "ซื้อ"


def test_marks_at_a_foot_unlike_the_next_pages_first_line_stay_off_it() -> None:
    from itaparse.readers.pdf_clipped import restore_clipped_marks

    first = _glyphs([("ท", 296.3, 306.4), ("ี", 306.4, 306.4)], 59.5)
    pages = _with_clipped([("่", 306.4, 306.4), ("โ", 25.0, 30.8)], first)
    restore_clipped_marks(pages)
    assert "".join(g["text"] for g in first) == "ที"


def test_a_pages_foot_of_marks_alone_is_kept_for_the_next_page() -> None:
    from itaparse.readers.pdf_text import foot_marks

    body = _glyphs([("ก", 40.0, 48.0), ("า", 48.0, 54.0)], 700.0)
    marks = _glyphs([("่", 306.4, 306.4), ("ี", 306.4, 306.4)], 800.0)
    assert [g["text"] for g in foot_marks([*body, *marks])] == ["่", "ี"]
    assert foot_marks([*marks[:1], *_glyphs([("ก", 40.0, 48.0)], 820.0)]) == []
