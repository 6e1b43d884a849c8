"""Persistence: the store interface and its embedded (SQLite) implementation.

``open_store(location)`` picks the implementation from the location: a file path (or
``:memory:``) is SQLite; a ``postgresql://`` URL is PostgreSQL.
"""

from __future__ import annotations

from .base import Store


def open_store(location: str, create: bool = True) -> Store:
    """Open (and migrate) the store at ``location``. With ``create=False`` a missing database is an
    error naming the location, instead of a new empty one."""
    if location.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(location, create=create)
    from pathlib import Path

    from ..errors import StoreError
    from .sqlite import SQLiteStore

    if not create and location != ":memory:" and not Path(location).is_file():
        raise StoreError(f"no database at {location} (only `stancemap ingest` creates one; check --db)")
    return SQLiteStore(location)


__all__ = ["Store", "open_store"]
