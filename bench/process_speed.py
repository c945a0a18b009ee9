"""Whole-process cost: `itaparse FILE -o out.json` against a bare pdfplumber script.

usage: python bench/process_speed.py [PDF ...]   (default: samples/*.pdf)

Users call the command once per file from shell loops and schedulers, so start-up and
shutdown count. For each PDF it times, best of 3, the itaparse command (a fresh process that
loads everything itself and does its own work) and a fresh Python process that opens the same
file with pdfplumber and runs extract_tables() on every page; then `itaparse --version` and a
Word file. Prints seconds per file and the median ratio.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE = (
    "import sys, pdfplumber\n"
    "with pdfplumber.open(sys.argv[1]) as pdf:\n"
    "    [page.extract_tables() for page in pdf.pages]\n"
)


def best_of_3(command: list[str]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    pdfs = [Path(p) for p in sys.argv[1:]] or sorted((ROOT / "samples").glob("*.pdf"))
    ratios = []
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp, "out.json"))
        print(f"{'file':44} {'itaparse':>9} {'bare':>7} {'ratio':>7}")
        for pdf in pdfs:
            ours = best_of_3(["itaparse", str(pdf), "-q", "-o", out])
            bare = best_of_3([sys.executable, "-c", BARE, str(pdf)])
            ratios.append(ours / bare)
            print(f"{pdf.name[:44]:44} {ours:9.3f} {bare:7.3f} {ours / bare:6.2f}x")
        print(
            f"median ratio: {statistics.median(ratios):.2f}x "
            f"({min(ratios):.2f}x-{max(ratios):.2f}x)"
        )
        version = best_of_3(["itaparse", "--version"])
        print(f"itaparse --version: {version:.3f} s")
        docx = ROOT / "samples" / "portrait-loma-no-cover.docx"
        word = best_of_3(["itaparse", str(docx), "-q", "-o", out])
        print(f"itaparse {docx.name} -o out.json: {word:.3f} s")


if __name__ == "__main__":
    main()
