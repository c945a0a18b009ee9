"""The output contract: a Report and what it contains (pydantic v2)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

DocumentFormat = Literal["pdf", "docx", "doc"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PageQuality(_Model):
    page: int = Field(description="1-based page number")
    thai_tokens: int = Field(description="Thai tokens on the page after text repair")
    dictionary_share: float | None = Field(
        None, description="Share of those tokens that are dictionary words; null without Thai"
    )


class OcrPage(_Model):
    page: int = Field(description="1-based page number")
    confidence: float | None = Field(
        None, description="Tesseract's mean word confidence on the page, 0-100"
    )


class Source(_Model):
    path: str = Field(description="The input path as given")
    format: DocumentFormat
    pages: int | None = Field(None, description="Page count; null for Word files")
    sha256: str = Field(description="SHA-256 of the input file's bytes")
    text_quality: list[PageQuality] = Field(
        default_factory=list,
        description="Per PDF page: how much of the repaired text reads as Thai words",
    )
    ocr: list[OcrPage] = Field(
        default_factory=list,
        description="Pages read from their image by OCR (no usable text layer: a scan)",
    )


class Period(_Model):
    text: str | None = Field(None, description="The period cell as written")
    start: date | None = None
    end: date | None = None


class Measure(_Model):
    number: str = Field(description='Measure number with Arabic digits, e.g. "1" or "1.2"')
    title: str
    methods: list[str] = Field(default_factory=list)
    responsible: str | None = None
    period: Period = Field(default_factory=Period)
    results: list[str] = Field(default_factory=list)
    outcomes: list[str] = Field(default_factory=list)
    score: float | None = Field(None, description="Assessment score stated in the row")
    budget: float | None = Field(None, description="Budget column in baht; null for '-' or none")
    indicators: list[str] = Field(default_factory=list, description="Indicator column items")
    pages: list[int] = Field(default_factory=list, description="1-based pages the row spans")
    status: str | None = Field(
        None,
        description="Progress as ticked or stated: done, in progress, not done, or the ticked "
        "text as written; null when the form has no status",
    )
    extra: dict[str, str] = Field(
        default_factory=dict, description="Columns that map to no field, keyed by header text"
    )


class Category(_Model):
    number: int | None = Field(None, description="Category number; null when the form has none")
    title: str | None = Field(None, description="Category title; null when the form has none")
    measures: list[Measure] = Field(default_factory=list)


def measure_tag(category: Category, measure: Measure) -> str:
    """'3.1' for measure 1 of category 3; a measure numbered '3.1' already says it."""
    if category.number is None or measure.number.startswith(f"{category.number}."):
        return measure.number
    return f"{category.number}.{measure.number}"


class ParseWarning(_Model):
    code: str = Field(description="Stable machine-readable code, e.g. no-score")
    message: str
    page: int | None = None
    measure: str | None = Field(None, description='Category and measure, e.g. "3.1"')


class AssessmentItem(_Model):
    """One line of an ITA score table printed in the report (the NACC analysis form)."""

    category: int | None = Field(None, description="Number of the heading the table is under")
    tool: str | None = Field(None, description="Assessment tool: IIT, EIT or OIT")
    item: str | None = Field(None, description='ITA item code, e.g. "i1", "e5", "o11"')
    question: str | None = Field(None, description="The item's question or topic, if printed")
    score: float | None = None


DocumentKind = Literal["results-report", "nacc-form", "plan-results", "risk-plan"]


class Report(_Model):
    source: Source
    title: str | None = None
    agency: str | None = None
    district: str | None = None
    province: str | None = None
    agency_type: str | None = Field(
        None,
        description="เทศบาลนคร, เทศบาลเมือง, เทศบาลตำบล, องค์การบริหารส่วนตำบล, "
        "องค์การบริหารส่วนจังหวัด, กรุงเทพมหานคร, เมืองพัทยา, โรงพยาบาล, สถานศึกษา, ส่วนราชการ or other",
    )
    agency_name: str | None = Field(None, description='The agency\'s name without its type: "แม่จัน"')
    agency_key: str | None = Field(
        None,
        description='Stable across years and formats: "type|name|province code", '
        '"-" for an unresolved province',
    )
    province_code: str | None = Field(None, description="DOPA code of the province, 2 digits")
    district_code: str | None = Field(None, description="DOPA code of the district, 4 digits")
    subdistrict_code: str | None = Field(
        None, description="DOPA code of the tambon the agency is named after, 6 digits"
    )
    fiscal_year: int | None = Field(None, description="Buddhist Era year of the report")
    kind: DocumentKind | None = Field(
        None,
        description="The form, from its table's columns: results-report (measures with their "
        "plan and results), nacc-form (the NACC analysis-and-measures form: an assessment "
        "score per issue), plan-results (activities with tick columns or a status) or "
        "risk-plan (corruption risks and how they are handled)",
    )
    categories: list[Category] = Field(default_factory=list)
    assessment: list[AssessmentItem] = Field(
        default_factory=list, description="ITA score tables printed in the report, item by item"
    )
    warnings: list[ParseWarning] = Field(default_factory=list)

    @property
    def measures(self) -> list[Measure]:
        return [m for c in self.categories for m in c.measures]
