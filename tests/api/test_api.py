"""The HTTP API answers from the same store, in the same contracts, as the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from stancemap.api.app import create_app
from stancemap.config import Options
from tests.conftest import QUESTION


def client(db: Path) -> TestClient:
    return TestClient(create_app(Options(db=str(db), progress=False)))


def test_ask_follows_the_contract(corpus_db: Path) -> None:
    res = client(corpus_db).get("/api/ask", params={"q": QUESTION})
    assert res.status_code == 200
    ans = res.json()
    assert ans["actor"] == "KAZ" and ans["question"] == QUESTION
    assert ans["summary"] and isinstance(ans["issues"], list) and isinstance(ans["contradictions"], list)


def test_export_is_ndjson_with_evidence(corpus_db: Path) -> None:
    res = client(corpus_db).get("/api/export", params={"kinds": "document,claim"})
    assert res.status_code == 200 and res.headers["content-type"].startswith("application/x-ndjson")
    rows = [json.loads(line) for line in res.text.splitlines()]
    assert sum(r["kind"] == "document" for r in rows) == 5
    assert all(r["evidence"] for r in rows if r["kind"] == "claim")
    bad = client(corpus_db).get("/api/export", params={"kinds": "nonsense"})
    assert bad.status_code == 422 and "unknown kind" in bad.json()["error"]


def test_profile_dyads_documents_and_page(corpus_db: Path) -> None:
    c = client(corpus_db)
    prof = c.get("/api/profile/KAZ").json()
    assert prof["actor"] == "KAZ"
    assert all(-1.0 <= r["score"] <= 1.0 for r in prof["profile"] if r["score"] is not None)
    assert isinstance(c.get("/api/dyads", params={"source": "KAZ"}).json(), list)
    assert len(c.get("/api/documents").json()) == 5
    page = c.get("/")
    assert page.status_code == 200 and "<form" in page.text
