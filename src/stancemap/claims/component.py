"""Pipeline component of the claims stage (placeholder until the stage lands)."""

from __future__ import annotations

from ..config import Options
from ..model import Document
from ..pipeline import register


class Component:
    name = "claims"
    reads: tuple[str, ...] = ("sentences",)
    writes: tuple[str, ...] = ("claims",)

    def __init__(self, options: Options) -> None:
        self.options = options

    def __call__(self, doc: Document) -> Document:
        return doc


@register("claims")
def _make(options: Options) -> Component:
    return Component(options)
