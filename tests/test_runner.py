"""The runner keeps going whatever one document does: over its time budget, a broken extractor, a language
the models cannot read. Such a document is stored with its text and a status, never half-written."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from stancemap.config import Options
from stancemap.model import Document
from stancemap.pipeline import register
from stancemap.runner import ingest_paths
from stancemap.store import open_store
from stancemap.store.export import records

TEXTS = {
    "calm": "Mongolia's foreign minister met his Japanese counterpart in Tokyo on Monday. The two signed a "
            "trade agreement.",
    "slow": "SLEEP The parliament of Moldova debated the budget on Tuesday. Deputies rejected the proposal.",
    "spin": "SPIN Georgia's prime minister said the talks with Brussels would continue next month.",
    "boom": "BOOM Armenia's government announced new customs rules for goods crossing the border.",
}
DUTCH = ("De Nederlandse regering heeft vandaag nieuwe sancties aangekondigd tegen Rusland vanwege de oorlog "
         "in Oekraïne. De minister van Buitenlandse Zaken zei dat de maatregelen direct ingaan.")


class Misbehave:
    """A pipeline stage written for the tests: sleeps, spins forever or raises on a marker word."""

    name = "misbehave"
    reads: tuple[str, ...] = ("text",)
    writes: tuple[str, ...] = ()

    def __init__(self, options: Options) -> None:
        self.pause = 2.0

    def __call__(self, doc: Document) -> Document:
        if doc.text.startswith("SLEEP"):
            time.sleep(self.pause)
        if doc.text.startswith("SPIN"):
            n = 0
            while n >= 0:  # never ends on its own: only the budget's alarm stops it
                n += 1
        if doc.text.startswith("BOOM"):
            raise RuntimeError("extractor broke\non two lines")
        return doc


register("misbehave")(Misbehave)


def corpus(tmp_path: Path, names: list[str]) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in names:
        (folder / f"{n}.txt").write_text(TEXTS.get(n, DUTCH), encoding="utf-8")
    return folder


def opts(tmp_path: Path, budget: float) -> Options:
    return Options(db=str(tmp_path / "t.db"), progress=False, pipeline=["parse", "misbehave"], time_budget=budget)


def test_slow_and_looping_documents_time_out_and_the_run_goes_on(tmp_path: Path) -> None:
    options = opts(tmp_path, 1.0)
    warnings: list[str] = []
    with open_store(options.db) as store:
        rep = ingest_paths([str(corpus(tmp_path, ["calm", "slow", "spin"]))], store, options,
                           on_warning=warnings.append)
        assert sorted(d for d, _ in rep.timeouts) == ["slow", "spin"]
        assert sorted(rep.stored) == ["calm", "slow", "spin"]
        assert len(warnings) == 2 and all("timeout" in w and "\n" not in w for w in warnings)
        docs = {r["doc"]: r for r in records(store, ("document",))}
        assert docs["slow"]["extraction"] == "timeout" and docs["calm"]["extraction"] == "ok"
        assert store.count("sentences") == len(list(store.documents(["calm"])).pop().sentences) > 0
        assert next(store.documents(["spin"])).text == TEXTS["spin"]  # the text is kept whole
        # a later ingest tries them again (same text, same extractor), and leaves the others alone
        again = ingest_paths([str(tmp_path / "in")], store, options)
        assert sorted(again.updated) == ["slow", "spin"] and again.unchanged == ["calm"]


def test_a_broken_extractor_fails_one_document_only(tmp_path: Path) -> None:
    options = opts(tmp_path, 30.0)
    with open_store(options.db) as store:
        rep = ingest_paths([str(corpus(tmp_path, ["calm", "boom"]))], store, options)
        assert rep.failed == [("boom", "RuntimeError: extractor broke")]
        assert sorted(rep.stored) == ["boom", "calm"]
        row = store.rows("documents", "id = ?", ("boom",))[0]
        assert row["extraction"] == "failed" and store.rows("sentences", "doc = ?", ("boom",)) == []


def test_without_a_budget_the_slow_document_is_read(tmp_path: Path) -> None:
    options = opts(tmp_path, 0)
    with open_store(options.db) as store:
        rep = ingest_paths([str(corpus(tmp_path, ["slow"]))], store, options)
        assert rep.timeouts == [] and rep.stored == ["slow"]
        assert store.rows("documents")[0]["extraction"] == "ok"


def test_outside_the_main_thread_the_budget_stops_at_the_next_stage(tmp_path: Path) -> None:
    # No signals in a worker thread (a web server's): the pipeline checks the deadline between stages.
    options = Options(db=str(tmp_path / "t.db"), progress=False, pipeline=["parse", "misbehave", "misbehave"],
                      time_budget=1.0)
    result: dict[str, object] = {}

    def work() -> None:
        with open_store(options.db) as store:
            result["report"] = ingest_paths([str(corpus(tmp_path, ["slow", "calm"]))], store, options)

    t = threading.Thread(target=work)
    t.start()
    t.join(120)
    rep = result["report"]
    assert [d for d, _ in rep.timeouts] == ["slow"]  # type: ignore[attr-defined]


@pytest.mark.slow
def test_a_document_in_another_language_is_stored_without_records(tmp_path: Path) -> None:
    options = Options(db=str(tmp_path / "t.db"), progress=False)
    with open_store(options.db) as store:
        rep = ingest_paths([str(corpus(tmp_path, ["dutch", "calm"]))], store, options)
        assert rep.not_english == ["dutch"]
        doc = next(store.documents(["dutch"]))
        assert doc.extraction == "language" and not doc.events and not doc.claims and not doc.mentions
        assert next(store.documents(["calm"])).mentions  # the English one is read as before
