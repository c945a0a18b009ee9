"""Characters of a pdfplumber page together with the glyph code each was drawn with.

pdfplumber's character dicts carry the Unicode text a font's ToUnicode map gives, but not
the code: yet the code is what a damaged map gets wrong, and the same code is wrong the same
way everywhere in the document. So the page layout is computed here with a device that
records the code of every character, in the same order pdfplumber lists them.
"""

from __future__ import annotations

from typing import Any

from pdfminer.pdfinterp import PDFPageInterpreter
from pdfplumber.page import Page, PDFPageAggregatorWithMarkedContent

from itaparse.readers.symbol_fonts import symbol_text

Char = dict[str, Any]


class _CodeRecorder(PDFPageAggregatorWithMarkedContent):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.codes: list[int] = []

    def render_char(self, *args: Any) -> float:
        # (matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)
        advance: float = super().render_char(*args)
        self.codes.append(args[5])
        return advance


def chars_with_codes(page: Page) -> list[Char]:
    """page.chars, each with "code": the glyph code in its font; symbol-font boxes and ticks
    as the Unicode characters they show."""
    device = _CodeRecorder(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
    PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    page._layout = device.get_result()  # pdfplumber's cache: its objects now come from here
    chars: list[Char] = page.chars
    for ch in chars:
        if (shown := symbol_text(ch["fontname"], ch["text"])) is not None:
            ch["text"] = shown
    if len(chars) != len(device.codes):  # a pdfplumber change broke the pairing: go without
        return chars
    for ch, code in zip(chars, device.codes, strict=True):
        ch["code"] = code
    return chars
