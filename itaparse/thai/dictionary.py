"""How much of a text reads as Thai words: the judge of every repair hypothesis."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import marisa_trie
from pythainlp.tokenize import newmm

_THAI_RUN = re.compile(r"[\u0e01-\u0e4e]+")
_WORD_LIST = "words_th.txt"  # pythainlp's Thai word list, the vocabulary of every judgement


class Lexicon(marisa_trie.Trie):  # type: ignore[misc]  # the extension has no stubs
    """The word list as newmm reads it (its one question: which words start here?) and as a
    set (is this a word?), in a compact trie held in C++: loaded from a file in well under a
    millisecond, where building pythainlp's trie of node objects took 270 ms in every process
    and left hundreds of thousands of objects for the garbage collector to walk at exit."""

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        # pythainlp's newmm passes a start position; marisa wants the text from there.
        found: list[str] = super().prefixes(text[start:] if start else text)
        return found


def cache_dir() -> Path:
    """Where built data is kept between runs: $ITAPARSE_CACHE_DIR, else the XDG cache."""
    if chosen := os.environ.get("ITAPARSE_CACHE_DIR"):
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "itaparse"


def _word_list() -> Path | None:
    """pythainlp's word list file, found without importing pythainlp (35 ms)."""
    spec = importlib.util.find_spec("pythainlp")
    for folder in (spec and spec.submodule_search_locations) or []:
        candidate = Path(folder) / "corpus" / _WORD_LIST
        if candidate.is_file():
            return candidate
    return None


def _build() -> Lexicon:
    from pythainlp.corpus import get_corpus

    return Lexicon(get_corpus(_WORD_LIST))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The dictionary, built once per word list and kept in the cache folder: the file is
    named after the word list's path, size and time, so a new pythainlp builds it anew. Where
    the cache cannot be written, it is built in memory (30 ms) for this process."""
    source = _word_list()
    if source is None:
        return _build()
    stat = source.stat()
    tag = hashlib.sha1(f"{source}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    path = cache_dir() / f"lexicon-{tag}.marisa"
    found = Lexicon()
    try:
        found.mmap(str(path))
        return found
    except (OSError, RuntimeError, ValueError):
        pass
    built = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        os.close(fd)
        try:
            built.save(tmp)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError:
        pass  # a read-only home: this process uses the trie it built
    return built


def tokenize(run: str) -> list[str]:
    """A run of Thai letters cut into words by pythainlp's newmm."""
    custom: Any = lexicon()  # duck-typed for pythainlp's Trie
    tokens: list[str] = newmm.segment(run, custom)
    return tokens


@lru_cache(maxsize=65536)
def _run_tokens(run: str) -> tuple[str, ...]:
    """A run of Thai letters cut into words, once: the repair's judgement and the page
    quality ask about the same runs."""
    return tuple(tokenize(run))


@lru_cache(maxsize=65536)
def _run_coverage(run: str) -> tuple[int, int]:
    vocabulary = lexicon()
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
    vocabulary = lexicon()
    tokens = [t for run in _THAI_RUN.findall(text) for t in _run_tokens(run)]
    if not tokens:
        return None, 0
    return sum(t in vocabulary for t in tokens) / len(tokens), len(tokens)


def clear_word_cache() -> None:
    """Forget tokenised runs (benchmarks use it to time each document as if it came first)."""
    _run_coverage.cache_clear()
    _run_tokens.cache_clear()
