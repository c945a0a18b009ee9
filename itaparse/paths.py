"""File names as people read them.

A name on disk is bytes. Where those bytes are not UTF-8 (Thai names in TIS-620, as unzip
leaves the files of a zip made on Windows), Python carries them as lone surrogates, which no
JSON, CSV or terminal can take. Every path itaparse shows or writes goes through `readable`.
"""

from __future__ import annotations

import os

# Windows' Thai code page: TIS-620 plus a few punctuation marks, the encoding of Thai names
# made on Windows. Tried after UTF-8 for each part of a path on its own, because a path can
# mix both (a UTF-8 folder holding files from an old zip).
_LEGACY = "cp874"


def _part(raw: bytes) -> str:
    for encoding in ("utf-8", _LEGACY):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="backslashreplace")  # bytes no Thai encoding defines


def readable(path: str | os.PathLike[str]) -> str:
    """The path as text any output can hold: itself when it is valid text, otherwise each
    part decoded as UTF-8, then as Thai Windows (TIS-620), then with the bytes shown as \\xNN."""
    text = os.fspath(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    raw = os.fsencode(text)
    return "/".join(_part(part) for part in raw.split(b"/"))
