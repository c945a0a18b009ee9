"""Damaged files: what itaparse makes of mutated copies of a PDF and a DOCX sample.

usage: python bench/fuzz.py [--seed N] [--n N] [--pdf FILE] [--docx FILE] [-j N] [-v]
                            [--keep DIR]

Each mutant is one file of the sample with one kind of damage, drawn from --seed:

  pdf   stream-flip   1-4 bytes flipped inside a content or font stream
        outside-flip  1-4 bytes flipped outside the streams (objects, xref, trailer)
        truncate      the file cut short anywhere past its first third
        delete        1-200 bytes taken out anywhere
  docx  cut-table     one element of a table's structure (cell, row, cell properties,
                      span, merge, grid) taken out of word/document.xml: every word stays
        cut-text      one paragraph, run, text or line break taken out: the document then
                      says less, and the output must say that much less, no other thing
        xml-truncate  word/document.xml cut short (a writer stopped mid-file), zip intact
        zip-flip      1-4 bytes of the zip flipped
        truncate      the file cut short anywhere past its first third

and is parsed as a batch parses it (a worker process, the default time limit). Per kind the
bench prints mutants refused with a clean error, read the same as the sample, read as
what a document with text cut out says ("faithful", cut-text only), read differently with a
warning, read differently with none ("silent": the figure that must be
0), unexpected failures ("tracebacks", must be 0) and files past the time limit ("hangs",
must be 0). A difference is warned only when every measure that differs carries a warning
the sample's output did not (a measure lost: itself or a neighbour, as a gap warns); the
report's own `damaged-file` is not enough for a measure, only for the document's title.
--n mutants of each file (default 150: 300 in all).
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import sys
import tempfile
import zipfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAMPLES = ROOT / "samples"
PDF_KINDS = ("stream-flip", "outside-flip", "truncate", "delete")
DOCX_KINDS = ("cut-table", "cut-text", "xml-truncate", "zip-flip", "truncate")
_TABLE_PARTS = ("tc", "tr", "tcPr", "gridSpan", "vMerge", "tblGrid", "gridCol", "trPr")
_TEXT_PARTS = ("p", "r", "t", "br")
_FIELDS = ("title", "methods", "responsible", "period", "results", "outcomes", "score")


def _flip(data: bytes, rng: random.Random, lo: int, hi: int) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(lo, hi)
        out[at] ^= 1 << rng.randrange(8)
    return bytes(out)


def _streams(data: bytes) -> list[tuple[int, int]]:
    return [
        (m.end(), data.index(b"endstream", m.end()))
        for m in re.finditer(rb"stream\r?\n", data)
        if data.find(b"endstream", m.end()) > m.end()
    ]


def mutate_pdf(data: bytes, kind: str, rng: random.Random) -> bytes:
    if kind == "stream-flip":
        lo, hi = rng.choice(_streams(data))
        return _flip(data, rng, lo, hi)
    if kind == "outside-flip":
        inside = _streams(data)
        while True:
            at = rng.randrange(len(data))
            if not any(lo <= at < hi for lo, hi in inside):
                return _flip(data, rng, at, at + 1)
    if kind == "truncate":
        return data[: rng.randrange(len(data) // 3, len(data) - 1)]
    at = rng.randrange(len(data))
    return data[:at] + data[at + rng.randint(1, 200) :]


def _rezip(data: bytes, name: str, change: Any) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        for item in old.infolist():
            content = old.read(item.filename)
            if item.filename == name:
                content = change(content)
            new.writestr(item, content)
    return out.getvalue()


def _delete_element(xml: bytes, rng: random.Random, parts: tuple[str, ...]) -> bytes:
    from lxml import etree

    tree = etree.fromstring(xml)
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    found = [e for e in tree.iter() if e.tag in {ns + t for t in parts}]
    victim = rng.choice(found)
    victim.getparent().remove(victim)
    return bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True))


def mutate_docx(data: bytes, kind: str, rng: random.Random) -> bytes:
    if kind in ("cut-table", "cut-text"):
        parts = _TABLE_PARTS if kind == "cut-table" else _TEXT_PARTS
        return _rezip(data, "word/document.xml", lambda xml: _delete_element(xml, rng, parts))
    if kind == "xml-truncate":
        return _rezip(data, "word/document.xml", lambda xml: xml[: rng.randrange(len(xml))])
    if kind == "zip-flip":
        return _flip(data, rng, 0, len(data))
    return data[: rng.randrange(len(data) // 3, len(data) - 1)]


def _measures(report: dict[str, Any]) -> dict[tuple[Any, str, int], dict[str, Any]]:
    """Measures by (category, number, repeat): the same number twice stays two measures."""
    seen: Counter[tuple[Any, str]] = Counter()
    out = {}
    for category in report["categories"]:
        for measure in category["measures"]:
            key = (category["number"], measure["number"])
            seen[key] += 1
            fields = {f: measure[f] for f in _FIELDS}
            fields["period"] = (measure["period"]["start"], measure["period"]["end"])
            out[(*key, seen[key])] = fields
    return out


def _warned(report: dict[str, Any]) -> set[str]:
    return {
        f"{w['measure']}: {w['code']}: {w['message']}" for w in report["warnings"] if w["measure"]
    }


def _text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "".join(_text(v) for v in value)
    return "" if value is None else re.sub(r"\s", "", str(value))


def _within(short: str, long: str) -> bool:
    """Whether `short` is `long` with some characters taken out."""
    rest = iter(long)
    return all(ch in rest for ch in short)


def _says_less(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """A measure whose fields are the sample's with text taken out: what a document that
    lost a run or a paragraph says. A score or a period may go (its words went), never
    change."""
    for field, old in before.items():
        new = after[field]
        if new == old:
            continue
        if field == "score" and new is not None:
            return False
        if field == "period" and new != (None, None):
            return False
        if field not in ("score", "period") and not _within(_text(new), _text(old)):
            return False
    return True


def _in_order(report: dict[str, Any]) -> list[tuple[Any, str, dict[str, Any]]]:
    return [
        (category, number, fields) for (category, number, _), fields in _measures(report).items()
    ]


def _less_of(mutant: list[Any], sample: list[Any]) -> bool:
    """Whether the mutant's measures are the sample's, in order, some perhaps gone (their
    rows cut out), each with some of its text gone, and a category perhaps unknown (its row
    cut out): what a document that lost words says, nothing it does not."""
    rest = iter(sample)
    for category, number, fields in mutant:
        for want_category, want_number, want in rest:
            if (
                number == want_number
                and category in (want_category, None)
                and _says_less(want, fields)
            ):
                break
        else:
            return False
    return True


def _title_from(title: str | None, path: Path) -> bool:
    """Whether every word of a title is in the Word document's paragraphs: a title block that
    lost a line is read from the lines it still has."""
    import docx

    text = _text([p.text for p in docx.Document(str(path)).paragraphs])
    return all(_text(word) in text for word in (title or "").split())


def judge(sample: dict[str, Any], mutant: dict[str, Any], kind: str, path: Path) -> str:
    """same, faithful (says what a document with text cut out says), warned or silent."""
    before, after = _measures(sample), _measures(mutant)
    if before == after and sample["title"] == mutant["title"]:
        return "same"
    if (
        kind.startswith("cut-")
        and _less_of(_in_order(mutant), _in_order(sample))
        and _title_from(mutant["title"], path)
    ):
        return "faithful"
    if sample["title"] != mutant["title"] and not any(
        w["code"] == "damaged-file" for w in mutant["warnings"]
    ):
        return "silent"  # the document's own fields: a damaged-file warning must say so
    # Every measure that differs (or is added) must carry a warning of its own that the
    # sample's did not; a measure lost, the measures either side of it (found by title,
    # wherever they now are), as a gap warns.
    flagged = {w.split(":")[0] for w in _warned(mutant) - _warned(sample)}
    tags = {fields["title"]: _tag(c, n) for (c, n, _), fields in after.items()}
    order = list(before)
    for key in before.keys() | after.keys():
        if before.get(key) == after.get(key):
            continue
        if key in after:
            if _tag(key[0], key[1]) not in flagged:
                return "silent"
            continue
        moved = tags.get(before[key]["title"])  # read under another category or number
        if moved is not None:
            if moved not in flagged:
                return "silent"
            continue
        at = order.index(key)
        beside = [before[k]["title"] for k in order[max(at - 1, 0) : at + 2] if k != key]
        if not flagged & {tags[t] for t in beside if t in tags}:
            return "silent"
    return "warned"


def _tag(category: Any, number: str) -> str:
    """As itaparse.models.measure_tag names a measure in a warning."""
    if category is None or number.startswith(f"{category}."):
        return number
    return f"{category}.{number}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--n", type=int, default=150, help="mutants of each file")
    parser.add_argument("--pdf", type=Path, default=SAMPLES / "portrait-umpush-five-columns.pdf")
    parser.add_argument("--docx", type=Path, default=SAMPLES / "portrait-loma-no-cover.docx")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("-v", "--verbose", action="store_true", help="name every bad mutant")
    parser.add_argument("--keep", type=Path, help="keep the mutants in this folder")
    args = parser.parse_args()

    import itaparse
    from itaparse.dispatch import run

    rng = random.Random(args.seed)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="itaparse-fuzz-"))
    folder.mkdir(parents=True, exist_ok=True)
    jobs: list[tuple[str, str, Path]] = []  # (format, kind, mutant)
    for source, kinds, mutate in (
        (args.pdf, PDF_KINDS, mutate_pdf),
        (args.docx, DOCX_KINDS, mutate_docx),
    ):
        data = source.read_bytes()
        fmt = source.suffix.lstrip(".")
        for i in range(args.n):
            kind = kinds[i % len(kinds)]
            path = folder / f"{fmt}-{kind}-{i:03d}{source.suffix}"
            path.write_bytes(mutate(data, kind, rng))
            jobs.append((fmt, kind, path))
    samples = {
        fmt: itaparse.parse(path).model_dump(mode="json")
        for fmt, path in (("pdf", args.pdf), ("docx", args.docx))
    }
    tally: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    bad: list[str] = []
    for i, result in run([str(p) for _, _, p in jobs], jobs=args.jobs):
        fmt, kind, path = jobs[i]
        if result.ok:
            outcome = judge(samples[fmt], json.loads(result.report_json or "{}"), kind, path)
        elif result.error_type == "TimeLimitError":
            outcome = "hangs"
        elif result.error_type == "InternalError":
            outcome = "tracebacks"
        else:
            outcome = "refused"
        tally[(fmt, kind)][outcome] += 1
        if outcome in ("silent", "hangs", "tracebacks"):
            bad.append(f"{outcome}: {path.name}: {result.error or ''}")
    columns = ("refused", "same", "faithful", "warned", "silent", "tracebacks", "hangs")
    print(f"{'file':5} {'kind':13} {'n':>4} " + " ".join(f"{c:>10}" for c in columns))
    total: Counter[str] = Counter()
    for (fmt, kind), counts in sorted(tally.items()):
        total.update(counts)
        print(
            f"{fmt:5} {kind:13} {sum(counts.values()):4} "
            + " ".join(f"{counts[c]:10}" for c in columns)
        )
    print(f"{'all':19} {sum(total.values()):4} " + " ".join(f"{total[c]:10}" for c in columns))
    if args.verbose or bad:
        print("\n".join(bad))
    if args.keep is None:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
    else:
        print(f"mutants kept in {folder}")


if __name__ == "__main__":
    main()
