"""The embedded default store: one SQLite file (WAL journal, foreign keys on)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import StoreError
from .base import Dialect, Store

SQLITE = Dialect(name="sqlite", placeholder="?", id_type="INTEGER PRIMARY KEY AUTOINCREMENT",
                 blob_type="BLOB", real_type="REAL")


class SQLiteStore(Store):
    def __init__(self, path: str | Path) -> None:
        self.location = str(path)
        self.dialect = SQLITE
        p = Path(path)
        try:
            if str(path) != ":memory:":
                p.parent.mkdir(parents=True, exist_ok=True)
            # Autocommit mode: transactions are opened explicitly with BEGIN IMMEDIATE.
            self.conn = sqlite3.connect(str(path), isolation_level=None, timeout=30)
            self.conn.execute("PRAGMA foreign_keys = ON")
            if str(path) != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
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
