"""Score the parser on the same random layouts drawn by several producers.

usage: python bench/producers.py [--n N] [--seed S] [--producers a,b,...] [-v]

Each of N layouts (samples/random_layouts.py, seed S) is drawn by every producer of
samples/producer_matrix.py (LibreOffice plain and shaded, Word-style rules, Chromium, WeasyPrint)
and parsed. Per producer it prints the share of fields right (../shared/bench/score.py), the
documents whose measure count is exact, and the scores and periods that are **silently
wrong**: given, different from the truth, with no warning on their measure (each output
measure is matched to the truth measure by title, not by position). Then the invariance
figure: the share of fields on which each producer's output equals the DOCX's. Documents are
kept in DIR (default bench/.producers/SEED/PRODUCER) and reused by later runs.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import itaparse
from itaparse.errors import ItaparseError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "samples"))
import producer_matrix as producers  # noqa: E402
import random_layouts  # noqa: E402
from shared_score import score_module  # noqa: E402

FIELDS = ("number", "title", "methods", "responsible", "period", "results", "outcomes", "score")


def _parse(path: Path) -> dict[str, Any]:
    try:
        return json.loads(itaparse.parse(path).model_dump_json())
    except ItaparseError as exc:
        return {"categories": [], "error": exc.what}


def _fold(value: Any) -> Any:
    import unicodedata

    if isinstance(value, list):
        return [_fold(v) for v in value]
    if isinstance(value, dict):
        return {k: _fold(v) for k, v in value.items() if k != "text"}
    if isinstance(value, str):
        return "".join(unicodedata.normalize("NFC", value).split()) or None
    return value


def _measures(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [m for c in doc.get("categories", []) for m in c["measures"]]


def silently_wrong(truth: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """Scores and periods given, wrong, and with no warning on their measure. Each output
    measure is matched to the truth measure of the same category, title and number (else the
    k-th of that title to the k-th), never by position: a measure read under another
    category is a field miss."""
    want: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    exact: dict[Any, dict[str, Any]] = {}
    for c in truth.get("categories", []):
        for m in c["measures"]:  # forms repeat an item's title under several headings
            want[(_fold(c.get("title")), _fold(m["title"]))].append(m)
            exact[(c.get("number"), _fold(c.get("title")), _fold(m["title"]), m["number"])] = m
    warned = {w.get("measure") for w in got.get("warnings", [])}
    seen: Counter[Any] = Counter()
    out = []
    for c in got.get("categories", []):
        for m in c["measures"]:
            tag = f"{c['number']}.{m['number']}" if c["number"] is not None else m["number"]
            key = (_fold(c.get("title")), _fold(m["title"]))
            k, seen[key] = seen[key], seen[key] + 1
            if tag in warned:
                continue
            # The measure of the same category, title and number; else the k-th of that title.
            w = exact.get((c.get("number"), *key, m["number"]))
            if w is None and k < len(want.get(key, [])):
                w = want[key][k]
            if w is None:  # the measure read under another category: its title and number
                w = _same_measure(truth, m)
            if w is None:  # a title with text of a neighbour's cells in it (columns merged)
                w = _holding(truth, c.get("number"), m)
            if w is None:
                continue
            if m.get("score") is not None and m["score"] != w.get("score"):
                out.append(f"{tag} score {m['score']} (truth {w.get('score')})")
            period, wp = m.get("period") or {}, w.get("period") or {}
            if period.get("start") and (period.get("start"), period.get("end")) != (
                wp.get("start"),
                wp.get("end"),
            ):
                out.append(f"{tag} period {period.get('start')}..{period.get('end')}")
    return out


def _same_measure(truth: dict[str, Any], got: dict[str, Any]) -> dict[str, Any] | None:
    """The one truth measure of the document with the output's title and number: a measure
    put under the wrong category (a field miss) still carries its own values, judged so."""
    found = [
        m
        for c in truth.get("categories", [])
        for m in c["measures"]
        if _fold(m["title"]) == _fold(got.get("title")) and m["number"] == got.get("number")
    ]
    return found[0] if len(found) == 1 else None


def _holding(truth: dict[str, Any], category: Any, got: dict[str, Any]) -> dict[str, Any] | None:
    """The one truth measure of the category (or, that failing, of the document) whose
    title the output title holds or is held by: a title with a number or a neighbour's
    words run into it still names its measure, and a value it carries is judged."""
    title = _fold(got.get("title")) or ""
    if len(title) < 10:
        return None
    for scope in (category, None):
        found = [
            m
            for c in truth.get("categories", [])
            if scope is None or c.get("number") == scope
            for m in c["measures"]
            if (t := _fold(m.get("title")) or "") and len(t) >= 10 and (t in title or title in t)
        ]
        if len(found) == 1:
            return found[0]
    return None


def _wording_classes(truth: dict[str, Any]) -> list[str]:
    """The wordings and form parts a document was drawn with (samples/wordings.py)."""
    out = []
    for key, value in (truth.get("wording") or {}).items():
        if key == "nacc_group":
            value = "with year, " + ("two lines" if "\n" in value else "one line")
        elif key == "nacc_labels":
            value = "+".join(sorted(value)) or "as printed"
        out.append(f"  {truth['form']} {key}={value}")
    if truth.get("assessment_codes"):
        out.append(f"  {truth['form']} front_summary")
    return out


def agreement(base: dict[str, Any], other: dict[str, Any]) -> tuple[int, int]:
    """Fields of base's measures (in order) that other gives the same."""
    a, b = _measures(base), _measures(other)
    same = total = 0
    for i, m in enumerate(a):
        for f in FIELDS:
            total += 1
            same += i < len(b) and _fold(m.get(f)) == _fold(b[i].get(f))
    total += abs(len(b) - len(a)) * len(FIELDS) * (len(b) > len(a))
    return same, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--seed", type=int, default=100)
    parser.add_argument("--producers", default=",".join(producers.PRODUCERS))
    parser.add_argument("--dir", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    score = score_module()
    base_dir = args.dir or ROOT / "bench" / ".producers" / str(args.seed)
    layouts = [
        random_layouts._draw(
            random.Random(f"{args.seed}-{i}"),
            f"random-{args.seed}-{i:03d}",
            random.Random(f"{args.seed}-{i}/v2"),
            random.Random(f"{args.seed}-{i}/v3")
            if args.seed >= random_layouts.WORDINGS_FROM_SEED
            else None,
        )
        for i in range(args.n)
    ]
    truths = {x.name: random_layouts.expected(x) for x in layouts}
    docx_dir = base_dir / "docx"
    docx_dir.mkdir(parents=True, exist_ok=True)
    docx_out = {}
    for layout in layouts:
        path = docx_dir / f"{layout.name}.docx"
        if not path.exists():
            random_layouts.build_docx(layout, path)
        docx_out[layout.name] = _parse(path)
    print(f"seed {args.seed}, {args.n} layouts per producer")
    print(
        f"{'producer':20} {'fields right':>18} {'counts exact':>13} {'silently wrong':>15} "
        f"{'same as DOCX':>18}"
    )
    for producer in args.producers.split(","):
        folder = base_dir / producer
        todo = [x for x in layouts if not (folder / f"{x.name}.pdf").exists()]
        if todo:
            print(f"  drawing {len(todo)} with {producer} …", file=sys.stderr)
            producers.draw(todo, producer, folder)
        right = total = exact = same = compared = 0
        summaries = summaries_read = 0  # NACC front summaries whose every item is in assessment
        wrong: list[str] = []
        misses: Counter[str] = Counter()
        by_class: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for layout in layouts:
            truth, path = truths[layout.name], folder / f"{layout.name}.pdf"
            got = _parse(path)
            r, n = score.score_doc(truth, got, False)
            right, total = right + r, total + n
            exact += len(_measures(truth)) == len(_measures(got))
            wrong += [f"{path.name}: {w}" for w in silently_wrong(truth, got)]
            if truth.get("assessment_codes"):
                summaries += 1
                items = {a.get("item") for a in got.get("assessment", [])}
                summaries_read += set(truth["assessment_codes"]) <= items
            s, t = agreement(docx_out[layout.name], got)
            same, compared = same + s, compared + t
            cls = f"form={truth['form']} placement={truth['layout']['placement']}"
            for c in (cls, *_wording_classes(truth)):
                by_class[c][0] += r
                by_class[c][1] += n
            if r < n and args.verbose:
                print(f"    {path}: {r}/{n} {got.get('error', '')}")
                if args.verbose:
                    score.score_doc(truth, got, True)
            if r < n:
                misses[cls] += 1
        print(
            f"{producer:20} {right:7}/{total:<6} {100 * right / max(total, 1):6.2f}% "
            f"{exact:6}/{args.n:<6} {len(wrong):15} "
            f"{100 * same / max(compared, 1):17.2f}%"
        )
        if summaries:
            print(f"    NACC front summaries in assessment[]: {summaries_read}/{summaries}")
        for cls, (r, n) in sorted(by_class.items()):
            if r < n:
                print(f"    {cls:40} {r:5}/{n:<5} {100 * r / max(n, 1):6.2f}%")
        for line in wrong:
            print(f"    silently wrong: {line}")


if __name__ == "__main__":
    main()
