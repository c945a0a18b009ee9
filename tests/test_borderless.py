"""Tables without ruling lines, read from glyph positions: classes of layout on hand-placed
glyphs (the reader's input), one rule each."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from itaparse.readers import borderless_header
from itaparse.readers import pdf_borderless as borderless

SIZE = 14.0
WIDTH = 7.0  # every glyph as wide: enough for columns and gaps to be placed by hand
LINE = 20.0  # line spacing
REGRESSIONS = Path(__file__).parent / "regressions"


def word(text: str, x: float, top: float) -> list[dict[str, Any]]:
    return [
        {
            "text": ch,
            "x0": x + i * WIDTH,
            "x1": x + (i + 1) * WIDTH,
            "top": top,
            "bottom": top + SIZE,
            "size": SIZE,
            "fontname": "Test",
        }
        for i, ch in enumerate(text)
    ]


def line(*words: tuple[str, float], top: float) -> list[dict[str, Any]]:
    return [ch for text, x in words for ch in word(text, x, top)]


def text(glyphs: list[dict[str, Any]]) -> str:
    return "".join(c["text"] for c in glyphs)


def cells(found: borderless.Found, row: int) -> list[str]:
    return [" ".join(text(ln) for ln in cell) if cell else "" for cell in found.rows[row]]


def two_measures(
    first: list[tuple[str, float]], second: list[tuple[str, float]], top: float, step: float
) -> list[list[dict[str, Any]]]:
    """Two measures of two lines each, under a header: the second line of each holds the
    rest of its subject ("ต่อหนึ่ง", "ต่อสอง") in the first column."""
    x = first[0][1]
    return [
        line(*first, top=top),
        line(("ต่อหนึ่ง", x), top=top + step),
        line(*second, top=top + 2 * step),
        line(("ต่อสอง", x), top=top + 3 * step),
    ]


# Columns start at these x: measure, methods, responsible, period, results.
X = (40.0, 160.0, 280.0, 400.0, 520.0)


def test_text_running_over_an_edge_is_one_text_and_cells_stand_apart() -> None:
    across = word("๒. การเปิดเผยข้อมูลสาธารณะ", 100.0, 0)
    edge = 100.0 + 10 * WIDTH + 0.6  # just inside a glyph: where an edge may fall by chance
    assert borderless._straddles(across, edge)
    two_cells = word("กองคลัง", 100.0, 0) + word("ต.ค. ๖๗", 100.0 + 7 * WIDTH + 6.0, 0)
    assert not borderless._straddles(two_cells, 100.0 + 7 * WIDTH + 3.0)


def test_sub_labels_under_a_group_label_are_the_columns() -> None:
    # "แผนการดำเนินงาน" stands over methods and part of responsible; the period's label sits
    # on the second line alone; "ดำเนินงาน" ends the results label wrapped from above.
    first = [
        word("มาตรการ", X[0], 0),
        word("แผนการดำเนินงาน", X[1] + 20, 0),
        word("ผลการ", X[4], 0),
    ]
    under = line(
        ("วิธีดำเนินการ", X[1]),
        ("ผู้รับผิดชอบ", X[2]),
        ("ระยะเวลา", X[3]),
        ("ดำเนินงาน", X[4]),
        top=LINE,
    )
    leaves = borderless_header._leaves(first, under, text)
    assert [text(b) for b in leaves] == [
        "มาตรการ",
        "วิธีดำเนินการ",
        "ผู้รับผิดชอบ",
        "ระยะเวลา",
        "ผลการ",
    ]
    # Under a one-line header, the first body line is never taken for sub-labels.
    body = line(("๑. มาตรการแรก", X[0]), ("๑. จัดทำ", X[1]), ("กองคลัง", X[2]), top=LINE)
    assert borderless_header._leaves(first, body, text) == first


def _header(top: float) -> list[list[dict[str, Any]]]:
    return [
        line(
            ("ที่", X[0]),
            ("มาตรการ/", X[1]),
            ("ผู้รับผิด", X[2]),
            ("ระยะเวลา", X[3]),
            ("ผลการดำเนินงาน", X[4]),
            top=top,
        ),
        line(("โครงการ", X[1]), ("ชอบ", X[2]), top=top + LINE),
    ]


def test_a_sequence_column_opens_rows_and_wrapped_labels_end_in_the_header() -> None:
    lines = [
        *_header(0),
        line(("๑", X[0]), ("มาตรการแรก", X[1]), ("กองคลัง", X[2]), ("ต.ค. ๖๗", X[3]), top=60),
        line(("ต่อท้าย", X[1]), ("ผลแรก", X[4]), top=80),
        line(("๒", X[0]), ("มาตรการสอง", X[1]), ("กองช่าง", X[2]), ("ตลอดปี", X[3]), top=100),
    ]
    found = borderless.find(lines, None, text)
    assert found is not None
    assert cells(found, 0)[:3] == ["ที่", "มาตรการ/ โครงการ", "ผู้รับผิด ชอบ"]
    assert [cells(found, r)[:2] for r in (1, 2)] == [["๑", "มาตรการแรก ต่อท้าย"], ["๒", "มาตรการสอง"]]


def test_a_continued_page_ends_where_its_first_page_says_a_gap_is_wide() -> None:
    first_page = [
        *_header(0),
        line(("๑", X[0]), ("มาตรการแรก", X[1]), ("กองคลัง", X[2]), top=60),
        line(("ต่อท้าย", X[1]), top=80),
        line(("ต่อท้าย", X[1]), top=100),
        line(("ต่อท้าย", X[1]), top=120),
    ]
    found = borderless.find(first_page, None, text)
    assert found is not None and found.columns.spacing == LINE
    # Two lines, then the signature after a blank line: on this page alone the lines stand
    # as far apart as the gap to the signature, so the page's own spacing cannot tell.
    second_page = [
        line(("ต่อท้าย", X[1]), top=50),
        line(("ต่อท้าย", X[1]), top=70),
        line(("ลงชื่อ ผู้รายงาน", X[0]), top=120),
    ]
    rest = borderless.find(second_page, found.columns, text)
    assert rest is not None and rest.used == {0, 1}


def test_a_label_inside_a_white_strip_gives_one_edge_not_two() -> None:
    # The methods label starts inside the white strip the body leaves between the columns:
    # the label's edge and the strip's are a step apart, and are one edge.
    first = [word("มาตรการ", X[0], 0), word("วิธีดำเนินการ", X[1] - 5, 0), word("ผล", X[2], 0)]
    body = [
        line(("๑. มาตรการแรกยาว", X[0]), ("๑. ทำ", X[1] + 8), ("ผลแรก", X[2]), top=40),
        line(("ต่อท้าย", X[0]), ("ต่อ", X[1] + 8), top=60),
    ]
    edges = borderless._columns(first, body).edges
    assert len(edges) == 2 and edges[1] - edges[0] > SIZE


def test_a_signature_alone_on_the_last_page_is_not_the_table() -> None:
    first_page = [
        *_header(0),
        line(("๑", X[0]), ("มาตรการแรก", X[1]), ("กองคลัง", X[2]), top=60),
        line(("ต่อท้าย", X[1]), top=80),
    ]
    found = borderless.find(first_page, None, text)
    assert found is not None and found.open_ended
    signature = [line(("ลงชื่อ ผู้รายงาน ปลัดองค์การบริหารส่วนตำบลคลองหนึ่ง", X[0]), top=50)]
    assert borderless.find(signature, found.columns, text) is None
    # The rest of a category's title cut by the break, with its rows under it, is the table.
    title_rest = [
        line(("สาธารณะและการเปิดเผยข้อมูลของหน่วยงานอย่างทั่วถึง", X[0]), top=50),
        line(("๒", X[0]), ("มาตรการสอง", X[1]), ("กองช่าง", X[2]), top=70),
    ]
    rest = borderless.find(title_rest, found.columns, text)
    assert rest is not None and rest.used == {0, 1}


def test_a_word_under_the_header_ends_a_label_only_after_a_slash() -> None:
    # "คะแนน", the end of a score cut by the page break, is a label's word too (a score
    # column's); under "ผลการดำเนินงาน" it is the body's, as "โครงการ" after "มาตรการ/" is not.
    lines = [
        *_header(0),
        line(("คะแนน", X[4]), top=60),
        line(("๒", X[0]), ("มาตรการสอง", X[1]), ("กองช่าง", X[2]), top=80),
    ]
    found = borderless.find(lines, None, text)
    assert found is not None
    assert cells(found, 0)[1] == "มาตรการ/ โครงการ"
    assert cells(found, 1)[4] == "คะแนน"


def test_a_header_at_the_foot_of_a_page_is_read_with_its_rest_on_the_next() -> None:
    # The first line of a two-line header (a group label over its sub-labels) ends page 1;
    # its sub-labels, then the rows ("1" in the sequence column), open page 2.
    from itaparse.readers.pdf import _find_borderless
    from itaparse.readers.pdf_raw import RawPage as _RawPage
    from itaparse.readers.pdf_raw import RawTable as _RawTable
    from itaparse.readers.pdf_text import Glyph as _Glyph

    def glyphs(ln: list[dict[str, Any]]) -> list[Any]:
        return [_Glyph({**ch, "code": 1}) for ch in ln]

    body_1 = [
        line(("1", X[0]), ("มาตรการแรก", X[1]), ("๑. จัดทำ", X[2]), ("กองคลัง", X[3]), top=100),
        line(("ต่อท้าย", X[1]), top=120),
    ]
    first = [
        line(("ที่", X[0]), ("มาตรการ", X[1]), ("แผนการดำเนินงาน", X[2] + 40), top=40),
        line(("วิธีดำเนินการ", X[2]), ("ผู้รับผิดชอบ", X[3]), top=60),
        *body_1,
        line(("ที่", X[0]), ("มาตรการ", X[1]), ("แผนการดำเนินงาน", X[2] + 40), top=700),
    ]
    second = [
        line(("วิธีดำเนินการ", X[2]), ("ผู้รับผิดชอบ", X[3]), top=50),
        line(("2", X[0]), ("มาตรการสอง", X[1]), ("๑. ประกาศ", X[2]), ("กองช่าง", X[3]), top=70),
    ]
    pages = [
        _RawPage(1, [(ln[0]["top"], glyphs(ln)) for ln in first]),
        _RawPage(2, [(ln[0]["top"], glyphs(ln)) for ln in second]),
    ]
    _find_borderless(pages, {}, repair=False)
    tables = [[b for _top, b in p.blocks if isinstance(b, _RawTable)] for p in pages]
    assert [len(t) for t in tables] == [1, 1]
    assert not [b for _top, b in pages[0].blocks if not isinstance(b, _RawTable)]  # all read
    rows = tables[1][0].rows
    labels = [" ".join(text(ln) for ln in cell) if cell else "" for cell in rows[1]]
    assert labels[2:4] == ["วิธีดำเนินการ", "ผู้รับผิดชอบ"]
    assert [" ".join(text(ln) for ln in c) if c else "" for c in rows[-1]][:2] == [
        "2",
        "มาตรการสอง",
    ]


def test_a_sub_label_under_a_group_label_wraps_into_a_known_label() -> None:
    # "ขั้นตอน/วิธี" under the group label "แผนการดำเนินงาน" wraps to "การ"; "ระยะเวลา" to
    # "ดำเนินการ": the header's third line, not the first body line.
    lines = [
        line(("มาตรการ", X[0]), ("แผนการดำเนินงาน", X[1] + 40), ("ระยะเวลา", X[3]), top=0),
        line(("ขั้นตอน/วิธี", X[1]), ("ผู้รับผิดชอบ", X[2]), top=LINE),
        line(("การ", X[1]), ("ดำเนินการ", X[3]), top=2 * LINE),
        line(("๑. มาตรการแรก", X[0]), ("๑. จัดทำ", X[1]), ("กองคลัง", X[2]), top=70),
    ]
    found = borderless.find(lines, None, text)
    assert found is not None
    assert cells(found, -1)[:2] == ["๑. มาตรการแรก", "๑. จัดทำ"]


def test_a_note_wrapped_under_a_label_is_part_of_the_header() -> None:
    """Without borders, "ผลการดำเนินงาน" over "(ระบุรายละเอียด)" is one label with its note;
    a note cut between lines goes on too. "ผลลัพธ์" over "คะแนน" (a score) is no label's end."""
    from itaparse.readers.borderless_labels import _goes_on

    assert _goes_on(["ผลการดำเนินงาน"], "(ระบุรายละเอียด)")
    assert _goes_on(["ผลลัพธ์"], "*ระบุผลเชิงปริมาณ*")
    assert _goes_on(["ผลลัพธ์ (ร้อย"], "ละ/คะแนน)")
    assert not _goes_on(["ผลลัพธ์"], "คะแนน")
    assert not _goes_on(["ผลการดำเนินงาน"], "๑. จัดกิจกรรมอบรมบุคลากรทุกกองตามแผนที่กำหนด")


def test_labels_lengthened_and_cut_mid_word_wrap_into_the_header() -> None:
    # A clerk's longer labels in narrow columns: "มาตรการ/แนวทาง" goes on with "ที่กำหนด",
    # "หน่วยงานที่รับผิด" is cut inside "รับผิดชอบ" and goes on with "ชอบ/ผู้ประสานงาน".
    WIDE = (40.0, 200.0, 360.0, 480.0, 600.0)  # columns wide enough for the labels
    lines = [
        line(
            ("มาตรการ/แนวทาง", WIDE[0]),
            ("หน่วยงานที่รับผิด", WIDE[1]),
            ("ระยะเวลา", WIDE[2]),
            ("ผลการปฏิบัติ", WIDE[3]),
            ("ผลลัพธ์ (ร้อย", WIDE[4]),
            top=0,
        ),
        line(("ที่กำหนด", WIDE[0]), ("ชอบ/ผู้ประสานงาน", WIDE[1]), ("ละ/คะแนน)", WIDE[4]), top=LINE),
        line(("๑. มาตรการแรก", WIDE[0]), ("กองคลัง", WIDE[1]), ("ต.ค. ๖๗", WIDE[2]), top=60),
        line(("ต่อท้าย", WIDE[0]), ("ผลแรก", WIDE[3]), top=80),
        line(("๒. มาตรการสอง", WIDE[0]), ("กองช่าง", WIDE[1]), ("ตลอดปี", WIDE[2]), top=100),
    ]
    found = borderless.find(lines, None, text)
    assert found is not None
    assert cells(found, 0)[:2] == ["มาตรการ/แนวทาง ที่กำหนด", "หน่วยงานที่รับผิด ชอบ/ผู้ประสานงาน"]
    assert cells(found, 1)[0] == "๑. มาตรการแรก ต่อท้าย"


def test_a_body_line_under_a_whole_label_is_no_lengthening_on_its_own() -> None:
    from itaparse.readers.borderless_labels import _goes_on, _lengthens

    assert _lengthens(["มาตรการ/แนวทาง"], "ที่กำหนด")
    assert not _goes_on(["มาตรการ/แนวทาง"], "ที่กำหนด")  # needs a label beside it that wraps
    assert not _lengthens(["มาตรการ/แนวทาง"], "การเผยแพร่ข้อมูลข่าวสาร")  # too long: body
    assert _goes_on(["หน่วยงานที่รับผิด"], "ชอบ/ผู้ประสานงาน")


def test_labels_lengthened_over_three_lines_stay_in_the_header() -> None:
    # A clerk's long labels in narrow columns: "มาตรการ/โครงการ" goes on with "การดำเนินการ",
    # "ระยะเวลา" with "ดำเนินการที่ดำเนิน" and then "การ". Each lengthened label costs the
    # header a little of its score; none of these lines is a body line.
    WIDE = (40.0, 200.0, 360.0, 520.0, 680.0)
    lines = [
        line(
            ("มาตรการ/โครงการ", WIDE[0]),
            ("หน่วยงานรับผิด", WIDE[1]),
            ("ระยะเวลา", WIDE[2]),
            ("ผลการปฏิบัติตาม", WIDE[3]),
            ("ผลลัพธ์", WIDE[4]),
            top=0,
        ),
        line(
            ("การดำเนินการ", WIDE[0]),
            ("ชอบ/ผู้ประสานงาน", WIDE[1]),
            ("ดำเนินการที่ดำเนิน", WIDE[2]),
            ("มาตรการ", WIDE[3]),
            top=LINE,
        ),
        line(("การ", WIDE[2]), top=2 * LINE),
        line(("๑. มาตรการแรก", WIDE[0]), ("กองคลัง", WIDE[1]), ("ต.ค. ๖๗", WIDE[2]), top=3 * LINE),
        line(("๒. มาตรการสอง", WIDE[0]), ("กองช่าง", WIDE[1]), ("ตลอดปี", WIDE[2]), top=4 * LINE),
    ]
    found = borderless.find(lines, None, text)
    assert found is not None
    assert found.header_rows == 1
    assert cells(found, 0)[:3] == [
        "มาตรการ/โครงการ การดำเนินการ",
        "หน่วยงานรับผิด ชอบ/ผู้ประสานงาน",
        "ระยะเวลา ดำเนินการที่ดำเนิน การ",
    ]
    assert cells(found, 1)[0] == "๑. มาตรการแรก"


def test_a_label_centred_lower_in_the_header_is_a_column() -> None:
    # WeasyPrint centres labels vertically: the one-line "ผลลัพธ์" stands beside the second
    # line of "ผลการปฏิบัติตาม / มาตรการ", which itself stands half a line under the
    # three-line labels' first line. Every label is a column.
    lines = [
        line(("มาตรการ/", X[0]), ("หน่วยงาน", X[1]), ("ระยะเวลา", X[2]), top=0),
        line(("ผลการปฏิบัติตาม", X[3]), top=LINE / 2),
        line(("โครงการ", X[0]), ("รับผิดชอบ", X[1]), ("ดำเนินการ", X[2]), ("ผลลัพธ์", X[4]), top=LINE),
        line(("มาตรการ", X[3]), top=1.5 * LINE),
        *two_measures(
            [
                ("๑. มาตรการแรก", X[0]),
                ("กองคลัง", X[1]),
                ("ต.ค. ๖๗", X[2]),
                ("ผลหนึ่ง", X[3]),
                ("ผลลัพธ์หนึ่ง", X[4]),
            ],
            [
                ("๒. มาตรการสอง", X[0]),
                ("กองช่าง", X[1]),
                ("ตลอดปี", X[2]),
                ("ผลสอง", X[3]),
                ("ผลลัพธ์สอง", X[4]),
            ],
            top=2.5 * LINE,
            step=LINE,
        ),
    ]
    found = borderless.find(lines, None, text)
    assert found is not None
    assert len(found.columns.edges) == 4
    assert cells(found, -1) == ["๒. มาตรการสอง ต่อสอง", "กองช่าง", "ตลอดปี", "ผลสอง", "ผลลัพธ์สอง"]


def test_a_repeated_header_keeps_the_columns_of_the_page_before() -> None:
    # The same header at the top of the next page is the same table: its columns stay where
    # the first page put them, on more body, though this page's text runs up to an edge
    # ("ผลสองยาวมากจนชิดขอบ" ends a glyph short of the outcomes' column).
    head = [
        line(
            ("มาตรการ", X[0]),
            ("ผู้รับผิดชอบ", X[1]),
            ("ระยะเวลา", X[2]),
            ("ผลการดำเนินงาน", X[3]),
            ("ผลลัพธ์", X[4]),
            top=0,
        ),
    ]
    first = [
        *head,
        line(
            ("๑. มาตรการแรก", X[0]),
            ("กองคลัง", X[1]),
            ("ต.ค. ๖๗", X[2]),
            ("ผลหนึ่ง", X[3]),
            ("ผลลัพธ์หนึ่ง", X[4]),
            top=2 * LINE,
        ),
        line(("ต่อหนึ่ง", X[0]), ("ผลต่อ", X[3]), ("ผลลัพธ์ต่อ", X[4]), top=3 * LINE),
        line(("ต่ออีก", X[0]), ("ผลอีก", X[3]), ("ผลลัพธ์อีก", X[4]), top=4 * LINE),
    ]
    page_one = borderless.find(first, None, text)
    assert page_one is not None and page_one.open_ended
    second = [
        *head,
        line(
            ("๒. มาตรการสอง", X[0]),
            ("กองช่าง", X[1]),
            ("ตลอดปี", X[2]),
            ("ผลสองยาวมากจนชิดขอบ", X[3]),
            top=2 * LINE,
        ),
        line(("ต่อ", X[0]), ("ผลต่อ", X[3]), ("ผลลัพธ์สอง", X[4] - 6.0), top=3 * LINE),
    ]
    page_two = borderless.find(second, page_one.columns, text)
    assert page_two is not None
    assert page_two.columns.edges == page_one.columns.edges
    # Columns measured on a single line (a page that ends just under its header) are no
    # better evidence than the next page's body: there they are measured anew.
    short = borderless.find(first[:2], None, text)
    assert short is not None and short.columns.evidence < 2
    anew = borderless.find(second, short.columns, text)
    assert anew is not None and anew.columns.evidence == 2


def test_a_body_line_under_a_repeated_header_gives_it_no_labels() -> None:
    # Under a one-line header repeated on the next page, the first line is the rest of a row
    # cut by the break. A word of it may read loosely as a label ("ครั้ง" as โครงการ), and it
    # stands left of the centred label above it: it is body, and makes no column of its own
    # (an edge would be cut between it and that label, where fewest results run on).
    labels = ("มาตรการ", "วิธีดำเนินการ", "ผลการดำเนินการ", "ผลที่ได้รับ")
    X = (40.0, 160.0, 300.0, 460.0)  # a wide results column, its label centred far in
    head = [line(*zip(labels, (X[0], X[1], X[2] + 45, X[3]), strict=True), top=0)]

    def row(top: float, *cells: str) -> list[dict[str, Any]]:
        return line(*((c, x) for c, x in zip(cells, X, strict=False) if c), top=top)

    first = [
        *head,
        row(2 * LINE, "๑. มาตรการแรก", "ทำหนึ่ง", "ผลหนึ่งยาวไปจนเกือบขอบ", "ได้หนึ่ง"),
        row(3 * LINE, "ต่อหนึ่ง", "ทำต่อ", "ผลต่อ"),
    ]
    page_one = borderless.find(first, None, text)
    assert page_one is not None and page_one.open_ended
    second = [
        *head,
        row(2 * LINE, "", "แทนทุกกอง", "ครั้ง"),
        row(3 * LINE, "", "", "๓. ประกาศแล้วทั้งสาม"),
        row(4 * LINE, "๒. มาตรการสอง", "ทำสอง", "ผลสอง", "ได้สอง"),
        row(5 * LINE, "ต่อสอง", "ทำสองต่อ", "ผลสองต่อไปจนเกือบขอบ"),
        row(6 * LINE, "ต่ออีก", "ทำอีก", "ผลอีกต่อไปจนเกือบขอบ"),
    ]
    page_two = borderless.find(second, page_one.columns, text)
    assert page_two is not None
    assert len(page_two.columns.edges) == len(labels) - 1
    assert cells(page_two, 1) == ["", "แทนทุกกอง", "ครั้ง ๓. ประกาศแล้วทั้งสาม", ""]


def test_a_signature_alone_on_the_next_page_does_not_continue_the_table() -> None:
    # The table ends at a page's foot; the next page holds only the signature, short enough to
    # fit in the first column. It is no row of the table, nor the rest of a category's title.
    head = line(
        ("มาตรการ", X[0]), ("ผู้รับผิดชอบ", X[1]), ("ระยะเวลา", X[2]), ("ผลการดำเนินงาน", X[3]), top=0
    )
    first = [
        head,
        line(("๑. มาตรการแรก", X[0]), ("กองคลัง", X[1]), ("ต.ค. ๖๗", X[2]), ("ผล", X[3]), top=LINE),
    ]
    page_one = borderless.find(first, None, text)
    assert page_one is not None and page_one.open_ended
    assert borderless.find([line(("ลงชื่อ ผู้รายงาน", X[0]), top=0)], page_one.columns, text) is None


def test_labels_centred_against_two_line_labels_are_one_header_line() -> None:
    # Chromium and WeasyPrint centre labels vertically: the one-line labels stand half a line
    # under the first line of the two-line ones, beside them, under none. Together they are
    # the header's first line, and the two-line labels' rest wraps below.
    lines = [
        line(("วิธีดำเนิน", X[1]), ("ระยะเวลา", X[3]), ("ผลการดำเนิน", X[4]), top=0),
        line(("มาตรการ", X[0]), ("ผู้รับผิดชอบ", X[2]), top=LINE / 2),
        line(("การ", X[1]), ("ดำเนินการ", X[3]), ("งาน", X[4]), top=LINE),
        *two_measures(
            [
                ("๑. มาตรการแรก", X[0]),
                ("๑. ทำ", X[1]),
                ("กองคลัง", X[2]),
                ("ต.ค. ๖๗", X[3]),
                ("ผลหนึ่ง", X[4]),
            ],
            [
                ("๒. มาตรการสอง", X[0]),
                ("๑. ทำ", X[1]),
                ("กองช่าง", X[2]),
                ("ตลอดปี", X[3]),
                ("ผลสอง", X[4]),
            ],
            top=2 * LINE,
            step=LINE,
        ),
    ]
    found = borderless.find(lines, None, text)
    assert found is not None
    assert found.header_rows == 1
    assert cells(found, 0) == [
        "มาตรการ",
        "วิธีดำเนิน การ",
        "ผู้รับผิดชอบ",
        "ระยะเวลา ดำเนินการ",
        "ผลการดำเนิน งาน",
    ]
    assert cells(found, -1)[:3] == ["๒. มาตรการสอง ต่อสอง", "๑. ทำ", "กองช่าง"]


def test_a_header_of_centred_labels_in_narrow_columns_reads_as_a_band() -> None:
    # WeasyPrint, narrow columns: three-line labels, a two-line one half a line lower, and
    # one-line labels a line lower still, each centred in its column. Line by line no line
    # reads as a header; as a band up to the first row, each column's labels top down do.
    C = (40.0, 140.0, 240.0, 340.0, 440.0, 540.0)
    lines = [
        line(("หน่วยงาน", C[2]), ("วิธีการ", C[3]), ("ผลการ", C[4]), top=0),
        line(("มาตรการ/", C[0]), top=8),
        line(
            ("ระยะเวลา", C[1]),
            ("ที่", C[2]),
            ("ดำเนิน", C[3]),
            ("ดำเนิน", C[4]),
            ("ผลลัพธ์", C[5]),
            top=17,
        ),
        line(("แนวทาง", C[0]), top=26),
        line(("รับผิดชอบ", C[2]), ("งาน", C[3]), ("การ", C[4]), top=35),
        line(
            ("๑. มาตรการแรก", C[0]),
            ("ตลอดปี", C[1]),
            ("กองคลัง", C[2]),
            ("๑. ทำ", C[3]),
            ("๑. ผล", C[4]),
            ("ได้", C[5]),
            top=44,
        ),
        line(("ต่อแรก", C[0]), top=53),
        line(
            ("๒. มาตรการสอง", C[0]),
            ("ตลอดปี", C[1]),
            ("กองช่าง", C[2]),
            ("๑. ทำ", C[3]),
            ("๑. ผล", C[4]),
            ("ได้สอง", C[5]),
            top=62,
        ),
        line(("ต่อสอง", C[0]), top=71),
    ]
    found = borderless.find(lines, None, text)
    assert found is not None
    assert cells(found, 0) == [
        "มาตรการ/ แนวทาง",
        "ระยะเวลา",
        "หน่วยงาน ที่ รับผิดชอบ",
        "วิธีการ ดำเนิน งาน",
        "ผลการ ดำเนิน การ",
        "ผลลัพธ์",
    ]
    assert cells(found, -1) == ["๒. มาตรการสอง ต่อสอง", "ตลอดปี", "กองช่าง", "๑. ทำ", "๑. ผล", "ได้สอง"]


def test_labels_wrapped_higher_than_a_line_that_reads_as_a_header_are_the_band() -> None:
    # Chromium, narrow columns: the results and unit labels wrap over more lines than the
    # rest and, centred, start higher; the line of the other labels' first words reads as a
    # header on its own. The lines above it open labels ("ผลการ", "ผู้รับ"): the band from
    # the top is the header, and the other labels' second lines ("ประเมิน", "กำหนด") are no row.
    C = (40.0, 140.0, 240.0, 340.0, 440.0, 540.0)
    lines = [
        line(("ผลการ", C[4]), top=0),
        line(("ผู้รับ", C[3]), ("ผลลัพธ์", C[5]), top=9),
        line(
            ("ประเด็นการ", C[0]), ("มาตรการ ที่", C[1]), ("วิธีดำเนิน", C[2]), ("ดำเนินการ", C[4]), top=18
        ),
        line(("ผิดชอบ/ผู้", C[3]), ("(ร้อยละ/", C[5]), top=27),
        line(("ประเมิน", C[0]), ("กำหนด", C[1]), ("การ", C[2]), ("(ระบุราย", C[4]), top=36),
        line(("ประสานงาน", C[3]), ("คะแนน)", C[5]), top=45),
        line(("ละเอียด)", C[4]), top=54),
        line(
            ("๑. การใช้", C[0]),
            ("๑.๑ มาตรการ", C[1]),
            ("๑. ทำ", C[2]),
            ("กองคลัง", C[3]),
            ("๑. ผล", C[4]),
            ("ได้", C[5]),
            top=72,
        ),
        line(("ทรัพย์สิน", C[0]), ("ต่อแรก", C[1]), top=90),
        line(
            ("๑.๒ มาตรการ", C[1]),
            ("๑. ทำ", C[2]),
            ("กองช่าง", C[3]),
            ("๑. ผล", C[4]),
            ("ได้สอง", C[5]),
            top=108,
        ),
    ]
    found = borderless.find(lines, None, text)
    assert found is not None
    assert cells(found, 0)[0] == "ประเด็นการ ประเมิน"
    assert cells(found, 0)[4] == "ผลการ ดำเนินการ (ระบุราย ละเอียด)"
    assert cells(found, 1)[:2] == ["๑. การใช้ ทรัพย์สิน", "๑.๑ มาตรการ ต่อแรก"]
    assert cells(found, 2)[1:4] == ["๑.๒ มาตรการ", "๑. ทำ", "กองช่าง"]


def test_rows_above_a_like_header_mid_page_continue_the_table_before() -> None:
    # A page opens with the last measure of one category's table, then the next category's
    # table starts under it with the same header. Those rows are the page's continuation,
    # not a running head above a repeated header.
    head = line(
        ("มาตรการ", X[0]), ("ผู้รับผิดชอบ", X[1]), ("ระยะเวลา", X[2]), ("ผลการดำเนินงาน", X[3]), top=0
    )
    first = [
        head,
        line(("๑. มาตรการแรก", X[0]), ("กองคลัง", X[1]), ("ต.ค. ๖๗", X[2]), ("ผล", X[3]), top=LINE),
    ]
    page_one = borderless.find(first, None, text)
    assert page_one is not None and page_one.open_ended
    second = [
        line(("๒. มาตรการสอง", X[0]), ("กองช่าง", X[1]), ("ตลอดปี", X[2]), ("ผลสอง", X[3]), top=0),
        line(("ต่อสอง", X[0]), top=LINE),
        line(
            ("มาตรการ", X[0]),
            ("ผู้รับผิดชอบ", X[1]),
            ("ระยะเวลา", X[2]),
            ("ผลการดำเนินงาน", X[3]),
            top=2 * LINE,
        ),
        line(
            ("๑. มาตรการใหม่", X[0]),
            ("กองคลัง", X[1]),
            ("ต.ค. ๖๗", X[2]),
            ("ผลใหม่", X[3]),
            top=3 * LINE,
        ),
    ]
    continued = borderless.find(second, page_one.columns, text)
    assert continued is not None and continued.header_rows == 0
    assert cells(continued, 0) == ["๒. มาตรการสอง ต่อสอง", "กองช่าง", "ตลอดปี", "ผลสอง"]


def test_sub_labels_under_a_left_aligned_group_label_wrap_on_their_own() -> None:
    # "แผนการดำเนินงาน" stands left-aligned over its three sub-labels, no wider than the
    # first: it is a group label because the sub-labels beside it stand under no label.
    # Each sub-label then wraps on with its own words ("วิธีการดำเนิน" / "งาน/กิจกรรมที่" /
    # "ดำเนินการ"), and a label wrapped over three lines is read whole, not from its second
    # line ("แนวทางการดำเนินการ" under "มาตรการ/" is no methods' label).
    W = (40.0, 170.0, 300.0, 450.0, 570.0, 690.0)
    lines = [
        line(
            ("มาตรการ/", W[0]),
            ("แผนการดำเนินงาน", W[1]),
            ("ผลการปฏิบัติ", W[4]),
            ("ผลลัพธ์", W[5]),
            top=0,
        ),
        line(
            ("แนวทางการ", W[0]),
            ("วิธีการดำเนิน", W[1]),
            ("หน่วยงานที่รับผิด", W[2]),
            ("ระยะเวลา", W[3]),
            top=LINE,
        ),
        line(
            ("ดำเนินการ", W[0]),
            ("งาน/กิจกรรมที่", W[1]),
            ("ชอบ/ผู้ประสาน", W[2]),
            ("(เดือน/ปี)", W[3]),
            top=2 * LINE,
        ),
        line(("ดำเนินการ", W[1]), ("งาน", W[2]), top=3 * LINE),
        line(
            ("๑. มาตรการแรก", W[0]),
            ("๑. ทำ", W[1]),
            ("กองคลัง", W[2]),
            ("ต.ค. ๖๗", W[3]),
            ("ผล", W[4]),
            ("ได้", W[5]),
            top=4 * LINE,
        ),
        line(
            ("๒. มาตรการสอง", W[0]),
            ("๑. ทำ", W[1]),
            ("กองช่าง", W[2]),
            ("ตลอดปี", W[3]),
            ("ผล", W[4]),
            ("ได้สอง", W[5]),
            top=5 * LINE,
        ),
    ]
    found = borderless.find(lines, None, text)
    assert found is not None
    assert found.header_rows == 2  # the group label's row, and its sub-labels'
    assert cells(found, 0)[1:4] == ["แผนการดำเนินงาน", "", ""]
    assert cells(found, 1)[1:4] == [
        "วิธีการดำเนิน งาน/กิจกรรมที่ ดำเนินการ",
        "หน่วยงานที่รับผิด ชอบ/ผู้ประสาน งาน",
        "ระยะเวลา (เดือน/ปี)",
    ]
    assert cells(found, -1) == ["๒. มาตรการสอง", "๑. ทำ", "กองช่าง", "ตลอดปี", "ผล", "ได้สอง"]


def test_the_other_label_after_a_slash_wraps_into_the_header() -> None:
    # Under the group label "แผนการดำเนินงาน", "วิธีการดำเนินงาน/" wraps onto the label it
    # offers beside it, "กิจกรรมที่ดำเนินการ": a label's length, reading a little less like
    # the methods than the first alone. Left out, it made a measure of its own.
    W = (40.0, 170.0, 330.0, 490.0, 650.0, 800.0)
    lines = [
        line(
            ("มาตรการ/ แนวทาง", W[0]),
            ("แผนการดำเนินงาน", W[1]),
            ("ผลการ", W[4]),
            ("ผลลัพธ์", W[5]),
            top=0,
        ),
        line(
            ("วิธีการดำเนินงาน/", W[1]),
            ("หน่วยงานรับผิดชอบ", W[2]),
            ("ระยะเวลา (เดือน/ปี)", W[3]),
            ("ดำเนินงาน", W[4]),
            top=LINE,
        ),
        line(("กิจกรรมที่ดำเนินการ", W[1]), top=2 * LINE),
        *two_measures(
            [("(๑) มาตรการแรก", W[0]), ("๑. ทำ", W[1]), ("กองคลัง", W[2]), ("ต.ค. ๖๗", W[3])],
            [("(๒) มาตรการสอง", W[0]), ("๑. ทำ", W[1]), ("กองช่าง", W[2]), ("ตลอดปี", W[3])],
            3 * LINE,
            LINE,
        ),
    ]
    found = borderless.find(lines, None, text)
    assert found is not None
    assert found.header_rows == 2
    assert "กิจกรรมที่ดำเนินการ" in cells(found, 1)[1]
    assert cells(found, 2)[0].startswith("(๑) มาตรการแรก")


def test_a_bracket_alone_closing_a_labels_note_wraps_into_the_header() -> None:
    # "ผลลัพธ์ (ร้อยละ/คะแนน" wraps onto its ")" alone, beside the rest of two other labels:
    # no word of a label, but the close of the note it opened. Left out, the line made a
    # measure of its own.
    W = (40.0, 170.0, 330.0, 520.0, 720.0)
    lines = [
        line(
            ("มาตรการที่กำหนด", W[0]),
            ("วิธีดำเนินการ", W[1]),
            ("ผู้รับผิดชอบ/ผู้ประสาน", W[2]),
            ("ผลการดำเนินการ (ระบุราย", W[3]),
            ("ผลลัพธ์ (ร้อยละ/คะแนน", W[4]),
            top=0,
        ),
        line(("งาน", W[2]), ("ละเอียด)", W[3]), (")", W[4]), top=LINE),
        *two_measures(
            [("๑.๑ มาตรการแรก", W[0]), ("๑. ทำ", W[1]), ("กองคลัง", W[2]), ("ผล", W[3])],
            [("๑.๒ มาตรการสอง", W[0]), ("๑. ทำ", W[1]), ("กองช่าง", W[2]), ("ผล", W[3])],
            2 * LINE,
            LINE,
        ),
    ]
    found = borderless.find(lines, None, text)
    assert found is not None
    assert found.header_rows == 1
    assert cells(found, 0)[4] == "ผลลัพธ์ (ร้อยละ/คะแนน )"
    assert cells(found, 1)[0].startswith("๑.๑ มาตรการแรก")


def test_a_measures_first_line_numbered_like_a_category_measures_the_columns() -> None:
    # Measures numbered "(๑)" as categories are: a measure's first line, several cells, is no
    # category row to leave out when the columns are measured. Here it holds the only text
    # of the unit column (one-line cells, left of their centred label): left out, the edge
    # fell at the label and cut "ท" of "ทุกกอง" into the methods.
    X = (40.0, 160.0, 280.0, 460.0)
    lines = [
        line(
            ("มาตรการ/แนวทาง", X[0]),
            ("ขั้นตอน/วิธีการ", X[1]),
            ("หน่วยงานรับผิดชอบ", X[2] + 20),
            ("ผลการดำเนินงาน", X[3]),
            top=0,
        ),
        *two_measures(
            [("(๑) มาตรการแรก", X[0]), ("๑. แต่งตั้งคณะ", X[1]), ("ทุกกอง/ฝ่าย", X[2]), ("ผล", X[3])],
            [("(๒) มาตรการสอง", X[0]), ("๑. ประกาศ", X[1]), ("กองคลัง", X[2]), ("ผลสอง", X[3])],
            2 * LINE,
            LINE,
        ),
    ]
    found = borderless.find(lines, None, text)
    assert found is not None
    assert cells(found, 1)[1:3] == ["๑. แต่งตั้งคณะ", "ทุกกอง/ฝ่าย"]


def test_lines_over_the_first_row_that_go_on_with_the_labels_are_the_header() -> None:
    # Three labels lengthened at once ("มาตรการการ" / "ดำเนินการ", "ผลการดำเนินการ" /
    # "ตามมาตรการ") read a little less like their fields each, more than a header may lose
    # to one lengthening; but under a table's first header no row has begun above the first
    # that opens, and lines that go on with the labels are the header's. Left out, they
    # were a row, and under the header repeated on the next page the cut row's rest joined it.
    X = (40.0, 170.0, 300.0, 420.0, 560.0)
    lines = [
        line(
            ("มาตรการการ", X[0]),
            ("ขั้นตอน/วิธีการ/", X[1]),
            ("ผู้รับผิดชอบ", X[2]),
            ("ผลการดำเนินการ", X[3]),
            ("ผลที่ได้รับ", X[4]),
            top=0,
        ),
        line(("ดำเนินการ", X[0]), ("กิจกรรมที่ดำเนิน", X[1]), ("ตามมาตรการ", X[3]), top=LINE),
        line(("การ", X[1]), top=2 * LINE),
        line(("ด้านที่ 1 การใช้งบประมาณ", X[0]), top=3 * LINE),
        *two_measures(
            [("1. มาตรการแรก", X[0]), ("1. ทำ", X[1]), ("กองคลัง", X[2]), ("ผล", X[3])],
            [("2. มาตรการสอง", X[0]), ("1. ทำ", X[1]), ("กองช่าง", X[2]), ("ผลสอง", X[3])],
            4 * LINE,
            LINE,
        ),
    ]
    found = borderless.find(lines, None, text)
    assert found is not None
    assert found.columns.header_lines == tuple(text(ln) for ln in lines[:3])
    assert cells(found, 0)[:2] == ["มาตรการการ ดำเนินการ", "ขั้นตอน/วิธีการ/ กิจกรรมที่ดำเนิน การ"]


def test_centred_labels_lengthened_at_once_over_the_first_row_are_the_header() -> None:
    # The same header as Chromium centres it: the labels that wrap most start highest, and
    # under the band's lines come "ดำเนินการ | ตามมาตรการ" (two labels lengthened) and
    # "การ" alone, the end of a label that took two lines already.
    X = (40.0, 170.0, 300.0, 420.0, 560.0)
    lines = [
        line(("ขั้นตอน/วิธีการ/", X[1]), top=0),
        line(("มาตรการการ", X[0]), ("ผลการดำเนินการ", X[3]), top=8),
        line(("กิจกรรมที่ดำเนิน", X[1]), ("ผู้รับผิดชอบ", X[2]), ("ผลที่ได้รับ", X[4]), top=17),
        line(("ดำเนินการ", X[0] + 7), ("ตามมาตรการ", X[3] + 7), top=26),
        line(("การ", X[1] + 35), top=34),
        line(("ด้านที่ 1 การใช้งบประมาณ", X[0]), top=52),
        *two_measures(
            [("1. มาตรการแรก", X[0]), ("1. ทำ", X[1]), ("กองคลัง", X[2]), ("ผล", X[3])],
            [("2. มาตรการสอง", X[0]), ("1. ทำ", X[1]), ("กองช่าง", X[2]), ("ผลสอง", X[3])],
            70,
            18,
        ),
    ]
    found = borderless.find(lines, None, text)
    assert found is not None
    assert found.columns.header_lines == tuple(text(ln) for ln in lines[:5])


def test_a_numbered_rows_first_line_of_label_words_is_no_header() -> None:
    # A row whose subject's first line is the word "มาตรการ" (the rest wraps below) and whose
    # methods open "1. จัดกิจกรรม": its words read as labels, but a number in the sequence
    # column opens a row; with its remark ("อยู่ระหว่าง" / "ดำเนินการ", a tick column's label)
    # its two lines read as a header, and cut the continued table in two there.
    X = (40.0, 100.0, 260.0, 420.0, 560.0)
    head = line(
        ("ลำดับ", X[0]), ("มาตรการ", X[1]), ("วิธีการดำเนินงาน", X[2]), ("ผลการดำเนินงาน", X[3]), top=0
    )
    first = [
        head,
        line(("1", X[0]), ("มาตรการแรก", X[1]), ("1. ทำ", X[2]), ("ผลหนึ่ง", X[3]), top=2 * LINE),
        line(("ต่อแรก", X[1]), ("ทำต่อ", X[2]), ("ผลต่อ", X[3]), top=3 * LINE),
    ]
    page_one = borderless.find(first, None, text)
    assert page_one is not None and page_one.open_ended
    second = [
        line(("ทำต่ออีก", X[2]), top=0),
        line(
            ("2", X[0]),
            ("มาตรการ", X[1]),
            ("1. จัดกิจกรรม", X[2]),
            ("1. ประกาศ", X[3]),
            ("อยู่ระหว่าง", X[4]),
            top=LINE,
        ),
        line(
            ("ป้องกันการรับ", X[1]),
            ("สร้างจิตสำนึก", X[2]),
            ("นโยบาย", X[3]),
            ("ดำเนินการ", X[4]),
            top=2 * LINE,
        ),
        line(("สินบน", X[1]), ("บุคลากร", X[2]), top=3 * LINE),
    ]
    page_two = borderless.find(second, page_one.columns, text)
    assert page_two is not None
    assert page_two.used == {0, 1, 2, 3}
    assert cells(page_two, 1)[1] == "มาตรการ ป้องกันการรับ สินบน"


def test_a_band_of_letter_wrapped_labels_over_eleven_lines_is_the_header() -> None:
    # WeasyPrint, 12 pt in narrow columns: labels wrapped over up to six lines, centred half
    # a line apart, make a band of eleven lines; its last ("การ", "งาน", "ยด)") is no row.
    C = (40.0, 140.0, 240.0, 340.0, 440.0, 540.0)
    labels = [
        (0, ["ประเด็น"], 5),
        (1, ["มาตรกา", "ร/", "โครงการ"], 3),
        (2, ["ระยะ", "เวลา", "ดำเนิน", "การที่", "ดำเนิน", "การ"], 0),
        (3, ["วิธีการ", "ดำเนิน", "งาน", "(ระบุ", "ขั้นตอน)"], 1),
        (4, ["หน่วย", "งาน", "รับผิดชอ", "บ/ผู้", "ประสาน", "งาน"], 0),
        (5, ["ผลการ", "ดำเนิน", "งาน", "(ระบุ", "รายละเอี", "ยด)"], 0),
    ]
    at: dict[int, list[tuple[str, float]]] = {}
    for col, words, first in labels:
        for k, w in enumerate(words):
            at.setdefault(first + 2 * k, []).append((w, C[col]))
    band = [line(*sorted(at[k], key=lambda p: p[1]), top=9.0 * k) for k in sorted(at)]
    rows = two_measures(
        [("1.1 มาตรการ", C[1]), ("ตลอดปี", C[2]), ("1. ทำ", C[3]), ("กองคลัง", C[4]), ("ผล", C[5])],
        [("1.2 มาตรการ", C[1]), ("ตลอดปี", C[2]), ("1. ทำ", C[3]), ("กองช่าง", C[4]), ("ผล", C[5])],
        9.0 * 11 + 20,
        18.0,
    )
    found = borderless.find([*band, *rows], None, text)
    assert found is not None
    assert cells(found, 0)[2] == "ระยะ เวลา ดำเนิน การที่ ดำเนิน การ"
    assert cells(found, 1)[1].startswith("1.1 มาตรการ")


def test_a_repeated_headers_columns_measured_anew_keep_the_edges_no_text_crosses() -> None:
    # Page 2 has more body than page 1, so its columns are measured anew on it; its sequence
    # column holds one number ("๓" beside a row's rest) and its label stands lower than the
    # first header line: no strip or label gives its edge. The page before's edge, which no
    # text here runs over, stands; one that text runs over, or one found again, does not.
    from itaparse.readers.pdf_borderless import _kept_edges

    body = [
        line(("โปร่งใสใน", 124.0), ("ฑ์การ", 195.0), top=0),
        line(("๓", 53.0), ("มาตรการปรับปรุง", 124.0), ("๑. มอบหมาย", 195.0), top=LINE),
        line(("การเผยแพร่", 124.0), ("ข่าว", 196.0), top=2 * LINE),  # runs over 200
    ]
    assert _kept_edges([193.0, 265.0], [122.0, 193.3, 200.0, 265.0], body) == [122.0, 193.0, 265.0]


def test_a_category_label_wrapped_before_its_number_opens_a_category_row() -> None:
    # In a narrow first column "กลยุทธ์ที่" wraps before its number ("2 : การ…" below): no
    # line of it reads as a category alone, and it joined the measure above. Read with the
    # line under it, it opens the category's row.
    X = (40.0, 160.0, 280.0, 400.0)
    lines = [
        line(
            ("มาตรการ/แนวทาง", X[0]),
            ("ขั้นตอน/วิธีการ", X[1]),
            ("ผู้รับผิดชอบ", X[2]),
            ("ผลการดำเนินงาน", X[3]),
            top=0,
        ),
        line(
            ("1.1 มาตรการแรก", X[0]),
            ("1. ทำ", X[1]),
            ("กองคลัง", X[2]),
            ("ผลหนึ่ง", X[3]),
            top=2 * LINE,
        ),
        line(("ต่อแรก", X[0]), ("ทำต่อ", X[1]), top=3 * LINE),
        line(("กลยุทธ์ที่", X[0]), top=4 * LINE),
        line(("2 : การปฏิบัติ", X[0]), top=5 * LINE),
        line(("งาน", X[0]), top=6 * LINE),
        line(
            ("2.1 มาตรการสอง", X[0]),
            ("1. ทำสอง", X[1]),
            ("กองช่าง", X[2]),
            ("ผลสอง", X[3]),
            top=7 * LINE,
        ),
    ]
    found = borderless.find(lines, None, text)
    assert found is not None
    assert cells(found, 1)[0] == "1.1 มาตรการแรก ต่อแรก"
    assert cells(found, 2)[0] == "กลยุทธ์ที่ 2 : การปฏิบัติ งาน"
    assert cells(found, 3)[0] == "2.1 มาตรการสอง"


def test_a_header_repeated_with_its_labels_wrapped_otherwise_is_the_same() -> None:
    # LibreOffice may break a repeated header's labels at other points ("งาน (ร" / "ะบุขั้น"
    # on page 1, "งาน" / "(ระบุขั้น" on page 2): the same letters make the same header, and
    # the page keeps the columns of the page before. Other labels are another header.
    from itaparse.readers.pdf_borderless import _same_labels

    before = borderless.Columns([100.0], 0.0, 500.0)
    before.header_lines = ("มาตรการ วิธีการ", "ดำเนิน ผล", "งาน (ร", "ะบุขั้น")
    assert _same_labels(("มาตรการ วิธีการ", "ดำเนิน ผล", "งาน", "(ระบุขั้น"), before)
    assert not _same_labels(("มาตรการ วิธีการ", "ดำเนิน ผลลัพธ์", "งาน"), before)


def test_a_header_wrapped_over_seven_lines_is_read_whole() -> None:
    # Letter-wrapped in a narrow column, a label and its note take seven lines; the note's
    # last line ("ทำงาน)") is the header's, not a row (it was past the header's six lines).
    X = (40.0, 170.0, 300.0, 420.0)
    note = ["แนวทางการ", "ดำเนินการ", "(ระบุ", "ขั้น", "ตอน", "การ", "ทำงาน)"]
    lines = [
        line(
            ("มาตรการ/", X[0]), (note[0], X[1]), ("ผู้รับผิดชอบ", X[2]), ("ผลการดำเนินงาน", X[3]), top=0
        ),
        line(("แนวทาง", X[0]), (note[1], X[1]), top=LINE),
        *(line((word, X[1]), top=k * LINE) for k, word in enumerate(note[2:], 2)),
        *two_measures(
            [("1. มาตรการแรก", X[0]), ("1. ทำ", X[1]), ("กองคลัง", X[2]), ("ผล", X[3])],
            [("2. มาตรการสอง", X[0]), ("1. ทำ", X[1]), ("กองช่าง", X[2]), ("ผลสอง", X[3])],
            8 * LINE,
            LINE,
        ),
    ]
    found = borderless.find(lines, None, text)
    assert found is not None
    assert len(found.columns.header_lines) == 7
    assert cells(found, 1)[0].startswith("1. มาตรการแรก")


def test_a_notes_opening_bracket_alone_wraps_into_the_header() -> None:
    # "หน่วยงานที่รับผิดชอบ" wraps onto "(" alone, its note "กอง/ฝ่าย)" on the line below:
    # the bracket opens the label's note, and the line is the header's.
    from itaparse.readers.borderless_labels import _goes_on

    assert _goes_on(["หน่วยงาน", "ที่รับผิด", "ชอบ"], "(")
    assert _goes_on(["ผลสัมฤทธิ์ (ร้อยละ/คะแน"], "น)")
    assert not _goes_on(["ผลสัมฤทธิ์"], "-")


def test_a_category_row_numbered_like_a_measure_over_two_labels_measures_no_column() -> None:
    # "๑. การบริหารงานบุคคล…" numbers its category as measures are numbered ("๑.๑"), so its
    # words cannot tell it from a measure's first line; but it runs over the first two labels
    # whole, which no cell does (a cell's text stays in its column). Measured as a cell, its
    # end fell in the narrow gap before the unit's column (Chromium), the edge was put past
    # it, and "กองช่าง" went to the methods.
    from itaparse.readers.borderless_columns import _cell_lines

    labels = [word("มาตรการ", 40.0, 0), word("แนวทาง", 160.0, 0), word("ผู้รับผิดชอบ", 280.0, 0)]
    category = line(("๑. การบริหารงานบุคคลอย่างเป็นธรรม", 40.0), top=LINE)
    measure = line(("๑.๑ มาตรการ", 40.0), ("๑. แต่งตั้ง", 160.0), ("กองช่าง", 280.0), top=2 * LINE)
    under_one = line(("ต่อหนึ่ง", 160.0), top=3 * LINE)
    kept = _cell_lines([category, measure, under_one], 40.0, 400.0, text, labels)
    assert kept == [measure, under_one]


def test_a_label_centred_on_the_second_of_three_header_lines_is_a_column() -> None:
    # Chromium centres a one-line label ("ขั้นตอน/วิธีการ") beside the middle line of
    # three-line ones: it stands under no label of the first line and on the header's second
    # line, which reads as too few labels to be sub-labels. It is a column: where the body
    # leaves no white strip before it (the measures' text runs close to the methods'), its
    # label alone gives the edge.
    X = (40.0, 135.0, 280.0, 400.0, 520.0)
    lines = [
        line(
            ("มาตรการ/", X[0]), ("หน่วยงาน", X[2]), ("ระยะเวลา", X[3]), ("ผลการดำเนิน", X[4]), top=0
        ),
        line(
            ("แนวทาง", X[0]),
            ("ขั้นตอน/วิธีการ", X[1]),
            ("ที่รับผิด", X[2]),
            ("ของงาน", X[3]),
            ("การ (ระบุ", X[4]),
            top=LINE,
        ),
        line(("ชอบ", X[2]), ("รายละเอียด)", X[4]), top=2 * LINE),
        *two_measures(
            # The measures' first lines end 4 points before the methods' column: no river.
            [
                ("๑. มาตรการแรก", X[0]),
                ("๑. แต่งตั้ง", X[1]),
                ("กองคลัง", X[2]),
                ("ต.ค. ๖๗", X[3]),
                ("ผล", X[4]),
            ],
            [
                ("๒. มาตรการสอง", X[0]),
                ("๑. ประกาศ", X[1]),
                ("กองช่าง", X[2]),
                ("ต.ค. ๖๗", X[3]),
                ("ผลสอง", X[4]),
            ],
            3 * LINE,
            LINE,
        ),
    ]
    found = borderless.find(lines, None, text)
    assert found is not None
    assert cells(found, -1)[:3] == ["๒. มาตรการสอง ต่อสอง", "๑. ประกาศ", "กองช่าง"]


def _from_blocks(data: dict[str, Any]) -> list[dict[str, Any]]:
    """A line of glyphs from a regression file's text blocks, each block's glyphs spread
    evenly over its width (block geometry is what the header and columns are read by); the
    line's first glyph stands at its own top (a mark above a letter stands higher)."""
    glyphs: list[dict[str, Any]] = []
    for b in data["blocks"]:
        step = (b["x1"] - b["x0"]) / len(b["text"])
        for i, ch in enumerate(b["text"]):
            x = b["x0"] + i * step
            glyphs.append(
                {
                    "text": ch,
                    "x0": x,
                    "x1": x + step,
                    "top": b["top"],
                    "bottom": b["top"] + b["size"],
                    "size": b["size"],
                    "fontname": "Test",
                }
            )
    glyphs[0]["top"] = data["first_top"]
    return glyphs


def test_a_group_label_raised_over_a_header_that_reads_is_no_wrapped_label() -> None:
    # Chromium, a table per category under its own heading (tests/regressions): the group
    # label "แผนการดำเนินงาน" stands above the labels, the one-line labels beside it centred
    # half a line lower. The line of labels under it reads as a header on its own, so the
    # group label is no first line of labels that wrap: glued into the label under it, it
    # made ten columns of the six and read the header's last line as a row.
    data = json.loads((REGRESSIONS / "chromium_group_label_over_centred_labels.json").read_text())
    lines = [_from_blocks(line) for line in data["lines"]]
    found = borderless.find(lines, None, text)
    assert found is not None
    assert len(found.columns.edges) == 5
    assert cells(found, 0) == [
        "มาตรการ",
        "แนวทางการ ดำเนินการ",
        "หน่วยงานที่รับ ผิดชอบ",
        "ระยะเวลา ดำเนินการ",
        "ผลการดำเนิน งาน",
        "ผลลัพธ์/ความ สำเร็จ",
    ]
    assert cells(found, 1)[:4] == [
        "๒. มาตรการ ปรับปรุงการ เผยแพร่ข้อมูล ข่าวสารผ่าน เว็บไซต์หลัก ของหน่วยงาน",
        "๑. ปรับปรุง โครงสร้าง เว็บไซต์ให้ ค้นหาข้อมูล ตามหัวข้อการ ประเมินได้ สะดวก"
        " ๒. ตรวจสอบ ความครบถ้วน ของข้อมูลก่อน เผยแพร่ทุก ครั้ง ๓. มอบหมาย ผู้รับผิดชอบ"
        " การปรับปรุง ข้อมูลของ แต่ละกองให้ เป็นปัจจุบันทุก เดือน",
        "กองช่าง",
        "เมษายน ๒๕๖๘ - กันยายน ๒๕๖๘",
    ]


def test_a_short_table_is_measured_by_its_body_spacing_not_its_headers() -> None:
    # A category's table with two lines left on the page, under a header of labels centred
    # half a line apart: the page's spacing is the header's, and a whole body line's gap
    # would end the body under the row's first line, losing the rest of its period.
    C = (40.0, 160.0, 280.0, 400.0, 520.0, 640.0)
    lines = [
        line(("ผลการดำเนิน", C[4]), ("ผลลัพธ์/ความ", C[5]), top=0),
        line(
            ("มาตรการ", C[0]), ("แนวทางการ", C[1]), ("หน่วยงานที่รับ", C[2]), ("ระยะเวลา", C[3]), top=7
        ),
        line(("งาน", C[4]), ("สำเร็จ", C[5]), top=15),
        line(("ดำเนินการ", C[1]), ("ผิดชอบ", C[2]), ("ดำเนินการ", C[3]), top=23),
        line(
            ("๓. มาตรการ", C[0]),
            ("๑. เผยแพร่", C[1]),
            ("ทุกกอง", C[2]),
            ("เมษายน", C[3]),
            ("๑. สรุปผล", C[4]),
            ("- การจัดซื้อ", C[5]),
            top=43,
        ),
        line(("เปิดเผยข้อมูล", C[0]), ("แผนการจัดซื้อ", C[1]), ("๒๕๖๘ -", C[3]), top=58),
    ]
    found = borderless.find(lines, None, text)
    assert found is not None
    assert max(found.used) == len(lines) - 1
    assert cells(found, 1)[:4] == [
        "๓. มาตรการ เปิดเผยข้อมูล",
        "๑. เผยแพร่ แผนการจัดซื้อ",
        "ทุกกอง",
        "เมษายน ๒๕๖๘ -",
    ]


def test_two_close_columns_in_a_band_of_centred_labels_are_two_labels() -> None:
    # Chromium, labels centred over one to four lines and columns 9 pt apart
    # (tests/regressions): "การดำเนิน" (the subject's third line) and "ดำเนินงาน" (the
    # methods' second) ran into one block, which stood over both columns like a group label,
    # and the document was refused as having no measures table. The gap between its words
    # falls between the labels above on both sides: two labels.
    data = json.loads((REGRESSIONS / "chromium_close_columns_in_centred_labels.json").read_text())
    lines = [_from_blocks(line) for line in data["lines"]]
    found = borderless.find(lines, None, text)
    assert found is not None
    assert cells(found, 0) == [
        "ลำดับที่",
        "มาตรการ/ แนวทาง การดำเนิน การ",
        "วิธีการ ดำเนินงาน",
        "กรอบระยะ เวลา (เดือน/ปี)",
        "ผลการ ปฏิบัติ",
        "ผลลัพธ์",
    ]


def test_a_repeated_band_header_ends_where_the_page_befores_did() -> None:
    # WeasyPrint, labels centred over one to four lines, the header repeated on every page
    # (tests/regressions): the page opens with a row's rest, which opens no row, so the band
    # of labels ran on into it and took the rest for labels. Printed again, the header is
    # the lines the page before's was; the header read on each page then grew by the lines
    # it had taken, and the rows of every later page went to the wrong cells.
    data = json.loads(
        (REGRESSIONS / "weasyprint_repeated_band_header_over_a_rows_rest.json").read_text()
    )
    first, second = ([_from_blocks(line) for line in page] for page in data["pages"])
    before = borderless.find(first, None, text)
    assert before is not None and len(before.columns.header_lines) == 7
    found = borderless.find(second, before.columns, text)
    assert found is not None
    assert found.columns.header_lines == before.columns.header_lines
    assert "ผ่านเว็บไซต์" in " ".join(cells(found, 1))


def test_the_top_line_of_a_band_of_centred_labels_groups_nothing() -> None:
    # WeasyPrint, labels centred over one to four lines (tests/regressions): the band's top
    # line holds only the tallest label's first word ("มาตรการ"), with the labels of the next
    # columns starting on the line under it. Read as a left-aligned group label over them, it
    # made the subject the methods' column and the methods the subject (70 of 105 fields).
    data = json.loads((REGRESSIONS / "weasyprint_band_top_line_is_no_group_label.json").read_text())
    lines = [_from_blocks(line) for line in data["lines"]]
    found = borderless.find(lines, None, text)
    assert found is not None and found.header_rows == 1
    assert cells(found, 0)[:3] == ["ลำดับที่", "มาตรการ /แนวทาง การ ดำเนิน การ", "วิธีการ ดำเนิน งาน"]


def test_a_category_row_under_part_of_the_next_label_measures_no_column() -> None:
    # The same category row where the next label is wider than the row reaches ("หน่วยงาน"
    # over "ที่รับผิดชอบ", a band of two lines, one block): it is under both labels but not
    # over the second whole. Under two labels is no cell's text either (Chromium, seed 3800
    # no. 032: the measure and the unit's columns were read as one).
    from itaparse.readers.borderless_columns import _cell_lines

    labels = [word("มาตรการ", 40.0, 0), word("หน่วยงานที่รับผิดชอบ", 160.0, 0)]
    category = line(("๑. การบริหารงานบุคคลอย่าง", 40.0), top=LINE)
    measure = line(("๑.๑ มาตรการ", 40.0), ("กองช่าง", 160.0), top=2 * LINE)
    assert _cell_lines([category, measure], 40.0, 400.0, text, labels) == [measure]
    # A cell's text that reaches a little under the next label (a label centred a little
    # wider than its column) is still a cell's.
    reaching = line(("๑.๑ มาตรการยกระดับ", 40.0), top=3 * LINE)
    assert _cell_lines([reaching], 40.0, 400.0, text, labels) == [reaching]


def test_a_rows_unit_and_period_left_at_a_page_foot_open_a_row_of_their_own() -> None:
    # WeasyPrint breaks a row across pages cell by cell: the next measure's unit and period
    # stand at the page's foot, below the measure above, its subject on the next page. The
    # unit's column had ended lines above: a new row. The column that ran longest going on
    # opens none.
    lines = [
        *_header(0),
        line(("๑", X[0]), ("มาตรการแรก", X[1]), ("กองคลัง", X[2]), ("ต.ค. ๖๗", X[3]), top=60),
        *[line(("ผลแรก", X[4]), top=60 + k * LINE) for k in range(1, 6)],
        line(("ผลต่อ", X[4]), top=60 + 6 * LINE),
        line(("กองช่าง", X[2]), ("ตลอดปี", X[3]), top=60 + 7 * LINE),
    ]
    found = borderless.find(lines, None, text)
    assert found is not None
    assert [cells(found, r)[2:4] for r in range(1, len(found.rows))] == [
        ["กองคลัง", "ต.ค. ๖๗"],
        ["กองช่าง", "ตลอดปี"],
    ]
    assert cells(found, 1)[4].endswith("ผลต่อ")


def test_a_column_going_on_after_a_gap_beside_its_rows_items_is_the_rows_own() -> None:
    # Items set level with another column's ("- หน่วยงานผ่านการ…" beside "๓. เปิดเผย…"): a
    # column goes on after lines of white, beside a column still running, or alone. Either
    # way it is the row's own text, not a new row.
    lines = [
        *_header(0),
        line(("๑", X[0]), ("มาตรการแรก", X[1]), ("กองคลัง", X[2]), ("ผลแรก", X[4]), top=60),
        *[line(("ต่อ", X[1]), ("ผลต่อ", X[4]), top=60 + k * LINE) for k in range(1, 5)],
        line(("ต่อ", X[1]), ("ข้อสอง", X[3]), top=60 + 5 * LINE),
        line(("ผลท้าย", X[4]), top=60 + 6 * LINE),
        line(("กองช่าง", X[2]), top=60 + 7 * LINE),
    ]
    found = borderless.find(lines, None, text)
    assert found is not None and len(found.rows) == 2
    assert cells(found, 1)[2:4] == ["กองคลัง กองช่าง", "ข้อสอง"]


@pytest.mark.parametrize("rise", [0.0, 3.0])
def test_a_fallback_fonts_taller_glyph_does_not_lift_its_header_line(rise: float) -> None:
    # Chromium sets "/" in Noto Sans beside Noto Serif Thai: its box, from its own font's
    # ascent, stands higher than its neighbours'. The line stands where most of its glyphs
    # do, so the one-line labels centred half a line lower are still beside it, and the
    # two-line labels keep their first lines (seed 4100 Chromium no.161 read "แนวทาง" for
    # "มาตรการ/แนวทาง", "ดำเนินการ" for "ระยะเวลาดำเนินการ", the latter as a tick column).
    x = (40.0, 120.0, 220.0, 320.0, 420.0, 520.0, 620.0, 720.0)
    first = line(("มาตรการ/", x[1]), ("หน่วยงาน", x[3]), ("ระยะเวลา", x[4]), ("ผลการ", x[5]), top=0)
    slash = next(i for i, ch in enumerate(first) if ch["text"] == "/")
    first[slash] = {**first[slash], "top": -rise}
    lines = [
        first,
        line(
            ("ลำดับที่", x[0]), ("วิธีดำเนินการ", x[2]), ("ผลลัพธ์", x[6]), ("หมายเหตุ", x[7]), top=LINE / 2
        ),
        line(
            ("แนวทาง", x[1]), ("ที่รับผิดชอบ", x[3]), ("ดำเนินการ", x[4]), ("ดำเนินงาน", x[5]), top=LINE
        ),
        line(
            ("1.1", x[0]),
            ("มาตรการแรก", x[1]),
            ("1. ทำ", x[2]),
            ("กองคลัง", x[3]),
            ("ต.ค. 67", x[4]),
            ("ผลหนึ่ง", x[5]),
            ("ดี", x[6]),
            ("-", x[7]),
            top=2 * LINE,
        ),
        line(
            ("1.2", x[0]),
            ("มาตรการสอง", x[1]),
            ("1. ทำ", x[2]),
            ("กองช่าง", x[3]),
            ("ตลอดปี", x[4]),
            ("ผลสอง", x[5]),
            ("ดี", x[6]),
            ("-", x[7]),
            top=3 * LINE,
        ),
    ]
    found = borderless.find(lines, None, text)
    assert found is not None
    assert cells(found, 0) == [
        "ลำดับที่",
        "มาตรการ/ แนวทาง",
        "วิธีดำเนินการ",
        "หน่วยงาน ที่รับผิดชอบ",
        "ระยะเวลา ดำเนินการ",
        "ผลการ ดำเนินงาน",
        "ผลลัพธ์",
        "หมายเหตุ",
    ]


def _three_columns(responsible_x: float, with_responsible: bool) -> borderless.Found | None:
    header = line(("มาตรการ", 40), ("หน่วยงาน", 230), ("ผลการดำเนินงาน", 400), ("ผลลัพธ์", 560), top=0)
    body = []
    for r, (measure, unit) in enumerate((("๑. มาตรการแรก", "กองคลัง"), ("๒. มาตรการสอง", "กองช่าง"))):
        words = [(measure, 40.0), ("ผลหนึ่ง", 400.0), ("ดี", 560.0)]
        if with_responsible:
            words.insert(1, (unit, responsible_x))
        body.append(line(*words, top=(r + 1) * LINE))
    return borderless.find([header, *body], None, text)


def test_a_label_centred_over_short_left_aligned_cells_is_their_column() -> None:
    # Chromium centres "หน่วยงาน" over its column; the cells under it, left-aligned, are short
    # ("กองคลัง") and end well before the label begins, so the white strip through the body
    # holds the label. The text left of the strip stands under no label: the label is its
    # column's, not a column left empty (seed 4100 Chromium no.006: responsible lost).
    found = _three_columns(160.0, with_responsible=True)
    assert found is not None
    assert cells(found, 0) == ["มาตรการ", "หน่วยงาน", "ผลการดำเนินงาน", "ผลลัพธ์"]
    assert cells(found, 1) == ["๑. มาตรการแรก", "กองคลัง", "ผลหนึ่ง", "ดี"]


def test_a_label_over_a_column_left_empty_on_the_page_keeps_its_column() -> None:
    found = _three_columns(160.0, with_responsible=False)
    assert found is not None
    assert cells(found, 0) == ["มาตรการ", "หน่วยงาน", "ผลการดำเนินงาน", "ผลลัพธ์"]
    assert cells(found, 1) == ["๑. มาตรการแรก", "", "ผลหนึ่ง", "ดี"]


def test_a_group_labels_sub_labels_pushed_lines_down_are_its_columns() -> None:
    # Chromium centres every label vertically: beside three-line labels, the sub-labels of
    # "แผนการดำเนินงาน" stand three lines under it, under lines that hold the rest of the
    # labels wrapped beside it. They are its columns still: methods and period apart (seed
    # 4100 Chromium no.191 read the period into the methods).
    k = SIZE / 10.5  # the real page's tops, in points of its 10.5-point font
    lines = [
        line(("ผลลัพธ์/ความ", 580), top=0),
        line(("แผนการดำเนินงาน", 227), top=5 * k),
        line(("มาตรการการ", 40), ("ผลการดำเนินงาน", 440), top=10 * k),
        line(("สำเร็จ", 580), ("หมายเหตุ", 720), top=21 * k),
        line(("ดำเนินการ", 45), ("ตามมาตรการ", 445), top=30 * k),
        line(("ขั้นตอน/วิธีการ", 175), ("ระยะเวลา", 310), top=36 * k),
        line(("ปริมาณ*", 585), top=40 * k),
    ]
    # The methods run up to the period's column: no white strip between them in the body.
    methods = "1. จัดทำคู่มือการให"
    assert 290 < 160 + len(methods) * WIDTH < 300
    for r, unit in enumerate(("แรก", "สอง")):
        words = [
            (f"1.{r + 1} มาตรการ{unit}", 40.0),
            (methods, 160.0),
            ("ต.ค. 67", 300.0),
            ("ผลหนึ่ง", 440.0),
            ("ดี", 580.0),
            ("-", 720.0),
        ]
        lines.append(line(*words, top=80 + r * LINE))
    found = borderless.find(lines, None, text)
    assert found is not None
    assert cells(found, -1) == ["1.2 มาตรการสอง", methods, "ต.ค. 67", "ผลหนึ่ง", "ดี", "-"]


def test_a_mark_drawn_left_of_its_letter_over_an_edge_is_no_row_across() -> None:
    # LibreOffice with Noto Thai draws "ิ" of "วิเคราะห์" a point and a half left of its "ว":
    # with the results column's edge between them, the line, one run of text, seemed to run
    # over the edge, a row across the table (seed 4200 LibreOffice shaded no.145: a results
    # line became a measure of its own). A mark is no text running over an edge.
    from itaparse.readers.borderless_columns import _straddles

    rest = word("วเคราะห์ผล", 412.5, 0)
    mark = {**rest[0], "text": "ิ", "x0": 411.0, "x1": 411.0}
    assert not _straddles([rest[0], mark, *rest[1:]], 411.5)
    # Letters either side of an edge with no gap do run over it.
    assert _straddles(word("การจัดซื้อ", 400.0, 0), 421.0)


def test_a_first_header_line_of_two_labels_reads_on_into_the_lines_under_it() -> None:
    # Chromium centres labels vertically: over a header of three-line labels, the first
    # line holds only "มาตรการ/" and the group label "แผนการดำเนินงาน"; the one-line labels
    # stand lower. Two labels are no header alone, and the header was read from the next
    # line down: the subject's "มาตรการ/" lost, no table found (seed 4200 Chromium no.035).
    k = SIZE / 10.5  # the real page's tops, in points of its 10.5-point font
    x = (40.0, 160.0, 280.0, 400.0, 520.0)
    lines = [
        line(("มาตรการ/", x[0] + 6), ("แผนการดำเนินงาน", 190.0), top=0),
        line(
            ("แนวทางการ", x[0]),
            ("ระยะเวลาดำเนิน", x[2]),
            ("ผลการปฏิบัติ", x[3]),
            ("ผลลัพธ์", x[4]),
            top=18 * k,
        ),
        line(("ผู้รับผิดชอบ", x[1]), top=28 * k),
        line(("ดำเนินการ", x[0]), ("การ (เดือน/ปี)", x[2]), top=36 * k),
    ]
    for r, unit in enumerate(("กองคลัง", "กองช่าง")):
        words = [
            (f"1.{r + 1} มาตรการ", x[0]),
            (unit, x[1]),
            ("ต.ค. 67", x[2]),
            ("1. ผลหนึ่ง", x[3]),
            ("- ดี", x[4]),
        ]
        lines.append(line(*words, top=(3 + r) * LINE + 20))
    found = borderless.find(lines, None, text)
    assert found is not None
    assert cells(found, 0)[0].startswith("มาตรการ/")
    assert cells(found, -1) == ["1.2 มาตรการ", "กองช่าง", "ต.ค. 67", "1. ผลหนึ่ง", "- ดี"]
