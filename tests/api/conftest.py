"""Clients over the ingested corpus: read-only (the default) and with a token (write endpoints on)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from stancemap.api.app import create_app
from stancemap.api.limits import Limits
from stancemap.config import Options

TOKEN = "test-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def copy_db(src: Path, dest_dir: Path) -> Path:
    """A writable copy of a SQLite store (with its WAL files, if any)."""
    dest = dest_dir / src.name
    for suffix in ("", "-wal", "-shm"):
        if Path(str(src) + suffix).exists():
            shutil.copy(str(src) + suffix, str(dest) + suffix)
    return dest


def table_counts(db: Path) -> dict[str, int]:
    """Rows per table, read directly with sqlite3 (not through the code under test)."""
    con = sqlite3.connect(db)
    try:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: con.execute(f'SELECT COUNT(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        con.close()


@pytest.fixture
def db(corpus_db: Path, tmp_path: Path) -> Path:
    return copy_db(corpus_db, tmp_path)


def make_client(db: Path, token: str | None = None, limits: Limits | None = None) -> TestClient:
    return TestClient(create_app(Options(db=str(db), progress=False), token=token, limits=limits))


@pytest.fixture
def ro(db: Path) -> TestClient:
    return make_client(db)


@pytest.fixture
def rw(db: Path) -> TestClient:
    return make_client(db, token=TOKEN)
