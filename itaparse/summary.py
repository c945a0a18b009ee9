"""A batch in one table: per province and agency type, how many agencies reported, how many
measures, how many state a score, and the scores' mean and median.

Its inputs are reports (parsed from documents, or read back from a batch's output folder,
whose per-file JSON holds them already)."""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from itaparse.models import Report

COLUMNS = (
    "province",
    "province_code",
    "agency_type",
    "agencies",
    "reports",
    "measures",
    "scored_share",
    "mean_score",
    "median_score",
    "warnings",
)
MANIFEST = "manifest.jsonl"


@dataclass
class _Group:
    agencies: set[str] = field(default_factory=set)
    reports: int = 0
    measures: int = 0
    scores: list[float] = field(default_factory=list)
    warnings: int = 0


def _province_name(report: Report) -> str:
    if report.province_code:
        import geothai

        found = geothai.province(report.province_code)
        if found is not None:
            return str(found.name_th)
    return report.province or "-"


def summarize(reports: Iterable[Report]) -> list[dict[str, Any]]:
    """One row per province and agency type, sorted by province code then type."""
    groups: dict[tuple[str, str, str], _Group] = {}
    for report in reports:
        key = (report.province_code or "", _province_name(report), report.agency_type or "-")
        group = groups.setdefault(key, _Group())
        group.agencies.add(report.agency_key or report.agency or report.source.path)
        group.reports += 1
        group.measures += len(report.measures)
        group.scores.extend(m.score for m in report.measures if m.score is not None)
        group.warnings += len(report.warnings)
    rows = []
    for (code, name, kind), g in sorted(groups.items(), key=lambda kv: (kv[0][0] or "~", kv[0])):
        rows.append(
            {
                "province": name,
                "province_code": code or None,
                "agency_type": kind,
                "agencies": len(g.agencies),
                "reports": g.reports,
                "measures": g.measures,
                "scored_share": round(len(g.scores) / g.measures, 3) if g.measures else None,
                "mean_score": round(statistics.fmean(g.scores), 2) if g.scores else None,
                "median_score": round(statistics.median(g.scores), 2) if g.scores else None,
                "warnings": g.warnings,
            }
        )
    return rows


def batch_reports(folder: Path) -> Iterator[Report]:
    """The reports a batch wrote into `folder` (the ones its manifest says converted)."""
    names: dict[str, bool] = {}
    for line in (folder / MANIFEST).read_text(encoding="utf-8").splitlines():
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:  # a line cut short by a killed run
            continue
        names[entry["name"]] = entry.get("status") == "converted"
    for name, converted in names.items():
        path = folder / f"{name}.json"
        if converted and path.exists():
            yield Report.model_validate_json(path.read_text(encoding="utf-8"))


def _shown(column: str, value: Any) -> str:
    if value is None:
        return "-"
    if column == "scored_share":
        return f"{value:.0%}"
    return f"{value:g}" if isinstance(value, float) else str(value)


def to_markdown(rows: list[dict[str, Any]]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines.extend("| " + " | ".join(_shown(c, row[c]) for c in COLUMNS) + " |" for row in rows)
    return "\n".join(lines) + "\n"


def to_csv(rows: list[dict[str, Any]]) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def to_json(rows: list[dict[str, Any]]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def plot(rows: list[dict[str, Any]], target: Path) -> None:
    """A bar chart of the mean score per province, Thai labels set in a TLWG Thai font."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    from itaparse.errors import MissingToolError

    thai = next((f.name for f in font_manager.fontManager.ttflist if f.name in _THAI_FONTS), None)
    if thai is None:
        raise MissingToolError(
            "fonts-thai-tlwg",
            "--plot needs a Thai font for its labels (Debian/Ubuntu: apt-get install "
            "fonts-thai-tlwg)",
        )
    by_province: dict[str, list[float]] = {}
    for row in rows:
        if row["mean_score"] is not None:
            # Weighted by the measures that state a score, as a mean over all of them would be.
            weight = round((row["scored_share"] or 0) * row["measures"])
            by_province.setdefault(row["province"], []).extend([row["mean_score"]] * weight)
    names = sorted(by_province, key=lambda p: statistics.fmean(by_province[p]), reverse=True)
    means = [statistics.fmean(by_province[p]) for p in names]
    figure, axes = plt.subplots(figsize=(8, 0.45 * len(names) + 1.5))
    axes.barh(names[::-1], means[::-1], color="#3b6ea5")
    axes.set_xlim(0, 100)
    axes.set_xlabel("คะแนนเฉลี่ยของมาตรการ (mean measure score)", fontname=thai)
    axes.set_title("ผลการประเมิน ITA รายจังหวัด", fontname=thai)
    for label in axes.get_yticklabels():
        label.set_fontname(thai)
    for y, value in enumerate(means[::-1]):
        axes.text(value + 1, y, f"{value:.1f}", va="center")
    figure.tight_layout()
    figure.savefig(target, dpi=120)
    plt.close(figure)


_THAI_FONTS = ("Laksaman", "Garuda", "Loma", "Waree", "Umpush", "Kinnari", "Norasi", "Sawasdee")
