"""Train the learned stance decision (stancemap.stances.learned) from labelled sentences and documents.

    python scripts/train_stances.py derive [--shared ../shared]   # candidates + labels: data/training/stance_rows.npz
    python scripts/train_stances.py fit [OUT.npz]                  # weights: src/stancemap/stances/data/decider.npz

``derive`` runs the stages before stances, then the rule-based detector, over
* ``data/training/stances.jsonl``: sentences written for the project, each with every position it states,
  on the shipped issues and on the issues in ``data/training/issues.yaml`` (new topics, so that the model
  learns from the issue file's texts, not from one taxonomy);
* the seed gold documents and dev-world's **dev** split (never its test split),
and labels every candidate (clause, holder, issue) with the position the labels give the holder on the issue
in that sentence, or none. ``fit`` reads only the rows, so a test can check it reproduces the shipped weights.
The model is a one-hidden-layer network; the floor on its probability is chosen by grouped cross-validation
to maximise F1 against every labelled position (missed ones included).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from pathlib import Path
from typing import Any

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
# the models are trained on the float vectors, the reference computation (the pipeline reads int8 ones)
os.environ["STANCEMAP_EMBED_PRECISION"] = "float"
ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT / "data" / "training"
ROWS = TRAINING / "stance_rows.npz"
OUT = ROOT / "src" / "stancemap" / "stances" / "data" / "decider.npz"
HIDDEN = 32


def _detector_pipeline(issues: str | None) -> tuple[Any, Any]:
    from stancemap.config import Options
    from stancemap.pipeline import Pipeline
    from stancemap.stances.component import StancesComponent

    options = Options(progress=False, issues_file=issues, pipeline=["parse", "dates", "actors", "events", "votes"])
    stance_opts = Options(progress=False, issues_file=issues)
    return Pipeline(options), StancesComponent(stance_opts).detector


def derive(shared: Path) -> None:
    from stancemap.evaluate.score import evidence_overlaps, read_jsonl
    from stancemap.ingest import load
    from stancemap.model import Document
    from stancemap.stances.learned import LABELS, candidates

    xs: list[np.ndarray] = []
    ys: list[int] = []
    keys: list[str] = []
    groups: list[str] = []
    sources: list[int] = []
    missed = {"sentences": 0, "dev": 0, "seed": 0}
    labelled = {"sentences": 0, "dev": 0, "seed": 0}

    def add(doc: Document, det: Any, gold: list[dict[str, Any]], group: str, src: int, name: str) -> None:
        cands = candidates(det, doc)
        found = set()
        for c in cands:
            text = doc.text[c.sent.start:c.sent.end]
            pol = next((g["stance"] for g in gold if g["actor"] == c.holder.code and g["issue"] == c.issue
                        and evidence_overlaps(g.get("quote") or text, text)), "none")
            xs.append(c.x)
            ys.append(LABELS.index(pol))
            keys.append(f"{doc.id}|{c.sent.idx}|{c.holder.code}|{c.issue}")
            groups.append(group)
            sources.append(src)
            if pol != "none":
                found.add((c.holder.code, c.issue, c.sent.idx))
        labelled[name] += len(gold)
        reachable = {(g["actor"], g["issue"]) for g in gold}
        missed[name] += len(reachable - {(a, i) for a, i, _ in found})

    # 1. sentences written for the project
    pipe, det = _detector_pipeline(str(TRAINING / "issues.yaml"))
    rows = [json.loads(x) for x in (TRAINING / "stances.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    for n, r in enumerate(rows):
        doc = pipe(Document(id=f"s{n}", text=r["text"], published=r.get("published")))
        add(doc, det, [{**s, "quote": None} for s in r["stances"]], f"s{n // 10}", 0, "sentences")
        if n % 200 == 0:
            print(f"  sentences: {n}/{len(rows)}", file=sys.stderr)
    # 2. labelled documents: seed, dev-world dev split
    with (shared / "corpus" / "dev-world" / "SOURCES.csv").open(encoding="utf-8") as fh:
        dev = {Path(r["file"]).stem for r in csv.DictReader(fh) if r["split"] == "dev"}
    for name, corpus, gold_dir, issues, only, src in (
            ("seed", shared / "corpus" / "kazakhstan-2022", shared / "gold" / "kazakhstan-2022", None, None, 2),
            ("dev", shared / "corpus" / "dev-world", shared / "gold" / "dev-world",
             str(shared / "gold" / "dev-world" / "extra-issues.yaml"), dev, 1)):
        pipe, det = _detector_pipeline(issues)
        gold = [g for g in read_jsonl(gold_dir / "stances.jsonl") if only is None or g["doc"] in only]
        files = sorted(str(p) for p in corpus.iterdir() if p.suffix == ".txt" and (only is None or p.stem in only))
        from stancemap.config import Options

        for item in load(files, Options(progress=False)):
            if item.doc is None:
                continue
            doc = pipe(item.doc)
            add(doc, det, [g for g in gold if g["doc"] == doc.id and "rollcall" not in g], doc.id, src, name)
            print(f"  {name}: {doc.id}", file=sys.stderr)
    TRAINING.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(ROWS, x=np.stack(xs), y=np.array(ys, dtype=np.int8), group=np.array(groups), key=np.array(keys),
                        source=np.array(sources, dtype=np.int8),
                        labelled=np.array([labelled[k] for k in ("sentences", "dev", "seed")]),
                        missed=np.array([missed[k] for k in ("sentences", "dev", "seed")]))
    print(f"wrote {len(ys)} candidates to {ROWS}; labelled positions {labelled}, none of whose holder-issue "
          f"pairs was a candidate: {missed}")


def _fit_model(x: np.ndarray, y: np.ndarray) -> Any:
    from sklearn.neural_network import MLPClassifier

    return MLPClassifier(hidden_layer_sizes=(HIDDEN,), alpha=1e-2, max_iter=400, early_stopping=False,
                         random_state=0).fit(x, y)


RULE_COLUMNS = slice(18, 22)  # the rule-based decision's one-hot (none, support, oppose, neutral) in the features


def _per_key(p: np.ndarray, y: np.ndarray, keys: np.ndarray, threshold: float) -> tuple[int, int]:
    """(right, kept) over distinct (sentence, holder, issue): several clauses of one holder are one position."""
    best: dict[str, tuple[float, int]] = {}
    truth: dict[str, int] = {}
    for row, key in enumerate(keys):
        k = int(p[row, 1:].argmax()) + 1
        keep = p[row, k] >= threshold and p[row, k] >= p[row, 0]
        if keep and (key not in best or p[row, k] > best[key][0]):
            best[key] = (float(p[row, k]), k)
        truth[key] = max(truth.get(key, 0), int(y[row]))
    right = sum(1 for key, (_, k) in best.items() if truth[key] == k)
    return right, len(best)


def _report(name: str, right: int, kept: int, gold: int) -> float:
    f1 = 2 * right / (gold + kept) if gold + kept else 0.0
    print(f"  {name}: keeps {kept}, {right} right (P {right / max(kept, 1):.3f} R {right / gold:.3f} F1 {f1:.3f})")
    return f1


def fit(out: Path) -> None:
    from sklearn.model_selection import GroupKFold

    d = np.load(ROWS)
    x, y, groups, keys = d["x"].astype(np.float64), d["y"].astype(int), d["group"], d["key"]
    gold = int(d["labelled"].sum())
    print(f"{len(y)} candidates over {len(set(keys.tolist()))} (sentence, holder, issue); {gold} labelled positions")
    rules = np.zeros((len(y), 4))
    rules[np.arange(len(y)), x[:, RULE_COLUMNS].argmax(axis=1)] = 1.0
    _report("the rules alone", *_per_key(rules, y, keys, 0.5), gold)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    xs = (x - mean) / scale
    held = np.zeros((len(y), 4))
    for tr, te in GroupKFold(n_splits=5).split(xs, y, groups):
        held[te] = _fit_model(xs[tr], y[tr]).predict_proba(xs[te])
    curve = []
    for t in np.arange(0.2, 0.951, 0.025):
        right, kept = _per_key(held, y, keys, float(t))
        curve.append((round(float(t), 3), 2 * right / (gold + kept) if gold + kept else 0.0))
    top = max(f for _, f in curve)
    # the highest floor whose F1 is within 0.01 of the best: where F1 hardly differs, precision wins
    threshold = max(t for t, f in curve if f >= top - 0.01)
    print("  F1 by floor: " + ", ".join(f"{t}:{f:.3f}" for t, f in curve[::4]))
    _report(f"the model, cross-validated, floor {threshold}", *_per_key(held, y, keys, threshold), gold)
    model = _fit_model(xs, y)
    w1, w2 = model.coefs_
    b1, b2 = model.intercepts_
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, mean=mean.astype(np.float32), scale=scale.astype(np.float32), w1=w1.astype(np.float32),
                        b1=b1.astype(np.float32), w2=w2.astype(np.float32), b2=b2.astype(np.float32),
                        threshold=np.float32(threshold), classes=np.array(model.classes_))
    print(f"wrote {out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("derive")
    d.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    f = sub.add_parser("fit")
    f.add_argument("out", type=Path, nargs="?", default=OUT)
    args = ap.parse_args()
    if args.cmd == "derive":
        derive(args.shared)
    else:
        fit(args.out)


if __name__ == "__main__":
    main()
