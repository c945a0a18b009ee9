"""Tone marks OCR lost, put back where the dictionary says where they were.

Tesseract often drops a tone mark that stands over a vowel: "ที่" comes out as "ที",
"ขั้นตอน" as "ขันตอน", "ตัวชี้วัด" as "ตัวชีวัด". A mark is put back in a run of Thai letters
when the run then reads as fewer, longer dictionary words ("ขั้นตอน" is one word where
"ขัน ตอน" were two), or when the word it makes is far more common in Thai text than the word
without it (the Thai National Corpus counts "ที่" 67 times as often as "ที"). Only for text
read by OCR: a text layer's marks are as the author typed them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from itaparse.thai.dictionary import lexicon, tokenize
from itaparse.thai.sequences import ABOVE_VOWELS, BELOW_VOWELS, TONES

_THAI_RUN = re.compile(r"[\u0e01-\u0e4e]+")
_CONSONANTS = frozenset(chr(c) for c in range(0x0E01, 0x0E2F))
_CARRIERS = _CONSONANTS | frozenset(ABOVE_VOWELS + BELOW_VOWELS)
_MARKS = frozenset(ABOVE_VOWELS + BELOW_VOWELS + TONES + "\u0e4c\u0e4d")
_LOST = ("\u0e48", "\u0e49")  # mai ek and mai tho: the marks OCR loses
# How much more common the word with the mark must be, when the reading is no shorter.
_MORE_COMMON = 20
# A word rarer than this in the corpus is no evidence for a mark.
_RARE = 50


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, int]:
    from pythainlp.corpus import tnc

    return dict(tnc.word_freqs())


def _variants(run: str) -> list[str]:
    """The run with one lost mark put back, wherever a mark may stand."""
    out: list[str] = []
    for i in range(1, len(run) + 1):
        if run[i - 1] not in _CARRIERS or (i < len(run) and run[i] in _MARKS):
            continue
        if run[i - 1] in _CONSONANTS and i >= 2 and run[i - 2] in _MARKS:
            continue
        out.extend(run[:i] + mark + run[i:] for mark in _LOST)
    return out


def _changed_word(tokens: list[str], position: int) -> str:
    at = 0
    for token in tokens:
        at += len(token)
        if at > position:
            return token
    return tokens[-1] if tokens else ""


def _better(run: str) -> str | None:
    vocabulary = lexicon()
    frequency = _frequencies()
    tokens = tokenize(run)
    known = sum(len(t) for t in tokens if t in vocabulary)
    best: tuple[int, int] | None = None
    choice = None
    for variant in _variants(run):
        found = tokenize(variant)
        covered = sum(len(t) for t in found if t in vocabulary)
        if covered < known + 1:
            continue  # the mark must make more of the run read as words
        position = next(
            (i for i, (a, b) in enumerate(zip(run, variant, strict=False)) if a != b), len(run)
        )
        # The mark goes after the letter at position - 1: the words that hold that letter.
        old, new = _changed_word(tokens, position - 1), _changed_word(found, position)
        if new not in vocabulary or frequency.get(new, 0) < _RARE or len(new) < 3:
            continue
        if old in vocabulary:
            # A word stands unless the mark joins it into a longer one ("ขัน ตอน" ->
            # "ขั้นตอน") or makes a far more common one of the same letters ("ที" -> "ที่").
            longer = len(new) > len(old) + 1  # more letters than the old word and the mark
            common = len(new) == len(old) + 1 and frequency.get(new, 0) >= _MORE_COMMON * max(
                frequency.get(old, 0), 1
            )
            if not (longer or common):
                continue
        score = (len(tokens) - len(found), frequency.get(new, 0))
        if best is None or score > best:
            best, choice = score, variant
    return choice


@lru_cache(maxsize=16384)
def restore_run(run: str) -> str:
    for _ in range(3):  # a run rarely lost more marks than this
        better = _better(run)
        if better is None:
            break
        run = better
    return run


def restore_tone_marks(text: str) -> str:
    return _THAI_RUN.sub(lambda m: restore_run(m.group()), text)
