"""The store builds SQL only from fixed text: table names are whitelisted, values are bound."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from stancemap.errors import StoreError
from stancemap.store import open_store

INJECTIONS = ["KAZ' OR '1'='1", "x); DROP TABLE documents;--", "' UNION SELECT * FROM documents --"]


def _documents(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    finally:
        con.close()


def test_values_are_bound_never_spliced(corpus_db: Path) -> None:
    n = _documents(corpus_db)
    with open_store(str(corpus_db)) as store:
        assert store.rows("stances", "actor = ?", ("KAZ",))  # the query works for a real value
        for value in INJECTIONS:
            assert store.rows("stances", "actor = ?", (value,)) == []
            assert store.rows("event_clusters", "source = ? OR target = ?", (value, value)) == []
            assert store.document_hash(value) is None
            assert list(store.documents([value])) == []
    assert _documents(corpus_db) == n


@pytest.mark.parametrize("table", ["documents; DROP TABLE documents", "sqlite_master", "schema_migrations",
                                   "documents--", ""])
def test_table_names_are_whitelisted(corpus_db: Path, table: str) -> None:
    with open_store(str(corpus_db)) as store:
        with pytest.raises(StoreError, match="unknown table"):
            store.rows(table)
        with pytest.raises(StoreError, match="unknown table"):
            store.count(table)
        assert store.count("documents") == 5


@pytest.mark.parametrize("where", ["actor = 'KAZ'", "actor = ?; DROP TABLE documents", "actor = ? --",
                                   'actor = "KAZ"', "actor = ? /* x */"])
def test_a_condition_with_a_value_spliced_in_is_refused(corpus_db: Path, where: str) -> None:
    with open_store(str(corpus_db)) as store, pytest.raises(StoreError, match="placeholders"):
        store.rows("stances", where, ("KAZ",))
