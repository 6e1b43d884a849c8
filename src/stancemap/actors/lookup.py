"""Find the actor behind an argument token, for the stages that code events and stances.

The actor stage stores one mention per resolved phrase, keyed by its head token. A clause's
subject or object is a token; this looks up the mention at that token, looking through quantities
("thousands of protesters", "none of the states") and re-dating people: a person mention is
re-resolved to the office held on the date of the event, not of the article.
"""

from __future__ import annotations

from typing import Any

from ..model import Document, Mention
from .reference import Reference

QUANTIFIERS = {"thousand", "thousands", "hundred", "hundreds", "dozens", "dozen", "many", "some", "most", "few",
               "several", "million", "millions", "group", "wave", "number", "crowd", "majority", "part", "all", "one",
               "two", "three", "four", "five", "ten", "each", "none", "both", "half"}


def mention_index(doc: Document) -> dict[int, Mention]:
    """Mentions by the character offset of their head token."""
    return {m.head: m for m in doc.mentions if m.head >= 0}


class ActorLookup:
    def __init__(self, ref: Reference) -> None:
        self.ref = ref

    def actor(self, tok: Any, index: dict[int, Mention], date: str | None) -> Mention | None:
        """The resolved actor at ``tok`` (None for places and unresolved names)."""
        m = index.get(tok.idx)
        if m is None and (tok.lower_ in QUANTIFIERS or tok.pos_ == "NUM"):
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for obj in c.children:
                        if obj.dep_ == "pobj":
                            return self.actor(obj, index, date)
        if m is None and tok.pos_ == "NOUN":
            # "the drone maker Baykar", "the country's president, Tokayev": the named appositive is who
            for c in tok.children:
                if c.dep_ == "appos" and (a := index.get(c.idx)) is not None and a.code and a.kind != "location":
                    return self.actor(c, index, date)
        if m is None or m.kind == "location" or m.code is None:
            return None
        if m.person and date:
            person = self.ref.people.get(m.person)
            role = person.role_on(date) if person else None
            if role and (role.code, role.sector) != (m.code, m.sector):
                return Mention(m.start, m.end, role.code, role.sector, m.person, m.kind, m.confidence,
                               m.rule + ":dated", m.sent, m.head)
        return m

    def owner(self, tok: Any, index: dict[int, Mention], date: str | None) -> Mention | None:
        """Whose is a non-actor noun: "Russia's invasion", "the Russian aggression", "invasion by X"."""
        # A named modifier beats a possessive pronoun: "its Russian parent company" is Russian.
        mods = sorted((c for c in tok.children if c.dep_ in ("poss", "amod", "compound", "nmod")),
                      key=lambda c: c.pos_ == "PRON")
        for c in mods:
            m = self.actor(c, index, date) or self._named(c, index)
            if m:
                return m
        for c in tok.children:
            if c.dep_ in ("prep", "agent") and c.lower_ in ("of", "by"):
                for obj in c.children:
                    if obj.dep_ == "pobj":
                        m = self.actor(obj, index, date)
                        if m:
                            return m
        return None

    @staticmethod
    def _named(tok: Any, index: dict[int, Mention]) -> Mention | None:
        m = index.get(tok.idx)
        return m if m and m.code else None
