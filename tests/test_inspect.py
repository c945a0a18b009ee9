"""itaparse inspect: what the parser saw, as text (golden) and as page images."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import GOLDEN, SAMPLES
from typer.testing import CliRunner

from itaparse.cli import app


@pytest.mark.parametrize(
    "name", ["portrait-loma-no-cover.docx", "portrait-umpush-five-columns.pdf"]
)
def test_inspect_output(name: str, update_goldens: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SAMPLES.parent)  # paths in the output as a user would type them
    result = CliRunner().invoke(app, ["inspect", f"samples/{name}"])
    assert result.exit_code == 0, result.output
    golden = GOLDEN / f"inspect-{name}.txt"
    if update_goldens:
        golden.write_text(result.stdout, encoding="utf-8")
    assert golden.exists(), f"missing golden {golden.name}: run pytest --update-goldens"
    assert result.stdout == golden.read_text(encoding="utf-8")


def test_debug_images_show_a_borderless_table(tmp_path: Path) -> None:
    path = SAMPLES / "landscape-waree-borderless.pdf"
    result = CliRunner().invoke(app, ["inspect", str(path), "--debug-dir", str(tmp_path)])
    assert result.exit_code == 0
    assert "(page 3, borderless, 4 rows x 6 columns): measures table\n" in result.stdout
    assert result.stderr == f"7 page images in {tmp_path}\n"
    images = sorted(tmp_path.iterdir())
    assert [p.name for p in images] == [f"page-{n:03d}.png" for n in range(1, 8)]
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in images)


def test_inspect_shows_why_a_document_did_not_parse(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "letter.docx"
    document = docx.Document()
    document.add_paragraph("บันทึกข้อความ")
    document.save(str(path))
    result = CliRunner().invoke(app, ["inspect", str(path), "--debug-dir", str(tmp_path / "d")])
    assert result.exit_code == 0
    assert result.stdout.endswith(
        "not parsed: no measures table found (no table has a subject column, such as มาตรการ "
        "or กิจกรรม, with results, a status or the plan's columns)\n"
    )
    assert result.stderr == "no page images (they are drawn for PDFs only)\n"


def test_inspect_bad_input_is_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["inspect", str(tmp_path / "missing.pdf")])
    assert (result.exit_code, result.stderr) == (
        1,
        f"error: {tmp_path}/missing.pdf: no such file\n",
    )


def test_inspect_shows_status_and_the_assessment_items() -> None:
    from typer.testing import CliRunner

    from itaparse.cli import app

    runner = CliRunner()
    nacc = runner.invoke(
        app, ["inspect", str(SAMPLES / "landscape-nacc-analysis-form-three-header-rows.pdf")]
    )
    assert "\nassessment items (score tables): 4\n  (1) IIT i6: 89.07\n" in nacc.stdout
    plan = runner.invoke(app, ["inspect", str(SAMPLES / "plan-results-tick-columns.docx")])
    assert (
        "    3. โครงการอบรมหลักสูตรต้านทุจริตศึกษา (COI) [no score; no dates; in progress]\n"
        in plan.stdout
    )
