"""Legacy Word (.doc): converted to .docx by LibreOffice headless, then read as .docx."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
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


@contextmanager
def _terminate_as_exception() -> Iterator[None]:
    """SIGTERM (a batch's time limit stopping its worker, a service manager) raised as an
    exception while LibreOffice runs, so that the cleanup below runs too; in the main thread
    only, where Python allows handlers."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    earlier = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, earlier)


def _convert(command: list[str], path: Path, tmp: str) -> None:
    """Run LibreOffice; whatever stops it early (Ctrl-C, SIGTERM, the time limit) kills its
    whole process group. soffice is a wrapper that starts soffice.bin as a child: killing the
    wrapper alone, as subprocess.run does, leaves soffice.bin running and writing into a
    temporary folder that is then removed under it."""
    with _terminate_as_exception():
        process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # a group of its own, to be killed whole
            env=os.environ | {"TMPDIR": tmp},  # its own temporary files go with the folder
        )
        try:
            process.wait(timeout=_TIMEOUT)
        except subprocess.TimeoutExpired as exc:
            raise CorruptDocumentError(path, "LibreOffice did not convert it in time") from exc
        finally:
            # After a normal exit too: soffice.bin may outlive the wrapper that started it.
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()


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
        _convert(command, path, tmp)
        converted = Path(tmp, path.with_suffix(".docx").name)
        if not converted.exists():
            raise CorruptDocumentError(path, "LibreOffice could not convert this .doc file")
        grid = read_docx(converted)
    grid.format = "doc"
    return grid
