"""Command line: parses arguments, calls the library, writes output. Nothing else."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from itaparse._version import __version__
from itaparse.batch import DEFAULT_TIMEOUT
from itaparse.errors import ItaparseError
from itaparse.export import CSV_BOM, FORMATS, format_for, write_atomic
from itaparse.options import ParseOptions
from itaparse.parse_runs import (
    Settings,
    collect_inputs,
    fail,
    parse_into_folder,
    parse_many,
    parse_one,
    special,
)

# The parsing stack (pydantic, pythainlp, pdfplumber) is imported by the commands that use
# it, so that --version, --help and a Word file do not pay for what they do not need.
if TYPE_CHECKING:
    from itaparse.models import Report


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
    if output is None or special(output):
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
    if special(path):
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
    settings = Settings(options, quiet, jobs or os.cpu_count() or 1, timeout or None, dask, log)
    if output is not None and _is_folder(output):
        folder = Path(output)
        if fmt == "json":
            raise typer.BadParameter(
                "a folder gets one JSON per report; --format picks its tables' format: "
                "csv, parquet or xlsx",
                param_hint="'--format'",
            )
        _check_folder(folder, files)
        inputs = collect_inputs(files)
        raise typer.Exit(parse_into_folder(inputs, folder, fmt or "csv", retry_failed, settings))
    chosen = fmt or (format_for(target) if target else None) or "json"
    if target is not None and fmt is None and format_for(target) is None and not special(target):
        raise typer.BadParameter(
            f"cannot tell the format from {target.name!r}; use --format", param_hint="'-o'"
        )
    if chosen in ("parquet", "xlsx") and target is None:
        raise typer.BadParameter(f"{chosen} is binary: give an output file", param_hint="'-o'")
    _check_output(target, files)
    inputs = collect_inputs(files)
    if len(inputs) == 1 and dask is None:
        parse_one(inputs[0].path, target, chosen, settings)
    else:
        raise typer.Exit(parse_many(inputs, target, chosen, settings))


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
        raise fail(error) from None
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
        raise fail(error) from None
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
            raise fail(error) from None
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
    found = [str(item.path) for item in collect_inputs(documents)]
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
