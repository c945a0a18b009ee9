"""Command line: parses arguments, calls the library, writes output. Nothing else."""

from __future__ import annotations

import contextlib
import gc
import json
import logging
import os
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer
from typer.core import TyperGroup

from itaparse._version import __version__
from itaparse.batch import DEFAULT_TIMEOUT
from itaparse.errors import ItaparseError, TimeLimitError
from itaparse.export import CSV_BOM, FORMATS, format_for, render, write_atomic
from itaparse.options import ParseOptions
from itaparse.paths import readable

# The parsing stack (pydantic, pythainlp, pdfplumber) is imported by the commands that use
# it, so that --version, --help and a Word file do not pay for what they do not need.
if TYPE_CHECKING:
    from itaparse.batch import FileResult
    from itaparse.inputs import Input
    from itaparse.models import ParseWarning, Report


class _DefaultToParse(TyperGroup):
    """`itaparse FILE …` means `itaparse parse FILE …`: the main job needs no sub-command."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # Options may come before the file ("itaparse -q report.pdf"): the first word that is
        # not an option decides, unless the group's own options (--help, --version) lead.
        words = [a for a in args if not a.startswith("-")]
        own = bool(args) and args[0] in ("--help", "-h", "--version")
        if args and not own and (not words or words[0] not in self.commands):
            args = ["parse", *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=_DefaultToParse,
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="Turn Thai ITA measures reports (PDF, DOCX, DOC) into JSON, CSV or Parquet.\n\n"
    "Usage: itaparse REPORT.pdf -o out.json  (same as: itaparse parse …)",
)


ReportFile = Annotated[
    Path, typer.Argument(metavar="REPORT", help="Report file (.pdf, .docx, .doc).")
]
Password = Annotated[
    str | None, typer.Option("--password", metavar="TEXT", help="Password of an encrypted PDF.")
]
OutputFile = Annotated[
    Path | None, typer.Option("-o", "--output", help="Output file. Default: standard output.")
]
NoOcr = Annotated[
    bool,
    typer.Option(
        "--no-ocr",
        help="Do not read scanned pages with Tesseract (a scan is then refused).",
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"itaparse {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    # pdfminer logs every oddity of a damaged PDF as a warning (hundreds of lines for one
    # file). While a PDF is read they become its damaged-file warning (readers.pdf); here
    # they are kept off the terminal when pages are drawn for --debug-dir too.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)


def _check_output(output: Path | None, inputs: list[Path]) -> None:
    """Before any parsing: the output must not be an input, and its folder must take it."""
    if output is None or _special(output):
        return
    if any(output.resolve() == path.resolve() for path in inputs):
        raise typer.BadParameter(f"{output} is one of the inputs", param_hint="'-o'")
    folder = output.parent
    if not folder.is_dir():
        raise typer.BadParameter(f"cannot write {output}: no folder {folder}", param_hint="'-o'")
    if not os.access(folder, os.W_OK):
        raise typer.BadParameter(
            f"cannot write {output}: the folder {folder} is read-only", param_hint="'-o'"
        )


def _is_folder(raw: str) -> bool:
    """-o names a folder when it is one, ends with "/", or has no extension."""
    path = Path(raw)
    if _special(path):
        return False
    return path.is_dir() or raw.endswith(("/", os.sep)) or not path.suffix


def _check_folder(folder: Path, inputs: list[Path]) -> None:
    if folder.exists() and not folder.is_dir():
        raise typer.BadParameter(f"{folder} is a file, not a folder", param_hint="'-o'")
    if any(folder.resolve() == path.resolve() for path in inputs):
        raise typer.BadParameter(f"{folder} is one of the inputs", param_hint="'-o'")
    existing = folder
    while not existing.exists():
        existing = existing.parent
    if not os.access(existing, os.W_OK):
        raise typer.BadParameter(f"cannot write into {folder}: read-only", param_hint="'-o'")


def _fail(error: ItaparseError) -> typer.Exit:
    typer.echo(f"error: {error}", err=True)
    return typer.Exit(1)


def _warn(report: Report) -> None:
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


def _emit(reports: list[Report], fmt: str, output: Path | None) -> None:
    try:
        data = render(reports, fmt)
    except ImportError as exc:  # pandas without pyarrow, or no openpyxl
        extra = "parquet" if fmt == "parquet" else "xlsx"
        typer.echo(f"error: {fmt} output needs: pip install 'itaparse[{extra}]' ({exc})", err=True)
        raise typer.Exit(1) from None
    if output is None:
        sys.stdout.buffer.write(data.removeprefix(CSV_BOM))
        sys.stdout.flush()
    elif _special(output):  # /dev/stdout, /dev/null, a pipe: written as it is, not renamed
        with output.open("wb") as f:
            f.write(data)
    else:
        write_atomic(output, data)


def _special(path: Path) -> bool:
    """A file that is no regular file or folder: a device (/dev/stdout, /dev/null), a FIFO."""
    return path.exists() and not path.is_file() and not path.is_dir()


def _exit_status(failed: int, total: int) -> int:
    """0: all converted; 1: none (a bad input); 3: some failed."""
    if not failed:
        return 0
    return 1 if failed == total else 3


@app.command()
def parse(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="INPUT",
            help="Report files (.pdf, .docx, .doc), or folders searched recursively for them.",
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            metavar="PATH",
            help="Output file (format from its extension), or a folder (an existing one, a "
            "path ending with /, or without extension): one JSON per report and the tables "
            "measures, reports, errors. Default: standard output.",
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "-f",
            "--format",
            metavar="FORMAT",
            help=f"Output format: {', '.join(FORMATS)}. Default: from -o's extension, else "
            "json. For a folder, the tables' format: csv (default), parquet, xlsx.",
        ),
    ] = None,
    password: Password = None,
    no_ocr: NoOcr = False,
    quiet: Annotated[
        bool, typer.Option("-q", "--quiet", help="Nothing on stderr but errors.")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "-j",
            "--jobs",
            min=1,
            metavar="N",
            help="Parse this many files at once. Default: one per core.",
        ),
    ] = None,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            min=0,
            metavar="SECONDS",
            help="Stop a file that takes longer than this many seconds (0: no limit).",
        ),
    ] = DEFAULT_TIMEOUT,
    retry_failed: Annotated[
        bool,
        typer.Option(
            "--retry-failed", help="Into a folder: parse again the files that failed last time."
        ),
    ] = False,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            metavar="ADDRESS",
            help="Run on the Dask cluster at ADDRESS (tcp://host:8786), or 'local' for one on "
            "this machine (pip install 'itaparse[dask]').",
        ),
    ] = None,
    log: Annotated[
        Path | None,
        typer.Option(
            "--log",
            metavar="FILE",
            help="Append each file's outcome, warnings and any traceback to this file. "
            "Default for a folder: itaparse.log in it.",
        ),
    ] = None,
) -> None:
    """Parse ITA measures reports into JSON, or tables (CSV, Parquet, xlsx) with one row per
    measure. A batch goes on past a file that fails; exit status 0 when every file
    converted, 3 when some failed, 1 when none did, 2 for a command-line mistake."""
    if fmt is not None and fmt not in FORMATS:
        raise typer.BadParameter(
            f"{fmt!r} is not one of {', '.join(FORMATS)}", param_hint="'--format'"
        )
    if output == "-":  # the usual name of standard output
        output = None
    target = Path(output) if output is not None else None
    options = ParseOptions(password, ocr=not no_ocr)
    settings = _Settings(options, quiet, jobs or os.cpu_count() or 1, timeout or None, dask, log)
    if output is not None and _is_folder(output):
        folder = Path(output)
        if fmt == "json":
            raise typer.BadParameter(
                "a folder gets one JSON per report; --format picks its tables' format: "
                "csv, parquet or xlsx",
                param_hint="'--format'",
            )
        _check_folder(folder, files)
        inputs = _inputs(files)
        raise typer.Exit(_into_folder(inputs, folder, fmt or "csv", retry_failed, settings))
    chosen = fmt or (format_for(target) if target else None) or "json"
    if target is not None and fmt is None and format_for(target) is None and not _special(target):
        raise typer.BadParameter(
            f"cannot tell the format from {target.name!r}; use --format", param_hint="'-o'"
        )
    if chosen in ("parquet", "xlsx") and target is None:
        raise typer.BadParameter(f"{chosen} is binary: give an output file", param_hint="'-o'")
    _check_output(target, files)
    inputs = _inputs(files)
    if len(inputs) == 1 and dask is None:
        _one(inputs[0].path, target, chosen, settings)
    else:
        raise typer.Exit(_many(inputs, target, chosen, settings))


@dataclass(frozen=True)
class _Settings:
    options: ParseOptions
    quiet: bool
    jobs: int
    timeout: float | None
    dask: str | None
    log: Path | None


def _inputs(paths: list[Path]) -> list[Input]:
    from itaparse.inputs import collect

    inputs = collect(paths)
    if not inputs:
        where = ", ".join(map(str, paths))
        typer.echo(f"error: no .pdf, .docx or .doc file in {where}", err=True)
        raise typer.Exit(1)
    return inputs


def _one(path: Path, output: Path | None, fmt: str, settings: _Settings) -> None:
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
        with ocr_pages(settings.quiet), _time_limit(path, settings.timeout):
            report = parse_report(
                path, password=settings.options.password, ocr=settings.options.ocr
            )
    except ItaparseError as error:
        raise _fail(error) from None
    if not settings.quiet:
        _warn(report)
    _emit([report], fmt, output)


@contextlib.contextmanager
def _time_limit(path: Path, seconds: float | None) -> Iterator[None]:
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


def _open_log(path: Path | None) -> TextIO | None:
    if path is None:
        return None
    try:
        return path.open("a", encoding="utf-8")
    except OSError as exc:
        raise typer.BadParameter(
            f"cannot write {path}: {exc.strerror}", param_hint="'--log'"
        ) from None


def _many(inputs: list[Input], output: Path | None, fmt: str, settings: _Settings) -> int:
    """Several reports into one output, written when all are parsed."""
    from itaparse.dispatch import run
    from itaparse.progress import BatchProgress

    paths = [str(item.path) for item in inputs]
    results: dict[int, FileResult] = {}
    log = _open_log(settings.log)
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
        _emit(reports, fmt, output)
    if failed:
        typer.echo(
            f"error: {failed} of {len(paths)} files failed"
            + (f"; the output holds the other {len(reports)}" if reports else ""),
            err=True,
        )
    elif not reports:
        typer.echo("error: none of the files is a measures report: nothing written", err=True)
        return 1
    return _exit_status(failed, len(paths) - others)


def _into_folder(
    inputs: list[Input], folder: Path, fmt: str, retry_failed: bool, settings: _Settings
) -> int:
    """Each report into the folder as it finishes, then the tables; resumable."""
    from itaparse.outfolder import convert_folder
    from itaparse.progress import BatchProgress, duration

    start = time.monotonic()
    folder.mkdir(parents=True, exist_ok=True)
    log = _open_log(settings.log or folder / "itaparse.log")
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
    return _exit_status(run.failed, len(run.entries) - run.not_measures)


@app.command()
def text(
    file: ReportFile,
    output: OutputFile = None,
    password: Password = None,
    no_ocr: NoOcr = False,
) -> None:
    """Print the document's repaired plain text, in reading order (tables row by row); a
    scanned page's text as Tesseract read it."""
    from itaparse.plaintext import extract_text

    _check_output(output, [file])

    try:
        content = extract_text(file, password=password, ocr=not no_ocr)
    except ItaparseError as error:
        raise _fail(error) from None
    if output is None:
        sys.stdout.write(content)
    else:
        write_atomic(output, content.encode("utf-8"))


@app.command()
def inspect(
    file: ReportFile,
    debug_dir: Annotated[
        Path | None,
        typer.Option("--debug-dir", help="Write one PNG per PDF page with the tables drawn."),
    ] = None,
    password: Password = None,
    no_ocr: NoOcr = False,
) -> None:
    """Show what the parser saw: tables and header mapping, stitched rows, measures, warnings."""
    from itaparse.diagnose import debug_images, inspect_document
    from itaparse.diagnose import render as render_inspection

    try:
        seen = inspect_document(file, password=password, ocr=not no_ocr)
        images = debug_images(seen, debug_dir, password) if debug_dir else []
    except ItaparseError as error:
        raise _fail(error) from None
    sys.stdout.write(render_inspection(seen))
    if debug_dir is not None and images:
        typer.echo(f"{len(images)} page images in {debug_dir}", err=True)
    elif debug_dir is not None:
        typer.echo("no page images (they are drawn for PDFs only)", err=True)


SUMMARY_FORMATS = ("markdown", "csv", "json")


@app.command()
def summary(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            metavar="INPUT...",
            help="Reports (.pdf, .docx, .doc), folders of them, or a batch's output folder.",
        ),
    ],
    fmt: Annotated[
        str,
        typer.Option("-f", "--format", metavar="FORMAT", help="markdown (default), csv or json."),
    ] = "markdown",
    output: OutputFile = None,
    plot: Annotated[
        Path | None,
        typer.Option(
            "--plot",
            metavar="FILE.png",
            help="Also draw the mean score per province (pip install 'itaparse[plot]').",
        ),
    ] = None,
    jobs: Annotated[
        int | None, typer.Option("-j", "--jobs", min=1, metavar="N", help="Files parsed at once.")
    ] = None,
    no_ocr: NoOcr = False,
) -> None:
    """One row per province and agency type: agencies, reports, measures, the share of
    measures with a score, their mean and median score, warnings."""
    from itaparse import summary as table

    if fmt not in SUMMARY_FORMATS:
        raise typer.BadParameter(
            f"{fmt!r} is not one of {', '.join(SUMMARY_FORMATS)}", param_hint="'--format'"
        )
    _check_output(output, inputs)
    reports, failed, total = _summary_reports(inputs, jobs, not no_ocr)
    rows = table.summarize(reports)
    text = {"markdown": table.to_markdown, "csv": table.to_csv, "json": table.to_json}[fmt](rows)
    if output is None:
        sys.stdout.write(text)
    else:  # a CSV file opens in Excel: the BOM tells it UTF-8, as every other CSV here does
        write_atomic(output, (CSV_BOM if fmt == "csv" else b"") + text.encode("utf-8"))
    if plot is not None:
        try:
            table.plot(rows, plot)
        except ItaparseError as error:
            raise _fail(error) from None
        except ImportError:
            typer.echo("error: --plot needs matplotlib: pip install 'itaparse[plot]'", err=True)
            raise typer.Exit(1) from None
    if failed:
        typer.echo(f"error: {failed} of {total} files failed and are not counted", err=True)
        raise typer.Exit(3 if failed < total else 1)


def _summary_reports(
    paths: list[Path], jobs: int | None, ocr: bool
) -> tuple[list[Report], int, int]:
    """Reports from a batch's output folders as they are, the rest parsed; and how many of
    the documents failed, of how many."""
    from itaparse.dispatch import run
    from itaparse.summary import MANIFEST, batch_reports

    reports: list[Report] = []
    documents = []
    for path in paths:
        if path.is_dir() and (path / MANIFEST).exists():
            reports.extend(batch_reports(path))
        else:
            documents.append(path)
    if not documents:
        return reports, 0, 0
    found = [str(item.path) for item in _inputs(documents)]
    options = ParseOptions(ocr=ocr)
    results = run(found, options, jobs or os.cpu_count() or 1)
    done = [result for _i, result in results]
    reports.extend(r.report() for r in done if r.ok)
    return reports, sum(not r.ok for r in done), len(done)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the report output."""
    typer.echo(schema_json(), nl=False)


def schema_json() -> str:
    from itaparse.models import Report

    data: dict[str, Any] = Report.model_json_schema()
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def main() -> None:
    """The command: every failure it meets ends in one line on standard error and an exit
    status, never a traceback and never silence (an output on a full disk, standard output
    closed or unable to take Thai, an unexpected bug)."""
    code: int | str | None = 0
    try:
        try:
            app()
        except SystemExit as done:
            code = done.code
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not after exit
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:  # `itaparse text FILE | head`: the reader has what it wanted
        _quiet_stdout()
        code = 0 if code in (0, None) else code
    except OSError as exc:
        where = exc.filename if exc.filename is not None else "standard output"
        _say_error(f"{where}: {(exc.strerror or str(exc)).lower()}")
        code = 1
    except UnicodeEncodeError:
        _quiet_stdout()
        _say_error(
            f"standard output cannot take Thai text (its encoding is "
            f"{getattr(sys.stdout, 'encoding', '?')}): set PYTHONIOENCODING=utf-8 or a UTF-8 "
            "locale, or write to a file with -o"
        )
        code = 1
    except Exception as exc:  # a bug: say so in one line, with what to report
        _say_error(f"itaparse failed ({type(exc).__name__}: {exc}); please report it")
        code = 1
    sys.exit(code)


def _say_error(message: str) -> None:
    try:
        sys.stderr.write(f"error: {message}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _quiet_stdout() -> None:
    """Point standard output at /dev/null so that Python's own flush at exit stays silent."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
