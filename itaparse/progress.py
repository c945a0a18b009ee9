"""What a batch shows while it runs: a progress bar on a terminal (files done of total,
failures, rate, time left), plain lines otherwise, and a log file with the details."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, TextIO

from itaparse.batch import FileResult

if TYPE_CHECKING:
    from rich.progress import Progress, Task


def duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    return f"{minutes} min {secs:02d} s" if minutes else f"{seconds:.1f} s"


def _bar(stream: TextIO) -> Progress:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed * 60:,.0f} files/min" if speed else "", style="cyan")

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("[red]{task.fields[failed]} failed"),
        Rate(),
        TimeRemainingColumn(),
        console=Console(file=stream),
        transient=True,
    )


class BatchProgress:
    """Reports each finished file. `quiet` keeps only the errors."""

    def __init__(
        self, quiet: bool = False, log: TextIO | None = None, stream: TextIO | None = None
    ):
        self.stream = stream or sys.stderr
        self.quiet, self.log = quiet, log
        self.total = self.done = self.failed = 0
        self._bar: Progress | None = None
        self._task: Any = None

    def __enter__(self) -> BatchProgress:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.stop()

    def start(self, total: int, skipped: int = 0) -> None:
        self.total = total
        if skipped:
            self.say(
                f"{skipped} file{'s' if skipped != 1 else ''} unchanged since the last run: kept"
            )
        if total and not self.quiet and self.stream.isatty():
            self._bar = _bar(self.stream)
            self._task = self._bar.add_task("parsing", total=total, failed=0)
            self._bar.start()

    def say(self, line: str, error: bool = False) -> None:
        if self.quiet and not error:
            return
        if self._bar is not None:
            self._bar.console.print(line, markup=False, highlight=False)
        else:
            print(line, file=self.stream, flush=True)

    def finished(self, label: str, result: FileResult) -> None:
        self.done += 1
        self.failed += not result.ok and not result.not_measures
        if result.not_measures:  # an agency's other documents: listed, never a failure
            self.say(f"not a measures report: {label}: {result.error}")
            self._log(f"not-measures {label}: {result.error}")
        elif result.ok:
            measures = result.summary.get("measures", 0)
            if self._bar is None:
                self.say(f"[{self.done}/{self.total}] {label}: {measures} measures")
            self._log(f"converted {label}: {measures} measures in {result.seconds:.2f} s")
            for warning in result.summary.get("warnings", []):
                self._log(f"  warning: {warning}")
        else:
            self.say(f"error: {label}: {result.error}", error=True)
            self._log(f"failed {label}: {result.error_type}: {result.error}")
            if result.traceback:
                self._log(result.traceback.rstrip())
        if self._bar is not None:
            self._bar.update(self._task, advance=1, failed=self.failed)

    def _log(self, line: str) -> None:
        if self.log is not None:
            self.log.write(line + "\n")
            self.log.flush()


@contextlib.contextmanager
def ocr_pages(quiet: bool) -> Iterator[None]:
    """While one file is parsed: a bar of scanned pages read, on a terminal (OCR takes
    seconds a page); nothing otherwise."""
    if quiet or not sys.stderr.isatty():
        yield
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from itaparse.readers.ocr import page_progress

    columns = (TextColumn("OCR"), BarColumn(), MofNCompleteColumn(), TextColumn("pages"))
    console = Console(file=sys.stderr)
    with Progress(*columns, TimeRemainingColumn(), console=console, transient=True) as bar:
        task = bar.add_task("OCR", total=None, visible=False)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, visible=True)

        token = page_progress.set(advance)
        try:
            yield
        finally:
            page_progress.reset(token)
