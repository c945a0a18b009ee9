"""README.md's opening commands stay true: CI runs them, and the sample they name exists."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT


def _opening_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", readme, re.S)[:2]


def test_ci_runs_the_readme_test_command() -> None:
    setup, tests = _opening_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert tests in ci
    install = setup.split(" && itaparse ")[0]
    assert any(line.startswith(install) for line in ci)


def test_quickstart_sample_exists() -> None:
    setup, _ = _opening_commands()
    words = shlex.split(setup.split(" && itaparse ")[1])
    assert (ROOT / words[0]).is_file()


def test_readme_inspect_output_is_current(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from itaparse.cli import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"On `(samples/[^`]+)`:\n\n```\n(.+?)```", readme, re.S)
    assert shown is not None
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["inspect", shown.group(1)])
    assert result.stdout == shown.group(2)
    assert (ROOT / "docs" / "inspect-borderless-page-3.png").exists()


def test_readme_python_example_runs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = re.search(r"## Python\n\n```python\n(.+?)```", readme, re.S)
    assert code is not None
    sample = ROOT / "samples" / "landscape-laksaman-thai-digits.pdf"
    monkeypatch.chdir(tmp_path)  # the example's reports/ and out/ folders
    (tmp_path / "reports").mkdir()
    shutil.copy(sample, tmp_path / "reports" / sample.name)
    # Run as a user runs it, as a script: the batch's worker processes import it again.
    script = tmp_path / "example.py"
    script.write_text(code.group(1).replace('"report.pdf"', repr(str(sample))), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path, timeout=300
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    printed = done.stdout.splitlines()
    assert printed[0] == "เทศบาลตำบลบ้านสวน 2568"
    assert printed[1].startswith("1 1 มาตรการยกระดับคุณภาพการให้บริการประชาชน 2024-10-01 91.25")
    assert printed[-1] == "1 0 0"
    assert (tmp_path / "out" / "measures.parquet").exists()
