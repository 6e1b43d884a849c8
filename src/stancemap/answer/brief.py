"""Assemble the answer to a question from stored records only.

The answer has the shape of the ``ask`` contract (export-schema.md): per issue, the aggregated
position with its evidence; a prose summary in which every sentence ends with document citations;
and the contradictions. No text is invented beyond fixed templates and verbatim evidence.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..analysis.positions import Position, aggregate
from ..stances.issues import Issue, load_issues
from ..store import Store
from .question import Question

_VERB = {
    "support": "supports", "oppose": "opposes", "neutral": "takes a neutral line on",
    "mixed": "is divided on", "unknown": "has no recorded position on",
}


def cite(docs: list[str]) -> str:
    return "".join(f"[{d}]" for d in dict.fromkeys(docs))


def _short(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _best_evidence(pos: Position) -> dict[str, Any] | None:
    agreeing = [e for e in pos.evidence if e["stance"] == pos.position] or pos.evidence
    if not agreeing:
        return None
    return max(agreeing, key=lambda e: (float(e.get("confidence") or 0), -len(e["evidence"])))


def issue_sentence(actor_name: str, issue: Issue, pos: Position) -> str:
    docs = sorted({e["doc"] for e in pos.evidence})
    n = len(pos.evidence)
    src = f"{len(docs)} source{'s' if len(docs) != 1 else ''}"
    line = (f"On {issue.label[0].lower() + issue.label[1:]}, {actor_name} {_VERB[pos.position]} it "
            f"({n} piece{'s' if n != 1 else ''} of evidence from {src}, confidence {pos.confidence:.2f}) {cite(docs)}.")
    best = _best_evidence(pos)
    if best:
        line += f" For example: “{_short(best['evidence'])}” {cite([best['doc']])}."
    return line


def build_answer(store: Store, q: Question, issues_file: str | None = None) -> dict[str, Any]:
    """The ``ask`` JSON for question ``q`` from what ``store`` holds."""
    issues = {i.id: i for i in load_issues(issues_file)}
    rows = store.rows("stances", "actor = ?", (q.actor,)) if q.actor else []
    by_issue: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_issue[r["issue"]].append(r)
    out_issues: list[dict[str, Any]] = []
    sentences: list[str] = []
    positions: dict[str, Position] = {}
    for iid in q.issues:
        if iid not in issues:
            continue
        pos = aggregate(q.actor or "", iid, by_issue.get(iid, []))
        positions[iid] = pos
        if pos.position == "unknown" and iid != (q.issues[0] if q.issues else None):
            continue
        out_issues.append({
            "issue": iid, "label": issues[iid].label, "dimension": issues[iid].dimension,
            "position": pos.position, "confidence": pos.confidence,
            "evidence": [{"doc": e["doc"], "evidence": e["evidence"], "stance": e["stance"], "date": e["date"],
                          "start": e["start_char"], "end": e["end_char"]} for e in pos.evidence],
        })
    known = [p for p in positions.values() if p.position != "unknown"]
    if known:
        top = positions.get(q.issues[0]) if q.issues else None
        docs = sorted({e["doc"] for p in known for e in p.evidence})
        head = (f"{q.actor_name}: evidence on {len(known)} issue{'s' if len(known) != 1 else ''} "
                f"from {len(docs)} source{'s' if len(docs) != 1 else ''}")
        if top and top.position != "unknown":
            head += f"; on {issues[top.issue].label[0].lower() + issues[top.issue].label[1:]} its position is {top.position}"
        sentences.append(head + f" {cite([e['doc'] for e in (top.evidence if top and top.evidence else known[0].evidence)])}.")
        for iid in q.issues:
            got = positions.get(iid)
            if got and got.position != "unknown":
                sentences.append(issue_sentence(q.actor_name, issues[iid], got))
    contradictions = [_contradiction(r) for r in store.rows("contradictions")]
    if q.actor is None:
        summary = "The question names no state, organisation or person that stancemap knows."
    elif not known:
        summary = f"No stored evidence on {q.actor_name} yet."
    else:
        summary = " ".join(sentences)
    return {"question": q.text, "actor": q.actor, "actor_name": q.actor_name, "topic": q.topic,
            "issues": out_issues, "summary": summary, "contradictions": contradictions}


def _contradiction(r: dict[str, Any]) -> dict[str, Any]:
    return {"about": r["about"], "type": r["kind"], "note": r["note"],
            "a": {"doc": r["a_doc"], "evidence": r["a_evidence"], "value": r["a_value"]},
            "b": {"doc": r["b_doc"], "evidence": r["b_evidence"], "value": r["b_value"]}}


def render_text(answer: dict[str, Any]) -> str:
    """A terminal rendering of the answer: summary, then per-issue evidence, then contradictions."""
    lines = [answer["question"], "", answer["summary"], ""]
    for item in answer["issues"]:
        lines.append(f"■ {item['label']} — {item['position']} (confidence {item['confidence']:.2f})")
        for e in item["evidence"][:5]:
            lines.append(f"    [{e['doc']}] ({e['stance']}{', ' + e['date'] if e['date'] else ''}) {_short(e['evidence'], 160)}")
        if len(item["evidence"]) > 5:
            lines.append(f"    … {len(item['evidence']) - 5} more")
    if answer["contradictions"]:
        lines += ["", "Where sources disagree:"]
        for c in answer["contradictions"]:
            lines.append(f"  • {c['about']}: [{c['a']['doc']}] {c['a']['value']} vs [{c['b']['doc']}] {c['b']['value']}")
    return "\n".join(lines)
