"""Scanned reports: how well and how fast OCR reads them.

usage: python bench/ocr_scans.py [--dpi 300 ...] [--only NAME ...]

Makes an image-only copy of every PDF sample (samples/scan.py: 200 dpi grayscale, turned up
to half a degree, blurred), parses it, and scores it against the sample's truth as
tests/test_scans.py does: measure count, structural fields (number, period, score) right,
and each score right, flagged or silently wrong. Prints seconds per page and the share of
them spent inside Tesseract. With several --dpi values, compares render resolutions.

--realworld: the share of dictionary words in `itaparse text` of the two real files without
a text layer in ../shared/realworld, against raw Tesseract (tha+eng, 300 dpi, whole page).

--hold-out-fonts: the reference shapes are drawn from the same TLWG fonts the samples are set
in, so the figures above flatter the number reader. This reads each sample named after a font
with shapes built without that font, as a report in an unseen font would be read.
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
    parser.add_argument("--hold-out-fonts", action="store_true")
    parser.add_argument("--realworld", action="store_true")
    args = parser.parse_args()
    if args.realworld:
        realworld()
        return
    if args.hold_out_fonts:
        hold_out_fonts([p for p in sorted(SAMPLES.glob("*.pdf"))])
        return
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


def realworld() -> None:
    import pypdfium2 as pdfium
    import tesserocr

    from itaparse.plaintext import extract_text
    from itaparse.thai.dictionary import token_share

    folder = ROOT.parent / "shared" / "realworld"
    for name in ("scanned-no-text-layer.pdf", "text-drawn-as-outlines-consent-form.pdf"):
        pdf = pdfium.PdfDocument(str(folder / name))
        with tesserocr.PyTessBaseAPI(path=ocr.tessdata(), lang="tha+eng") as api:
            raw = []
            for page in pdf:
                api.SetImage(page.render(scale=300 / 72, grayscale=True).to_pil())
                raw.append(api.GetUTF8Text())
        pdf.close()
        raw_share, _ = token_share("\n".join(raw))
        share, tokens = token_share(extract_text(folder / name))
        print(
            f"{name}: itaparse text {share:.1%} of {tokens} Thai tokens are dictionary words; "
            f"raw Tesseract {raw_share:.1%}"
        )


def hold_out_fonts(pdfs: list[Path]) -> None:
    import subprocess

    from itaparse.readers import shapes

    families = ("Laksaman", "Garuda", "Kinnari", "Loma", "Norasi", "Sawasdee", "Umpush", "Waree")
    right = fields = wrong = counts = total = 0
    with tempfile.TemporaryDirectory() as tmp:
        for seed, pdf in enumerate(pdfs):
            family = next((f for f in families if f.lower() in pdf.stem), None)
            if family is None:
                continue
            npz = Path(tmp) / f"without-{family}.npz"
            build = [sys.executable, str(ROOT / "tools/build_shapes.py"), "--exclude", family]
            subprocess.run([*build, "--out", str(npz)], check=True, capture_output=True)
            shapes._DATA = npz  # type: ignore[attr-defined]
            shapes.references.cache_clear()
            shapes._subset.cache_clear()
            scanned = Path(tmp) / pdf.name
            scan(pdf, scanned, seed)
            truth = json.loads((SAMPLES / f"{pdf.stem}.expected.json").read_text("utf-8"))
            s = scan_score(truth, itaparse.parse(scanned).model_dump(mode="json"))
            have, want = s["measures"]
            total += 1
            counts += have == want
            right += s["right"]
            fields += s["fields"]
            wrong += len(s["scores_wrong"])
            print(f"  {pdf.stem} without {family}: {s['right']}/{s['fields']} fields", flush=True)
    print(
        f"fonts held out: right measure count {counts}/{total}; structural fields "
        f"{right}/{fields} = {right / fields:.1%}; scores silently wrong {wrong}"
    )


if __name__ == "__main__":
    main()
