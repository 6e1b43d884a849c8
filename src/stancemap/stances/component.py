"""Pipeline component of the stance stage; it also tags events with the issue they bear on."""

from __future__ import annotations

from dataclasses import replace

from ..actors.lookup import ActorLookup
from ..actors.reference import load_reference
from ..config import Options
from ..model import Document
from ..pipeline import Pipeline, register
from .detect import StanceDetector
from .issues import load_issues
from .model import models_for
from .signatures import SignatureModel, cached_signatures

_SIGNATURES: dict[tuple[object, ...], SignatureModel] = {}


class StancesComponent:
    name = "stances"
    reads: tuple[str, ...] = ("parsed", "sentences", "mentions", "times", "events")
    writes: tuple[str, ...] = ("stances", "event_issues")

    def __init__(self, options: Options) -> None:
        models = models_for(options.issues_file)
        self.options = options
        self.detector = StanceDetector(models, ActorLookup(load_reference(tuple(options.actors_files))),
                                       relevance=options.stance_relevance, signatures=self._signatures)

    def _signatures(self) -> SignatureModel:
        """Learned lazily (and cached on disk): the coding stages run over the issues' examples."""
        key = (self.options.issues_file, tuple(self.options.actors_files), tuple(self.options.lexicon_files))
        if key not in _SIGNATURES:
            before = self.options.pipeline[: self.options.pipeline.index("stances")] \
                if "stances" in self.options.pipeline else ["parse", "dates", "actors", "events"]
            pipe = Pipeline(replace(self.options, pipeline=before))
            _SIGNATURES[key] = cached_signatures(load_issues(self.options.issues_file), pipe)
        return _SIGNATURES[key]

    def __call__(self, doc: Document) -> Document:
        doc.stances = self.detector.detect(doc)
        by_sent: dict[tuple[int, str | None], str] = {}
        for s in doc.stances:
            by_sent.setdefault((s.sent, s.actor), s.issue)
        for e in doc.events:
            if e.issue is None:
                e.issue = by_sent.get((e.sent, e.source))
        return doc


@register("stances")
def _make(options: Options) -> StancesComponent:
    return StancesComponent(options)
