"""Persistence: the store interface and its embedded (SQLite) implementation.

``open_store(location)`` picks the implementation from the location: a file path (or
``:memory:``) is SQLite; a ``postgresql://`` URL is PostgreSQL.
"""

from __future__ import annotations

from .base import Store


def open_store(location: str) -> Store:
    if location.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(location)
    from .sqlite import SQLiteStore

    return SQLiteStore(location)


__all__ = ["Store", "open_store"]
