"""Merge mentions of the same real-world event, or of the same quantity, across documents.

Events: mentions with the same source, type, target and negation whose dates are compatible (one
is a prefix of the other, or they lie within ``window_days``) describe one event. Every mention
keeps its evidence; the cluster counts mentions and distinct documents (corroboration).

Claims: numbers with the same unit and subject whose sentences say the same kind of thing (their
indicators share words, or their sentences are close in embedding space) measure one quantity.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..model import EVENT_TYPES
from .text import parse_date

_WORD = re.compile(r"[a-z]{3,}")
_STOP = set(["the", "and", "for", "with", "from", "that", "this", "which", "were", "was", "are", "has", "have", "its", "their", "into", "over", "about", "around", "some", "more", "than", "less", "per", "cent", "percent", "of", "to", "in", "on", "by", "as", "at"])


def dates_compatible(a: str | None, b: str | None, window_days: int = 45) -> bool:
    if not a or not b:
        return True
    if a.startswith(b) or b.startswith(a):
        return True
    da, db = parse_date(a), parse_date(b)
    return bool(da and db and abs((da - db).days) <= window_days)


@dataclass
class Cluster:
    id: int
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def docs(self) -> list[str]:
        return sorted({r["doc"] for r in self.rows})


def event_key(r: dict[str, Any]) -> tuple[Any, ...]:
    return (r["source"], r["target"], r["type"], bool(r["negated"]))


def cluster_events(rows: list[dict[str, Any]], window_days: int = 45) -> list[Cluster]:
    """Group event rows into clusters of the same event (greedy, by key then date)."""
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        groups[event_key(r)].append(r)
    clusters: list[Cluster] = []
    for key in sorted(groups, key=str):
        members = sorted(groups[key], key=lambda r: (r["date"] or "", r["id"]))
        open_: list[Cluster] = []
        for r in members:
            home = next((c for c in open_ if all(dates_compatible(r["date"], x["date"], window_days) for x in c.rows)),
                        None)
            if home is None:
                home = Cluster(len(clusters) + 1)
                clusters.append(home)
                open_.append(home)
            home.rows.append(r)
    return clusters


def event_cluster_record(c: Cluster) -> dict[str, Any]:
    first = max(c.rows, key=lambda r: (r["confidence"] or 0.0, -r["id"]))
    dates = sorted(r["date"] for r in c.rows if r["date"])
    precise = max(dates, key=len) if dates else None
    return {
        "id": c.id, "source": first["source"], "source_sector": first["source_sector"], "target": first["target"],
        "target_sector": first["target_sector"], "type": first["type"], "negated": int(bool(first["negated"])),
        "issue": next((r["issue"] for r in c.rows if r["issue"]), None), "date": precise,
        "date_min": dates[0] if dates else None, "date_max": dates[-1] if dates else None,
        "quad_class": EVENT_TYPES[first["type"]]["quad"], "weight": EVENT_TYPES[first["type"]]["weight"],
        "mentions": len(c.rows), "documents": len(c.docs), "docs": ",".join(c.docs),
        "evidence": first["evidence"], "evidence_doc": first["doc"],
    }


def _terms(text: str) -> set[str]:
    return {w[:6] for w in _WORD.findall((text or "").lower()) if w not in _STOP}


def claim_similarity(a: dict[str, Any], b: dict[str, Any], va: np.ndarray | None, vb: np.ndarray | None) -> float:
    """How alike two claims' measured quantities are (0..1): the mean of the similarity of their
    indicators and of their sentences (rows of ``va``/``vb``: indicator vector, sentence vector)."""
    if va is None or vb is None:
        ta, tb = _terms(a["indicator"]), _terms(b["indicator"])
        return len(ta & tb) / max(1, min(len(ta), len(tb))) if ta and tb else 0.0
    return float(0.5 * (va[0] @ vb[0]) + 0.5 * (va[1] @ vb[1]))


def cluster_claims(rows: list[dict[str, Any]], vectors: dict[int, np.ndarray], threshold: float = 0.75) -> list[Cluster]:
    """Claims of the same unit and subject that measure the same thing (single linkage across documents)."""
    clusters: list[Cluster] = []
    for r in sorted(rows, key=lambda r: r["id"]):
        best: tuple[float, Cluster] | None = None
        for c in clusters:
            head = c.rows[0]
            if head["unit"] != r["unit"] or (head["subject"] and r["subject"] and head["subject"] != r["subject"]):
                continue
            if all(x["doc"] == r["doc"] for x in c.rows):
                continue  # different numbers in one text measure different things
            sim = max(claim_similarity(x, r, vectors.get(x["id"]), vectors.get(r["id"])) for x in c.rows)
            if sim >= threshold and (best is None or sim > best[0]):
                best = (sim, c)
        if best is None:
            clusters.append(Cluster(len(clusters) + 1, [r]))
        else:
            best[1].rows.append(r)
    return clusters


def claim_cluster_record(c: Cluster) -> dict[str, Any]:
    values = [float(r["value"]) for r in c.rows]
    first = c.rows[0]
    return {"id": c.id, "subject": first["subject"], "indicator": first["indicator"], "unit": first["unit"],
            "value_min": min(values), "value_max": max(values), "mentions": len(c.rows), "documents": len(c.docs),
            "docs": ",".join(c.docs)}
