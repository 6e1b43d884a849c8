"""Request size limits: body (declared and streamed), query string, number of files."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from stancemap.api.limits import Limits, SizeLimitMiddleware
from tests.api.conftest import AUTH, TOKEN, make_client, table_counts


def test_declared_body_over_the_limit_is_413_before_anything_runs(db: Path) -> None:
    client = make_client(db, token=TOKEN, limits=Limits(max_body=1000))
    before = table_counts(db)
    res = client.post("/api/ingest", json={"text": "Kazakhstan. " * 200}, headers=AUTH)
    assert res.status_code == 413
    assert "too large" in res.json()["error"] and "1000 bytes" in res.json()["error"]
    # also without a token, and on a read-only server: the body is never read
    assert client.post("/api/ingest", content=b"x" * 2000).status_code == 413
    assert make_client(db, limits=Limits(max_body=1000)).post("/api/reconcile", content=b"x" * 2000).status_code == 413
    assert table_counts(db) == before


def test_streamed_body_is_counted_and_cut_off(db: Path) -> None:
    client = make_client(db, token=TOKEN, limits=Limits(max_body=1000))

    def chunks() -> Iterator[bytes]:  # no Content-Length: the server must count
        for _ in range(50):
            yield b"y" * 100

    res = client.post("/api/ingest", content=chunks(), headers={**AUTH, "Content-Type": "application/json"})
    assert res.status_code == 413 and "too large" in res.json()["error"]


def test_body_under_the_limit_passes_the_middleware(db: Path) -> None:
    client = make_client(db, token=TOKEN, limits=Limits(max_body=1000))
    res = client.post("/api/ingest", content=b"[1, 2]", headers={**AUTH, "Content-Type": "application/json"})
    assert res.status_code == 422  # reached the endpoint, which refuses a JSON array


def test_long_query_string_is_414(ro: TestClient) -> None:
    res = ro.get("/api/ask", params={"q": "What is Kazakhstan's position " + "x" * 2000})
    assert res.status_code == 414 and "at most 2000" in res.json()["error"]
    assert ro.get("/api/ask", params={"q": "x" * 600}).status_code == 422  # long, but within the query limit


def test_too_many_files_is_413(db: Path) -> None:
    client = make_client(db, token=TOKEN, limits=Limits(max_files=2))
    before = table_counts(db)
    files = [("files", (f"doc{i}.txt", b"Kazakhstan signed a treaty.")) for i in range(3)]
    res = client.post("/api/ingest", files=files, headers=AUTH)
    assert res.status_code == 413 and "at most 2" in res.json()["error"]
    assert table_counts(db) == before


def test_invalid_content_length_is_400() -> None:
    res = _run(SizeLimitMiddleware(_echo, Limits(max_body=10)), [(b"content-length", b"-5")], [b""])
    assert res[0]["status"] == 400


def test_middleware_answers_413_itself_when_the_app_reads_past_the_limit() -> None:
    """An app without FastAPI's exception handlers still gets a JSON 413, not a crash."""
    res = _run(SizeLimitMiddleware(_echo, Limits(max_body=10)), [], [b"12345", b"67890", b"abc"])
    assert res[0]["status"] == 413
    assert "too large" in json.loads(res[1]["body"])["error"]
    ok = _run(SizeLimitMiddleware(_echo, Limits(max_body=10)), [], [b"12345", b"67890"])
    assert ok[0]["status"] == 200 and ok[1]["body"] == b"1234567890"


async def _echo(scope: Any, receive: Any, send: Any) -> None:
    body = b""
    while True:
        msg = await receive()
        body += msg.get("body", b"")
        if not msg.get("more_body"):
            break
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": body})


def _run(app: Any, headers: list[tuple[bytes, bytes]], chunks: list[bytes]) -> list[dict[str, Any]]:
    messages = [{"type": "http.request", "body": c, "more_body": i < len(chunks) - 1} for i, c in enumerate(chunks)]
    out: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return messages.pop(0)

    async def send(msg: dict[str, Any]) -> None:
        out.append(msg)

    scope = {"type": "http", "method": "POST", "path": "/", "query_string": b"", "headers": headers}
    asyncio.run(app(scope, receive, send))
    return out
