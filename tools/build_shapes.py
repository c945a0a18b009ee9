"""Write itaparse/readers/shapes.npz: the reference shapes OCR's number reader compares with.

usage: python tools/build_shapes.py [--exclude FAMILY ...]

Each character of itaparse.readers.shapes.CHARACTERS is drawn in every TLWG Thai font
(Debian: fonts-thai-tlwg; Laksaman is the free twin of TH Sarabun, the government's font)
and every Noto Thai family (Debian: fonts-noto-core), regular and bold, at the size a
16-point line has in a 300 dpi scan, and again thickened and thinned (a scanner's ink
spread). --exclude leaves families out, to measure how the reader
does on a font it has never seen.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from itaparse.readers.shapes import CHARACTERS, features  # noqa: E402

TLWG = Path("/usr/share/fonts/truetype/tlwg")
NOTO = Path("/usr/share/fonts/truetype/noto")
# family -> (regular, bold) font files. The TLWG families (fonts-thai-tlwg) are the shapes of
# the government's fonts (Laksaman is TH Sarabun's free twin); Google's Noto Thai families
# (fonts-noto-core) draw digits otherwise (Looped Thai with loops, Sans without), as the
# fonts Chromium, LibreOffice and phones fall back to do.
FAMILIES = {
    **{
        family: (TLWG / f"{family}.ttf", TLWG / f"{family}-Bold.ttf")
        for family in (
            "Laksaman",
            "Garuda",
            "Kinnari",
            "Loma",
            "Norasi",
            "Sawasdee",
            "Umpush",
            "Waree",
            "Purisa",
            "TlwgTypo",
        )
    },
    **{
        family: (NOTO / f"{family}-Regular.ttf", NOTO / f"{family}-Bold.ttf")
        for family in ("NotoSansThai", "NotoSerifThai", "NotoLoopedThai")
    },
}
SIZE = 64  # pixels per em: a 16-point line at 300 dpi


def _blob(font: ImageFont.FreeTypeFont, character: str) -> np.ndarray | None:
    image = Image.new("L", (3 * SIZE, 3 * SIZE), 0)
    ImageDraw.Draw(image).text((SIZE, SIZE), character, fill=255, font=font)
    ink = np.asarray(image) > 127
    ys, xs = np.nonzero(ink)
    if len(ys) == 0:
        return None
    return ink[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1].astype(np.uint8) * 255


def _variants(blob: np.ndarray) -> list[np.ndarray]:
    kernel = np.ones((2, 2), np.uint8)
    padded = np.pad(blob, 2)
    out = [blob, cv2.dilate(padded, kernel), cv2.erode(padded, kernel)]
    blurred = cv2.GaussianBlur(padded, (5, 5), 1.2)
    out.append((blurred > 100).astype(np.uint8) * 255)
    return [_crop(b) for b in out if b.any()]


def _crop(blob: np.ndarray) -> np.ndarray:
    ys, xs = np.nonzero(blob)
    return blob[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exclude", nargs="*", default=[])
    parser.add_argument("--out", type=Path, default=ROOT / "itaparse/readers/shapes.npz")
    args = parser.parse_args()
    vectors, labels = [], []
    files = [
        f
        for family, styles in FAMILIES.items()
        if family not in args.exclude
        for f in styles
        if f.exists()
    ]
    missing = [family for family, (regular, _bold) in FAMILIES.items() if not regular.exists()]
    if missing:  # a build without them reads those fonts' digits worse: say so
        print(f"warning: fonts not installed, left out: {', '.join(missing)}", file=sys.stderr)
    for path in files:
        font = ImageFont.truetype(str(path), SIZE)
        for index, character in enumerate(CHARACTERS):
            blob = _blob(font, character)
            if blob is None:
                continue
            for variant in _variants(blob):
                vectors.append(features(variant))
                labels.append(index)
    # A byte per value (itaparse.readers.shapes.references reads it back): a third the size
    # of float16 and the same readings.
    quantized = np.clip(np.round((np.array(vectors) + 1) * 127.5), 0, 255).astype(np.uint8)
    np.savez_compressed(args.out, vectors=quantized, labels=np.array(labels, np.uint8))
    print(
        f"{args.out}: {len(vectors)} shapes of {len(CHARACTERS)} characters from {len(files)} fonts"
    )


if __name__ == "__main__":
    main()
