"""The multi-vector profile: a state's alignment toward each power, per dimension, with evidence.

Two kinds of evidence move a score in [-1, 1]:

* **events** between the state and a power (either direction), valued by their Goldstein-style
  weight / 10 and weighted by corroboration; the dimension is the event's issue's, else its
  type's (``data/powers.yaml``);
* **stances** of the state on issues whose file declares an ``alignment`` toward powers: taking
  the support side moves toward the powers with +1 and away from those with -1, the oppose side the
  other way, neutral not at all (but it counts as evidence of balancing).

Claims are listed as economic evidence when they concern a power (its share of trade, say); they
carry no sign, so they do not move the score.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from .. import yamlio
from ..stances.issues import Issue

DIMENSIONS = ("geopolitical", "economic", "social")
_SIGN = {"support": 1.0, "oppose": -1.0, "neutral": 0.0}


@dataclass
class Cell:
    power: str
    dimension: str
    num: float = 0.0
    den: float = 0.0
    evidence: list[dict[str, Any]] = field(default_factory=list)

    @property
    def score(self) -> float | None:
        return round(self.num / self.den, 3) if self.den else None

    def add(self, value: float, weight: float, item: dict[str, Any]) -> None:
        self.num += value * weight
        self.den += weight
        self.evidence.append({**item, "value": round(value, 3), "weight": round(weight, 3)})


@lru_cache(maxsize=1)
def load_powers() -> dict[str, Any]:
    text = resources.files("stancemap.analysis").joinpath("data/powers.yaml").read_text("utf-8")
    return dict(yamlio.load(text))


def _power_of(code: str | None, powers: dict[str, Any]) -> str | None:
    if not code:
        return None
    for p, info in powers["powers"].items():
        if code in info["members"]:
            return p
    return None


def profile(actor: str, clusters: list[dict[str, Any]], stances: list[dict[str, Any]],
            claims: list[dict[str, Any]], issues: tuple[Issue, ...]) -> dict[str, dict[str, Cell]]:
    """Cells per power and dimension for ``actor``."""
    powers = load_powers()
    by_issue = {i.id: i for i in issues}
    cells: dict[str, dict[str, Cell]] = defaultdict(dict)

    def cell(p: str, d: str) -> Cell:
        return cells[p].setdefault(d, Cell(p, d))

    for c in clusters:
        if c["negated"] or actor not in (c["source"], c["target"]) or c["source"] == c["target"]:
            continue
        other = c["target"] if c["source"] == actor else c["source"]
        p = _power_of(other, powers)
        if p is None or p == _power_of(actor, powers):
            continue
        issue = by_issue.get(c["issue"] or "")
        dim = issue.dimension if issue else powers["type_dimension"].get(c["type"], "geopolitical")
        weight = math.sqrt(int(c["mentions"]))
        cell(p, dim).add(float(c["weight"]) / 10.0, weight, {
            "kind": "event", "type": c["type"], "source": c["source"], "target": c["target"], "date": c["date"],
            "doc": c["evidence_doc"], "evidence": c["evidence"], "documents": c["documents"]})
    for s in stances:
        if s["actor"] != actor:
            continue
        issue = by_issue.get(s["issue"])
        if issue is None:
            continue
        for p, a in issue.alignment:
            cell(p, issue.dimension).add(_SIGN[s["stance"]] * a, float(s["confidence"] or 0.5), {
                "kind": "stance", "issue": s["issue"], "stance": s["stance"], "date": s["date"], "doc": s["doc"],
                "evidence": s["evidence"]})
    for c in claims:
        if c["subject"] != actor:
            continue
        text = f"{c['indicator']} {c['evidence']}".lower()
        for p, info in powers["powers"].items():
            label = str(info["label"]).split(" ")[0].lower().rstrip(",")
            if label[:5] in text:
                cells[p].setdefault("economic", Cell(p, "economic")).evidence.append({
                    "kind": "claim", "indicator": c["indicator"], "value": c["value"], "unit": c["unit"],
                    "period": c["period"], "doc": c["doc"], "evidence": c["evidence"], "weight": 0.0})
    return dict(cells)


def profile_table(cells: dict[str, dict[str, Cell]]) -> list[dict[str, Any]]:
    """Rows: power, dimension, score, number of evidence items (for exports and charts)."""
    rows = []
    for p in sorted(cells):
        for d in DIMENSIONS:
            c = cells[p].get(d)
            if c is not None:
                rows.append({"power": p, "dimension": d, "score": c.score, "evidence": len(c.evidence)})
    return rows
