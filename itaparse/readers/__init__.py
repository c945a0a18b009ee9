"""Readers: each turns one file format into the same table-grid form (readers.grid.Grid)."""

from __future__ import annotations

import importlib
import zipfile
from pathlib import Path

from itaparse.errors import CorruptDocumentError, InputNotFoundError, UnsupportedFormatError
from itaparse.readers.grid import Grid

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 and other legacy Office files
_OTHER_KINDS = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"{\\rtf": "an RTF document (save it as .docx)",
}


def detect_format(path: Path) -> str:
    """pdf, docx or doc, from the file's content; the name's extension is not trusted."""
    if not path.exists():
        raise InputNotFoundError(path, "no such file")
    if not path.is_file():
        raise InputNotFoundError(path, "not a file")
    with path.open("rb") as f:
        head = f.read(1024)
    if not head:
        raise CorruptDocumentError(path, "the file is empty")
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(_OLE):
        return "doc"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    for magic, kind in _OTHER_KINDS.items():
        if head.startswith(magic):
            raise UnsupportedFormatError(path, f"{kind}, not a PDF or Word document")
    if path.suffix.lower() in (".pdf", ".docx", ".doc"):
        raise CorruptDocumentError(
            path, f"not a {path.suffix.lower()[1:].upper()} file (its content is something else)"
        )
    raise UnsupportedFormatError(
        path, f"unsupported file type {path.suffix or '(none)'!r}; expected .pdf, .docx or .doc"
    )


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise CorruptDocumentError(path, "a damaged zip archive, not a readable DOCX") from exc
    if "word/document.xml" in names:
        return "docx"
    raise UnsupportedFormatError(path, "a zip archive that is not a Word document")


def load_reader(path: Path) -> str:
    """The file's format, with the modules that read it imported (the PDF stack, python-docx):
    for a caller that prepares its process before the work, as the command line does."""
    kind = detect_format(path)
    importlib.import_module(f"itaparse.readers.{kind}")
    return kind


def read_grid(
    path: Path, password: str | None = None, repair: bool = True, ocr: bool = True
) -> Grid:
    kind = load_reader(path)
    if kind == "pdf":
        from itaparse.readers.pdf import read_pdf

        return read_pdf(path, password=password, repair=repair, ocr=ocr)
    if kind == "doc":
        from itaparse.readers.doc import read_doc

        return read_doc(path)
    from itaparse.readers.docx import read_docx

    return read_docx(path)
