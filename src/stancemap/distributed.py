"""Extraction on Ray workers: `stancemap ingest --ray [ADDRESS]`.

The driver (this process) does everything that touches the store — reading inputs, dedupe, the pre-filter,
writing — exactly as a single-process run does (:func:`stancemap.runner.ingest_paths`); only extraction, the
expensive part, goes to the workers. So a run writes through one store (SQLite or PostgreSQL) with the same
records and the same idempotency as a run on one core: the store never sees a worker.

Each worker is a Ray actor that builds the pipeline once (spaCy and the embedding model load from the
installed packages; nothing is fetched: ``HF_HUB_OFFLINE`` is set in the workers' environment) and extracts
batches of documents under each document's time budget. The driver keeps a bounded number of batches in
flight, so memory stays flat however long the input.

``ADDRESS``: ``local`` (or nothing) starts a Ray instance on this machine with ``--workers`` CPUs; ``auto``
joins the cluster this machine belongs to (``ray start --head`` / ``ray start --address=HEAD:6379``); a
``ray://HOST:10001`` URL connects a Ray client to a remote head. Ray is an optional dependency:
``pip install 'stancemap[ray]'``.
"""

from __future__ import annotations

import os
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from typing import Any

from .config import Options
from .errors import StancemapError
from .model import Document
from .runner import Job, LocalExtractor

# What a worker needs in its environment: never reach a model hub, no tokenizer threads fighting Ray's.
WORKER_ENV = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false",
              "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


class _Worker:
    """One extraction process (a Ray actor): the pipeline, built once, run on batches of documents."""

    def __init__(self, options: Options) -> None:
        os.environ.update(WORKER_ENV)
        self.extractor = LocalExtractor(options)
        self.extractor.pipeline  # noqa: B018 - load the models now, not inside the first document's budget

    def ready(self) -> bool:
        return True

    def extract(self, docs: list[Document]) -> tuple[list[Document], dict[str, float]]:
        before = dict(self.extractor.timings)
        out = []
        for job in self.extractor.run(Job(d, None, [], False) for d in docs):  # type: ignore[arg-type]
            job.doc.parsed, job.doc.times, job.doc.structured = None, [], {}  # transient, not sent back
            out.append(job.doc)
        spent = {k: v - before.get(k, 0.0) for k, v in self.extractor.timings.items()}
        return out, spent


def _ray() -> Any:
    try:
        import ray
    except ImportError as err:
        raise StancemapError("--ray needs Ray installed: pip install 'stancemap[ray]'") from err
    return ray


class RayExtractor:
    """Extraction on ``workers`` Ray actors; a :class:`stancemap.runner.Extractor`."""

    def __init__(self, options: Options, address: str | None = None, workers: int = 2, batch: int = 4) -> None:
        if workers < 1:
            raise StancemapError("--workers must be at least 1")
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # Ray must not phone home
        ray = _ray()
        self.ray = ray
        self.batch = max(1, batch)
        self.started_here = False
        env = {"env_vars": dict(WORKER_ENV)}
        if not ray.is_initialized():
            try:
                if address in (None, "", "local"):
                    ray.init(num_cpus=workers, runtime_env=env, include_dashboard=False, log_to_driver=False,
                             configure_logging=False)
                else:
                    ray.init(address=address, runtime_env=env, log_to_driver=False, configure_logging=False)
            except Exception as err:  # a wrong address, a cluster of another Ray version
                raise StancemapError(f"cannot start or join Ray at {address or 'local'}: "
                                     f"{(str(err).strip().splitlines() or [type(err).__name__])[0]}") from err
            self.started_here = True
        actor = ray.remote(num_cpus=1)(_Worker)
        self.workers = [actor.remote(options) for _ in range(workers)]
        self._timings: dict[str, float] = defaultdict(float)

    @property
    def timings(self) -> dict[str, float]:
        return self._timings

    def ready(self) -> None:
        """Wait until every worker has loaded its models (a benchmark times extraction, not start-up)."""
        self.ray.get([w.ready.remote() for w in self.workers])

    def run(self, jobs: Iterable[Job]) -> Iterator[Job]:
        """Send batches of jobs to the workers, at most two batches per worker in flight, and yield each job
        with its extracted document as its batch comes back (batches finish in any order)."""
        ray = self.ray
        flight: dict[Any, list[Job]] = {}
        idle: deque[int] = deque(i for i in range(len(self.workers)) for _ in range(2))
        owner: dict[Any, int] = {}
        source = iter(jobs)
        exhausted = False
        while True:
            while idle and not exhausted:
                batch = [job for _, job in zip(range(self.batch), source, strict=False)]
                if not batch:
                    exhausted = True
                    break
                w = idle.popleft()
                ref = self.workers[w].extract.remote([job.doc for job in batch])
                flight[ref] = batch
                owner[ref] = w
            if not flight:
                return
            done, _ = ray.wait(list(flight), num_returns=1)
            for ref in done:
                batch = flight.pop(ref)
                idle.append(owner.pop(ref))
                docs, spent = ray.get(ref)
                for k, v in spent.items():
                    self._timings[k] += v
                for job, doc in zip(batch, docs, strict=True):
                    job.doc = doc
                    yield job

    def close(self) -> None:
        for w in self.workers:
            self.ray.kill(w)
        self.workers = []
        if self.started_here:
            self.ray.shutdown()

    def __enter__(self) -> RayExtractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
