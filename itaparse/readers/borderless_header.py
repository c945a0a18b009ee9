"""Borderless tables' headers: which lines under a first line of labels are the header's
(labels wrapped, lengthened, cut mid-word, noted, centred lower, grouped), and the header
as rows of labels mapped to fields."""

from __future__ import annotations

from collections.abc import Sequence

from itaparse.readers.borderless_band import (
    _band_header,
    _centred_band,
    _numbered_row,
    same_letters,
)
from itaparse.readers.borderless_columns import (
    Columns,
    Line,
    Render,
    _blocks,
    _body_end,
    _bold,
    _by_column,
    _cell_lines,
    _columns,
    _overlap,
    _span,
    _starts_row,
    _straddles,
)
from itaparse.readers.borderless_labels import _goes_on, _lengthens, _wrapped
from itaparse.thai.text import join_wrapped
from itaparse.vocabulary import map_labels, read_header

_MAX_HEADER_LINES = 8  # a group label, and labels wrapped over up to seven lines


# A label matches its field a little less surely for words added to it: a wrap the labels go
# on with may cost this much of the header's score for each label it lengthens.
_LONGER_LABEL = 0.05


def _header(
    lines: Sequence[Line], start: int, text: Render, previous: Columns | None = None
) -> tuple[list[Line], int] | None:
    """The first header line's blocks and the header's last line, when a header starts at start.

    The line must read as a measures header, alone or with the line under it where labels
    wrap ("มาตรการ/" over "แนวทาง"). Lines below join while they are not a row's start and
    either put labels in columns the first line left without one (sub-labels under a group
    label), are bold like the first, make the labels match the fields better, or end labels
    wrapped in narrow columns (short words the labels above go on with). A body line
    continued from the page before has text only under labels the header already has.

    A header repeated on a later page is the lines the table's first header read, however
    its words would read on their own: the lines under it are its body.
    """
    opening, band = start, _centred_band(lines, start)
    repeat_end = None  # the line after the page before's header, printed again here
    if previous is not None and previous.header_lines:
        repeated = lines[opening : opening + len(previous.header_lines)]
        if same_letters([text(line) for line in repeated], previous.header_lines):
            repeat_end = opening + len(repeated)
    first_line = [ch for line in lines[start : start + band] for ch in line]
    blocks = _blocks(first_line)
    if _starts_row(text(blocks[0])) or _numbered_row(first_line, text):
        return None  # a row's first line is no header ("1 | มาตรการ | …" numbers a row)
    if len(blocks) < 3:
        banded = _band_header(lines, start, text, repeat_end)
        # Two labels alone on the first line ("มาตรการ/" and a group label over "แผน…"):
        # the others, one line high, are centred lower. Read on: the lines under it may
        # make it a header, its labels wrapping into theirs.
        if banded is not None or len(blocks) < 2:
            return banded
    mapping, score = read_header([text(b) for b in blocks])
    spans = [_span(b) for b in blocks]
    start, last = start + band - 1, start + band - 1  # the band reads as one line from here
    bold = _bold(first_line)
    left, right = min(a for a, _ in spans), max(b for _, b in spans)
    below = _cell_lines(lines[start + 2 : _body_end(lines, start + 1)], left, right, text, blocks)
    leaves = _leaves(
        blocks,
        lines[start + 1] if start + 1 < len(lines) else None,
        text,
        lines[start + 2 : start + _MAX_HEADER_LINES],
    )
    if repeat_end is not None:
        last = repeat_end - 1
        if start + 1 > last:  # the line under a one-line header is body: no sub-labels
            leaves = blocks
        return _with_lower_labels(leaves, lines[start + 2 : last + 1]), last
    columns = _columns(leaves, below)
    under = lines[start + 1] if start + 1 < len(lines) else None
    grouped = _grouped(blocks, columns, under)
    labelled = {columns.index(a + 1) for a, _ in spans}
    by_column: list[dict[int, Line]] = [_by_column(first_line, columns)]
    if mapping is not None:
        score = _labels_score(by_column, text, grouped)
    # The first row under a table's first header: the lines above it are the header's, where
    # each of their words goes on with or lengthens a label, however much longer the labels
    # read (no row of the table has begun; a page that continues a table may open with a
    # row's rest instead). One word alone under a one-line label ("คะแนน" under
    # ผลการดำเนินงาน, a score's end a break cut) must go on with it for sure.
    first_row = (
        next(
            (
                k
                for k in range(start + 1, min(start + _MAX_HEADER_LINES, len(lines)))
                if _starts_row(text(_blocks(lines[k])[0])) or _numbered_row(lines[k], text)
            ),
            None,
        )
        if previous is None
        else None
    )
    for k in range(start + 1, min(start + _MAX_HEADER_LINES, len(lines))):
        if _starts_row(text(_blocks(lines[k])[0])) or _numbered_row(lines[k], text):
            break
        parts = _by_column(lines[k], columns)
        own, _ = map_labels([[text(p)] for p in parts.values()])
        if set(parts) - labelled and 2 * len(own) >= len(parts):
            labelled |= set(parts)
            by_column.append(parts)
            last = k
            score = _labels_score(by_column, text, grouped)
            continue
        if mapping is None:  # the first line alone is no header: its labels wrap
            if read_header([text(b) for b in _blocks(lines[k])])[0] is not None:
                # A line below reads as the header itself: the first line is a group
                # label raised above it (with labels centred beside it), not labels that
                # wrap; merging the two would glue the group label into a column's label
                # and misplace the columns. The header starts lower.
                break
            trial = [list(b) for b in blocks]
            beside = []  # labels under no label above: one-line labels centred lower
            for b in _blocks(lines[k]):
                x0 = _span(b)[0]
                if not any(_overlap(_span(b), s) for s in spans):
                    beside.append(b)
                    continue
                trial[min(range(len(spans)), key=lambda i: abs(spans[i][0] - x0))].extend(b)
            trial = sorted([*trial, *beside], key=lambda b: _span(b)[0])
            mapping, score = read_header([text(b) for b in trial])
            if mapping is None:
                break
            if beside:  # the columns are those of every label
                blocks = sorted([*blocks, *beside], key=lambda b: _span(b)[0])
                spans = [_span(b) for b in blocks]
                leaves = sorted([*leaves, *beside], key=lambda b: _span(b)[0])
                columns = _columns(leaves, below)
                grouped = _grouped(blocks, columns, under)
                labelled = {columns.index(a + 1) for a, _ in spans}
                by_column = [_by_column(line, columns) for line in lines[opening:k]]
                parts = _by_column(lines[k], columns)
            by_column.append(parts)
            last = k
            score = _labels_score(by_column, text, grouped)
            continue
        trial_score = _labels_score([*by_column, parts], text, grouped)
        # The last words of labels wrapped in narrow columns ("มาตรการ/" over "โครงการ",
        # "ระยะเวลา" over "ดำเนินการ"): short, and the label above goes on with them, after
        # its slash or into a label the forms write. "ผลลัพธ์" over "คะแนน" (a score cut by
        # the page break) is neither.
        # A column under a group label goes on with its own label, below the group's.
        above = {
            col: [
                text(line[col])
                for line in (by_column[1:] if col in grouped else by_column)
                if col in line
            ]
            for col in parts
        }
        goes_on = {col: _goes_on(above[col], text(p)) for col, p in parts.items()}
        # A label lengthened by a word or two wraps under a whole label; the line is the
        # header's where every other label in it goes on for sure, or goes on in a column
        # whose label has wrapped already ("ระยะเวลา" over "ดำเนินการที่ดำเนิน" over "การ").
        wrapped = {col for col in parts if len(above[col]) >= 2}
        lengthened = {col for col, p in parts.items() if _lengthens(above[col], text(p))}
        tail = (any(goes_on.values()) or bool(wrapped)) and all(
            goes_on[col] or col in lengthened for col in parts
        )
        # Where every label goes on for sure, each may cost twice: an alternative after a
        # slash ("วิธีการดำเนินงาน/" over "กิจกรรมที่ดำเนินการ") is a label's length longer.
        cost = _LONGER_LABEL * max(1, len(lengthened)) * (2 if all(goes_on.values()) else 1)
        if (
            (bold and _bold(lines[k]))
            or trial_score > score + 0.05
            or (tail and trial_score >= score - cost)
            or (
                first_row is not None
                and k < first_row
                and (tail or len(parts) >= 2 or all(_wrapped(col, by_column) for col in parts))
                and all(goes_on[col] or col in lengthened for col in parts)
            )
        ):
            by_column.append(parts)
            # A label lengthened once more is measured against the header as it now reads.
            last, score = k, trial_score if tail else max(score, trial_score)
        else:
            break
    if mapping is None:
        return _band_header(lines, opening, text)
    return _with_lower_labels(leaves, lines[start + 1 : last + 1]), last


def _with_lower_labels(leaves: list[Line], lower: Sequence[Line]) -> list[Line]:
    """The column labels with those that stand lower in the header under no label above: a
    producer that centres labels vertically puts a one-line label ("ผลลัพธ์") beside the
    second line of a two-line one, and so on down."""
    found = list(leaves)
    for line in lower:
        for block in _blocks(line):
            if not any(_overlap(_span(block), _span(leaf)) for leaf in found):
                found.append(block)
    return sorted(found, key=lambda b: _span(b)[0])


def _leaves(
    first: list[Line], under: Line | None, text: Render, lower: Sequence[Line] = ()
) -> list[Line]:
    """The header's column labels: the first line's blocks, where a group label stands over
    two or more sub-labels on the line below ("แผนการดำเนินงาน" over วิธีดำเนินการ and
    ผู้รับผิดชอบ) the sub-labels instead, and sub-labels that stand under no label of the first
    line as their own. The line below counts only when it reads as labels (half its blocks
    or more): a body line under a one-line header never does. Where it does not, a group
    label's own sub-labels still count when every one of them reads as a label: the line
    below also holds the rest of labels wrapped beside the group ("ดำเนินการ" under
    "มาตรการการ", "ตามมาตรการ" under "ผลการดำเนินงาน"), which are no labels on their own."""
    if under is None or _starts_row(text(_blocks(under)[0])):
        return first
    subs = _blocks(under)
    own, _ = map_labels([[text(b)] for b in subs])
    labels_line = 2 * len(own) >= len(subs)
    spans = [_span(b) for b in first]
    leaves: list[Line] = []
    for block, span in zip(first, spans, strict=True):
        below = [b for b in subs if _overlap(_span(b), span)]
        grouped = len(below) >= 2 and (labels_line or _all_labels(below, text))
        if not below:
            below = _sub_labels_lower(span, lower, text)
            grouped = len(below) >= 2
        leaves.extend(below if grouped else [block])
    if labels_line:
        leaves.extend(b for b in subs if not any(_overlap(_span(b), span) for span in spans))
    return sorted(leaves, key=lambda b: _span(b)[0])


def _all_labels(blocks: Sequence[Line], text: Render) -> bool:
    return len(map_labels([[text(b)] for b in blocks])[0]) == len(blocks)


def _sub_labels_lower(span: tuple[float, float], lower: Sequence[Line], text: Render) -> list[Line]:
    """A group label's sub-labels lower in the header than the line under it: labels beside
    the group wrapped over more lines, and centred, push them down (Chromium: "ขั้นตอน/
    วิธีการ" and "ระยะเวลา" three lines under "แผนการดำเนินงาน"). They are the blocks of the
    first line below with any under the label, when two or more are under it and every one
    reads as a label; none before a row begins."""
    for line in lower:
        blocks = _blocks(line)
        if _starts_row(text(blocks[0])):
            return []
        below = [b for b in blocks if _overlap(_span(b), span)]
        if below:
            return below if len(below) >= 2 and _all_labels(below, text) else []
    return []


def _left_groups(lines: Sequence[Line], columns: Columns) -> dict[int, int]:
    """First column -> last column of each left-aligned group label on the first line."""
    if len(lines) < 2:
        return {}
    first = {columns.index((c["x0"] + c["x1"]) / 2) for c in lines[0]}
    return _group_runs(first, set(_by_column(lines[1], columns)))


def _group_runs(first: set[int], below: set[int]) -> dict[int, int]:
    """A label on the first line over a sub-label whose neighbours to the right on the line
    below stand under no label: the columns its group spans (first -> last)."""
    found: dict[int, int] = {}
    for col in sorted(first & below):
        run = col + 1
        while run in below and run not in first:
            run += 1
        if run > col + 1:
            found[col] = run - 1
    return found


def _grouped(blocks: list[Line], columns: Columns, under: Line | None) -> set[int]:
    """The columns under a group label on the first line: one that runs over several, or
    one over a sub-label whose neighbours to the right on the line below stand under no
    label (a group label left-aligned over its sub-labels: "แผนการดำเนินงาน" over
    วิธีการ, หน่วยงาน, ระยะเวลา)."""
    found: set[int] = set()
    first: set[int] = set()
    for block in blocks:
        spanned = {columns.index((c["x0"] + c["x1"]) / 2) for c in block}
        first |= spanned
        if len(spanned) > 1:
            found |= spanned
    below = set(_by_column(under, columns)) if under else set()
    for col, last in _group_runs(first, below).items():
        found |= set(range(col, last + 1))
    return found


def _labels_score(header: list[dict[int, Line]], text: Render, grouped: set[int]) -> float:
    """How well header lines read as labels, column by column: all of a column's text, or,
    under a group label, its text below the first line (its own label). A label wrapped
    over three lines is no group label: "แนวทางการดำเนินการ" under "มาตรการ/" is not the
    methods' label."""
    n = max((c for line in header for c in line), default=-1) + 1
    readings = []
    for col in range(n):
        texts = [text(line[col]) for line in header if col in line]
        lower = [text(line[col]) for line in header[1:] if col in line]
        whole = join_wrapped(texts)
        readings.append([join_wrapped(lower or texts), whole] if col in grouped else [whole])
    return map_labels(readings)[1]


def _header_rows(
    lines: Sequence[Line], columns: Columns, band: bool = False
) -> tuple[list[list[list[Line] | None]], dict[tuple[int, int], int]]:
    """The header as one row of labels, or two when a label spans several columns (a group
    label over its sub-labels): a label crossing a column edge with no gap at the edge is a
    group label; labels that merely run close together are cut at the edges. A band of
    labels centred over several lines (`band`) has no left-aligned group label: its first
    line is the top of its tallest label."""
    n = len(columns.edges) + 1
    leaves: list[list[Line]] = [[] for _ in range(n)]
    groups: list[tuple[int, int, Line]] = []  # first column, last column, label
    # Left-aligned group labels, no wider than their first sub-label: the first line's
    # labels over runs of sub-labels that stand under no label of their own.
    spread = {} if band else _left_groups(lines, columns)
    for k, line in enumerate(lines):
        for block in _blocks(line):
            x0, x1 = _span(block)
            inside = [e for e in columns.edges if x0 < e < x1]
            if any(_straddles(block, e) for e in inside):
                groups.append((columns.index(x0 + 1), columns.index(x1 - 1), block))
                continue
            col = columns.index(x0 + 1)
            if k == 0 and col in spread:
                groups.append((col, spread[col], block))
                continue
            for ch_col in range(n):
                part = [c for c in block if columns.index((c["x0"] + c["x1"]) / 2) == ch_col]
                if part:
                    leaves[ch_col].append(part)
    if not groups:
        return [[cell if cell else [] for cell in leaves]], {}
    top: list[list[Line] | None] = [list(cell) for cell in leaves]
    below: list[list[Line] | None] = [[] for _ in range(n)]
    merged: dict[tuple[int, int], int] = {}
    grouped: set[int] = set()
    for first, last, label in groups:
        top[first] = [label]
        for col in range(first, last + 1):
            grouped.add(col)
            below[col] = leaves[col]
            if col > first:
                top[col] = None
    for col in range(n):
        if col not in grouped:
            merged[(1, col)] = 0
    return [top, below], merged


def _header_fields(head: list[list[list[Line] | None]], text: Render) -> dict[int, str]:
    """Column -> field, by the header's labels (column by column, group labels above)."""
    n = max((len(r) for r in head), default=0)
    readings = []
    for col in range(n):
        texts = [text(ln) for r in head if col < len(r) and r[col] for ln in r[col] or []]
        readings.append([join_wrapped(texts)] if texts else [])
    return map_labels(readings)[0]
