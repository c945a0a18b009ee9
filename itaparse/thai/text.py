"""Plain-text helpers: rejoining wrapped lines and a damage-tolerant skeleton for matching."""

from __future__ import annotations

import re
from collections.abc import Iterable

_THAI = re.compile(r"[\u0e01-\u0e4e]")  # letters, vowels and marks; not Thai digits
_CID = re.compile(r"\(cid:\d+\)")
_SKELETON_DROP = re.compile(r"[^\u0e01-\u0e2ea-z]")


def is_thai(ch: str) -> bool:
    return bool(_THAI.match(ch))


def join_wrapped(lines: Iterable[str]) -> str:
    """Rejoin a cell's wrapped lines as the author typed them.

    A wrap between two Thai characters carries no space (Thai has none between words);
    a hyphen or slash glued to the word before it glues the next line on too ("E-" + "Service");
    anywhere else the wrap stood for a space.
    """
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        last, first = out[-1], line[0]
        glued = last in "-/" and len(out) > 1 and not out[-2].isspace()
        if (is_thai(last) and is_thai(first)) or glued:
            out += line
        else:
            out += " " + line
    return out


def normalize_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def skeleton(text: str) -> str:
    """Consonants and Latin letters only: what survives most text-layer damage.

    Vowels and tone marks are the characters PDFs lose or misplace, and unmapped glyphs
    come out as "(cid:N)", so "ม(cid:3)ตรก(cid:3)ร" and "มาตรการ" share the skeleton "มตรกร".
    """
    return _SKELETON_DROP.sub("", _CID.sub("", text.lower()))


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance: letters to insert, delete or change to make `a` into `b` (the
    yardstick for names a damaged text layer or OCR misspelt)."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


def closest(word: str, names: Iterable[str], limit: int) -> list[str]:
    """The names nearest to `word` by edit distance, if that distance is within `limit`
    (several when they tie: the caller decides whether a tie is an answer)."""
    scored = [(edit_distance(word, name), name) for name in names]
    if not scored:
        return []
    nearest = min(d for d, _ in scored)
    return [name for d, name in scored if d == nearest] if nearest <= limit else []
