"""What a scanner adds to a page that is not the document: dust and toner specks, and the
dotted fill-in lines of forms, found in the page's ink (255 = ink) so the reader can blank
them before it looks for rules and reads glyphs."""

from __future__ import annotations

import numpy as np

# A blob at most this share of the page's letter height across is a speck wherever no mark of
# a font accounts for it, whatever its shape (a decimal point or a tone mark is larger: about
# a fifth).
_SPECK_SIDE = 0.12
# A blob of fewer pixels than this share of the letter height squared is dust wherever it
# lies: the smallest mark any font of the samples draws (a full stop or a tone mark in a
# small, light face) covers 0.016 of it at 150 to 300 dpi, a speck of a pixel or two a tenth.
_DUST_AREA = 0.011
# Blobs up to a full stop's size (sides and area as shares of the letter height) must be
# accounted for by where a font puts its small marks:
_POINT_SIDE = 0.2
_POINT_AREA = 0.035
_LETTER_SHARE = 0.3  # a letter or digit beside a point is at least this tall,
_POINT_GAP = 0.6  # and this near it ("1." in a wide face: 0.54),
_BASELINE = 0.12  # with its foot this near the point's;
_MARK_GAP = 0.35  # a mark lies this near the blob it stands over or under,
_PAIR_GAP = 0.6  # two like small blobs this near each other, one over the other ("ะ", ":").


def _letter_height(stats: np.ndarray) -> float:
    """The median height of the page's letter-sized blobs, in pixels."""
    h = stats[1:, 3]
    return float(np.median(h[h > 8])) if np.any(h > 8) else 20.0


def letter_height(ink: np.ndarray) -> float:
    """The median height of the page's letters, in pixels."""
    import cv2

    stats = cv2.connectedComponentsWithStats((ink > 0).astype(np.uint8))[2]
    return _letter_height(stats)


def specks(ink: np.ndarray) -> np.ndarray:
    """Dust and toner specks: small round blobs that no letter accounts for. Such a blob far
    from any ink is dust; one beside the text is kept only where a font puts a small mark: on
    the line's baseline next to a letter or digit (a full stop, a decimal point), or just above
    or below another blob (a tone mark, a vowel, a colon's dots). A speck touching a letter is
    part of it, and is left to the readers' own checks."""
    import cv2

    count, labels, stats, _ = cv2.connectedComponentsWithStats((ink > 0).astype(np.uint8))
    if count <= 1:
        return np.zeros(ink.shape, bool)
    letter = _letter_height(stats)
    x, y, w, h, area = (stats[1:, k].astype(np.float64) for k in range(5))
    side = max(2.0, _SPECK_SIDE * letter)
    lone_sized = (w <= side) & (h <= side)
    # Blobs the size of a full stop or smaller, about as wide as tall: dust is square or
    # round, a dash or a tone mark long.
    candidate = (
        (np.maximum(w, h) <= _POINT_SIDE * letter)
        & (area <= _POINT_AREA * letter * letter)
        & (np.maximum(w, h) <= 2 * np.minimum(w, h))
    ) | lone_sized
    dust = np.zeros(count, bool)
    if candidate.any():
        dust[1:][candidate] = _unaccounted(
            np.flatnonzero(candidate), np.flatnonzero(~candidate), (x, y, w, h), letter
        )
        dust[1:] |= candidate & (area < _DUST_AREA * letter * letter)
    found: np.ndarray = dust[labels]
    return found


def _unaccounted(
    small: np.ndarray, rest: np.ndarray, boxes: tuple[np.ndarray, ...], letter: float
) -> np.ndarray:
    """Which of the small blobs (indices into `boxes`) no font's mark explains: not on the
    baseline beside a letter-high blob, not above or below another blob."""
    x, y, w, h = boxes
    right, bottom = x + w, y + h
    tall = rest[h[rest] >= _LETTER_SHARE * letter]
    point = np.zeros(len(small), bool)
    near = _POINT_GAP * letter
    for part in range(0, len(small), 512):
        s = small[part : part + 512, None]
        gap = np.maximum(x[tall][None, :] - right[s], x[s] - right[tall][None, :])
        level = np.abs(bottom[s] - bottom[tall][None, :]) <= _BASELINE * letter
        point[part : part + 512] = ((gap <= near) & level).any(axis=1)
    # A mark stands over or under another blob: a letter, a vowel, or a point kept above
    # (the lower dot of a colon).
    anchors = np.concatenate([rest, small[point]])
    mark = np.zeros(len(small), bool)
    reach = _MARK_GAP * letter
    for part in range(0, len(small), 512):
        s = small[part : part + 512, None]
        a = anchors[None, :]
        overlap = (x[s] <= right[a] + 0.1 * letter) & (x[a] <= right[s] + 0.1 * letter)
        above = y[a] - bottom[s]
        below = y[s] - bottom[a]
        close = ((above >= -1) & (above <= reach)) | ((below >= -1) & (below <= reach))
        mark[part : part + 512] = (overlap & close & (a != s)).any(axis=1)
    unexplained: np.ndarray = ~(point | mark | _stacked_pairs(small, boxes, letter))
    return unexplained


def _stacked_pairs(small: np.ndarray, boxes: tuple[np.ndarray, ...], letter: float) -> np.ndarray:
    """Small blobs with a like one straight above or below them: the two loops of sara a
    ("ะ") in a light face, a colon's dots. Two specks of dust seldom fall so."""
    x, y, w, h = boxes
    order = small[np.argsort(x[small], kind="stable")]
    paired = np.zeros(len(x), bool)
    for k, i in enumerate(order):
        for j in order[k + 1 :]:
            if x[j] > x[i] + w[i]:
                break  # sorted by left edge: none further right overlaps
            gap = max(y[j] - (y[i] + h[i]), y[i] - (y[j] + h[j]))
            like = max(w[i] * h[i], w[j] * h[j]) <= 2.5 * min(w[i] * h[i], w[j] * h[j])
            if 0 <= gap <= _PAIR_GAP * letter and like:
                paired[i] = paired[j] = True
    found: np.ndarray = paired[small]
    return found


def leader_dots(ink: np.ndarray) -> np.ndarray:
    """The ink of dotted fill-in lines ("ลงชื่อ................"): rows of at least eight
    specks at an even pitch. Tesseract reads them as strings of letters and digits."""
    import cv2

    count, labels, stats, _ = cv2.connectedComponentsWithStats((ink > 0).astype(np.uint8))
    letter = _letter_height(stats)
    specks = [
        i
        for i in range(1, count)
        if stats[i][2] <= 0.35 * letter and stats[i][3] <= 0.35 * letter and stats[i][4] >= 2
    ]
    rows: dict[int, list[tuple[float, int]]] = {}
    for i in specks:
        y = int((stats[i][1] + stats[i][3] / 2) // 3)  # a leader's dots share a row within 3 px
        rows.setdefault(y, []).append((stats[i][0] + stats[i][2] / 2, i))
    dots: list[int] = []
    for y in sorted(rows):
        near = sorted(rows[y] + rows.get(y + 1, []))
        run: list[tuple[float, int]] = []
        for x, i in near:
            if run and x - run[-1][0] > 0.8 * letter:
                dots.extend(j for _x, j in run if len(run) >= 8)
                run = []
            run.append((x, i))
        dots.extend(j for _x, j in run if len(run) >= 8)
    return np.isin(labels, dots)


# Ink is faint, not text, where its darkest pixel is this much lighter than nearly all the
# page's text (its 90th percentile), as a share of the way from there to the paper's
# threshold: a stamp or show-through is one tone throughout, a letter has a dark core.
_FAINT_SHARE = 0.5
_FAINT_MIN_STEP = 30  # grey levels, at least
_RULE_THICK = 0.25  # a rule's piece is at most this share of a letter height thick


def faint_marks(gray: np.ndarray, ink: np.ndarray, threshold: float) -> np.ndarray:
    """Ink much fainter than the page's text: a stamp pressed lightly, pencil, what shows
    through from the back of the sheet. Blobs whose darkest pixel is far lighter than the
    darkest pixel of nearly every other blob; on a page faint all over (a light copy) the
    text itself is as faint and nothing is taken. Where a stamp crosses a letter the two are
    one blob, kept whole."""
    import cv2

    count, labels, stats, _ = cv2.connectedComponentsWithStats((ink > 0).astype(np.uint8))
    if count <= 2:
        return np.zeros(ink.shape, bool)
    darkest = np.full(count, 255, np.int32)
    inked = labels > 0  # the paper's pixels belong to no blob: leave them out, it is quicker
    np.minimum.at(darkest, labels[inked].astype(np.intp), gray[inked].astype(np.int32))
    sized = stats[1:, 4] > 4  # specks are judged elsewhere
    if sized.sum() < 20:
        return np.zeros(ink.shape, bool)
    text = float(np.percentile(darkest[1:][sized], 90))
    cut = text + max(_FAINT_MIN_STEP, _FAINT_SHARE * (threshold - text))
    faint = np.zeros(count, bool)
    # A thin rule is printed lighter than text; where dust cut it, its pieces stand apart
    # from the table's grid and would be taken for faint ink: a straight, thin piece stays.
    letter = _letter_height(stats)
    w, h = stats[1:, 2], stats[1:, 3]
    straight = ((h <= _RULE_THICK * letter) & (w >= letter)) | (
        (w <= _RULE_THICK * letter) & (h >= letter)
    )
    faint[1:] = (darkest[1:] > cut) & ~straight
    found: np.ndarray = faint[labels]
    return found
