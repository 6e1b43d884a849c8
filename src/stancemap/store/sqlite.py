"""The embedded default store: one SQLite file (WAL journal, foreign keys on)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from ..errors import StoreError
from .base import Dialect, Store

SQLITE = Dialect(name="sqlite", placeholder="?", id_type="INTEGER PRIMARY KEY AUTOINCREMENT",
                 blob_type="BLOB", real_type="REAL")


def _connect(path: str, patience: float = 30.0) -> sqlite3.Connection:
    """Open the file, in WAL mode, waiting for another process that is creating or switching it.

    Switching a new file to WAL needs an exclusive lock, and SQLite answers "database is locked"
    at once (without its busy handler) while another process holds it or is recovering the WAL;
    two ingests started together meet exactly that, so the open is retried until ``patience`` runs out.
    """
    deadline = time.monotonic() + patience
    delay = 0.05
    while True:
        conn: sqlite3.Connection | None = None
        try:
            # Autocommit mode: transactions are opened explicitly with BEGIN IMMEDIATE.
            conn = sqlite3.connect(path, isolation_level=None, timeout=patience)
            conn.execute("PRAGMA foreign_keys = ON")
            if path != ":memory:":
                mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
                if str(mode).lower() != "wal":
                    conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            return conn
        except sqlite3.OperationalError as err:
            if conn is not None:
                conn.close()
            transient = "locked" in str(err) or "busy" in str(err)
            if not transient or time.monotonic() + delay > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 1.0)


class SQLiteStore(Store):
    def __init__(self, path: str | Path) -> None:
        self.location = str(path)
        self.dialect = SQLITE
        p = Path(path)
        try:
            if str(path) != ":memory:":
                p.parent.mkdir(parents=True, exist_ok=True)
            self.conn = _connect(str(path))
        except (sqlite3.Error, OSError) as err:
            raise StoreError(f"{path}: cannot open database: {err}") from err
        try:
            self.migrate()
        except StoreError as err:
            cause = err.__cause__
            if isinstance(cause, sqlite3.DatabaseError) and "not a database" in str(cause):
                raise StoreError(f"{path}: not a stancemap database ({cause})") from err
            raise

    driver_errors = (sqlite3.Error,)

    def begin(self) -> None:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as err:
            raise self._fail(err) from err
