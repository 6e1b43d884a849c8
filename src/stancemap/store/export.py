"""Exports in the shared contract (../shared/spec/export-schema.md): JSONL and CSV.

Every record that comes from text carries ``doc``, ``evidence`` (verbatim cleaned text) and the
``start``/``end`` offsets of that evidence. Fields beyond the contract (QuadClass, Goldstein
weight, the rule that fired, ...) are extra and ignored by scorers.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from .base import Store

KINDS = ("document", "event", "stance", "claim", "contradiction", "mention", "resolution", "official_vote")
DEFAULT_KINDS = ("document", "event", "stance", "claim", "contradiction")


def _document(r: dict[str, Any]) -> dict[str, Any]:
    return {"kind": "document", "doc": r["id"], "title": r["title"], "author": r["author"],
            "publisher": r["publisher"], "published": r["published"], "lang": r["lang"], "chars": r["chars"],
            "words": r["words"], "source": r["source"], "extraction": r.get("extraction") or "ok",
            "extraction_note": r.get("extraction_note")}


def _event(r: dict[str, Any]) -> dict[str, Any]:
    return {"kind": "event", "doc": r["doc"], "source": r["source"], "source_sector": r["source_sector"],
            "target": r["target"], "target_sector": r["target_sector"], "type": r["type"], "cameo": r["cameo"],
            "negated": bool(r["negated"]), "modality": r["modality"], "date": r["date"], "issue": r["issue"],
            "evidence": r["evidence"], "start": r["start_char"], "end": r["end_char"],
            "quad_class": r["quad_class"], "goldstein": r["weight"], "predicate": r["predicate"],
            "background": bool(r["background"]), "confidence": r["confidence"], "rule": r["rule"]}


def _stance(r: dict[str, Any]) -> dict[str, Any]:
    return {"kind": "stance", "doc": r["doc"], "actor": r["actor"], "actor_sector": r["actor_sector"],
            "issue": r["issue"], "stance": r["stance"], "date": r["date"], "evidence": r["evidence"],
            "start": r["start_char"], "end": r["end_char"], "confidence": r["confidence"], "rule": r["rule"]}


def _claim(r: dict[str, Any]) -> dict[str, Any]:
    value = r["value"]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return {"kind": "claim", "doc": r["doc"], "subject": r["subject"], "indicator": r["indicator"],
            "value": value, "unit": r["unit"], "qualifier": r["qualifier"], "period": r["period"],
            "evidence": r["evidence"], "start": r["start_char"], "end": r["end_char"], "surface": r["surface"]}


def _side(r: dict[str, Any], p: str) -> dict[str, Any]:
    value: Any = r[f"{p}_value"]
    with contextlib.suppress(TypeError, ValueError):
        value = json.loads(value) if value is not None else None
    return {"doc": r[f"{p}_doc"], "evidence": r[f"{p}_evidence"], "value": value,
            "start": r[f"{p}_start"], "end": r[f"{p}_end"]}


def _contradiction(r: dict[str, Any]) -> dict[str, Any]:
    return {"kind": "contradiction", "about": r["about"], "type": r["kind"], "note": r["note"],
            "score": r.get("score"), "a": _side(r, "a"), "b": _side(r, "b")}


def _mention(r: dict[str, Any]) -> dict[str, Any]:
    return {"kind": "mention", "doc": r["doc"], "surface": r["surface"], "code": r["code"], "sector": r["sector"],
            "person": r["person"], "type": r["kind"], "confidence": r["confidence"], "rule": r["rule"],
            "start": r["start_char"], "end": r["end_char"]}


def _resolution(r: dict[str, Any]) -> dict[str, Any]:
    return {"kind": "resolution", "symbol": r["symbol"], "body": r["body"], "date": r["date"], "title": r["title"],
            "draft": r["draft"], "meeting": r["meeting"], "undl_id": r["undl_id"],
            "totals": {"yes": r["total_yes"], "no": r["total_no"], "abstain": r["total_abstain"],
                       "non_voting": r["total_non_voting"], "members": r["total_members"]},
            "issues": [i for i in str(r["issues"] or "").split(",") if i], "provenance": "official",
            "file": r["source"], "line": r["line"], "doc": r["doc"], "start": r["start_char"], "end": r["end_char"]}


def _official_vote(r: dict[str, Any]) -> dict[str, Any]:
    """A state's recorded vote: provenance ``official`` (the file and its line), and where the document
    that renders the record quotes it (``doc``, ``evidence``, ``start``/``end``; none for a resolution that
    bears on no issue)."""
    return {"kind": "official_vote", "resolution": r["symbol"], "body": r["body"], "date": r["date"],
            "state": r["state"], "name": r["name"], "vote": r["vote"], "provenance": "official",
            "file": r["source"], "line": r["line"], "undl_id": r["undl_id"], "doc": r["doc"],
            "evidence": r["evidence"], "start": r["start_char"], "end": r["end_char"]}


_TABLES = {"document": ("documents", _document), "event": ("events", _event), "stance": ("stances", _stance),
           "claim": ("claims", _claim), "contradiction": ("contradictions", _contradiction),
           "mention": ("mentions", _mention), "resolution": ("resolutions", _resolution),
           "official_vote": ("official_votes", _official_vote)}


def records(store: Store, kinds: Iterable[str] = DEFAULT_KINDS) -> Iterator[dict[str, Any]]:
    """Export records of the given kinds, documents first, in a stable order; streamed from the store."""
    for kind in kinds:
        table, conv = _TABLES[kind]
        for row in store.iter_rows(table):
            yield conv(row)


def to_jsonl(recs: Iterable[dict[str, Any]]) -> Iterator[str]:
    for rec in recs:
        yield json.dumps(rec, ensure_ascii=False)


def _flat(rec: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in rec.items():
        if isinstance(v, dict):
            for k2, v2 in v.items():
                out[f"{k}_{k2}"] = v2
        else:
            out[k] = v
    return out


def columns(recs: Iterable[dict[str, Any]]) -> list[str]:
    """The union of the records' (flattened) fields, in first-seen order: a CSV's header."""
    cols: dict[str, None] = {}
    for r in recs:
        cols.update(dict.fromkeys(_flat(r)))
    return list(cols)


def write_csv(recs: Iterable[dict[str, Any]], cols: list[str], out: IO[str]) -> int:
    """Write records as CSV under the header ``cols`` (from :func:`columns`), one row at a time."""
    writer = csv.DictWriter(out, fieldnames=cols, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for r in recs:
        writer.writerow(_flat(r))
        n += 1
    return n


def to_csv(recs: Iterable[dict[str, Any]]) -> str:
    """One CSV with a ``kind`` column and the union of all fields (nested sides flattened)."""
    flat = [_flat(r) for r in recs]
    cols: list[str] = []
    for r in flat:
        for k in r:
            if k not in cols:
                cols.append(k)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(flat)
    return buf.getvalue()
