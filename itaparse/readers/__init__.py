"""Readers: each turns one file format into the same table-grid form (readers.grid.Grid)."""

from __future__ import annotations

from pathlib import Path

from itaparse.errors import InputNotFoundError, UnsupportedFormatError
from itaparse.readers.grid import Grid

SUFFIXES = {".pdf": "pdf", ".docx": "docx"}


def detect_format(path: Path) -> str:
    if not path.exists():
        raise InputNotFoundError(path, "no such file")
    if not path.is_file():
        raise InputNotFoundError(path, "not a file")
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise UnsupportedFormatError(
            path, f"unsupported file type {path.suffix or '(none)'!r}; expected .pdf or .docx"
        )
    return kind


def read_grid(path: Path, password: str | None = None, repair: bool = True) -> Grid:
    kind = detect_format(path)
    if kind == "pdf":
        from itaparse.readers.pdf import read_pdf

        return read_pdf(path, password=password, repair=repair)
    from itaparse.readers.docx import read_docx

    return read_docx(path)
