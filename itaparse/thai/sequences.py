"""Character-sequence repairs that are safe on any text: what they fix never occurs in Thai.

- Private Use Area glyphs for shifted marks (Windows U+F700–F71A, Mac U+F884–F89E), mapped
  back as HarfBuzz's thai_pua_shape tables define them (hb-ot-shaper-thai.cc).
- SARA AM as NIKHAHIT + SARA AA, or doubled as "ำา" by shaped exports, possibly with the tone
  mark that shaping moved between the two ("น" "ํ" "้" "า" is "น้ำ").
- A mark typed twice in a row, and a tone mark stored before the vowel it sits on.
"""

from __future__ import annotations

import re

# HarfBuzz thai_pua_shape: (standard, Windows PUA, Mac PUA) per shaping action.
_PUA_TABLE = (
    # SD: shift down
    (0x0E48, 0xF70A, 0xF88B),
    (0x0E49, 0xF70B, 0xF88E),
    (0x0E4A, 0xF70C, 0xF891),
    (0x0E4B, 0xF70D, 0xF894),
    (0x0E4C, 0xF70E, 0xF897),
    (0x0E38, 0xF718, 0xF89B),
    (0x0E39, 0xF719, 0xF89C),
    (0x0E3A, 0xF71A, 0xF89D),
    # SDL: shift down-left
    (0x0E48, 0xF705, 0xF88C),
    (0x0E49, 0xF706, 0xF88F),
    (0x0E4A, 0xF707, 0xF892),
    (0x0E4B, 0xF708, 0xF895),
    (0x0E4C, 0xF709, 0xF898),
    # SL: shift left
    (0x0E48, 0xF713, 0xF88A),
    (0x0E49, 0xF714, 0xF88D),
    (0x0E4A, 0xF715, 0xF890),
    (0x0E4B, 0xF716, 0xF893),
    (0x0E4C, 0xF717, 0xF896),
    (0x0E31, 0xF710, 0xF884),
    (0x0E34, 0xF701, 0xF885),
    (0x0E35, 0xF702, 0xF886),
    (0x0E36, 0xF703, 0xF887),
    (0x0E37, 0xF704, 0xF888),
    (0x0E47, 0xF712, 0xF889),
    (0x0E4D, 0xF711, 0xF899),
    # RD: remove descender
    (0x0E0D, 0xF70F, 0xF89A),
    (0x0E10, 0xF700, 0xF89E),
)
PUA_MAP = {chr(pua): chr(std) for std, win, mac in _PUA_TABLE for pua in (win, mac)}
_PUA = str.maketrans(PUA_MAP)

TONES = "\u0e48\u0e49\u0e4a\u0e4b"
ABOVE_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47"
BELOW_VOWELS = "\u0e38\u0e39\u0e3a"
MARKS = ABOVE_VOWELS + BELOW_VOWELS + TONES + "\u0e4c\u0e4d\u0e4e"

_SARA_AM = re.compile(f"[\u0e4d\u0e33]([{TONES}]?)\u0e32")
_DOUBLED = re.compile(f"([{MARKS}])\\1+")
_TONE_BEFORE_VOWEL = re.compile(f"([{TONES}\u0e4c])([{ABOVE_VOWELS}{BELOW_VOWELS}])")


def normalize(text: str) -> str:
    """Apply every safe repair; clean text comes back unchanged."""
    text = text.translate(_PUA)
    text = _SARA_AM.sub("\\1\u0e33", text)
    text = _DOUBLED.sub("\\1", text)
    return _TONE_BEFORE_VOWEL.sub("\\2\\1", text)


_ORPHAN_MARK = re.compile(f"(?<![\u0e01-\u0e2e{MARKS}])[{MARKS}]+")


def drop_orphan_marks(text: str) -> str:
    """Marks that sit on no letter (after a space, a digit, a dot or a vowel that stands on
    the line): specks OCR read as marks. Not for text layers, where a displaced mark is a
    clue to the damage."""
    return _ORPHAN_MARK.sub("", text)
