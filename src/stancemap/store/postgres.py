"""PostgreSQL store for shared deployments: the same SQL and guarantees as SQLite, another dialect.

    stancemap --db postgresql://user:pass@host/dbname ingest ...
"""

from __future__ import annotations

from ..errors import StoreError
from .base import Dialect, Store

POSTGRES = Dialect(name="postgresql", placeholder="%s", id_type="BIGSERIAL PRIMARY KEY", blob_type="BYTEA",
                   real_type="DOUBLE PRECISION")


class PostgresStore(Store):
    def __init__(self, url: str) -> None:
        import psycopg

        self.location = url.split("@")[-1]  # never echo a password
        self.dialect = POSTGRES
        try:
            self.conn = psycopg.connect(url, autocommit=False)
        except psycopg.Error as err:
            raise StoreError(f"{self.location}: cannot connect to PostgreSQL: {str(err).strip().splitlines()[0]}") \
                from err
        self.migrate()
