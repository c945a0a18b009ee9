"""Scan geometry the OCR reader undoes before it reads: pages laid askew up to three degrees,
turned the way copier firmware turns them (nearest neighbour) or smoothly."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from itaparse.readers import ocr


def _page() -> Image.Image:
    """A ruled table with lines of 'text' (short dashes) in its cells, 200 dpi A4."""
    page = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(page)
    for y in range(300, 2000, 170):
        draw.line((150, y, 1500, y), fill=0, width=3)
        for line in range(3):
            for x in range(180, 1450, 60):
                draw.line((x, y + 40 + 40 * line, x + 40, y + 40 + 40 * line), fill=0, width=6)
    for x in (150, 600, 1000, 1500):
        draw.line((x, 300, x, 1830), fill=0, width=3)
    return page


@pytest.mark.parametrize("angle", [-2.8, -1.3, 0.4, 2.0, 2.9])
@pytest.mark.parametrize("resample", [Image.Resampling.NEAREST, Image.Resampling.BILINEAR])
def test_skew_is_found_up_to_three_degrees(angle: float, resample: Image.Resampling) -> None:
    turned = _page().rotate(angle, resample=resample, fillcolor=255)
    found = ocr.skew(ocr._ink(np.asarray(turned)))
    assert found == pytest.approx(-angle, abs=0.1)
