"""Pipeline component of the events stage (placeholder until the stage lands)."""

from __future__ import annotations

from ..config import Options
from ..model import Document
from ..pipeline import register


class Component:
    name = "events"
    reads: tuple[str, ...] = ("sentences",)
    writes: tuple[str, ...] = ("events",)

    def __init__(self, options: Options) -> None:
        self.options = options

    def __call__(self, doc: Document) -> Document:
        return doc


@register("events")
def _make(options: Options) -> Component:
    return Component(options)
