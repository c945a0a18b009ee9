"""Borderless tables' headers read as a band: labels centred vertically beside one another,
over one to several lines, where line by line they do not read."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from itaparse.numbering import is_sequence_number
from itaparse.readers.borderless_columns import Line, Render, _blocks, _overlap, _span, _starts_row
from itaparse.thai.text import join_wrapped
from itaparse.vocabulary import MAX_LABEL_CHARS, opens_known_label, read_header

# Lines a band of centred labels may take: four-line labels beside two-line ones, half a
# line apart, take eight; letter-wrapped labels of seven lines in narrow columns beside
# shorter ones, eleven (WeasyPrint). The row that must open under the band ends it sooner.
_MAX_BAND_LINES = 16


def same_letters(lines: Sequence[str], other: Sequence[str]) -> bool:
    """The same lines, or the same letters wrapped otherwise (LibreOffice may break a
    repeated header's labels at other points)."""
    if tuple(lines) == tuple(other):
        return True
    letters = sorted("".join(lines).replace(" ", ""))
    return bool(letters) and letters == sorted("".join(other).replace(" ", ""))


def _band_header(
    lines: Sequence[Line], start: int, text: Render, stop: int | None = None
) -> tuple[list[Line], int] | None:
    """A header read as a band, where line by line it does not read: every line from start
    up to the first that opens a row, when they are few and hold labels only. Its columns
    are the runs of labels that stand over one another, each label their text from the top
    down; labels centred vertically in narrow columns, wrapped over several lines, stand so.
    The row opening under the band is what ends it, or `stop`, where the lines of the page
    before's header end when they are printed again (a row's rest under them opens none)."""
    end = start
    while end < min(start + _MAX_BAND_LINES, len(lines), stop or len(lines)):
        blocks = _blocks(lines[end])
        if _starts_row(text(blocks[0])) or _numbered_row(lines[end], text):
            break
        if any(len(text(b)) > MAX_LABEL_CHARS for b in blocks):
            return None
        end += 1
    if end - start < 2 or end >= len(lines):
        return None  # one line is read as such above; no row under the band: no header seen
    reads = [
        k for k in range(start + 1, end) if read_header([text(b) for b in _blocks(lines[k])])[0]
    ]
    if reads and not all(
        opens_known_label(text(b)) for line in lines[start : reads[0]] for b in _blocks(line)
    ):
        # A line below reads as a header itself: the header starts there, unless the lines
        # above it are the first lines of labels that wrap more, centred higher (Chromium).
        return None
    found = _split_at_columns([b for line in lines[start:end] for b in _blocks(line)])
    spans = [_span(b) for b in found]
    for i, span in enumerate(spans):
        under = [s for j, s in enumerate(spans) if j != i and _overlap(s, span)]
        if any(not _overlap(a, b) for a in under for b in under):
            return None  # a group label over sub-labels: the lines read it (_leaves)
    columns: list[list[Line]] = []  # each column's labels, top down
    for block in sorted(found, key=lambda b: _span(b)[0]):
        if columns and _overlap(_span(block), _span([c for b in columns[-1] for c in b])):
            columns[-1].append(block)
        else:
            columns.append([block])
    if len(columns) < 3:
        return None
    labels = [
        join_wrapped([text(b) for b in sorted(col, key=lambda b: min(c["top"] for c in b))])
        for col in columns
    ]
    if read_header(labels)[0] is None:
        return None
    return [[c for b in col for c in b] for col in columns], end - 1


# A gap between two words of a block this share of the font size wide or more is wider than a
# word space (a quarter to a third of it): with labels of other lines standing either side,
# it may be the gap between two columns set close (Chromium's narrow cell padding).
_NEAR_COLUMN_GAP = 0.4


def _split_at_columns(blocks: list[Line]) -> list[Line]:
    """Blocks of a band of labels, each cut where a wide gap between its words falls between
    the labels of other lines on both sides and inside none: two columns' labels that ran
    close on one line ("การดำเนิน ดำเนินงาน" under "มาตรการ/" and "วิธีการ"), not a group
    label over both (whose sub-labels the gap would not part)."""
    out: list[Line] = []
    for i, block in enumerate(blocks):
        others = [_span(b) for j, b in enumerate(blocks) if j != i]
        chars = sorted(block, key=lambda c: c["x0"])
        cuts = []
        right = chars[0]["x1"]
        for k, ch in enumerate(chars[1:], 1):
            gap = (right, ch["x0"])
            if (
                gap[1] - gap[0] >= _NEAR_COLUMN_GAP * ch["size"]
                and not any(a < (gap[0] + gap[1]) / 2 < b for a, b in others)
                and any(_overlap(o, _span(chars[:k])) for o in others)
                and any(_overlap(o, _span(chars[k:])) for o in others)
            ):
                cuts.append(k)
            right = max(right, ch["x1"])
        order = {id(c): n for n, c in enumerate(block)}
        for a, b in zip([0, *cuts], [*cuts, len(chars)], strict=True):
            out.append(sorted(chars[a:b], key=lambda c: order[id(c)]))
    return out


# Labels centred vertically stand half a line apart: a one-line label beside a two-line one's
# lines, this share of the font size lower at most (a wrapped label's next line stands a
# whole line, 1.2 or more, lower).
_CENTRED_OFFSET = 0.85


def _line_top(line: Line) -> float:
    """Where a line stands: the median of its glyphs' tops. Not the least: a glyph of a
    fallback font (Chromium sets "/" in Noto Sans beside Noto Serif Thai) has its box from
    its own font's ascent, standing three points higher than its neighbours'."""
    return statistics.median(float(c["top"]) for c in line)


def _centred_band(lines: Sequence[Line], start: int) -> int:
    """How many lines from start make the header's first line: lines a fraction of a line
    lower whose labels stand beside the first line's, under none of them (Chromium and
    WeasyPrint centre a one-line label against a two-line one)."""
    first = lines[start]
    size = sorted(float(c["size"]) for c in first)[len(first) // 2]
    top = _line_top(first)
    spans = [_span(b) for b in _blocks(first)]
    band = 1
    for line in lines[start + 1 : start + 3]:
        if _line_top(line) - top >= _CENTRED_OFFSET * size:
            break
        beside = [_span(b) for b in _blocks(line)]
        if any(_overlap(b, s) for b in beside for s in spans):
            break
        spans += beside
        band += 1
    return band


def _numbered_row(line: Line, text: Render) -> bool:
    """A line that opens with a number in a sequence column ("1", "๒"), where a header's row
    of column numbers ("(1) (2) (3)") numbers every column."""
    blocks = [text(b) for b in _blocks(line)]
    return is_sequence_number(blocks[0]) and not all(is_sequence_number(b) for b in blocks)
