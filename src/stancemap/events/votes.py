"""Votes on resolutions, coded by the ontology's convention.

A vote is first a stance (the stance stage records it); as an event:

* voting for (supporting, backing) a resolution that condemns X -> ACCUSE -> X;
* abstaining on it, or not voting for it ("none of ... supported") -> ACCUSE -> X, negated;
* voting against a resolution -> REJECT -> the body (a UN organ counts as ``UN``).

X is the actor the resolution is about: the owner of what it condemns ("condemning Russia's
invasion" -> RUS), found in the resolution phrase. The body is the organisation named there.
"""

from __future__ import annotations

from typing import Any

from ..actors.lookup import mention_index
from ..model import Document, Event, Mention
from ..nlp import clauses as cl
from ..nlp.dates import clause_date

VOTE_VERBS = {"vote", "abstain"}
SUPPORT_VERBS = {"support", "back", "endorse", "approve", "sponsor", "co-sponsor", "cosponsor"}
RESOLUTION_NOUNS = {"resolution", "motion", "draft", "text", "vote", "measure", "declaration"}


def _resolution(tok: Any) -> tuple[Any | None, str]:
    """The resolution noun a vote verb is about and the direction ("for", "against", "abstain", "on")."""
    if tok.lemma_ == "abstain":
        for _, obj in cl.prep_objects(tok):
            if obj.lemma_ in RESOLUTION_NOUNS:
                return obj, "abstain"
            if obj.lemma_ == "vote" or obj.lower_ == "voting":  # "abstained from voting on X"
                for _, o2 in cl.prep_objects(obj):
                    if o2.lemma_ in RESOLUTION_NOUNS:
                        return o2, "abstain"
                return obj, "abstain"
        for prep in tok.children:  # "abstained from voting on X" with "voting" parsed as a clause
            for pc in prep.children:
                if prep.dep_ == "prep" and pc.dep_ == "pcomp" and pc.lemma_ == "vote":
                    for _, o2 in cl.prep_objects(pc):
                        if o2.lemma_ in RESOLUTION_NOUNS:
                            return o2, "abstain"
        return None, "abstain"
    if tok.lemma_ == "vote":
        for prep, obj in cl.prep_objects(tok):
            if prep in ("for", "against") and obj.lemma_ in RESOLUTION_NOUNS:
                return obj, prep
        for _, obj in cl.prep_objects(tok):
            if obj.lemma_ in RESOLUTION_NOUNS:
                return obj, "on"
        return None, "on"
    if tok.lemma_ in SUPPORT_VERBS:
        for obj in cl.direct_objects(tok):
            if obj.lemma_ in RESOLUTION_NOUNS:
                return obj, "for"
    return None, ""


def _about(res: Any, index: dict[int, Mention], coder: Any, date: str | None, voters: set[str]) -> tuple[str | None, str | None]:
    """(X the resolution targets, the body that votes on it) from the resolution's phrase."""
    target = body = None
    for t in res.subtree:
        m = index.get(t.idx)
        if m is None or m.code is None:
            continue
        if m.kind == "org" and body is None and m.code.startswith("UN"):
            body = "UN"
        elif m.kind == "org" and body is None and not target:
            body = m.code
    for t in res.subtree:
        if t.lemma_ in ("condemn", "denounce", "deplore", "demand", "criticise", "criticize", "censure", "suspend",
                        "withdraw", "expel", "aim", "call", "urge"):
            for x in t.subtree:
                if x.i == t.i:
                    continue
                m = coder.actor(x, index, date)
                if m is not None and m.code not in voters and not m.code.startswith("UN") and m.kind != "org":
                    return m.code, body
    return target, body


def code_votes(doc: Document, coder: Any) -> list[Event]:
    parsed = doc.parsed
    index = mention_index(doc)
    date = doc.reference_date
    ref_year = date[:4] if date else None
    out: list[Event] = []
    for tok in parsed:
        if tok.lemma_ not in VOTE_VERBS | SUPPORT_VERBS or tok.pos_ not in ("VERB", "AUX"):
            continue
        res, direction = _resolution(tok)
        if res is None and tok.lemma_ != "abstain":
            continue
        subs, _ = cl.subjects(tok)
        voters = [a for a in (coder.actor(s, index, date) for s in subs) if a]
        if not voters:
            continue
        negated, _ = cl.negation(tok)
        target, body = _about(res, index, coder, date, {v.code for v in voters if v.code}) if res is not None \
            else (None, None)
        sent = doc.sentence_of(tok.idx)
        if sent is None:
            continue
        vdate, _ = clause_date(tok, doc)
        for v in voters:
            tgt: str | None
            if direction == "against" and not negated:
                typ, tgt, neg, cameo = "REJECT", body or "UN", False, "120"
            elif direction == "abstain" or (direction == "for" and negated):
                typ, tgt, neg, cameo = "ACCUSE", target, True, "111"
            elif direction == "for":
                typ, tgt, neg, cameo = "ACCUSE", target, False, "111"
            else:
                continue
            out.append(Event(source=v.code, source_sector=v.sector if v.kind == "person" else None, type=typ,
                             start=sent.start, end=sent.end, target=tgt, cameo=cameo, negated=neg,
                             modality="actual", date=vdate or ref_year, predicate=f"vote:{direction}",
                             confidence=0.8 * v.confidence, rule=f"vote:{direction}", sent=sent.idx,
                             head=tok.idx))
    return out
