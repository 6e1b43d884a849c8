"""The verifier's two logistic models (events, stances), stored as weights so the runtime needs only numpy."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from ..nlp.embed import embed
from ..stances.issues import Issue


@dataclass(frozen=True)
class Logistic:
    coef: np.ndarray
    intercept: float
    mean: np.ndarray
    scale: np.ndarray
    threshold: float  # chosen on held-back data for the record kind (see scripts/train_verifier.py)

    def probability(self, x: np.ndarray) -> np.ndarray:
        """P(right) for each row of ``x`` (standardised as in training)."""
        if x.ndim == 1:
            x = x[None, :]
        z = ((x - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))


@lru_cache(maxsize=1)
def load_models() -> dict[str, Logistic] | None:
    """The shipped weights, or None when none have been trained yet."""
    path = resources.files("stancemap.verify").joinpath("data/verifier.npz")
    if not path.is_file():
        return None
    with path.open("rb") as fh:
        data = np.load(fh)
        return {kind: Logistic(data[f"{kind}_coef"], float(data[f"{kind}_intercept"]), data[f"{kind}_mean"],
                               data[f"{kind}_scale"], float(data[f"{kind}_threshold"]))
                for kind in ("event", "stance") if f"{kind}_coef" in data}


def issue_vectors(issue: Issue) -> dict[str, np.ndarray]:
    """Vectors of what the issue file says: its label, each polarity's description, each polarity's examples."""
    out: dict[str, np.ndarray] = {"label": embed([issue.label])[0]}
    for pol, text in issue.descriptions.items():
        out[pol] = embed([text])[0]
    for pol in ("support", "oppose", "neutral"):
        ex = [t for p, t in issue.examples if p == pol]
        if ex:
            out[f"ex_{pol}"] = embed(ex)
    return out
