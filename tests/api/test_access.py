"""Read-only by default; the write endpoints need the token given at start."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from stancemap.api.app import create_app
from stancemap.config import Options
from stancemap.errors import StancemapError
from tests.api.conftest import AUTH, TOKEN, make_client, table_counts

WRITES = ["/api/ingest", "/api/reconcile"]


@pytest.mark.parametrize("path", WRITES)
def test_without_a_token_the_server_is_read_only(ro: TestClient, db: Path, path: str) -> None:
    before = table_counts(db)
    for headers in ({}, AUTH):  # a token is no use on a server started without one
        res = ro.post(path, json={"text": "Kazakhstan signed a treaty."}, headers=headers)
        assert res.status_code == 403
        assert "read-only" in res.json()["error"] and "--token" in res.json()["error"]
    assert table_counts(db) == before
    # reads still work, and the write paths are not advertised
    assert ro.get("/api/documents").status_code == 200
    assert not set(WRITES) & set(ro.get("/openapi.json").json()["paths"])


@pytest.mark.parametrize("path", WRITES)
def test_missing_or_wrong_token_is_401(rw: TestClient, db: Path, path: str) -> None:
    before = table_counts(db)
    missing = rw.post(path, json={"text": "x"})
    assert missing.status_code == 401 and missing.headers["www-authenticate"].startswith("Bearer")
    assert "Authorization: Bearer" in missing.json()["error"]
    for header in (f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}", "Bearer ", f"Basic {TOKEN}", TOKEN,
                   f"Bearer {TOKEN.upper()}"):
        res = rw.post(path, json={"text": "x"}, headers={"Authorization": header})
        assert res.status_code == 401, header
        assert res.json() == {"error": "wrong token"}
    assert table_counts(db) == before
    assert rw.get("/openapi.json").json()["paths"].keys() >= set(WRITES)


def test_the_token_is_compared_in_constant_time(rw: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    import hmac

    from stancemap.api import write

    seen: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        seen.append((a, b))
        return real(a, b)

    monkeypatch.setattr(write.hmac, "compare_digest", spy)
    res = rw.post("/api/ingest", content=b"x", headers={**AUTH, "Content-Type": "text/plain"})
    assert res.status_code == 415  # past the token check: the body type is refused next
    assert seen == [(TOKEN.encode(), TOKEN.encode())]


def test_a_guessable_token_is_refused_at_start(db: Path) -> None:
    for bad in ("short", "", "sixteen chars ok?", "tøken-0123456789abcdef"):
        with pytest.raises(StancemapError, match="token"):
            create_app(Options(db=str(db), progress=False), token=bad)


def test_one_write_at_a_time(rw: TestClient) -> None:
    writer = rw.app.state.writer  # type: ignore[attr-defined]
    assert writer.lock.acquire(blocking=False)
    try:
        res = rw.post("/api/reconcile", headers=AUTH)
        assert res.status_code == 409 and "try again" in res.json()["error"]
    finally:
        writer.lock.release()


def test_serve_defaults_to_loopback_read_only_and_takes_token_and_limit(db: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from stancemap.cli import app

    started: list[dict] = []  # type: ignore[type-arg]
    monkeypatch.setattr(uvicorn, "run", lambda app_, **kw: started.append({"app": app_, **kw}))
    monkeypatch.delenv("STANCEMAP_API_TOKEN", raising=False)
    runner = CliRunner()
    res = runner.invoke(app, ["--db", str(db), "serve"])
    assert res.exit_code == 0, res.output
    assert started[-1]["host"] == "127.0.0.1" and "note:" not in res.output
    assert TestClient(started[-1]["app"]).post("/api/ingest").status_code == 403

    res = runner.invoke(app, ["--db", str(db), "serve", "--host", "0.0.0.0", "--max-upload-mb", "0.01"])
    assert res.exit_code == 0, res.output
    assert "note: listening on 0.0.0.0" in res.output and "read-only" in res.output
    big = TestClient(started[-1]["app"]).post("/api/ingest", content=b"x" * 20000)
    assert big.status_code == 413

    res = runner.invoke(app, ["--db", str(db), "serve"], env={"STANCEMAP_API_TOKEN": TOKEN})
    assert res.exit_code == 0, res.output
    client = TestClient(started[-1]["app"])
    assert client.post("/api/reconcile").status_code == 401
    assert client.post("/api/ingest", content=b"x", headers={**AUTH, "Content-Type": "text/plain"}).status_code == 415


def test_serve_with_a_short_token_is_one_error_line(db: Path) -> None:
    res = subprocess.run([sys.executable, "-m", "stancemap", "--db", str(db), "serve", "--token", "abc"],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 1
    assert res.stderr.startswith("error: the API token must have at least 16 characters")
    assert len(res.stderr.strip().splitlines()) == 1


def test_writes_exist_only_with_a_token(db: Path) -> None:
    assert make_client(db).app.state.read_only  # type: ignore[attr-defined]
    assert not make_client(db, token=TOKEN).app.state.read_only  # type: ignore[attr-defined]
