"""Recompute the cross-document tables (event and claim clusters, contradictions) from the store.

Runs after every ingest that changed something. It reads only stored records, so it can also be
run alone (``stancemap reconcile``) after a user edits the data.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..config import Options
from ..store import Store
from .contradict import (
    actor_contradictions,
    date_contradictions,
    polarity_contradictions,
    stance_date_contradictions,
    value_contradictions,
)
from .merge import claim_cluster_record, cluster_claims, cluster_events, event_cluster_record
from .official import official_contradictions, without_official


def claim_vectors(claims: list[dict[str, Any]]) -> dict[int, np.ndarray]:
    """Per claim, two embeddings: of its indicator and of its sentence."""
    if not claims:
        return {}
    from ..nlp.embed import embed

    ind = embed([c["indicator"] for c in claims])
    sen = embed([c["evidence"] for c in claims])
    return {c["id"]: np.stack([i, s]) for c, i, s in zip(claims, ind, sen, strict=True)}


def stance_vectors(stances: list[dict[str, Any]]) -> dict[int, np.ndarray]:
    """Per stance, the embedding of its sentence (to show each disagreement by its closest statements)."""
    if not stances:
        return {}
    from ..nlp.embed import embed

    vecs = embed([s["evidence"] for s in stances])
    return {s["id"]: v for s, v in zip(stances, vecs, strict=True)}


def negation_vectors(events: list[dict[str, Any]]) -> dict[int, np.ndarray]:
    """Embeddings of the events that one source affirms and another negates (only those are compared)."""
    sides: dict[tuple[Any, ...], set[bool]] = {}
    for e in events:
        sides.setdefault((e["source"], e["type"], e["target"]), set()).add(bool(e["negated"]))
    rows = [e for e in events if len(sides[(e["source"], e["type"], e["target"])]) == 2]
    return stance_vectors(rows)


def reconcile_store(store: Store, options: Options) -> dict[str, int]:
    """Rebuild derived tables; returns counts of what was found."""
    events = store.rows("events")
    stances = without_official(store.rows("stances"))  # the record is checked against texts below
    claims = store.rows("claims")
    # Distinct events: what the sources say happened (or was pledged), not what might happen.
    eclusters = cluster_events([e for e in events if not e["background"] and e["modality"] != "hypothetical"])
    cclusters = cluster_claims(claims, claim_vectors(claims))
    contradictions = (value_contradictions(cclusters) + date_contradictions(events)
                      + stance_date_contradictions(stances) + actor_contradictions(events)
                      + polarity_contradictions(stances, events, stance_vectors(stances),
                                                negation_vectors(events))
                      + official_contradictions(store, options))
    store.save_reconciliation(
        [event_cluster_record(c) for c in eclusters], {r["id"]: c.id for c in eclusters for r in c.rows},
        [claim_cluster_record(c) for c in cclusters], {r["id"]: c.id for c in cclusters for r in c.rows},
        contradictions,
    )
    return {"event_clusters": len(eclusters), "claim_clusters": len(cclusters), "contradictions": len(contradictions)}
