"""Whole-process cost: `itaparse FILE -o out.json` against a bare pdfplumber script.

usage: python bench/process_speed.py [PDF ...]   (default: samples/*.pdf)

Users call the command once per file from shell loops and schedulers, so start-up and
shutdown count. For each PDF it times, best of 3, the itaparse command (served by the warm
server that the first command starts, as a user's second command is), the same with
ITAPARSE_SERVER=0 (a fresh process that loads everything itself), and a fresh Python
process that opens the same file with pdfplumber and runs extract_tables() on every page;
then `itaparse --version` and a Word file. Prints seconds per file and the median ratios.
"""

from __future__ import annotations

import os
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


ALONE = {**os.environ, "ITAPARSE_SERVER": "0"}


def best_of_3(command: list[str], env: dict[str, str] | None = None) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        best = min(best, time.perf_counter() - start)
    return best


def start_server(pdf: Path, out: str) -> None:
    """The first command starts the server; wait until the next one is served."""
    subprocess.run(["itaparse", "server", "stop"], capture_output=True)
    subprocess.run(["itaparse", str(pdf), "-q", "-o", out], check=True)
    for _ in range(100):
        status = subprocess.run(["itaparse", "server", "status"], capture_output=True, text=True)
        if status.stdout.startswith("running"):
            return
        time.sleep(0.1)
    sys.exit("the itaparse server did not start")


def main() -> None:
    pdfs = [Path(p) for p in sys.argv[1:]] or sorted((ROOT / "samples").glob("*.pdf"))
    ratios, alone_ratios = [], []
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp, "out.json"))
        start_server(pdfs[0], out)
        print(f"{'file':44} {'itaparse':>9} {'alone':>7} {'bare':>7} {'ratio':>7} {'alone':>7}")
        for pdf in pdfs:
            ours = best_of_3(["itaparse", str(pdf), "-q", "-o", out])
            alone = best_of_3(["itaparse", str(pdf), "-q", "-o", out], ALONE)
            bare = best_of_3([sys.executable, "-c", BARE, str(pdf)])
            ratios.append(ours / bare)
            alone_ratios.append(alone / bare)
            print(
                f"{pdf.name[:44]:44} {ours:9.3f} {alone:7.3f} {bare:7.3f}"
                f" {ours / bare:6.2f}x {alone / bare:6.2f}x"
            )
        print(f"median ratio, served (target <= 1.5): {statistics.median(ratios):.2f}x")
        print(f"median ratio, ITAPARSE_SERVER=0: {statistics.median(alone_ratios):.2f}x")
        for label, env in (("served", None), ("ITAPARSE_SERVER=0", ALONE)):
            version = best_of_3(["itaparse", "--version"], env)
            print(f"itaparse --version, {label}: {version:.3f} s (target < 0.1)")
            docx = ROOT / "samples" / "portrait-loma-no-cover.docx"
            word = best_of_3(["itaparse", str(docx), "-q", "-o", out], env)
            print(f"itaparse {docx.name} -o out.json, {label}: {word:.3f} s (target < 0.5)")
        subprocess.run(["itaparse", "server", "stop"], capture_output=True)


if __name__ == "__main__":
    main()
