"""``stancemap eval``: export what the store holds and score it against a gold folder."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from ..errors import StancemapError
from ..store import Store
from ..store.export import records
from .score import event_extras, evidence_overlaps, read_jsonl, score_all, score_documents


def gold_docs(gold_dir: Path, split: str | None = None, corpus: Path | None = None) -> set[str]:
    """The documents the gold covers; with ``split``, only those the corpus's SOURCES.csv puts in it."""
    docs: set[str] = set()
    for kind in ("events", "stances", "claims"):
        docs |= {str(r["doc"]) for r in read_jsonl(gold_dir / f"{kind}.jsonl") if r.get("doc")}
    if split:
        docs &= split_docs(corpus or gold_dir.parent.parent / "corpus" / gold_dir.name, split)
    return docs


def split_docs(corpus: Path, split: str) -> set[str]:
    """Document ids of one split (``dev``, ``test``) from the corpus's SOURCES.csv ``split`` column."""
    sources = corpus / "SOURCES.csv"
    try:
        with sources.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as err:
        raise StancemapError(f"{sources}: cannot read the list of splits ({err.strerror})") from err
    if rows and "split" not in rows[0]:
        raise StancemapError(f"{sources}: no 'split' column")
    docs = {Path(r["file"]).stem for r in rows if r.get("split") == split and r.get("file")}
    if not docs:
        known = sorted({r.get("split") or "" for r in rows} - {""})
        raise StancemapError(f"{sources}: no documents in split {split!r} (splits: {', '.join(known) or 'none'})")
    return docs


def evaluate(store: Store, gold_dir: Path, docs: set[str] | None = None) -> dict[str, Any]:
    """Scores per kind (evidence-matched and document-level), event date/sector accuracy, per-type and
    per-issue breakdowns, over ``docs`` (default: every document the gold covers)."""
    if not gold_dir.is_dir():
        raise StancemapError(f"{gold_dir}: no such gold folder")
    docs = gold_docs(gold_dir) if docs is None else docs
    if not docs:
        raise StancemapError(f"{gold_dir}: no gold records (events/stances/claims .jsonl)")
    system = [r for r in records(store, ("event", "stance", "claim")) if r.get("doc") in docs]
    stored = {r["id"] for r in store.rows("documents")}
    missing = sorted(docs - stored)
    scores = score_all(gold_dir, system, docs)
    report: dict[str, Any] = {"documents": len(docs), "missing_documents": missing,
                              "document_level": score_documents(gold_dir, system, docs)}
    for kind, sc in scores.items():
        report[kind] = sc.summary()
    report["event"].update(event_extras(scores["event"]))
    report["event_types"] = _per_label(gold_dir / "events.jsonl", system, "event", "type", scores["event"].pairs,
                                       docs)
    report["contradictions"] = contradiction_recall(gold_dir, [c for c in records(store, ("contradiction",))
                                                                if c["a"]["doc"] in docs or c["b"]["doc"] in docs],
                                                    docs)
    report["stance_issues"] = _per_label(gold_dir / "stances.jsonl", system, "stance", "issue",
                                         scores["stance"].pairs, docs)
    return report


def contradiction_recall(gold_dir: Path, found: list[dict[str, Any]], docs: set[str] | None = None) -> dict[str, Any]:
    """How many gold contradictions we flag: same two documents, each side's evidence overlapping."""
    gold = [g for g in read_jsonl(gold_dir / "contradictions.jsonl")
            if docs is None or g["a"]["doc"] in docs or g["b"]["doc"] in docs]
    hit = 0
    for g in gold:
        for f in found:
            for a, b in ((f["a"], f["b"]), (f["b"], f["a"])):
                if a["doc"] == g["a"]["doc"] and b["doc"] == g["b"]["doc"] and \
                        evidence_overlaps(g["a"].get("quote"), a["evidence"]) and \
                        evidence_overlaps(g["b"].get("quote"), b["evidence"]):
                    hit += 1
                    break
            else:
                continue
            break
    return {"gold": len(gold), "found": hit, "system": len(found)}


def _per_label(gold_path: Path, system: list[dict[str, Any]], kind: str, key: str,
               pairs: list[tuple[dict[str, Any], dict[str, Any]]], docs: set[str]) -> dict[str, dict[str, Any]]:
    gold = Counter(str(g.get(key)) for g in read_jsonl(gold_path) if g.get("doc") in docs)
    sys_ = Counter(str(s.get(key)) for s in system if s.get("kind") == kind)
    hit = Counter(str(g.get(key)) for g, _ in pairs)
    out: dict[str, dict[str, Any]] = defaultdict(dict)
    for label in sorted(set(gold) | set(sys_)):
        p = hit[label] / sys_[label] if sys_[label] else 0.0
        r = hit[label] / gold[label] if gold[label] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[label] = {"gold": gold[label], "system": sys_[label], "matched": hit[label],
                      "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}
    return dict(out)


def format_report(rep: dict[str, Any]) -> str:
    lines = []
    for kind in ("event", "stance", "claim", "event_narrative", "event_rollcall", "stance_narrative",
                 "stance_rollcall"):
        if kind not in rep:
            continue
        r = rep[kind]
        extra = "".join(f" {k}={r[k]}" for k in ("date_accuracy", "sector_accuracy") if k in r)
        lines.append(f"{kind}: P={r['precision']} R={r['recall']} F1={r['f1']} "
                     f"(gold {r['gold']}, system {r['system']}, matched {r['matched']}){extra}")
    for kind, r in rep.get("document_level", {}).items():
        lines.append(f"{kind} (document level): P={r['precision']} R={r['recall']} F1={r['f1']} "
                     f"(gold {r['gold']}, system {r['system']}, matched {r['matched']})")
    for title, key in (("event types", "event_types"), ("stance issues", "stance_issues")):
        if rep.get(key):
            cells = [f"{label} {r['matched']}/{r['gold']} ({r['system']})"
                     for label, r in sorted(rep[key].items(), key=lambda kv: -kv[1]["gold"])]
            lines.append(f"{title} (matched/gold (system)): " + ", ".join(cells))
    if "contradictions" in rep:
        c = rep["contradictions"]
        lines.append(f"contradictions: gold {c['gold']}, found {c['found']} (system {c['system']})")
    for name, key in (("actors", "actors"), ("peer", "peer")):
        if key in rep:
            lines.append(f"{name}: " + " ".join(f"{k}={v}" for k, v in rep[key].items()))
    if rep.get("missing_documents"):
        lines.append(f"warning: {len(rep['missing_documents'])} gold document(s) not in the store: "
                     + ", ".join(rep["missing_documents"]))
    return "\n".join(lines)
