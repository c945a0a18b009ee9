"""Scans as copiers make them: what each class of damage costs the OCR reader.

usage: python bench/degraded_scans.py [--seed N] [--kinds KIND ...] [--only SAMPLE ...]
                                      [-j N] [-v]

Every PDF sample is scanned once per class of samples/degrade.py (dpi, skew with nearest and
bilinear resampling, noise, speckle, one bit, low contrast, shift and crop, stamp,
signature, JPEG quality, photocopy), the strength of each drawn from --seed, and parsed.
Each output measure is matched to the sample's truth by its title, not its position
(tests/scoring.py matched_scan_score), so a lost row costs its own fields only; per class
the bench prints documents with the right measure count, structural fields right (number,
period start and end, score), the scores and periods given wrong with no warning on their
measure ("silent", the figure that must be 0), and seconds per page. Draw a fresh --seed to
judge a change: the default one has been looked at.

--fonts N: N random layouts (samples/random_layouts.py, seed --seed) set in the Noto Thai
families (fonts-noto-core), drawn by LibreOffice, scanned as samples/scan.py does, and read
twice: with the shapes OCR's number reader ships with, and with shapes built without the
Noto families (tools/build_shapes.py --exclude), as a report in a font none of the digit
shapes came from is read.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "samples"), str(ROOT / "tests")]

from degrade import KINDS, degrade  # noqa: E402
from scoring import matched_scan_score  # noqa: E402

SAMPLES = ROOT / "samples"


def _one(job: tuple[str, Path, int, str]) -> dict[str, Any]:
    kind, pdf, seed, folder = job
    scanned = Path(folder) / kind / pdf.name
    degrade(pdf, scanned, kind, seed)
    truth = json.loads((SAMPLES / f"{pdf.stem}.expected.json").read_text("utf-8"))
    return _read(kind, scanned, truth)


def _read(kind: str, scanned: Path, truth: dict[str, Any]) -> dict[str, Any]:
    import itaparse

    start = time.perf_counter()
    try:
        report = itaparse.parse(scanned).model_dump(mode="json")
    except Exception as exc:  # a refused scan counts every field wrong
        n = sum(len(c["measures"]) for c in truth["categories"])
        return {
            "kind": kind,
            "name": scanned.stem,
            "error": f"{type(exc).__name__}: {exc}",
            "measures": (0, n),
            "right": 0,
            "fields": 4 * n,
            "silent": [],
            "flagged": 0,
            "seconds": time.perf_counter() - start,
            "pages": 0,
        }
    score = matched_scan_score(truth, report)
    score.update(
        kind=kind,
        name=scanned.stem,
        seconds=time.perf_counter() - start,
        pages=report["source"]["pages"] or 0,
    )
    return score


NOTO = ("Noto Sans Thai", "Noto Serif Thai", "Noto Looped Thai")


def _read_with(job: tuple[str, Path, dict[str, Any], str | None]) -> dict[str, Any]:
    from itaparse.readers import shapes

    kind, scanned, truth, npz = job
    if npz is not None:
        shapes._DATA = Path(npz)  # type: ignore[attr-defined]
        shapes.references.cache_clear()
        shapes._subset.cache_clear()
    return _read(kind, scanned, truth)


def fonts(n: int, seed: int, jobs: int) -> None:
    import dataclasses
    import random
    import subprocess

    import random_layouts
    from scan import scan

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        layouts = [
            dataclasses.replace(
                random_layouts._draw(
                    random.Random(f"{seed}-{i}"),
                    f"noto-{seed}-{i:03d}",
                    random.Random(f"{seed}-{i}/v2"),
                    random.Random(f"{seed}-{i}/v3"),
                ),
                font=NOTO[i % len(NOTO)],
            )
            for i in range(n)
        ]
        docs = [folder / f"{x.name}.docx" for x in layouts]
        for layout, doc in zip(layouts, docs, strict=True):
            random_layouts.build_docx(layout, doc)
        random_layouts.convert_all(docs, folder)
        truths = {x.name: random_layouts.expected(x) for x in layouts}
        for i, x in enumerate(layouts):
            scan(folder / f"{x.name}.pdf", folder / "scans" / f"{x.name}.pdf", i)
        without = folder / "without-noto.npz"
        build = [sys.executable, str(ROOT / "tools/build_shapes.py"), "--out", str(without)]
        exclude = ["--exclude", "NotoSansThai", "NotoSerifThai", "NotoLoopedThai"]
        subprocess.run([*build, *exclude], check=True, capture_output=True)
        work = [
            (label, folder / "scans" / f"{x.name}.pdf", truths[x.name], npz)
            for label, npz in (("shipped shapes", None), ("Noto held out", str(without)))
            for x in layouts
        ]
        with ProcessPoolExecutor(jobs) as pool:
            results = list(pool.map(_read_with, work))
    print(f"seed {seed}, {n} layouts in {', '.join(NOTO)}, scanned at 200 dpi")
    _table(results, ["shipped shapes", "Noto held out"], verbose=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--kinds", nargs="*", default=list(KINDS), choices=list(KINDS))
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("-v", "--verbose", action="store_true", help="every document's figures")
    parser.add_argument("--fonts", type=int, metavar="N", help="N layouts in Noto Thai fonts")
    args = parser.parse_args()
    if args.fonts:
        fonts(args.fonts, args.seed, args.jobs)
        return
    pdfs = [p for p in sorted(SAMPLES.glob("*.pdf")) if not args.only or p.stem in args.only]
    with tempfile.TemporaryDirectory() as tmp:
        jobs = [(kind, pdf, args.seed, tmp) for kind in args.kinds for pdf in pdfs]
        with ProcessPoolExecutor(args.jobs) as pool:
            results = list(pool.map(_one, jobs))
    print(f"seed {args.seed}, {len(pdfs)} samples per class")
    _table(results, args.kinds, args.verbose)


def _table(results: list[dict[str, Any]], kinds: list[str], verbose: bool) -> None:
    print(f"{'class':<15} {'counts':>7} {'fields':>8} {'silent':>6} {'flagged':>7} {'s/page':>6}")
    totals = [0, 0, 0, 0, 0]
    for kind in kinds:
        rows = [r for r in results if r["kind"] == kind]
        counts = sum(r["measures"][0] == r["measures"][1] for r in rows)
        right, fields = sum(r["right"] for r in rows), sum(r["fields"] for r in rows)
        silent = sum(len(r["silent"]) for r in rows)
        flagged = sum(r["flagged"] for r in rows)
        pace = sum(r["seconds"] for r in rows) / max(1, sum(r["pages"] for r in rows))
        for i, v in enumerate((counts, len(rows), right, fields, silent)):
            totals[i] += v
        print(
            f"{kind:<15} {counts:>3}/{len(rows):<3} {right / max(1, fields):>8.1%} "
            f"{silent:>6} {flagged:>7} {pace:>6.2f}"
        )
        for r in rows:
            have, want = r["measures"]
            if verbose or r["silent"] or r.get("error") or have != want:
                print(
                    f"    {r['name']}: {r['right']}/{r['fields']} fields, "
                    f"measures {have}/{want} {r.get('error', '')}"
                )
                for line in r["silent"]:
                    print(f"      silent: {line}")
    counts, docs, right, fields, silent = totals
    print(f"{'all':<15} {counts:>3}/{docs:<3} {right / max(1, fields):>8.1%} {silent:>6}")


if __name__ == "__main__":
    main()
