"""Peak memory of one long report: does a report's memory grow with its pages?

usage: python bench/long_report.py [--pages 350]

Builds (once, cached in bench/.long/) a PDF of about N pages by repeating the measure rows of
samples/landscape-laksaman-thai-digits.docx and converting it with LibreOffice, then runs
`itaparse FILE -o out.json` in a fresh process and prints its peak resident memory (the
kernel's ru_maxrss of the child) and time, next to the same for the sample itself.
Target: under 300 MB at any length.
"""

from __future__ import annotations

import argparse
import copy
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "landscape-laksaman-thai-digits.docx"
CACHE = ROOT / "bench" / ".long"


def page_count(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return len(pdf.pages)


def build(pages: int) -> Path:
    pdf = CACHE / f"long-{pages}.pdf"
    if not pdf.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        # The first try guesses from the sample's pages per copy of its rows; the second
        # corrects by what LibreOffice laid out.
        copies = max(1, round(pages / page_count(SAMPLE.with_suffix(".pdf"))))
        _convert(copies, pdf)
        copies = max(1, round(copies * pages / page_count(pdf)))
        _convert(copies, pdf)
    return pdf


def _convert(copies: int, pdf: Path) -> None:
    import docx

    document = docx.Document(str(SAMPLE))
    table = max(document.tables, key=lambda t: len(t.rows))
    body = [row._tr for row in table.rows[1:]]
    for _ in range(copies - 1):
        for tr in body:
            table._tbl.append(copy.deepcopy(tr))
    source = pdf.with_suffix(".docx")
    document.save(str(source))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("soffice not found: apt-get install libreoffice-writer-nogui fonts-thai-tlwg")
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(CACHE), str(source)],
        check=True,
        capture_output=True,
    )
    return pdf


# ru_maxrss of RUSAGE_CHILDREN is the largest child ever waited for: each measurement runs
# the command under a fresh interpreter that has no other child.
_PEAK = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def measure(path: Path) -> tuple[float, float]:
    """(peak MB, seconds) of the whole command on one file, in a fresh process."""
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "itaparse", str(path), "-q", "-o", f"{tmp}/out.json"]
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", _PEAK, *command], check=True, capture_output=True, text=True
        )
        seconds = time.perf_counter() - start
    return int(done.stdout.split()[-1]) / 1024, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=350)
    args = parser.parse_args()
    long_pdf = build(args.pages)
    n = page_count(long_pdf)
    small_mb, small_s = measure(SAMPLE.with_suffix(".pdf"))
    long_mb, long_s = measure(long_pdf)
    print(f"{SAMPLE.with_suffix('.pdf').name}: peak {small_mb:.0f} MB, {small_s:.1f} s")
    print(f"{long_pdf.name} ({n} pages): peak {long_mb:.0f} MB, {long_s:.1f} s")


if __name__ == "__main__":
    main()
