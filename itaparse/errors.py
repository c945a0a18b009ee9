"""One error hierarchy: everything a user can cause or a document can trigger."""

from __future__ import annotations

from pathlib import Path

from itaparse.paths import readable


class ItaparseError(Exception):
    """Base of every error itaparse raises on purpose.

    The message always names the file, so the CLI can print it as is.
    """

    def __init__(self, path: str | Path, what: str) -> None:
        self.path = readable(path)  # shown and written: valid text whatever the bytes
        self.what = what
        super().__init__(f"{self.path}: {what}")

    def __reduce__(self) -> tuple[type[ItaparseError], tuple[str, str]]:
        # Errors travel back from batch worker processes; pickle's default would call
        # __init__ with the message alone.
        return type(self), (self.path, self.what)


class InputNotFoundError(ItaparseError):
    """The path does not exist or is not a file."""


class UnsupportedFormatError(ItaparseError):
    """The file is not a PDF, DOCX or DOC."""


class CorruptDocumentError(ItaparseError):
    """The file claims a format but cannot be read as one."""


class NoMeasuresTableError(ItaparseError):
    """The document holds no table that looks like an ITA measures table."""


class MissingToolError(ItaparseError):
    """An external program the input needs is not installed; path names the program."""


class PasswordError(ItaparseError):
    """The PDF is encrypted and no password, or a wrong one, was given."""


class InternalError(ItaparseError):
    """An unexpected failure inside itaparse on one file (a bug to report); a batch goes on."""


class TimeLimitError(ItaparseError):
    """Parsing one file took longer than the batch's per-file time limit; it was stopped."""
