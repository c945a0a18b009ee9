"""Characters read from their shapes: what OCR gets wrong in numbers, read again.

Tesseract's Thai model reads Thai words well and Thai digits badly (๖๗ as "๒ซ", ๒๕๖๘ as
"๒๕๒๕"): on 194 Thai numbers cut from the scanned samples it read 29 right, 44 with a
digits-only whitelist. Printed digits are few and fixed in shape, so they are read here by
comparing each blob of ink with reference shapes drawn from Thai fonts (tools/build_shapes.py
writes them to shapes.npz): the nearest reference names it, and the distance to the nearest
reference of another character says how sure that is. Thai letters are among the references,
so that a letter is not taken for the digit it resembles.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

SIDE = 16  # a shape is compared as a SIDE x SIDE image, its aspect kept as a feature
DIGITS = "๐๑๒๓๔๕๖๗๘๙0123456789"
PUNCTUATION = "().,-/:%"
# Letters that stand on the line by themselves (marks are separate blobs, and no digit has
# one): what a digit-shaped blob might be instead.
LETTERS = (
    "กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรฤลฦวศษสหฬอฮ"  # consonants
    "ะาเแโใไๆฯ"
)
# Latin letters, so that an English word is not read as Thai digits and letters.
LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
CHARACTERS = DIGITS + PUNCTUATION + LETTERS + LATIN
_DATA = Path(__file__).with_name("shapes.npz")
_ASPECT_WEIGHT = 4.0


def features(blob: np.ndarray) -> np.ndarray:
    """A blob of ink (2-D, nonzero = ink, cropped to its box) as a vector: its shape scaled
    into a square with the aspect kept, and the aspect itself."""
    import cv2

    h, w = blob.shape
    side = max(h, w)
    square = np.zeros((side, side), np.float32)
    y, x = (side - h) // 2, (side - w) // 2
    square[y : y + h, x : x + w] = blob > 0
    small = cv2.resize(square, (SIDE, SIDE), interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (3, 3), 0)
    norm = float(np.linalg.norm(small)) or 1.0
    aspect = np.log(w / h) * _ASPECT_WEIGHT / SIDE
    return np.append(small.ravel() / norm, aspect).astype(np.float32)


@dataclass
class Reading:
    character: str
    distance: float  # to the nearest reference shape
    margin: float  # distance to the nearest other character over `distance`, >= 1
    x0: int = 0  # the blob's columns in the line image
    x1: int = 0
    # Among a number's characters, what matters is another value: the distance to the
    # nearest digit of another value or mark over `distance` (letters, and the same digit in
    # the other script, left out); None for a blob that is no digit.
    rival_margin: float | None = None

    @property
    def number_margin(self) -> float:
        """How surely the blob is this digit rather than another value, in a number."""
        return self.margin if self.rival_margin is None else self.rival_margin


@lru_cache(maxsize=1)
def references() -> tuple[np.ndarray, np.ndarray]:
    """(vectors, labels as indexes into CHARACTERS)."""
    with np.load(_DATA) as data:
        return data["vectors"].astype(np.float32) / 127.5 - 1, data["labels"]


THAI = DIGITS + PUNCTUATION + LETTERS


@lru_cache(maxsize=4)
def _subset(among: str) -> tuple[np.ndarray, np.ndarray]:
    vectors, labels = references()
    keep = np.isin(labels, [CHARACTERS.index(c) for c in among])
    return vectors[keep], labels[keep]


# A digit's value, the same in either script; marks stand for themselves.
_VALUE = {c: str(DIGITS.index(c) % 10) for c in DIGITS} | {c: c for c in PUNCTUATION}


@lru_cache(maxsize=4)
def _values(among: str) -> np.ndarray:
    """The value of each reference of `among`'s subset, "" for a letter."""
    return np.array([_VALUE.get(CHARACTERS[int(i)], "") for i in _subset(among)[1]])


def read(blob: np.ndarray, among: str = THAI) -> Reading:
    """The character of `among` one blob of ink is most like."""
    vectors, labels = _subset(among)
    distances = np.linalg.norm(vectors - features(blob), axis=1)
    best_index = int(np.argmin(distances))
    best = int(labels[best_index])
    nearest = max(float(distances[best_index]), 1e-6)
    other = float(distances[labels != best].min())
    character = CHARACTERS[best]
    margin = other / nearest
    if character not in DIGITS:
        return Reading(character, nearest, margin)
    values = _values(among)
    rivals = (values != "") & (values != _VALUE[character])
    rival = float(distances[rivals].min()) if rivals.any() else other
    return Reading(character, nearest, margin, rival_margin=rival / nearest)


# A blob lower than this share of the line's digit height is punctuation (dot, comma, dash).
_SMALL = 0.4
# Splitting a blob in two must fit both halves this much better than the whole fits.
_SPLIT_GAIN = 0.85


def _split(blob: np.ndarray, among: str) -> list[Reading]:
    """Glyphs that touch (a scan's ink spreads: ๕๖ is often one blob) read apart: cut where
    the fewest ink columns are, keep the cut if both sides read better than the whole."""
    whole = read(blob, among)
    h, w = blob.shape
    if w < 0.9 * h:
        return [whole]
    columns = (blob > 0).sum(axis=0)
    lo, hi = int(0.25 * w), int(0.75 * w)
    cut = lo + int(np.argmin(columns[lo:hi]))
    left, right = _trim(blob[:, :cut]), _trim(blob[:, cut:])
    if left is None or right is None:
        return [whole]
    pieces = [read(left, among), read(right, among)]
    if max(p.distance for p in pieces) > _SPLIT_GAIN * whole.distance:
        return [whole]
    return _split(left, among) + _split(right, among)


def _place(readings: list[Reading], x0: int, x1: int) -> list[Reading]:
    for r in readings:
        r.x0, r.x1 = x0, x1
    return readings


def _trim(blob: np.ndarray) -> np.ndarray | None:
    ys, xs = np.nonzero(blob)
    if len(ys) < 4:
        return None
    return blob[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]


def read_line(ink: np.ndarray, among: str = THAI) -> list[Reading]:
    """The characters of one line of ink (nonzero = ink), left to right."""
    import cv2

    if ink.size == 0:  # OpenCV crashes on an empty image
        return []
    count, labels, stats, _ = cv2.connectedComponentsWithStats(
        (ink > 0).astype(np.uint8), connectivity=8
    )
    blobs = [
        (int(stats[i][0]), int(stats[i][1]), int(stats[i][2]), int(stats[i][3]), i)
        for i in range(1, count)
        if stats[i][4] >= 4
    ]
    if not blobs:
        return []
    tallest = max(b[3] for b in blobs)
    big = [b for b in blobs if b[3] >= 0.5 * tallest]
    height = float(np.median([b[3] for b in big]))
    baseline = float(np.median([b[1] + b[3] for b in big]))
    out: list[Reading] = []
    for x, y, w, h, i in sorted(blobs):
        if h < _SMALL * height:
            mark = _punctuation(y, w, h, height, baseline)
            out.append(Reading(mark, 0.0, 10.0, x, x + w))
            continue
        blob = (labels[y : y + h, x : x + w] == i).astype(np.uint8)
        out.extend(_place(_split(blob, among), x, x + w))
    return out


def _punctuation(top: int, w: int, h: int, height: float, baseline: float) -> str:
    """A small blob by where it sits: on the baseline a dot, below it a comma's tail, at mid
    height a dash; above the letters, a mark (which no number has)."""
    bottom = top + h
    if bottom > baseline - 0.25 * height and (h > 1.4 * w or bottom > baseline + 0.15 * height):
        return ","  # a dot with a tail
    if bottom > baseline - 0.25 * height:
        return "." if w < 0.45 * height else "_"
    if top > baseline - 0.85 * height:
        return "-"
    return "'"
