"""What a scanner adds to a page that is not the document: dust and toner specks, and the
dotted fill-in lines of forms, found in the page's ink (255 = ink) so the reader can blank
them before it looks for rules and reads glyphs."""

from __future__ import annotations

import numpy as np

# A speck is at most this share of the page's letter height across (a decimal point or a
# Thai tone mark is larger: about a fifth)...
_SPECK_SIDE = 0.12
# ...and lies this share of the letter height or more from any other ink: a mark or a point
# sits by its letter or digit, dust lands anywhere.
_SPECK_ALONE = 0.35


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
    """Dust and toner specks: blobs much smaller than a decimal point with no ink near them.
    A speck touching a letter is part of it, and is left to the readers' own checks."""
    import cv2

    count, labels, stats, _ = cv2.connectedComponentsWithStats((ink > 0).astype(np.uint8))
    if count <= 1:
        return np.zeros(ink.shape, bool)
    letter = _letter_height(stats)
    side = max(2.0, _SPECK_SIDE * letter)
    small = np.zeros(count, bool)
    small[1:] = (stats[1:, 2] <= side) & (stats[1:, 3] <= side)
    candidates: np.ndarray = small[labels]
    if not candidates.any():
        return candidates
    reach = max(1, round(_SPECK_ALONE * letter))
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * reach + 1, 2 * reach + 1))
    rest = ((ink > 0) & ~candidates).astype(np.uint8)
    near = cv2.dilate(rest, kernel) > 0
    touched = np.unique(labels[candidates & near])
    alone = small.copy()
    alone[touched] = False
    found: np.ndarray = alone[labels]
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
    np.minimum.at(darkest, labels.ravel().astype(np.intp), gray.ravel().astype(np.int32))
    sized = stats[1:, 4] > 4  # specks are judged elsewhere
    if sized.sum() < 20:
        return np.zeros(ink.shape, bool)
    text = float(np.percentile(darkest[1:][sized], 90))
    cut = text + max(_FAINT_MIN_STEP, _FAINT_SHARE * (threshold - text))
    faint = np.zeros(count, bool)
    faint[1:] = darkest[1:] > cut
    found: np.ndarray = faint[labels]
    return found
