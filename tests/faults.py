"""Files that misbehave on purpose, for batch tests. A test replaces itaparse.batch.convert
with `convert` below; worker processes import this module by name (pytest puts tests/ on
sys.path and workers inherit it), so the faults happen where real ones would: in a worker.

A file whose name contains "explodes" raises an unexpected exception inside the parser; one
whose name contains "hangs" never finishes (a busy loop, as a pathological PDF would spin).
"""

from __future__ import annotations

from pathlib import Path

import itaparse.report
from itaparse import batch
from itaparse.batch import FileResult
from itaparse.options import ParseOptions

_real_convert = batch.convert  # imported before any test replaces it
_real_parse = itaparse.report.parse


def _parse(path: str | Path, password: str | None = None, ocr: bool = True) -> object:
    name = Path(path).name
    if "explodes" in name:
        raise IndexError("list index out of range")
    if "hangs" in name:
        while True:
            pass
    return _real_parse(path, password=password, ocr=ocr)


def convert(path: str, options: ParseOptions = ParseOptions()) -> FileResult:
    itaparse.report.parse = _parse  # type: ignore[assignment]  # in this process only
    try:
        return _real_convert(path, options)
    finally:
        itaparse.report.parse = _real_parse


def interrupted(
    command: list[str], out: Path, cwd: Path, env: dict[str, str] | None = None
) -> tuple[int, str]:
    """Run a batch into the folder out, press Ctrl-C once two files are done: (exit code,
    standard error)."""
    import signal
    import subprocess
    import time

    # A shell starts a background job (pytest run with "&") with Ctrl-C ignored, and a child
    # inherits that: give the command the terminal's default, as a user's shell would.
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    manifest = out / "manifest.jsonl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (
        not manifest.exists() or len(manifest.read_text(encoding="utf-8").splitlines()) < 2
    ):
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    return process.returncode, stderr
