"""Orchestration: ingest -> dedupe against the store -> extraction pipeline -> store.

This is the only place that wires stages together; the stages themselves only read and write the
document model (and the store, through its interface).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .budget import ExtractionTimeout, time_budget
from .config import Options, extractor_fingerprint
from .errors import InputError, StancemapError
from .ingest import Loaded, load
from .ingest import dedupe as dd
from .model import Document
from .pipeline import Pipeline
from .store import Store


@dataclass
class IngestReport:
    stored: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str, float]] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    not_english: list[str] = field(default_factory=list)
    # Stored with their text but without records: (document id, one-line reason)
    timeouts: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    words: int = 0

    @property
    def ingested(self) -> int:
        return len(self.stored) + len(self.updated)


def make_progress(enabled: bool) -> Progress:
    """A rich progress bar (disabled when output is not wanted, e.g. in tests or --quiet)."""
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), TextColumn("{task.fields[current]}"), disable=not enabled)


# Extraction statuses that a later ingest tries again (the text is unchanged, the run was not).
RETRY = ("timeout", "failed")


def extract(pipeline: Pipeline, doc: Document, options: Options) -> Document:
    """Run extraction on one document under the time budget; a document is never lost to it.

    A document in a language the models cannot read is stored without records (status "language").
    One that runs over budget ("timeout") or breaks an extractor ("failed") is stored with its text and no
    records, so that the run goes on and a later ingest can try it again. Configuration problems
    (:class:`StancemapError`) still stop the run: they would fail every document the same way."""
    if doc.lang not in (None, "en"):
        doc.clear_records()
        doc.extraction, doc.extraction_note = "language", f"written in {doc.lang!r}; the models read English only"
        return doc
    try:
        with time_budget(options.time_budget) as deadline:
            return pipeline(doc, deadline)
    except ExtractionTimeout as err:
        doc.extraction, doc.extraction_note = "timeout", str(err)
    except StancemapError:
        raise
    except Exception as err:  # a bug in an extractor must not stop the run: record it and go on
        first = (str(err).strip().splitlines() or [""])[0][:200]
        doc.extraction, doc.extraction_note = "failed", f"{type(err).__name__}: {first}".rstrip(": ")
    doc.clear_records()
    return doc


def ingest_paths(paths: list[str], store: Store, options: Options, pipeline: Pipeline | None = None,
                 on_error: Callable[[InputError], None] | None = None,
                 on_warning: Callable[[str], None] | None = None) -> IngestReport:
    """Ingest every input under ``paths`` into ``store``; returns what happened to each.

    ``on_error`` hears of each input that could not be read; ``on_warning`` of each document stored
    without records (over its time budget, or an extractor failed on it)."""
    report = IngestReport()
    t0 = time.perf_counter()
    loaded: list[Loaded] = list(load(paths, options))
    report.timings["read+clean"] += time.perf_counter() - t0
    for item in loaded:
        if item.error is not None:
            report.errors.append(item.error)
            if on_error:
                on_error(item.error)
    docs = [item.doc for item in loaded if item.doc is not None]
    todo: list[tuple[Document, bool]] = []
    t0 = time.perf_counter()
    extractor = extractor_fingerprint(options)
    for doc in docs:
        old = store.document_hash(doc.id)
        if old == doc.content_hash and store.document_extractor(doc.id) == extractor \
                and store.document_extraction(doc.id) not in RETRY:
            report.unchanged.append(doc.id)
            continue
        if old == doc.content_hash:  # same text, read by an older extractor: read it again
            todo.append((doc, True))
            continue
        same = store.find_by_hash(doc.content_hash)
        if same and same != doc.id:
            store.save_duplicate(doc.id, same, 1.0, doc.source)
            report.duplicates.append((doc.id, same, 1.0))
            continue
        todo.append((doc, old is not None))
    report.timings["dedupe"] += time.perf_counter() - t0
    if not todo:
        return report
    pipeline = pipeline or Pipeline(options)
    if options.time_budget > 0:
        # Models and learned signatures load on first use: do that before any document's budget starts.
        pipeline(Document(id="warm-up", text="The minister said on Monday that the two states signed a deal."))
    with make_progress(options.progress) as progress:
        task = progress.add_task("ingest", total=len(todo), current="")
        for doc, is_update in todo:
            progress.update(task, current=doc.id)
            t1 = time.perf_counter()
            sig = dd.signature(doc.text)
            bands = dd.bands(sig)
            near = store.near_duplicate(sig, bands, options.near_duplicate_threshold, exclude=doc.id)
            report.timings["dedupe"] += time.perf_counter() - t1
            if near is not None:
                store.save_duplicate(doc.id, near[0], near[1], doc.source)
                report.duplicates.append((doc.id, near[0], near[1]))
                progress.advance(task)
                continue
            before = dict(pipeline.timings)
            doc = extract(pipeline, doc, options)
            if doc.extraction == "language":
                report.not_english.append(doc.id)
            elif doc.extraction in RETRY:
                (report.timeouts if doc.extraction == "timeout" else report.failed).append(
                    (doc.id, doc.extraction_note or doc.extraction))
                if on_warning:
                    on_warning(f"{doc.source or doc.id}: stored without records ({doc.extraction}: "
                               f"{doc.extraction_note})")
            for k, v in pipeline.timings.items():
                report.timings[k] += v - before.get(k, 0.0)
            t2 = time.perf_counter()
            store.save_document(doc, sig, bands, extractor)
            report.timings["store"] += time.perf_counter() - t2
            report.words += doc.words
            (report.updated if is_update else report.stored).append(doc.id)
            doc.parsed = None
            progress.advance(task)
    return report
