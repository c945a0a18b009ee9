"""Repair of damaged Thai text layers.

For now only what is safe on any text: SARA AM drawn as NIKHAHIT + SARA AA, or doubled as
"ำา" by HarfBuzz-shaped exports. Neither sequence occurs in written Thai.
"""

from __future__ import annotations

import re

_SARA_AM_DOUBLED = re.compile("\u0e33\u0e32")
_NIKHAHIT_AA = re.compile("\u0e4d\u0e32")


def repair_line(text: str) -> str:
    text = _SARA_AM_DOUBLED.sub("\u0e33", text)
    return _NIKHAHIT_AA.sub("\u0e33", text)
