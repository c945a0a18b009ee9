"""How well each tool reads damaged Thai PDFs: raw pdfplumber, fixthaipdf.clean, itaparse text.

usage: python bench/text_repair.py [PDF ...]   (needs: pip install fixthaipdf)

Default files: every PDF in ../shared/realworld and samples/. Where a PDF has a Word twin
(NAME.docx beside it), the figure is ../shared/bench/textcov.py's word recall / precision
against it; elsewhere it is the share of Thai tokens that are dictionary words (pythainlp's
word list). All three candidates are written to a temporary folder and judged the same way.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber

from itaparse.plaintext import extract_text
from itaparse.thai.dictionary import token_share

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def raw_text(path: Path) -> str:
    with pdfplumber.open(str(path)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def fixthaipdf_text(path: Path) -> str:
    from fixthaipdf import clean

    return str(clean(raw_text(path)))


def itaparse_text(path: Path) -> str:
    return extract_text(path)


TOOLS: dict[str, Callable[[Path], str]] = {
    "pdfplumber": raw_text,
    "fixthaipdf": fixthaipdf_text,
    "itaparse": itaparse_text,
}


def judge(pdf: Path, text_file: Path) -> str:
    twin = pdf.with_suffix(".docx")
    textcov = SHARED / "bench" / "textcov.py"
    if twin.exists() and textcov.exists():
        out = subprocess.run(
            [sys.executable, str(textcov), str(twin), str(text_file)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        return f"R {out[1]} P {out[7]}"  # "recall 99.7% (…)  precision 100.0% (…)"
    share, tokens = token_share(text_file.read_text(encoding="utf-8"))
    return "no text" if share is None else f"dict {share:.1%} of {tokens}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    files = args.files or [
        *sorted((SHARED / "realworld").glob("*.pdf")),
        *sorted((ROOT / "samples").glob("*.pdf")),
    ]
    print(f"{'file':48} " + " ".join(f"{name:>24}" for name in TOOLS) + f" {'itaparse s':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in files:
            cells = []
            seconds = 0.0
            for name, tool in TOOLS.items():
                start = time.perf_counter()
                text = tool(pdf)
                if name == "itaparse":
                    seconds = time.perf_counter() - start
                out = Path(tmp) / f"{pdf.stem}.{name}.txt"
                out.write_text(text, encoding="utf-8")
                cells.append(judge(pdf, out))
            print(
                f"{pdf.name[:48]:48} " + " ".join(f"{c:>24}" for c in cells) + f" {seconds:10.2f}"
            )


if __name__ == "__main__":
    main()
