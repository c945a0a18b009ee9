"""Measure numbers that skip or repeat: where a category's measures run 1, 2, 4, a row was lost
or read into its neighbour; where two are numbered 2, a row was split or repeated.

Clerks number the measures of a category in sequence, and a table's rows keep that order. A
number left out is evidence a reader cannot see otherwise: on a scan, the rule between two
rows lost makes one row of two (the first measure then holds the second's fields, its score
among them), and a row OCR found no text in vanishes. Each gap is a warning on the measures
on both sides of it; on a page read by OCR the score of the measure above the gap is left out,
since it may be the lost row's.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from itaparse.models import AssessmentItem, Category, Measure, ParseWarning, measure_tag
from itaparse.table_rows import CategoryRow

_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3})*")
# A subject has a letter: a lone vowel or mark ("ใ", Chromium's clipped copy of the next
# page's first line) is none.
_SUBJECT = re.compile(r"[\u0e01-\u0e2eA-Za-z0-9๐-๙]")


def has_subject(measure: Measure) -> bool:
    """Whether a measure's row names what it is about (else it is warned of as no-title)."""
    return _SUBJECT.search(measure.title) is not None


# Numbers further apart than this are no gap but another list (a clerk's own numbering).
_MAX_GAP = 5


def _parts(number: str) -> tuple[str, int] | None:
    if not _NUMBER.fullmatch(number):
        return None
    head, _, last = number.rpartition(".")
    return head, int(last)


def _missing(before: Measure, after: Measure) -> list[str]:
    """The numbers between two measures of one list, where the second skips some."""
    a, b = _parts(before.number), _parts(after.number)
    if a is None or b is None or a[0] != b[0] or not a[1] + 1 < b[1] <= a[1] + _MAX_GAP:
        return []
    head = f"{a[0]}." if a[0] else ""
    return [f"{head}{n}" for n in range(a[1] + 1, b[1])]


def _on(category: Category, measure: Measure, code: str, message: str) -> ParseWarning:
    """A warning on one measure, at its first page."""
    page = measure.pages[0] if measure.pages else None
    return ParseWarning(
        code=code, message=message, page=page, measure=measure_tag(category, measure)
    )


def _clear_score(category: Category, measure: Measure, why: str) -> list[ParseWarning]:
    """Leave a measure's score out, saying why; nothing where it states none."""
    if measure.score is None:
        return []
    measure.score = None
    return [_on(category, measure, "unsure-score", f"score left out: {why}")]


def _duplicates(category: Category) -> list[ParseWarning]:
    """Measures of one category with one number: a row split in two (a browser cuts a row at
    a page break and its rest reads as a row of its own), or a file pasted together. All are
    warned; the score of each after the first is left out, as it may be a neighbour's."""
    warnings: list[ParseWarning] = []
    seen: dict[str, Measure] = {}
    for measure in category.measures:
        # A row without a subject takes the number of its place, written by no one (and is
        # warned of as no-title): it repeats nothing.
        if _parts(measure.number) is None or not has_subject(measure):
            continue
        first = seen.setdefault(measure.number, measure)
        if first is measure:
            continue
        why = f"two measures are numbered {measure.number}: a row may be split in two or repeated"
        warnings += [_on(category, each, "duplicate-number", why) for each in (first, measure)]
        warnings += _clear_score(category, measure, "a measure before it has the same number")
    return warnings


def _unnumbered(category: Category, unnumbered: AbstractSet[int]) -> list[ParseWarning]:
    """A measure whose row states no number among measures that state theirs: its number is
    its place, and its number may be what was lost (a row that lost its number cell)."""
    stated = [m for m in category.measures if id(m) not in unnumbered and has_subject(m)]
    if not stated:  # a table that numbers none of its measures: nothing is missing
        return []
    return [
        _on(
            category,
            measure,
            "number-missing",
            f"its row states no number, where the measures around it do: numbered {measure.number} "
            "by its place",
        )
        for measure in category.measures
        if id(measure) in unnumbered and has_subject(measure)
    ]


def _foreign(category: Category) -> list[ParseWarning]:
    """A measure numbered "3.2" among a category's "2.x": its own category row lost (a
    damaged page, a rule OCR missed), so it reads under the category before; or a misread."""
    if category.number is None:
        return []
    heads = {m.number: m.number.partition(".")[0] for m in category.measures if "." in m.number}
    if str(category.number) not in heads.values():  # numbered by a scheme of their own
        return []
    return [
        _on(
            category,
            measure,
            "category-mismatch",
            f"numbered {measure.number} under category {category.number}, whose other "
            f"measures are numbered {category.number}.x: its category row may be lost",
        )
        for measure in category.measures
        if heads.get(measure.number, str(category.number)) != str(category.number)
    ]


def sequence_warnings(
    categories: list[Category], scanned: set[int], unnumbered: AbstractSet[int] = frozenset()
) -> list[ParseWarning]:
    """Warnings for gaps, repeats and missing numbers in each category's numbering; `scanned`
    holds the id() of measures read by OCR, whose score above a gap is cleared, `unnumbered`
    those whose row stated no number."""
    warnings: list[ParseWarning] = []
    for category in categories:
        warnings.extend(_duplicates(category))
        warnings.extend(_unnumbered(category, unnumbered))
        warnings.extend(_foreign(category))
        for before, after in zip(category.measures, category.measures[1:], strict=False):
            missing = _missing(before, after)
            if not missing:
                continue
            lost = ", ".join(missing)
            for measure, side in ((before, "below"), (after, "above")):
                why = f"measure {lost} is missing {side} this one: a row may be lost or read "
                warnings.append(_on(category, measure, "sequence-gap", why + "into its neighbour"))
            if id(before) in scanned:
                warnings += _clear_score(category, before, f"the row may hold measure {lost}'s too")
    return warnings


def damage_warnings(categories: list[Category], damaged: list[int]) -> list[ParseWarning]:
    """Measures whose rows a damaged page may have cut: those that run onto or across it
    (or, where none does, the page lost whole, the last measure before it) and the first
    measure after it. Each is warned once and gives no score: its rows may have lost their
    rest, or taken a neighbour's continuation, or its category row."""
    placed = [(c, m) for c, m in ((c, m) for c in categories for m in c.measures) if m.pages]
    pages_of: dict[int, tuple[Category, Measure, list[int]]] = {}
    for page in damaged:
        hit = [(c, m) for c, m in placed if min(m.pages) <= page <= max(m.pages)]
        if not hit:  # the page lost whole: the measure before may have lost its rest
            hit = [(c, m) for c, m in placed if max(m.pages) < page][-1:]
        # The first measure after it may have lost its start, or its category row
        hit += [(c, m) for c, m in placed if min(m.pages) > page][:1]
        for category, measure in hit:
            pages_of.setdefault(id(measure), (category, measure, []))[2].append(page)
    warnings: list[ParseWarning] = []
    for category, measure, pages in pages_of.values():
        which = f"page {pages[0]}" if len(pages) == 1 else "pages " + ", ".join(map(str, pages))
        why = f"{which} of the file {'is' if len(pages) == 1 else 'are'} damaged, not read whole"
        warnings.append(
            _on(category, measure, "damaged-page", f"{why}: this measure's rows may be cut")
        )
        warnings += _clear_score(category, measure, f"{why}; it may be a neighbour's")
    return warnings


def unclear_categories(
    categories: list[Category], unclear: list[tuple[Category, CategoryRow]]
) -> list[ParseWarning]:
    """A warning for each category whose label was read loosely; one whose number could not
    be read at all takes it from its measures' numbers ("2.1", "2.2": 2), or else from its
    place after the category before, and says which."""
    warnings: list[ParseWarning] = []
    for category, row in unclear:
        how = ""
        if category.number is None:
            heads = {m.number.partition(".")[0] for m in category.measures if "." in m.number}
            at = categories.index(category)
            before = next((c.number for c in reversed(categories[:at]) if c.number), None)
            if len(heads) == 1 and next(iter(heads)).isdigit():
                category.number, how = int(next(iter(heads))), " (from its measures' numbers)"
            elif before is not None or at == 0:
                category.number, how = (before or 0) + 1, " (from its place)"
        warnings.append(
            ParseWarning(
                code="unclear-category",
                message=f"a row across the table reads {row.loose!r}: taken as category "
                f"{category.number}{how}, its label unclear",
                page=row.page,
            )
        )
    return warnings


def unread_categories(
    categories: list[Category], assessment: list[AssessmentItem]
) -> list[ParseWarning]:
    """Categories the report's own score tables name that no measure was read under: the
    NACC form prints each issue's score items beneath its heading, then its measures, so an
    issue with items and no measures is one whose rows were lost (Chromium's header cut by
    a page break once hid a whole issue so)."""
    read = {c.number for c in categories if c.measures}
    named: dict[int, list[str]] = {}
    for item in assessment:
        if item.category is not None and item.category not in read:
            named.setdefault(item.category, []).append(item.item or item.question or "?")
    return [
        ParseWarning(
            code="category-unread",
            message=f"the score table of category {number} lists {', '.join(items)}, "
            "but no measure of it was read: its rows may have been lost",
        )
        for number, items in sorted(named.items())
    ]
