"""Legacy Word (.doc): converted to .docx by LibreOffice headless, then read as .docx."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from itaparse.errors import CorruptDocumentError, MissingToolError
from itaparse.readers.docx import read_docx
from itaparse.readers.grid import Grid

_TIMEOUT = 180  # seconds; a long .doc converts in a few


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise MissingToolError(
            "soffice",
            "reading .doc files needs LibreOffice (Debian/Ubuntu: "
            "apt-get install libreoffice-writer-nogui)",
        )
    return found


def read_doc(path: Path) -> Grid:
    soffice = _soffice()
    with tempfile.TemporaryDirectory(prefix="itaparse-doc-") as tmp:
        # A profile of its own: a LibreOffice already running for the user would otherwise
        # take the job over (or hold its lock) and the conversion would silently not happen.
        command = [
            soffice,
            f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            tmp,
            str(path.resolve()),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=_TIMEOUT, check=False)
        except subprocess.TimeoutExpired as exc:
            raise CorruptDocumentError(path, "LibreOffice did not convert it in time") from exc
        converted = Path(tmp, path.with_suffix(".docx").name)
        if not converted.exists():
            raise CorruptDocumentError(path, "LibreOffice could not convert this .doc file")
        grid = read_docx(converted)
    grid.format = "doc"
    return grid
