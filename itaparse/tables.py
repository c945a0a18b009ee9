"""Flat tables (measures, reports, errors) written as CSV, Parquet or an Excel workbook,
row by row: a table of every measure of 8,300 reports never has to fit in memory."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO, Any

from itaparse.atomic import atomic_file
from itaparse.columns import CSV_BOM, CSV_COLUMNS, IDENTITY

TABLE_FORMATS = ("csv", "parquet", "xlsx")
WORKBOOK = "tables.xlsx"


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: tuple[str, ...]
    floats: tuple[str, ...] = ()
    integers: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()


MEASURES = TableSpec(
    "measures",
    CSV_COLUMNS,
    floats=("score", "budget"),
    integers=("fiscal_year", "category_number"),
    dates=("period_start", "period_end"),
)
REPORTS = TableSpec(
    "reports",
    (
        "source",
        "sha256",
        "status",
        "title",
        "agency",
        "district",
        "province",
        *IDENTITY,
        "fiscal_year",
        "kind",
        "format",
        "pages",
        "measures",
        "mean_score",
        "warnings",
        "error",
        "seconds",
    ),
    floats=("mean_score", "seconds"),
    integers=("fiscal_year", "pages", "measures", "warnings"),
)
ERRORS = TableSpec("errors", ("source", "error_type", "error", "seconds"), floats=("seconds",))

Rows = Iterable[dict[str, Any]]


def _write_csv(out: IO[bytes], spec: TableSpec, rows: Rows) -> None:
    # The BOM makes Excel read the CSV as UTF-8 instead of the locale's code page.
    out.write(CSV_BOM)
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    writer = csv.DictWriter(
        text, fieldnames=spec.columns, lineterminator="\r\n", extrasaction="ignore"
    )
    writer.writeheader()
    writer.writerows(rows)
    text.flush()
    text.detach()


def frame(spec: TableSpec, rows: Rows) -> Any:
    """The rows as a pandas DataFrame, typed: dates as dates, floats, nullable integers."""
    import pandas as pd

    data = pd.DataFrame(list(rows), columns=list(spec.columns))
    for column in spec.floats:
        data[column] = data[column].astype("float64")
    for column in spec.integers:
        data[column] = data[column].astype("Int64")
    return data


def _arrow_schema(spec: TableSpec) -> Any:
    import pyarrow as pa

    def kind(column: str) -> Any:
        if column in spec.floats:
            return pa.float64()
        if column in spec.integers:
            return pa.int64()
        if column in spec.dates:
            return pa.date32()
        return pa.string()

    # pandas' metadata makes integer columns read back as nullable Int64, not as floats
    # wherever a value is missing.
    metadata = pa.Schema.from_pandas(frame(spec, []), preserve_index=False).metadata
    return pa.schema([(c, kind(c)) for c in spec.columns], metadata=metadata)


def _write_parquet(out: IO[bytes], spec: TableSpec, rows: Rows, chunk: int = 5000) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema(spec)
    rows = iter(rows)
    with pq.ParquetWriter(out, schema) as writer:
        while part := list(islice(rows, chunk)):
            writer.write_table(pa.Table.from_pylist(part, schema=schema))


# Excel refuses control characters in cells, and a cell holds at most 32,767 characters.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CELL_MAX = 32767


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return _ILLEGAL.sub("", value)[:_CELL_MAX]
    return value


def _write_workbook(out: IO[bytes], tables: Iterable[tuple[TableSpec, Rows]]) -> None:
    try:
        from openpyxl import Workbook
    except ImportError:
        raise ImportError("xlsx output needs openpyxl: pip install 'itaparse[xlsx]'") from None
    book = Workbook(write_only=True)
    for spec, rows in tables:
        sheet = book.create_sheet(spec.name)
        sheet.append(list(spec.columns))
        for row in rows:
            sheet.append([_cell(row.get(c)) for c in spec.columns])
    book.save(out)


def write_tables(folder: Path, tables: Iterable[tuple[TableSpec, Rows]], fmt: str) -> list[Path]:
    """Each table into `folder` as NAME.csv or NAME.parquet, or all as sheets of one
    workbook; each file written atomically. Returns the files written."""
    if fmt == "xlsx":
        path = folder / WORKBOOK
        with atomic_file(path) as out:
            _write_workbook(out, tables)
        return [path]
    written = []
    for spec, rows in tables:
        path = folder / f"{spec.name}.{fmt}"
        with atomic_file(path) as out:
            if fmt == "parquet":
                _write_parquet(out, spec, rows)
            else:
                _write_csv(out, spec, rows)
        written.append(path)
    return written


def table_bytes(spec: TableSpec, rows: Rows, fmt: str) -> bytes:
    """One table as the bytes of a CSV, Parquet or xlsx file."""
    buffer = io.BytesIO()
    if fmt == "xlsx":
        _write_workbook(buffer, [(spec, rows)])
    elif fmt == "parquet":
        _write_parquet(buffer, spec, rows)
    else:
        _write_csv(buffer, spec, rows)
    return buffer.getvalue()
