"""Numbers on an OCR'd page, read again from the shapes of their ink.

Tesseract reads Thai words well and Thai digits badly, and it cuts numbers in odd places: it
drops a digit, gives half a number to the word before, or reads "ต.ค. ๖๗" with its English
model as "A.A. Del". So each line's ink is cut into words here, by the gaps between blobs
(narrower than a space inside a word), and a word that may be a number (Tesseract saw a
digit in it, or it has no marks above or below its letters, as no number has) is read blob
by blob with itaparse.readers.shapes. What reads as a number replaces whatever Tesseract
had read at that place; a digit read with a thin margin makes the number a doubt.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from itaparse.readers import shapes
from itaparse.readers.ocr_words import OcrWord
from itaparse.thai.sequences import MARKS, drop_orphan_marks

# A digit read with less margin than this over the next likeliest character makes its number
# a doubt: on the scanned samples, wrong readings had margins of 1.03-1.18.
SURE_MARGIN = 1.25
# A Thai letter must read this surely to replace what Tesseract's English model read.
_SURE_LETTER = 1.15
# Blobs closer than this share of the line's letter height belong to one word.
_WORD_GAP = 0.35
# A word of blobs all smaller than this share of the letter height across is dust: the
# smallest character alone, a full stop, is a point beside a word, never a word of its own.
_SPECK_SHARE = 0.25
_DIGITS = "0123456789๐๑๒๓๔๕๖๗๘๙"
_HAS_DIGIT = re.compile(f"[{_DIGITS}]")
_LATIN = re.compile("[A-Za-z]")
_THAI_LETTER = re.compile("[\u0e01-\u0e4e]")
_MARK = re.compile(f"[{MARKS}]")


@dataclass
class _Blob:
    x0: int
    x1: int
    top: int
    bottom: int
    label: int


def reread(
    letters: np.ndarray, words: list[OcrWord], box: tuple[int, int, int, int], dpi: int
) -> list[OcrWord]:
    """The words of one block (a cell, or the page outside tables: `box` in pixels), their
    numbers read from the ink of `letters` (the page's text without its ruling lines)."""
    scale = dpi / 72
    out: list[OcrWord] = []
    for line in _lines(words):
        out.extend(_item_point(_reread_line(letters, line, box, scale)))
    return out


# A number opening a line, closed by commas or points and nothing after them: "๒," "๑,,".
_ITEM = re.compile(f"([{_DIGITS}]+(?:[.][{_DIGITS}]+)*)[.,]*,[.,]*")


def _item_point(line: list[OcrWord]) -> list[OcrWord]:
    """A line that opens with a number and a comma is a numbered item, its point read as a
    comma ("๒, มาตรการ…"): a point and a comma are the same speck on a copy, and no Thai
    line opens with a number and a comma. Read so, the item opens its row (a second measure
    left inside the first's row would give it the second's score)."""
    if line and line[0].symbols:
        found = _ITEM.fullmatch(line[0].text)
        if found is not None:
            first = line[0]
            a, b = first.symbols[0][1], first.symbols[-1][2]
            first.symbols = [(found.group(1) + ".", a, b)]
            first.text = found.group(1) + "."
    return line


def _lines(words: list[OcrWord]) -> Iterator[list[OcrWord]]:
    """Runs of words with the same line box (ocr_words gives each word its line's)."""
    line: list[OcrWord] = []
    for word in words:
        if line and (word.top, word.bottom) != (line[0].top, line[0].bottom):
            yield line
            line = []
        line.append(word)
    if line:
        yield line


def _reread_line(
    letters: np.ndarray, line: list[OcrWord], box: tuple[int, int, int, int], scale: float
) -> list[OcrWord]:
    import cv2

    top, bottom = int(line[0].top * scale), int(line[0].bottom * scale) + 1
    height = bottom - top
    left = max(box[0], int(min(w.x0 for w in line) * scale) - height)
    right = min(box[2], int(max(w.x1 for w in line) * scale) + height)
    strip = letters[top:bottom, left:right]
    if strip.size == 0 or not strip.any():  # OpenCV crashes on an empty image
        return line
    _, labels, stats, _ = cv2.connectedComponentsWithStats((strip > 0).astype(np.uint8))
    blobs = [
        _Blob(int(s[0]), int(s[0] + s[2]), int(s[1]), int(s[1] + s[3]), i)
        for i, s in enumerate(stats)
        if i and s[4] >= 4
    ]
    if not blobs:
        return line
    tallest = max(b.bottom - b.top for b in blobs)
    big = [b for b in blobs if b.bottom - b.top >= 0.5 * tallest]
    band_top = float(np.median([b.top for b in big]))
    baseline = float(np.median([b.bottom for b in big]))
    letter = baseline - band_top
    crossing = _crossing(letters, labels, top, left, (band_top, baseline))
    for group in _groups(blobs, _WORD_GAP * letter):
        if all(max(b.x1 - b.x0, b.bottom - b.top) < _SPECK_SHARE * letter for b in group):
            # Specks apart from any word (dust beside a number, at a cell's edge): no
            # character of their own, and no reason to doubt the word Tesseract read there.
            continue
        x0, x1 = min(b.x0 for b in group), max(b.x1 for b in group)
        span = ((left + x0) / scale, (left + x1) / scale)
        under = [w for w in line if min(w.x1, span[1]) - max(w.x0, span[0]) > 0]
        if _cut(letters, labels, group, top, left) or any(b.label in crossing for b in group):
            # Cut by the strip, or ink that runs on out of the line (a signature's or a
            # stamp's stroke through "30"): part of something else, whose strokes hide or
            # join digits. The number stands as Tesseract read it, in doubt.
            _doubt_unconfirmed(under, span)
            continue
        seen = "".join(w.text for w in under)
        marked = any(
            b.bottom <= band_top + 0.1 * letter or b.top >= baseline - 0.1 * letter
            for b in group
            if b.bottom - b.top < 0.5 * tallest
        )
        if not (_LATIN.search(seen) or _HAS_DIGIT.search(seen) or not marked):
            continue
        ink = np.isin(labels[:, x0:x1], [b.label for b in group]).astype(np.uint8)
        _read_group(line, under, ink, left + x0, scale, seen, marked)
    return [w for w in line if w.symbols]


def _cut(letters: np.ndarray, labels: np.ndarray, group: list[_Blob], top: int, left: int) -> bool:
    """Whether a word's ink runs on past either end of its line's strip: ink of the group in
    the strip's first or last column with ink beside it outside the strip. A speck that
    merely lies at the strip's edge (the cell's, where the strip is cut to the cell) ends
    there, and does not make the word beside it a doubt."""
    height, width = labels.shape
    mine = np.isin(labels, [b.label for b in group])
    for edge, outside in ((0, left - 1), (width - 1, left + width)):
        rows = np.nonzero(mine[:, edge])[0]
        if not len(rows) or not 0 <= outside < letters.shape[1]:
            continue
        lo, hi = top + max(0, rows.min() - 1), top + min(height, rows.max() + 2)
        if letters[lo:hi, outside].any():
            return True
    return False


def _crossing(
    letters: np.ndarray,
    labels: np.ndarray,
    top: int,
    left: int,
    band: tuple[float, float],
) -> set[int]:
    """The blobs of a line's strip that are part of a stroke from outside the line: ink
    that reaches into the line's letters (between the band's top and its baseline, in strip
    rows) from a letter's height above or below the line's box. A mark of the lines around
    stays in their own marks' room, a letter's ascender inside its line's box; a signature's
    or a stamp's stroke runs on through."""
    import cv2

    reach = max(2, round(band[1] - band[0]))
    height, width = labels.shape
    above = max(0, top - reach)
    tall = letters[above : top + height + reach, left : left + width]
    count, around = cv2.connectedComponents((tall > 0).astype(np.uint8))
    if count <= 1:
        return set()
    outer = set(np.unique(around[0])) | set(np.unique(around[-1]))
    outer.discard(0)
    if not outer:
        return set()
    offset = top - above
    rows = slice(offset + int(band[0]), offset + int(np.ceil(band[1])))
    inner = around[rows]
    through = {int(v) for v in np.unique(inner) if v in outer}
    if not through:
        return set()
    mine = around[offset : offset + height]
    return {int(v) for v in np.unique(labels[np.isin(mine, list(through)) & (labels > 0)])}


def _groups(blobs: list[_Blob], gap: float) -> Iterator[list[_Blob]]:
    """Blobs in words: a blob joins the word before when it starts within `gap` of its end
    (or above or below it: a mark)."""
    group: list[_Blob] = []
    end = 0
    for blob in sorted(blobs, key=lambda b: b.x0):
        if group and blob.x0 - end > gap:
            yield group
            group = []
        group.append(blob)
        end = max(end, blob.x1) if len(group) > 1 else blob.x1
    if group:
        yield group


def _read_group(
    line: list[OcrWord],
    under: list[OcrWord],
    ink: np.ndarray,
    left: int,
    scale: float,
    seen: str,
    marked: bool,
) -> None:
    """Read one word of ink by its shapes, and correct what Tesseract read there (`seen`)."""
    among = shapes.CHARACTERS if _LATIN.search(seen) else shapes.THAI
    readings = [r for r in shapes.read_line(ink, among) if r.character not in "'_"]
    span = (left / scale, (left + ink.shape[1]) / scale)
    if not readings or any(r.character in shapes.LATIN for r in readings):
        # A Latin word: Tesseract's English reading stands. Digits Tesseract saw in ink that
        # reads as Latin shapes are no number the shapes confirm (a signature's stroke joins
        # a score's digits to the words beside it): they are in doubt.
        _doubt_unconfirmed(under, span)
        return
    kinds = "".join(_kind(r.character) for r in readings)
    if "d" not in kinds:
        if not marked and all(r.margin >= _SURE_LETTER for r in readings):
            # Tesseract saw digits, Latin letters or marks in a Thai short form ("ก.ย." as
            # "1.8.", "กุย.", "ต.ค." as "A.A."): the ink has no mark, and its shapes are all
            # Thai, so nothing is lost by taking them.
            if _LATIN.search(seen) or _HAS_DIGIT.search(seen) or _MARK.search(seen):
                _replace(line, _span(readings, left, scale), "".join(r.character for r in readings))
        else:
            _undigit(under, readings, left, scale)
            _doubt_unconfirmed(under, span)
        return
    if not _HAS_DIGIT.search(seen) and (
        "l" in kinds or any(r.margin < SURE_MARGIN for r in readings if _kind(r.character) == "d")
    ):
        return  # Tesseract read letters here, and the shapes are not sure otherwise
    if "l" not in kinds:
        runs = [(0, len(readings))]
    else:
        # Digits joined to words: a number opens the word before a dot or bracket ("๑.จัดทำ"),
        # or closes it after one ("พ.ศ.๒๕๖๘"); elsewhere a digit-like shape is a letter. A
        # decimal number opening the word is read whole ("๘๙.๗๕คะแนน": not "๘๙" alone, which
        # would leave "๗๕" as Tesseract read it, "๓๕").
        opening = re.match(r"d+p{1,2}d+(?!p?d)|d[dp]*?(?=p)", kinds)
        found = (opening, re.search(r"(?<=p)d[dp]*$", kinds))
        runs = [m.span() for m in found if m is not None]
        if len(runs) == 2 and runs[1][0] < runs[0][1]:
            runs = runs[:1]
        taken = [_span(readings[start:end], left, scale) for start, end in runs]
        _doubt_disagreeing(under, readings, taken, left, scale)
    for start, end in runs:
        run = readings[start:end]
        _replace(line, _span(run, left, scale), _number_text(run), *_doubt(run))


def _span(readings: list[shapes.Reading], left: int, scale: float) -> tuple[float, float]:
    return (left + readings[0].x0) / scale, (left + readings[-1].x1) / scale


def _undigit(under: list[OcrWord], readings: list[shapes.Reading], left: int, scale: float) -> None:
    """A digit Tesseract put where the shape is surely not one ("มิ.ย๑" for "มิ.ย."): the
    shape's reading replaces it."""
    for word in under:
        for i, (text, a, b) in enumerate(word.symbols):
            if text not in _DIGITS:
                continue
            centre = (a + b) / 2 * scale - left
            shape = next((r for r in readings if r.x0 - 1 <= centre <= r.x1 + 1), None)
            if shape is not None and shape.margin >= _SURE_LETTER:
                word.symbols[i] = (shape.character, a, b)
        word.text = drop_orphan_marks("".join(t for t, _a, _b in word.symbols))


_DIGIT_RUN = re.compile(f"[{_DIGITS}][{_DIGITS}.,]*")


def _doubt_unconfirmed(under: list[OcrWord], span: tuple[float, float] | None = None) -> None:
    """Tesseract's digits where the shapes of the ink read as no digits: the number stands
    as Tesseract read it, in doubt (its Thai model cannot even write ๔ ๖ ๗ ๘ ๙). With a
    `span` (points), only digits Tesseract put inside it: one word of Tesseract's may hold
    two of the shapes' ("ตุลาคม.2567"), and letters that read unsurely doubt no digits
    beside them that read surely."""
    for word in under:
        text = word.text
        if span is not None and word.symbols:
            text = "".join(t for t, a, b in word.symbols if min(b, span[1]) > max(a, span[0]))
        runs = _DIGIT_RUN.findall(text)
        if runs and word.doubt is None:
            word.doubt = max(runs, key=len)


def _doubt_disagreeing(
    under: list[OcrWord],
    readings: list[shapes.Reading],
    taken: list[tuple[float, float]],
    left: int,
    scale: float,
) -> None:
    """Tesseract's digits in a word of letters and digits, outside the numbers taken from
    the shapes, where the shapes read their ink as other digits or as letters (a stamp's arc
    across "๘๗" read "ส่๓", "๘๖" under it read "๕๐"): the two readers disagree, and neither
    is taken there, so the number stands as Tesseract read it, in doubt."""
    for word in under:
        if word.doubt is not None:
            continue
        for text, a, b in word.symbols:
            digits = [c for c in text if c in _DIGITS]
            if not digits or any(min(b, y) - max(a, x) > 0 for x, y in taken):
                continue
            there = [
                r.character
                for r in readings
                if a <= (left + (r.x0 + r.x1) / 2) / scale <= b and r.character not in ".,"
            ]
            if [_ARABIC.get(c, c) for c in there] != [_ARABIC.get(c, c) for c in digits]:
                _doubt_unconfirmed([word])
                break


_ARABIC = {thai: str(i) for i, thai in enumerate("๐๑๒๓๔๕๖๗๘๙")}


def _kind(character: str) -> str:
    if character in _DIGITS:
        return "d"
    return "p" if character in shapes.PUNCTUATION else "l"


# A decimal point takes room of its own: the digits either side of it stand further apart
# than this share of a digit's width (about half of one in the samples' fonts). Closer, the
# point is a speck of dust that fell between two digits ("85" read as "8.5").
_POINT_ROOM = 0.3


def _doubt(readings: list[shapes.Reading]) -> tuple[bool, bool]:
    """Whether the number is in doubt, and whether only for a point that may be a speck (its
    digits read surely): where no number can hold a point, the doubt goes with the point."""
    # A number's digit is sure when no digit of another value (nor a mark) is near: a
    # letter its shape also resembles is no reading of a number's place ("๒" and "ษ"). A
    # mark read from its shape is judged so too: a "๑" read as a point (margin 1.07) cut
    # "๓๑ มีนาคม" to "๓." (150 dpi, seed 51), where a mark told by its size is sure.
    if any(
        r.number_margin < SURE_MARGIN
        for r in readings
        if r.character in _DIGITS or r.character in shapes.PUNCTUATION
    ):
        return True, False
    text = "".join(r.character for r in readings)
    if _MIXED_SCRIPTS.search(text):
        # A number is written in one script: Arabic and Thai digits in one run ("9๖.50"
        # for 95.50 under specks) mean a digit was read as another, though surely.
        return True, False
    if _SEPARATORS.search(text):  # "1,.1": one of the two is a speck; which, no reader knows
        return True, True
    widths = [r.x1 - r.x0 for r in readings if r.character in _DIGITS]
    if not widths:
        return False, False
    digit = float(np.median(widths))
    crowded = any(
        readings[i].character in ".,"
        and readings[i - 1].character in _DIGITS
        and readings[i + 1].character in _DIGITS
        and readings[i + 1].x0 - readings[i - 1].x1 < _POINT_ROOM * digit
        for i in range(1, len(readings) - 1)
    )
    return crowded, crowded


_MIXED_SCRIPTS = re.compile(r"[0-9][0-9.,]*[๐-๙]|[๐-๙][๐-๙.,]*[0-9]")

# Two separators side by side between digits: no number is written so.
_SEPARATORS = re.compile(f"(?<=[{_DIGITS}])[.,]{{2,}}(?=[{_DIGITS}])")


def _number_text(readings: list[shapes.Reading]) -> str:
    text = "".join(r.character for r in readings)
    # A speck beside a point: read as the one point a number has there, and kept a doubt.
    text = _SEPARATORS.sub(".", text)
    # A per cent sign is three blobs: two rings and a stroke.
    text = re.sub(f"(?<=[{_DIGITS}])[0o๐]/[0o๐]$", "%", text)
    # A dot and a comma are the same speck in a scan; three digits after it make it a
    # thousands separator (a score has at most two decimals).
    return re.sub(f"(?<=[{_DIGITS}])[.,](?=[{_DIGITS}]{{3}}(?![{_DIGITS}]))", ",", text)


def _replace(
    line: list[OcrWord],
    at: tuple[float, float],
    text: str,
    doubt: bool = False,
    only_point: bool = False,
) -> None:
    """Put `text` where Tesseract read the symbols between x at[0] and at[1] (points): in
    the first word holding any, the others losing theirs; a new word where it read none."""
    hits = [
        (w, i)
        for w in line
        for i, (_t, a, b) in enumerate(w.symbols)
        if min(b, at[1]) - max(a, at[0]) >= 0.3 * (b - a)
        # Tesseract's own digits there, however loose its box: the number read once
        or (_t in _DIGITS and min(b, at[1]) - max(a, at[0]) > 0)
    ]
    if not hits:
        if len(text) < 2 or doubt:
            return  # a lone stroke where Tesseract saw nothing is more often a speck than a digit
        first = line[0]
        word = OcrWord("", at[0], at[1], first.top, first.bottom, first.size, first.confidence)
        word.symbols = [(text, at[0], at[1])]
        line.insert(sum(w.x0 < at[0] for w in line), word)
        hits = [(word, 0)]
    owner, index = hits[0]
    for word, i in reversed(hits[1:]):
        del word.symbols[i]
    owner.symbols[index] = (text, at[0], at[1])
    after = owner.symbols[index + 1 : index + 2]
    if after and text[-1:] in shapes.PUNCTUATION and after[0][0] == text[-1]:
        del owner.symbols[index + 1]  # the number's own dot, read by Tesseract as well
    for word in {id(w): w for w, _i in hits}.values():
        if word.symbols:
            word.text = drop_orphan_marks("".join(t for t, _a, _b in word.symbols))
            word.x0 = min(a for _t, a, _b in word.symbols)
            word.x1 = max(b for _t, _a, b in word.symbols)
    if doubt:
        owner.doubt = text
        owner.doubt_point = only_point
