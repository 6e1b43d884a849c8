"""SQL injection strings in every parameter of every endpoint: refused or answered normally, and the
store is the same afterwards (read straight from SQLite, not through the code under test)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import AUTH, table_counts

INJECTIONS = [
    "KAZ' OR '1'='1",
    "x); DROP TABLE documents;--",
    "KAZ'; DELETE FROM documents; --",
    "' UNION SELECT id, text FROM documents --",
    "KAZ\" OR \"\"=\"",
    "1 OR 1=1",
    "KAZ/**/OR/**/1=1",
    "%' OR source LIKE '%",
    "KAZ\x00",
    "Robert'); DROP TABLE stances;--",
]


def _requests(value: str) -> list[tuple[str, str, dict[str, str]]]:
    """(method, path, params) for every parameter of every endpoint, carrying ``value``."""
    return [
        ("GET", "/api/ask", {"q": value}),
        ("GET", "/api/ask", {"q": f"What is {value}'s position on the Russian invasion of Ukraine?"}),
        ("GET", "/api/export", {"kinds": value}),
        ("GET", "/api/export", {"kinds": f"document,{value}"}),
        ("GET", "/api/dyads", {"source": value}),
        ("GET", "/api/dyads", {"source": "KAZ", "target": value}),
        ("GET", f"/api/profile/{quote(value, safe='')}", {}),
        ("GET", "/api/documents", {value: "1"}),
        ("GET", "/api/contradictions", {"x": value}),
    ]


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_strings_change_nothing(ro: TestClient, rw: TestClient, db: Path, value: str) -> None:
    before = table_counts(db)
    assert before["documents"] == 5
    for method, path, params in _requests(value):
        res = ro.request(method, path, params=params)
        assert res.status_code in (200, 400, 404, 422), (path, params, res.status_code, res.text)
        if res.status_code == 200 and path.startswith("/api/dyads"):
            assert all(value not in (r["Actor1Code"], r["Actor2Code"]) for r in res.json())
        elif res.status_code != 200:
            assert res.json()["error"]
    # The write endpoints' own fields: the id is validated; with a wrong token nothing is read at all.
    res = rw.post("/api/ingest", json={"text": "Kazakhstan signed a treaty.", "id": value}, headers=AUTH)
    assert res.status_code == 422
    res = rw.post("/api/reconcile", headers={"Authorization": f"Bearer {value}"})
    assert res.status_code == 401
    assert table_counts(db) == before


def test_an_injection_shaped_question_about_a_real_actor_is_answered_normally(ro: TestClient) -> None:
    res = ro.get("/api/ask", params={"q": "What is Kazakhstan's position on x'); DROP TABLE documents;--"})
    assert res.status_code == 200 and res.json()["actor"] == "KAZ"
    assert len(ro.get("/api/documents").json()) == 5
