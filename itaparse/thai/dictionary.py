"""How much of a text reads as Thai words: the judge of every repair hypothesis."""

from __future__ import annotations

import bisect
import gc
import re
from functools import lru_cache
from typing import Any

from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize

_THAI_RUN = re.compile(r"[\u0e01-\u0e4e]+")


@lru_cache(maxsize=1)
def words() -> frozenset[str]:
    return frozenset(thai_words())


class _Lexicon:
    """The word list as newmm reads it (its one question: which words start here?), answered
    from a set and a sorted list instead of pythainlp's trie of node objects: the same
    answers, in the same order. Built in about 35 ms, where a trie takes 270 ms and a set of
    every proper prefix 120 ms: every PDF's text quality is judged, so every process pays it."""

    def __init__(self, vocabulary: frozenset[str]) -> None:
        self.words = frozenset(w.strip() for w in vocabulary if w.strip())
        self.ordered = sorted(self.words)

    def __len__(self) -> int:
        return len(self.words)

    def _extends(self, piece: str) -> bool:
        """Whether some word is longer than `piece` and starts with it."""
        i = bisect.bisect_right(self.ordered, piece)
        return i < len(self.ordered) and self.ordered[i].startswith(piece)

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        found = []
        for end in range(start + 1, len(text) + 1):
            piece = text[start:end]
            if piece in self.words:
                found.append(piece)
            if not self._extends(piece):
                break
        return found


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    # Passed explicitly: without it pythainlp 5 rebuilds its default trie on every call.
    lexicon = _Lexicon(words())
    # Hundreds of thousands of strings that live as long as the process: leave them out of
    # every garbage collection, the one at exit included.
    gc.freeze()
    return lexicon


def tokenize(text: str) -> list[str]:
    custom: Any = _lexicon()  # duck-typed for pythainlp's Trie
    tokens: list[str] = word_tokenize(
        text, engine="newmm", custom_dict=custom, keep_whitespace=False
    )
    return tokens


@lru_cache(maxsize=65536)
def _run_tokens(run: str) -> tuple[str, ...]:
    """A run of Thai letters cut into words, once: the repair's judgement and the page
    quality ask about the same runs."""
    return tuple(tokenize(run))


@lru_cache(maxsize=65536)
def _run_coverage(run: str) -> tuple[int, int]:
    vocabulary = words()
    tokens = _run_tokens(run)
    return sum(len(t) for t in tokens if len(t) > 1 and t in vocabulary), len(tokens)


def coverage(text: str) -> tuple[int, int, int]:
    """(characters inside dictionary words, Thai characters, tokens) over the Thai runs."""
    covered = total = count = 0
    for run in _THAI_RUN.findall(text):
        total += len(run)
        c, n = _run_coverage(run)
        covered += c
        count += n
    return covered, total, count


def token_share(text: str) -> tuple[float | None, int]:
    """Share of the text's Thai tokens that are dictionary words, and how many tokens."""
    vocabulary = words()
    tokens = [t for run in _THAI_RUN.findall(text) for t in _run_tokens(run)]
    if not tokens:
        return None, 0
    return sum(t in vocabulary for t in tokens) / len(tokens), len(tokens)


def clear_word_cache() -> None:
    """Forget tokenised runs (benchmarks use it to time each document as if it came first)."""
    _run_coverage.cache_clear()
    _run_tokens.cache_clear()
