"""Pipeline component of the stances stage (placeholder until the stage lands)."""

from __future__ import annotations

from ..config import Options
from ..model import Document
from ..pipeline import register


class Component:
    name = "stances"
    reads: tuple[str, ...] = ("sentences",)
    writes: tuple[str, ...] = ("stances",)

    def __init__(self, options: Options) -> None:
        self.options = options

    def __call__(self, doc: Document) -> Document:
        return doc


@register("stances")
def _make(options: Options) -> Component:
    return Component(options)
