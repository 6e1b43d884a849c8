"""Ingest and export are streamed: memory must not grow with the corpus, so a document is stored before the
inputs after it are read, and an export reads the store a chunk at a time. Texts are written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from stancemap import runner
from stancemap.config import Options
from stancemap.store import open_store
from stancemap.store.export import records


def test_documents_are_stored_before_the_rest_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(30):
        (folder / f"d{i:02d}.txt").write_text(f"Report {i}: the minister of Ruritania met envoys on day {i}. "
                                              f"The talks covered {i} ports and {i + 3} roads.", encoding="utf-8")
    read: list[str] = []
    real_load = runner.load

    def counting_load(paths: list[str], options: Options):  # type: ignore[no-untyped-def]
        for item in real_load(paths, options):
            read.append(item.doc.id if item.doc else "?")
            yield item

    monkeypatch.setattr(runner, "load", counting_load)
    options = Options(db=str(tmp_path / "t.db"), progress=False, pipeline=["parse"])
    read_when_first_stored: list[int] = []
    with open_store(options.db) as store:
        save = store.save_document

        def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
            read_when_first_stored.append(len(read))
            return save(*args, **kwargs)

        monkeypatch.setattr(store, "save_document", spy)
        rep = runner.ingest_paths([str(folder)], store, options)
    assert len(rep.stored) == 30 and len(read) == 30
    # the first document is stored once one parse batch has been read, long before the end of the input
    assert read_when_first_stored[0] <= runner.LocalExtractor.batch + 1
    assert rep.words > 0 and "30 documents" in rep.rate()


def test_export_reads_the_store_in_chunks(tmp_path: Path) -> None:
    from tests.store.test_store import make_doc

    with open_store(str(tmp_path / "t.db")) as store:
        for i in range(5):
            store.save_document(make_doc(f"doc{i}"))
        chunked = list(store.iter_rows("events", chunk=2))
        assert chunked == store.rows("events") and len(chunked) == 5 * len(make_doc("x").events)
        stream = records(store, ("document", "event"))
        first = next(stream)  # a generator: nothing is read before it is asked for
        assert first["kind"] == "document" and sum(1 for _ in stream) == 4 + len(chunked)
