"""Scoring against a gold folder, with the matching rules of the export contract.

A system record matches a gold record when both come from the same document, their evidence
overlaps (after case-folding, quote normalisation and whitespace collapsing: one contains the
other, or the system evidence holds at least 60% of the gold quote's word tokens), and the
kind-specific fields agree. Matching is greedy and one-to-one inside each document, in gold order.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import StancemapError

Record = dict[str, Any]
_TOKENS = re.compile(r"\w+", re.UNICODE)
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def normalise(text: str | None) -> str:
    return " ".join((text or "").translate(_QUOTES).lower().split())


def evidence_overlaps(gold_quote: str | None, evidence: str | None) -> bool:
    g, e = normalise(gold_quote), normalise(evidence)
    if not g or not e:
        return False
    if g in e or e in g:
        return True
    gold_tokens = _TOKENS.findall(g)
    if not gold_tokens:
        return False
    have = set(_TOKENS.findall(e))
    return sum(1 for t in gold_tokens if t in have) >= 0.6 * len(gold_tokens)


def date_agrees(gold: Any, got: Any) -> bool:
    """Right at the gold's granularity; a gold without a date accepts anything."""
    if not gold:
        return True
    return bool(got) and str(got).startswith(str(gold))


def event_fields_agree(g: Record, s: Record) -> bool:
    if s.get("type") != g.get("type") or s.get("source") != g.get("source"):
        return False
    if g.get("target") and s.get("target") != g.get("target"):
        return False
    return bool(s.get("negated")) == bool(g.get("negated"))


def stance_fields_agree(g: Record, s: Record) -> bool:
    return all(s.get(k) == g.get(k) for k in ("actor", "issue", "stance"))


def claim_fields_agree(g: Record, s: Record) -> bool:
    try:
        gv, sv = float(g["value"]), float(s["value"])
    except (KeyError, TypeError, ValueError):
        return False
    if abs(gv - sv) > 0.005 * max(abs(gv), 1e-9):
        return False
    return str(s.get("unit") or "").lower() == str(g.get("unit") or "").lower()


AGREE: dict[str, Callable[[Record, Record], bool]] = {
    "event": event_fields_agree, "stance": stance_fields_agree, "claim": claim_fields_agree,
}


@dataclass
class KindScore:
    gold: int
    system: int
    pairs: list[tuple[Record, Record]] = field(default_factory=list)

    @property
    def matched(self) -> int:
        return len(self.pairs)

    @property
    def precision(self) -> float:
        return self.matched / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
                "gold": self.gold, "system": self.system, "matched": self.matched}


def match(gold: list[Record], system: list[Record], agree: Callable[[Record, Record], bool]) -> KindScore:
    """Greedy one-to-one matching, per document, in gold order."""
    by_doc: dict[Any, list[int]] = {}
    for i, s in enumerate(system):
        by_doc.setdefault(s.get("doc"), []).append(i)
    used: set[int] = set()
    result = KindScore(gold=len(gold), system=len(system))
    for g in gold:
        for i in by_doc.get(g.get("doc"), []):
            if i in used:
                continue
            s = system[i]
            if evidence_overlaps(g.get("quote"), s.get("evidence")) and agree(g, s):
                used.add(i)
                result.pairs.append((g, s))
                break
    return result


def read_jsonl(path: Path) -> list[Record]:
    if not path.exists():
        return []
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise StancemapError(f"{path}:{n}: not JSON ({err.msg})") from err
    return out


def score_all(gold_dir: Path, system: Iterable[Record], docs: set[str] | None = None) -> dict[str, KindScore]:
    """Scores per kind (event, stance, claim) of ``system`` records against ``gold_dir``.

    Where the gold marks records read from a vote list (``rollcall``), events and stances are also scored
    as ``<kind>_narrative`` and ``<kind>_rollcall``; a system record that matches a gold record of the other
    part is not counted against this one (as ../shared/tools/score.py does)."""
    system = list(system)
    out: dict[str, KindScore] = {}
    for kind, agree in AGREE.items():
        gold = read_jsonl(gold_dir / f"{kind}s.jsonl")
        sys_rows = [r for r in system if r.get("kind") == kind]
        if docs is not None:
            gold = [g for g in gold if g.get("doc") in docs]
            sys_rows = [s for s in sys_rows if s.get("doc") in docs]
        out[kind] = match(gold, sys_rows, agree)
        if kind == "claim" or not any("rollcall" in g for g in gold):
            continue
        for part in ("narrative", "rollcall"):
            mine = [g for g in gold if ("rollcall" in g) == (part == "rollcall")]
            other = [g for g in gold if ("rollcall" in g) != (part == "rollcall")]
            rest = [s for s in sys_rows if not any(
                s.get("doc") == g.get("doc") and evidence_overlaps(g.get("quote"), s.get("evidence")) and agree(g, s)
                for g in other)]
            out[f"{kind}_{part}"] = match(mine, rest, agree)
    return out


DOC_KEYS: dict[str, Callable[[Record], tuple[Any, ...]]] = {
    "event": lambda r: (r.get("doc"), r.get("source"), r.get("type"), bool(r.get("negated"))),
    "stance": lambda r: (r.get("doc"), r.get("actor"), r.get("issue"), r.get("stance")),
    "claim": lambda r: (r.get("doc"), _round(r.get("value")), str(r.get("unit", "")).lower()),
}


def _round(value: Any) -> Any:
    try:
        return round(float(value), 2)
    except (TypeError, ValueError):
        return value


def score_documents(gold_dir: Path, system: Iterable[Record], docs: set[str] | None = None) -> dict[str, dict[str, Any]]:
    """Document-level scores: distinct (document, actor, issue, stance), (document, source, type, negation)
    and (document, value, unit) sets, whatever the evidence. This is how a reader who asks "what does this
    document say?" counts, and how unseen texts are scored."""
    system = list(system)
    out: dict[str, dict[str, Any]] = {}
    for kind, key in DOC_KEYS.items():
        gold = {key(g) for g in read_jsonl(gold_dir / f"{kind}s.jsonl") if docs is None or g.get("doc") in docs}
        got = {key(s) for s in system if s.get("kind") == kind and (docs is None or s.get("doc") in docs)}
        hit = len(gold & got)
        p = hit / len(got) if got else 0.0
        r = hit / len(gold) if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[kind] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "gold": len(gold),
                     "system": len(got), "matched": hit}
    return out


def event_extras(score: KindScore) -> dict[str, float]:
    """Date and source-sector accuracy over matched event pairs."""
    pairs = score.pairs
    if not pairs:
        return {"date_accuracy": 0.0, "sector_accuracy": 0.0}
    dates = sum(date_agrees(g.get("date"), s.get("date")) for g, s in pairs) / len(pairs)
    sectors = sum((g.get("source_sector") or "") == (s.get("source_sector") or "") for g, s in pairs) / len(pairs)
    return {"date_accuracy": round(dates, 3), "sector_accuracy": round(sectors, 3)}
