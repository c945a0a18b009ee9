"""Scans as copiers make them: a PDF turned into page images, each class of damage apart.

usage: python samples/degrade.py IN.pdf OUT.pdf --kind KIND [--seed N]
       python samples/degrade.py --list

samples/scan.py makes one kind of scan (200 dpi, half a degree, bicubic, a slight blur). Real
agencies print, sign, stamp and copy; each class here is one thing their scanners and copiers
do, with its strength drawn from the seed, so that a bench reports what each one costs:

- ``dpi-150``, ``dpi-300``: the resolution the scanner was set to;
- ``skew-nearest``, ``skew-bilinear``: a sheet laid 0.3-2 degrees askew, turned the way cheap
  firmware turns it (nearest neighbour keeps jagged rules; bilinear thins them);
- ``noise``, ``speckle``: sensor noise, and dust and toner specks;
- ``one-bit``: a black-and-white copy, thresholded (no grey at all, rules broken where thin);
- ``low-contrast``: a faint copy, grey ink on grey paper;
- ``shift-crop``: the sheet a few millimetres off, its edges cut;
- ``stamp``, ``signature``: a round office stamp and a signature over table cells;
- ``jpeg``: JPEG at quality 30-90;
- ``photocopy``: a copy of a copy, askew, one bit deep, specked.

Every class but the dpi ones renders at 200 dpi; the same input, kind and seed give the same
file.
"""

from __future__ import annotations

import argparse
import math
import random
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter, ImageFont

BASE_DPI = 200
_MM = 1 / 25.4  # inches in a millimetre
_STAMP_FONT = Path("/usr/share/fonts/truetype/tlwg/Garuda-Bold.ttf")

Damage = Callable[[Image.Image, int, random.Random], Image.Image]


def _turn(image: Image.Image, angle: float, resample: Image.Resampling) -> Image.Image:
    return image.rotate(angle, resample=resample, fillcolor=255)


def _angle(rng: random.Random, low: float = 0.3, high: float = 2.0) -> float:
    return rng.choice((-1, 1)) * rng.uniform(low, high)


def _plain(image: Image.Image, dpi: int, rng: random.Random) -> Image.Image:
    """What samples/scan.py does: up to half a degree, bicubic, a slight blur."""
    turned = _turn(image, rng.uniform(-0.5, 0.5), Image.Resampling.BICUBIC)
    return turned.filter(ImageFilter.GaussianBlur(0.6))


def _skew_nearest(image: Image.Image, dpi: int, rng: random.Random) -> Image.Image:
    return _turn(image, _angle(rng), Image.Resampling.NEAREST)


def _skew_bilinear(image: Image.Image, dpi: int, rng: random.Random) -> Image.Image:
    return _turn(image, _angle(rng), Image.Resampling.BILINEAR)


def _noise(image: Image.Image, dpi: int, rng: random.Random) -> Image.Image:
    pixels = np.asarray(_plain(image, dpi, rng), np.float32)
    noise = np.random.default_rng(rng.randrange(2**32)).normal(0, rng.uniform(8, 22), pixels.shape)
    return Image.fromarray(np.clip(pixels + noise, 0, 255).astype(np.uint8))


def _specks(pixels: np.ndarray, rng: random.Random, density: float) -> np.ndarray:
    """Dust and toner: dark and light dots of one to three pixels."""
    out = pixels.copy()
    h, w = out.shape
    count = int(h * w * density / 4)
    for value in (0, 255):
        ys = [rng.randrange(h - 3) for _ in range(count)]
        xs = [rng.randrange(w - 3) for _ in range(count)]
        for y, x in zip(ys, xs, strict=True):
            size = rng.randint(1, 3)
            out[y : y + size, x : x + size] = value
    return out


def _speckle(image: Image.Image, dpi: int, rng: random.Random) -> Image.Image:
    pixels = np.asarray(_plain(image, dpi, rng))
    return Image.fromarray(_specks(pixels, rng, rng.uniform(0.001, 0.006)))


def _one_bit(image: Image.Image, dpi: int, rng: random.Random) -> Image.Image:
    soft = _plain(image, dpi, rng)
    cut = rng.randint(100, 175)  # a dark copy thickens strokes, a light one breaks them
    return soft.point(lambda v: 255 if v > cut else 0).convert("1")


def _low_contrast(image: Image.Image, dpi: int, rng: random.Random) -> Image.Image:
    ink, paper = rng.uniform(80, 140), rng.uniform(195, 235)
    pixels = np.asarray(_plain(image, dpi, rng), np.float32) / 255
    return Image.fromarray((ink + pixels * (paper - ink)).astype(np.uint8))


def _shift_crop(image: Image.Image, dpi: int, rng: random.Random) -> Image.Image:
    dx, dy = (rng.choice((-1, 1)) * rng.uniform(2, 6) * _MM * dpi for _ in range(2))
    moved = Image.new("L", image.size, 255)
    moved.paste(_plain(image, dpi, rng), (round(dx), round(dy)))
    cut = round(rng.uniform(2, 5) * _MM * dpi)  # the copier's margin: nothing near the edge
    draw = ImageDraw.Draw(moved)
    w, h = moved.size
    for box in ((0, 0, w, cut), (0, h - cut, w, h), (0, 0, cut, h), (w - cut, 0, w, h)):
        draw.rectangle(box, fill=255)
    return moved


def _anywhere(image: Image.Image, rng: random.Random, margin: float) -> tuple[int, int]:
    """A point in the page's middle, where its tables are."""
    w, h = image.size
    return (
        round(rng.uniform(margin, 1 - margin) * w),
        round(rng.uniform(margin, 1 - margin) * h),
    )


def _stamp(image: Image.Image, dpi: int, rng: random.Random) -> Image.Image:
    """A round office stamp, red or blue ink scanned grey, multiplied over what it covers."""
    page = _plain(image, dpi, rng)
    ink = Image.new("L", page.size, 255)
    draw = ImageDraw.Draw(ink)
    radius = round(rng.uniform(14, 20) * _MM * dpi)
    cx, cy = _anywhere(page, rng, 0.2)
    tone = rng.randint(90, 170)
    width = max(2, round(dpi / 70))
    for r in (radius, round(radius * 0.78)):
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=tone, width=width)
    size = round(radius * 0.28)
    font = ImageFont.truetype(str(_STAMP_FONT), size) if _STAMP_FONT.is_file() else None
    for i, line in enumerate(("สำนักปลัด", "เทศบาลตำบล")):
        draw.text((cx, cy + (i - 0.5) * size * 1.3), line, fill=tone, font=font, anchor="mm")
    # A stamp pressed unevenly: some of its ring missing.
    for _ in range(rng.randint(0, 4)):
        a = rng.uniform(0, 2 * math.pi)
        x, y = cx + radius * math.cos(a), cy + radius * math.sin(a)
        gap = radius * 0.25
        draw.ellipse((x - gap, y - gap, x + gap, y + gap), fill=255)
    return Image.fromarray(np.minimum(np.asarray(page), np.asarray(ink)))


def _signature(image: Image.Image, dpi: int, rng: random.Random) -> Image.Image:
    """A signature in pen: a few loops and a long stroke, across a cell's text and rules."""
    page = _plain(image, dpi, rng).copy()
    draw = ImageDraw.Draw(page)
    x0, y0 = _anywhere(page, rng, 0.15)
    span, tall = rng.uniform(30, 55) * _MM * dpi, rng.uniform(8, 16) * _MM * dpi
    width = max(2, round(rng.uniform(0.3, 0.6) * _MM * dpi))
    tone = rng.randint(20, 90)
    for stroke in range(rng.randint(2, 3)):
        points = []
        loops = rng.uniform(2, 5)
        for step in range(120):
            t = step / 119
            x = x0 + t * span + math.sin(t * loops * 2 * math.pi) * tall * 0.25
            y = y0 + math.cos(t * loops * 2 * math.pi) * tall * 0.5 * (1 - t) + stroke * tall * 0.3
            points.append((x, y))
        draw.line(points, fill=tone, width=width, joint="curve")
    return page


def _photocopy(image: Image.Image, dpi: int, rng: random.Random) -> Image.Image:
    turned = _turn(image, _angle(rng, 0.3, 1.5), Image.Resampling.NEAREST)
    cut = rng.randint(110, 160)
    pixels = np.where(np.asarray(turned.filter(ImageFilter.GaussianBlur(0.7))) > cut, 255, 0)
    specked = _specks(pixels.astype(np.uint8), rng, rng.uniform(0.0005, 0.003))
    return Image.fromarray(specked).convert("1")


KINDS: dict[str, tuple[int, Damage]] = {
    "dpi-150": (150, _plain),
    "dpi-300": (300, _plain),
    "skew-nearest": (BASE_DPI, _skew_nearest),
    "skew-bilinear": (BASE_DPI, _skew_bilinear),
    "noise": (BASE_DPI, _noise),
    "speckle": (BASE_DPI, _speckle),
    "one-bit": (BASE_DPI, _one_bit),
    "low-contrast": (BASE_DPI, _low_contrast),
    "shift-crop": (BASE_DPI, _shift_crop),
    "stamp": (BASE_DPI, _stamp),
    "signature": (BASE_DPI, _signature),
    "jpeg": (BASE_DPI, _plain),
    "photocopy": (BASE_DPI, _photocopy),
}


def degrade(source: Path, target: Path, kind: str, seed: int = 0) -> None:
    """Write an image-only copy of `source` damaged as `kind` (one of KINDS)."""
    dpi, damage = KINDS[kind]
    rng = random.Random(f"{seed}/{kind}")
    quality = rng.randint(30, 90) if kind == "jpeg" else 75
    pages: list[Image.Image] = []
    pdf = pdfium.PdfDocument(str(source))
    try:
        for page in pdf:
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            damaged = damage(image, dpi, rng)
            pages.append(damaged)
    finally:
        pdf.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    # Grey pages go in as JPEGs at `quality` (75 is Pillow's default, as most scanning software
    # leaves it); one-bit pages as CCITT group 4, as a copier's PDF holds them.
    jpeg = {} if pages[0].mode == "1" else {"quality": quality}
    pages[0].save(target, "PDF", resolution=dpi, save_all=True, append_images=pages[1:], **jpeg)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, nargs="?")
    parser.add_argument("target", type=Path, nargs="?")
    parser.add_argument("--kind", choices=sorted(KINDS))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--list", action="store_true", help="print the kinds and stop")
    args = parser.parse_args()
    if args.list or not (args.source and args.target and args.kind):
        print("\n".join(KINDS))
        return
    degrade(args.source, args.target, args.kind, args.seed)
    print(f"{args.target}: {args.kind}, seed {args.seed}")


if __name__ == "__main__":
    main()
