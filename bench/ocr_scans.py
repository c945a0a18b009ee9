"""Scanned reports: how well and how fast OCR reads them.

usage: python bench/ocr_scans.py [--dpi 300 ...] [--only NAME ...]

Makes an image-only copy of every PDF sample (samples/scan.py: 200 dpi grayscale, turned up
to half a degree, blurred), parses it, and scores it against the sample's truth as
tests/test_scans.py does: measure count, structural fields (number, period, score) right,
and each score right, flagged or silently wrong. Prints seconds per page and the share of
them spent inside Tesseract. With several --dpi values, compares render resolutions.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "samples"), str(ROOT / "tests")]

from scan import scan  # noqa: E402
from scoring import scan_score  # noqa: E402

import itaparse  # noqa: E402
from itaparse.readers import ocr  # noqa: E402

SAMPLES = ROOT / "samples"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dpi", type=int, nargs="*", default=[ocr.DPI])
    parser.add_argument("--only", nargs="*", default=[])
    args = parser.parse_args()
    pdfs = [p for p in sorted(SAMPLES.glob("*.pdf")) if not args.only or p.stem in args.only]
    tesseract = [0.0]
    read_words = ocr.read_words

    def timed(*a: object, **k: object) -> object:
        start = time.perf_counter()
        try:
            return read_words(*a, **k)  # type: ignore[arg-type]
        finally:
            tesseract[0] += time.perf_counter() - start

    ocr.read_words = timed  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as tmp:
        scans = {}
        for seed, pdf in enumerate(pdfs):
            scans[pdf.stem] = Path(tmp) / pdf.name
            scan(pdf, scans[pdf.stem], seed)
        for dpi in args.dpi:
            ocr.read_page.__defaults__ = (dpi,)
            tesseract[0] = 0.0
            seconds = pages = right = fields = flagged = counts = 0.0
            wrong: list[str] = []
            for name, path in scans.items():
                truth = json.loads((SAMPLES / f"{name}.expected.json").read_text("utf-8"))
                start = time.perf_counter()
                report = itaparse.parse(path)
                seconds += time.perf_counter() - start
                pages += report.source.pages or 0
                s = scan_score(truth, report.model_dump(mode="json"))
                have, want = s["measures"]
                counts += have == want
                right += s["right"]
                fields += s["fields"]
                flagged += s["scores_flagged"]
                wrong += [f"{name} {w}" for w in s["scores_wrong"]]
                mark = "" if have == want else f"  measures {have} for {want}"
                print(f"  {name}: {s['right']}/{s['fields']} fields{mark}", flush=True)
            print(
                f"{dpi} dpi: right measure count {counts:.0f}/{len(scans)}; structural fields "
                f"{right:.0f}/{fields:.0f} = {right / fields:.1%}; scores flagged {flagged:.0f}, "
                f"silently wrong {len(wrong)}; {seconds / pages:.2f} s a page "
                f"({tesseract[0] / seconds:.0%} in Tesseract)"
            )
            for line in wrong:
                print(f"    wrong: {line}")


if __name__ == "__main__":
    main()
