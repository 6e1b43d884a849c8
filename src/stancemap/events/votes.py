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


_CONDEMN = {"condemn", "denounce", "deplore", "demand", "criticise", "criticize", "censure", "suspend", "withdraw",
            "expel", "aim", "call", "urge"}


def _about(res: Any, index: dict[int, Mention], coder: Any, date: str | None,
           voters: set[str]) -> tuple[str | None, str | None, str | None]:
    """(X the resolution targets, the body that votes on it, the state it is "on") from the
    resolution's phrase. What it condemns may be an actor ("condemning Russia's invasion"), or a
    state named as a place ("condemning abuses in Iran")."""
    target = body = topic = None
    for t in res.subtree:
        m = index.get(t.idx)
        if m is None or m.code is None:
            continue
        if m.kind == "org" and body is None and m.code.startswith("UN"):
            body = "UN"
        elif m.kind == "org" and body is None and not target:
            body = m.code
    holders = [res] + ([res.head.head] if res.dep_ == "pobj" and res.head.head.i != res.head.i else [])
    for obj in (o for h in holders for _, o in cl.prep_objects(h, {"on", "over", "about", "regarding", "concerning"})
                if o.i != res.i):
        m = index.get(obj.idx)
        if m is not None and m.code and len(m.code) == 3 and m.code not in voters:
            topic = m.code  # "the resolution on Ukraine"
    for t in res.subtree:
        if t.lemma_ in _CONDEMN:
            places: list[str] = []
            for x in t.subtree:
                if x.i == t.i:
                    continue
                m = coder.actor(x, index, date)
                if m is not None and m.code not in voters and not m.code.startswith("UN") and m.kind != "org":
                    return m.code, body, topic
                loc = index.get(x.idx)
                if loc is not None and loc.kind == "location" and loc.code and len(loc.code) == 3 \
                        and loc.code not in voters:
                    places.append(loc.code)
            if places:
                return places[0], body, topic
    return target, body, topic


def code_votes(doc: Document, coder: Any, aggressors: dict[str, str] | None = None) -> list[Event]:
    """The votes of ``doc`` as events. ``aggressors`` maps a state attacked in the text's conflict to
    its attacker: a resolution "on Ukraine" that names no one it condemns is about the war waged on
    Ukraine, so it targets the attacker."""
    parsed = doc.parsed
    index = mention_index(doc)
    date = doc.reference_date
    ref_year = date[:4] if date else None
    out: list[Event] = []
    votes = [(tok, *_resolution(tok)) for tok in parsed
             if tok.lemma_ in VOTE_VERBS | SUPPORT_VERBS and tok.pos_ in ("VERB", "AUX")]
    for tok, res, direction in votes:
        if res is None and tok.lemma_ == "abstain":
            # "Belarus voted against a resolution condemning X, while China abstained": the same resolution
            res = next((r for t, r, _ in votes if r is not None and t.sent == tok.sent), None)
        if res is None and tok.lemma_ != "abstain":
            continue
        subs, _ = cl.subjects(tok)
        voters = [a for a in (coder.actor(s, index, date) for s in subs) if a]
        if not voters:
            continue
        negated, _ = cl.negation(tok)
        target, body, topic = _about(res, index, coder, date, {v.code for v in voters if v.code}) \
            if res is not None else (None, None, None)
        if target is None and topic is not None and aggressors:
            target = aggressors.get(topic)
        sent = doc.sentence_of(tok.idx)
        if sent is None:
            continue
        vdate, _ = clause_date(tok, doc)
        for v in voters:
            tgt: str | None
            if direction == "against" and not negated:
                typ, tgt, neg, cameo = "REJECT", body or "UN", False, "120"
            elif direction == "abstain" or (direction in ("for", "on") and negated):
                # abstaining, not voting for it, or not voting at all ("did not vote on"): no condemnation
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
