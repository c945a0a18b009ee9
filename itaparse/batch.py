"""Many reports in one run: every file is tried, failures are collected, not fatal."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from itaparse.errors import InternalError, ItaparseError
from itaparse.models import Report
from itaparse.report import parse


@dataclass
class BatchResult:
    reports: list[Report] = field(default_factory=list)
    failures: list[ItaparseError] = field(default_factory=list)


Outcome = Report | ItaparseError
Progress = Callable[[int, int, Path, Outcome], None]


def _attempt(path: Path, password: str | None) -> Outcome:
    """One file's report or its error; an unexpected exception (a bug met on some odd file)
    becomes that file's error too, so that it cannot end the batch."""
    try:
        return parse(path, password=password)
    except ItaparseError as error:
        return error
    except Exception as exc:
        detail = f"{type(exc).__name__}: {str(exc)[:120]}".rstrip(": ")
        return InternalError(path, f"itaparse failed on this file ({detail}); please report it")


def _outcomes(files: list[Path], password: str | None, jobs: int) -> Iterator[Outcome]:
    if jobs <= 1 or len(files) <= 1:
        yield from (_attempt(path, password) for path in files)
        return
    # Processes, not threads: parsing is pure Python and holds the GIL.
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_attempt, files, [password] * len(files))


def parse_many(
    paths: Iterable[str | Path],
    password: str | None = None,
    progress: Progress | None = None,
    jobs: int = 1,
) -> BatchResult:
    """Parse each file; a file that fails is recorded and the batch goes on. With jobs > 1
    the files are parsed in that many processes; results keep the order of the paths."""
    files = [Path(p) for p in paths]
    result = BatchResult()
    outcomes = _outcomes(files, password, jobs)
    for n, (path, outcome) in enumerate(zip(files, outcomes, strict=True), 1):
        if isinstance(outcome, ItaparseError):
            result.failures.append(outcome)
        else:
            result.reports.append(outcome)
        if progress is not None:
            progress(n, len(files), path, outcome)
    return result
