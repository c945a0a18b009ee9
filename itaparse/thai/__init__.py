"""Thai-language helpers: numerals, dates and periods, text joining and repair."""

from __future__ import annotations

import os


def _pythainlp_may_write() -> None:
    """pythainlp creates its data folder (~/pythainlp-data) when it is imported, and fails
    where the home folder is read-only (containers, CI runners, system accounts). itaparse
    reads only the corpora pythainlp ships with, so where that folder cannot be made
    pythainlp is put in its read-only mode instead of failing every command."""
    if any(
        os.environ.get(k) for k in ("PYTHAINLP_DATA", "PYTHAINLP_DATA_DIR", "PYTHAINLP_READ_ONLY")
    ):
        return
    folder = os.path.expanduser(os.path.join("~", "pythainlp-data"))
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        os.environ["PYTHAINLP_READ_ONLY"] = "1"


_pythainlp_may_write()
