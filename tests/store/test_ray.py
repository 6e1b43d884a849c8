"""Extraction on Ray workers (a local two-CPU Ray instance) writing through one PostgreSQL store: the same
records as a run in one process, and the same idempotency. Texts are written for the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stancemap.config import Options
from stancemap.runner import ingest_paths
from stancemap.store import open_store
from stancemap.store.export import records

ray = pytest.importorskip("ray")

TEXTS = {
    "a": "Kyrgyzstan's foreign minister met his Turkish counterpart in Ankara on Monday. The two ministers signed "
         "an agreement on road transport, and Turkey promised a loan of $50 million.",
    "b": "Armenia's prime minister criticised the Russia-led security bloc on Tuesday, saying it had failed to "
         "defend Armenia. He said Yerevan would freeze its participation in the alliance.",
    "c": "The parliament of Latvia condemned Russia's invasion of Ukraine and called for tougher sanctions. "
         "Lithuania's president said the war was an act of aggression.",
    "d": "Georgia's government said on Friday that it would not join the sanctions on Russia, citing the risk to "
         "its economy. Opposition parties protested outside parliament in Tbilisi.",
    "e": "Kyrgyzstan's foreign minister met his Turkish counterpart in Ankara on Monday. The two ministers signed "
         "an agreement on road transport, and Turkey promised a loan of $50 million.",  # a copy of "a"
}


def _comparable(store_url: str) -> list[str]:
    """Every exported record (the export leaves out row ids and times, which differ between runs)."""
    with open_store(store_url) as store:
        return sorted(json.dumps(rec, sort_keys=True)
                      for rec in records(store, ("document", "event", "stance", "claim", "mention")))


@pytest.mark.slow
def test_ray_workers_write_the_same_records_as_one_process(tmp_path: Path, fresh_postgres: str) -> None:
    from stancemap.distributed import RayExtractor

    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    options = Options(progress=False)
    single = str(tmp_path / "single.db")
    with open_store(single) as store:
        one = ingest_paths([str(folder)], store, options)
    assert sorted(one.stored) == ["a", "b", "c", "d"] and [d for d, _, _ in one.duplicates] == ["e"]

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        with RayExtractor(options, workers=2, batch=1) as workers, open_store(fresh_postgres) as store:
            rep = ingest_paths([str(folder)], store, options, extractor=workers)
            assert sorted(rep.stored) == sorted(one.stored) and rep.duplicates == one.duplicates
            assert set(rep.timings) >= {"parse", "stances"}  # the workers' stage timings come back
            again = ingest_paths([str(folder)], store, options, extractor=workers)  # idempotent
            assert sorted(again.unchanged) == ["a", "b", "c", "d"] and not again.ingested
    finally:
        ray.shutdown()
    assert _comparable(fresh_postgres) == _comparable(single)
    with open_store(fresh_postgres) as store:
        assert store.count("events") > 0 and store.count("stances") > 0
