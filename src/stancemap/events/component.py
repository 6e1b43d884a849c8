"""Pipeline component of the event stage."""

from __future__ import annotations

from ..actors.reference import load_reference
from ..config import Options
from ..model import Document, Event
from ..pipeline import register
from .classifier import load_classifier
from .coder import Coder
from .lexicon import load_lexicon


class EventsComponent:
    name = "events"
    reads: tuple[str, ...] = ("parsed", "sentences", "mentions", "times", "ref_date")
    writes: tuple[str, ...] = ("events",)

    def __init__(self, options: Options) -> None:
        self.coder = Coder(load_reference(tuple(options.actors_files)), load_lexicon(tuple(options.lexicon_files)),
                           load_classifier() if options.event_classifier else None)

    def __call__(self, doc: Document) -> Document:
        # votes are read by their own stage (stancemap.votes), which runs next
        doc.events = dedupe_events(self.coder.code(doc))
        return doc


def dedupe_events(events: list[Event]) -> list[Event]:
    """One event per (sentence, source, type, target, negation); the most confident wins."""
    best: dict[tuple[object, ...], Event] = {}
    for e in events:
        key = (e.sent, e.source, e.source_sector, e.type, e.target, e.negated)
        if key not in best or e.confidence > best[key].confidence:
            best[key] = e
    return sorted(best.values(), key=lambda e: (e.start, e.type))


@register("events")
def _make(options: Options) -> EventsComponent:
    return EventsComponent(options)
