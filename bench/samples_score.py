"""Fields right over every sample (and the reference report), as ../shared/bench/score.py counts.

usage: python bench/samples_score.py [--only KIND,KIND]

Parses samples/NAME.{docx,pdf,doc} and ../shared/reference/seed-report.{docx,pdf}, scores each
against its truth (NAME.expected.json) with score.py, and prints one line per file and the total.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path

import itaparse

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="score only these kinds (score.py's --only)")
    args = parser.parse_args()
    spec = importlib.util.spec_from_file_location("score", SHARED / "bench" / "score.py")
    if spec is None or spec.loader is None:
        sys.exit("../shared/bench/score.py is needed")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    only = set(args.only.split(",")) if args.only else None
    cases = [
        (doc, truth)
        for truth in sorted((ROOT / "samples").glob("*.expected.json"))
        for ext in ("docx", "pdf", "doc")
        if (doc := truth.with_name(truth.name.replace(".expected.json", f".{ext}"))).exists()
    ]
    reference = SHARED / "reference"
    cases += [
        (reference / f"seed-report.{ext}", reference / "seed-report.expected.json")
        for ext in ("docx", "pdf")
        if (reference / f"seed-report.{ext}").exists()
    ]
    right = total = 0
    exact_counts = 0
    with tempfile.TemporaryDirectory() as tmp:
        for doc, truth_path in cases:
            truth = json.loads(truth_path.read_text(encoding="utf-8"))
            out = Path(tmp, "out.json")
            out.write_text(itaparse.parse(doc).model_dump_json(), encoding="utf-8")
            got = json.loads(out.read_text(encoding="utf-8"))
            r, n = score.score_doc(truth, got, False, only)
            want_n = sum(len(c["measures"]) for c in truth["categories"])
            got_n = sum(len(c["measures"]) for c in got["categories"])
            exact_counts += want_n == got_n
            right, total = right + r, total + n
            print(
                f"{doc.name:50} {r:4}/{n:<4} {100 * r / max(n, 1):6.1f}%  measures {got_n}/{want_n}"
            )
    print(
        f"{'all':50} {right:4}/{total:<4} {100 * right / max(total, 1):6.1f}%  "
        f"measure count exact in {exact_counts}/{len(cases)} files"
    )


if __name__ == "__main__":
    main()
