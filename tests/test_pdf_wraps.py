"""A ruled cell's line that ends inside a word (itaparse.readers.pdf_wraps): the producer broke
a number or a Latin word too wide for the cell wherever its line was full."""

from __future__ import annotations

from typing import Any

from itaparse.readers.pdf_wraps import glued_to_above

SIZE = 16.0
LEFT, RIGHT, PAD = 100.0, 155.0, 5.5  # a narrow column: 44 points of line
ADVANCE = {"digit": 11.0, "letter": 8.5, "thai": 9.5, " ": 5.0, ".": 4.0}


def _advance(ch: str) -> float:
    if ch == " " or ch == ".":
        return ADVANCE[ch]
    if ch.isascii() and ch.isalpha():
        return ADVANCE["letter"]
    return ADVANCE["digit"] if ch.isdigit() else ADVANCE["thai"]


def line(text: str, row: int, words: bool = False) -> list[dict[str, Any]]:
    """Glyphs of one line set from the cell's left padding; with `words`, one glyph per word
    written with the space before it, as OCR gives them."""
    x, out = LEFT + PAD, []
    for n, part in enumerate(text.split(" ") if words else list(text)):
        width = sum(_advance(ch) for ch in part)
        if words and n:
            x += ADVANCE[" "]
        glyph = " " + part if words else part
        out.append({"text": glyph, "x0": x, "x1": x + width, "size": SIZE, "top": row * 20.0})
        x += width
    return out


def glued(*lines: str, words: bool = False) -> list[bool]:
    return glued_to_above([line(t, i, words) for i, t in enumerate(lines)], LEFT, RIGHT)


def test_a_year_too_wide_for_the_column_continues_on_the_next_line() -> None:
    # "๒๕๖๘" is 44 points: the producer set "๒๕๖" and broke it, full or not.
    assert glued("พ.ศ. ", "๒๕๖", "๘") == [False, False, True]
    assert glued("ร้อยละ ", "๖", "๑.๐๐") == [False, False, True]


def test_ocr_words_continue_as_glyphs_do() -> None:
    assert glued("ตุลาคม", "๒๕๖", "๗", words=True) == [False, False, True]


def test_a_latin_word_broken_where_its_line_is_full() -> None:
    assert glued("Faceb", "ook") == [False, True]


def test_words_wrapped_at_their_spaces_stay_apart() -> None:
    assert glued("No", "Gift", "Policy", words=True) == [False, False, False]
    assert glued("No ", "Gift") == [False, False]  # the space the wrap stood for is drawn


def test_a_number_that_fits_a_line_was_not_broken() -> None:
    assert glued("๑๒", "๓") == [False, False]


def test_two_numbers_or_the_next_item_are_no_one_word() -> None:
    assert glued("๘๕.๕๐", "๙๐.๐๐") == [False, False]
    assert glued("Facebo", "๒. จัด") == [False, False]
    assert glued("๒๕๖๗๒", "๓. ผล") == [False, False]


def test_a_word_after_others_on_its_line_was_not_broken() -> None:
    # A word too wide for a line starts one: a line that holds more before it wrapped there.
    assert glued("ที่ ๒๕", "๖๘๐") == [False, False]
