"""Turn a PDF into what a clerk's scanner makes of it: page images only, no text layer.

usage: python samples/scan.py IN.pdf OUT.pdf [--seed N]

Each page is rendered at 200 dpi in grayscale, turned by up to half a degree (a sheet laid
a little askew), blurred slightly (the scanner's optics) and stored as a JPEG page image.
The angle comes from the seed, so the same input and seed give the same file.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageFilter

DPI = 200


def scan(source: Path, target: Path, seed: int = 0) -> list[float]:
    """Write the image-only copy; returns each page's angle in degrees."""
    rng = random.Random(seed)
    pages: list[Image.Image] = []
    angles: list[float] = []
    pdf = pdfium.PdfDocument(str(source))
    try:
        for page in pdf:
            image = page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
            angle = rng.uniform(-0.5, 0.5)
            image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
            pages.append(image.filter(ImageFilter.GaussianBlur(0.6)))
            angles.append(angle)
    finally:
        pdf.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    pages[0].save(target, "PDF", resolution=DPI, save_all=True, append_images=pages[1:], quality=80)
    return angles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    angles = scan(args.source, args.target, args.seed)
    print(f"{args.target}: {len(angles)} pages, angles {', '.join(f'{a:+.2f}' for a in angles)}")


if __name__ == "__main__":
    main()
