"""Score the parser on random layouts it was not shaped on (samples/random_layouts.py).

usage: python bench/random_layouts.py [--n N] [--seed S] [--dir DIR] [--formats docx,pdf] [-v]

Draws N layouts (default 100, so 200 documents as DOCX and PDF), parses each document and
scores it with ../shared/bench/score.py. Prints the share of fields right, how many documents
have their measure count exact, the status right per measure, and the misses grouped by
layout class (form, category placement, header rows, borders, format) so a failure points
at a rule. Documents are kept in DIR (default bench/.random/SEED) and reused by later runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import itaparse
from itaparse.errors import ItaparseError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "samples"))
import random_layouts  # noqa: E402
from shared_score import score_module  # noqa: E402


def _classes(truth: dict[str, Any], fmt: str) -> list[str]:
    layout = truth["layout"]
    return [
        f"form={truth['form']}",
        f"placement={layout['placement']}",
        f"header_rows={layout['header_rows']}",
        f"borders={layout['borders']}",
        f"format={fmt}",
        f"digits={'thai' if layout['thai'] else 'arabic'}",
        f"numbering={layout['numbering']}",
        *_column_classes(layout),
        *([f"title_block={layout['title_block']}"] if "title_block" in layout else []),
    ]


def _column_classes(layout: dict[str, Any]) -> list[str]:
    """The classes of the clerks' column changes, for documents drawn since they exist."""
    columns, labels = layout.get("columns"), layout.get("labels") or {}
    if columns is None:
        return []
    plan = [c for c in columns if c in ("methods", "responsible", "period")]
    return [
        f"sequence_column={'sequence' in columns}",
        f"remarks_column={'remarks' in columns}",
        f"plan_order={'as-drawn' if plan == sorted(plan, key=_PLAN.index) else 'shuffled'}",
        f"broken_labels={any(chr(10) in v for v in labels.values())}",
    ]


_PLAN = ["methods", "responsible", "period"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", type=Path)
    parser.add_argument("--formats", default="docx,pdf")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    args = parser.parse_args()
    folder = args.dir or ROOT / "bench" / ".random" / str(args.seed)
    formats = args.formats.split(",")
    names = [f"random-{args.seed}-{i:03d}" for i in range(args.n)]
    missing = [n for n in names if not (folder / f"{n}.docx").exists()]
    if missing:
        print(f"generating {len(missing)} layouts in {folder} …", file=sys.stderr)
        random_layouts.generate(folder, args.n, args.seed, pdf="pdf" in formats)
    score = score_module()
    right = total = exact = docs = status_right = status_total = 0
    misses: Counter[str] = Counter()
    fields_by_class: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    failed: list[str] = []
    for name in names:
        truth = json.loads((folder / f"{name}.expected.json").read_text(encoding="utf-8"))
        for fmt in formats:
            path = folder / f"{name}.{fmt}"
            docs += 1
            try:
                got = json.loads(itaparse.parse(path).model_dump_json())
            except ItaparseError as exc:
                failed.append(f"{path.name}: {exc.what}")
                got = {"categories": []}
            r, n = score.score_doc(truth, got, False)
            right, total = right + r, total + n
            want = [m for c in truth["categories"] for m in c["measures"]]
            have = [m for c in got["categories"] for m in c["measures"]]
            exact += len(want) == len(have)
            for w, h in zip(want, have, strict=False):
                if "status" in w:
                    status_total += 1
                    status_right += w["status"] == h.get("status")
            for cls in _classes(truth, fmt):
                fields_by_class[cls][0] += r
                fields_by_class[cls][1] += n
            if r < n:
                for kind in _miss_kinds(score, truth, got):
                    misses[f"{truth['form']}/{fmt}: {kind}"] += 1
                if args.verbose:
                    print(f"{path.name}: {r}/{n}")
                    score.score_doc(truth, got, True)
    print(f"documents: {docs} ({args.n} layouts x {', '.join(formats)}), seed {args.seed}")
    print(f"fields right: {right}/{total} ({100 * right / max(total, 1):.2f}%)")
    print(f"measure count exact: {exact}/{docs} ({100 * exact / max(docs, 1):.1f}%)")
    print(f"status right: {status_right}/{status_total}")
    print("by class (fields right):")
    for cls, (r, n) in sorted(fields_by_class.items()):
        print(f"  {cls:28} {r:6}/{n:<6} {100 * r / max(n, 1):6.2f}%")
    if misses:
        print("misses by form/format and field:")
        for kind, count in misses.most_common():
            print(f"  {count:5}  {kind}")
    for line in failed:
        print(f"failed: {line}")


def _miss_kinds(score: Any, truth: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """The field names score.py counts as missed (its verbose lines, without measure tags)."""
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        score.score_doc(truth, got, True)
    kinds = []
    for line in buffer.getvalue().splitlines():
        name = line.strip().removeprefix("MISS ").split(":", 1)[0]
        kinds.append(name.split()[-1])
    return kinds


if __name__ == "__main__":
    main()
