"""Field-by-field comparison of a report with a truth file (the form samples/*.expected.json use).

Mirrors ../shared/bench/score.py's rules so the tests need nothing outside the repo: text is
compared after NFC, Thai digits folded and white space removed.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

STRUCTURE = ("n_measures", "category_number", "number", "period_start", "period_end", "score")
TEXT = (
    "agency",
    "district",
    "province",
    "category_title",
    "title",
    "responsible",
    "methods",
    "results",
    "outcomes",
)

OPTIONAL = ("budget", "indicators", "extra")
_TH = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def fold(value: Any) -> Any:
    if isinstance(value, list):
        return [fold(v) for v in value]
    if isinstance(value, dict):
        return {fold(k): fold(v) for k, v in value.items()}
    if not isinstance(value, str):
        return value
    text = unicodedata.normalize("NFC", value).translate(_TH).replace("\u0e4d\u0e32", "\u0e33")
    return re.sub(r"\s+", "", text)


def fields(report: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {k: report.get(k) for k in ("agency", "district", "province")}
    out["fiscal_year"] = report.get("fiscal_year")
    measures = [(c, m) for c in report["categories"] for m in c["measures"]]
    out["n_measures"] = len(measures)
    for i, (c, m) in enumerate(measures):
        period = m.get("period") or {}
        out[f"{i} category_number"] = c["number"]
        out[f"{i} category_title"] = c["title"]
        for key in ("number", "title", "responsible", "methods", "results", "outcomes", "score"):
            out[f"{i} {key}"] = m.get(key)
        for key in ("budget", "indicators", "extra"):  # only where the truth states them
            if key in m:
                out[f"{i} {key}"] = m[key]
        out[f"{i} period_start"] = str(period.get("start"))[:10] if period.get("start") else None
        out[f"{i} period_end"] = str(period.get("end"))[:10] if period.get("end") else None
    return {k: fold(v) for k, v in out.items()}


def misses(truth: dict[str, Any], got: dict[str, Any], kinds: tuple[str, ...]) -> list[str]:
    want, have = fields(truth), fields(got)
    have = {k: v for k, v in have.items() if k in want or k.split(" ")[-1] not in OPTIONAL}
    wanted = [k for k in want if k.split(" ")[-1] in kinds or k in kinds]
    return [f"{k}: want {want[k]!r}, got {have.get(k)!r}" for k in wanted if want[k] != have.get(k)]


def thai_words(text: str) -> set[str]:
    """Distinct Thai words (2+ letters), as ../shared/bench/textcov.py cuts them."""
    from pythainlp import word_tokenize

    tokens = word_tokenize(unicodedata.normalize("NFC", text), keep_whitespace=False)
    return {t for t in tokens if len(t) > 1 and re.fullmatch(r"[\u0e01-\u0e4e]+", t)}


def recall_precision(reference: str, candidate: str) -> tuple[float, float]:
    """textcov.py's figures: reference words found in the candidate, and the reverse."""
    ref, cand = fold(reference), fold(candidate)
    ref_words, cand_words = thai_words(reference), thai_words(candidate)
    recall = sum(fold(w) in cand for w in ref_words) / max(1, len(ref_words))
    precision = sum(fold(w) in ref for w in cand_words) / max(1, len(cand_words))
    return recall, precision


SCAN_FIELDS = ("number", "period_start", "period_end", "score")


def _tag(category: dict[str, Any], measure: dict[str, Any]) -> str:
    number, cat = measure["number"], category["number"]
    return number if cat is None or number.startswith(f"{cat}.") else f"{cat}.{number}"


def scan_score(truth: dict[str, Any], got: dict[str, Any]) -> dict[str, Any]:
    """A scanned copy's report against the truth of its original: the measure count, the
    structural fields right (number, period start and end, score), and each score right,
    flagged (null with a warning on its measure) or silently wrong."""
    want = [m for c in truth["categories"] for m in c["measures"]]
    have = [(c, m) for c in got["categories"] for m in c["measures"]]
    flagged_measures = {w.get("measure") for w in got["warnings"]}
    out: dict[str, Any] = {"measures": (len(have), len(want)), "right": 0, "fields": 0}
    out["scores_wrong"], out["scores_flagged"] = [], 0
    if len(have) != len(want):
        out["fields"] = len(want) * len(SCAN_FIELDS)
        return out
    for w, (c, h) in zip(want, have, strict=True):
        pairs = {
            "number": (w["number"], h["number"]),
            "period_start": ((w.get("period") or {}).get("start"), h["period"]["start"]),
            "period_end": ((w.get("period") or {}).get("end"), h["period"]["end"]),
            "score": (w.get("score"), h["score"]),
        }
        out["fields"] += len(pairs)
        out["right"] += sum(fold(a) == fold(b) for a, b in pairs.values())
        expected, read = pairs["score"]
        if read is not None and read != expected:
            out["scores_wrong"].append(f"{_tag(c, h)}: {read} for {expected}")
        elif read is None and expected is not None:
            if _tag(c, h) in flagged_measures:
                out["scores_flagged"] += 1
            else:
                out["scores_wrong"].append(f"{_tag(c, h)}: missing {expected}, no warning")
    return out


def _similar(a: str, b: str) -> float:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, fold(a or ""), fold(b or ""), autojunk=False).ratio()


def _align(want: list[dict[str, Any]], have: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Truth and output measures paired by title, in order (an alignment: a lost or an extra
    measure shifts nothing), pairs only where the titles are alike."""
    n, m = len(want), len(have)
    sim = [[_similar(w["title"], h["title"]) for h in have] for w in want]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            pair = sim[i][j] + best[i + 1][j + 1] if sim[i][j] >= 0.6 else -1.0
            best[i][j] = max(pair, best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if sim[i][j] >= 0.6 and best[i][j] == sim[i][j] + best[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def matched_scan_score(truth: dict[str, Any], got: dict[str, Any]) -> dict[str, Any]:
    """A scanned copy against its original's truth, each output measure matched to a truth
    measure by its title, not by position, so that a lost row shifts nothing: the measure
    count, the structural fields right (number, period start and end, score; a truth measure
    with no match counts all four wrong), and every score or period given and wrong with no
    warning on its measure, an output measure matching none included ("silent")."""
    want = [m for c in truth["categories"] for m in c["measures"]]
    have = [(c, m) for c in got["categories"] for m in c["measures"]]
    warned = {w.get("measure") for w in got["warnings"]}
    out: dict[str, Any] = {"measures": (len(have), len(want)), "right": 0}
    out["fields"] = len(want) * len(SCAN_FIELDS)
    out["silent"], out["flagged"] = [], 0
    pairs = _align(want, [m for _c, m in have])
    for i, j in pairs:
        w, (c, h) = want[i], have[j]
        tag = _tag(c, h)
        values = {
            "number": (w["number"], h["number"]),
            "period_start": ((w.get("period") or {}).get("start"), h["period"]["start"]),
            "period_end": ((w.get("period") or {}).get("end"), h["period"]["end"]),
            "score": (w.get("score"), h["score"]),
        }
        out["right"] += sum(fold(a) == fold(b) for a, b in values.values())
        for key in ("period_start", "period_end", "score"):
            expected, read = values[key]
            if read is not None and fold(read) != fold(expected):
                if tag in warned:
                    out["flagged"] += 1
                else:
                    out["silent"].append(f"{tag} {key}: {read} for {expected}")
            elif read is None and expected is not None and tag in warned:
                out["flagged"] += 1
    paired = {j for _i, j in pairs}
    for j, (c, h) in enumerate(have):
        given = {"score": h["score"], "period": h["period"]["start"] or h["period"]["end"]}
        if (
            j not in paired
            and _tag(c, h) not in warned
            and any(v is not None for v in given.values())
        ):
            out["silent"].append(f"{_tag(c, h)} (matches no measure): {given}")
    return out
