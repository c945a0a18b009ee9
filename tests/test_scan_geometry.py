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


def test_a_rule_cut_by_dust_into_short_pieces_is_still_a_rule() -> None:
    """White specks cut a thin rule every letter or two: no piece is a rule's length alone,
    and the breaks are wider than a copy's broken rules; the rule is found whole."""
    ink = np.zeros((200, 1200), np.uint8)
    ink[100:103, 50:1150] = 255
    for x in range(120, 1150, 70):  # a speck of dust every 70 px, 6 px wide
        ink[98:105, x : x + 6] = 0
    across, _upright = ocr.ruling_lines(ink, 34.0)
    assert ((across > 0) == (ink > 0))[:, 52:].all()  # every piece is found, to its ends


def test_a_word_of_flat_footed_letters_is_no_rule() -> None:
    """Letters whose feet sit on one baseline ("บบบบ"), a few pixels apart: no rule."""
    ink = np.zeros((200, 1200), np.uint8)
    for x in range(50, 1150, 24):  # letters 18 px wide, 6 px apart
        ink[70:103, x : x + 4] = 255
        ink[99:103, x : x + 18] = 255
    across, _upright = ocr.ruling_lines(ink, 34.0)
    assert not across.any()
