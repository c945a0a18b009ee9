"""Many reports in one run: every file is tried in a worker that cannot take the batch down.

A file's outcome crosses process (and machine) boundaries as plain data, a `FileResult`: the
report as JSON text, or the error's type, message and traceback. Files are parsed in worker
processes (pebble: a file that runs over the time limit is killed with its process, which is
replaced); itaparse.dispatch sends them there or to a Dask cluster (`itaparse.cluster`);
outcomes arrive as files finish.
"""

from __future__ import annotations

import gc
import multiprocessing
import signal
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from itaparse import errors
from itaparse.errors import InternalError, ItaparseError, TimeLimitError
from itaparse.export import identity_fields
from itaparse.options import ParseOptions

if TYPE_CHECKING:
    from itaparse.models import Report

DEFAULT_TIMEOUT = 120.0


NOT_MEASURES_ERROR = "NoMeasuresTableError"


@dataclass(frozen=True)
class FileResult:
    """One file's outcome: `report_json` when it parsed, else the error."""

    path: str
    report_json: str | None = None
    error_type: str | None = None
    error: str | None = None  # what is wrong, without the path
    traceback: str | None = None  # for an unexpected failure: where, for the bug report
    seconds: float = 0.0
    # The report's figures a batch shows and tabulates, so that the parent never has to load
    # the report again: title, agency, district, province, fiscal_year, kind, format, pages,
    # measures, mean_score, and warnings (one line each).
    summary: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.report_json is not None

    @property
    def not_measures(self) -> bool:
        """Read, but no measures report: one of an agency's other documents, not a failure."""
        return self.error_type == NOT_MEASURES_ERROR

    def report(self) -> Report:
        from itaparse.models import Report

        assert self.report_json is not None, "a failed file has no report"
        return Report.model_validate_json(self.report_json)

    def exception(self) -> ItaparseError:
        """The error as the library's exception class (InternalError when it was not one)."""
        kind = getattr(errors, self.error_type or "", InternalError)
        if not (isinstance(kind, type) and issubclass(kind, ItaparseError)):
            kind = InternalError
        return kind(self.path, self.error or "failed")


def failure(
    path: str, error: ItaparseError, seconds: float = 0.0, tb: str | None = None
) -> FileResult:
    return FileResult(path, None, type(error).__name__, error.what, tb, seconds)


def convert(path: str, options: ParseOptions = ParseOptions()) -> FileResult:
    """Parse one file; never raises for anything the file can cause. An unexpected exception
    (a bug met on some odd file) becomes the file's InternalError, with its traceback."""
    from itaparse.report import parse

    start = time.perf_counter()
    try:
        report = parse(path, password=options.password, ocr=options.ocr)
    except ItaparseError as error:
        return failure(path, error, time.perf_counter() - start)
    except Exception as exc:
        detail = f"{type(exc).__name__}: {str(exc)[:120]}".rstrip(": ")
        internal = InternalError(path, f"itaparse failed on this file ({detail}); please report it")
        return failure(path, internal, time.perf_counter() - start, traceback.format_exc())
    seconds = time.perf_counter() - start
    return FileResult(path, report.model_dump_json(), seconds=seconds, summary=summarize(report))


def summarize(report: Report) -> dict[str, Any]:
    scores = [m.score for m in report.measures if m.score is not None]
    return {
        "title": report.title,
        "agency": report.agency,
        "district": report.district,
        "province": report.province,
        **identity_fields(report),
        "fiscal_year": report.fiscal_year,
        "kind": report.kind,
        "format": report.source.format,
        "pages": report.source.pages,
        "measures": len(report.measures),
        "mean_score": round(sum(scores) / len(scores), 2) if scores else None,
        "warnings": [
            f"{w.code}: {w.measure or (f'page {w.page}' if w.page else '-')}: {w.message}"
            for w in report.warnings
        ],
    }


def timed_out(path: str, timeout: float) -> FileResult:
    error = TimeLimitError(path, f"stopped after {timeout:g} s (--timeout)")
    return failure(path, error, timeout)


def _start_worker() -> None:
    # Ctrl-C reaches every process of the terminal's group: the parent stops the pool and keeps
    # what finished; a worker that saw it would record its file as failed instead.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The modules preloaded by the fork server live as long as the worker: out of the garbage
    # collector's walks (which would also copy their pages from the server, one by one).
    gc.freeze()


def _context() -> multiprocessing.context.BaseContext:
    # forkserver: workers are forked from a clean single-threaded server, never from the
    # parent, whose progress-bar and pool threads may hold locks at the moment of a fork.
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["itaparse.report", "itaparse.readers.pdf"])
        return context
    return multiprocessing.get_context()


def run_local(
    paths: Sequence[str],
    options: ParseOptions = ParseOptions(),
    jobs: int = 1,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Iterator[tuple[int, FileResult]]:
    """(index, outcome) of each path as it finishes, parsed in `jobs` worker processes."""
    from concurrent.futures import Future, as_completed

    from pebble import ProcessExpired, ProcessPool

    pool = ProcessPool(
        max_workers=max(1, min(jobs, len(paths))),
        initializer=_start_worker,
        context=_context(),
    )
    try:
        futures: dict[Future[FileResult], int] = {
            pool.schedule(convert, (path, options), timeout=timeout): i
            for i, path in enumerate(paths)
        }
        for future in as_completed(futures):
            i = futures.pop(future)  # a finished report's JSON must not stay for the whole run
            try:
                outcome = future.result()
            except TimeoutError:
                outcome = timed_out(paths[i], timeout or 0)
            except ProcessExpired as exc:  # killed from outside, or out of memory
                detail = f"the worker process died: {exc}"
                outcome = failure(paths[i], InternalError(paths[i], detail))
            except Exception as exc:  # a result that could not be sent back
                outcome = failure(paths[i], InternalError(paths[i], repr(exc)))
            yield i, outcome
    finally:
        pool.stop()
        pool.join()


@dataclass
class BatchResult:
    reports: list[Report] = field(default_factory=list)
    failures: list[ItaparseError] = field(default_factory=list)


Progress = Callable[[int, int, Path, "Report | ItaparseError"], None]


def parse_many(
    paths: Iterable[str | Path],
    password: str | None = None,
    progress: Progress | None = None,
    jobs: int = 1,
    timeout: float | None = DEFAULT_TIMEOUT,
    ocr: bool = True,
) -> BatchResult:
    """Parse each file in worker processes; a file that fails is recorded and the batch goes
    on. Reports and failures keep the order of the paths; `progress` is called as each file
    finishes."""
    files = [str(p) for p in paths]
    outcomes: dict[int, Report | ItaparseError] = {}
    options = ParseOptions(password, ocr)
    for n, (i, result) in enumerate(run_local(files, options, jobs, timeout), 1):
        outcomes[i] = result.report() if result.ok else result.exception()
        if progress is not None:
            progress(n, len(files), Path(files[i]), outcomes[i])
    batch = BatchResult()
    for i in range(len(files)):
        outcome = outcomes[i]
        if isinstance(outcome, ItaparseError):
            batch.failures.append(outcome)
        else:
            batch.reports.append(outcome)
    return batch
