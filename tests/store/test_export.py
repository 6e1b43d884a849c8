"""The export follows the shared contract: required fields, and evidence == text[start:end]."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REQUIRED = {
    "document": {"doc", "chars"},
    "event": {"doc", "source", "type", "negated", "modality", "evidence", "start", "end"},
    "stance": {"doc", "actor", "issue", "stance", "evidence", "start", "end"},
    "claim": {"doc", "indicator", "value", "unit", "evidence", "start", "end"},
    "contradiction": {"about", "a", "b"},
}
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def export(db: Path, *args: str) -> str:
    res = subprocess.run([sys.executable, "-m", "stancemap", "--db", str(db), "export", *args],
                         capture_output=True, text=True, check=True, timeout=120)
    return res.stdout


def test_jsonl_export_matches_the_contract(corpus_db: Path) -> None:
    from stancemap.store import open_store

    with open_store(str(corpus_db)) as store:
        texts = {d.id: d.text for d in store.documents(records=False)}
    lines = export(corpus_db).splitlines()
    recs = [json.loads(line) for line in lines]
    kinds = {r["kind"] for r in recs}
    assert "document" in kinds
    assert sum(r["kind"] == "document" for r in recs) == 5
    for r in recs:
        missing = REQUIRED[r["kind"]] - set(r)
        assert not missing, (r["kind"], missing)
        if "evidence" in r:
            assert r["evidence"] == texts[r["doc"]][r["start"]:r["end"]]
            assert r["evidence"].strip()
        if r["kind"] == "document":
            assert r["chars"] == len(texts[r["doc"]])
            assert r["published"] is None or len(r["published"]) == 10
        if r["kind"] == "event":
            assert r["type"] in TYPES
            assert r["modality"] in ("actual", "intent", "hypothetical", "reported")
            assert isinstance(r["negated"], bool)
            assert r["cameo"] is None or isinstance(r["cameo"], str)
            assert r["date"] is None or len(r["date"]) in (4, 7, 10)
        if r["kind"] == "stance":
            assert r["stance"] in ("support", "oppose", "neutral")
        if r["kind"] == "claim":
            assert isinstance(r["value"], int | float)
        if r["kind"] == "contradiction":
            for side in ("a", "b"):
                assert {"doc", "evidence"} <= set(r[side])


def test_csv_export_has_a_kind_column(corpus_db: Path) -> None:
    text = export(corpus_db, "--format", "csv", "--kinds", "document")
    header, *rows = text.strip().splitlines()
    assert header.split(",")[:2] == ["kind", "doc"]
    assert len(rows) == 5
