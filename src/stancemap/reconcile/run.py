"""Recompute the cross-document tables (event and claim clusters, contradictions) from the store.

Runs after every ingest that changed something. It reads only stored records (and the documents'
text and sentences, for readouts), so it can also be run alone (``stancemap reconcile``) after a
user edits the data.

Contradictions are ranked by score and only those at or above :data:`THRESHOLD` are stored: a
list a reader can trust beats a list of every pair of opposite signs.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import numpy as np

from ..analysis.acts import acts_by_month
from ..config import Options
from ..store import Store
from .contradict import (
    actor_contradictions,
    date_contradictions,
    dedupe,
    negation_contradictions,
    stance_contradictions,
    stance_date_contradictions,
    vote_contradictions,
)
from .merge import claim_cluster_record, cluster_claims, cluster_events, event_cluster_record
from .official import official_contradictions, without_official
from .readout import readout_contradictions
from .text import Idf, terms
from .values import value_contradictions

# Contradictions scored below this are not flagged. Chosen on the dev documents of the dev-world
# corpus (never its test documents) for precision: see tests/reconcile for what each kind needs.
THRESHOLD = 0.42


def claim_vectors(claims: list[dict[str, Any]]) -> dict[int, np.ndarray]:
    """Per claim, two embeddings: of its indicator and of its sentence."""
    if not claims:
        return {}
    from ..nlp.embed import embed

    ind = embed([c["indicator"] for c in claims])
    sen = embed([c["evidence"] for c in claims])
    return {c["id"]: np.stack([i, s]) for c, i, s in zip(claims, ind, sen, strict=True)}


def sentence_vectors(rows: list[dict[str, Any]]) -> dict[int, np.ndarray]:
    """Per record, the embedding of its sentence (to compare what two records talk about)."""
    if not rows:
        return {}
    from ..nlp.embed import embed

    vecs = embed([r["evidence"] for r in rows])
    return {r["id"]: v for r, v in zip(rows, vecs, strict=True)}


def negation_candidates(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events that one source affirms and another negates (only those are compared)."""
    sides: dict[tuple[Any, ...], set[bool]] = {}
    for e in events:
        sides.setdefault((e["source"], e["type"], e["target"]), set()).add(bool(e["negated"]))
    return [e for e in events if len(sides[(e["source"], e["type"], e["target"])]) == 2]


def find_contradictions(store: Store, claims: list[dict[str, Any]], events: list[dict[str, Any]],
                        stances: list[dict[str, Any]], cvectors: dict[int, np.ndarray],
                        threshold: float = THRESHOLD) -> list[dict[str, Any]]:
    """Every kind of contradiction, scored, deduplicated, ranked, and cut at ``threshold``."""
    docs = store.rows("documents")
    idf = Idf(terms(d["text"]) for d in docs)
    published = {d["id"]: d.get("published") for d in docs}
    bounds: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for s in store.rows("sentences"):
        bounds[s["doc"]].append((s["start_char"], s["end_char"]))
    codes: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    actor_words: set[str] = set()
    state_words: set[str] = set()
    first: dict[tuple[str, int, str], tuple[int, bool]] = {}  # (doc, sentence, actor) -> first mention, a pronoun?
    for m in store.rows("mentions"):
        if m["code"] and m["sent"] is not None and m["sent"] >= 0:
            codes[m["doc"]][m["sent"]].append(m["code"])
            key = (m["doc"], m["sent"], m["code"])
            if key not in first or m["start_char"] < first[key][0]:
                first[key] = (m["start_char"], m["kind"] == "pronoun")
        if m["code"] and m["kind"] in ("state", "org", "group"):
            actor_words |= terms(m["surface"])
        if m["code"] and m["kind"] == "state":
            state_words |= terms(m["surface"])
    reported: dict[str, set[int]] = defaultdict(set)
    for r in (*events, *stances):
        if r.get("modality") == "reported" and r.get("sent") is not None:
            reported[r["doc"]].add(r["sent"])
    exchanges: dict[str, list[tuple[frozenset[str], str | None, int]]] = defaultdict(list)
    for e in events:  # the calls and meetings each document reports, to find two accounts of one
        if e["type"] == "CONSULT" and e["source"] and e["target"] and e["source"] != e["target"] and \
                e["modality"] != "hypothetical" and e.get("sent") is not None:
            exchanges[e["doc"]].append((frozenset((e["source"], e["target"])), e["date"], e["sent"]))
    found = (value_contradictions(claims, idf, cvectors, published, frozenset(actor_words), codes,
                                  state_words=frozenset(state_words))
             + date_contradictions(events, idf) + stance_date_contradictions(stances, idf)
             + actor_contradictions(events, idf)
             + stance_contradictions(stances, idf, published, sentence_vectors(stances))
             + negation_contradictions(events, idf, published, sentence_vectors(negation_candidates(events)))
             + vote_contradictions(events, published, {k for k, (_, pronoun) in first.items() if pronoun})
             + readout_contradictions(docs, bounds, codes, idf, reported, exchanges))
    return [r for r in dedupe(found) if r["score"] >= threshold]


def reconcile_store(store: Store, options: Options, threshold: float = THRESHOLD) -> dict[str, int]:
    """Rebuild derived tables (clusters, contradictions, acts by power and month); returns counts of what was
    found."""
    events = store.rows("events")
    stances = without_official(store.rows("stances"))  # the record is checked against texts below
    claims = store.rows("claims")
    # Distinct events: what the sources say happened (or was pledged), not what might happen.
    eclusters = cluster_events([e for e in events if not e["background"] and e["modality"] != "hypothetical"])
    cvectors = claim_vectors(claims)
    cclusters = cluster_claims(claims, cvectors)
    contradictions = (find_contradictions(store, claims, events, stances, cvectors, threshold)
                      + official_contradictions(store, options))  # the record is ground truth: never cut
    store.save_acts(acts_by_month(events))
    store.save_reconciliation(
        [event_cluster_record(c) for c in eclusters], {r["id"]: c.id for c in eclusters for r in c.rows},
        [claim_cluster_record(c) for c in cclusters], {r["id"]: c.id for c in cclusters for r in c.rows},
        contradictions,
    )
    return {"event_clusters": len(eclusters), "claim_clusters": len(cclusters), "contradictions": len(contradictions)}
