"""Aggregate stance evidence into a position per actor x issue (x time window).

Each piece of evidence votes for its polarity with a weight: its confidence, times a recency factor
(evidence from later in the window counts more, half-life ``half_life_days``), divided among the
sentences of a document so that one long article cannot outvote several sources. The position is
the polarity with at least ``majority`` of the weight, ``mixed`` when support and oppose are both
well attested, and ``unknown`` without evidence. Confidence grows with agreement and with the
number of distinct documents.

An official roll call (``stancemap votes import``; stance rows whose rule starts ``official:``) anchors the
position: each recorded vote counts as a source of its own, and a vote that a text reports on a resolution
the record holds is not counted again but kept aside (``checked``) as corroboration or contradiction of the
record. Statements from texts still count beside the record.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

POLARITIES = ("support", "oppose", "neutral")


@dataclass
class Position:
    actor: str
    issue: str
    position: str  # support | oppose | neutral | mixed | unknown
    confidence: float
    weights: dict[str, float] = field(default_factory=dict)
    documents: int = 0
    evidence: list[dict[str, Any]] = field(default_factory=list)
    window: str | None = None
    record: list[dict[str, Any]] = field(default_factory=list)  # stance rows from an official roll call
    checked: list[dict[str, Any]] = field(default_factory=list)  # text votes on resolutions the record holds


def _as_date(value: str | None) -> date | None:
    if not value:
        return None
    parts = [int(p) for p in str(value).split("-")[:3]]
    while len(parts) < 3:
        parts.append(1)
    try:
        return date(parts[0], parts[1], parts[2])
    except ValueError:
        return None


def aggregate(actor: str, issue: str, rows: Iterable[dict[str, Any]], majority: float = 0.6,
              half_life_days: float = 365.0, window: str | None = None) -> Position:
    """Position of ``actor`` on ``issue`` from stance rows (dicts with stance, doc, confidence, date)."""
    rows = list(rows)
    if not rows:
        return Position(actor, issue, "unknown", 0.0, window=window)
    record = [r for r in rows if _voted(r, "official")]
    covered = {_voted(r, "official") for r in record}
    checked = [r for r in rows if not _voted(r, "official") and _voted(r) in covered] if record else []
    skip, first = {id(r) for r in checked}, {id(r) for r in record}
    evidence = record + [r for r in rows if id(r) not in skip | first] + checked
    rows = [r for r in rows if id(r) not in skip]
    dates = [d for d in (_as_date(r.get("date")) for r in rows) if d]
    latest = max(dates) if dates else None
    per_doc: dict[str, int] = defaultdict(int)
    for r in rows:
        per_doc[_source(r)] += 1
    weights = dict.fromkeys(POLARITIES, 0.0)
    for r in rows:
        w = float(r.get("confidence") or 1.0) / math.sqrt(per_doc[_source(r)])
        d = _as_date(r.get("date"))
        if latest and d:
            w *= 0.5 ** ((latest - d).days / half_life_days)
        weights[r["stance"]] = weights.get(r["stance"], 0.0) + w
    total = sum(weights.values()) or 1.0
    share = {k: v / total for k, v in weights.items()}
    best = max(POLARITIES, key=lambda k: share[k])
    if share[best] >= majority:
        position = best
        agreement = share[best]
    elif share["support"] >= 0.25 and share["oppose"] >= 0.25:
        position, agreement = "mixed", 1.0 - abs(share["support"] - share["oppose"])
    else:
        position, agreement = best, share[best]
    docs = len(per_doc)
    confidence = agreement * (1.0 - math.exp(-docs / 1.5))
    return Position(actor, issue, position, round(confidence, 3), {k: round(v, 3) for k, v in weights.items()},
                    docs, evidence, window, record, checked)


def _voted(row: dict[str, Any], kind: str | None = None) -> str | None:
    """The resolution a vote record is on ("vote:A:ES-11/1" -> "ES-11/1"), if ``row`` is one (of ``kind``:
    official, or a text's vote or roll call when None)."""
    from ..votes.record import parse_vote_rule

    rule = str(row.get("rule") or "")
    if (kind == "official") != rule.startswith("official:"):
        return None
    parsed = parse_vote_rule(rule)
    return parsed[1] if parsed else None


def _source(row: dict[str, Any]) -> str:
    """What counts as one source: a document, or one resolution's roll call in an official record."""
    key = _voted(row, "official")
    return f"{row['doc']}#{key}" if key else str(row["doc"])


def positions(stances: Iterable[dict[str, Any]], actor: str | None = None) -> dict[tuple[str, str], Position]:
    """Positions for every (actor, issue) pair in ``stances`` (or one actor's)."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for s in stances:
        if actor is None or s["actor"] == actor:
            groups[(s["actor"], s["issue"])].append(s)
    return {k: aggregate(k[0], k[1], v) for k, v in groups.items()}


def timeline(stances: Iterable[dict[str, Any]], actor: str, issue: str, granularity: int = 7) -> list[Position]:
    """Positions per time window (``granularity`` 7 = month, 4 = year); undated evidence is left out."""
    windows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in stances:
        if s["actor"] == actor and s["issue"] == issue and s.get("date"):
            d = str(s["date"])
            if len(d) >= granularity:
                windows[d[:granularity]].append(s)
    return [aggregate(actor, issue, rows, window=w) for w, rows in sorted(windows.items())]


def changes(series: list[Position]) -> list[tuple[str, str, str]]:
    """(window, from, to) wherever the position changes between consecutive windows."""
    out = []
    for prev, cur in itertools.pairwise(series):
        if cur.position != prev.position:
            out.append((cur.window or "", prev.position, cur.position))
    return out
