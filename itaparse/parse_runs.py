"""How the parse command runs, once its arguments are checked: one file in this process,
many into one output, or many into a folder as each finishes; what it says on stderr, and the
exit status. cli.py reads the command line and calls these."""

from __future__ import annotations

import contextlib
import gc
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import typer

from itaparse.errors import ItaparseError, TimeLimitError
from itaparse.export import CSV_BOM, render, write_atomic
from itaparse.options import ParseOptions
from itaparse.paths import readable

# The parsing stack is imported by the runs that use it (see cli.py).
if TYPE_CHECKING:
    from itaparse.batch import FileResult
    from itaparse.inputs import Input
    from itaparse.models import ParseWarning, Report


def fail(error: ItaparseError) -> typer.Exit:
    typer.echo(f"error: {error}", err=True)
    return typer.Exit(1)


def warn(report: Report) -> None:
    """One stderr line per kind of warning; the full list is in the JSON."""
    grouped: dict[str, list[ParseWarning]] = defaultdict(list)
    for w in report.warnings:
        grouped[w.code].append(w)
    for items in grouped.values():
        first = items[0]
        if len(items) == 1:
            where = first.measure or (f"page {first.page}" if first.page else "")
            text = f"{where}: {first.message}" if where else first.message
        elif all(w.measure for w in items):
            text = f"{first.message} ({len(items)} measures: "
            text += ", ".join(str(w.measure) for w in items) + ")"
        else:
            text = f"{first.code} on {len(items)} pages: "
            text += ", ".join(str(w.page) for w in items)
        typer.echo(f"warning: {report.source.path}: {text}", err=True)


def emit(reports: list[Report], fmt: str, output: Path | None) -> None:
    try:
        data = render(reports, fmt)
    except ImportError as exc:  # pandas without pyarrow, or no openpyxl
        extra = "parquet" if fmt == "parquet" else "xlsx"
        typer.echo(f"error: {fmt} output needs: pip install 'itaparse[{extra}]' ({exc})", err=True)
        raise typer.Exit(1) from None
    if output is None:
        sys.stdout.buffer.write(data.removeprefix(CSV_BOM))
        sys.stdout.flush()
    elif special(output):  # /dev/stdout, /dev/null, a pipe: written as it is, not renamed
        with output.open("wb") as f:
            f.write(data)
    else:
        write_atomic(output, data)


def special(path: Path) -> bool:
    """A file that is no regular file or folder: a device (/dev/stdout, /dev/null), a FIFO."""
    return path.exists() and not path.is_file() and not path.is_dir()


def exit_status(failed: int, total: int) -> int:
    """0: all converted; 1: none (a bad input); 3: some failed."""
    if not failed:
        return 0
    return 1 if failed == total else 3


@dataclass(frozen=True)
class Settings:
    options: ParseOptions
    quiet: bool
    jobs: int
    timeout: float | None
    dask: str | None
    log: Path | None


def collect_inputs(paths: list[Path]) -> list[Input]:
    from itaparse.inputs import collect

    inputs = collect(paths)
    if not inputs:
        where = ", ".join(map(str, paths))
        typer.echo(f"error: no .pdf, .docx or .doc file in {where}", err=True)
        raise typer.Exit(1)
    return inputs


def parse_one(path: Path, output: Path | None, fmt: str, settings: Settings) -> None:
    """One report, parsed in this process: no worker to start."""
    from itaparse.progress import ocr_pages
    from itaparse.readers import load_reader
    from itaparse.report import parse as parse_report

    try:
        load_reader(path)
        # What is loaded by now (modules, compiled patterns) lives until exit: out of the
        # garbage collector's walks, which would revisit it on every collection (-12% of the
        # time of a small PDF).
        gc.freeze()
        with ocr_pages(settings.quiet), time_limit(path, settings.timeout):
            report = parse_report(
                path, password=settings.options.password, ocr=settings.options.ocr
            )
    except ItaparseError as error:
        raise fail(error) from None
    if not settings.quiet:
        warn(report)
    emit([report], fmt, output)


@contextlib.contextmanager
def time_limit(path: Path, seconds: float | None) -> Iterator[None]:
    """--timeout for a file parsed in this process: a timer stops it with the error a batch
    records for a file past its limit (Unix; elsewhere the file runs to its end)."""
    import signal

    if not seconds or not hasattr(signal, "setitimer"):
        yield
        return

    def stop(_signum: int, _frame: object) -> None:
        raise TimeLimitError(str(path), f"stopped after {seconds:g} s (--timeout)")

    before = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)


def open_log(path: Path | None) -> TextIO | None:
    if path is None:
        return None
    try:
        return path.open("a", encoding="utf-8")
    except OSError as exc:
        raise typer.BadParameter(
            f"cannot write {path}: {exc.strerror}", param_hint="'--log'"
        ) from None


def parse_many(inputs: list[Input], output: Path | None, fmt: str, settings: Settings) -> int:
    """Several reports into one output, written when all are parsed."""
    from itaparse.dispatch import run
    from itaparse.progress import BatchProgress

    paths = [str(item.path) for item in inputs]
    results: dict[int, FileResult] = {}
    log = open_log(settings.log)
    with BatchProgress(settings.quiet, log) as progress:
        progress.start(len(paths))
        try:
            for i, result in run(
                paths, settings.options, settings.jobs, settings.timeout, settings.dask
            ):
                results[i] = result
                progress.finished(readable(paths[i]), result)
        except KeyboardInterrupt:
            typer.echo(
                "interrupted: nothing written (with -o FOLDER/ each report is kept as it finishes)",
                err=True,
            )
            return 130
        finally:
            if log is not None:
                log.close()
    reports = [results[i].report() for i in range(len(paths)) if results[i].ok]
    others = sum(1 for r in results.values() if r.not_measures)  # listed, not failed
    failed = len(paths) - len(reports) - others
    if reports:
        emit(reports, fmt, output)
    if failed:
        typer.echo(
            f"error: {failed} of {len(paths)} files failed"
            + (f"; the output holds the other {len(reports)}" if reports else ""),
            err=True,
        )
    elif not reports:
        typer.echo("error: none of the files is a measures report: nothing written", err=True)
        return 1
    return exit_status(failed, len(paths) - others)


def parse_into_folder(
    inputs: list[Input], folder: Path, fmt: str, retry_failed: bool, settings: Settings
) -> int:
    """Each report into the folder as it finishes, then the tables; resumable."""
    from itaparse.outfolder import convert_folder
    from itaparse.progress import BatchProgress, duration

    start = time.monotonic()
    folder.mkdir(parents=True, exist_ok=True)
    log = open_log(settings.log or folder / "itaparse.log")
    with BatchProgress(settings.quiet, log) as progress:
        try:
            run = convert_folder(
                inputs,
                folder,
                fmt=fmt,
                options=settings.options,
                jobs=settings.jobs,
                timeout=settings.timeout,
                dask=settings.dask,
                retry_failed=retry_failed,
                started=progress.start,
                finished=lambda item, result: progress.finished(readable(item.path), result),
            )
        except OSError as exc:  # the folder's disk full (or gone) under a running batch
            where = exc.filename if exc.filename is not None else str(folder)
            typer.echo(f"error: {where}: {(exc.strerror or str(exc)).lower()}", err=True)
            typer.echo(
                f"stopped: what finished is kept in {folder}/; make room and run the same "
                "command to go on",
                err=True,
            )
            return 1
        finally:
            if log is not None:
                with contextlib.suppress(OSError):  # its last line may not fit either
                    log.close()
    tables = ", ".join(p.name for p in run.tables)
    measures = sum(e.measures or 0 for e in run.entries)
    if not settings.quiet:
        others = f", {run.not_measures} not measures reports" if run.not_measures else ""
        others += f", {run.gone} removed (their inputs are gone)" if run.gone else ""
        typer.echo(
            f"{run.converted} converted, {run.failed} failed{others}, {run.skipped} kept from "
            f"the last run; {measures:,} measures; {duration(time.monotonic() - start)} -> "
            f"{folder}/ ({tables})",
            err=True,
        )
    if run.interrupted:
        typer.echo(
            f"interrupted: what finished is in {folder}/; the same command goes on from there",
            err=True,
        )
        return 130
    if run.failed:
        typer.echo(
            f"error: {run.failed} of {len(run.entries)} files failed: see "
            f"{folder / 'errors.csv' if fmt == 'csv' else folder}",
            err=True,
        )
    # What is not a measures report is no failure: an agency's folder holds other documents.
    return exit_status(run.failed, len(run.entries) - run.not_measures)
