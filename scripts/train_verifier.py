"""Train the verifier: which proposed events and stances are right, learned from labelled examples.

    python scripts/train_verifier.py derive [--shared ../shared]   # rows: data/training/verifier.jsonl
    python scripts/train_verifier.py fit [OUT.npz]                 # weights: src/stancemap/verify/data/verifier.npz

``derive`` runs the extraction stages (everything but ``verify``) over labelled texts and marks each proposed
record right or wrong against their labels (same rules as ../shared/tools/score.py): the seed gold, the
**dev** split of dev-world (never its test split), and the project's own labelled sentences in
``data/training/`` (``stances.jsonl``, ``events.jsonl``: sentences written for the project, each with every
record it states). ``fit`` reads only the rows, so a test can check that it reproduces the shipped weights.

Model: logistic regression over standardised features (stancemap.verify.features), one per record kind.
The floor is chosen on grouped cross-validated probabilities (texts of one document never on both sides):
the highest whose F1 against all labelled records, missed ones included, is within 0.01 of the best.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
# the models are trained on the float vectors, the reference computation (the pipeline reads int8 ones)
os.environ["STANCEMAP_EMBED_PRECISION"] = "float"
ROOT = Path(__file__).resolve().parents[1]
ROWS = ROOT / "data" / "training" / "verifier.jsonl"
OUT = ROOT / "src" / "stancemap" / "verify" / "data" / "verifier.npz"
KINDS = ("event", "stance")


# -- derive -------------------------------------------------------------------------------------------------
def _gold_sets(shared: Path) -> list[dict[str, Any]]:
    """(documents folder, gold folder, document ids, issue file) of each labelled corpus."""
    seed = {"corpus": shared / "corpus" / "kazakhstan-2022", "gold": shared / "gold" / "kazakhstan-2022",
            "issues": None}
    dev_gold = shared / "gold" / "dev-world"
    with (shared / "corpus" / "dev-world" / "SOURCES.csv").open(encoding="utf-8") as fh:
        dev_docs = {Path(r["file"]).stem for r in csv.DictReader(fh) if r["split"] == "dev"}
    dev = {"corpus": shared / "corpus" / "dev-world", "gold": dev_gold, "issues": str(dev_gold / "extra-issues.yaml"),
           "only": dev_docs}
    return [seed, dev]


def _record_row(kind: str, r: Any, doc: Any, right: bool, group: str, issues: str | None) -> dict[str, Any]:
    row: dict[str, Any] = {"kind": kind, "group": group, "text": doc.text[r.start:r.end], "right": right,
                           "issues": issues, "rule": r.rule, "confidence": r.confidence}
    if kind == "event":
        row.update(type=r.type, source=r.source, source_sector=r.source_sector, target=r.target, negated=r.negated,
                   modality=r.modality, background=r.background)
    else:
        row.update(actor=r.actor, actor_sector=r.actor_sector, issue=r.issue, stance=r.stance)
    return row


def _as_export(kind: str, r: Any, doc: Any) -> dict[str, Any]:
    out = {"doc": doc.id, "evidence": doc.text[r.start:r.end]}
    if kind == "event":
        out.update(type=r.type, source=r.source, target=r.target, negated=r.negated)
    else:
        out.update(actor=r.actor, issue=r.issue, stance=r.stance)
    return out


def derive(shared: Path) -> None:
    from stancemap.config import DEFAULT_PIPELINE, Options
    from stancemap.evaluate.score import AGREE, match, read_jsonl
    from stancemap.ingest import load
    from stancemap.pipeline import Pipeline

    rows: list[dict[str, Any]] = []
    totals: dict[str, int] = defaultdict(int)
    stages = [s for s in DEFAULT_PIPELINE if s != "verify"]
    for corpus in _gold_sets(shared):
        options = Options(progress=False, pipeline=stages, issues_file=corpus["issues"])
        pipe = Pipeline(options)
        gold = {k: [g for g in read_jsonl(corpus["gold"] / f"{k}s.jsonl")
                    if not corpus.get("only") or g["doc"] in corpus["only"]] for k in KINDS}
        files = sorted(p for p in corpus["corpus"].iterdir() if p.suffix in (".txt", ".html")
                       and (not corpus.get("only") or p.stem in corpus["only"]))
        for item in load([str(f) for f in files], options):
            if item.doc is None:
                continue
            doc = pipe(item.doc)
            for kind in KINDS:
                recs = doc.events if kind == "event" else doc.stances
                mine = [g for g in gold[kind] if g["doc"] == doc.id]
                totals[kind] += len(mine)
                exported = [_as_export(kind, r, doc) for r in recs]
                pairs = match(mine, exported, AGREE[kind]).pairs
                hit = {id(s) for _, s in pairs}
                rows += [_record_row(kind, r, doc, id(x) in hit, doc.id, corpus["issues"])
                         for r, x in zip(recs, exported, strict=True)]
            print(f"  {doc.id}: {len(doc.events)} events, {len(doc.stances)} stances", file=sys.stderr)
    ROWS.parent.mkdir(parents=True, exist_ok=True)
    with ROWS.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"gold": dict(totals)}) + "\n")
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {ROWS} (labelled records: {dict(totals)})")


# -- fit ----------------------------------------------------------------------------------------------------
def _features(rows: list[dict[str, Any]], kind: str) -> np.ndarray:
    from stancemap.events.classifier import load_classifier
    from stancemap.model import Event, Stance
    from stancemap.nlp.embed import embed
    from stancemap.stances.issues import load_issues
    from stancemap.verify.features import event_features, stance_features
    from stancemap.verify.model import issue_vectors

    texts = sorted({r["text"] for r in rows})
    if kind == "event":
        probs = dict(zip(texts, load_classifier().probabilities(texts), strict=True))
        return np.stack([event_features(
            Event(source=r["source"], type=r["type"], start=0, end=0, source_sector=r["source_sector"],
                  target=r["target"], negated=r["negated"], modality=r["modality"], background=r["background"],
                  confidence=r["confidence"], rule=r["rule"]), r["text"], probs[r["text"]])
            for r in rows])
    vecs = dict(zip(texts, embed(texts), strict=True))
    cache: dict[tuple[str | None, str], dict[str, np.ndarray]] = {}
    out = []
    for r in rows:
        key = (r["issues"], r["issue"])
        if key not in cache:
            issue = {i.id: i for i in load_issues(r["issues"])}.get(r["issue"])
            cache[key] = issue_vectors(issue) if issue is not None else {}
        s = Stance(actor=r["actor"], issue=r["issue"], stance=r["stance"], start=0, end=0,
                   actor_sector=r["actor_sector"], confidence=r["confidence"], rule=r["rule"])
        out.append(stance_features(s, r["text"], vecs[r["text"]], cache[key]))
    return np.stack(out)


def _f(tp: float, kept: float, gold: float, beta: float = 0.5) -> float:
    p = tp / kept if kept else 0.0
    r = tp / gold if gold else 0.0
    return (1 + beta**2) * p * r / (beta**2 * p + r) if p + r else 0.0


def _threshold(p: np.ndarray, y: np.ndarray, gold: int, tolerance: float = 0.005) -> tuple[float, float]:
    """The probability floor for what is kept: the highest whose F1 against all ``gold`` labelled records
    (missed ones too) is within ``tolerance`` of the best, so that precision wins where F1 hardly differs."""
    scores = [(round(float(t), 3), _f(float(y[p >= t].sum()), float((p >= t).sum()), float(gold), 1.0))
              for t in np.arange(0.05, 0.951, 0.025)]
    best = max(f for _, f in scores)
    return max((t, f) for t, f in scores if f >= best - tolerance)


def fit(out: Path) -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    lines = ROWS.read_text(encoding="utf-8").splitlines()
    gold = json.loads(lines[0])["gold"]
    rows = [json.loads(x) for x in lines[1:] if x.strip()]
    arrays: dict[str, np.ndarray] = {}
    for kind in KINDS:
        mine = [r for r in rows if r["kind"] == kind]
        x = _features(mine, kind)
        y = np.array([r["right"] for r in mine], dtype=int)
        groups = [r["group"] for r in mine]
        mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
        xs = (x - mean) / scale
        held = np.zeros(len(y))
        for tr, te in GroupKFold(n_splits=5).split(xs, y, groups):
            m = LogisticRegression(C=0.3, max_iter=5000).fit(xs[tr], y[tr])
            held[te] = m.predict_proba(xs[te])[:, 1]
        threshold, f1 = _threshold(held, y, gold[kind])
        kept = held >= threshold
        print(f"{kind}: {len(y)} proposals, {int(y.sum())} right of {gold[kind]} labelled; cross-validated floor "
              f"{threshold}: keeps {int(kept.sum())} ({int(y[kept].sum())} right), F0.5 {f1:.3f}, "
              f"F1 {_f(float(y[kept].sum()), float(kept.sum()), gold[kind], 1.0):.3f} "
              f"(all kept: F0.5 {_f(float(y.sum()), float(len(y)), gold[kind]):.3f}, "
              f"F1 {_f(float(y.sum()), float(len(y)), gold[kind], 1.0):.3f})")
        model = LogisticRegression(C=0.3, max_iter=5000).fit(xs, y)
        arrays.update({f"{kind}_coef": model.coef_[0].astype(np.float32),
                       f"{kind}_intercept": np.float32(model.intercept_[0]),
                       f"{kind}_mean": mean.astype(np.float32), f"{kind}_scale": scale.astype(np.float32),
                       f"{kind}_threshold": np.float32(threshold)})
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, **arrays)
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
