"""Pipeline component of the verify stage: a learned confidence on every event and stance, and the floor."""

from __future__ import annotations

import numpy as np

from ..config import Options
from ..events.classifier import load_classifier
from ..model import Document, Event, Stance
from ..nlp.embed import embed
from ..pipeline import register
from ..stances.issues import load_issues
from .features import event_features, stance_features
from .model import issue_vectors, load_models


class VerifyComponent:
    name = "verify"
    reads: tuple[str, ...] = ("events", "stances")
    writes: tuple[str, ...] = ("events", "stances")

    def __init__(self, options: Options) -> None:
        self.options = options
        self.issues = {i.id: i for i in load_issues(options.issues_file)}
        self._issue_vecs: dict[str, dict[str, np.ndarray]] = {}

    def score(self, doc: Document) -> tuple[list[float], list[float]]:
        """P(right) of each event and each stance of ``doc`` (the records' own confidences when no model
        is shipped)."""
        models = load_models()
        if models is None:
            return [e.confidence for e in doc.events], [s.confidence for s in doc.stances]
        texts = sorted({doc.text[e.start:e.end] for e in doc.events} | {doc.text[s.start:s.end] for s in doc.stances})
        vecs = dict(zip(texts, embed(texts), strict=True)) if texts else {}
        ev_p: list[float] = []
        if doc.events and "event" in models:
            ev_texts = sorted({doc.text[e.start:e.end] for e in doc.events})
            probs = dict(zip(ev_texts, load_classifier().probabilities(ev_texts), strict=True))
            x = [event_features(e, doc.text[e.start:e.end], probs[doc.text[e.start:e.end]]) for e in doc.events]
            ev_p = [float(p) for p in models["event"].probability(np.stack(x))]
        st_p: list[float] = []
        if doc.stances and "stance" in models:
            x = [stance_features(s, doc.text[s.start:s.end], vecs[doc.text[s.start:s.end]], self._vectors(s.issue))
                 for s in doc.stances]
            st_p = [float(p) for p in models["stance"].probability(np.stack(x))]
        return ev_p or [e.confidence for e in doc.events], st_p or [s.confidence for s in doc.stances]

    def _vectors(self, issue_id: str) -> dict[str, np.ndarray]:
        if issue_id not in self._issue_vecs:
            issue = self.issues.get(issue_id)
            self._issue_vecs[issue_id] = issue_vectors(issue) if issue is not None else {}
        return self._issue_vecs[issue_id]

    def __call__(self, doc: Document) -> Document:
        models = load_models()
        ev_p, st_p = self.score(doc)
        floor = self.options.min_confidence
        ev_floor = floor if floor is not None else (models["event"].threshold if models and "event" in models else 0.0)
        st_floor = floor if floor is not None else (models["stance"].threshold if models and "stance" in models else 0.0)
        events: list[Event] = []
        for e, p in zip(doc.events, ev_p, strict=True):
            e.confidence = round(p, 3)
            if p >= ev_floor:
                events.append(e)
        stances: list[Stance] = []
        for s, p in zip(doc.stances, st_p, strict=True):
            if s.rule.startswith("learned"):  # decided by the learned stance model: its probability stands
                stances.append(s)
                continue
            s.confidence = round(p, 3)
            if p >= st_floor:
                stances.append(s)
        doc.events, doc.stances = events, stances
        return doc


@register("verify")
def _make(options: Options) -> VerifyComponent:
    return VerifyComponent(options)
