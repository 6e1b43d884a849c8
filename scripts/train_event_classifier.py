"""Train the fallback event-type classifier on the project's own labelled sentences.

    python scripts/train_event_classifier.py            # writes src/stancemap/events/data/classifier.npz

Sentences: ``events/data/training.yaml`` and ``data/training/events.jsonl`` (both written for the project; no
gold article is used).
Features: all-MiniLM-L6-v2 sentence embeddings. Model: multinomial logistic regression, stored as a
weight matrix so that the runtime needs only numpy. Prints 5-fold cross-validated accuracy.
"""

from __future__ import annotations

import json
import os
import sys
from importlib import resources
from pathlib import Path

import numpy as np
import yaml

os.environ.setdefault("HF_HUB_OFFLINE", "1")
# the models are trained on the float vectors, the reference computation (the pipeline reads int8 ones)
os.environ["STANCEMAP_EMBED_PRECISION"] = "float"


def main() -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_score

    from stancemap.nlp.embed import embed

    data = yaml.safe_load(resources.files("stancemap.events").joinpath("data/training.yaml").read_text("utf-8"))
    rows = data["sentences"]
    texts = [r["text"] for r in rows]
    labels = [r["type"] for r in rows]
    # the larger set of sentences written for the project, each with every event it states: a sentence whose
    # events are all of one type teaches that type, one with none teaches NONE (mixed ones teach nothing here)
    extra = Path(__file__).resolve().parents[1] / "data" / "training" / "events.jsonl"
    for line in extra.read_text(encoding="utf-8").splitlines() if extra.exists() else []:
        r = json.loads(line)
        types = {e["type"] for e in r["events"]}
        if len(types) <= 1:
            texts.append(r["text"])
            labels.append(types.pop() if types else "NONE")
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
