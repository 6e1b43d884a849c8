"""reconcile_store: contradictions are scored, ranked, cut at the threshold, stored and exported."""

from __future__ import annotations

import re
from pathlib import Path

from stancemap.config import Options
from stancemap.model import Claim, Document, Sentence
from stancemap.reconcile.run import THRESHOLD, reconcile_store
from stancemap.store import open_store
from stancemap.store.export import records

TEXTS = {
    "a": "Officials said the blast at the Verano chemical depot on 4 May killed 52 people. "
         "The harbour authority said 300 people were evacuated from the coast.",
    "b": "The explosion at the Verano chemical depot on 4 May killed 47 people, the mayor said. "
         "President Vera of Chile and President Rojas of Peru spoke by phone on Monday. "
         "According to the Chilean presidency, Rojas \"welcomed Chile's proposal\" on the Lauca river. "
         "The Peruvian readout contained no such phrase and said only that the two leaders had discussed water.",
    "c": "Farmers said the harvest had been good this season. The port handled more ships than before.",
}


def _document(doc_id: str, text: str) -> Document:
    doc = Document(id=doc_id, text=text, content_hash=doc_id * 8, published="2021-05-06")
    doc.sentences = [Sentence(i, m.start(), m.end()) for i, m in enumerate(re.finditer(r"[^.]+\.", text))]
    for s in doc.sentences:
        for m in re.finditer(r"(\d+) people", text[s.start:s.end]):
            doc.claims.append(Claim(indicator="people", value=float(m.group(1)), unit="people", start=s.start,
                                    end=s.end, subject="CHL", surface=m.group(1), sent=s.idx))
    return doc


def test_reconcile_stores_a_ranked_scored_list(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    with open_store(db) as store:
        for doc_id, text in TEXTS.items():
            store.save_document(_document(doc_id, text))
        counts = reconcile_store(store, Options(db=db, progress=False))
        rows = store.rows("contradictions")
        exported = list(records(store, ("contradiction",)))
    assert counts["contradictions"] == len(rows) >= 2
    kinds = {r["kind"] for r in rows}
    assert {"value", "readout"} <= kinds
    scores = [r["score"] for r in rows]
    assert scores == sorted(scores, reverse=True) and min(scores) >= THRESHOLD
    toll = next(r for r in rows if r["kind"] == "value")
    assert {toll["a_value"], toll["b_value"]} == {"52", "47"}
    assert not any("300" in (r["a_value"], r["b_value"]) for r in rows)  # evacuees are not the toll
    assert [e["score"] for e in exported] == scores
    assert all(e["a"]["evidence"] == TEXTS[e["a"]["doc"]][e["a"]["start"]:e["a"]["end"]] for e in exported)


def test_a_higher_threshold_flags_fewer(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    with open_store(db) as store:
        for doc_id, text in TEXTS.items():
            store.save_document(_document(doc_id, text))
        low = reconcile_store(store, Options(db=db, progress=False), threshold=0.0)["contradictions"]
        high = reconcile_store(store, Options(db=db, progress=False), threshold=0.99)["contradictions"]
    assert low > high
