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
