"""OCR reader: a page without a usable text layer, read from its image with Tesseract.

The page is rendered, straightened, its ruling lines found and turned into the same edges
pdfplumber finds in a vector PDF, so its table finder builds the cells exactly as it does for
a text-layer page. Each cell is then read on its own (Tesseract's page layout analysis merges
the lines of neighbouring cells), the rest of the page as one block, and every word comes back
as a glyph of the PDF reader's form, in PDF points: from there on a scanned page is read like
any other.

Tesseract reads Thai words well and Thai digits badly, so every word that may hold a number
is read again from the shapes of its ink (itaparse.readers.shapes); a number read with too
thin a margin is kept as a doubt, and the report turns a doubtful score into a warning
rather than a number.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
from PIL import Image

from itaparse.errors import MissingToolError
from itaparse.readers.ocr_numbers import reread
from itaparse.readers.ocr_words import OcrWord, fit_to_ink, read_words
from itaparse.readers.scan_cleanup import faint_marks, leader_dots, letter_height, specks
from itaparse.thai.dates import MONTH_NAMES
from itaparse.thai.dictionary import coverage
from itaparse.thai.marks import restore_tone_marks

# Measured on the scanned samples (bench/ocr_scans.py --dpi 200 300 400): at 300 dpi every
# sample read its right measure count and 96.5% of its structural fields, at 0.97 s a page;
# 200 dpi lost two samples' structure (83.3%), 400 dpi read worse (92.9%) and slower (1.25 s).
DPI = 300
LANGUAGES = "tha+eng"
THAI_ONLY = "tha"
MAX_SKEW = 3.0  # degrees
# A rule is a straight run this many letter heights long, at least (a tall letter's stroke,
# "ไ", "ป", is about one and a half).
_RULE_LETTERS = 3.0
# Breaks in a copied rule up to this share of a letter height are bridged (a tone mark sits
# further than this from its letter).
_RULE_GAP = 0.15
# Pieces of a rule at least a letter long are joined across breaks this many times wider.
_PIECE_GAP_SHARE = 2
_INSTALL = "apt-get install tesseract-ocr tesseract-ocr-tha"
_TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
)


@dataclass
class ScannedPage:
    words: list[OcrWord]
    tables: list[Any]  # pdfplumber Table objects built from the image's ruling lines
    confidence: float | None  # mean word confidence, 0-100


def tessdata() -> str:
    """The folder holding Tesseract's Thai and English models."""
    prefix = os.environ.get("TESSDATA_PREFIX")
    for folder in (prefix, *_TESSDATA_DIRS) if prefix else _TESSDATA_DIRS:
        if (Path(folder) / "tha.traineddata").is_file() and (
            Path(folder) / "eng.traineddata"
        ).is_file():
            return str(folder)
    raise MissingToolError(
        "tesseract",
        f"reading scanned pages needs Tesseract's Thai model (Debian/Ubuntu: {_INSTALL}; "
        "or set TESSDATA_PREFIX to the folder holding tha.traineddata)",
    )


# Called with (pages read, pages to read) as each scanned page is read: a command line's
# progress display sets it (OCR takes seconds a page).
page_progress: ContextVar[Callable[[int, int], None] | None] = ContextVar(
    "page_progress", default=None
)

_LOCK = threading.Lock()  # one Tesseract engine per process, not safe across threads


@lru_cache(maxsize=2)
def _engine(languages: str = LANGUAGES) -> Any:
    try:
        import tesserocr
    except ImportError as exc:  # an install without the OCR dependency
        raise MissingToolError(
            "tesserocr", "reading scanned pages needs the tesserocr package (pip install tesserocr)"
        ) from exc
    api = tesserocr.PyTessBaseAPI(path=tessdata(), lang=languages)
    # One block of text, for a cell and for the rest of the page alike: Tesseract's own page
    # layout (PSM.AUTO) cut borderless tables into columns and dropped words; on the scanned
    # samples two borderless tables came out with extra measures, and the real scan read
    # 95.8% dictionary words against 95.9% as one block.
    api.SetPageSegMode(tesserocr.PSM.SINGLE_BLOCK)
    return api


_LATIN_LETTER = re.compile("[A-Za-z]")
# Tesseract's English model takes a damaged Thai word for Latin letters ("โครงการ" read
# "lasunis"): a block read with this many Latin letters is read again in Thai alone, and the
# reading that more of its letters make sense of is kept (real English, "Gift Policy", reads
# as Thai nonsense). A Latin letter counts for half a Thai letter in a dictionary word.
_LATIN_TO_CHECK = 3
_LATIN_WEIGHT = 0.5
# Thai abbreviations are letters each closed by a point ("ต.ค.", "พ.ศ.", "ก.ย."): no dictionary
# holds them, and Tesseract's English model reads a damaged one as Latin capitals ("A.A.",
# "UA."). A block with a Latin word of that shape is read again in Thai alone, and the
# letters of the abbreviations dates are written with count as sense: only those, since the
# Thai model reads a mark-like letter as another ("ก.ข." for "ก.ย."), which the number
# reader mends only in a Latin reading ("1.8.").
_LATIN_ABBREVIATION = re.compile(
    r"(?<![A-Za-z])[A-Za-z]{1,3}[.,](?:[A-Za-z]{1,2}[.,])?(?![A-Za-z])"
)
_DATE_ABBREVIATIONS = re.compile(
    "|".join(
        re.escape(m) for m in sorted({*MONTH_NAMES, "พ.ศ."}, key=len, reverse=True) if "." in m
    )
)


def _sense(words: list[OcrWord]) -> float:
    text = " ".join(w.text for w in words)
    abbreviated = sum(
        len(re.sub(r"[^\u0e01-\u0e2e]", "", m.group(0))) for m in _DATE_ABBREVIATIONS.finditer(text)
    )
    return coverage(text)[0] + abbreviated + _LATIN_WEIGHT * len(_LATIN_LETTER.findall(text))


def _latin_to_check(words: list[OcrWord]) -> bool:
    text = " ".join(w.text for w in words)
    return len(_LATIN_LETTER.findall(text)) >= _LATIN_TO_CHECK or bool(
        _LATIN_ABBREVIATION.search(text)
    )


def render(path: Path, index: int, dpi: int = DPI) -> Image.Image:
    """Page `index` (0-based) as a grayscale image."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        bitmap = pdf[index].render(scale=dpi / 72, grayscale=True)
        image: Image.Image = bitmap.to_pil().convert("L")
        return image
    finally:
        pdf.close()


def _ink(gray: np.ndarray) -> np.ndarray:
    """Dark pixels as 255, paper as 0, whatever the scan's brightness."""
    return _threshold(gray)[1]


def _threshold(gray: np.ndarray) -> tuple[float, np.ndarray]:
    import cv2

    level, binary = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return float(level), binary


def _has_ink(letters: np.ndarray) -> bool:
    """Whether a region holds anything to read: more than a speck of the text's ink. The ink
    is what the page's own threshold found (a fixed grey level took a faint copy's whole
    page, palest at 131 of 255, for blank, and its rows were lost without a word)."""
    return int(np.count_nonzero(letters)) > 12


def skew(ink: np.ndarray) -> float:
    """The angle (degrees) that makes the page's rows of ink most level: text lines and ruling
    lines both make the row profile sharpest when horizontal."""
    import cv2

    scale = min(1.0, 900 / ink.shape[1])
    small = cv2.resize(ink, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    h, w = small.shape
    centre = (w / 2, h / 2)

    def sharpness(angle: float) -> float:
        matrix = cv2.getRotationMatrix2D(centre, angle, 1.0)
        turned = cv2.warpAffine(small, matrix, (w, h), flags=cv2.INTER_NEAREST)
        profile = turned.sum(axis=1, dtype=np.float64)
        return float(np.square(np.diff(profile)).sum())

    # Sheets are laid up to a few degrees askew (issue 17: copiers' scans at 0.3-2 degrees);
    # a coarse pass finds the angle's neighbourhood, a fine one the angle.
    best = max(np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.2), key=sharpness)
    fine = np.arange(best - 0.2, best + 0.201, 0.02)
    return float(max(fine, key=sharpness))


def _straighten(gray: np.ndarray, angle: float) -> np.ndarray:
    import cv2

    if abs(angle) < 0.02:
        return gray
    h, w = gray.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(
        gray,
        matrix,
        (w, h),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=255,
    )


def ruling_lines(ink: np.ndarray, letter: float) -> tuple[np.ndarray, np.ndarray]:
    """The ink of horizontal and of vertical ruling lines: straight runs longer than any
    letter's stroke (`letter`: the page's letter height in pixels); dotted leaders break up
    under the opening. A copy's rules are broken and stair-stepped (a thin rule thresholded to
    one bit, a sheet turned by nearest neighbour): the runs are found a pixel either side of
    the line, and as short as twice a letter, and the table finder joins the pieces. Dust
    cuts a rule into pieces shorter than that: pieces longer than any text makes are joined
    across breaks twice as wide first."""
    import cv2

    h, w = ink.shape
    reach = max(40, round(_RULE_LETTERS * letter))
    gap = max(3, round(_RULE_GAP * letter))

    def runs(
        source: np.ndarray, along: tuple[int, int], across: tuple[int, int], gap: int, piece: int
    ) -> np.ndarray:
        def kernel(length: int) -> np.ndarray:
            size = (length, 1) if along[1] == 1 else (1, length)
            return cv2.getStructuringElement(cv2.MORPH_RECT, size)

        length = max(along)
        grown = cv2.dilate(source, cv2.getStructuringElement(cv2.MORPH_RECT, across))
        grown = cv2.morphologyEx(grown, cv2.MORPH_CLOSE, kernel(gap))
        # Dust on the glass cuts a rule into pieces a speck apart, each too short to be a rule
        # alone: pieces longer than text makes (`piece`) are joined across wider breaks.
        pieces = cv2.morphologyEx(grown, cv2.MORPH_OPEN, kernel(min(piece, length)))
        joined = cv2.morphologyEx(pieces, cv2.MORPH_CLOSE, kernel(_PIECE_GAP_SHARE * gap))
        opened = cv2.morphologyEx(np.maximum(grown, joined), cv2.MORPH_OPEN, kernel(length))
        found: np.ndarray = opened & source
        return found

    # A word's flat letter feet make level pieces shorter than a letter height and further
    # apart than the wider break; no letter's stroke stands two letter heights tall.
    across = runs(ink, (min(reach, w // 30), 1), (1, 3), gap, round(letter))
    # Upright rules are looked for with the level ones taken out: else a tall letter in a
    # one-line row, bridged to the rules above and below it, would make a rule across the row.
    # Where an upright rule crosses a level one it is cut by the level rule's width, which
    # the bridge spans too (a rule is about as wide as the breaks bridged).
    upright = runs(ink & ~across, (1, min(reach, h // 40)), (3, 1), 2 * gap, round(2 * letter))
    return across, upright


def ruling_edges(lines: tuple[np.ndarray, np.ndarray], dpi: int) -> list[dict[str, Any]]:
    """The ruling lines as pdfplumber's edges, in PDF points."""
    import cv2

    pt = 72 / dpi
    edges: list[dict[str, Any]] = []
    for orientation, mask in zip("hv", lines, strict=True):
        count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        for x, y, bw, bh, _area in stats[1:count]:
            if orientation == "h":
                top = bottom = (y + bh / 2) * pt
                x0, x1 = x * pt, (x + bw) * pt
            else:
                x0 = x1 = (x + bw / 2) * pt
                top, bottom = y * pt, (y + bh) * pt
            edges.append(
                {
                    "x0": x0,
                    "x1": x1,
                    "top": top,
                    "bottom": bottom,
                    "width": x1 - x0,
                    "height": bottom - top,
                    "orientation": orientation,
                    "object_type": "line",
                }
            )
    return edges


def find_tables(edges: list[dict[str, Any]], width: float, height: float) -> list[Any]:
    """pdfplumber's table finder, given the image's ruling lines for a page's edges."""
    from pdfplumber.table import TableFinder

    page = SimpleNamespace(edges=edges, bbox=(0, 0, width, height))
    settings = {"snap_tolerance": 3, "join_tolerance": 6, "intersection_tolerance": 4}
    return list(TableFinder(page, settings).tables)  # type: ignore[arg-type]


def read_page(path: Path, index: int, dpi: int = DPI) -> ScannedPage:
    """Page `index` (0-based) of the PDF at `path`, read from its image."""
    with _LOCK:
        return _read_page(render(path, index, dpi), dpi)


def _read_block(
    api: Any,
    image: Image.Image,
    letters: np.ndarray,
    box: tuple[int, int, int, int],
    dpi: int,
    letter: float,
) -> list[OcrWord]:
    """The words of one block of the page (a cell, or all outside the tables), cleaned and
    their numbers read again: `image` is the block, `box` where it lies on the page, `letter`
    the page's letter height in pixels."""
    found = read_words(api, image, (box[0], box[1]), dpi)
    if _latin_to_check(found):
        thai = read_words(_engine(THAI_ONLY), image, (box[0], box[1]), dpi)
        if _sense(thai) > _sense(found):
            found = thai
    return reread(letters, fit_to_ink(letters, found, box, dpi, letter), box, dpi)


def _read_page(image: Image.Image, dpi: int) -> ScannedPage:
    gray = np.asarray(image)
    angle = skew(_ink(gray))
    gray = _straighten(gray, angle)
    level, ink = _threshold(gray)
    # Dust and toner specks, dotted fill-in lines, and faint ink that is not the text (a
    # stamp, show-through): Tesseract reads them all as letters and digits, a speck beside a
    # number as its decimal point, a stamp's words into the cell it covers.
    noise = specks(ink) | leader_dots(ink) | faint_marks(gray, ink, level)
    gray = np.where(noise, 255, gray).astype(np.uint8)
    ink[noise] = 0
    straight = Image.fromarray(gray)
    pt = 72 / dpi
    letter = letter_height(ink)
    lines = ruling_lines(ink, letter)
    tables = find_tables(ruling_edges(lines, dpi), gray.shape[1] * pt, gray.shape[0] * pt)
    letters = ink & ~(lines[0] | lines[1])  # the shapes of the text, without the table's rules
    api = _engine()
    words: list[OcrWord] = []
    # A line's ink bleeds a few pixels into the cell: keep them out of the letters.
    inset = max(2, round(dpi / 75))
    for table in tables:
        for cell in table.cells:
            x0, y0, x1, y1 = (round(v / pt) for v in cell)
            x0, y0, x1, y1 = x0 + inset, y0 + inset, x1 - inset, y1 - inset
            if x1 - x0 < 4 or y1 - y0 < 4 or not _has_ink(letters[y0:y1, x0:x1]):
                continue
            box = (x0, y0, x1, y1)
            words.extend(_read_block(api, straight.crop(box), letters, box, dpi, letter))
    outside = gray.copy()
    rest = letters.copy()
    for table in tables:
        x0, y0, x1, y1 = (round(v / pt) for v in table.bbox)
        outside[max(0, y0 - inset) : y1 + inset, max(0, x0 - inset) : x1 + inset] = 255
        rest[max(0, y0 - inset) : y1 + inset, max(0, x0 - inset) : x1 + inset] = 0
    if _has_ink(rest):
        page = (0, 0, gray.shape[1], gray.shape[0])
        words.extend(_read_block(api, Image.fromarray(outside), rest, page, dpi, letter))
    for word in words:
        word.text = restore_tone_marks(word.text)
    confidence = sum(w.confidence for w in words) / len(words) if words else None
    return ScannedPage(words, tables, confidence)
