"""Tesseract's words, with their boxes in PDF points, as the PDF reader takes glyphs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from PIL import Image

from itaparse.thai.sequences import drop_orphan_marks

_LETTER = re.compile("[A-Za-z\u0e01-\u0e2e]")
_EMS_PER_LETTER = 2.2
_SMALLEST_LETTERS = 0.5  # a cell's letters against the page's, at the smallest


@dataclass
class OcrWord:
    """One word as the PDF reader's glyphs are given: text and box in PDF points."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    confidence: float
    doubt: str | None = None  # a number read with too little margin, as read
    doubt_point: bool = False  # in doubt only for a point that may be a speck, digits sure
    symbols: list[tuple[str, float, float]] = field(default_factory=list)  # text, x0, x1


def read_words(api: Any, image: Image.Image, offset: tuple[int, int], dpi: int) -> list[OcrWord]:
    """Words of one block of the image, in reading order, in points; each word's box spans
    its line's height, so that words of one line share a top.

    Tesseract's iterator cuts Thai into pieces a few letters long; a word is the run of
    pieces up to the next blank it saw (what its plain-text output separates by spaces)."""
    import tesserocr

    api.SetImage(image)
    api.Recognize()
    symbol, piece, line_level = tesserocr.RIL.SYMBOL, tesserocr.RIL.WORD, tesserocr.RIL.TEXTLINE
    it = api.GetIterator()
    pt = 72 / dpi
    words: list[OcrWord] = []
    line: tuple[int, int, int, int] | None = None
    while it is not None and not it.Empty(symbol):
        starts_line = it.IsAtBeginningOf(line_level)
        if starts_line:
            line = it.BoundingBox(line_level)
        starts_word = it.IsAtBeginningOf(piece) and (starts_line or it.BlanksBeforeWord())
        text = it.GetUTF8Text(symbol) or ""
        box = it.BoundingBox(symbol)
        if text.strip() and box is not None and line is not None:
            x0, x1 = (offset[0] + box[0]) * pt, (offset[0] + box[2]) * pt
            confidence = float(it.Confidence(symbol))
            # A gap wider than half the line's height parts words even where Tesseract saw
            # no blank (it often sees none in Thai): columns of a table without borders.
            gap = bool(words) and x0 - words[-1].x1 > 0.5 * (line[3] - line[1]) * pt
            if starts_word or gap or not words:
                top, bottom = (offset[1] + line[1]) * pt, (offset[1] + line[3]) * pt
                words.append(OcrWord("", x0, x1, top, bottom, 0.8 * (bottom - top), confidence))
            word = words[-1]
            word.text = drop_orphan_marks(word.text + text.strip())
            word.symbols.append((text.strip(), x0, x1))
            word.x1 = max(word.x1, x1)
            word.confidence = min(word.confidence, confidence)
        if not it.Next(symbol):
            break
    return words


def fit_to_ink(
    letters: np.ndarray,
    words: list[OcrWord],
    box: tuple[int, int, int, int],
    dpi: int,
    page_letter: float | None = None,
) -> list[OcrWord]:
    """The words of a block checked against its ink (`letters`, the block at `box`):

    - lines whose ink holds no letter go: where Thai lines are spaced widely, Tesseract takes
      the row of marks above a line ("ป้" "ั") for a line of its own and reads it as Latin
      letters ("ae", "v- CA"), while it also reads the marks in their own line;
    - each word's box is fitted to its glyphs, and its size set from the letters' height, as
      a text layer would give them (columns of tables without borders are found from both).
    """
    import cv2

    x0, y0, x1, y1 = box
    region = letters[y0:y1, x0:x1]
    if region.size == 0 or not words:
        return words
    count, _, stats, _ = cv2.connectedComponentsWithStats((region > 0).astype(np.uint8))
    heights = stats[1:count, 3]
    if len(heights) == 0:
        return words
    letter = float(np.percentile(heights, 75))
    if page_letter is not None:
        # A cell that holds only dust would take a speck's height for its letters', and
        # every speck would pass for a letter: a cell's letters are never this much smaller
        # than the page's.
        letter = max(letter, _SMALLEST_LETTERS * page_letter)
    scale = dpi / 72
    blobs = [(x0 + s[0], x0 + s[0] + s[2], y0 + s[1] + s[3] / 2, int(s[3])) for s in stats[1:count]]

    def tallest(word: OcrWord) -> int:
        """The highest blob under the word (Tesseract's boxes of Thai digits are loose)
        centred in its line."""
        return max((h for _a, _b, h in _ink_under(word, blobs, scale)), default=0)

    lines: dict[tuple[float, float], list[OcrWord]] = {}
    for word in words:
        lines.setdefault((word.top, word.bottom), []).append(word)
    kept: set[int] = set()
    for line in lines.values():
        line[:] = _without_specks(line, blobs, scale, letter)
        if not line:
            continue
        heights_in = [tallest(w) for w in line]
        # Stacked marks ("ื้") are nearly a letter high, but never a line of words longer
        # than three characters.
        short = max(heights_in) < 0.95 * letter and all(len(w.text) <= 3 for w in line)
        for word, height in zip(line, heights_in, strict=True):
            # Marks alone are low; stacked ones pass for letters ("ae", "ณั"), not for digits
            # (a measure's number alone on its line is as short).
            ghost = height < 0.6 * letter or (short and bool(_LETTER.search(word.text)))
            # What Tesseract made of marks: letters, digits, brackets; a lone dash or dot is
            # low by nature and stays.
            if not ghost or word.text.strip("-–.") == "":
                _tighten(word, blobs, scale)
                # The font size, as a text layer gives it: Thai letters stand about 0.45 em
                # high (the line box, marks and all, is no measure of it).
                word.size = _EMS_PER_LETTER * letter / scale
                kept.add(id(word))
    return [w for w in words if id(w) in kept]


def _tighten(word: OcrWord, blobs: list[tuple[int, int, float, int]], scale: float) -> None:
    """Fit a word's box to its ink, whole glyphs: Tesseract's boxes of Thai run wide or cut
    a glyph, and the columns of a table without borders then touch or part."""
    ink = [
        (a, b)
        for a, b, y, _h in blobs
        if min(b, word.x1 * scale) - max(a, word.x0 * scale) >= 0.3 * (b - a)
        and word.top * scale <= y <= word.bottom * scale
    ]
    if ink:
        word.x0, word.x1 = min(a for a, _b in ink) / scale, max(b for _a, b in ink) / scale


def _ink_under(
    word: OcrWord, blobs: list[tuple[int, int, float, int]], scale: float
) -> list[tuple[int, int, int]]:
    """(x0, x1, height) of the blobs under a word's box and centred in its line, in pixels."""
    return [
        (a, b, h)
        for a, b, y, h in blobs
        if a < word.x1 * scale
        and b > word.x0 * scale
        and word.top * scale <= y <= word.bottom * scale
    ]


_PUNCTUATION = frozenset(".,-–'‘’\"“”`:;·~_")
_SPECK_WIDE = 0.3  # a dash is wider than this share of a letter height; a speck is not


def _without_specks(
    line: list[OcrWord], blobs: list[tuple[int, int, float, int]], scale: float, letter: float
) -> list[OcrWord]:
    """A line's words less the specks of dust Tesseract read as punctuation standing alone
    ("ข้อมูล . ข่าวสาร", "95.50 . คะแนน"): a word of punctuation only whose ink is a dot, not
    a dash. A point between two numbers ("95 . 50") is kept: it may be their decimal point.
    A speck read onto the front of a word is taken off it (_strip_leading_dots)."""
    kept: list[OcrWord] = []
    for i, word in enumerate(line):
        if word.text and set(word.text) <= _PUNCTUATION:
            ink = _ink_under(word, blobs, scale)
            dot = bool(ink) and all(b - a < _SPECK_WIDE * letter for a, b, _h in ink)
            dot = dot and max(h for _a, _b, h in ink) < _SPECK_WIDE * letter
            before = line[i - 1].text if i > 0 else ""
            after = line[i + 1].text if i + 1 < len(line) else ""
            between_numbers = before[-1:].isdigit() and after[:1].isdigit()
            if dot and not between_numbers:
                continue
        _strip_leading_dots(word)
        kept.append(word)
    return kept


_NEVER_FIRST = frozenset(".,'`")  # no Thai word, number or list mark opens with these


def _strip_leading_dots(word: OcrWord) -> None:
    """A speck read onto the front of a word (".(๑)", ",มาตรการ") is no part of it."""
    while len(word.symbols) > 1 and word.symbols[0][0] and set(word.symbols[0][0]) <= _NEVER_FIRST:
        text = word.symbols.pop(0)[0]
        if word.text.startswith(text):
            word.text = word.text[len(text) :]
        word.x0 = word.symbols[0][1]
