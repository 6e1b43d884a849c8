"""Directed cooperation/conflict time series per actor pair, GDELT-compatible.

One row per (month, source, target): distinct events (event clusters) by PLOVER type and by
QuadClass, their summed and mean Goldstein-style weights, and how many mentions and documents
report them. Negated events did not happen and are left out; background (historical) events
count in their own month. An event dated only to its year has no month and is left out too
(never a month "YYYY-00").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..model import EVENT_TYPES


@dataclass
class DyadMonth:
    month: str  # YYYY-MM
    source: str
    target: str
    events: int = 0
    mentions: int = 0
    documents: set[str] = field(default_factory=set)
    by_type: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    quad: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    weight_sum: float = 0.0

    @property
    def weight_mean(self) -> float:
        return self.weight_sum / self.events if self.events else 0.0

    def as_row(self) -> dict[str, Any]:
        """GDELT-style column names (MonthYear, Actor1Code, ...) plus the PLOVER breakdown."""
        return {
            "MonthYear": self.month.replace("-", ""), "Actor1Code": self.source, "Actor2Code": self.target,
            "NumEvents": self.events, "NumMentions": self.mentions, "NumSources": len(self.documents),
            "GoldsteinScaleSum": round(self.weight_sum, 2), "GoldsteinScaleMean": round(self.weight_mean, 3),
            **{f"QuadClass{q}": self.quad.get(q, 0) for q in (1, 2, 3, 4)},
            **{t: self.by_type.get(t, 0) for t in EVENT_TYPES},
        }


def _month(date: str | None) -> str | None:
    if not date:
        return None
    d = str(date).split("/")[0]
    return d[:7] if len(d) >= 7 and d[5:7].isdigit() and 1 <= int(d[5:7]) <= 12 else None


def dyad_series(clusters: list[dict[str, Any]], source: str | None = None, target: str | None = None,
                undirected: bool = False) -> list[DyadMonth]:
    """Monthly rows from event-cluster records (``event_clusters`` table rows)."""
    table: dict[tuple[str, str, str], DyadMonth] = {}
    for c in clusters:
        if c["negated"] or not c["source"] or not c["target"] or c["source"] == c["target"]:
            continue
        s, t = c["source"], c["target"]
        if undirected and source and t == source:
            s, t = t, s
        if (source and s != source) or (target and t != target):
            continue
        month = _month(c["date"])
        if month is None:
            continue
        row = table.setdefault((month, s, t), DyadMonth(month, s, t))
        row.events += 1
        row.mentions += int(c["mentions"])
        row.documents.update(str(c["docs"]).split(","))
        row.by_type[c["type"]] += 1
        row.quad[int(c["quad_class"])] += 1
        row.weight_sum += float(c["weight"])
    return sorted(table.values(), key=lambda r: (r.source, r.target, r.month))


def dyad_totals(clusters: list[dict[str, Any]], actor: str) -> dict[str, dict[str, float]]:
    """Per partner of ``actor``: events both ways, cooperation and conflict counts, mean weight."""
    out: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for c in clusters:
        if c["negated"] or not c["source"] or not c["target"] or c["source"] == c["target"]:
            continue
        if actor not in (c["source"], c["target"]):
            continue
        other = c["target"] if c["source"] == actor else c["source"]
        row = out[other]
        row["events"] += 1
        row["cooperation" if float(c["weight"]) > 0 else "conflict"] += 1
        row["weight_sum"] += float(c["weight"])
    for row in out.values():
        row["weight_mean"] = round(row["weight_sum"] / row["events"], 3) if row["events"] else 0.0
    return {k: dict(v) for k, v in out.items()}
