"""Ingest and reconcile through the API with the token: the same pipeline as ``stancemap ingest``.

One test, because it loads spaCy and the embedding model (several seconds)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import AUTH, table_counts

# Written for this test (fictional).
TEXT = ("Kazakhstan's President Kassym-Jomart Tokayev met Chinese President Xi Jinping in Astana on 14 September "
        "2022. The two leaders signed agreements on trade and transport. Tokayev said Kazakhstan supports the "
        "territorial integrity of all states.")
OTHER = ("Kazakhstan's foreign ministry condemned the shelling of a border village on 3 October 2022. The "
         "ministry said Kazakhstan would send humanitarian aid to the region. Officials in Astana urged "
         "both sides to return to talks.")
TITLE = "Tokayev hosts Xi'); DROP TABLE documents;--"


@pytest.mark.slow
def test_ingest_via_api_with_token(rw: TestClient, db: Path) -> None:
    before = table_counts(db)
    res = rw.post("/api/ingest", json={"text": TEXT, "title": TITLE, "published": "2022-09-14", "id": "api-kaz-xi"},
                  headers=AUTH)
    assert res.status_code == 200, res.text
    body = res.json()
    assert body["stored"] == ["api-kaz-xi"] and body["skipped"] == []
    assert body["reconciled"] and body["reconciled"]["event_clusters"] >= before["event_clusters"]
    after = table_counts(db)
    assert after["documents"] == before["documents"] + 1
    assert after["events"] > before["events"]  # extracted, not just stored
    con = sqlite3.connect(db)
    try:
        title, published, text, source = con.execute(
            "SELECT title, published, text, source FROM documents WHERE id = 'api-kaz-xi'").fetchone()
        assert (title, published, source) == (TITLE, "2022-09-14", "upload:api-kaz-xi.txt")  # the injection-shaped title is stored verbatim
        assert "Xi Jinping" in text
        sources = {r[0] for r in con.execute("SELECT source FROM events WHERE doc = 'api-kaz-xi'")}
    finally:
        con.close()
    assert "KAZ" in sources

    # the same text again: a no-op, said so
    again = rw.post("/api/ingest", json={"text": TEXT, "title": TITLE, "published": "2022-09-14", "id": "api-kaz-xi"},
                    headers=AUTH).json()
    assert again["unchanged"] == ["api-kaz-xi"] and again["stored"] == [] and again["reconciled"] is None

    # multipart: one good file, one empty; the empty one is reported by its upload name
    res = rw.post("/api/ingest", headers=AUTH,
                  files=[("files", ("kaz-aid.txt", OTHER.encode())), ("files", ("empty.txt", b"  \n"))])
    assert res.status_code == 200, res.text
    assert res.json()["stored"] == ["kaz-aid"]
    assert res.json()["skipped"] == [{"file": "empty.txt", "reason": "empty file"}]

    # nothing readable at all: 422, with the reasons
    res = rw.post("/api/ingest", headers=AUTH, files=[("files", ("blank.txt", b""))])
    assert res.status_code == 422 and res.json()["error"] == "nothing ingested (blank.txt: empty file)"

    res = rw.post("/api/reconcile", headers=AUTH)
    assert res.status_code == 200 and res.json()["reconciled"]["event_clusters"] > 0
    assert table_counts(db)["documents"] == before["documents"] + 2
    docs = {d["doc"] for d in rw.get("/api/documents").json()}
    assert {"api-kaz-xi", "kaz-aid"} <= docs
