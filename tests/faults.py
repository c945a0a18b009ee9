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
