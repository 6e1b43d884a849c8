"""Orchestration: ingest -> dedupe against the store -> relevance -> extraction pipeline -> store.

This is the only place that wires stages together; the stages themselves only read and write the
document model (and the store, through its interface). Inputs are streamed: one document is read, judged,
extracted and stored before the next is read, so that memory does not grow with the size of the corpus.
Extraction itself runs here, or on Ray workers (:mod:`stancemap.distributed`) through the same loop.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from .budget import ExtractionTimeout, time_budget
from .config import Options, extractor_fingerprint
from .errors import InputError, StancemapError
from .ingest import dedupe as dd
from .ingest import load
from .ingest.sources import count_inputs
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
    # Judged by the pre-filter to hold nothing to extract: stored with their text, status "irrelevant"
    irrelevant: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    words: int = 0  # words of the documents stored by this run
    extracted_words: int = 0  # of those, words the full pipeline read
    seconds: float = 0.0

    @property
    def ingested(self) -> int:
        return len(self.stored) + len(self.updated)

    def rate(self) -> str:
        """One line a user can plan with: documents and words per second over the whole run."""
        secs = max(self.seconds, 1e-9)
        return (f"{self.ingested} documents ({self.words:,} words) in {self.seconds:.1f} s: "
                f"{self.ingested / secs:.1f} documents/s, {self.words / secs:,.0f} words/s"
                + (f"; {len(self.irrelevant)} judged irrelevant by the pre-filter (not parsed)"
                   if self.irrelevant else ""))


def make_progress(enabled: bool) -> Progress:
    """A rich progress bar (disabled when output is not wanted, e.g. in tests or --quiet): documents done of
    the inputs counted, documents/s and words/s so far, elapsed time and ETA."""
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                    TextColumn("{task.fields[current]}"), disable=not enabled)


# Extraction statuses that a later ingest tries again (the text is unchanged, the run was not).
RETRY = ("timeout", "failed")
# A document the pre-filter set aside; read again when a run does not use the pre-filter (or by `reextract`).
IRRELEVANT = "irrelevant"


def extract(pipeline: Pipeline, doc: Document, options: Options, parsed: bool = False) -> Document:
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
            return pipeline(doc, deadline, parsed=parsed)
    except ExtractionTimeout as err:
        doc.extraction, doc.extraction_note = "timeout", str(err)
    except StancemapError:
        raise
    except Exception as err:  # a bug in an extractor must not stop the run: record it and go on
        first = (str(err).strip().splitlines() or [""])[0][:200]
        doc.extraction, doc.extraction_note = "failed", f"{type(err).__name__}: {first}".rstrip(": ")
    doc.clear_records()
    return doc


def extract_batch(pipeline: Pipeline, docs: list[Document], options: Options) -> list[Document]:
    """:func:`extract` over several documents, parsing the English ones together first.

    The batch's parse runs under the sum of its documents' budgets; if it runs over, or the parser fails
    on the batch, each document is read on its own as before (so one pathological text costs its own
    budget, not its neighbours' records)."""
    english = [d for d in docs if d.lang in (None, "en")]
    together = False
    if len(english) > 1 and pipeline.batch_parses:
        try:
            with time_budget(options.time_budget * len(english)):
                pipeline.parse_batch(english)
            together = True
        except StancemapError:
            raise
        except Exception:  # the timeout included: each document gets its own try, under its own budget
            for d in english:
                d.clear_records()
    return [extract(pipeline, d, options, parsed=together and d.lang in (None, "en")) for d in docs]


@dataclass
class Job:
    """One document on its way to the store: its dedupe signature and whether it replaces a stored one."""

    doc: Document
    sig: np.ndarray
    bands: list[str]
    is_update: bool


class Extractor(Protocol):
    """Runs extraction over a stream of jobs and yields them back with their documents extracted, in any
    order; it may read ahead (a bounded number of jobs) to keep several workers busy."""

    def run(self, jobs: Iterable[Job]) -> Iterator[Job]: ...

    @property
    def timings(self) -> dict[str, float]: ...


class LocalExtractor:
    """Extraction in this process, one document after the other, under each document's time budget."""

    # Documents parsed together; spaCy's own default batch. A batch is read ahead of the store, so it is small.
    batch = 8

    def __init__(self, options: Options, pipeline: Pipeline | None = None, batch: int | None = None) -> None:
        self.options = options
        self._pipeline = pipeline
        if batch is not None:
            self.batch = max(1, batch)
        self._warm = False

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = Pipeline(self.options)
        if not self._warm and self.options.time_budget > 0:
            # Models and learned signatures load on first use: do that before any document's budget starts.
            self._pipeline(Document(id="warm-up", text="The minister said on Monday that the two states signed a deal."))
            self._pipeline.timings.clear()
        self._warm = True
        return self._pipeline

    @property
    def timings(self) -> dict[str, float]:
        return self._pipeline.timings if self._pipeline is not None else {}

    def run(self, jobs: Iterable[Job]) -> Iterator[Job]:
        """Extract ``batch`` jobs at a time (their parse together), yielding each as it is done."""
        source = iter(jobs)
        while batch := [job for _, job in zip(range(self.batch), source, strict=False)]:
            docs = extract_batch(self.pipeline, [job.doc for job in batch], self.options)
            for job, doc in zip(batch, docs, strict=True):
                job.doc = doc
                job.doc.parsed = None
                yield job


class _Pending:
    """Documents handed to an extractor and not yet stored: a later document must be checked against them
    as against the store, or two copies read ahead together would both be stored."""

    def __init__(self) -> None:
        self.by_hash: dict[str, str] = {}
        self.sigs: dict[str, np.ndarray] = {}
        # Copies of a pending document, linked once it is stored (a link must point at a stored document).
        self.copies: dict[str, list[tuple[str, float, str | None]]] = {}

    def add(self, job: Job) -> None:
        self.by_hash[job.doc.content_hash] = job.doc.id
        self.sigs[job.doc.id] = job.sig

    def stored(self, job: Job, store: Store) -> None:
        """``job``'s document is in the store now: link the copies of it found meanwhile."""
        self.by_hash.pop(job.doc.content_hash, None)
        self.sigs.pop(job.doc.id, None)
        for doc_id, sim, source in self.copies.pop(job.doc.id, []):
            store.save_duplicate(doc_id, job.doc.id, sim, source)

    def link(self, store: Store, doc: Document, original: str, sim: float) -> None:
        if original in self.sigs:
            self.copies.setdefault(original, []).append((doc.id, sim, doc.source))
        else:
            store.save_duplicate(doc.id, original, sim, doc.source)

    def near(self, sig: np.ndarray, threshold: float, exclude: str) -> tuple[str, float] | None:
        best: tuple[str, float] | None = None
        for doc_id, other in self.sigs.items():
            sim = dd.similarity(sig, other)
            if doc_id != exclude and sim >= threshold and (best is None or sim > best[1]):
                best = (doc_id, sim)
        return best


def ingest_paths(paths: list[str], store: Store, options: Options, pipeline: Pipeline | None = None,
                 on_error: Callable[[InputError], None] | None = None,
                 on_warning: Callable[[str], None] | None = None,
                 extractor: Extractor | None = None) -> IngestReport:
    """Ingest every input under ``paths`` into ``store``; returns what happened to each.

    Inputs are read one at a time (streamed). ``on_error`` hears of each input that could not be read;
    ``on_warning`` of each document stored without records (over its time budget, or an extractor failed
    on it). ``extractor`` runs extraction elsewhere (Ray workers); by default it runs here."""
    report = IngestReport()
    started = time.perf_counter()
    ex: Extractor = extractor or LocalExtractor(options, pipeline)
    with make_progress(options.progress) as progress:
        total = count_inputs(paths) if options.progress else None
        task = progress.add_task("ingest", total=total, current="", rate="")
        tracker = _Tracker(progress, task, report, started)
        pending = _Pending()
        for job in ex.run(_jobs(paths, store, options, report, on_error, tracker, pending)):
            _store_extracted(job, store, options, report, on_warning)
            pending.stored(job, store)
            tracker.done(job.doc.id)
    for k, v in ex.timings.items():
        report.timings[k] += v
    report.seconds = time.perf_counter() - started
    return report


class _Tracker:
    """Advances the progress bar and keeps its rates (documents/s, words/s) current."""

    def __init__(self, progress: Progress, task: Any, report: IngestReport, started: float) -> None:
        self.progress, self.task, self.report, self.started = progress, task, report, started
        self.count = 0

    def done(self, current: str) -> None:
        self.count += 1
        secs = max(time.perf_counter() - self.started, 1e-9)
        total = self.progress.tasks[0].total if self.progress.tasks else None
        if total is not None and self.count > total:  # a feed or WARC file held many documents
            self.progress.update(self.task, total=self.count)
        self.progress.update(self.task, advance=1, current=current,
                             rate=f"{self.count / secs:.1f} doc/s {self.report.words / secs:,.0f} words/s")


def _jobs(paths: list[str], store: Store, options: Options, report: IngestReport,
          on_error: Callable[[InputError], None] | None, tracker: _Tracker, pending: _Pending) -> Iterator[Job]:
    """Read, dedupe and judge each input; yield the documents that need extraction. Documents that do not
    (unchanged, duplicates, irrelevant) are dealt with here, so an extractor only sees work."""
    fingerprint = extractor_fingerprint(options)
    relevance = None
    if options.prefilter:
        from .prefilter import relevance_filter

        relevance = relevance_filter(tuple(options.actors_files), options.issues_file)
    t0 = time.perf_counter()
    for item in load(paths, options):
        report.timings["read+clean"] += time.perf_counter() - t0
        if item.error is not None:
            report.errors.append(item.error)
            if on_error:
                on_error(item.error)
            t0 = time.perf_counter()
            continue
        doc = item.doc
        assert doc is not None
        job = _plan(doc, store, options, report, fingerprint, pending)
        if job is None:
            tracker.done(doc.id)
        elif relevance is not None and doc.lang in (None, "en") and not (verdict := _judge(relevance, doc,
                                                                                               report)).relevant:
            doc.extraction, doc.extraction_note = IRRELEVANT, verdict.note()
            t1 = time.perf_counter()
            store.save_document(doc, job.sig, job.bands, fingerprint)
            report.timings["store"] += time.perf_counter() - t1
            report.irrelevant.append(doc.id)
            report.words += doc.words
            (report.updated if job.is_update else report.stored).append(doc.id)
            tracker.done(doc.id)
        else:
            pending.add(job)
            yield job
        t0 = time.perf_counter()


def _judge(relevance: Any, doc: Document, report: IngestReport) -> Any:
    t = time.perf_counter()
    verdict = relevance.scan(doc.text)
    report.timings["prefilter"] += time.perf_counter() - t
    return verdict


def _plan(doc: Document, store: Store, options: Options, report: IngestReport, fingerprint: str,
          pending: _Pending) -> Job | None:
    """What to do with one read document: nothing (unchanged, a duplicate) or a job to extract and store."""
    t0 = time.perf_counter()
    try:
        old = store.document_hash(doc.id)
        if old == doc.content_hash and store.document_extractor(doc.id) == fingerprint:
            status = store.document_extraction(doc.id)
            if status not in RETRY and not (status == IRRELEVANT and not options.prefilter):
                report.unchanged.append(doc.id)
                return None
        if old != doc.content_hash:
            same = store.find_by_hash(doc.content_hash) or pending.by_hash.get(doc.content_hash)
            if same and same != doc.id:
                pending.link(store, doc, same, 1.0)
                report.duplicates.append((doc.id, same, 1.0))
                return None
        sig = dd.signature(doc.text)
        bands = dd.bands(sig)
        near = store.near_duplicate(sig, bands, options.near_duplicate_threshold, exclude=doc.id)
        ahead = pending.near(sig, options.near_duplicate_threshold, doc.id)
        if ahead is not None and (near is None or ahead[1] > near[1]):
            near = ahead
        if near is not None:
            pending.link(store, doc, near[0], near[1])
            report.duplicates.append((doc.id, near[0], near[1]))
            return None
        return Job(doc, sig, bands, old is not None)
    finally:
        report.timings["dedupe"] += time.perf_counter() - t0


def _store_extracted(job: Job, store: Store, options: Options, report: IngestReport,
                     on_warning: Callable[[str], None] | None) -> None:
    doc = job.doc
    if doc.extraction == "language":
        report.not_english.append(doc.id)
    elif doc.extraction in RETRY:
        (report.timeouts if doc.extraction == "timeout" else report.failed).append(
            (doc.id, doc.extraction_note or doc.extraction))
        if on_warning:
            on_warning(f"{doc.source or doc.id}: stored without records ({doc.extraction}: {doc.extraction_note})")
    t2 = time.perf_counter()
    store.save_document(doc, job.sig, job.bands, extractor_fingerprint(options))
    report.timings["store"] += time.perf_counter() - t2
    report.words += doc.words
    if doc.extraction != "language":
        report.extracted_words += doc.words
    (report.updated if job.is_update else report.stored).append(doc.id)


def reextract(store: Store, options: Options, statuses: tuple[str, ...] = (IRRELEVANT,),
              extractor: Extractor | None = None, on_warning: Callable[[str], None] | None = None) -> IngestReport:
    """Run the full pipeline over stored documents whose extraction status is one of ``statuses`` (by default
    those the pre-filter set aside), without the pre-filter: their text is in the store, no input is read."""
    report = IngestReport()
    started = time.perf_counter()
    ex: Extractor = extractor or LocalExtractor(options)
    ids = [r["id"] for r in store.query("SELECT id FROM documents WHERE extraction IN ("
                                        + ", ".join("?" * len(statuses)) + ") ORDER BY id", statuses)] \
        if statuses else []

    def jobs() -> Iterator[Job]:
        for doc_id in ids:  # one at a time: the store holds the texts, memory need not
            for doc in store.documents([doc_id], records=False):
                doc.extraction, doc.extraction_note = "ok", None
                sig = dd.signature(doc.text)
                yield Job(doc, sig, dd.bands(sig), True)

    with make_progress(options.progress) as progress:
        task = progress.add_task("re-extract", total=len(ids), current="", rate="")
        tracker = _Tracker(progress, task, report, started)
        for job in ex.run(jobs()):
            _store_extracted(job, store, options, report, on_warning)
            tracker.done(job.doc.id)
    for k, v in ex.timings.items():
        report.timings[k] += v
    report.seconds = time.perf_counter() - started
    return report
