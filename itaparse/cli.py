"""Command line: parses arguments, calls the library, writes output. Nothing else."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from itaparse._version import __version__
from itaparse.errors import ItaparseError
from itaparse.export import CSV_BOM, FORMATS, format_for, render, write_atomic

# The parsing stack (pydantic, pythainlp, pdfplumber) is imported by the commands that use
# it, so that --version, --help and a Word file do not pay for what they do not need.
if TYPE_CHECKING:
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
Password = Annotated[str | None, typer.Option("--password", help="Password of an encrypted PDF.")]


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
    if output is None:
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


@app.command()
def parse(
    files: Annotated[
        list[Path], typer.Argument(metavar="REPORT", help="Report files (.pdf, .docx, .doc).")
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Output file; format from its extension. Default: standard output.",
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "-f",
            "--format",
            help=f"Output format: {', '.join(FORMATS)}. Default: from -o's extension, else json.",
        ),
    ] = None,
    password: Password = None,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="No warnings on stderr.")] = False,
    jobs: Annotated[
        int, typer.Option("-j", "--jobs", min=1, help="Parse this many files at once.")
    ] = 1,
) -> None:
    """Parse ITA measures reports into JSON (one report, or a list) or CSV/Parquet (one row per
    measure). With several files, a file that fails is reported and the others are written;
    the exit status is then 1."""
    if fmt is not None and fmt not in FORMATS:
        raise typer.BadParameter(
            f"{fmt!r} is not one of {', '.join(FORMATS)}", param_hint="'--format'"
        )
    chosen = fmt or (format_for(output) if output else None) or "json"
    if output is not None and fmt is None and format_for(output) is None:
        raise typer.BadParameter(
            f"cannot tell the format from {output.name!r}; use --format",
            param_hint="'-o'",
        )
    if chosen == "parquet" and output is None:
        raise typer.BadParameter("Parquet is binary: give an output file", param_hint="'-o'")
    _check_output(output, files)

    def progress(n: int, total: int, path: Path, outcome: Report | ItaparseError) -> None:
        if isinstance(outcome, ItaparseError):
            typer.echo(f"error: {outcome}", err=True)
            return
        if not quiet:
            _warn(outcome)
            if total > 1:
                typer.echo(f"[{n}/{total}] {path}: {len(outcome.measures)} measures", err=True)

    from itaparse.batch import parse_many

    result = parse_many(files, password=password, progress=progress, jobs=jobs)
    if not result.reports:
        raise typer.Exit(1)
    try:
        data = render(result.reports, chosen)
    except ImportError as exc:  # pandas without pyarrow
        typer.echo(
            f"error: Parquet output needs pyarrow: pip install 'itaparse[parquet]' ({exc})",
            err=True,
        )
        raise typer.Exit(1) from None
    if output is None:
        sys.stdout.buffer.write(data.removeprefix(CSV_BOM))
        sys.stdout.flush()
    else:
        write_atomic(output, data)
    if result.failures:
        typer.echo(
            f"error: {len(result.failures)} of {len(files)} files failed; "
            f"the output holds the other {len(result.reports)}",
            err=True,
        )
        raise typer.Exit(1)


@app.command()
def text(
    file: ReportFile,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Output file. Default: standard output.")
    ] = None,
    password: Password = None,
) -> None:
    """Print the document's repaired plain text, in reading order (tables row by row)."""
    from itaparse.plaintext import extract_text

    _check_output(output, [file])

    try:
        content = extract_text(file, password=password)
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
) -> None:
    """Show what the parser saw: tables and header mapping, stitched rows, measures, warnings."""
    from itaparse.diagnose import debug_images, inspect_document
    from itaparse.diagnose import render as render_inspection

    try:
        seen = inspect_document(file, password=password)
        images = debug_images(seen, debug_dir, password) if debug_dir else []
    except ItaparseError as error:
        raise _fail(error) from None
    sys.stdout.write(render_inspection(seen))
    if debug_dir is not None and images:
        typer.echo(f"{len(images)} page images in {debug_dir}", err=True)
    elif debug_dir is not None:
        typer.echo("no page images (they are drawn for PDFs only)", err=True)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the report output."""
    typer.echo(schema_json(), nl=False)


def schema_json() -> str:
    from itaparse.models import Report

    data: dict[str, Any] = Report.model_json_schema()
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def main() -> None:
    app()
