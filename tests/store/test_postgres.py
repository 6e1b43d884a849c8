"""The PostgreSQL store against a real server: migrations, atomic writes, round trips, a full ingest."""

from __future__ import annotations

from pathlib import Path

import pytest

from stancemap.config import Options
from stancemap.model import Document
from stancemap.runner import ingest_paths
from stancemap.store import open_store
from stancemap.store.export import records
from stancemap.store.schema import MIGRATIONS
from tests.store.test_store import make_doc


def test_migrations_and_round_trip(fresh_postgres: str) -> None:
    with open_store(fresh_postgres) as s:
        assert s.applied_migrations() == [v for v, _, _ in MIGRATIONS]
        s.save_document(make_doc("pg1"))
        back = next(s.documents(["pg1"]))
        assert back.events[0].type == "ACCUSE" and back.events[0].target == "PER"
        assert back.claims[0].value == 200.0
        assert s.migrate() == []


def test_failed_write_leaves_nothing(fresh_postgres: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(fresh_postgres) as s:
        s.save_document(make_doc("keep"))

        def boom(doc: Document) -> None:
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(s, "_insert_records", boom)
        with pytest.raises(RuntimeError):
            s.save_document(make_doc("lost"))
        assert [r["id"] for r in s.rows("documents")] == ["keep"]


def test_ingest_and_export_on_postgres(fresh_postgres: str, tmp_path: Path) -> None:
    f = tmp_path / "talks.txt"
    f.write_text("Norway hosted talks between Colombia and the rebels in Oslo on Monday.\n\n"
                 "The Colombian government said it would send a delegation again next month.\n", encoding="utf-8")
    options = Options(db=fresh_postgres, progress=False)
    with open_store(fresh_postgres) as s:
        rep = ingest_paths([str(f)], s, options)
        assert rep.stored == ["talks"]
        assert ingest_paths([str(f)], s, options).unchanged == ["talks"]
        docs = list(records(s, ("document",)))
        assert docs[0]["doc"] == "talks" and docs[0]["chars"] > 50


def test_bad_url_is_a_clean_error() -> None:
    from stancemap.errors import StoreError

    with pytest.raises(StoreError, match="cannot connect"):
        open_store("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")
