"""What a batch reads: files as given, and the reports found in folders, each with the
relative name its outputs mirror."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from itaparse.paths import readable

SUFFIXES = (".pdf", ".docx", ".doc")


@dataclass(frozen=True)
class Input:
    path: Path
    # Unique within the batch: the path relative to the folder it was found in, or the file
    # as given. A folder of outputs mirrors it ("amphoe/report.pdf" -> "amphoe/report.pdf.json";
    # the extension stays because agencies publish one report as both .pdf and .docx).
    name: str
    # The folder given on the command line that it was found in; None for a file given as such.
    folder: Path | None = None


def _is_report(path: Path) -> bool:
    # Hidden files and Word's "~$x.docx" lock files are not reports.
    return (
        path.suffix.lower() in SUFFIXES and not path.name.startswith((".", "~$")) and path.is_file()
    )


def _name_of(path: Path) -> str:
    """A file given on the command line keeps its relative path, unless that climbs out of the
    current folder or is absolute: then its name alone."""
    if path.is_absolute() or ".." in path.parts:
        return readable(path.name)
    return readable(PurePosixPath(*path.parts).as_posix() if path.parts else path.name)


def collect(paths: Iterable[Path]) -> list[Input]:
    """Files in the order given; a folder's reports (searched recursively) in sorted order. A
    path that does not exist stays, so that the batch reports it as that file's error."""
    found: list[tuple[Path, str, Path | None]] = []
    for given in paths:
        if given.is_dir():
            for path in sorted(p for p in given.rglob("*") if _is_report(p)):
                found.append((path, readable(path.relative_to(given).as_posix()), given))
        else:
            found.append((given, _name_of(given), None))
    inputs: list[Input] = []
    taken: set[str] = set()
    for path, name, folder in found:
        unique, n = name, 1
        while unique.casefold() in taken:  # the same relative name from two folders
            n += 1
            stem, dot, suffix = name.rpartition(".")
            unique = f"{stem}~{n}.{suffix}" if dot else f"{name}~{n}"
        taken.add(unique.casefold())
        inputs.append(Input(path, unique, folder))
    return inputs
