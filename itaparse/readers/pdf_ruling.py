"""Which of a PDF page's drawings are a table's rules, whatever drew them.

pdfplumber's table finder takes every edge of every rectangle as a rule. Producers draw the
same table in different ways: LibreOffice strokes each border as a line; Word and
Chromium/Skia fill a thin rectangle per border; and all of them paint a shaded cell, or a
shaded paragraph inside a cell, as a filled rectangle of its size. Read as rules, those
backgrounds cut a header into small tables of their own. So, by what the drawing means:

- a stroked line or a stroked rectangle's sides are rules;
- a filled shape is a rule only when it is thin (a border drawn as a filled bar);
- any other filled shape is a background, and no rule.

The table is then found on the page without its backgrounds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# A filled shape no thicker than this (points) is a border drawn as a bar: Word's thickest
# border is 6 pt, and the thinnest shaded line of text is far taller (a 10 pt font's line).
MAX_RULE_THICKNESS = 6.0


def is_background(obj: dict[str, Any]) -> bool:
    """A filled rectangle or path too thick to be a rule, and not stroked."""
    if obj.get("object_type") not in ("rect", "curve"):
        return False
    if obj.get("stroke") and not _white(obj.get("stroking_color")):
        return False
    if not obj.get("fill"):
        return False
    thickness = min(float(obj["x1"]) - float(obj["x0"]), float(obj["bottom"]) - float(obj["top"]))
    return thickness > MAX_RULE_THICKNESS


def _white(colour: Any) -> bool:
    """A stroke in white draws nothing on paper: no rule (Word strokes shading that way)."""
    if colour is None:
        return False
    values = colour if isinstance(colour, tuple | list) else (colour,)
    try:
        return len(values) in (1, 3) and all(float(v) >= 0.99 for v in values)
    except (TypeError, ValueError):
        return False


def without_backgrounds(page: Any) -> Any:
    """The page with its filled backgrounds taken out, for the table finder."""
    if not any(is_background(o) for o in (*page.rects, *page.curves)):
        return page
    return page.filter(lambda obj: not is_background(obj))


# Column rules whose ends lie this close (points) end on one line.
_ALIGNED = 1.5
# A row rule this close (points) to where the column rules end closes the table there.
_NEAR_RULE = 3.0
# The share of a span the row rules along it cover for the span to be closed.
_COVERED = 0.95


def closing_rules(page: Any, carried: Sequence[float] = ()) -> list[dict[str, Any]]:
    """Rules a table's drawing leaves out where a page break cuts it: Chromium draws no
    bottom border under a row that goes on on the next page (and no top border over its
    rest), so the row's text would fall outside the table. Where two or more column rules end
    on one line that no row rule closes, and a row rule crosses them higher up (the drawing is
    a ruled table), a rule is added along that line between the outermost of them.

    A row taller than a page leaves a page of column rules alone, crossed by no row rule
    (WeasyPrint). Such rules are closed too when they go on the ruled table the page before
    ended with: at the x of its column rules (`carried`), opening the page (no text above
    them)."""
    edges = page.edges
    verticals = [e for e in edges if e["orientation"] == "v" and e["bottom"] - e["top"] > 3]
    horizontals = [e for e in edges if e["orientation"] == "h"]
    added = []
    for end in ("bottom", "top"):
        open_ends = [v for v in verticals if not _continued(v, end, verticals)]
        for group in _aligned(open_ends, end):
            # A page break's cut lies on the page: what is drawn past its edge is clipped.
            y = min(max(sum(float(e[end]) for e in group) / len(group), 0.0), float(page.height))
            left = min(float(e["x0"]) for e in group)
            right = max(float(e["x0"]) for e in group)
            if _closed(horizontals, y, left, right):
                continue
            if not (
                _crossed(horizontals, group, verticals) or _goes_on(page, group, verticals, carried)
            ):
                continue
            added.append(
                {
                    "object_type": "closing_edge",
                    "orientation": "h",
                    "x0": left,
                    "x1": right,
                    "top": y,
                    "bottom": y,
                    "width": right - left,
                    "height": 0.0,
                }
            )
    return added


def _continued(rule: dict[str, Any], end: str, verticals: list[dict[str, Any]]) -> bool:
    """Another segment of the same column rule goes on from this end (Chromium draws each
    row's side on its own): that end is a joint, not where the rule ends."""
    other = "top" if end == "bottom" else "bottom"
    x, y = float(rule["x0"]), float(rule[end])
    return any(
        v is not rule
        and abs(float(v["x0"]) - x) <= _ALIGNED
        and abs(float(v[other]) - y) <= _NEAR_RULE
        for v in verticals
    )


def _aligned(verticals: list[dict[str, Any]], end: str) -> list[list[dict[str, Any]]]:
    groups: list[list[dict[str, Any]]] = []
    for e in sorted(verticals, key=lambda e: float(e[end])):
        if groups and float(e[end]) - float(groups[-1][-1][end]) <= _ALIGNED:
            groups[-1].append(e)
        else:
            groups.append([e])
    return [g for g in groups if len({round(float(e["x0"])) for e in g}) >= 2]


def _closed(horizontals: list[dict[str, Any]], y: float, left: float, right: float) -> bool:
    """Row rules along y cover the span. Half of it is not enough: under a group label
    merged across the middle columns the rule is drawn, and beside it, under labels merged
    down onto the next page, it is not (Chromium cuts the header row so)."""
    # The union of the spans: a border drawn as a thin bar has two edges along y.
    spans = sorted(
        (max(float(h["x0"]), left), min(float(h["x1"]), right))
        for h in horizontals
        if abs(float(h["top"]) - y) <= _NEAR_RULE
    )
    covered, reach = 0.0, left
    for a, b in spans:
        if b > max(a, reach):
            covered += b - max(a, reach)
            reach = b
    return covered >= _COVERED * (right - left)


def _crossed(
    horizontals: list[dict[str, Any]],
    group: list[dict[str, Any]],
    verticals: list[dict[str, Any]],
) -> bool:
    """A row rule meets at least two of the column rules elsewhere along them. A column rule
    runs on through the segments that continue it: Chromium draws each row's side on its
    own, so the segment a page break leaves at the page's top may meet no row rule itself
    while the column rule it belongs to does."""
    spans = [_run(v, verticals) for v in group]
    for h in horizontals:
        hits = sum(
            float(h["x0"]) - _NEAR_RULE <= float(v["x0"]) <= float(h["x1"]) + _NEAR_RULE
            and top - _NEAR_RULE <= float(h["top"]) <= bottom + _NEAR_RULE
            for v, (top, bottom) in zip(group, spans, strict=True)
        )
        if hits >= 2:
            return True
    return False


# Of the column rules the page before ended with, at least this many (all, where there are
# fewer) must go on here for a page of column rules alone to be read as its table's rest.
_GOING_ON = 3


def _goes_on(
    page: Any,
    group: list[dict[str, Any]],
    verticals: list[dict[str, Any]],
    carried: Sequence[float],
) -> bool:
    """The column rules of `group` go on the table the page before ended with: they stand at
    its column rules' x, and open the page, no glyph above where they begin."""
    if not carried:
        return False
    xs = {round(float(v["x0"]), 1) for v in group}
    matched = {x for x in xs if any(abs(x - c) <= _ALIGNED for c in carried)}
    if len(matched) < min(_GOING_ON, len(carried)) or len(matched) < len(xs) - 1:
        return False
    top = min(_run(v, verticals)[0] for v in group)
    return not any(float(ch["bottom"]) <= top for ch in page.chars)


def _run(rule: dict[str, Any], verticals: list[dict[str, Any]]) -> tuple[float, float]:
    """Top and bottom of the column rule that `rule` is a segment of: the segments at its x
    that meet end to end."""
    x = float(rule["x0"])
    same = sorted(
        (float(v["top"]), float(v["bottom"]))
        for v in verticals
        if abs(float(v["x0"]) - x) <= _ALIGNED
    )
    top, bottom = float(rule["top"]), float(rule["bottom"])
    for t, b in same:  # downwards
        if top - _NEAR_RULE <= t <= bottom + _NEAR_RULE:
            bottom = max(bottom, b)
    for t, b in reversed(same):  # upwards
        if t - _NEAR_RULE <= top <= b + _NEAR_RULE:
            top = min(top, t)
    return top, bottom


def find_tables(page: Any, carried: Sequence[float] = ()) -> list[Any]:
    """pdfplumber's ruled tables, on the page without backgrounds and with the rules a page
    break left out put back; `carried`: the x of the column rules of the ruled table the page
    before ended with."""
    ruled = without_backgrounds(page)
    closing = closing_rules(ruled, carried)
    if not closing:
        return list(ruled.find_tables())
    return list(ruled.find_tables({"explicit_horizontal_lines": closing}))
