"""Fallback event typing: logistic regression over sentence embeddings.

Used only where the lexicon gives no decision: a clause with an actor as subject whose verb no
pattern knows. Trained by ``scripts/train_event_classifier.py`` on the project's own labelled
sentences (``data/training.yaml``); the weights ship as ``data/classifier.npz``.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import numpy as np

from ..nlp.embed import embed


class EventClassifier:
    def __init__(self, coef: np.ndarray, intercept: np.ndarray, labels: list[str]) -> None:
        self.coef = coef
        self.intercept = intercept
        self.labels = labels

    def probabilities(self, texts: list[str]) -> list[dict[str, float]]:
        """Each label's probability (the 16 PLOVER types and ``NONE``), per text."""
        if not texts:
            return []
        logits = embed(texts) @ self.coef.T + self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        return [{label: float(p) for label, p in zip(self.labels, row, strict=True)} for row in probs]

    def predict(self, texts: list[str]) -> list[tuple[str, float]]:
        """(label, probability) per text; label ``NONE`` means no event."""
        if not texts:
            return []
        logits = embed(texts) @ self.coef.T + self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        best = probs.argmax(axis=1)
        return [(self.labels[i], float(probs[r, i])) for r, i in enumerate(best)]


@lru_cache(maxsize=1)
def load_classifier() -> EventClassifier:
    with resources.files("stancemap.events").joinpath("data/classifier.npz").open("rb") as fh:
        data = np.load(fh)
        return EventClassifier(data["coef"], data["intercept"], [str(x) for x in data["labels"]])
