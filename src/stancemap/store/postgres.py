"""PostgreSQL store for shared deployments: the same SQL and guarantees as SQLite, another dialect.

    stancemap --db postgresql://user:pass@host/dbname ingest ...
"""

from __future__ import annotations

from typing import Any

from ..errors import StoreError
from .base import Dialect, Store

POSTGRES = Dialect(name="postgresql", placeholder="%s", id_type="BIGSERIAL PRIMARY KEY", blob_type="BYTEA",
                   real_type="DOUBLE PRECISION")


class PostgresStore(Store):
    def __init__(self, url: str, create: bool = True) -> None:
        import psycopg

        self.location = url.split("@")[-1]  # never echo a password
        self.dialect = POSTGRES
        self.driver_errors = (psycopg.Error,)
        try:
            self.conn = psycopg.connect(url, autocommit=False)
        except psycopg.Error as err:
            raise StoreError(f"{self.location}: cannot connect to PostgreSQL: {str(err).strip().splitlines()[0]}") \
                from err
        if not create and not self.query("SELECT 1 AS x FROM information_schema.tables "
                                         "WHERE table_name = 'schema_migrations'"):
            self.conn.close()
            raise StoreError(f"no database at {self.location} (no stancemap tables there; only `stancemap ingest` "
                             "creates them)")
        self.migrate()

    def stream_cursor(self) -> Any:
        # A server-side cursor: psycopg's default one reads the whole result into memory.
        self._streams = getattr(self, "_streams", 0) + 1
        return self.conn.cursor(name=f"stancemap_stream_{self._streams}")

    def lock_schema(self) -> None:
        # Transaction-scoped advisory lock: concurrent first opens migrate one after the other.
        self.execute("SELECT pg_advisory_xact_lock(7406)")
