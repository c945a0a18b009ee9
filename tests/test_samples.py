"""End to end over the shipped samples: goldens, and the truth each sample was written from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import GOLDEN, SAMPLES, needs_soffice
from scoring import STRUCTURE, TEXT, misses

import itaparse

NAMES = sorted(p.name.removesuffix(".expected.json") for p in SAMPLES.glob("*.expected.json"))
FORMATS = ("docx", "pdf", "doc")
CASES = [(n, fmt) for n in NAMES for fmt in FORMATS if (SAMPLES / f"{n}.{fmt}").exists()]
WORD_SAMPLES = [n for n in NAMES if (SAMPLES / f"{n}.docx").exists()]
# Forms of a page or two whose rows happen not to meet a page break.
SHORT_FORMS = {"plan-results-tick-columns", "risk-plan-checkbox-status"}


def test_status_of_the_forms_that_tick_it() -> None:
    for name in sorted(SHORT_FORMS):
        want = [m["status"] for c in _truth(name)["categories"] for m in c["measures"]]  # type: ignore[index]
        for fmt in ("docx", "pdf"):
            got = [m.status for m in itaparse.parse(SAMPLES / f"{name}.{fmt}").measures]
            assert got == want, f"{name}.{fmt}"


def test_nacc_form_keeps_its_score_tables_as_the_assessment() -> None:
    name = "landscape-nacc-analysis-form-three-header-rows"
    for fmt in ("docx", "pdf"):
        report = itaparse.parse(SAMPLES / f"{name}.{fmt}")
        items = report.assessment
        assert len(items) == len(report.measures) and all(a.item and a.score for a in items)
        assert [a.category for a in items] == [
            c.number for c in report.categories for _ in c.measures
        ]


def _output(name: str, fmt: str) -> dict[str, object]:
    if fmt == "doc":
        needs_soffice()
    report = itaparse.parse(SAMPLES / f"{name}.{fmt}")
    data = report.model_dump(mode="json")
    data["source"]["path"] = f"samples/{name}.{fmt}"  # goldens must not depend on the checkout
    return data


def test_there_are_samples() -> None:
    assert len(WORD_SAMPLES) >= 4


@pytest.mark.parametrize(("name", "fmt"), CASES)
def test_golden(name: str, fmt: str, update_goldens: bool) -> None:
    golden = GOLDEN / f"{name}.{fmt}.json"
    data = _output(name, fmt)
    if update_goldens:
        golden.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert golden.exists(), f"missing golden {golden.name}: run pytest --update-goldens"
    assert data == json.loads(golden.read_text(encoding="utf-8"))


def _truth(name: str) -> dict[str, object]:
    return json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("name", "fmt"), CASES)
def test_structure_matches_truth(name: str, fmt: str) -> None:
    assert misses(_truth(name), _output(name, fmt), (*STRUCTURE, "fiscal_year")) == []


@pytest.mark.parametrize(("name", "fmt"), CASES)
def test_text_matches_truth(name: str, fmt: str) -> None:
    """Every text field right, PDFs included: their damaged text layers are repaired."""
    assert misses(_truth(name), _output(name, fmt), TEXT) == []


@pytest.mark.parametrize("name", WORD_SAMPLES)
def test_pdf_pages_recorded(name: str) -> None:
    report = itaparse.parse(Path(SAMPLES / f"{name}.pdf"))
    pages = [m.pages for m in report.measures]
    assert all(pages), "every measure records its pages"
    if name in SHORT_FORMS:
        return
    assert any(len(p) > 1 for p in pages), "some row in each sample is cut by a page break"


def test_borderless_category_row_falls_last_on_a_page() -> None:
    from itaparse.readers import read_grid

    grid = read_grid(SAMPLES / "landscape-waree-borderless.pdf")
    last_rows = {t.page: t.rows[-1] for t in grid.tables}
    assert last_rows[6].cells[0] is not None and last_rows[6].cells[1:] == [None] * 5
    report = itaparse.parse(SAMPLES / "landscape-waree-borderless.pdf")
    assert report.categories[3].number == 4 and report.categories[3].measures[0].pages == [7]


def test_narrow_column_wraps_a_short_name_and_it_is_rejoined() -> None:
    from itaparse.readers import read_grid

    path = SAMPLES / "portrait-sawasdee-strategy-narrow.pdf"
    cells = [c.lines for t in read_grid(path).tables for r in t.rows for c in r.cells if c]
    assert ["สำนัก", "ปลัด"] in cells
    assert itaparse.parse(path).measures[0].responsible == "สำนักปลัด"
