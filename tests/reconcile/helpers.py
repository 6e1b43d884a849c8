"""Small records written for the reconcile tests (never copied from the corpora)."""

from __future__ import annotations

from itertools import count
from typing import Any

from stancemap.reconcile.text import Idf, terms

_ids = count(1)


def ev(doc: str, source: str, type_: str, target: str | None, date: str | None, negated: bool = False,
       person: str | None = None, issue: str | None = None, **kw: Any) -> dict[str, Any]:
    return {"id": next(_ids), "doc": doc, "source": source, "source_sector": "GOV", "target": target,
            "target_sector": None, "type": type_, "negated": int(negated), "date": date, "issue": issue,
            "modality": "actual", "source_person": person, "confidence": 0.8, "evidence": f"{doc} says {type_}",
            "start_char": 0, "end_char": 10, "background": 0, "predicate": "", **kw}


def claim(doc: str, value: float, unit: str, indicator: str, evidence: str, qualifier: str | None = None,
          subject: str | None = "CHL", period: str | None = None, surface: str | None = None,
          **kw: Any) -> dict[str, Any]:
    return {"id": next(_ids), "doc": doc, "value": value, "unit": unit, "indicator": indicator, "subject": subject,
            "qualifier": qualifier, "period": period, "evidence": evidence, "surface": surface or "",
            "start_char": 0, "end_char": len(evidence), **kw}


def st(doc: str, actor: str, issue: str, stance: str, sector: str | None = "GOV", confidence: float = 0.9,
       date: str | None = "2021-03", evidence: str | None = None) -> dict[str, Any]:
    return {"id": next(_ids), "doc": doc, "actor": actor, "actor_sector": sector, "issue": issue, "stance": stance,
            "confidence": confidence, "date": date, "evidence": evidence or f"{doc}: {actor} {stance} {issue}",
            "start_char": 0, "end_char": 5}


FILLER = [
    "The weather was mild and the markets were calm on the day.",
    "Officials said the talks on trade would continue next week.",
    "A committee met to discuss the budget and the schools.",
    "The ministry published figures on exports and imports.",
    "Farmers said the harvest had been good this season.",
    "The port handled more ships than in the previous season.",
]


def idf_for(*texts: str) -> Idf:
    """Document frequencies over the texts given plus a few unrelated ones (so that common words
    are common and names are rare, as in a real store)."""
    return Idf(terms(t) for t in (*texts, *FILLER))
