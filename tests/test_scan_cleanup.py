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


def test_dust_beside_the_text_goes_where_no_mark_of_a_font_would_be() -> None:
    ink = np.zeros((300, 700), np.uint8)
    for x in range(40, 640, 30):  # a line of letters 32 px tall, 12 px apart
        ink[100:132, x : x + 18] = 255
    ink[126:131, 59:64] = 255  # a full stop on the baseline, between two letters
    ink[88:95, 101:106] = 255  # a mark above its letter
    ink[104:109, 208:213], ink[120:125, 208:213] = 255, 255  # sara a's two loops in a gap
    dust = [(112, 152), (90, 362), (140, 422), (70, 515)]  # in a gap, over a gap, far off
    for y, x in dust:
        ink[y : y + 4, x : x + 4] = 255
    found = specks(ink)
    for y, x in dust:
        assert found[y + 1, x + 1], (y, x)
    assert not found[128, 61] and not found[90, 103]
    assert not found[106, 210] and not found[122, 210]
    assert not found[100:132, 40:58].any()  # no letter touched


def test_the_pieces_of_a_faint_rule_cut_by_dust_are_not_faint_ink() -> None:
    from itaparse.readers.scan_cleanup import faint_marks

    gray, _ink = _letters(tone=20)
    gray[380:383, 40:860] = 120  # a thin rule, printed lighter than the text...
    gray[378:385, 300:305] = 235  # ...cut by dust: one piece stands apart from the rest
    gray[378:385, 400:405] = 235
    ink = (gray < 180).astype(np.uint8) * 255
    assert not faint_marks(gray, ink, 180)[381, 350]


def test_a_speck_read_as_lone_punctuation_is_dropped_a_dash_and_a_point_kept() -> None:
    from itaparse.readers.ocr_words import OcrWord, _without_specks

    scale, letter = 300 / 72, 32.0

    def word(text: str, x0: float, x1: float) -> OcrWord:
        return OcrWord(text, x0 / scale, x1 / scale, 0, 40 / scale, 10, 90)

    # ink blobs: (x0, x1, y centre, height), in pixels
    blobs = [(100, 104, 30, 4), (300, 330, 20, 3), (500, 504, 30, 4), (700, 704, 30, 4)]
    line = [
        word("ข้อมูล", 0, 90),
        word(".", 99, 105),  # a speck between two words
        word("ข่าวสาร", 110, 290),
        word("-", 299, 331),  # a dash between two dates
        word("๖๘", 340, 400),
        word("95", 420, 490),
        word(".", 499, 505),  # between two numbers: maybe their decimal point
        word("50", 510, 560),
        word("'", 699, 705),  # a speck after a number
        word("คะแนน", 710, 800),
    ]
    kept = [w.text for w in _without_specks(line, blobs, scale, letter)]
    assert kept == ["ข้อมูล", "ข่าวสาร", "-", "๖๘", "95", ".", "50", "คะแนน"]


def test_a_speck_read_onto_the_front_of_a_word_is_no_part_of_it() -> None:
    from itaparse.readers.ocr_words import OcrWord, _without_specks

    word = OcrWord(".(๑)", 10, 40, 0, 10, 10, 90, symbols=[(".", 10, 11), ("(", 14, 18)])
    word.symbols += [("๑", 19, 30), (")", 31, 40)]
    (kept,) = _without_specks([word], [], 300 / 72, 32.0)
    assert (kept.text, kept.x0) == ("(๑)", 14)


def test_a_point_with_no_room_of_its_own_between_two_digits_is_a_doubt() -> None:
    """A decimal point parts its digits by about half a digit; a speck that fell between two
    digits set close ("85" read as "8.5") leaves them as close as any two digits."""
    from itaparse.readers.ocr_numbers import _doubt
    from itaparse.readers.shapes import Reading

    def read(*spans: tuple[str, int, int]) -> list[Reading]:
        return [Reading(c, 1.0, 2.0, x0, x1) for c, x0, x1 in spans]

    decimal = read(("8", 0, 20), ("5", 23, 43), (".", 47, 52), ("0", 56, 76))
    squeezed = read(("8", 0, 20), (".", 21, 24), ("5", 25, 45))
    assert _doubt(decimal) == (False, False)
    assert _doubt(squeezed) == (True, True)  # in doubt for the point alone: its digits sure


def test_a_thai_word_read_as_latin_is_read_again_in_thai_real_english_stays() -> None:
    """Tesseract's English model takes a damaged Thai word for Latin ("โครงการ" as
    "lasunis"); the block is read again in Thai alone and the reading more of whose letters
    make sense is kept. English that is English reads as Thai nonsense, and stays."""
    from itaparse.readers.ocr import _sense
    from itaparse.readers.ocr_words import OcrWord

    def words(*texts: str) -> list[OcrWord]:
        return [OcrWord(t, 0, 1, 0, 1, 1, 90) for t in texts]

    assert _sense(words("กิจกรรม", "โครงการ")) > _sense(words("กจกรร", "US", "lasunis"))
    assert _sense(words("Gift", "Policy")) > _sense(words("ฉเงี", "ขลดเฮฮ"))


def test_a_thai_abbreviation_read_as_latin_capitals_is_read_again() -> None:
    """A damaged "ต.ค." reads as "A.A." in English: two Latin letters, under the count that
    calls for a Thai reading, but the shape of a Thai abbreviation (letters each closed by a
    point). Such a block is read again; the abbreviation's letters make sense in Thai."""
    from itaparse.readers.ocr import _latin_to_check, _sense
    from itaparse.readers.ocr_words import OcrWord

    def words(*texts: str) -> list[OcrWord]:
        return [OcrWord(t, 0, 1, 0, 1, 1, 90) for t in texts]

    for latin in ("A.A.", "UA.", "NE,", "VLA."):
        assert _latin_to_check(words(latin, "๖๗", "-", "ก.ย.", "๖๘")), latin
    assert not _latin_to_check(words("IT", "ปี", "๒๕๖๘"))  # a Latin word, no abbreviation
    assert _sense(words("ต.ค.", "๖๗", "-", "ก.ย.", "๖๘")) > _sense(words("A.A.", "๖๗", "-", "ก.ย."))
    assert _sense(words("ตลอดปีงบประมาณ", "พ.ศ.")) > _sense(words("ตลอดปีงบประมาณ", "VLA."))
    # Only the abbreviations dates are written with: the Thai model reads "ก.ย." as "ก.ข."
    # too, where the English one's "1.8." is mended by the number reader.
    assert _sense(words("๓๐", "ก.ข.")) < _sense(words("mo", "f1.8."))


def test_a_speck_beside_a_point_reads_as_one_point_and_a_doubt() -> None:
    """Dust beside a number's point reads as a second separator ("1,.1"): no number is
    written so. It reads as the one point and is a doubt; an honest point is neither."""
    from itaparse.readers.ocr_numbers import _doubt, _number_text
    from itaparse.readers.shapes import Reading

    def read(spans: list[tuple[str, int, int]]) -> list[Reading]:
        return [Reading(c, 1.0, 2.0, x0, x1) for c, x0, x1 in spans]

    specked = read([("1", 0, 10), (",", 13, 15), (".", 17, 19), ("1", 22, 32)])
    honest = read([("1", 0, 10), (".", 14, 17), ("1", 21, 31)])
    assert (_number_text(specked), _doubt(specked)) == ("1.1", (True, True))
    assert (_number_text(honest), _doubt(honest)) == ("1.1", (False, False))


def test_a_line_opening_with_a_number_and_a_comma_is_a_numbered_item() -> None:
    """A point and a comma are the same speck on a copy: "๒," opening a line is the item
    "๒." (read so, it opens its own row); a number with digits after its comma is a
    thousands number, and a comma later in the line stays."""
    from itaparse.readers.ocr_numbers import _item_point
    from itaparse.readers.ocr_words import OcrWord

    def line(*texts: str) -> list[OcrWord]:
        return [
            OcrWord(t, 10 * i, 10 * i + 8, 0, 10, 10, 90, symbols=[(t, 10 * i, 10 * i + 8)])
            for i, t in enumerate(texts)
        ]

    assert [w.text for w in _item_point(line("๒,", "มาตรการ"))] == ["๒.", "มาตรการ"]
    assert [w.text for w in _item_point(line("๑,,", "มาตรการ"))] == ["๑.", "มาตรการ"]
    assert [w.text for w in _item_point(line("๑.๒,", "มาตรการ"))] == ["๑.๒.", "มาตรการ"]
    assert [w.text for w in _item_point(line("๑,๒๕๐", "ราย"))] == ["๑,๒๕๐", "ราย"]
    assert [w.text for w in _item_point(line("ครบ", "๒,"))] == ["ครบ", "๒,"]


def test_digits_tesseract_saw_where_the_shapes_read_none_are_a_doubt() -> None:
    """A signature's stroke joins a score's digits to the words beside them: the shapes of
    that ink read as Latin letters, confirming no number; Tesseract's digits there ("๑๑.๒๕"
    for "๙๑.๒๕") stand as read, in doubt."""
    from itaparse.readers.ocr_numbers import _doubt_unconfirmed
    from itaparse.readers.ocr_words import OcrWord

    words = [OcrWord("อยู่ที่", 0, 30, 0, 10, 10, 90), OcrWord("๑๑.๒๕", 32, 60, 0, 10, 10, 90)]
    _doubt_unconfirmed(words)
    assert [w.doubt for w in words] == [None, "๑๑.๒๕"]


def test_digits_the_two_readers_read_apart_beside_letters_are_a_doubt() -> None:
    """A stamp's arc across a score ("๘๗.๕๐") joins its digits to the ink around them: the
    shapes read the word as letters and a "๗" with the decimals; Tesseract read "ส่๓" there.
    Only the decimals after the point are taken from the shapes, so the "๓" outside them, where
    the shapes read another digit, makes the number a doubt; a digit both read alike does not."""
    from itaparse.readers.ocr_numbers import _doubt_disagreeing
    from itaparse.readers.ocr_words import OcrWord
    from itaparse.readers.shapes import Reading

    def read(*spans: tuple[str, int, int]) -> list[Reading]:
        return [Reading(c, 1.0, 3.0, x0, x1) for c, x0, x1 in spans]

    def word(*symbols: tuple[str, int, int]) -> OcrWord:
        text = "".join(t for t, _a, _b in symbols)
        return OcrWord(text, symbols[0][1], symbols[-1][2], 0, 10, 10, 90, symbols=list(symbols))

    stamped = word(("ส", 0, 5), ("่", 7, 11), ("๓", 11, 17), (".", 17, 18), ("๕๐", 20, 35))
    shapes = read(("ต", 0, 6), ("๗", 7, 16), (".", 17, 18), ("๕", 20, 27), ("๐", 28, 35))
    _doubt_disagreeing([stamped], shapes, [(20, 35)], 0, 1.0)
    assert stamped.doubt == "๓.๕๐"

    agreed = word(("ท", 0, 5), ("๗", 7, 16), (".", 17, 18), ("๕๐", 20, 35))
    _doubt_disagreeing([agreed], shapes, [(20, 35)], 0, 1.0)
    assert agreed.doubt is None


def test_a_number_read_in_two_scripts_is_a_doubt() -> None:
    """A number is written in one script: "9๖.50" (95.50 under specks, seed 48) means a
    digit was read as another, however surely each shape read."""
    from itaparse.readers.ocr_numbers import _doubt
    from itaparse.readers.shapes import Reading

    def read(text: str) -> list[Reading]:
        return [Reading(c, 1.0, 3.0, 10 * i, 10 * i + 8) for i, c in enumerate(text)]

    assert _doubt(read("9๖.50"))[0]
    assert _doubt(read("๙5"))[0]
    assert not _doubt(read("95.50"))[0]
    assert not _doubt(read("๙๕.๕๐"))[0]


def test_a_stroke_from_outside_the_line_through_its_letters_is_crossing() -> None:
    """A signature's stroke that comes down from above the line into its letters joins or
    hides digits ("30" read "3", seed 48): its blobs are told apart from a mark of the line
    above, which stays in its own room, and from the line's own letters."""
    from itaparse.readers.ocr_numbers import _crossing

    letters = np.zeros((60, 60), np.uint8)
    top, bottom = 20, 40  # the line's box; its letters between rows 25 and 38
    letters[26:38, 5:12] = 255  # a letter of the line
    letters[14:18, 20:26] = 255  # a mark of the line above, below its letters
    letters[18:22, 20:26] = 255  # ... reaching into this line's box, not its letters
    letters[2:37, 40:43] = 255  # a stroke from far above, down through the letters
    import cv2

    _, labels = cv2.connectedComponents((letters[top:bottom] > 0).astype(np.uint8))
    found = _crossing(letters, labels, top, 0, (5.0, 18.0))
    stroke = {int(labels[10, 41])}
    assert found == stroke


def test_a_digit_is_sure_in_a_number_when_only_a_letter_or_its_twin_is_near() -> None:
    """In a number, what a digit may be instead is another value: "๒" near "ษ", or "0" near
    "๐", leave the number's value as read; a near "๔" for "๕" does not (speckle, seed 50:
    most digits in doubt had a letter or the other script's twin as their nearest rival)."""
    from itaparse.readers.ocr_numbers import _doubt
    from itaparse.readers.shapes import Reading

    def read(margin: float, rival: float) -> list[Reading]:
        return [
            Reading("๒", 1.0, margin, 0, 8, rival_margin=rival),
            Reading("๕", 1.0, 3.0, 10, 18, rival_margin=3.0),
        ]

    assert _doubt(read(1.05, 1.6)) == (False, False)  # only a letter is near
    assert _doubt(read(1.05, 1.1))[0]  # a digit of another value is near too


def test_the_rival_of_a_digit_is_another_value_never_a_letter_or_its_twin() -> None:
    from itaparse.readers import shapes

    vectors, labels = shapes._subset(shapes.THAI)
    values = shapes._values(shapes.THAI)
    assert {values[i] for i, c in enumerate(labels) if shapes.CHARACTERS[int(c)] in "0๐"} == {"0"}
    assert {values[i] for i, c in enumerate(labels) if shapes.CHARACTERS[int(c)] == "ษ"} == {""}
    # A real digit's reading: its rival margin is never below its margin (fewer rivals).
    index = next(i for i, c in enumerate(labels) if shapes.CHARACTERS[int(c)] == "๒")
    shape = ((vectors[index][:-1].reshape(shapes.SIDE, shapes.SIDE) > 0.05) * 255).astype(np.uint8)
    reading = shapes.read(shape)
    assert reading.number_margin >= reading.margin


def test_dust_apart_from_any_word_doubts_no_number_and_letters_no_digits_beside_them() -> None:
    """Specks beside a number, and a word's letters read unsurely, make no doubt of digits
    Tesseract read elsewhere in its word ("ตุลาคม.2567": the month's specked ink read as
    letters doubted the year; speckle, seed 50)."""
    from itaparse.readers.ocr_numbers import _doubt_unconfirmed
    from itaparse.readers.ocr_words import OcrWord

    def word() -> OcrWord:
        symbols = [("ตุลาคม", 0.0, 30.0), (".", 31.0, 32.0), ("2567", 33.0, 50.0)]
        return OcrWord("ตุลาคม.2567", 0, 50, 0, 10, 10, 90, symbols=symbols)

    month_only = word()
    _doubt_unconfirmed([month_only], (0.0, 30.5))
    assert month_only.doubt is None
    over_the_year = word()
    _doubt_unconfirmed([over_the_year], (20.0, 45.0))
    assert over_the_year.doubt == "2567"


def test_a_word_at_the_strip_edge_is_cut_only_where_its_ink_runs_on_past_it() -> None:
    """A strip cut to its cell ends where the cell does: a speck or a digit at that edge is
    whole; ink that goes on outside the strip is a word cut in two."""
    import cv2

    from itaparse.readers.ocr_numbers import _Blob, _cut

    letters = np.zeros((20, 60), np.uint8)
    letters[5:15, 10:14] = 255  # a digit at the strip's left edge (x = 10)
    _, labels = cv2.connectedComponents((letters[:, 10:40] > 0).astype(np.uint8))
    digit = [_Blob(0, 4, 5, 15, int(labels[8, 1]))]
    assert not _cut(letters, labels, digit, 0, 10)
    letters[6:10, 6:10] = 255  # the same ink running on to the left of the strip
    assert _cut(letters, labels, digit, 0, 10)


def test_a_digit_read_by_its_shape_as_a_point_makes_its_number_a_doubt() -> None:
    """A blob of a digit's height read as "." by its shape, and only just ("๓๑" read "๓.",
    150 dpi, seed 51: a period's end day 3 for 31, silently), is no sure point; a point told
    by its size (a small blob on the baseline, margin 10) is."""
    from itaparse.readers.ocr_numbers import _doubt
    from itaparse.readers.shapes import Reading

    by_shape = [Reading("๓", 1.0, 1.99, 0, 31), Reading(".", 1.0, 1.07, 34, 60)]
    by_size = [Reading("๓", 1.0, 1.99, 0, 31), Reading(".", 0.0, 10.0, 37, 44)]
    assert _doubt(by_shape) == (True, False)
    assert _doubt(by_size) == (False, False)
