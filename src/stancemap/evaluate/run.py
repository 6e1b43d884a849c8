"""``stancemap eval``: export what the store holds and score it against a gold folder."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from ..errors import StancemapError
from ..store import Store
from ..store.export import records
from .score import event_extras, evidence_overlaps, read_jsonl, score_all


def gold_docs(gold_dir: Path) -> set[str]:
    docs: set[str] = set()
    for kind in ("events", "stances", "claims"):
        docs |= {str(r["doc"]) for r in read_jsonl(gold_dir / f"{kind}.jsonl") if r.get("doc")}
    return docs


def evaluate(store: Store, gold_dir: Path) -> dict[str, Any]:
    """Scores per kind, event date/sector accuracy, per-type and per-issue breakdowns."""
    if not gold_dir.is_dir():
        raise StancemapError(f"{gold_dir}: no such gold folder")
    docs = gold_docs(gold_dir)
    if not docs:
        raise StancemapError(f"{gold_dir}: no gold records (events/stances/claims .jsonl)")
    system = [r for r in records(store, ("event", "stance", "claim")) if r.get("doc") in docs]
    stored = {r["id"] for r in store.rows("documents")}
    missing = sorted(docs - stored)
    scores = score_all(gold_dir, system, docs)
    report: dict[str, Any] = {"documents": len(docs), "missing_documents": missing}
    for kind, sc in scores.items():
        report[kind] = sc.summary()
    report["event"].update(event_extras(scores["event"]))
    report["event_types"] = _per_label(gold_dir / "events.jsonl", system, "event", "type", scores["event"].pairs)
    report["contradictions"] = contradiction_recall(gold_dir, list(records(store, ("contradiction",))))
    report["stance_issues"] = _per_label(gold_dir / "stances.jsonl", system, "stance", "issue",
                                         scores["stance"].pairs)
    return report


def contradiction_recall(gold_dir: Path, found: list[dict[str, Any]]) -> dict[str, Any]:
    """How many gold contradictions we flag: same two documents, each side's evidence overlapping."""
    gold = read_jsonl(gold_dir / "contradictions.jsonl")
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
               pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    gold = Counter(str(g.get(key)) for g in read_jsonl(gold_path))
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
    for kind in ("event", "stance", "claim"):
        r = rep[kind]
        extra = "".join(f" {k}={r[k]}" for k in ("date_accuracy", "sector_accuracy") if k in r)
        lines.append(f"{kind}: P={r['precision']} R={r['recall']} F1={r['f1']} "
                     f"(gold {r['gold']}, system {r['system']}, matched {r['matched']}){extra}")
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
