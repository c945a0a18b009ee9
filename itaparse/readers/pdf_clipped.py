"""Marks a page break clipped from a line: Chromium paints a line that the break cuts on both
pages, clipped to each. The next page's copy loses what rises above its cut (tone marks over
upper vowels: "ที่" reads "ที"), which only this page's copy, a line of marks alone at its
foot, still shows. They are put back on the next page's first line, at their x."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import Any

from itaparse.readers.pdf_raw import RawPage, RawTable
from itaparse.readers.pdf_text import Char, Glyph, Line
from itaparse.thai.codemap import is_zero_width

# Points: a glyph of one copy stands where the other copy's does.
_SAME_X = 0.5
# Points: a tone mark over an upper vowel stands this close to it (shifted left of it).
_NEAR = 2.0


def restore_clipped_marks(pages: Sequence[RawPage]) -> None:
    for page, after in pairwise(pages):
        if not page.clipped or after.by_ocr:
            continue
        first = _first_lines(after)
        glyphs = [g for line in first for g in line]
        if not any(_same(g, h) for g in page.clipped for h in glyphs):
            continue  # not the same line: nothing of the foot's copy is on the next page
        anchor: Char | None = None  # the last glyph of the foot's copy the next page has
        for mark in page.clipped:
            found = next((h for h in glyphs if _same(mark, h)), None)
            if found is not None:
                anchor = found
            elif is_zero_width(mark):
                _put_back(mark, first, anchor)


def _same(a: Char, b: Char) -> bool:
    return str(a["text"]) == str(b["text"]) and abs(float(a["x0"]) - float(b["x0"])) <= _SAME_X


def _all_lines(page: RawPage) -> Iterator[Line]:
    for _top, block in page.blocks:
        if isinstance(block, RawTable):
            yield from (line for row in block.rows for cell in row if cell for line in cell)
        else:
            yield block


def _first_lines(page: RawPage) -> list[Line]:
    """The page's top line: the lines (one per table cell) at its highest glyphs' height."""
    lines = [line for line in _all_lines(page) if line]
    if not lines:
        return []
    top = min(float(line[0]["top"]) for line in lines)
    size = max(float(g["size"]) for g in lines[0])
    return [line for line in lines if float(line[0]["top"]) - top < 0.5 * size]


def _put_back(mark: Char, lines: list[Line], anchor: Char | None) -> None:
    """After the glyph before it in the foot's copy (an upper vowel the tone sits on, shifted
    a little left of it), where that glyph stands at the mark; else after the letter whose
    right edge the mark stands at, and the marks already on it."""
    x = float(mark["x0"])
    if anchor is not None and abs(float(anchor["x0"]) - x) <= _NEAR:
        for line in lines:
            for i, glyph in enumerate(line):
                if glyph is anchor:
                    line.insert(i + 1, _moved(mark, glyph))
                    return
    bases = [
        (abs(float(g["x1"]) - x), n, i)
        for n, line in enumerate(lines)
        for i, g in enumerate(line)
        if not is_zero_width(g) and abs(float(g["x1"]) - x) <= _NEAR
    ]
    if not bases:
        return
    _d, n, i = min(bases)
    line = lines[n]
    at = i + 1
    while at < len(line) and is_zero_width(line[at]):
        at += 1
    line.insert(at, _moved(mark, line[i]))


def _moved(mark: Char, onto: Char) -> Any:  # a Glyph, read as a Char
    """The mark at the height of the line it is put back on."""
    return Glyph(
        {k: mark[k] for k in ("text", "x0", "x1", "size", "fontname", "code") if k in mark}
        | {"top": onto["top"], "bottom": onto["bottom"]}
    )
