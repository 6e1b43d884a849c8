"""Pipeline component of the claim stage."""

from __future__ import annotations

from ..config import Options
from ..model import Document
from ..pipeline import register
from .extract import ClaimExtractor


class ClaimsComponent:
    name = "claims"
    reads: tuple[str, ...] = ("parsed", "sentences", "mentions", "times")
    writes: tuple[str, ...] = ("claims",)

    def __init__(self, options: Options) -> None:
        self.extractor = ClaimExtractor()

    def __call__(self, doc: Document) -> Document:
        # a roll call's lines are names, not quantities (the vote stage read them)
        doc.claims = [c for c in self.extractor.extract(doc) if c.sent not in doc.structured]
        return doc


@register("claims")
def _make(options: Options) -> ClaimsComponent:
    return ClaimsComponent(options)
