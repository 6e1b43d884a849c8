"""Shared fixtures: paths to the bundled corpus and the gold, and an ingested corpus store."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus" / "kazakhstan-2022"
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold" / "kazakhstan-2022"
QUESTION = "What is Kazakhstan's position on the Russian invasion of Ukraine?"


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    if not (GOLD / "events.jsonl").exists():
        pytest.skip(f"gold standard not found at {GOLD} (it lives in ../shared, outside the repository)")
    return GOLD


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled corpus ingested once per test session (read-only for tests)."""
    from stancemap.config import Options
    from stancemap.reconcile.run import reconcile_store
    from stancemap.runner import ingest_paths
    from stancemap.store import open_store

    db = tmp_path_factory.mktemp("corpus") / "corpus.db"
    options = Options(db=str(db), progress=False)
    with open_store(str(db)) as store:
        report = ingest_paths([str(CORPUS)], store, options)
        assert report.ingested == 5, report.errors
        reconcile_store(store, options)
    return db


@pytest.fixture
def options(tmp_path: Path):  # type: ignore[no-untyped-def]
    from stancemap.config import Options

    return Options(db=str(tmp_path / "test.db"), progress=False)
