"""Train the fallback event-type classifier on the project's own labelled sentences.

    python scripts/train_event_classifier.py            # writes src/stancemap/events/data/classifier.npz

Sentences: ``events/data/training.yaml`` (written for the project; no gold article is used).
Features: all-MiniLM-L6-v2 sentence embeddings. Model: multinomial logistic regression, stored as a
weight matrix so that the runtime needs only numpy. Prints 5-fold cross-validated accuracy.
"""

from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path

import numpy as np
import yaml

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def main() -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_score

    from stancemap.nlp.embed import embed

    data = yaml.safe_load(resources.files("stancemap.events").joinpath("data/training.yaml").read_text("utf-8"))
    rows = data["sentences"]
    texts = [r["text"] for r in rows]
    labels = [r["type"] for r in rows]
    x = embed(texts)
    y = np.array(labels)
    clf = LogisticRegression(max_iter=2000, C=4.0, class_weight="balanced")
    scores = cross_val_score(clf, x, y, cv=5)
    print(f"{len(texts)} sentences, {len(set(labels))} labels; 5-fold accuracy {scores.mean():.3f} ± {scores.std():.3f}")
    clf.fit(x, y)
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("src/stancemap/events/data/classifier.npz")
    np.savez_compressed(out, coef=clf.coef_.astype(np.float32), intercept=clf.intercept_.astype(np.float32),
                        labels=np.array(clf.classes_), cv_accuracy=np.float32(scores.mean()))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
