"""What a scanner adds that is not the document: specks are blanked, marks and points kept."""

from __future__ import annotations

import numpy as np

from itaparse.readers.scan_cleanup import specks


def test_lone_specks_go_and_points_beside_digits_stay() -> None:
    ink = np.zeros((400, 600), np.uint8)
    for x in range(40, 560, 40):  # a line of letters 32 px tall
        ink[100:132, x : x + 18] = 255
    ink[126:131, 465:470] = 255  # a decimal point between two "digits", touching neither
    ink[88:96, 44:47] = 255  # a tone mark above its letter
    lone = [(300, 50), (250, 333), (360, 580), (20, 300)]
    for y, x in lone:
        ink[y : y + 3, x : x + 3] = 255  # dust, far from any text
    found = specks(ink)
    for y, x in lone:
        assert found[y + 1, x + 1]
    assert not found[128, 467] and not found[90, 45]
    assert not found[110:130, 40:560].any()  # no letter touched


def _letters(tone: int) -> tuple[np.ndarray, np.ndarray]:
    """A grey page of 60 'letters' of one tone, with their ink mask."""
    gray = np.full((400, 900), 235, np.uint8)
    for k in range(60):
        y, x = 40 + 60 * (k // 15), 40 + 55 * (k % 15)
        gray[y : y + 30, x : x + 6] = tone  # a letter's stroke, dark at its core
        gray[y : y + 30, x - 1 : x] = min(255, tone + 60)  # its anti-aliased edge
    return gray, (gray < 180).astype(np.uint8) * 255


def test_a_faint_stamp_goes_and_faint_text_stays() -> None:
    import cv2

    from itaparse.readers.scan_cleanup import faint_marks

    gray, _ink = _letters(tone=20)
    cv2.circle(gray, (450, 330), 50, 140, 4)  # a stamp's ring, pressed lightly, below the text
    ink = (gray < 180).astype(np.uint8) * 255
    found = faint_marks(gray, ink, 180)
    assert found[330, 400] and found[330, 500] and found[380, 450]
    assert not found[gray == 20].any()  # no letter's core taken
    # A light copy: the text itself is faint, and is kept whole.
    light, light_ink = _letters(tone=120)
    assert not faint_marks(light, light_ink, 180).any()
