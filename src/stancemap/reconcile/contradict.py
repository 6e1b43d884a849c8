"""Contradictions: pairs of records from different documents that disagree.

Kinds:

* ``value`` — two numbers for the same quantity (a claim cluster) that differ beyond rounding;
  labelled when the gap may be one of wording (both approximate and close) or of denominator (the
  indicators name different bases, e.g. "oil exports to the west" vs "oil");
* ``date`` — the same event (same actors, type and negation) given different explicit dates;
* ``actor`` — the same act (same state, type, issue and target) attributed to different people;
* ``polarity`` — the same actor's stance on the same issue reported as support in one source and
  oppose (or neutral) in another; and an event reported as happening in one and as not happening
  (negated) in another.

Each side keeps its document and verbatim evidence.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from .merge import Cluster, _as_date

_APPROX = {"about", "around", "approximately", "roughly", "nearly", "almost", "some"}
_WORD = re.compile(r"[a-z]{3,}")
_MONTH = re.compile(  # a month named in the sentence ("march" and "may" only where they must be months)
    r"\b(january|february|april|june|july|august|september|october|november|december)\b"
    r"|\b(march|may)\s+\d|\b\d{1,2}(st|nd|rd|th)?\s+(march|may)\b|\b(in|early|late|mid-?|since|until)\s+(march|may)\b",
    re.IGNORECASE)
SOCIETY = {"CVL", "OPP", "MED", "BUS", "REB"}  # sectors that speak for themselves, not for their state


def _side(r: dict[str, Any], value: Any) -> dict[str, Any]:
    return {"doc": r["doc"], "start": r["start_char"], "end": r["end_char"], "evidence": r["evidence"],
            "value": json.dumps(value, ensure_ascii=False)}


def _record(about: str, kind: str, a: dict[str, Any], av: Any, b: dict[str, Any], bv: Any, note: str = "") -> dict[str, Any]:
    sa, sb = _side(a, av), _side(b, bv)
    return {"about": about, "kind": kind, "note": note or None,
            **{f"a_{k}": v for k, v in sa.items()}, **{f"b_{k}": v for k, v in sb.items()}}


def _num(v: float) -> float | int:
    return int(v) if float(v).is_integer() else round(float(v), 4)


def value_contradictions(clusters: list[Cluster], tolerance: float = 0.02) -> list[dict[str, Any]]:
    out = []
    for c in clusters:
        rows = c.rows
        seen: set[tuple[str, str]] = set()
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                if a["doc"] == b["doc"]:
                    continue
                va, vb = float(a["value"]), float(b["value"])
                if abs(va - vb) <= tolerance * max(abs(va), abs(vb), 1e-9):
                    continue
                pair = tuple(sorted((a["doc"], b["doc"])))
                if pair in seen:
                    continue
                seen.add(pair)
                notes = []
                approx = (a["qualifier"] in _APPROX or a["qualifier"] == "about") and \
                    (b["qualifier"] in _APPROX or b["qualifier"] == "about")
                if approx and abs(va - vb) <= 0.1 * max(abs(va), abs(vb)):
                    notes.append("both approximate and within 10%: possibly rounding")
                wa = set(_WORD.findall((a["indicator"] or "").lower()))
                wb = set(_WORD.findall((b["indicator"] or "").lower()))
                if a["unit"] == "percent" and wa != wb and (wa - wb or wb - wa):
                    notes.append(f"possibly different bases: “{a['indicator']}” vs “{b['indicator']}”")
                if (a["period"] or "") != (b["period"] or "") and a["period"] and b["period"]:
                    notes.append(f"different periods: {a['period']} vs {b['period']}")
                about = f"{a['indicator']} ({a['unit']}{', ' + a['subject'] if a['subject'] else ''})"
                out.append(_record(about, "value", a, _num(va), b, _num(vb), "; ".join(notes)))
    return out


def _explicit(d: str | None) -> bool:
    return bool(d) and len(str(d)) >= 7


def date_contradictions(events: list[dict[str, Any]], window_days: int = 75) -> list[dict[str, Any]]:
    """Same source/type/target/negation and person (if named), explicit dates that disagree."""
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for r in events:
        if r["modality"] == "actual" and _explicit(r["date"]) and r["target"]:
            groups[(r["source"], r["type"], r["target"], bool(r["negated"]), r["issue"])].append(r)
    out = []
    for _key, rows in groups.items():
        seen: set[tuple[str, str]] = set()
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                if a["doc"] == b["doc"] or tuple(sorted((a["doc"], b["doc"]))) in seen:
                    continue
                if a["source_person"] and b["source_person"] and a["source_person"] != b["source_person"]:
                    continue
                da, db = str(a["date"]), str(b["date"])
                if da.startswith(db[:7]) and db.startswith(da[:7]):
                    continue  # same month: not a disagreement at month granularity
                xa, xb = _as_date(da), _as_date(db)
                if not (xa and xb) or abs((xa - xb).days) > window_days:
                    continue  # too far apart: two different events
                seen.add(tuple(sorted((a["doc"], b["doc"]))))
                about = f"date of {a['source']} {a['type'].lower()} {a['target']}" + (f" ({a['issue']})" if a["issue"] else "")
                out.append(_record(about, "date", a, da, b, db))
    return out


def stance_date_contradictions(stances: list[dict[str, Any]], window_days: int = 60) -> list[dict[str, Any]]:
    """The same actor (and sector) stating the same position, dated to different months by two sources
    that date it explicitly and close together: likely one statement with two dates."""
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for s in stances:
        # dated in its own words ("on April 1", "in late March"), not by its paragraph's date
        if _explicit(s["date"]) and s["actor_sector"] and _MONTH.search(s["evidence"]):
            groups[(s["actor"], s["actor_sector"], s["issue"], s["stance"])].append(s)
    out = []
    for (actor, sector, issue, stance), rows in groups.items():
        seen: set[tuple[str, str]] = set()
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                pair = tuple(sorted((a["doc"], b["doc"])))
                if a["doc"] == b["doc"] or pair in seen:
                    continue
                da, db = str(a["date"]), str(b["date"])
                if da[:7] == db[:7]:
                    continue
                xa, xb = _as_date(da), _as_date(db)
                if not (xa and xb) or abs((xa - xb).days) > window_days:
                    continue
                seen.add(pair)
                out.append(_record(f"date of {actor}/{sector}'s {stance} statement on {issue}", "date", a, da, b, db,
                                   "close dates: one statement dated differently, or two statements"))
    return out


def actor_contradictions(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same stated position (state, type, issue, target) attributed to different people."""
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for r in events:
        if r["issue"] and r["source_person"] and r["modality"] == "actual" and \
                r["type"] in ("REJECT", "AGREE", "SUPPORT", "ACCUSE", "REQUEST"):
            groups[(r["source"], r["type"], r["issue"], r["target"], bool(r["negated"]))].append(r)
    out = []
    for rows in groups.values():
        seen: set[tuple[str, str]] = set()
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                pair = tuple(sorted((a["doc"], b["doc"])))
                if a["doc"] == b["doc"] or pair in seen or a["source_person"] == b["source_person"]:
                    continue
                seen.add(pair)
                about = f"who made {a['source']}'s {a['type'].lower()} on {a['issue']}"
                note = "different people and dates: possibly separate statements" if a["date"] != b["date"] else ""
                out.append(_record(about, "actor", a, a["source_person"], b, b["source_person"], note))
    return out


def _closest(rows_a: list[dict[str, Any]], rows_b: list[dict[str, Any]],
             vectors: dict[int, Any] | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """The two statements that best show a disagreement: the most alike in what they talk about
    (sentence embeddings), else the most confident of each side."""
    if vectors:
        pairs = [(a, b) for a in rows_a for b in rows_b if a["id"] in vectors and b["id"] in vectors]
        if pairs:
            return max(pairs, key=lambda ab: float(vectors[ab[0]["id"]] @ vectors[ab[1]["id"]]))
    return rows_a[0], rows_b[0]


def polarity_contradictions(stances: list[dict[str, Any]], events: list[dict[str, Any]],
                            vectors: dict[int, Any] | None = None,
                            event_vectors: dict[int, Any] | None = None) -> list[dict[str, Any]]:
    """Opposed stances of one actor on one issue, and events affirmed in one source and negated in another.
    ``vectors`` (stance id -> sentence embedding) and ``event_vectors`` (event id -> sentence embedding)
    pick, for each pair of sources, the closest statements."""
    out = []
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for s in stances:
        # A state's government and its protesters are different holders: "Kazakhstan is neutral"
        # and "Kazakh protesters oppose the war" do not contradict each other.
        side = "society" if s.get("actor_sector") in SOCIETY else "state"
        groups[(s["actor"], side, s["issue"])].append(s)
    for (actor, side, issue), rows in groups.items():
        holder = actor if side == "state" else f"{actor} society"
        by_doc: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(dict)
        for r in sorted(rows, key=lambda r: -(r["confidence"] or 0)):
            by_doc[r["doc"]].setdefault(r["stance"], []).append(r)
        docs = sorted(by_doc)
        for i, da in enumerate(docs):
            for db in docs[i + 1:]:
                for pa, pb in (("support", "oppose"), ("oppose", "support"), ("oppose", "neutral"),
                               ("neutral", "oppose"), ("support", "neutral"), ("neutral", "support")):
                    ra, rb = by_doc[da].get(pa), by_doc[db].get(pb)
                    if ra is None or rb is None or pb in by_doc[da] or pa in by_doc[db]:
                        continue  # a source that says both is mixed, not opposed
                    a, b = _closest(ra, rb, vectors)
                    kind = "polarity" if {pa, pb} == {"support", "oppose"} else "polarity-neutral"
                    out.append(_record(f"{holder}'s position on {issue}", kind, a, pa, b, pb))
                    break
    egroups: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for r in events:
        if r["modality"] == "actual" and r["target"]:
            egroups[(r["source"], r["type"], r["target"])].append(r)
    for (src, typ, tgt), rows in egroups.items():
        pos: dict[str, list[dict[str, Any]]] = defaultdict(list)
        neg: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in sorted(rows, key=lambda r: -(r["confidence"] or 0)):
            (neg if r["negated"] else pos)[r["doc"]].append(r)
        for da in sorted(pos):
            for db in sorted(neg):
                if da != db and db not in pos and da not in neg:
                    a, b = _closest(pos[da], neg[db], event_vectors)
                    out.append(_record(f"whether {src} {typ.lower()} {tgt}", "negation", a, "yes", b, "no"))
                    break
    return out
