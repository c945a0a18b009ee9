"""Seconds per report on the PDF path: against pdfplumber's own extract_tables(), and the
cost of the text-layer repair.

usage: python bench/pdf_speed.py [PDF ...] [--repeat N]

Default files: every PDF in samples/ and ../shared/reference/seed-report.pdf when present.
All variants run in the same process on the same files, best of N runs each, after one warm-up
parse (imports, the dictionary trie) outside the timing. Prints one line per file and a total:
  itaparse      parse() as shipped (repair on)
  no-repair     parse(repair=False): tables, stitching, semantics, no repair
  extract       pdfplumber page.extract_tables() on every page, nothing else
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber

import itaparse
from itaparse.thai.codemap import clear_reading_cache
from itaparse.thai.dictionary import clear_word_cache

ROOT = Path(__file__).resolve().parent.parent


def bare_extract_tables(path: Path) -> None:
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            page.extract_tables()


def best_of(fn: Callable[[Path], object], path: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        clear_word_cache()  # every run starts as cold as a new document would
        clear_reading_cache()
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
    itaparse.parse(files[0])  # warm imports and the dictionary outside the timing
    variants: dict[str, Callable[[Path], object]] = {
        "itaparse": itaparse.parse,
        "no-repair": lambda p: itaparse.parse(p, repair=False),
        "extract": bare_extract_tables,
    }
    totals = dict.fromkeys(variants, 0.0)
    print(
        f"{'file':40} {'itaparse':>9} {'no-repair':>9} {'extract':>9} {'vs extract':>10} "
        f"{'repair adds':>11}"
    )
    for path in files:
        t = {name: best_of(fn, path, args.repeat) for name, fn in variants.items()}
        for name in t:
            totals[name] += t[name]
        print(
            f"{path.name:40} {t['itaparse']:9.3f} {t['no-repair']:9.3f} {t['extract']:9.3f} "
            f"{t['no-repair'] / t['extract']:9.2f}x {t['itaparse'] / t['no-repair'] - 1:10.0%}"
        )
    n = len(files)
    print(
        f"{'mean seconds per report':40} {totals['itaparse'] / n:9.3f} "
        f"{totals['no-repair'] / n:9.3f} {totals['extract'] / n:9.3f} "
        f"{totals['no-repair'] / totals['extract']:9.2f}x "
        f"{totals['itaparse'] / totals['no-repair'] - 1:10.0%}"
    )


if __name__ == "__main__":
    main()
