"""Many reports in one run: every file is tried, failures are collected, not fatal."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from itaparse.errors import ItaparseError
from itaparse.models import Report
from itaparse.report import parse


@dataclass
class BatchResult:
    reports: list[Report] = field(default_factory=list)
    failures: list[ItaparseError] = field(default_factory=list)


Progress = Callable[[int, int, Path, Report | ItaparseError], None]


def parse_many(
    paths: Iterable[str | Path], password: str | None = None, progress: Progress | None = None
) -> BatchResult:
    """Parse each file in turn; a file that fails is recorded and the batch goes on."""
    files = [Path(p) for p in paths]
    result = BatchResult()
    for n, path in enumerate(files, 1):
        outcome: Report | ItaparseError
        try:
            outcome = parse(path, password=password)
            result.reports.append(outcome)
        except ItaparseError as error:
            outcome = error
            result.failures.append(error)
        if progress is not None:
            progress(n, len(files), path, outcome)
    return result
