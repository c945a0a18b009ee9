"""The columns of the flat tables every writer shares (export, tables): one definition."""

from __future__ import annotations

FORMATS = ("json", "csv", "parquet", "xlsx")
CSV_BOM = "\ufeff".encode()

# Who reported and where (itaparse.identity), in every table that names the agency.
IDENTITY = (
    "agency_type",
    "agency_name",
    "agency_key",
    "province_code",
    "district_code",
    "subdistrict_code",
)

CSV_COLUMNS = (
    "source",
    "agency",
    "district",
    "province",
    *IDENTITY,
    "fiscal_year",
    "kind",
    "category_number",
    "category_title",
    "measure_number",
    "measure_title",
    "methods",
    "responsible",
    "period_text",
    "period_start",
    "period_end",
    "results",
    "outcomes",
    "score",
    "status",
    "budget",
    "indicators",
    "pages",
    "extra",
    "warnings",
)
