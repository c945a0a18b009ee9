"""Seconds per report on the PDF path, against pdfplumber's own extract_tables().

usage: python bench/pdf_speed.py [PDF ...] [--repeat N]

Default files: every PDF in samples/ and ../shared/reference/seed-report.pdf when present.
Both sides open the file afresh each time and run in the same process, alternately, so the
ratio is measured under the same conditions. Prints one line per file and a total.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber

import itaparse

ROOT = Path(__file__).resolve().parent.parent


def bare_extract_tables(path: Path) -> None:
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            page.extract_tables()


def best_of(fn: Callable[[Path], object], path: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = args.files or sorted((ROOT / "samples").glob("*.pdf"))
    seed = ROOT.parent / "shared" / "reference" / "seed-report.pdf"
    if not args.files and seed.exists():
        files.append(seed)
    itaparse.parse(files[0])  # warm imports and dictionaries outside the timing
    total_ours = total_bare = 0.0
    print(f"{'file':45} {'itaparse s':>10} {'extract_tables s':>16} {'ratio':>6}")
    for path in files:
        bare = best_of(bare_extract_tables, path, args.repeat)
        ours = best_of(itaparse.parse, path, args.repeat)
        total_ours += ours
        total_bare += bare
        print(f"{path.name:45} {ours:10.3f} {bare:16.3f} {ours / bare:6.2f}")
    print(
        f"{'per report (mean)':45} {total_ours / len(files):10.3f} "
        f"{total_bare / len(files):16.3f} {total_ours / total_bare:6.2f}"
    )


if __name__ == "__main__":
    main()
