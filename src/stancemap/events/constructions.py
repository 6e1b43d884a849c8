"""Constructions that code an event no single predicate pattern can: the act is spread over a phrase.

* "At the request of Tokayev, Russia sent troops" -> Tokayev REQUEST Russia;
* "marched in a government-sanctioned rally" -> the government CONCEDE (0811) to the protesters;
* "activists argue that the country should leave the union" -> REQUEST to whoever should act;
* "Kazakhstan will not be a tool to circumvent the sanctions on Russia" -> REJECT Russia
  ("became a hub for Russia to evade sanctions" -> COOPERATE);
* "Tokayev argued that the alliance with Russia is solid" -> Tokayev SUPPORT Russia (words in
  ``data/relations.yaml``).

Each function reads the parse and the resolved mentions through the coder (its actor lookup and
lexicon) and returns events with their evidence sentence, like the predicate patterns do.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from .. import yamlio
from ..model import Document, Event, Mention
from ..nlp import clauses as cl
from ..nlp.dates import clause_date

if TYPE_CHECKING:
    from .coder import Coder

# "at the request / invitation of X"
REQUEST_NOUNS = {"request", "invitation", "behest", "urging", "bidding", "appeal"}
# "talks between Moscow and Kyiv", "hosted a meeting between the two foreign ministers"
MEETING_NOUNS = {"talk", "talks", "negotiation", "meeting", "summit", "consultation", "conversation"}
# "a government-sanctioned rally": participles that authorise a protest
PERMIT_PARTICIPLES = {"sanction", "approve", "authorise", "authorize", "permit", "allow", "license", "licence"}
# "argued that the country should ...": saying what another should do
ARGUE_VERBS = {"argue", "insist", "contend", "say", "suggest", "stress", "maintain", "write", "tell"}
# "a tool to circumvent sanctions", "a hub for sanctions evasion"
VEHICLES = {"tool", "hub", "conduit", "platform", "channel", "instrument", "route", "loophole", "backdoor",
            "door", "gateway", "vehicle", "haven"}
EVASION = {"circumvent", "evade", "bypass", "skirt", "dodge", "evasion", "circumvention", "bypassing"}


def _event(doc: Document, at: Any, source: Mention, typ: str, cameo: str, target: tuple[str | None, str | None],
           date: str | None, predicate: str, rule: str, weight: float) -> Event | None:
    """One event stated by the sentence of token ``at`` (None if the token is in no sentence)."""
    sent = doc.sentence_of(at.idx)
    if sent is None:
        return None
    return Event(source=source.code, source_sector=source.sector, type=typ, start=sent.start, end=sent.end,
                 target=target[0], target_sector=target[1], cameo=cameo, date=date, predicate=predicate,
                 modality="actual", confidence=round(weight * source.confidence, 3), rule=f"construction:{rule}",
                 sent=sent.idx, source_person=source.person, head=at.idx)


def requests_behind(coder: Coder, doc: Document, index: dict[int, Mention], ref_year: str | None) -> list[Event]:
    """ "At the request of Tokayev, Russia sent troops": whoever asked made a request to whoever acted."""
    out: list[Event | None] = []
    for tok in doc.parsed:
        if tok.lemma_.lower() not in REQUEST_NOUNS or tok.dep_ != "pobj" or tok.head.lower_ not in ("at", "upon", "on"):
            continue
        verb = tok.head.head
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        date, _ = clause_date(verb, doc)
        asker = next((a for _, o in cl.prep_objects(tok, {"of"}) if (a := coder.actor(o, index, date or ref_year))),
                     None)
        subs, passive = cl.subjects(verb)
        if passive and not subs:  # "French troops were deployed at the request of ..."
            subs = cl.passive_target(verb)
        doers = [a for a in (coder.actor(x, index, date or ref_year) for x in subs) if a]
        if asker is None:
            continue
        out += [_event(doc, tok, asker, "REQUEST", "020", (d.code, d.sector), date or ref_year,
                       f"at the {tok.lemma_.lower()} of", tok.lemma_.lower(), 0.7)
                for d in doers if d.code != asker.code or d.sector != asker.sector]
    return [e for e in out if e is not None]


def meetings_between(coder: Coder, doc: Document, index: dict[int, Mention], ref_year: str | None) -> list[Event]:
    """ "Talks between Russia and Ukraine in Istanbul ended without agreement", "Turkey hosted a meeting between
    the Russian and Ukrainian foreign ministers": the sides met (CONSULT, each to the other; the host's part is
    the lexicon's "host talks"). Only talks that took place: not ones asked for, offered, planned or denied."""
    out: list[Event | None] = []
    for tok in doc.parsed:
        if tok.lemma_.lower() not in MEETING_NOUNS or tok.pos_ != "NOUN":
            continue
        date, _ = clause_date(tok, doc)
        when = date or ref_year
        between = [o for _, o in cl.prep_objects(tok, {"between"})]
        phrases = [x for o in between for x in cl.conjuncts(o)]
        # "between the Russian and Ukrainian foreign ministers": the sides are the modifiers
        phrases += [m for o in between for m in o.children if m.dep_ in ("amod", "compound")
                    for m in cl.conjuncts(m)]
        sides: list[Mention] = []
        for x in phrases:
            a = coder.actor(x, index, when)
            if a is not None and a.code and all(a.code != s0.code for s0 in sides):
                sides.append(a)
        if len(sides) < 2:
            continue
        verb = tok.head
        while verb.dep_ in ("pobj", "prep", "conj", "appos") and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            modality, _ = cl.modality(verb)
            if modality != "actual" or cl.negation(verb)[0] or verb.lemma_.lower() in (
                    "call", "urge", "propose", "offer", "seek", "want", "demand", "ask", "plan", "prepare", "refuse"):
                continue  # asked for, offered, planned or denied: no meeting took place (yet)
        out += [_event(doc, tok, a, "CONSULT", "040", (b.code, b.sector), when, f"{tok.lemma_.lower()} between",
                       "talks-between", 0.6) for a in sides for b in sides if a.code != b.code]
    return [e for e in out if e is not None]


def permitted_protests(coder: Coder, doc: Document, index: dict[int, Mention], ref_year: str | None) -> list[Event]:
    """ "marched in a government-sanctioned rally", "a state-approved march": whoever the compound
    names allowed the protest (CONCEDE, CAMEO 0811) to the protesters."""
    out: list[Event | None] = []
    for tok in doc.parsed:
        if tok.dep_ != "amod" or tok.tag_ != "VBN" or tok.lemma_.lower() not in PERMIT_PARTICIPLES:
            continue
        noun = tok.head
        if not coder.is_noun_of(noun, "PROTEST"):
            continue
        date, _ = clause_date(noun, doc)
        allowed = next((a for c in tok.children if c.dep_ in ("npadvmod", "compound", "nmod")
                        if (a := coder.actor(c, index, date or ref_year)) is not None), None)
        if allowed is None:
            continue
        verb = noun
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        marchers = [a for x in cl.subjects(verb)[0] if (a := coder.actor(x, index, date or ref_year))
                    and a.sector in ("CVL", "OPP")] if verb.pos_ in ("VERB", "AUX") else []
        target = (marchers[0].code, marchers[0].sector) if marchers else (allowed.code, "CVL")
        out.append(_event(doc, tok, allowed, "CONCEDE", "0811", target, date or ref_year,
                          f"{tok.lemma_.lower()} {noun.lemma_.lower()}", "permitted-protest", 0.6))
    return [e for e in out if e is not None]


def deontic_requests(coder: Coder, doc: Document, index: dict[int, Mention], ref_year: str | None) -> list[Event]:
    """ "Activists are arguing that the country should abandon its integration with Russia": saying
    what someone else should do is a request to them (REQUEST, CAMEO 020)."""
    out: list[Event | None] = []
    for tok in doc.parsed:
        if tok.lemma_.lower() not in ARGUE_VERBS or tok.pos_ != "VERB":
            continue
        for x in tok.children:
            if x.dep_ != "ccomp" or not (cl.aux_words(x) & {"should", "must", "ought"}):
                continue
            date, _ = clause_date(tok, doc)
            # (commentators and analysts saying what a state should do are commentary, not requests)
            srcs = [a for s0 in cl.subjects(tok)[0] if (a := coder.actor(s0, index, date or ref_year))
                    and a.sector != "MED"]
            tgts = [a for s0 in cl.subjects(x)[0] if (a := coder.actor(s0, index, date or ref_year))]
            out += [_event(doc, tok, s0, "REQUEST", "020", (t.code, t.sector), date or ref_year,
                           f"{tok.lemma_.lower()} that ... should", "should", 0.6)
                    for s0 in srcs for t in tgts if (t.code, t.sector) != (s0.code, s0.sector)]
    return [e for e in out if e is not None]


def evasion_vehicles(coder: Coder, doc: Document, index: dict[int, Mention],
                     ref_year: str | None) -> tuple[list[Event], set[int]]:
    """ "Kazakhstan will not be a tool to circumvent the sanctions imposed on Russia": refusing to serve
    as a vehicle for evading sanctions rejects the sanctioned party (REJECT, like "will not help
    Russia evade sanctions"); becoming "a hub for sanctions evasion" cooperates with it. Also returns
    the tokens the construction codes, whose own pattern events the caller drops."""
    out: list[Event | None] = []
    covered: set[int] = set()
    for tok in doc.parsed:
        if tok.lemma_.lower() not in VEHICLES or tok.dep_ not in ("attr", "pobj", "oprd"):
            continue
        head = tok.head if tok.dep_ != "pobj" else tok.head.head  # "serve as a conduit"
        if head.lemma_.lower() not in ("be", "become", "serve", "act", "turn", "remain"):
            continue
        words = [t for t in tok.subtree if t.i > tok.i]
        if not any(t.lemma_.lower() in EVASION for t in words):
            continue
        date, _ = clause_date(head, doc)
        srcs = [a for s in cl.subjects(head)[0] if (a := coder.actor(s, index, date or ref_year))]
        bearers = [a for t in words if t.dep_ == "pobj" and t.head.lower_ in ("on", "against")
                   if (a := coder.actor(t, index, date or ref_year))]
        bearers += [a for t in words if t.dep_ in ("dobj", "nsubj") and t.head.lemma_.lower() in EVASION
                    if (a := coder.actor(t, index, date or ref_year))]  # "a tool for Russia to evade"
        if not srcs or not bearers:
            continue
        speech = cl._speech_head(head)
        if speech is not None:  # "comments by the deputy chief of staff that Kazakhstan will not be ...": his act
            speakers = [a for x in cl.subjects(speech)[0] if (a := coder.actor(x, index, date or ref_year))]
            srcs = [speakers[0] if speakers and s0.code == speakers[0].code else s0 for s0 in srcs]
        typ, cameo = ("REJECT", "120") if cl.negation(head)[0] else ("COOPERATE", "060")
        covered.update([head.i, tok.i, *(t.i for t in words if t.lemma_.lower() in EVASION)])
        out += [_event(doc, tok, s0, typ, cameo, (bearers[0].code, bearers[0].sector), date or ref_year,
                       f"be a {tok.lemma_.lower()} to evade", "evasion-vehicle", 0.6) for s0 in srcs]
    return [e for e in out if e is not None], covered


@lru_cache(maxsize=1)
def relation_words() -> dict[str, frozenset[str]]:
    """The word lists of ``data/relations.yaml`` (relation nouns, good words, troubles)."""
    path = resources.files("stancemap.events").joinpath("data/relations.yaml")
    data = yamlio.load(path.read_text(encoding="utf-8")) or {}
    return {k: frozenset(str(w).lower() for w in data.get(k) or ()) for k in ("relation_nouns", "good_words", "troubles")}


def _praises(content: Any, words: dict[str, frozenset[str]]) -> bool:
    """Whether a clause speaks well of a relationship: a relation noun with a good word predicated of
    it ("the alliance is solid and continues to develop"), or a trouble denied ("no problems")."""
    for t in content.subtree:
        lemma = t.lemma_.lower()
        if lemma in words["troubles"]:
            up = [t, t.head, t.head.head]  # "no reasons for pessimism"
            if any(c.dep_ == "det" and c.lower_ == "no" for u in up for c in u.children):
                return True
        if lemma in words["relation_nouns"] and t.dep_ in ("nsubj", "nsubjpass"):
            pred = t.head
            said = [pred, *(c for c in pred.children if c.dep_ in ("acomp", "attr", "conj", "xcomp"))]
            said += [c for x in said[1:] for c in x.children if c.dep_ in ("xcomp", "acomp")]
            if any(x.lemma_.lower() in words["good_words"] for x in said) and not any(
                    c.dep_ == "neg" for x in said for c in x.children):  # ("are not solid")
                return True
    return False


def relation_praise(coder: Coder, doc: Document, index: dict[int, Mention], ref_year: str | None) -> list[Event]:
    """ "Tokayev argued that the alliance with Russia is solid", "As he reiterated, Russia and
    Kazakhstan have no problems": a speaker who speaks well of a relationship endorses the partner
    (SUPPORT, CAMEO 051). The partners are the actors the praised clause names, other than the
    speaker's own state; the author's own view is not coded (no speaker, no event)."""
    words = relation_words()
    out: list[Event | None] = []
    for tok in doc.parsed:
        if tok.lemma_.lower() not in cl.SPEECH or tok.pos_ != "VERB":
            continue
        contents = [c for c in tok.children if c.dep_ == "ccomp"]
        if tok.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as" for m in tok.children):
            contents.append(tok.head)  # "As he reiterated, X and Y have no problems"
        contents = [c for c in contents if _praises(c, words)]
        if not contents:
            continue
        date, _ = clause_date(tok, doc)
        speakers = [a for s0 in cl.subjects(tok)[0] if (a := coder.actor(s0, index, date or ref_year))
                    and a.sector != "MED"]
        for content in contents:
            skip = {x.i for x in tok.subtree} if content.i == tok.head.i else set()
            named = [m for t in content.subtree if t.i not in skip
                     if (m := index.get(t.idx)) is not None and m.code and len(m.code) == 3]
            for s0 in speakers:
                partners = list(dict.fromkeys(m.code for m in named if m.code != s0.code))
                out += [_event(doc, tok, s0, "SUPPORT", "051", (p, None), date or ref_year,
                               f"{tok.lemma_.lower()} that relations are good", "relation-praise", 0.6)
                        for p in partners]
    return [e for e in out if e is not None]
