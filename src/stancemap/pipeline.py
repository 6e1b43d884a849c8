"""The extraction pipeline: named ``Document -> Document`` components run in order.

Each component declares what it reads and writes on the document model, so that a newcomer can see
the data flow without reading the stages, and a misordered config fails loudly. Components are
registered by name and chosen by name from :class:`~stancemap.config.Options.pipeline`.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from .budget import ExtractionTimeout
from .config import Options
from .errors import StancemapError
from .model import Document


class Component(Protocol):
    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


Factory = Callable[[Options], Component]
_REGISTRY: dict[str, Factory] = {}


def register(name: str) -> Callable[[Factory], Factory]:
    """Register a component factory under ``name`` (used in config files)."""

    def deco(factory: Factory) -> Factory:
        _REGISTRY[name] = factory
        return factory

    return deco


def _load_builtin_components() -> None:
    # Importing the stage modules registers their components.
    from .actors import component as _actors  # noqa: F401
    from .claims import component as _claims  # noqa: F401
    from .events import component as _events  # noqa: F401
    from .nlp import dates as _dates  # noqa: F401
    from .nlp import parse as _parse  # noqa: F401
    from .stances import component as _stances  # noqa: F401
    from .verify import component as _verify  # noqa: F401
    from .votes import component as _votes  # noqa: F401


def available() -> list[str]:
    _load_builtin_components()
    return sorted(_REGISTRY)


class Pipeline:
    """Runs the configured components over documents and keeps per-stage timings."""

    def __init__(self, options: Options) -> None:
        _load_builtin_components()
        self.options = options
        self.components: list[Component] = []
        have = {"text", "meta"}
        for name in options.pipeline:
            if name not in _REGISTRY:
                raise StancemapError(
                    f"unknown pipeline component {name!r} (available: {', '.join(sorted(_REGISTRY))})"
                )
            comp = _REGISTRY[name](options)
            missing = [r for r in comp.reads if r not in have]
            if missing:
                raise StancemapError(
                    f"pipeline component {name!r} reads {', '.join(missing)}, which no earlier component writes"
                )
            have.update(comp.writes)
            self.components.append(comp)
        self.timings: dict[str, float] = defaultdict(float)

    def __call__(self, doc: Document, deadline: float | None = None, parsed: bool = False) -> Document:
        """Run every component over ``doc``; past ``deadline`` (``time.monotonic()``), stop at the next
        component with :class:`~stancemap.budget.ExtractionTimeout`. ``parsed``: the document went through
        :meth:`parse_batch` already, so the parse component is skipped."""
        for comp in self.components[1 if parsed and self.batch_parses else 0:]:
            if deadline is not None and time.monotonic() > deadline:
                raise ExtractionTimeout(f"extraction ran past its time budget (before {comp.name})")
            t0 = time.perf_counter()
            doc = comp(doc)
            self.timings[comp.name] += time.perf_counter() - t0
        return doc

    @property
    def batch_parses(self) -> bool:
        """Whether the first component is the spaCy parse, which :meth:`parse_batch` can run over many
        documents at once."""
        return bool(self.components) and self.components[0].name == "parse" and hasattr(self.components[0], "nlp")

    def parse_batch(self, docs: list[Document]) -> None:
        """Parse ``docs`` together (spaCy's ``nlp.pipe``: about a tenth less CPU than one call per document),
        writing what the parse component writes; the other components then run per document."""
        from .nlp.parse import sentences_from

        t0 = time.perf_counter()
        nlp = self.components[0].nlp  # type: ignore[attr-defined]
        for doc, parsed in zip(docs, nlp.pipe([d.text for d in docs], batch_size=max(1, len(docs))), strict=True):
            doc.parsed = parsed
            doc.sentences = sentences_from(parsed)
        self.timings["parse"] += time.perf_counter() - t0

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)
