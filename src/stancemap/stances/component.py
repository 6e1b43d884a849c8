"""Pipeline component of the stance stage; it also tags events with the issue they bear on."""

from __future__ import annotations

from ..actors.lookup import ActorLookup
from ..actors.reference import load_reference
from ..config import Options
from ..model import Document
from ..pipeline import register
from .detect import StanceDetector
from .model import models_for


class StancesComponent:
    name = "stances"
    reads: tuple[str, ...] = ("parsed", "sentences", "mentions", "times", "events")
    writes: tuple[str, ...] = ("stances", "event_issues")

    def __init__(self, options: Options) -> None:
        models = models_for(options.issues_file)
        self.detector = StanceDetector(models, ActorLookup(load_reference(tuple(options.actors_files))),
                                       relevance=options.stance_relevance)

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
