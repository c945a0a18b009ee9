"""Serialising reports: JSON, the flat rows of their measures (tables.py writes them as CSV,
Parquet or xlsx), pandas."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from itaparse.atomic import atomic_file, write_atomic
from itaparse.columns import CSV_BOM, CSV_COLUMNS, FORMATS, IDENTITY

if TYPE_CHECKING:  # the CLI imports this module to start; pydantic loads with the reports
    from itaparse.models import Report

__all__ = [  # the writers' names, from the modules that define them
    "CSV_BOM",
    "CSV_COLUMNS",
    "FORMATS",
    "IDENTITY",
    "atomic_file",
    "format_for",
    "identity_fields",
    "measure_rows",
    "render",
    "to_dataframe",
    "to_json",
    "write_atomic",
]


def identity_fields(report: Report) -> dict[str, str | None]:
    return {name: getattr(report, name) for name in IDENTITY}


def to_json(report: Report) -> str:
    return report.model_dump_json(indent=2) + "\n"


def measure_rows(reports: Iterable[Report]) -> Iterator[dict[str, Any]]:
    """One flat record per measure: every field of the JSON, lists joined by newlines, extra as
    JSON text, the measure's warnings by message; dates as dates (ISO in CSV)."""
    from itaparse.models import measure_tag  # the reports have loaded pydantic already

    for report in reports:
        by_measure: dict[str | None, list[str]] = {}
        for w in report.warnings:
            by_measure.setdefault(w.measure, []).append(w.message)
        for category in report.categories:
            for m in category.measures:
                tag = measure_tag(category, m)
                yield {
                    "source": report.source.path,
                    "agency": report.agency,
                    "district": report.district,
                    "province": report.province,
                    **identity_fields(report),
                    "fiscal_year": report.fiscal_year,
                    "kind": report.kind,
                    "category_number": category.number,
                    "category_title": category.title,
                    "measure_number": m.number,
                    "measure_title": m.title,
                    "methods": "\n".join(m.methods),
                    "responsible": m.responsible,
                    "period_text": m.period.text,
                    "period_start": m.period.start,
                    "period_end": m.period.end,
                    "results": "\n".join(m.results),
                    "outcomes": "\n".join(m.outcomes),
                    "score": m.score,
                    "status": m.status,
                    "budget": m.budget,
                    "indicators": "\n".join(m.indicators),
                    "pages": "\n".join(str(p) for p in m.pages),
                    "extra": json.dumps(m.extra, ensure_ascii=False) if m.extra else None,
                    "warnings": "\n".join(by_measure.get(tag, [])),
                }


def to_dataframe(reports: Iterable[Report]) -> Any:
    """A pandas DataFrame with one row per measure (the CSV's columns), typed: dates as dates,
    scores and budgets as floats, years and category numbers as nullable integers."""
    from itaparse.tables import MEASURES, frame

    return frame(MEASURES, measure_rows(reports))


def render(reports: list[Report], fmt: str) -> bytes:
    """The reports in a format, as the bytes of a file: JSON (one report, or a list), or the
    table of their measures (CSV, Parquet, xlsx)."""
    if fmt != "json":
        from itaparse.tables import MEASURES, table_bytes

        return table_bytes(MEASURES, measure_rows(reports), fmt)
    if len(reports) == 1:
        return to_json(reports[0]).encode("utf-8")
    data = [r.model_dump(mode="json") for r in reports]
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def format_for(path: Path) -> str | None:
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None
