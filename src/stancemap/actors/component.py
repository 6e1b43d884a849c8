"""Pipeline component of the actor stage: every resolvable noun phrase becomes a mention."""

from __future__ import annotations

from ..config import Options
from ..model import Document
from ..nlp.parse import load_spacy
from ..pipeline import register
from .reference import load_reference
from .resolve import Resolver, to_mention


class ActorsComponent:
    name = "actors"
    reads: tuple[str, ...] = ("parsed", "sentences", "ref_date")
    writes: tuple[str, ...] = ("mentions", "focal")

    def __init__(self, options: Options) -> None:
        self.ref = load_reference(tuple(options.actors_files))
        self.nlp = load_spacy(options.spacy_model)

    def __call__(self, doc: Document) -> Document:
        resolver = Resolver(doc, self.ref, self.nlp)
        doc.mentions = [to_mention(doc, a) for a in resolver.run()]
        doc.meta["focal"] = resolver.focal
        return doc


@register("actors")
def _make(options: Options) -> ActorsComponent:
    return ActorsComponent(options)
