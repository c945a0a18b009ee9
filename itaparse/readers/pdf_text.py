"""A PDF page's glyphs as lines of text: grouped by height, put in reading order, marks
kept with their letters, rendered through the repaired code map."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from itaparse.thai.codemap import is_zero_width
from itaparse.thai.sequences import normalize

Char = dict[str, Any]


Line = list[Char]


BBox = tuple[float, float, float, float]


Key = tuple[str, int]


# A gap wider than this share of the font size between two glyphs is a space.
_SPACE_GAP = 0.2


def group_lines(chars: Sequence[Char]) -> list[Line]:
    """Characters grouped into lines by vertical position, each line in content-stream order."""
    return [visual_order(line) for line in group_lines_all(chars) if not _marks_only(line)]


def foot_marks(chars: Sequence[Char]) -> Line:
    """The page's lowest line, when it is marks alone (in a table's cell or not): what a
    page shows of the next page's first line, clipped."""
    lines = group_lines_all(chars)
    if not lines or not _marks_only(lines[-1]):
        return []
    return lines[-1]


def group_lines_all(chars: Sequence[Char]) -> list[Line]:
    """Characters grouped into lines by vertical position, top down, each in content order.
    Where every glyph has its baseline (a PDF's text layer; not OCR's words), lines are told
    by it: a glyph of a fallback font has its box from its own font's ascent ("/" in Noto
    Sans beside Noto Serif Thai stands 2-3 points higher), and by its top it joined the line
    above when the two stood closer than usual (labels centred half a line apart)."""
    if not chars:
        return []
    key = "baseline" if all("baseline" in ch for ch in chars) else "top"
    by_top = sorted(range(len(chars)), key=lambda i: chars[i][key])
    groups: list[list[int]] = []
    anchor = None
    for i in by_top:
        top = chars[i][key]
        if anchor is None or top - anchor > 0.5 * chars[i]["size"]:
            groups.append([])
            anchor = top
        groups[-1].append(i)
    return [[chars[i] for i in sorted(group)] for group in groups]


def _marks_only(line: Line) -> bool:
    """A line of marks alone, no letter to sit on: no Thai text is written so. Chromium paints
    a line that a page break cuts on both pages, clipped; the marks above the first line of
    the next page are then read at the foot of this one ("อยู่" + "่" on page 1, "ที่" on
    page 2 gives "อยู่่ที่"), and on their own they would make a row. So do the leading
    vowels that stand above the line (โ, ไ of the next page's repeated header, painted
    clipped at this page's foot): a vowel written before a consonant with none after it.
    A line of blanks alone (an HTML cell's &nbsp;) holds no text either."""
    return all(
        is_zero_width(ch) or not str(ch["text"]).strip() or str(ch["text"]) in _NO_LETTER
        for ch in line
    )


# What a clipped line leaves with no letter to read it by: leading vowels, empty glyphs.
_NO_LETTER = frozenset({"\u0e40", "\u0e41", "\u0e42", "\u0e43", "\u0e44", "\x00"})


# A glyph this far (points) left of the one drawn before it on its line was drawn out of order.
_BACKWARD = 1.0


def visual_order(line: Line) -> Line:
    """The line's glyphs in reading order. Producers write a line in the order it reads,
    except where a font falls back: LibreOffice with Noto Thai draws the Thai run with its
    trailing space first, then the "." or "-" of another font that sits inside it, so that
    "๑." reads "๑ .". Where a glyph with a width lands left of the one before it, the
    line's clusters (a glyph with the marks drawn after it, which keep the content order that
    HarfBuzz gives them) are put in the order of their x."""
    bases = [ch for ch in line if not is_zero_width(ch)]
    if all(b["x0"] >= a["x0"] - _BACKWARD for a, b in itertools.pairwise(bases)):
        return line
    clusters: list[Line] = []
    for ch in line:
        if clusters and is_zero_width(ch):
            clusters[-1].append(ch)
        else:
            clusters.append([ch])
    clusters.sort(key=lambda c: c[0]["x0"])
    return [ch for cluster in clusters for ch in cluster]


def render_line(line: Line, mapping: dict[Key, str], repair: bool = True) -> str:
    text = ""
    right = None  # right edge of the last glyph with a width: marks must not open gaps
    for ch in line:
        key = (ch["fontname"], ch.get("code", -1))
        glyph = mapping[key] if key in mapping else str(ch["text"])  # "" drops a glyph
        if not is_zero_width(ch):
            if right is not None and ch["x0"] - right > _SPACE_GAP * ch["size"]:
                text += " "
            right = ch["x1"]
        text += glyph
    return " ".join((normalize(text) if repair else text).split())


def inside(ch: Char, box: BBox) -> bool:
    cx = (ch["x0"] + ch["x1"]) / 2
    cy = (ch["top"] + ch["bottom"]) / 2
    return bool(box[0] <= cx <= box[2] and box[1] <= cy <= box[3])


class Glyph:
    """What a character keeps once its page is read, read like pdfplumber's dict. Those dicts
    carry some twenty entries (colours, matrix, marked content…): kept for every page of a
    350-page report they were most of its 600 MB; this is a fifth of one."""

    __slots__ = (
        "baseline",
        "bottom",
        "code",
        "confidence",
        "doubt",
        "doubt_point",
        "fontname",
        "size",
        "text",
        "top",
        "x0",
        "x1",
    )

    def __init__(self, char: Char) -> None:
        for name in self.__slots__:
            if name in char:  # "code" is missing where pdfplumber's pairing failed
                setattr(self, name, char[name])

    def __getitem__(self, name: str) -> Any:
        return getattr(self, name)

    def __contains__(self, name: str) -> bool:
        return hasattr(self, name)

    def get(self, name: str, default: Any = None) -> Any:
        return getattr(self, name, default)
