"""Checkboxes and ticks drawn with symbol fonts (Wingdings), read as the Unicode they show.

Word writes a Wingdings glyph into the PDF with its code in the Private Use Area (U+F0xx):
"\uf052" in Wingdings 2 is a ticked box. A status written as a checkbox list is only
readable when the ticked box and the empty one are told apart, so these codes become ☑/☐.
"""

from __future__ import annotations

# Code (low byte of U+F0xx) -> character, per font family; only boxes, ticks and crosses.
_WINGDINGS = {0x6F: "☐", 0x71: "☐", 0xA8: "☐", 0xFB: "✗", 0xFC: "✓", 0xFD: "☒", 0xFE: "☑"}
_WINGDINGS_2 = {
    0x4F: "✗",
    0x50: "✓",
    0x51: "☒",
    0x52: "☑",
    0x53: "☒",
    0x54: "☒",
    0xA3: "☐",
    0x2A: "☐",
}
_FAMILIES = (("wingdings2", _WINGDINGS_2), ("wingdings-2", _WINGDINGS_2), ("wingdings", _WINGDINGS))


def symbol_text(fontname: str, text: str) -> str | None:
    """What a symbol font's glyph shows, when it is a box, a tick or a cross."""
    if len(text) != 1:
        return None
    name = fontname.split("+", 1)[-1].lower().replace(" ", "")
    table = next((t for family, t in _FAMILIES if name.startswith(family)), None)
    if table is None:
        return None
    code = ord(text)
    if 0xF000 <= code <= 0xF0FF:
        code -= 0xF000
    return table.get(code)
