"""Further accuracy figures for ``stancemap eval``: actor mentions against the gold, and the PLOVER peer test.

* **Actors.** Every actor of a gold record (event source and target, stance actor) should be found
  inside the record's quote: a stored mention overlapping the quote with the same code counts as
  recognised and resolved; its sector is compared too.
* **Peer.** The coder runs on each sentence of the PLOVER gold records (PLOVER 0.5 names mapped to
  today's 16 types); we report how often one of the coded events has the gold type, and, among
  those, how often source and target codes agree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..config import Options
from ..errors import StancemapError
from ..model import Document
from ..store import open_store
from .score import normalise, read_jsonl

PLOVER_05 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
ORG_CODES = {"IGO", "NGO", "MNC", "UNO", "IMG"}


def _find(text: str, quote: str) -> tuple[int, int] | None:
    i = text.find(quote)
    if i >= 0:
        return i, i + len(quote)
    low, q = normalise(text), normalise(quote)
    if q and q in low:  # rare: whitespace differences; approximate through the first words
        j = text.lower().find(quote.lower()[:30])
        if j >= 0:
            return j, j + len(quote)
    return None


def actor_accuracy(store: Any, gold_dir: Path, only: set[str] | None = None) -> dict[str, Any]:
    docs = {d.id: d for d in store.documents(sorted(only) if only else None)}
    wanted: list[tuple[str, str, str, str | None]] = []
    for kind, fields in (("events", (("source", "source_sector"), ("target", "target_sector"))),
                         ("stances", (("actor", "actor_sector"),))):
        for g in read_jsonl(gold_dir / f"{kind}.jsonl"):
            for code_f, sec_f in fields:
                if g.get(code_f):
                    wanted.append((g["doc"], g["quote"], g[code_f], g.get(sec_f)))
    unique = sorted(set(wanted), key=lambda w: (w[0], w[1], w[2], w[3] or ""))
    found = right_sector = total = in_records = 0
    for doc_id, quote, code, sector in unique:
        doc = docs.get(doc_id)
        if doc is None:
            continue
        total += 1
        span = _find(doc.text, quote)
        if span is None:
            continue
        s, e = span
        # A place named with the right code counts as recognised ("protests ... in Kazakhstan").
        hits = [m for m in doc.mentions if m.code == code and m.start < e and m.end > s]
        if hits:
            found += 1
            if any((m.sector or None) == (sector or None) for m in hits):
                right_sector += 1
        # Actors the text leaves implicit ("both sides", the agent of "were sentenced") are resolved
        # by the event and stance stages: count a record of the sentence that carries the code.
        coded = {c for ev in doc.events if ev.start < e and ev.end > s for c in (ev.source, ev.target)} | \
            {st.actor for st in doc.stances if st.start < e and st.end > s}
        if hits or code in coded:
            in_records += 1
    return {"gold_actors": total, "resolved": round(found / total, 3) if total else 0.0,
            "sector_accuracy": round(right_sector / found, 3) if found else 0.0,
            "resolved_incl_records": round(in_records / total, 3) if total else 0.0}


def _codes(actors: Any) -> set[str]:
    """Actor codes of a peer record's source/target (a list of actor objects, or a bare string)."""
    if isinstance(actors, str):
        return {actors}
    return {str(a.get("code")) for a in actors or [] if isinstance(a, dict) and a.get("code")}


def peer_test(options: Options, path: Path) -> dict[str, Any]:
    """Type, source and target accuracy of the coder on the PLOVER peer gold sentences."""
    from ..pipeline import Pipeline

    rows = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("text") and r.get("event") != "DOCUMENT"]
    pipe = Pipeline(Options(**{**options.__dict__, "pipeline": ["parse", "dates", "actors", "events"]}))
    typed = src_ok = tgt_ok = tgt_total = coded = 0
    for r in rows:
        gold_type = PLOVER_05.get(r["event"], r["event"])
        doc = pipe(Document(id=r["id"], text=r["text"], published=str(r.get("date") or "2000-01-01")))
        if doc.events:
            coded += 1
        same = [e for e in doc.events if e.type == gold_type]
        if not same:
            continue
        typed += 1
        gsrc, gtgt = _codes(r.get("source")), _codes(r.get("target"))
        if any(e.source in gsrc for e in same):
            src_ok += 1
        if gtgt:
            tgt_total += 1
            if any(e.target in gtgt for e in same):
                tgt_ok += 1
    n = len(rows)
    return {"sentences": n, "coded": round(coded / n, 3), "type_accuracy": round(typed / n, 3),
            "source_accuracy": round(src_ok / typed, 3) if typed else 0.0,
            "target_accuracy": round(tgt_ok / tgt_total, 3) if tgt_total else 0.0}


def add_extras(report: dict[str, Any], options: Options, gold_dir: Path, peer: Path | None,
               docs: set[str] | None = None, default_peer: bool = True) -> None:
    """Actor accuracy over ``docs`` (default: all the gold's), and the PLOVER peer test (given, or the
    reference copy beside the gold when ``default_peer``)."""
    with open_store(options.db) as store:
        report["actors"] = actor_accuracy(store, gold_dir, docs)
    if peer is None and default_peer:
        default = gold_dir.parent.parent / "reference" / "peer-gold" / "PLOVER_GSR_CAMEO.json"
        peer = default if default.exists() else None
    if peer is not None and peer.is_dir():  # the peer-gold folder: its PLOVER records
        found = sorted(peer.glob("PLOVER*.json")) or sorted(peer.glob("*.json"))
        if not found:
            raise StancemapError(f"{peer}: no PLOVER peer gold (.json) in this folder")
        peer = found[0]
    if peer is not None and peer.exists():
        report["peer"] = peer_test(options, peer)
