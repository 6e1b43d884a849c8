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

from .reference import Entry, Reference

_NOT_NAMES = {"GPE", "NORP", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
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
    if "." in surface:
        # surfaces are stored lower-cased, and the tokenizer splits "u.s." but keeps "U.S." and
        # "St." whole: match the capitalised forms' tokens too
        out |= {surface.upper(), surface.title()}
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


def _longest(spans: list[Any], ref: Reference, keys: list[str]) -> list[Any]:
    """Non-overlapping spans: the longest wins; between equally long ones, a name of a state or an
    organisation beats a word for a people ("the Swiss" vs "Swiss Confederation"), then the earlier."""
    def rank(span: Any) -> tuple[int, int, int]:
        entries = ref.entries[keys[int(span.label_[1:])]]
        people = all(e.kind == "people" for e in entries)
        return (-len(span), int(people), span.start)

    taken: set[int] = set()
    out = []
    for span in sorted(spans, key=rank):
        if not taken.intersection(range(span.start, span.end)):
            out.append(span)
            taken.update(range(span.start, span.end))
    return sorted(out, key=lambda sp: sp.start)


def recognise(parsed: Any, ref: Reference, nlp: Any) -> list[Name]:
    """Dictionary names (longest match, capitalised) and unknown NER names, in text order."""
    matcher, keys = matcher_for(ref, nlp)
    spans = []
    strings = parsed.vocab.strings
    for match_id, start, end in matcher(parsed):
        span = parsed[start:end]
        label = strings[match_id]
        if not any(ch.isupper() for t in span if t.lower_ not in ("the", "a", "an") for ch in t.text) and (
                sum(t.lower_ not in ("the", "a", "an") for t in span) < 2 or any(
                e.kind not in ("org", "institution") for e in ref.entries[keys[int(label[1:])]])):
            # "turkey", "chad", "The national (interests)": lower-case words are not names (a capital
            # article at the start of a sentence does not make one);
            # "the international community" is fine
            continue
        span.label_ = label
        spans.append(span)
    names: list[Name] = []
    ents = [e for e in parsed.ents if e.label_ not in _NOT_NAMES]
    kept = []
    for span in _longest(spans, ref, keys):
        outer = next((e for e in ents if e.start <= span.start and span.end <= e.end and
                      (e.end - e.start) > (span.end - span.start)), None)
        if outer is not None:
            entries = ref.entries[keys[int(span.label_[1:])]]
            # "Chad Whitaker", "Jordan Ellis": a state name inside a person's name is part of it; a
            # newspaper's name inside another organisation's ("The Azure Dawn Movement") likewise.
            if outer.label_ == "PERSON" and not any(e.kind == "person" for e in entries):
                continue
            # (the NER often keeps a possessive ending: "Eurasian Union's" is still the Eurasian Union)
            outer_end = outer.end - 1 if parsed[outer.end - 1].lower_ in ("'s", "\u2019s", "'") else outer.end
            if outer.label_ != "PERSON" and all(e.kind in ("institution", "org", "person") for e in entries) \
                    and span.end != outer_end:
                continue
        kept.append(span)
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
