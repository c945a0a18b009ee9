"""From tables to logical rows: find the measures table, map its header, stitch page breaks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from itaparse.readers.grid import Cell, Grid, Row, Table
from itaparse.semantics import measure_number
from itaparse.thai.numerals import to_arabic
from itaparse.thai.text import join_wrapped, skeleton

# Header wordings by field; matched on their consonant skeletons, so damaged text still maps.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "number": ("ข้อที่", "ลำดับที่", "ลำดับ", "ที่"),
    "measure": (
        "มาตรการ/แนวทาง",
        "มาตรการ",
        "แนวทาง",
        "ประเด็น",
        "แผนงาน/โครงการ/กิจกรรม",
        "โครงการ/กิจกรรม",
        "มาตรการ/โครงการ",
        "มาตรการป้องกัน",
    ),
    "methods": (
        "วิธีดำเนินการ",
        "ขั้นตอน/วิธีการ",
        "วิธีการ",
        "ขั้นตอน",
        "กิจกรรม",
        "วิธีการดำเนินงาน",
        "ขั้นตอนการดำเนินการ",
        "แนวทางการดำเนินการ",
    ),
    "responsible": (
        "ผู้รับผิดชอบ",
        "หน่วยงานรับผิดชอบ",
        "หน่วยงานที่รับผิดชอบ",
        "ผู้รับผิดชอบ/หน่วยงาน",
    ),
    "period": ("ระยะเวลาดำเนินการ", "ระยะเวลา", "กรอบระยะเวลา", "ห้วงเวลา", "ช่วงเวลา"),
    "results": (
        "ผลการดำเนินงาน",
        "ผลการดำเนินการ",
        "ผลการปฏิบัติ",
        "ผลการปฏิบัติตามมาตรการ",
    ),
    "outcomes": (
        "ผลลัพธ์/ความสำเร็จ",
        "ผลลัพธ์",
        "ความสำเร็จ",
        "ผลสัมฤทธิ์",
        "ผลที่ได้รับ",
        "ผลที่คาดว่าจะได้รับ",
    ),
    "budget": ("งบประมาณ", "งบประมาณ(บาท)", "งบประมาณที่ใช้"),
    "indicators": ("ตัวชี้วัด", "ตัวชี้วัดความสำเร็จ", "เป้าหมาย/ตัวชี้วัด"),
}
# Fields a measures table must show besides the measure itself (the others are optional).
CORE_FIELDS = ("methods", "responsible", "period", "results", "outcomes")
_SKELETONS = {f: tuple(skeleton(s) for s in words) for f, words in SYNONYMS.items()}
_MATCH_THRESHOLD = 0.75
# A header cell is a few words; a long cell that merely contains "มาตรการ" is content.
_MAX_HEADER_SKELETON = 24

# Category rows: "(๑) …", "ด้านที่ ๑ …", "กลยุทธ์ที่ ๑ : …", "ประเด็นที่ ๑ …"; and "๑. …", which is
# a category only when the measures under it are numbered "๑.๑" (see _decimal_follows).
_LABELS = "ด้านที่|กลยุทธ์ที่|ประเด็นที่|ยุทธศาสตร์ที่|มิติที่|หมวดที่|เรื่องที่|ส่วนที่|แผนงานที่"
CATEGORY_RES = (
    re.compile(r"^\s*\(\s*(\d{1,2})\s*\)\s*(.*)$", re.S),
    re.compile(rf"^\s*(?:{_LABELS})\s*(\d{{1,2}})\s*[:.\-–]?\s*(.*)$", re.S),
)
DOTTED_CATEGORY_RE = re.compile(r"^\s*(\d{1,2})\.\s*(\D.*)$", re.S)


@lru_cache(maxsize=8192)  # headers repeat on every page, and body cells are tested too
def _field_score(header: str, field_name: str) -> float:
    h = skeleton(header)
    if not h or len(h) > _MAX_HEADER_SKELETON:
        return 0.0
    best = 0.0
    for s in _SKELETONS[field_name]:
        score = SequenceMatcher(None, h, s).ratio()
        if len(s) >= 4 and s in h:
            score = max(score, 0.8 + 0.2 * len(s) / len(h))
        best = max(best, score)
    return best


def map_header(row: Row) -> dict[int, str] | None:
    """Column index -> field for a header row; None when the row is not a measures header."""
    return map_header_scored(row)[0]


def map_header_scored(row: Row) -> tuple[dict[int, str] | None, float]:
    """map_header, and how well the row's labels matched (the sum of the mapped scores)."""
    candidates = []
    for col, cell in enumerate(row.cells):
        if cell is None or cell.empty:
            continue
        text = "".join(cell.lines)
        for f in SYNONYMS:
            score = _field_score(text, f)
            if score >= _MATCH_THRESHOLD:
                candidates.append((score, col, f))
    mapping: dict[int, str] = {}
    total = 0.0
    for score, col, f in sorted(candidates, reverse=True):
        if col not in mapping and f not in mapping.values():
            mapping[col] = f
            total += score
    core = sum(f in CORE_FIELDS for f in mapping.values())
    if "measure" not in mapping.values() or core < 2:
        return None, total
    return mapping, total


@dataclass
class CategoryRow:
    number: int | None
    title: str
    page: int | None
    # A "๑. …" row: a category only if measures numbered "๑.๑" follow (else a measure).
    dotted: bool = False


@dataclass
class MeasureRow:
    cells: dict[str, Cell]
    extra: dict[str, Cell]
    pages: list[int] = field(default_factory=list)

    @property
    def stitched_pages(self) -> list[int]:
        """Pages the row continued onto after a page break."""
        return self.pages[1:]


LogicalRow = CategoryRow | MeasureRow


@dataclass
class MeasuresTable:
    header: dict[int, str]  # column -> field
    header_text: dict[int, str]  # column -> header text as written
    rows: list[LogicalRow]
    tables: list[int]  # indexes in grid.tables of the tables it was read from


def is_category_text(text: str) -> bool:
    """Text labelled as a category ("(๑) …", "ด้านที่ ๑ …"); "๑. …" is too ambiguous to say."""
    plain = to_arabic(text)
    return any(pattern.match(plain) for pattern in CATEGORY_RES)


def _category(row: Row) -> CategoryRow | None:
    """A category row: one filled cell (merged across, or alone in the first column)."""
    filled = row.filled
    if len(filled) != 1:
        return None
    text = join_wrapped(filled[0].lines)
    plain = to_arabic(text)  # same length: match positions carry over to the text as written
    for pattern in CATEGORY_RES:
        match = pattern.match(plain)
        if match:
            return CategoryRow(int(match.group(1)), text[match.start(2) :].strip(), row.page)
    match = DOTTED_CATEGORY_RE.match(plain)
    if match and row.cells and row.cells[0] is filled[0]:
        return CategoryRow(int(match.group(1)), text[match.start(2) :].strip(), row.page, True)
    return None


def _starts_measure(cell: Cell | None) -> bool:
    if cell is None or cell.empty:
        return False
    return measure_number(cell.lines[0])[0] is not None


def _append(target: Cell, more: Cell, wrap: bool) -> None:
    """Continue a cell: a page break cuts a paragraph (wrap), a merged row adds paragraphs."""
    if more.empty:
        return
    if wrap and target.paragraphs:
        target.paragraphs[-1].extend(more.paragraphs[0])
        target.paragraphs.extend(more.paragraphs[1:])
    else:
        target.paragraphs.extend(more.paragraphs)


def find_measures_table(grid: Grid) -> MeasuresTable | None:
    """The measures table: the first table whose header maps, plus the tables continuing it.

    A later table continues it when it repeats the same header or has no header but the same
    number of columns (reports that print the header on the first page only).
    """
    header: dict[int, str] | None = None
    header_text: dict[int, str] = {}
    n_cols = 0
    body: list[tuple[Row, bool]] = []  # every body row, and whether it opens its table
    used: list[int] = []
    for number, table in enumerate(grid.tables):
        index, mapping = find_header(table)
        if header is None:
            if mapping is None:
                continue
            header, n_cols = mapping, table.n_cols
            header_text = {
                c: join_wrapped(cell.lines)
                for c, cell in enumerate(table.rows[index].cells)
                if cell is not None
            }
        elif mapping is not None and not _same_header(mapping, header, table.n_cols, n_cols):
            continue  # a table with a header of its own: not the measures table
        elif mapping is None and table.n_cols != n_cols:
            continue
        rest = [
            r
            for r in table.rows[index + 1 :]
            if map_header(r) is None and not _under_header(r, table.rows[index], header)
        ]
        body.extend((row, k == 0) for k, row in enumerate(rest))
        used.append(number)
    if header is None:
        return None
    return MeasuresTable(header, header_text, _stitch(body, header, header_text), used)


def _measure_col(header: dict[int, str]) -> int:
    return next(c for c, f in header.items() if f == "measure")


def _label(header_text: dict[int, str], col: int) -> str:
    """The key of an unmapped column in a measure's extra: its header text as written."""
    return header_text.get(col) or f"column {col + 1}"


def _under_header(row: Row, header_row: Row, header: dict[int, str]) -> bool:
    """A second header row (sub-labels such as quarters): its measure cell is the header's
    cell merged down."""
    col = _measure_col(header)
    cell = row.cells[col] if col < len(row.cells) else None
    source = header_row.cells[col] if col < len(header_row.cells) else None
    return cell is not None and source is not None and cell.above is source


def _same_header(mapping: dict[int, str], header: dict[int, str], n: int, n_first: int) -> bool:
    """A repeated header: same columns, and no column mapped to a different field (a label
    too damaged to map on one page must not cost that page's rows)."""
    return n == n_first and all(header.get(c, f) == f for c, f in mapping.items())


def _decimal_follows(rest: list[tuple[Row, bool]], measure_col: int, number: int | None) -> bool:
    """Whether the next measure below a '๑. …' row is numbered '๑.x' (the row is its category)."""
    for row, _opens in rest:
        cell = row.cells[measure_col] if measure_col < len(row.cells) else None
        if cell is None or cell.empty:
            continue
        found = measure_number(cell.lines[0])[0]
        return found is not None and found.startswith(f"{number}.")
    return False


def find_header(table: Table) -> tuple[int, dict[int, str] | None]:
    """Index and mapping of the table's header row; (-1, None) when it has none."""
    for i, row in enumerate(table.rows[:3]):
        mapping = map_header(row)
        if mapping is not None:
            return i, mapping
    return -1, None


def _stitch(
    body: list[tuple[Row, bool]], header: dict[int, str], header_text: dict[int, str]
) -> list[LogicalRow]:
    """Body rows to categories and measures: rows that continue a measure (an empty first
    cell, or a first cell at the top of a page that opens no new measure) join it."""
    rows: list[LogicalRow] = []
    measure_col = _measure_col(header)
    for i, (row, opens_table) in enumerate(body):
        category = _category(row)
        if category is not None and category.dotted:
            category = (
                category if _decimal_follows(body[i + 1 :], measure_col, category.number) else None
            )
        if category is not None:
            rows.append(category)
            continue
        if not row.filled:
            continue
        last = rows[-1] if rows else None
        first_cell = row.cells[measure_col] if measure_col < len(row.cells) else None
        new_page = (
            isinstance(last, MeasureRow)
            and row.page is not None
            and bool(last.pages)
            and row.page != last.pages[-1]
        )
        continues = isinstance(last, MeasureRow) and (
            first_cell is None
            or first_cell.empty
            or (opens_table and new_page and not _starts_measure(first_cell))
        )
        if continues:
            assert isinstance(last, MeasureRow)
            wrap = row.page is not None  # in a PDF a continued cell is a cut paragraph
            for col, cell in enumerate(row.cells):
                if cell is None:
                    continue
                f = header.get(col)
                target = (
                    last.cells.setdefault(f, Cell())
                    if f
                    else last.extra.setdefault(_label(header_text, col), Cell())
                )
                _append(target, cell, wrap)
            if row.page is not None and row.page not in last.pages:
                last.pages.append(row.page)
            continue
        cells: dict[str, Cell] = {}
        extra: dict[str, Cell] = {}
        for col, cell in enumerate(row.cells):
            if cell is None:
                continue
            source = cell.above if cell.empty and cell.above is not None else cell
            f = header.get(col)
            if f:
                cells[f] = Cell([list(p) for p in source.paragraphs])
            elif not source.empty:
                extra[_label(header_text, col)] = source
        rows.append(MeasureRow(cells, extra, [row.page] if row.page is not None else []))
    return rows
