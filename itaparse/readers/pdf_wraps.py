"""Where a ruled cell's line ends inside a word.

A producer wraps a cell's text at a break opportunity: a space, or between Thai words. A word
with no such opportunity in it (a number, a Latin word) that is wider than the cell's lines is
broken wherever the line is full: "๒๕๖" / "๘" in a narrow period column. Rejoined with a space
(as a wrap between digits otherwise is) it reads as two numbers, and "พ.ศ. ๒๕๖ ๘" as no year.
The evidence is geometric: the word the two lines share is wider than a line, and the upper
line is full to the cell's right edge, with no room for the next line's first glyph.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from itaparse.readers.pdf_text import _SPACE_GAP, Char, Line
from itaparse.thai.codemap import is_zero_width
from itaparse.thai.numerals import to_arabic

# Characters of a word that a line may be broken inside only when it is wider than a line:
# digits (Thai and Arabic), Latin letters, and the points and commas within numbers.
_UNBREAKABLE = re.compile(r"[0-9\u0e50-\u0e59A-Za-z.,]+")
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?\.?")
_ITEM = re.compile(r"[0-9\u0e50-\u0e59]{1,2}\.")
# Of the font size: widths are read from glyph boxes, which run short of the advances the
# producer fitted (an OCR'd word's box is its ink, a fifth of a letter short at each side).
_SLACK = 0.2


def glued_to_above(lines: Sequence[Line], left: float, right: float) -> list[bool]:
    """For each line of a cell spanning x from `left` to `right`, whether it continues,
    without a space, the word that the line above it ends in."""
    bases = [[ch for ch in line if not is_zero_width(ch)] for line in lines]
    starts = [b[0]["x0"] for b in bases if b]
    if len(starts) < 2:
        return [False] * len(lines)
    pad = max(0.0, min(starts) - left)  # a cell pads its right as it pads its left
    width = right - left - 2 * pad
    out = [False]
    for upper, lower in itertools.pairwise(bases):
        out.append(bool(upper and lower) and _broken_inside(upper, lower, right - pad, width))
    return out


def _broken_inside(upper: list[Char], lower: list[Char], limit: float, width: float) -> bool:
    tail, head = _word(upper[::-1], backwards=True), _word(lower, backwards=False)
    if not tail or not head or _kind(_text(upper[-1])[-1]) != _kind(_text(lower[0])[0]):
        return False  # "Facebook" / "๒. จัด": a word of letters runs on in letters only
    if _ITEM.fullmatch("".join(_text(ch) for ch in head)):
        return False  # "๒." opens the next item of a list
    if len(tail) < len(upper):
        return False  # a word too wide for a line starts one: the producer broke before it
    start, rest = "".join(_text(ch) for ch in reversed(tail)), "".join(_text(ch) for ch in head)
    joined = start + rest
    slack = _SLACK * upper[-1]["size"]
    if _kind(joined[0]) == "number":
        if not _NUMBER.fullmatch(to_arabic(joined)):
            return False  # "๘๕.๕๐" / "๙๐.๐๐": two numbers, one to a line
    else:
        # Words of letters are written with spaces between them, which an OCR'd line does
        # not keep at its end: "No" / "Gift" is two words wrapped. Only a line full to the
        # edge, with no room for the next line's first letter, was broken inside one.
        first = (lower[0]["x1"] - lower[0]["x0"]) / max(1, len(_text(lower[0])))
        if upper[-1]["x1"] + first < limit - slack:
            return False
        if rest[0].isupper() and start[-1].islower():
            return False  # "Gift" / "Policy": a capital opens a word
    word_width = (upper[-1]["x1"] - tail[-1]["x0"]) + (head[-1]["x1"] - lower[0]["x0"])
    return bool(word_width > width - slack)


def _text(ch: Char) -> str:
    return str(ch["text"]).strip()


def _kind(letter: str) -> str:
    return "letter" if letter.isascii() and letter.isalpha() else "number"


def _word(glyphs: list[Char], backwards: bool) -> list[Char]:
    """The glyphs of the unbreakable word at the start of `glyphs` (a space, a gap or another
    character ends it). An OCR'd glyph is a whole word, written with the space before it."""
    word: list[Char] = []
    for ch in glyphs:
        raw = str(ch["text"])
        if not _UNBREAKABLE.fullmatch(raw.strip()):
            break
        spaced = raw[:1].isspace()
        if word and (_gap(word[-1], ch) > _SPACE_GAP * ch["size"] or (spaced and not backwards)):
            break
        word.append(ch)
        if spaced and backwards:
            break
    return word


def _gap(a: Char, b: Char) -> float:
    return float(max(b["x0"] - a["x1"], a["x0"] - b["x1"]))
