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

from .config import Options, extractor_fingerprint
from .errors import InputError
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
    timings: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    words: int = 0

    @property
    def ingested(self) -> int:
        return len(self.stored) + len(self.updated)


def make_progress(enabled: bool) -> Progress:
    """A rich progress bar (disabled when output is not wanted, e.g. in tests or --quiet)."""
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), TextColumn("{task.fields[current]}"), disable=not enabled)


def ingest_paths(paths: list[str], store: Store, options: Options, pipeline: Pipeline | None = None,
                 on_error: Callable[[InputError], None] | None = None) -> IngestReport:
    """Ingest every input under ``paths`` into ``store``; returns what happened to each."""
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
        if old == doc.content_hash and store.document_extractor(doc.id) == extractor:
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
            if doc.lang not in (None, "en"):
                report.not_english.append(doc.id)
            before = dict(pipeline.timings)
            doc = pipeline(doc)
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
