"""The store tests' PostgreSQL server, for the official record's round trip."""

from tests.store.conftest import fresh_postgres, postgres_url  # noqa: F401
