"""Recognise candidate actor names: dictionary matching over the parse, plus spaCy's NER.

The dictionary (every surface form in the reference data) is matched with a spaCy PhraseMatcher on
lower-cased tokens, so that reference actors are found even where the statistical NER misses or
mislabels them. A match must contain a capital letter (so "turkey" the bird or "chad" the verb are
not states), and the longest match wins where matches overlap. NER PERSON/ORG/GPE/NORP entities
that the dictionary does not know are kept as unresolved names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from .reference import Entry, Reference

_MATCHERS: dict[tuple[int, int], tuple[PhraseMatcher, list[str]]] = {}


@dataclass
class Name:
    """A recognised name: token span ``[start, end)`` and the reference entries it may denote."""

    start: int
    end: int
    entries: list[Entry]
    label: str  # "dict" or the NER label

    def root(self, doc: Any) -> Any:
        return doc[self.start:self.end].root


def _variants(surface: str) -> set[str]:
    out = {surface}
    if "'" in surface:
        out.add(surface.replace("'", "\u2019"))
    if "-" in surface:
        out.add(surface.replace("-", " "))
    return out


def matcher_for(ref: Reference, nlp: Any) -> tuple[PhraseMatcher, list[str]]:
    """A PhraseMatcher over every reference surface (built once per reference and vocabulary)."""
    key = (id(ref), id(nlp.vocab))
    if key not in _MATCHERS:
        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        keys: list[str] = []
        for i, surface in enumerate(sorted(ref.entries)):
            label = f"A{i}"
            keys.append(surface)
            patterns = [nlp.make_doc(v) for v in _variants(surface)]
            matcher.add(label, patterns)
        _MATCHERS[key] = (matcher, keys)
    return _MATCHERS[key]


def recognise(parsed: Any, ref: Reference, nlp: Any) -> list[Name]:
    """Dictionary names (longest match, capitalised) and unknown NER names, in text order."""
    matcher, keys = matcher_for(ref, nlp)
    spans = []
    strings = parsed.vocab.strings
    for match_id, start, end in matcher(parsed):
        span = parsed[start:end]
        if not any(ch.isupper() for ch in span.text):
            continue
        label = strings[match_id]
        span.label_ = label
        spans.append(span)
    names: list[Name] = []
    kept = filter_spans(spans)
    taken: set[int] = set()
    for span in kept:
        surface = keys[int(span.label_[1:])]
        names.append(Name(span.start, span.end, ref.entries[surface], "dict"))
        taken.update(range(span.start, span.end))
    for ent in parsed.ents:
        if ent.label_ in ("PERSON", "ORG", "GPE", "NORP") and not taken.intersection(range(ent.start, ent.end)):
            names.append(Name(ent.start, ent.end, [], ent.label_))
    names.sort(key=lambda n: n.start)
    return names
