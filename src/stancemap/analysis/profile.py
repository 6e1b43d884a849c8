"""The multi-vector profile: a state's alignment toward each power, per dimension, with evidence.

Two kinds of evidence move a score in [-1, 1]:

* **events** between the state and a power (either direction), valued by their Goldstein-style
  weight / 10 and weighted by corroboration; the dimension is the event's issue's, else its
  type's (``data/powers.yaml``);
* **stances** of the state on issues whose file declares an ``alignment`` toward powers: taking
  the support side moves toward the powers with +1 and away from those with -1, the oppose side the
  other way, neutral not at all (but it counts as evidence of balancing). A stance counts toward a
  power only when its sentence names that power (one of its members): a cell is built from evidence
  about that power, not from the issue file's settings alone.

Claims are listed as economic evidence when they concern a power (its share of trade, say); they
carry no sign, so they do not move the score.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable
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


def _names_power(text: str, members: list[str], names: Callable[[str], list[str]] | None,
                 cache: dict[tuple[str, ...], re.Pattern[str]] | None = None) -> bool:
    """Whether ``text`` names one of a power's members (by the surfaces ``names`` gives a code)."""
    key = tuple(members)
    pattern = cache.get(key) if cache is not None else None
    if pattern is None:
        surfaces = {str(s).lower() for code in members for s in (names(code) if names else [code]) if len(str(s)) >= 2}
        alternation = "|".join(re.escape(s) for s in sorted(surfaces, key=len, reverse=True)) or r"(?!x)x"
        pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")
        if cache is not None:
            cache[key] = pattern
    return bool(pattern.search(text.lower()))


def profile(actor: str, clusters: list[dict[str, Any]], stances: list[dict[str, Any]],
            claims: list[dict[str, Any]], issues: tuple[Issue, ...],
            names: Callable[[str], list[str]] | None = None) -> dict[str, dict[str, Cell]]:
    """Cells per power and dimension for ``actor``. ``names(code)`` gives the words that name an
    actor (its name, adjective, capital, aliases); without it a stance's sentence must hold the code."""
    powers = load_powers()
    patterns: dict[tuple[str, ...], re.Pattern[str]] = {}
    by_issue = {i.id: i for i in issues}
    cells: dict[str, dict[str, Cell]] = defaultdict(dict)

    def cell(p: str, d: str) -> Cell:
        return cells[p].setdefault(d, Cell(p, d))

    for c in clusters:
        if c["negated"] or actor not in (c["source"], c["target"]) or c["source"] == c["target"]:
            continue
        other = c["target"] if c["source"] == actor else c["source"]
        if (c.get("target_sector") if other == c["target"] else c.get("source_sector")) == "REB":
            continue  # separatists are not the state they are in
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
            members = list((powers["powers"].get(p) or {}).get("members") or [p])
            if not _names_power(str(s.get("evidence") or ""), members, names, patterns):
                continue
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


def names_from_reference(ref: Any, adjectives: dict[str, str] | None = None) -> Callable[[str], list[str]]:
    """The words that name an actor code in text, from the actor reference data: its display name,
    the state's surfaces (names, adjectives, capitals) or the organisation's aliases."""
    cache: dict[str, list[str]] = {}
    surfaces: dict[str, list[str]] = defaultdict(list)
    for key, entries in ref.entries.items():
        for e in entries:
            if e.kind in ("state", "adjective", "people", "capital", "org", "institution") and len(key) > 2:
                surfaces[e.code].append(key)

    def names(code: str) -> list[str]:
        if code not in cache:
            out = [ref.name(code)]
            if adjectives and adjectives.get(code):
                out.append(adjectives[code])
            out += surfaces.get(code, [])
            org = ref.orgs.get(code)
            if isinstance(org, dict):
                out += [str(org.get("name") or "")] + [str(a) for a in org.get("aliases") or []]
            if len(code) >= 2 and code.isupper() and code not in ref.states:
                out.append(code)
            cache[code] = [o for o in dict.fromkeys(out) if o]
        return cache[code]

    return names
