"""A folder of outputs for a batch: one JSON per input, the combined tables, and a manifest
that makes a re-run skip what it already converted.

Each file's result is written the moment it finishes (its JSON atomically, then a line in
manifest.jsonl), so an interrupted run keeps everything that finished; the tables are
rebuilt from the per-file results at the end of every run, streamed, one report at a time.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from itaparse._version import __version__
from itaparse.batch import FileResult
from itaparse.export import atomic_file, measure_rows, write_atomic
from itaparse.inputs import Input
from itaparse.options import ParseOptions
from itaparse.paths import readable
from itaparse.tables import ERRORS, MEASURES, REPORTS, write_tables

MANIFEST = "manifest.jsonl"
NOT_MEASURES = "not-measures"


@dataclass
class Entry:
    """One input's line in the manifest: what was read, what came of it."""

    name: str
    source: str
    size: int | None
    sha256: str | None
    version: str
    status: str  # "converted", "not-measures" (read: no measures report) or "failed"
    seconds: float
    error_type: str | None = None
    error: str | None = None
    title: str | None = None
    agency: str | None = None
    district: str | None = None
    province: str | None = None
    agency_type: str | None = None
    agency_name: str | None = None
    agency_key: str | None = None
    province_code: str | None = None
    district_code: str | None = None
    subdistrict_code: str | None = None
    fiscal_year: int | None = None
    kind: str | None = None
    format: str | None = None
    pages: int | None = None
    measures: int | None = None
    mean_score: float | None = None
    warnings: int | None = None


def fingerprint(path: Path) -> tuple[int, str] | None:
    """Size and SHA-256 of a file; None when it cannot be read (that is the file's error)."""
    try:
        digest = hashlib.sha256()
        with path.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
        return path.stat().st_size, digest.hexdigest()
    except OSError:
        return None


def _entry(item: Input, seen: tuple[int, str] | None, result: FileResult) -> Entry:
    size, sha256 = seen if seen else (None, None)
    seconds = round(result.seconds, 3)
    entry = Entry(item.name, readable(item.path), size, sha256, __version__, "failed", seconds)
    if not result.ok:
        entry.error_type, entry.error = result.error_type, result.error
        if result.not_measures:
            entry.status = NOT_MEASURES
        return entry
    entry.status = "converted"
    for name, value in result.summary.items():
        setattr(entry, name, len(value) if name == "warnings" else value)
    return entry


class OutputFolder:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.manifest = root / MANIFEST

    def result_path(self, name: str) -> Path:
        return self.root / f"{name}.json"

    def entries(self) -> dict[str, Entry]:
        """The manifest's entries by input name, the last line of a name winning. A line cut
        short by a killed run is skipped: its file is simply converted again."""
        found: dict[str, Entry] = {}
        if not self.manifest.exists():
            return found
        known = {f.name for f in fields(Entry)}
        with self.manifest.open(encoding="utf-8") as lines:
            for line in lines:
                try:
                    data = json.loads(line)
                    entry = Entry(**{k: v for k, v in data.items() if k in known})
                except (ValueError, TypeError):
                    continue
                found[entry.name] = entry
        return found

    def is_current(
        self, entry: Entry | None, seen: tuple[int, str] | None, retry_failed: bool
    ) -> bool:
        """Whether an input's earlier result stands: same bytes, same itaparse version, and its
        JSON still there (or it failed, and failures are not being retried)."""
        if entry is None or seen is None or (entry.size, entry.sha256) != seen:
            return False
        if entry.version != __version__:
            return False
        if entry.status == "failed":
            return not retry_failed
        if entry.status == NOT_MEASURES:
            return True  # the same bytes read by the same version: still no measures report
        return self.result_path(entry.name).exists()

    def record(self, item: Input, seen: tuple[int, str] | None, result: FileResult) -> Entry:
        entry = _entry(item, seen, result)
        target = self.result_path(item.name)
        if result.ok:
            assert result.report_json is not None
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, (result.report_json + "\n").encode("utf-8"))
        else:  # an earlier version of the file converted; its JSON no longer stands
            target.unlink(missing_ok=True)
        with self.manifest.open("a", encoding="utf-8") as f:
            f.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")
        return entry

    def compact(self, entries: dict[str, Entry]) -> None:
        """Rewrite the manifest with one line per input."""
        with atomic_file(self.manifest) as f:
            for entry in entries.values():
                f.write((json.dumps(asdict(entry), ensure_ascii=False) + "\n").encode("utf-8"))

    def _reports(self, entries: Iterable[Entry]) -> Iterator[Any]:
        from itaparse.models import Report

        for entry in entries:
            path = self.result_path(entry.name)
            if entry.status == "converted" and path.exists():  # a JSON deleted by hand: left out
                yield Report.model_validate_json(path.read_text(encoding="utf-8"))

    def write_tables(self, entries: Sequence[Entry], fmt: str) -> list[Path]:
        report_rows = (
            {**asdict(e), "error": e.error and f"{e.error_type}: {e.error}"} for e in entries
        )
        error_rows = (asdict(e) for e in entries if e.status == "failed")
        return write_tables(
            self.root,
            [
                (MEASURES, measure_rows(self._reports(entries))),
                (REPORTS, report_rows),
                (ERRORS, error_rows),
            ],
            fmt,
        )


@dataclass
class FolderRun:
    entries: list[Entry]  # one per input, in the inputs' order
    converted: int  # in this run
    skipped: int  # unchanged since an earlier run
    failed: int  # in this run, or earlier and not retried
    tables: list[Path]
    interrupted: bool = False
    not_measures: int = 0  # read, but not measures reports (listed in reports.csv)
    gone: int = 0  # results of inputs that a folder given again no longer holds: removed


Started = Callable[[int, int], None]  # (to convert, skipped)
Finished = Callable[[Input, FileResult], None]


def convert_folder(
    inputs: Sequence[Input],
    root: Path,
    *,
    fmt: str = "csv",
    options: ParseOptions = ParseOptions(),
    jobs: int = 1,
    timeout: float | None = None,
    dask: str | None = None,
    retry_failed: bool = False,
    started: Started | None = None,
    finished: Finished | None = None,
) -> FolderRun:
    """Convert the inputs into `root`: what an earlier run converted from the same bytes is
    kept, the rest is parsed (in worker processes, or on a Dask cluster), each result written
    as it comes; then the tables are rebuilt. Ctrl-C stops the parsing, keeps what finished
    and still writes the tables (`interrupted` is then set)."""
    from itaparse.dispatch import run

    root.mkdir(parents=True, exist_ok=True)
    folder = OutputFolder(root)
    known = folder.entries()
    seen = {item.name: fingerprint(item.path) for item in inputs}
    todo = [
        item
        for item in inputs
        if not folder.is_current(known.get(item.name), seen[item.name], retry_failed)
    ]
    if started is not None:
        started(len(todo), len(inputs) - len(todo))
    interrupted, converted = False, 0
    try:
        paths = [str(item.path) for item in todo]
        for i, result in run(paths, options, jobs, timeout, dask):
            item = todo[i]
            known[item.name] = folder.record(item, seen[item.name], result)
            converted += result.ok
            if finished is not None:
                finished(item, result)
    except KeyboardInterrupt:
        interrupted = True
    gone = _forget_gone(folder, known, inputs)
    folder.compact(known)
    entries = [known[item.name] for item in inputs if item.name in known]
    # The tables list everything the folder holds, as `summary` does: this run's inputs, then
    # what earlier runs put there from other inputs (whose files still stand).
    current = {item.name for item in inputs}
    earlier = [entry for name, entry in known.items() if name not in current]
    tables = folder.write_tables(entries + earlier, fmt)
    return FolderRun(
        entries=entries,
        converted=converted,
        skipped=len(inputs) - len(todo),
        failed=sum(1 for e in entries if e.status == "failed"),
        tables=tables,
        interrupted=interrupted,
        not_measures=sum(1 for e in entries if e.status == NOT_MEASURES),
        gone=gone,
    )


def _inside(source: str, folder: str) -> bool:
    return os.path.abspath(source).startswith(os.path.join(os.path.abspath(folder), ""))


def _forget_gone(folder: OutputFolder, known: dict[str, Entry], inputs: Sequence[Input]) -> int:
    """Drop the results of inputs deleted (or moved) since an earlier run: an entry whose
    source lay in a folder given again, which that folder no longer holds. Its JSON goes too,
    so that `summary` and the tables count the same reports. Results of files given by name
    in an earlier run, or found in a folder not given this time, stay."""
    given = {readable(item.folder) for item in inputs if item.folder is not None}
    current = {item.name for item in inputs}
    gone = [
        name
        for name, entry in known.items()
        if name not in current and any(_inside(entry.source, f) for f in given)
    ]
    for name in gone:
        result = folder.result_path(name)
        result.unlink(missing_ok=True)
        for parent in result.parents:  # the folders that mirrored its folders, if now empty
            if parent == folder.root or not parent.is_relative_to(folder.root):
                break
            try:
                parent.rmdir()
            except OSError:  # not empty
                break
        del known[name]
    return len(gone)
