"""Grid -> Report: categories, measures and their fields, metadata and warnings."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import cast

from itaparse import ocr_checks
from itaparse.assessment import find_assessment
from itaparse.errors import NoMeasuresTableError
from itaparse.identity import identify
from itaparse.metadata import extract_metadata
from itaparse.models import (
    Category,
    DocumentKind,
    Measure,
    OcrPage,
    PageQuality,
    ParseWarning,
    Period,
    Report,
    Source,
    measure_tag,
)
from itaparse.numbering import number_in_column
from itaparse.paths import readable
from itaparse.readers import read_grid
from itaparse.readers.grid import Grid
from itaparse.row_scores import row_score, row_score_doubt
from itaparse.semantics import (
    cell_text,
    parse_budget,
    split_items,
    split_title,
)
from itaparse.sequence_checks import (
    damage_warnings,
    has_subject,
    sequence_warnings,
    unclear_categories,
    unread_categories,
)
from itaparse.table import CategoryRow, MeasureRow, MeasuresTable, find_measures_table
from itaparse.thai.dates import parse_period
from itaparse.thai.numerals import to_arabic
from itaparse.thai.text import normalize_space
from itaparse.vocabulary import (
    CHECKED_BOXES,
    EMPTY_BOXES,
    TICK_FIELDS,
    document_kind,
    is_tick,
    status_of,
)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


SUB_ITEMS = "items under the measure title"
_BOXES = re.compile(f"([{''.join(sorted(CHECKED_BOXES | EMPTY_BOXES))}])")


def _status(row: MeasureRow) -> str | None:
    """Done / in progress / not done from a ticked column, or the ticked item of a checkbox
    list ("☐ ยังไม่ได้ดำเนินการ ☑ เฝ้าระวังและติดตามต่อเนื่อง"), or a status as written."""
    for f in TICK_FIELDS:
        cell = row.cells.get(f)
        if cell is not None and is_tick(cell.text):
            return f.split(":", 1)[1]
    text = cell_text(row.cells.get("status"))
    if not text:
        return None
    parts = _BOXES.split(text)
    if len(parts) == 1:
        return status_of(text)
    ticked = [
        normalize_space(parts[i + 1])
        for i in range(1, len(parts) - 1, 2)
        if parts[i] in CHECKED_BOXES and parts[i + 1].strip()
    ]
    return "; ".join(status_of(t) for t in ticked) or None


def _measure(row: MeasureRow, sequence: int, fiscal_year: int | None) -> tuple[Measure, bool]:
    """The measure of a row, and whether its row states its number (else: its place)."""
    title, number, sub_items = split_title(row.cells.get("measure"))
    numbered = cell_text(row.cells.get("number"))
    if numbered:
        number = number_in_column(numbered)
    methods = split_items(row.cells.get("methods"))
    extra = {k: v for k, v in ((k, cell_text(c)) for k, c in row.extra.items()) if v}
    if sub_items and not methods:  # items listed under the title stand for the methods
        methods = sub_items
    elif sub_items:  # nothing in the table is dropped
        extra[SUB_ITEMS] = "\n".join(sub_items)
    period_text = cell_text(row.cells.get("period"))
    start, end = parse_period(period_text, fiscal_year) if period_text else (None, None)
    if start is not None and end is not None and end < start:  # no period ends before it starts
        start = end = None
    results = split_items(row.cells.get("results"))
    outcomes = split_items(row.cells.get("outcomes"))
    measure = Measure(
        number=number or str(sequence),
        title=title,
        methods=methods,
        responsible=cell_text(row.cells.get("responsible")),
        period=Period(text=period_text, start=start, end=end),
        results=results,
        outcomes=outcomes,
        score=row_score(row, outcomes, results),
        budget=parse_budget(cell_text(row.cells.get("budget"))),
        indicators=split_items(row.cells.get("indicators")),
        pages=row.pages,
        status=_status(row),
        extra=extra,
    )
    return measure, bool(number)


# Repaired pages of real reports read 0.84-1.00 as dictionary words (abbreviations and names
# are the rest); damaged pages the repair could not mend read 0.48-0.69. Below 0.80 a page's
# text fields are likely still damaged. Pages with few tokens are too noisy to judge.
LOW_QUALITY = 0.80
MIN_TOKENS = 20


def _quality(grid: Grid) -> tuple[list[PageQuality], list[ParseWarning]]:
    pages = [
        PageQuality(
            page=n, thai_tokens=tokens, dictionary_share=None if share is None else round(share, 4)
        )
        for n, (share, tokens) in enumerate(grid.quality, 1)
    ]
    warnings = [
        ParseWarning(
            code="low-text-quality",
            message=f"page text reads poorly ({q.dictionary_share:.0%} dictionary words); "
            "its text fields may be damaged",
            page=q.page,
        )
        for q in pages
        if q.dictionary_share is not None
        and q.thai_tokens >= MIN_TOKENS
        and q.dictionary_share < LOW_QUALITY
    ]
    return pages, warnings


def _problems(problems: list[str]) -> str:
    """What the PDF reader had to repair or skip, for the damaged-file warning."""
    first = problems[0] if len(problems[0]) <= 240 else problems[0][:239] + "…"
    if len(problems) == 1:
        return first
    return f"{first} (and {len(problems) - 1} more repaired or skipped while reading)"


def _score_warnings(
    categories: list[Category], measure_warnings: list[ParseWarning]
) -> list[ParseWarning]:
    """A measure without a score is worth a warning where others state theirs; a form that
    states no score at all (plan and risk forms) gets one warning, not one per measure."""
    if any(m.score is not None for c in categories for m in c.measures):
        return measure_warnings
    kept = [w for w in measure_warnings if w.code != "no-score"]
    return [ParseWarning(code="no-scores", message="no measure states an assessment score"), *kept]


def _inferred(table: MeasuresTable) -> list[ParseWarning]:
    """Columns whose role was read from their content: the user should know to check them."""
    return [
        ParseWarning(
            code="inferred-column",
            message=f"column {header.label(col)!r} read as {role} from its content",
        )
        for header in table.headers
        for col, role in header.inferred.items()
    ]


def build_report(grid: Grid, path: Path) -> Report:
    table = find_measures_table(grid)
    if table is None and grid.format == "pdf" and not grid.blocks:
        raise NoMeasuresTableError(
            path,
            "the PDF has no text layer (a scan?) and OCR is off (--no-ocr)"
            if grid.unread
            else "no text on any page, even by OCR"
            if grid.ocr
            else "no text on any page",
        )
    if table is None:
        raise NoMeasuresTableError(
            path,
            "no measures table found (no table has a subject column, such as มาตรการ or "
            "กิจกรรม, with results, a status or the plan's columns)",
        )
    meta = extract_metadata([text for _page, text in grid.text_lines] + table.preamble)
    fiscal_year = meta.fiscal_year
    # The year is in doubt where OCR was unsure of it in the lines it is read from: the text
    # outside tables, and the table's own rows over its header where the title is one of
    # them. A period's "2568" in doubt in a cell is that cell's doubt, not the title's.
    in_title_rows = any(
        line.strip() and line.strip() in (meta.title or "") for line in table.preamble
    )
    year_doubts = grid.doubts + (grid.table_doubts if in_title_rows else [])
    if fiscal_year is not None and any(
        to_arabic(d) == str(fiscal_year) for _page, d in year_doubts
    ):
        fiscal_year = None  # OCR was unsure of the year's digits: no period is read from it
    categories: list[Category] = []
    text_quality, warnings = _quality(grid)
    if fiscal_year != meta.fiscal_year:
        warnings.append(
            ParseWarning(
                code="ocr-unsure-year",
                message=f"the fiscal year reads {meta.fiscal_year}, but OCR was unsure of its "
                "digits: left out, and periods stated by it left unread",
            )
        )
    if meta.year_unread:
        warnings.append(
            ParseWarning(
                code="year-unread",
                message=f"the title names its fiscal year, but reads {meta.title!r}: the year "
                "is left out (the years the preface names are often the assessment's before)",
            )
        )
    warnings.extend(_inferred(table))
    if grid.problems:
        warnings.append(
            ParseWarning(
                code="damaged-file",
                message=f"the file is damaged: {_problems(grid.problems)}; check the data "
                "against the document",
            )
        )
    if table.weak:
        first = table.headers[0]
        columns = ", ".join(f"{first.label(c)!r} as {f}" for c, f in sorted(first.fields.items()))
        warnings.append(
            ParseWarning(
                code="weak-table",
                message="read as a measures table from its numbered rows, though its header "
                f"shows only {columns}",
            )
        )
    measure_warnings: list[ParseWarning] = []
    scanned: set[int] = set()  # measures read by OCR (their id())
    unnumbered: set[int] = set()  # measures whose row states no number (their id())
    unclear: list[tuple[Category, CategoryRow]] = []  # read loosely, or its number unread
    for row in table.rows:
        if isinstance(row, CategoryRow):
            categories.append(Category(number=row.number, title=row.title))
            if row.loose:
                unclear.append((categories[-1], row))
            continue
        if not categories:
            categories.append(Category(number=None, title=None))
        category = categories[-1]
        # A measure without a number takes its place among the measures with a subject: a
        # row without one (warned below) must not push its neighbours' numbers on.
        place = sum(1 for m in category.measures if has_subject(m)) + 1
        measure, numbered = _measure(row, place, fiscal_year)
        if not numbered:
            unnumbered.add(id(measure))
        category.measures.append(measure)
        tag = measure_tag(category, measure)
        page = row.pages[0] if row.pages else None
        doubts = ocr_checks.check(measure, row, fiscal_year, tag, page)
        unread = (
            row_score_doubt(row, measure.outcomes, measure.results)
            if measure.score is None
            else None
        )
        if unread is not None:
            doubts.append(
                ParseWarning(
                    code="unsure-score",
                    message=f"{unread}: left out",
                    page=page,
                    measure=tag,
                )
            )
        doubts.extend(
            ParseWarning(code=code, message=note, page=page, measure=tag)
            for code, note in row.notes
        )
        in_doubt = list(row.doubts)
        if not has_subject(measure):  # a row without its subject: whose row it is, unknown
            in_doubt.append(
                (
                    "no-title",
                    "a row without a subject: it may belong to the measure above or below, "
                    "or its subject was lost",
                )
            )
        for code, doubt in in_doubt:
            # Its content may be its neighbour's: a score read from it may be theirs.
            doubts.append(ParseWarning(code=code, message=doubt, page=page, measure=tag))
            if measure.score is not None:
                measure.score = None
                doubts.append(
                    ParseWarning(
                        code="unsure-score",
                        message="score left out: the row it was read from is in doubt",
                        page=page,
                        measure=tag,
                    )
                )
            if measure.period.start is not None:
                measure.period.start = measure.period.end = None
                doubts.append(
                    ParseWarning(
                        code="unsure-period",
                        message="period left out: the row it was read from is in doubt",
                        page=page,
                        measure=tag,
                    )
                )
        measure_warnings.extend(doubts)
        if any(c.confidence is not None for c in row.cells.values()):
            scanned.add(id(measure))
        if measure.score is None and not any(
            w.code in ("ocr-unsure-score", "unsure-score", "cells-missing") for w in doubts
        ):
            measure_warnings.append(
                ParseWarning(
                    code="no-score", message="no assessment score stated", page=page, measure=tag
                )
            )
        if (
            measure.period.text
            and measure.period.start is None
            and not any(w.code in ("ocr-unsure-period", "unsure-period") for w in doubts)
        ):
            measure_warnings.append(
                ParseWarning(
                    code="period-unparsed",
                    message=f"period not understood: {measure.period.text}",
                    page=page,
                    measure=tag,
                )
            )
    if not any(c.measures for c in categories):
        raise NoMeasuresTableError(path, "the measures table has no measures")
    warnings.extend(unclear_categories(categories, unclear))
    assessment = find_assessment(grid, table.tables)
    warnings.extend(unread_categories(categories, assessment))
    measure_warnings.extend(sequence_warnings(categories, scanned, unnumbered))
    measure_warnings.extend(damage_warnings(categories, grid.damaged_pages))
    warnings.extend(_score_warnings(categories, measure_warnings))
    who = identify(meta.agency, meta.district, meta.province)
    warnings.extend(who.warnings)
    return Report(
        source=Source(
            path=readable(path),
            format=grid.format,
            pages=grid.pages,
            sha256=_sha256(path),
            text_quality=text_quality,
            ocr=[OcrPage(page=n, confidence=c) for n, c in sorted(grid.ocr.items())],
        ),
        title=meta.title,
        agency=meta.agency,
        district=meta.district,
        province=meta.province,
        agency_type=who.agency_type,
        agency_name=who.agency_name,
        agency_key=who.agency_key,
        province_code=who.province_code,
        district_code=who.district_code,
        subdistrict_code=who.subdistrict_code,
        fiscal_year=fiscal_year,
        kind=cast(DocumentKind, document_kind(table.headers[0].fields, table.headers[0].labels)),
        categories=[c for c in categories if c.measures or c.number is not None],
        assessment=assessment,
        warnings=warnings,
    )


def parse(
    path: str | Path, password: str | None = None, repair: bool = True, ocr: bool = True
) -> Report:
    """Parse one ITA measures report (PDF or DOCX) into a Report.

    repair=False takes a PDF's text layer as it is, damage included; ocr=False leaves pages
    without a usable text layer (scans) unread.
    """
    path = Path(path)
    return build_report(read_grid(path, password=password, repair=repair, ocr=ocr), path)
