"""Decide, per font and over the whole document, what each suspicious glyph code really is.

A PDF font's code-to-Unicode map is a hypothesis, not a fact. Exporters get it wrong in a
few recurring ways: a glyph with no mapping at all ("(cid:3)" for า in LibreOffice exports),
the zero-width NIKHAHIT of a decomposed SARA AM mapped to a space (Word 2007, PowerPoint),
one mark's glyph mapped to another mark (ู as ้), า and ำ swapped (PowerPoint, bold Word
headings). Each suspicious code gets a few candidate readings; the one under which the
document's text around that code reads most as dictionary words wins. A code that already has
a mapping keeps it unless another reading is clearly better, so clean text stays as it is.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from itaparse.thai.dictionary import coverage
from itaparse.thai.sequences import ABOVE_VOWELS, BELOW_VOWELS, MARKS, PUA_MAP, TONES, normalize
from itaparse.thai.text import is_thai

Char = dict[str, Any]
Key = tuple[str, int]  # (font name, glyph code)
_NO_CODE: Key = ("", -1)  # a character whose code was not recorded

CONSONANTS = "".join(chr(c) for c in range(0x0E01, 0x0E2F))
SPACING_VOWELS = "\u0e30\u0e32\u0e33\u0e40\u0e41\u0e42\u0e43\u0e44\u0e45"
AA, AM, NIKHAHIT = "\u0e32", "\u0e33", "\u0e4d"

_CONTEXTS = 30  # occurrences judged per code, spread over the document
_FIRST_ROUND = 10  # occurrences for a first cut when a code has many candidates
_WINDOW = 10  # characters either side of an occurrence
_MIN_GAIN = 0.02  # share of context characters a new reading must add to replace a mapping
_MISSPELLING_COST = 4  # characters of coverage an impossible letter sequence costs
# A mapped code whose contexts read at least this well is left alone without a search.
# Measured on LibreOffice, Word 2007 and PowerPoint exports: every wrongly mapped code read at
# 0.67 or less once the codes before it were settled, every right one at 0.72 or more.
_READS_WELL = 0.70

# Sequences Thai spelling never has: a mark with no consonant under it, or two marks of the
# same class on one consonant ("ุุ"). SARA AM's shaping debris ("ำา", "ํา", "ำ้า") is not counted.
_IMPOSSIBLE = re.compile(
    f"(?:^|[^\u0e01-\u0e2e\u0e33{MARKS}])[{MARKS.replace(chr(0x0E4D), '')}]"
    f"|[{ABOVE_VOWELS}]{{2}}|[{BELOW_VOWELS}]{{2}}|[{TONES}]{{2}}"
)


@dataclass
class _Code:
    text: str
    zero_width: bool
    places: list[tuple[int, int]] = field(default_factory=list)

    @property
    def claims_thai(self) -> bool:
        """The font maps the code to a Thai character (or a PUA mark standing for one): a
        claim to overrule only on clear evidence, unlike "(cid:N)", "" or a space."""
        return (len(self.text) == 1 and is_thai(self.text)) or self.text in PUA_MAP


def is_zero_width(ch: Char) -> bool:
    """A glyph drawn with no advance: a mark (or, in damaged exports, a mark mapped wrongly)."""
    return float(ch["x1"] - ch["x0"]) < 0.05 * float(ch["size"] or 1)


def _candidates(code: _Code) -> list[str] | None:
    """Readings to try for a code, or None when it cannot be wrong in a way seen in exports.

    Every mark is a suspect (exporters map one mark's glyph to another); decide() searches
    only the suspects whose words read badly."""
    text = code.text
    unmapped = text.startswith("(cid:") or text == "" or text in PUA_MAP
    if code.zero_width:
        if unmapped or text.isspace() or text in MARKS:
            return [*MARKS, ""]
        if code.claims_thai and text not in MARKS:  # a spacing letter drawn with no width
            return [text, *MARKS, ""]
        if len(text) == 1 and not text.isalnum():  # "ขึ:น": punctuation has width, marks don't
            return [text, *MARKS, ""]
        return None
    if unmapped:
        return [*CONSONANTS, *SPACING_VOWELS, ""]
    if text in (AA, AM):
        return [AA, AM]
    return None


@lru_cache(maxsize=65536)
def _reading(raw: str) -> tuple[int, int, int, int]:
    """(covered, Thai characters, tokens, impossible sequences) of a window's text: asked
    again and again for the same text (six times in ten), as hypotheses come and go."""
    covered, total, tokens = coverage(normalize(raw))
    return covered, total, tokens, _impossible(raw)


def clear_reading_cache() -> None:
    """Forget windows already read (benchmarks time each document as if it came first)."""
    _reading.cache_clear()


def _impossible(raw: str) -> int:
    # A window may open inside a cluster: its leading marks have their consonant outside.
    # A Private Use Area mark is the mark it stands for (Chromium writes "ผู้" as ผ, the
    # lowered mai tho U+F70B, then ู): a mark after it sits on a letter, as it should.
    return len(_IMPOSSIBLE.findall(raw.translate(_PUA_MARKS).lstrip(MARKS)))


_PUA_MARKS = str.maketrans(PUA_MAP)


@dataclass(frozen=True)
class _Window:
    """The characters around one occurrence of a code: (code key or None, extracted text)."""

    items: tuple[tuple[Key, str], ...]
    keys: frozenset[Key]


class _Document:
    def __init__(self, lines: Sequence[Sequence[Char]]) -> None:
        self.lines = lines
        self.codes: dict[Key, _Code] = {}
        for li, line in enumerate(lines):
            for pos, ch in enumerate(line):
                if "code" not in ch:
                    continue
                key = (ch["fontname"], ch["code"])
                entry = self.codes.get(key)
                if entry is None:
                    entry = self.codes[key] = _Code(ch["text"], is_zero_width(ch))
                entry.places.append((li, pos))
        self.mapping: dict[Key, str] = {}
        # Scores under the current mapping alone, per occurrence; cleared when it changes.
        self._plain: dict[tuple[int, int], tuple[int, int]] = {}
        self._windows: dict[tuple[int, int, bool], _Window] = {}

    def contexts(self, code: _Code) -> list[tuple[int, int]]:
        places = code.places
        if len(places) <= _CONTEXTS:
            return places
        step = len(places) / _CONTEXTS
        return [places[int(i * step)] for i in range(_CONTEXTS)]

    def window(self, place: tuple[int, int], line_only: bool = False) -> _Window:
        """The characters around an occurrence; with line_only, those of its visual line
        alone (a run of text may hold a cell's lines end to end: they differ in top)."""
        found = self._windows.get((*place, line_only))
        if found is None:
            li, pos = place
            run = self.lines[li]
            start, end = max(0, pos - _WINDOW), min(len(run), pos + _WINDOW + 1)
            if line_only:
                top = float(run[pos].get("top", 0.0))
                while start < pos and abs(float(run[start].get("top", 0.0)) - top) > 1.0:
                    start += 1
                while end > pos + 1 and abs(float(run[end - 1].get("top", 0.0)) - top) > 1.0:
                    end -= 1
            items = tuple(
                ((ch["fontname"], ch["code"]) if "code" in ch else _NO_CODE, str(ch["text"]))
                for ch in run[start:end]
            )
            found = _Window(items, frozenset(k for k, _ in items if k != _NO_CODE))
            self._windows[(*place, line_only)] = found
        return found

    def render(self, window: _Window, overrides: dict[Key, str]) -> str:
        mapping = self.mapping
        return "".join(
            overrides[k] if k in overrides else mapping.get(k, text) for k, text in window.items
        )

    def window_score(self, window: _Window, overrides: dict[Key, str]) -> tuple[int, int]:
        """(badness, Thai characters) of a window under the overrides.

        Badness counts characters outside dictionary words, one per token, and a cost per
        impossible sequence. Uncovered rather than covered characters, so a reading that adds
        a letter gains nothing by its length; tokens, because Thai is full of short words and
        a misreading still splits into some ("ดา|เนิน|การ"), only into more of them than the
        right reading does ("ดำเนินการ")."""
        raw = self.render(window, overrides)
        covered, total, tokens, impossible = _reading(raw)
        return total - covered + tokens + _MISSPELLING_COST * impossible, total

    def settle(self, change: dict[Key, str], undo: Sequence[Key] = ()) -> None:
        for key in undo:
            del self.mapping[key]
        self.mapping.update(change)
        self._plain.clear()

    def plain(self, places: Sequence[tuple[int, int]]) -> tuple[int, int]:
        """Badness of the windows at places under the mapping as it stands."""
        bad = total = 0
        for place in places:
            found = self._plain.get(place)
            if found is None:
                found = self._plain[place] = self.window_score(self.window(place), {})
            bad += found[0]
            total += found[1]
        return bad, total

    def score(
        self,
        overrides: dict[Key, str],
        places: Sequence[tuple[int, int]],
        baseline: Sequence[tuple[int, int]] | None = None,
    ) -> tuple[int, int]:
        """Badness of the windows at places under the overrides; windows the overrides do not
        touch take their baseline score when one is given."""
        bad = total = 0
        changed = overrides.keys()
        for i, place in enumerate(places):
            window = self.window(place)
            if baseline is not None and not (window.keys & changed):
                c, t = baseline[i]
            else:
                c, t = self.window_score(window, overrides)
            bad += c
            total += t
        return bad, total


def _order(group: list[Key], doc: _Document) -> tuple[int, int]:
    # Unmapped codes first: until they are read, they break the words every other test needs.
    first = 1 if doc.codes[group[0]].claims_thai else 0
    return (first, -sum(len(doc.codes[k].places) for k in group))


def decide(lines: Sequence[Sequence[Char]]) -> dict[Key, str]:
    """Readings for the codes whose map is wrong: {(font, code): text}; empty for clean PDFs.

    Codes are judged in groups: the codes of one font that share a mark ("which of the codes
    read as ้ is really ู?"), or a single code.
    """
    doc = _Document(lines)
    by_text: dict[tuple[str, str], list[Key]] = defaultdict(list)
    for key, entry in doc.codes.items():
        by_text[(key[0], entry.text)].append(key)
    groups: list[list[Key]] = []
    for (_font, text), keys in by_text.items():
        suspects = [k for k in keys if _candidates(doc.codes[k])]
        if text in MARKS and len(suspects) > 1:
            groups.append(suspects)
        else:
            groups.extend([k] for k in suspects)
    changes: list[dict[Key, str]] = []
    for group in sorted(groups, key=lambda g: _order(g, doc)):
        pending = [k for k in group if k not in doc.mapping]
        # Two mark codes can be swapped (the map says ้ where the glyph is ู, and ู where it is
        # ้). Words around a swap can read just above any threshold when one of the marks is
        # rare, so the swaps of a mark are always tried, even where its words read well; the
        # search keeps a mapping unless the swap reads clearly better.
        swaps_only = doc.codes[group[0]].text in MARKS and _reads_well(doc, pending)
        while pending and (swaps_only or not _reads_well(doc, pending)):
            change = _best(doc, pending, by_text, swaps_only)
            if not change:
                break
            doc.settle(change)
            changes.append(change)
            pending = [k for k in pending if k not in change]
    # Second look at every change, now that all codes around it are settled: a code decided
    # early ("drop this zero-width glyph") may read differently once its neighbours are fixed.
    # A swap is looked at again as a whole.
    # A change of two codes may come back as one code's ("ู, not ้" without "this empty
    # glyph is ํ"): the codes it leaves open are judged again, on their own.
    for change in changes:
        pending = list(change)
        doc.settle({}, pending)
        while pending:
            best = _best(doc, pending, by_text)
            if not best:
                break
            doc.settle(best)
            pending = [k for k in pending if k not in best]
    return {k: v for k, v in doc.mapping.items() if v != doc.codes[k].text}


def _reads_well(doc: _Document, keys: list[Key]) -> bool:
    for key in keys:
        code = doc.codes[key]
        if not code.claims_thai:
            return False
        covered = total = 0
        for place in doc.contexts(code):
            # Judged on its line, as the threshold was measured: a cell's lines read end to
            # end give a code long contexts, whose other words dilute its misreading.
            raw = doc.render(doc.window(place, line_only=True), {})
            c, t, _tokens, impossible = _reading(raw)
            covered += c - _MISSPELLING_COST * impossible
            total += t
        if total and covered / total < _READS_WELL:
            return False
    return True


def _first(doc: _Document, hypothesis: dict[Key, str]) -> list[tuple[int, int]]:
    return [p for key in hypothesis for p in doc.contexts(doc.codes[key])[:_FIRST_ROUND]]


def _gain(doc: _Document, hypothesis: dict[Key, str]) -> int:
    """Badness a hypothesis adds (negative: removes) on a few occurrences of each code it
    touches; a swap touches two codes, so raw sums would not compare with one code's."""
    places = _first(doc, hypothesis)
    return doc.score(hypothesis, places)[0] - doc.plain(places)[0]


def _best(
    doc: _Document,
    group: list[Key],
    by_text: dict[tuple[str, str], list[Key]],
    swaps_only: bool = False,
) -> dict[Key, str]:
    """The best hypothesis for a group of codes: one code read anew, or two codes swapped.

    A swap ({this: ู, that: ้}) is tried because two codes whose readings are exchanged can
    only be repaired together: each alone makes the other's words worse.
    """
    hypotheses: list[dict[Key, str]] = [{}]
    where: list[tuple[int, int]] = []
    for key in group:
        code = doc.codes[key]
        candidates = _candidates(code) or []
        places = doc.contexts(code)
        mine: list[dict[Key, str]] = [
            {key: r} for r in candidates if r != code.text and not swaps_only
        ]
        if code.text in MARKS:
            mine.extend(
                {key: reading, other: code.text}
                for reading in candidates
                for other in by_text.get((key[0], reading), [])
                if other != key and other not in doc.mapping
            )
        if code.zero_width and NIKHAHIT in candidates and not swaps_only:
            # SARA AM is drawn as two glyphs, and exporters can get both halves wrong at once:
            # NIKHAHIT as a space and SARA AA as ำ ("ค ำน ำ" for คำนำ, "ควำม" for ความ).
            mine.extend(
                {key: NIKHAHIT, other: AA}
                for other in by_text.get((key[0], AM), [])
                if not doc.codes[other].zero_width and other not in doc.mapping
            )
        if swaps_only:  # a swap must first read better on a few occurrences of both codes
            mine = [h for h in mine if _gain(doc, h) < 0]
        if len(mine) > 4:  # a first cut on a few occurrences of each code involved
            mine = sorted(mine, key=lambda h: _gain(doc, h))[:4]
        hypotheses.extend(mine)
        where.extend(places)
        for h in mine:
            where.extend(p for other in h if other != key for p in doc.contexts(doc.codes[other]))
    where = list(dict.fromkeys(where))
    base = [doc.plain([p]) for p in where]
    scored = [(doc.score(h, where, base)[0], h) for h in hypotheses]
    baseline, total = sum(b for b, _ in base), sum(t for _, t in base)
    bad, best = min(scored, key=lambda item: item[0])
    if not best or total == 0:
        return {}
    mapped = all(doc.codes[k].claims_thai for k in best)
    if mapped and baseline - bad < max(3, _MIN_GAIN * total):
        return {}
    if mapped and sum(len(doc.codes[k].places) for k in best) < 2:
        # One word is not enough to overrule a font's map (it may be the author's typo),
        # unless the map makes it impossible Thai ("อุุม" for อุ้ม).
        seen = [doc.render(doc.window(p), {}) for k in best for p in doc.codes[k].places]
        if not any(_impossible(raw) for raw in seen):
            return {}
    return best
