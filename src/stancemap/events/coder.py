"""The event coder: predicates in the parse -> PLOVER events with actors, negation, modality, date.

For each verb (and event noun) the lexicon gives a type and CAMEO code; the clause gives the
actors: the subject is the source (the agent, in a passive), the object or the object of the
pattern's preposition is the target. Actors are the mentions the actor stage resolved, looked up by
the head token of each argument (people are re-resolved to the office they held on the event's
date). Then:

* negation: "did not impose sanctions" is SANCTION, negated; a refusal ("will not recognise") of a
  predicate with ``negated_as`` becomes that type ("REJECT"), not negated;
* modality: actual, intent ("offered to mediate", "will respect"), hypothetical ("could", "if"),
  reported (a speech verb whose speaker is not the actor); a speaker who reports their own side's
  act is the source of it ("Tleuberdi stated that Kazakhstan would not recognise ..." -> KAZ/GOV);
* date: the time expression of the clause (or of the clauses above it), else the sentence's only
  one, else the document's reference year; events dated a year or more before that are background;
* "both sides" / "the parties" name the two sides of the document's main conflict (its most
  frequent ASSAULT dyad), one event per side.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from ..actors.lookup import ActorLookup, mention_index
from ..actors.reference import Reference
from ..model import Document, Event, Mention
from ..nlp import clauses as cl
from ..nlp.dates import clause_date
from .classifier import EventClassifier
from .constructions import (
    PERMIT_PARTICIPLES,
    deontic_requests,
    evasion_vehicles,
    permitted_protests,
    relation_praise,
    requests_behind,
)
from .lexicon import Lexicon, Pattern

GENERIC_CAMEO = {"AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "COOPERATE": "060", "AID": "070",
                 "CONCEDE": "080", "RETREAT": "0874", "REQUEST": "020", "ACCUSE": "110", "REJECT": "120",
                 "THREATEN": "130", "PROTEST": "140", "MOBILIZE": "150", "SANCTION": "160", "COERCE": "170",
                 "ASSAULT": "180"}
LIGHT_VERBS = {"impose", "announce", "launch", "hold", "send", "express", "voice", "take", "introduce", "adopt",
               "make", "issue", "extend", "provide", "offer", "deliver", "stage", "organise", "organize", "carry",
               "conduct", "begin", "start", "continue", "sign", "reach", "conclude", "lodge", "file", "give",
               "receive", "support", "back", "condemn", "call", "demand", "face", "deploy", "order", "seek",
               "lead", "join", "host", "accept", "refuse", "reject", "allow", "approve", "push", "press", "plan"}
BOTH_SIDES = {"both sides", "both parties", "both states", "both countries", "the parties", "the two sides",
              "the warring parties", "the two countries", "the sides", "both nations"}
def _with_shared(tok: Any) -> list[Any]:
    """The token, and for the second of coordinated adjectives the first, whose complement they
    share ("vocal and critical of Russia": "of Russia" hangs on "vocal")."""
    if tok.pos_ == "ADJ" and tok.dep_ == "conj" and tok.head.pos_ == "ADJ":
        return [tok, tok.head]
    return [tok]


_GENERAL_QUANTIFIERS = {"most", "many", "some", "few", "majority", "minority"}


def _generalised(verb: Any) -> bool:
    """Whether the subject of ``verb`` is a generalisation over a people ("most Kazakhs", "many of
    them", "the majority of Russians") rather than an actor."""
    for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subj.lower_ in _GENERAL_QUANTIFIERS or any(
                c.dep_ in ("amod", "det", "nummod", "compound") and c.lower_ in _GENERAL_QUANTIFIERS for c in subj.children):
            return True
    return False


_COMMUNITY_WORDS = {"international", "western", "global", "multilateral"}


def _community(tok: Any) -> Mention | None:
    """ "the international sanctions regime", "Western sanctions": the sanctions of the international
    community, which the ontology codes WEST."""
    words = {tok.lemma_.lower()} | {c.lemma_.lower() for c in tok.children if c.dep_ == "compound"}
    if "sanction" in words and any(c.dep_ == "amod" and c.lemma_.lower() in _COMMUNITY_WORDS for c in tok.children):
        return Mention(tok.idx, tok.idx + len(tok.text), "WEST", None, None, "org", 0.5, "community", -1, -1)
    return None


def _community_from(parsed: Any) -> int | None:
    """Where the text first speaks of the international community's sanctions ("Western sanctions",
    "the international sanctions regime"); after that, a bare "the sanctions" means those."""
    for tok in parsed:
        if tok.lemma_.lower() == "sanction" and _community(tok) is not None:
            return int(tok.i)
    return None


def _bare_sanctions(tok: Any) -> bool:
    """ "will respect the sanctions": definite, with no one named as imposing or bearing them."""
    return tok.lemma_.lower() == "sanction" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
        and not any(c.dep_ in ("amod", "compound", "poss", "nmod", "prep", "acl") for c in tok.children)


# Verbs whose subject is on the receiving end of the act their object names ("drew criticism
# from X", "faces sanctions from X", "received a warning from X").
UNDERGO_VERBS = {"face", "receive", "draw", "attract", "earn", "incur", "suffer", "endure", "get"}


def _undergone(tok: Any) -> Any | None:
    """The verb of "X drew criticism from Y" when ``tok`` is its object (active voice), else None."""
    head = tok.head
    if tok.dep_ == "dobj" and head.lemma_.lower() in UNDERGO_VERBS and not any(
            c.dep_ in ("nsubjpass", "auxpass") for c in head.children):
        return head
    return None


def _named_as(verb: Any) -> list[Any]:
    """What a naming verb calls its object: "called the protests a coup attempt" -> [attempt]. The
    parser gives it as an object predicate, or as a second object after a relative pronoun ("which
    Tokayev called a coup attempt")."""
    named = [c for c in verb.children if c.dep_ == "oprd"]
    objs = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if not objs:
        return []  # nothing named ("called on both states to talk")
    return named or objs[1:]


_GROWTH_VERBS = {"grow", "mount", "increase", "rise", "intensify"}
_RELIEF = {"humanitarian", "relief", "charitable", "charity", "refugee"}
_SETTLEMENT = {"settlement", "ceasefire", "cease-fire", "truce", "de-escalation", "armistice"}
_CONFLICT = {"conflict", "war", "crisis", "dispute", "hostility", "fighting"}


def _settling(tok: Any) -> bool:
    """Whether a request asks for the conflict to be settled ("asking for a peaceful resolution of the
    conflict", "called for a ceasefire"): addressed, when no one is named, to the conflict's sides."""
    for t in tok.subtree:
        lemma = t.lemma_.lower()
        if lemma in _SETTLEMENT:
            return True
        if lemma in ("resolution", "end", "solution") and any(
                o.lemma_.lower() in _CONFLICT for _, o in cl.prep_objects(t, {"of", "to"})):
            return True
    return False


def _anti(mod: Any) -> bool:
    """ "anti-Russian sanctions": the modifier names whom the act is against, not who acts."""
    return any(t.lower_ in ("anti", "anti-") and t.i < mod.i for t in mod.head.children if t.dep_ in ("amod", "compound")) \
        or mod.lower_.startswith("anti-")


def _dated(prep: Any) -> bool:
    """ "on Monday", "in March": a preposition that only dates the act is not the pattern's."""
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objs) and all(o.ent_type_ in ("DATE", "TIME") for o in objs)


def _phrase_heads(tok: Any) -> list[Any]:
    """``tok`` and the nouns its prepositional phrases hang on, innermost first: for "law" in "protests
    by students against the law", [law, students, protests]."""
    out = [tok]
    while tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head is not tok.head:
        tok = tok.head.head
        out.append(tok)
    return out


def _under(tok: Any) -> bool:
    """ "under sanctions", "under arrest": the noun names what someone is subjected to."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "under"


_FAVOUR = {"support", "solidarity", "favour", "favor", "defence", "defense", "sympathy"}
_NEWS_NOUNS = {"news", "report", "announcement", "word", "confirmation"}
_NEWS_ADJECTIVES = {"recent", "latest", "new", "ongoing", "fresh", "current"}
_ANTI_WAR = re.compile(r"\banti-?war\b|\bagainst the (war|invasion)\b")
_MEDIATION_CAMEO = {"039", "045", "028"}
_MEDIATION_WORDS = {"mediation", "mediate", "mediator", "intermediary"}
TARGET_PREPS = ("against", "on", "with", "to", "toward", "towards", "from", "at", "over", "for", "into", "in",
                "between")
NOUN_TARGET_PREPS = ("against", "on", "of", "to", "with", "toward", "towards", "into", "for", "over", "from")
SPECIAL_VERBS = {"vote", "abstain"}
RECEIVE_VERBS = {"receive", "secure", "obtain", "get", "accept", "win", "request", "seek"}
TRY_VERBS = {"seek", "aim", "try", "attempt", "strive", "endeavour", "endeavor", "work", "look", "hope", "want"}
# Predicates that state a standing position: negated in any tense they are refusals.
STATIVE = {"recognise", "recognize", "accept", "acknowledge", "endorse", "consider"}
# Verbs whose subject undergoes the event named by their object ("X faces sanctions").
EXPERIENCER_VERBS = {"face", "suffer", "endure", "fear", "avoid", "escape", "evade", "circumvent", "survive",
                     "undergo", "risk", "dread", "expect", "witness", "see", "experience", "receive", "get",
                     "criticise", "criticize", "condemn", "denounce", "protest", "oppose", "reject", "deny", "mitigate",
                     "affect", "hit", "feel", "bear", "weather", "address", "dismiss", "ignore"}
# "responded to criticism" answers someone else's act; "responded with sanctions" is the responder's
RESPONSE_VERBS = {"respond", "react", "reply", "answer", "retort"}
DOMESTIC_DEFAULT_TARGET = {"REQUEST", "PROTEST"}
QUANTITY_WORDS = {"thousands", "thousand", "hundreds", "hundred", "dozens", "dozen", "number", "millions", "tens",
                  "several", "some", "many", "handful", "series", "wave", "spate", "string", "couple"}
_HELP_CUES = re.compile(r"\b(?:at the (?:request|invitation) of|invited by|to help|to assist|peacekeep\w*|"
                        r"(?:at|upon) (?:the )?(?:government|president)'?s? request)\b", re.IGNORECASE)
SUMMARY_NOUNS = {"something", "move", "step", "decision", "idea", "proposal", "plan", "initiative", "demand"}
SELF_RULE = {"republic", "independence", "statehood", "secession"}
HOSTILE_TYPES = {"ACCUSE", "THREATEN", "SANCTION", "COERCE", "ASSAULT"}
RECIPROCAL = {"CONSULT", "AGREE", "COOPERATE", "ASSAULT"}
FORCE_TYPES = {"ASSAULT", "MOBILIZE", "COERCE", "THREATEN"}
NON_EVENT_VERBS = {"be", "have", "become", "seem", "appear", "remain", "say", "think", "believe", "know", "see",
                   "mean", "include", "need", "want", "do", "get", "go", "come", "use", "consider", "continue",
                   "tell", "write", "argue", "note", "suggest", "explain", "describe", "find", "look", "feel",
                   "hope", "expect", "happen", "exist", "depend", "lie", "stand", "sit", "live", "grow", "fall",
                   "rise", "increase", "decrease", "decline", "change", "show", "reflect", "represent", "affect",
                   "decide", "face", "engage", "control", "ensure", "risk", "aim", "deal", "add", "mull", "try",
                   "attempt", "seek", "work", "manage", "begin", "start", "keep", "let", "make", "take", "give",
                   "put", "set", "turn", "bring", "hold", "call", "ask", "play", "pursue", "maintain", "allow"}
NAMING_VERBS = {"call", "dub", "term", "name"}  # with an object predicate: "called X a coup"
EVALUATIVE_VERBS = NAMING_VERBS | {"declare", "describe", "consider", "regard", "view", "brand", "label",
                                   "characterise", "characterize", "justify", "defend", "praise", "hail"}
HISTORY_CUES = {"historically", "formerly", "once", "traditionally", "previously"}


@dataclass
class Found:
    """A lexicon match before the actors are attached."""

    tok: Any
    pattern: Pattern


class Coder:
    def __init__(self, ref: Reference, lexicon: Lexicon, classifier: EventClassifier | None = None,
                 min_prob: float = 0.6) -> None:
        self.ref = ref
        self.lex = lexicon
        self.classifier = classifier
        self.min_prob = min_prob
        self.lookup = ActorLookup(ref)
        self._community_at: int | None = None  # see _community_from (set per document)
        self.aggressors: dict[str, str] = {}  # attacked state -> attacker in the last coded document

    # -- matching -------------------------------------------------------------------------------
    def match(self, tok: Any) -> Pattern | None:
        """The most specific lexicon pattern the token satisfies."""
        if tok.lemma_.lower() in SPECIAL_VERBS:
            return None  # votes are coded by their own rules (votes.py)
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.tag_ == "VBN"):
            cands = [p for p in self.lex.verbs.get(tok.lemma_.lower(), []) if not p.adj]
        elif tok.pos_ == "ADJ" and cl.copula(tok) is not None:
            if _generalised(cl.copula(tok)):
                return None  # "Most Kazakhs are sympathetic to Ukraine": the author's view of a people, no act
            cands = [p for p in self.lex.verbs.get(tok.lemma_.lower(), []) if p.adj]
        elif tok.pos_ in ("NOUN", "PROPN"):
            cands = self.lex.nouns.get(tok.lemma_.lower(), [])
        else:
            return None
        best: Pattern | None = None
        if tok.lemma_.lower() in NON_EVENT_VERBS:
            cands = [p for p in cands if p.source != "phoenix"]
        for p in cands:
            if self._satisfies(tok, p) and (best is None or p.specificity > best.specificity):
                best = p
        return best

    def _satisfies(self, tok: Any, p: Pattern) -> bool:
        if p.particle and not any(c.dep_ == "prt" and c.lower_ == p.particle for c in tok.children):
            # "crack down on": spaCy sometimes attaches the particle as a preposition
            if not any(c.dep_ in ("prep", "advmod") and c.lower_ == p.particle for c in tok.children):
                return False
        elif not p.particle and p.verb and any(c.dep_ == "prt" for c in tok.children):
            prt = next(c.lower_ for c in tok.children if c.dep_ == "prt")
            if any(q.particle == prt for q in self.lex.verbs.get(p.verb, [])):
                return False  # a phrasal verb with its own entry
        if p.verb in NAMING_VERBS and not p.objects and _named_as(tok):
            return False  # "called Greece a friend" names; it is no phone call
        if p.preps and not any(c.dep_ in ("prep", "agent", "dative") and c.lower_ in p.preps and not _dated(c)
                               for h in _with_shared(tok) for c in h.children):
            return False
        if p.objects:
            objs = cl.direct_objects(tok) if p.verb else []
            if p.verb and not objs:
                objs = cl.passive_target(tok)
            if p.verb and p.preps and not objs:  # "complied with the sanctions": the preposition's object
                objs = [o for _, o in cl.prep_objects(tok, set(p.preps))]
            if p.noun:
                objs = [c for c in tok.children if c.dep_ in ("compound", "amod")]
            elif p.verb in NAMING_VERBS and (named := _named_as(tok)):
                objs = named  # what the object is called: "called the protests a coup attempt"
            if p.verb and tok.dep_ == "relcl":
                # "protests by civil society — which have not been sanctioned": the relative clause
                # may hang on a noun inside the phrase it describes
                objs = [*objs, *_phrase_heads(tok.head)[1:]]
            # look through quantities: "sent thousands of troops", "a number of rallies"
            objs = objs + [g for o in objs if o.lower_ in QUANTITY_WORDS or o.pos_ == "NUM"
                           for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                           for g in c.children if g.dep_ == "pobj"]
            lemmas = {o.lemma_.lower() for o in objs} | {c.lemma_.lower() for o in objs for c in o.children
                                                         if c.dep_ == "compound"}
            if not lemmas & set(p.objects):
                return False
            if p.modifiers and not any(c.lemma_.lower() in p.modifiers for o in objs for c in o.children
                                       if c.dep_ in ("amod", "compound")):
                return False
        if p.xcomp:
            xs = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")]
            if not xs:
                # "offer X as a platform for mediation": accept a prepositional noun from the list
                xs_nouns = [o for _, o in cl.prep_objects(tok)]
                if not (p.xcomp != ("any",) and any(o.lemma_.lower() in p.xcomp for o in xs_nouns)):
                    return False
            elif p.xcomp != ("any",) and not any(x.lemma_.lower() in p.xcomp for x in xs):
                return False
        return True

    # -- actors ----------------------------------------------------------------------------------
    def actor(self, tok: Any, index: dict[int, Mention], date: str | None) -> Mention | None:
        return self.lookup.actor(tok, index, date)

    def is_noun_of(self, tok: Any, typ: str) -> bool:
        """Whether the lexicon has ``tok`` as a noun of event type ``typ`` ("rally" -> PROTEST)."""
        return any(q.type == typ for q in self.lex.nouns.get(tok.lemma_.lower(), ()))

    def _owner(self, tok: Any, index: dict[int, Mention], date: str | None) -> Mention | None:
        return self.lookup.owner(tok, index, date)

    def targets(self, f: Found, index: dict[int, Mention], date: str | None, passive: bool,
                exclude: frozenset[tuple[str | None, str | None]] = frozenset(),
                srcs: list[Mention] | None = None) -> list[Mention | str]:
        tok, p = f.tok, f.pattern
        if p.target == "none":
            return []
        cands: list[Any] = []
        addressees: list[Any] = []
        if passive and p.verb and tok.dep_ == "relcl":
            # "protests by students against the law — which were not authorised": acting on the
            # protests the relative clause describes is acting on the protesters
            for t in _phrase_heads(tok.head):
                if self.is_noun_of(t, "PROTEST") and (protesters := self._protest_source(t, index)):
                    return list(protesters)
        if passive and p.verb:
            cands += cl.passive_target(tok)
            # "sanctions imposed by the West and its allies on Russia": "on Russia" parsed on the agent
            cands += [o for a in cl.subjects(tok)[0] for t in a.subtree if t.dep_ == "prep" and t.lower_ in ("on", "against")
                      for o in t.children if o.dep_ == "pobj"]
        if p.verb:
            if p.target in (None, "dobj") and not passive:
                cands += cl.direct_objects(tok)
            preps = p.preps or (tuple(x for x in TARGET_PREPS if x != "for") if p.type in FORCE_TYPES else TARGET_PREPS)
            # ("fighting for our freedom": for whom or what force is used is not whom it hits)
            if p.preps and p.objects:  # "complied with US sanctions against Russian banks": whom they hit
                hit = [a for _, n in cl.prep_objects(tok, set(p.preps)) if n.lemma_.lower() in p.objects
                       for _, o in cl.prep_objects(n, {"against", "on", "targeting"})
                       if (a := self.actor(o, index, date) or self._owner(o, index, date))]
                if hit:
                    return list(hit)
            cands += [o for h in _with_shared(tok) for _, o in cl.prep_objects(h, set(preps))]
            if p.target == "prep" and not passive:  # "sent aid to Ukraine" parsed with "to" on "aid"
                cands += [o for d in cl.direct_objects(tok) for _, o in cl.prep_objects(d, {"to", "for", "toward", "towards"})]
            if p.target is None and not p.preps:
                cands += [o for _, o in cl.prep_objects(tok, set(preps))]
            for x in tok.children:  # "refused to accept X", "called on X to ...": look one clause down
                if x.dep_ in ("xcomp", "ccomp") and x.pos_ in ("VERB", "AUX"):
                    if p.type in ("REQUEST", "THREATEN") and x.dep_ == "ccomp" and not cl.direct_objects(tok):
                        # "demanded that the United States match ...": who is to act is addressed;
                        # "warned that X could be banned": who would suffer it is threatened
                        addressees = [c for c in x.children if c.dep_ in ("nsubj", "nsubjpass")]
                        cands += addressees
                    cands += cl.direct_objects(x) + [o for _, o in cl.prep_objects(x, set(TARGET_PREPS))]
        else:
            if (undergo := _undergone(tok)) is not None:  # "X drew criticism from Y": X is the target
                return [a for sub in cl.subjects(undergo)[0]
                        if (a := self.actor(sub, index, date) or self._owner(sub, index, date))]
            cands += [o for _, o in cl.prep_objects(tok, set(p.preps or NOUN_TARGET_PREPS))]
            if _under(tok):  # "X (is) under sanctions": X is the target
                under = tok.head
                subj = [c for c in under.children if c.dep_ in ("nsubj", "nsubjpass")] or \
                    [c for c in under.head.children if c.dep_ in ("nsubj", "nsubjpass")]
                bearers = [a for s0 in subj[:1] for x in cl.conjuncts(s0) if (a := self.actor(x, index, date))]
                if bearers:
                    return list(bearers)
        if p.verb and not passive and (summed := self._summarised_act(tok, index, date)):
            return list(summed)
        out: list[Mention | str] = []
        community: list[Mention] = []
        for c in cands:
            if c.dep_ in ("nsubj", "nsubjpass") and not passive and c not in addressees:
                continue
            phrase = " ".join(t.lower_ for t in c.subtree if t.dep_ not in ("punct",))
            if any(phrase.startswith(b) or phrase == b for b in BOTH_SIDES):
                out.append("BOTH")
                if c in addressees:
                    break
                continue
            a = self.actor(c, index, date) or self._owner(c, index, date)
            if c in addressees and a is not None and any(a.code == s0.code for s0 in srcs or []):
                continue  # "Turkey warned that it would retaliate against Greece": look further
            if a is None and (w := _community(c)) is not None:
                # only when no one else is named ("help Russia evade Western sanctions"); head -2 marks
                # the predicate's own object
                community.append(replace(w, head=-2) if c.head.i == tok.i else w)
            elif a is None and self._community_at is not None and c.i > self._community_at and _bare_sanctions(c):
                community.append(Mention(c.idx, c.idx + len(c.text), "WEST", None, None, "org", 0.4,
                                         "community:anaphor", -1, -2 if c.head.i == tok.i else -1))
            if a is not None and all(not (isinstance(o, Mention) and o.head == a.head) for o in out):
                out.append(a)
                out += [m for m in self._conjoined_owners(c, index, date)
                        if all(not (isinstance(o, Mention) and o.code == m.code) for o in out)]
            if out and (p.target == "dobj" or c in addressees):
                break
        if p.verb and not passive and (pro := self._protesters(tok, index, srcs, p.type)):
            return pro
        if community and community[0].head == -2 and not any(isinstance(o, Mention) or o == "BOTH" for o in out):
            # the predicate's own object is the international community's sanctions: they are the target
            # before anything deeper ("respect the sanctions, although ... on Russian companies")
            out = [community[0]]
        if not any(isinstance(o, Mention) or o == "BOTH" for o in out) and p.verb and not passive:
            out = self._place_object(tok, index) or out
        if not any(isinstance(o, Mention) or o == "BOTH" for o in out):
            out = self._deep_targets(tok, index, date, exclude, purpose=p.type not in FORCE_TYPES) or out
        if community and not any(isinstance(o, Mention) or o == "BOTH" for o in out):
            out = [community[0]]  # nobody else named: the international community's sanctions
        if p.type == "PROTEST":
            out = [o for o in out if not (isinstance(o, Mention) and self._in_favour(tok, o))]
        return out

    def _conjoined_owners(self, c: Any, index: dict[int, Mention], date: str | None) -> list[Mention]:
        """A coordinated noun inside a target phrase that names its actor through "of" ("Crimea as
        part of Russia nor the independence of Donbas"): that actor is a target too."""
        out = []
        for t in c.subtree:
            if t.dep_ == "conj" and t.pos_ == "NOUN" and self.actor(t, index, date) is None:
                for _, o in cl.prep_objects(t, {"of"}):
                    a = self.actor(o, index, date) or index.get(o.idx)
                    if a is not None and a.code and len(a.code) == 3:
                        out.append(a)  # a place ("Donbas") stands for its state
        return out

    def _summarised_act(self, tok: Any, index: dict[int, Mention], date: str | None) -> list[Mention]:
        """ "Russia is pushing for a ban, something that Kazakhstan opposes": the relative clause is
        about the act of the clause its "something" sums up, so it acts on that clause's actor."""
        if tok.dep_ != "relcl" or tok.head.lemma_.lower() not in SUMMARY_NOUNS:
            return []
        if not any(c.dep_ in ("dobj", "obj") and c.lower_ in ("that", "which") for c in tok.children):
            return []  # "something that happened": the noun is not what is opposed
        act = self.summarised(tok)
        if act is None:
            return []
        return [a for x in cl.subjects(act)[0] if (a := self.actor(x, index, date))]

    def summarised(self, tok: Any) -> Any | None:
        """The act a relative clause's "something" sums up: after a comma, the nearest verb before it
        that has a subject (the parser often hangs it on an earlier word: "This threat was made ...,
        with Russia pushing for a ban, something that ..."); else the verb it is attached to."""
        noun = tok.head
        if noun.dep_ not in ("dobj", "appos", "npadvmod", "attr"):
            return None
        if noun.dep_ in ("appos", "npadvmod") and noun.i > 0 and noun.doc[noun.i - 1].is_punct:
            # after a comma it sums up the nearest clause before it
            for t in reversed(list(noun.sent)[: noun.i - noun.sent.start]):
                if t.pos_ == "VERB" and cl.subjects(t)[0]:
                    return t
        return noun.head if noun.head.pos_ in ("VERB", "AUX") else None

    @staticmethod
    def _in_favour(pred: Any, m: Mention) -> bool:
        """Whether an actor is named as the cause a protest supports ("rallies in support of Ukraine"):
        not whom it is against."""
        t = cl.token_at(pred.doc, m.head)
        while t is not None and t.i != pred.i and t.head is not t:
            if t.lemma_.lower() in _FAVOUR:
                return True
            t = t.head
        return False

    def _protesters(self, tok: Any, index: dict[int, Mention], srcs: list[Mention] | None = None,
                    typ: str = "") -> list[Mention | str]:
        """Acting on a protest ("suppressed mass protests in Kazakhstan", "allowed rallies in support of
        Ukraine", "broke up Georgian rallies") is acting on the protesters: the civilians named by the
        protest's modifiers or place; else, when a state body acts, its own citizens. What a protest
        is for or against ("in support of Ukraine") does not say who protests. Making a protest
        ("lodged a protest with Albania", "staged a rally") is not acting on one."""
        if tok.lemma_.lower() in LIGHT_VERBS - PERMIT_PARTICIPLES and typ not in HOSTILE_TYPES:
            return []  # (but "condemned the rallies", "called the protests a coup" act on the protesters)
        objs = cl.direct_objects(tok) + [c for x in tok.children if x.dep_ in ("ccomp", "xcomp")
                                         for c in x.children if c.dep_ in ("nsubj", "nsubjpass")]
        objs += [g for o in objs if o.lower_ in QUANTITY_WORDS or o.pos_ == "NUM"  # "a number of rallies"
                 for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        for obj in objs:  # "suppressed the protests", "allowed the rally to go ahead"
            if not self.is_noun_of(obj, "PROTEST"):
                continue
            mods = [m for c in obj.children if c.dep_ in ("amod", "compound", "poss")
                    if (m := index.get(c.idx)) is not None and m.code and len(m.code) == 3]
            places = [m for t in obj.subtree if (m := index.get(t.idx)) is not None and m.kind == "location"
                      and m.code and len(m.code) == 3]
            for m in mods + places:
                if m.sector in (None, "CVL", "OPP"):
                    return [Mention(m.start, m.end, m.code, m.sector or "CVL", None, "group", 0.5, "protesters",
                                    m.sent, m.head)]
            own = next((s for s in srcs or [] if s.code and len(s.code) == 3 and s.sector in (None, "GOV", "JUD", "MIL", "OPP")),
                       None)  # a state or its bodies allowing, banning or breaking up rallies (or its opposition
            # hijacking them): its own citizens
            if own is not None:
                return [Mention(own.start, own.end, own.code, "CVL", None, "group", 0.4, "protesters:own",
                                own.sent, -1)]
        return []

    def _place_object(self, tok: Any, index: dict[int, Mention]) -> list[Mention | str]:
        """A place as the direct object ("recognise the separatist Lugansk and Donetsk republics",
        "annexed Crimea") stands for the state it lies in, or its rebels when a modifier says so."""
        verbs = [tok, *(x for x in tok.children if x.dep_ == "xcomp" and x.pos_ == "VERB")]  # "refused to recognise X"
        for verb, obj in ((v, o) for v in verbs for o in cl.direct_objects(v)):
            group = cl.conjuncts(obj)
            m = next((index[t.idx] for t in group if t.idx in index and index[t.idx].kind == "location"
                      and index[t.idx].code and len(index[t.idx].code or "") == 3), None)
            if m is None:
                continue
            mods = {c.lemma_.lower() for t in group for c in t.children if c.dep_ in ("amod", "compound")}
            sector = next((self.lookup.ref.sector_words.get(w) for w in sorted(mods)
                           if self.lookup.ref.sector_words.get(w) in ("REB", "OPP", "MIL")), None)
            if sector is None and verb.lemma_.lower() in STATIVE and any(
                    t.lemma_.lower() in SELF_RULE or t.lower_.rstrip("s") in SELF_RULE for t in group):
                sector = "REB"  # recognising "the Lugansk and Donetsk republics": those who claim them
            if sector is None and cl.negation(tok)[0]:
                return []  # "does not recognise Crimea as part of Russia": the claim, not the place, is rejected
            return [Mention(m.start, m.end, m.code, sector, None, "location", 0.5, "place-object", m.sent, m.head)]
        return []

    @staticmethod
    def _reference_to_known_event(tok: Any) -> bool:
        """ "the Russian invasion", "Russia's invasion" in passing: a reference to an event the
        reader knows, not a report of one. Indefinite or bare nouns ("sanctions against X", "a series
        of protests") and the objects of verbs that launch or stage them are reports."""
        definite = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "its", "their"))
                       for c in tok.children)
        if not definite:
            return False
        head = tok.head
        if tok.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in LIGHT_VERBS:
            return False
        if any(c.dep_ == "amod" and c.lower_ in _NEWS_ADJECTIVES for c in tok.children):
            return False  # "the recent sentencing of two activists": news, not a reminder
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _NEWS_NOUNS:
            return False  # "the news of Kazakhstan's withdrawal": what the news reports
        if any(c.dep_ in ("prep", "agent") and c.lower_ == "by" for c in tok.children) and \
                any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            return False  # "the sentencing of X by a court": who did what to whom, stated
        return not any(t.ent_type_ == "DATE" for t in tok.subtree)

    @staticmethod
    def _place_target(tok: Any, index: dict[int, Mention], exclude: set[str | None]) -> list[Mention | str]:
        """Force used at a place hits the state it lies in ("shelled villages in Syunik", "near Homs")."""
        for c in tok.subtree:
            m = index.get(c.idx)
            if m is not None and m.kind == "location" and m.code and m.code not in exclude and len(m.code) == 3:
                return [Mention(m.start, m.end, m.code, None, None, "location", 0.5, "place-target", m.sent, m.head)]
        return []

    def _deep_targets(self, tok: Any, index: dict[int, Mention], date: str | None,
                      exclude: frozenset[tuple[str | None, str | None]] = frozenset(),
                      purpose: bool = True) -> list[Mention | str]:
        """The first actor named inside the predicate's complements ("questioned whether sanctions
        against Kazakhstan ...", "allegations that X was producing ...", "annexed regions east of
        Ukraine"), with its conjuncts; the source's own state ("Russian-speaking regions") is skipped."""
        roots = [c for c in tok.children if c.dep_ in ("dobj", "prep", "xcomp", "ccomp", "attr", "dative", "oprd",
                                                        "acl", "advcl", "pobj", "obj", "advmod")
                 and (purpose or c.lower_ != "for")]  # ("fighting for our freedom" hits no one named there)
        for root in roots:
            # a relative clause on the object tells something of its own ("something that X opposes")
            inner = {x.i for r in root.subtree if r.dep_ == "relcl" and r.i != root.i for x in r.subtree}
            for t in root.subtree:
                if (t.dep_ in ("nsubj",) and t.head.i == tok.i) or t.i in inner:
                    continue
                if t.lower_ in ("both", "parties", "sides") and any(
                        " ".join(x.lower_ for x in t.head.subtree).startswith(b) or
                        " ".join(x.lower_ for x in t.subtree) == b for b in BOTH_SIDES):
                    return ["BOTH"]
                m = self.actor(t, index, date)
                if m is None or (m.code, m.sector) in exclude or ((m.code, None) in exclude and m.sector is None):
                    continue
                found: list[Mention | str] = [m]
                for c in cl.conjuncts(t)[1:]:
                    mc = self.actor(c, index, date)
                    if mc is not None:
                        found.append(mc)
                found += [m for m in self._conjoined_owners(t, index, date)
                          if all(not (isinstance(o, Mention) and o.code == m.code) for o in found)]
                return found
        return []

    def _protest_source(self, tok: Any, index: dict[int, Mention]) -> list[Mention]:
        """ "Mass protests in Kazakhstan", "Georgian rallies", "protests swept the country": the
        protesters are the civilians named by the protest's modifiers or place (not whoever
        suppressed them, nor whom the protest supports: "rallies in support of Ukraine")."""
        mods = [m for c in tok.children if c.dep_ in ("amod", "compound", "poss")
                if (m := index.get(c.idx)) is not None]
        places = [m for t in tok.subtree if (m := index.get(t.idx)) is not None and m.kind == "location"]
        top = tok
        while top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head is not top.head:
            top = top.head.head  # "a wave of protests"
        context: list[Mention] = []
        if top.dep_ in ("nsubj", "nsubjpass"):  # "protests rocked / swept the country", "continued in Minsk"
            context = [m for c in top.head.children if c.dep_ in ("dobj", "prep") for t in c.subtree
                       if (m := index.get(t.idx)) is not None]
        elif top.dep_ in ("dobj", "pobj") and top.head.pos_ in ("VERB", "AUX"):
            # "the government allowed rallies": its own citizens
            context = [m for m in (self.actor(x, index, None) for x in cl.subjects(top.head)[0])
                       if m is not None and m.sector in ("GOV", "JUD", "MIL")]
        by = [m for _, o in cl.prep_objects(tok, {"by"}) if (m := index.get(o.idx)) is not None
              and m.code and m.sector in ("CVL", "OPP", "BUS")]  # "protests by Chilean students"
        if by:
            return by[:1]
        for m in mods + places + context:
            if m.code and len(m.code) == 3 and m.sector in (None, "CVL", "GOV", "JUD", "MIL"):
                return [Mention(m.start, m.end, m.code, "CVL", None, "group", 0.5, "protest-place", m.sent, -1)]
        return []

    def _implied_agent(self, tok: Any, p: Pattern, index: dict[int, Mention], date: str | None) -> list[Mention]:
        """ "Two Kazakh activists were sentenced": only a court sentences, so the unnamed agent is the
        judiciary (the pattern's ``agent`` sector) of the state the patient belongs to."""
        for t in cl.passive_target(tok):
            m = self.actor(t, index, date)
            if m is not None and m.code and len(m.code) == 3:
                return [Mention(m.start, m.end, m.code, p.agent, None, "group", 0.5, "implied-agent", m.sent, -1)]
        return []

    def sources(self, f: Found, index: dict[int, Mention], date: str | None) -> tuple[list[Mention], bool]:
        tok, p = f.tok, f.pattern
        if p.verb:
            subs, passive = cl.subjects(tok)
            found = [a for a in (self.actor(s, index, date) for s in subs) if a]
            for s in subs:  # "Thai and Cambodian troops", "business and civil society activists": the
                for mod in s.children:  # first modifier names a side too
                    if mod.dep_ in ("amod", "compound", "nmod") and any(c.dep_ == "conj" for c in mod.children):
                        m = index.get(mod.idx)
                        if m is not None and m.code and all((m.code, m.sector) != (f2.code, f2.sector) for f2 in found):
                            found.append(m)
            return found, passive
        if (undergo := _undergone(tok)) is not None:
            # "The move drew criticism from voices in Moscow, including commentator X": the "from" (or
            # "by") phrase is who acts, else the person the sentence singles out with "including"
            agents = [o for h in (tok, undergo) for _, o in cl.prep_objects(h, {"from", "by"})]
            agents += [o for _, o in cl.prep_objects(undergo, {"including"})]
            found = [a for o in agents if (a := self.actor(o, index, date))]
            return found[:1], False
        # Nouns: the owner ("Russia's invasion", "the Russian offensive"), the agent ("sentencing of
        # activists by a court"), or the governing verb's subject. "of X" is usually the patient.
        for c in tok.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod") and not _anti(c):
                m = self.actor(c, index, date)
                if m:
                    return [m], False
        if _under(tok):
            # "Iran has been under Western sanctions": Iran bears them; who imposes them is the
            # modifier, or the international community the ontology calls WEST
            if any(c.dep_ == "amod" and c.lemma_.lower() in _COMMUNITY_WORDS for c in tok.children):
                return [Mention(tok.idx, tok.idx + len(tok.text), "WEST", None, None, "org", 0.5, "community",
                                -1, -1)], False
            return [], False
        for _prep, obj in cl.prep_objects(tok, {"by"}):
            m = self.actor(obj, index, date)
            if m:
                return [m], False
        if p.type == "PROTEST" and (tok.head.lemma_.lower() not in LIGHT_VERBS - PERMIT_PARTICIPLES
                                    or tok.dep_ in ("nsubj", "nsubjpass") or (
                                        (hp := self.match(tok.head)) is not None and hp.type in HOSTILE_TYPES)):
            # (whoever allows or approves the rallies is not the one protesting)
            return self._protest_source(tok, index), False
        if tok.dep_ in ("dobj", "nsubjpass", "pobj", "attr", "conj", "appos"):
            head = tok.head
            while head.dep_ in ("prep", "conj", "appos") and head.head is not head:
                head = head.head
            answered = head.lemma_.lower() in RESPONSE_VERBS and tok.dep_ == "pobj" and tok.head.lower_ == "to"
            if tok.dep_ == "dobj" and head.dep_ == "pcomp" and head.lemma_.lower() in _GROWTH_VERBS:
                answered = head.head.lower_ == "to" and head.head.head.lemma_.lower() in RESPONSE_VERBS
                # ("responding to growing criticism", with "growing" parsed as the verb)
            if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() not in EXPERIENCER_VERBS | EVALUATIVE_VERBS \
                    and not any(c.dep_ == "oprd" for c in head.children) and not answered:
                # ("called the invasion indefensible": who judges an act did not do it)
                subs, passive = cl.subjects(head)
                found = [a for a in (self.actor(s, index, date) for s in subs) if a]
                return found, False
        return [], False

    # -- main ----------------------------------------------------------------------------------------
    def code(self, doc: Document) -> list[Event]:
        parsed = doc.parsed
        index = mention_index(doc)
        ref_date = doc.reference_date
        ref_year = ref_date[:4] if ref_date else None

        self._community_at = _community_from(parsed)
        found: list[Found] = []
        known_conflicts: Counter[tuple[str | None, str | None]] = Counter()
        for tok in parsed:
            if tok.lemma_.lower() in TRY_VERBS and any(c.dep_ == "xcomp" for c in tok.children):
                continue  # "sought to project independence": the attempt is not a request
            p = self.match(tok)
            if tok.pos_ == "NOUN" and self.is_noun_of(tok, "ASSAULT") \
                    and any(c.dep_ in ("det", "poss") for c in tok.children):
                # "the Russian invasion of Ukraine", "the war in Ukraine": the conflict the text is about
                owner = self._owner(tok, index, ref_date)
                tgt = next((a for _, o in cl.prep_objects(tok, {"of", "against", "on"})
                            if (a := self.actor(o, index, ref_date))), None)
                if tgt is None:  # "the war in Ukraine": the country it is fought in is a side
                    tgt = next((a for _, o in cl.prep_objects(tok, {"in"})
                                if (a := index.get(o.idx)) is not None and len(a.code or "") == 3), None)
                if owner is not None or tgt is not None:
                    known_conflicts[(owner.code if owner else None, tgt.code if tgt else None)] += 1
            if p is not None and p.noun and self._reference_to_known_event(tok):
                continue
            if p is not None:
                found.append(Found(tok, p))
        matched = {f.tok.i: f for f in found}
        kept: list[Found] = []
        def own_agent(noun: Any, verb: Any) -> bool:
            """ "complied with US sanctions against Russian banks": the noun names its own agent, other
            than the verb's subject, so it is an event of its own."""
            mods = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound")]
            owner = next((m for c in mods if (m := self.actor(c, index, ref_date)) is not None), None)
            subs = [a for s in cl.subjects(verb)[0] if (a := self.actor(s, index, ref_date))]
            return owner is not None and bool(subs) and all(owner.code != a.code for a in subs)

        for f in found:
            head = matched.get(f.tok.head.i)
            gov = f.tok
            while gov.dep_ == "pobj" and gov.head.lower_ == "of" and gov.head.head.lower_ in QUANTITY_WORDS:
                gov = gov.head.head  # "allowed a small number of rallies"
            if f.pattern.type == "PROTEST" and f.pattern.noun and gov.dep_ in ("nsubj", "nsubjpass") \
                    and gov.head.dep_ in ("xcomp", "ccomp"):
                head = matched.get(gov.head.head.i) or head  # "allowed protests to take place"
            elif gov is not f.tok:
                head = matched.get(gov.head.i) or head
            if f.pattern.type == "PROTEST" and f.pattern.noun and head is not None and head.pattern.type == "CONCEDE":
                continue  # "allowed / approved rallies": the permission is the event, coded by the verb
            if f.tok.dep_ in ("xcomp", "ccomp") and head is not None and (head.pattern.xcomp or head.pattern.type == "REJECT"):
                continue  # "refused to recognise", "offered to mediate": the head pattern codes it
            purpose = f.tok.head if f.tok.dep_ == "xcomp" and f.tok.head.dep_ == "advcl" else f.tok
            if f.pattern.verb and purpose.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                  for c in purpose.children) \
                    and purpose.head.i in matched and (matched[purpose.head.i].pattern.type in ("AID", "MOBILIZE") or (
                        matched[purpose.head.i].pattern.type == "PROTEST" and f.pattern.type == "SUPPORT")):
                # "sent troops to crush the protests": what a deployment was for, not a second act;
                # "marched to show their support for X": the protest's message (a rally "to demand"
                # something does demand it)
                continue
            asked = f.tok
            if f.tok.tag_ == "VBG" and f.tok.dep_ == "conj" and f.tok.head.tag_ in ("VBP", "VBZ", "VBD") \
                    and not any(c.dep_ in ("aux", "nsubj") for c in f.tok.children):
                # "They call for suspending or even withdrawing membership": a bare gerund cannot be
                # the second finite verb the parser made it; it is coordinated with the asked-for act
                req = matched.get(f.tok.head.i)
                if req is not None and req.pattern.type in ("REQUEST", "THREATEN", "REJECT"):
                    continue
            while asked.dep_ == "conj" and asked.head is not asked:
                asked = asked.head
            if f.pattern.verb and asked.dep_ == "pcomp" and (req := matched.get(asked.head.head.i)) is not None \
                    and req.pattern.type in ("REQUEST", "THREATEN", "REJECT"):
                continue  # "called for suspending or withdrawing membership": asked for, not done
            if f.pattern.noun and head is not None and f.tok.dep_ in ("dobj", "nsubjpass", "pobj", "attr") and not (
                    f.pattern.type == "PROTEST" and head.pattern.type != "PROTEST"):
                continue  # "imposed sanctions": the verb codes it (but "suppressed protests" is two events)
            if f.pattern.noun and f.tok.dep_ == "pobj" and f.tok.head.head.i in matched \
                    and not own_agent(f.tok, f.tok.head.head):
                continue
            if f.pattern.verb and f.tok.dep_ == "relcl" and f.tok.tag_ in ("VBZ", "VBP") and any(
                    c.dep_ == "nsubj" and c.lower_ in ("which", "that", "who") for c in f.tok.children) and not any(
                    c.dep_ in ("aux", "auxpass", "neg") or c.ent_type_ == "DATE" for c in f.tok.children) \
                    and not any(t.ent_type_ == "DATE" for t in f.tok.subtree):
                continue  # "the country which offers no prospects", "a regime that jails critics": a trait
            kept.append(f)

        events: list[Event] = []
        for f in kept:
            events.extend(self._events_for(f, doc, index, ref_year))
        for construction in (requests_behind, permitted_protests, deontic_requests, relation_praise):
            events.extend(construction(self, doc, index, ref_year))
        vehicles, covered = evasion_vehicles(self, doc, index, ref_year)
        if covered:  # the construction codes its words ("serve as a conduit for bypassing sanctions")
            events = [e for e in events if (t := cl.token_at(parsed, e.head)) is None or t.i not in covered]
        events.extend(vehicles)
        if self.classifier is not None:
            events.extend(self._fallback(doc, index, {e.sent for e in events}, ref_year))
        self._expand_both_sides(events, known_conflicts)
        self._anti_war_targets(doc, events, known_conflicts)
        self.aggressors = self._aggressors(events, known_conflicts)
        self._relief_recipients(doc, events)
        return self._drop_dangling(events)

    @staticmethod
    def _drop_dangling(events: list[Event]) -> list[Event]:
        """ "called for restraint on both sides and urged negotiations": the second verb repeats the
        act with its target left implicit; an untargeted event is dropped when the same sentence has
        the same act (source, type, negation, modality) with a target."""
        targeted = {(e.sent, e.source, e.source_sector, e.type, e.negated, e.modality) for e in events if e.target}
        return [e for e in events if e.target or
                (e.sent, e.source, e.source_sector, e.type, e.negated, e.modality) not in targeted]

    def _fallback(self, doc: Document, index: dict[int, Mention], covered: set[int],
                  ref_year: str | None) -> list[Event]:
        """Clauses with an actor subject and a verb no pattern knows: ask the embedding classifier."""
        assert self.classifier is not None
        date = doc.reference_date
        cands: dict[int, Any] = {}
        for tok in doc.parsed:
            if tok.pos_ != "VERB" or tok.dep_ not in ("ROOT", "ccomp", "conj") or \
                    tok.lemma_.lower() in NON_EVENT_VERBS | SPECIAL_VERBS:
                continue
            sent = doc.sentence_of(tok.idx)
            if sent is None or sent.idx in covered or sent.idx in cands or self.match(tok) is not None:
                continue
            subs, _ = cl.subjects(tok)
            if any(self.actor(s, index, date) for s in subs):
                cands[sent.idx] = tok
        if not cands:
            return []
        toks = list(cands.values())
        preds = self.classifier.predict([doc.text[s.start:s.end] for s in (doc.sentence_of(t.idx) for t in toks) if s])
        out: list[Event] = []
        for tok, (label, prob) in zip(toks, preds, strict=True):
            if label == "NONE" or prob < self.min_prob:
                continue
            p = Pattern(type=label, cameo=GENERIC_CAMEO[label], verb=tok.lemma_.lower(), source="classifier")
            for e in self._events_for(Found(tok, p), doc, index, ref_year):
                e.confidence = round(e.confidence * prob, 3)
                out.append(e)
        return out

    def _events_for(self, f: Found, doc: Document, index: dict[int, Mention], ref_year: str | None) -> list[Event]:
        tok, p = f.tok, f.pattern
        date, _ = clause_date(tok, doc)
        lookup_date = date or doc.reference_date
        srcs, passive = self.sources(f, index, lookup_date)
        if not srcs and passive and p.agent:
            srcs = self._implied_agent(tok, p, index, lookup_date)
        if not srcs:
            return []
        givers = [a for _, o in cl.prep_objects(tok, {"from"}) if (a := self.actor(o, index, lookup_date))] \
            if p.type == "AID" and p.verb and tok.lemma_.lower() in RECEIVE_VERBS else []
        tgts: list[Mention | str]
        if givers:
            # "After securing help from Moscow, Tokayev ...": the giver is the source, the receiver the target.
            srcs, tgts = givers, list(srcs)
        else:
            tgts = [t for t in self.targets(f, index, lookup_date, passive,
                                                 frozenset((s.code, x) for s in srcs for x in (s.sector, None)), srcs)
                    if not (isinstance(t, Mention) and any(t.code == s.code and (
                        t.sector == s.sector or ((t.kind == "pronoun" or t.rule.startswith("pronoun")) and
                                                 None in (t.sector, s.sector))) for s in srcs))]
            # (a pronoun for the source's own state is a self-reference; one for another part of it,
            # "he was released by the court" after an activist, is a target)
        if p.type in ("AGREE", "CONSULT", "REQUEST") and not any(
                (isinstance(t, Mention) and t.code not in {s.code for s in srcs}) or t == "BOTH" for t in tgts) and (
                p.cameo in _MEDIATION_CAMEO or any(t.lemma_.lower() in _MEDIATION_WORDS for t in tok.subtree)
                or (p.type == "REQUEST" and _settling(tok))):
            # A mediation offer with no parties named is made to the sides of the conflict at hand
            # ("offered Kazakhstan as a platform for mediation").
            tgts = ["BOTH"]
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(
                isinstance(t, Mention) and t.code not in {s0.code for s0 in srcs} for t in tgts):
            return []  # "the republics supported by Russia", "the New Kazakhstan promised by X": no one acted on
        if not tgts and p.type in FORCE_TYPES:
            tgts = self._place_target(tok, index, {s.code for s in srcs})
            if not tgts and p.verb and cl.prep_objects(tok, {"for"}):
                return []  # "Ukraine is fighting for our freedom": a cause named, no one attacked
        if p.source == "phoenix" and not any(isinstance(t, Mention) for t in tgts):
            return []  # the broad fallback lexicon only counts with an actor on both ends
        negated, how = cl.negation(tok) if p.verb else (False, "")
        modality, speech = cl.modality(tok) if p.verb else cl.modality(tok.head) if tok.head.pos_ == "VERB" else ("actual", None)
        if p.modality and modality == "actual":
            modality = p.modality
        typ, cameo = p.type, p.cameo
        if typ == "MOBILIZE" and _HELP_CUES.search(tok.sent.text):
            # Troops sent at a government's request, to help or keep the peace, are aid (CAMEO 074).
            typ, cameo = "AID", "074"
        if negated and p.negated_as and (how == "refusal" or tok.lemma_.lower() in STATIVE):
            # "will not recognise", "does not accept", "did not recognise": a rejection, not a non-event
            typ, cameo, negated = p.negated_as, GENERIC_CAMEO[p.negated_as], False
            if modality == "intent":
                modality = "actual"
        if typ == "ACCUSE" and self._summarised_act(tok, index, lookup_date):
            typ, cameo = "REJECT", "120"  # opposing what another pushes for rejects it
        if typ == "REJECT" and modality == "intent":
            modality = "actual"  # a refusal is itself the act ("will not recognise")
        if speech is not None:
            speakers = [a for a in (self.actor(s, index, lookup_date) for s in cl.subjects(speech)[0]) if a]
            if speakers:
                same = [s for s in srcs if s.code == speakers[0].code]
                if same:
                    srcs = [speakers[0]]
                    if modality == "reported":
                        modality = "actual"
        credited = [a for a in (self.actor(x, index, lookup_date) for x in cl.attributed_to(tok)) if a]
        if credited and credited[0].person:
            # "Kazakhstan announced it did not recognise X, as stated by Tokayev": his act, for his state.
            srcs = [credited[0] if s.code == credited[0].code else s for s in srcs]
        pairs: list[tuple[Mention, Mention | str]] = [(s, t) for s in srcs for t in (tgts or [""])]
        if len({s.code for s in srcs}) > 1 and typ in RECIPROCAL and (not any(
                isinstance(t, Mention) or t == "BOTH" for t in tgts) or not (
                cl.direct_objects(tok) or cl.prep_objects(tok, {"with", "between"}))):
            # "Tokayev and Xi met": each side met the other (an organisation named only in a phrase
            # such as "prior to the SCO meeting" is not whom they met).
            pairs = [(s, t2) for s in srcs for t2 in srcs if t2.head != s.head and t2.code != s.code] or pairs
        elif not any(isinstance(t, Mention) or t == "BOTH" for t in tgts) and typ in DOMESTIC_DEFAULT_TARGET:
            # Citizens, companies and opposition who demand or protest without an addressee address
            # their own government (the CAMEO coders' convention).
            own = [s for s in srcs if s.sector in ("CVL", "BUS", "OPP", "MED", "LEG") and s.code and len(s.code) == 3]
            if own:
                default = Mention(own[0].start, own[0].end, own[0].code, "GOV", None, "group", 0.5,
                                  "default-target", own[0].sent, -2)
                pairs = [(s, default) for s in srcs]
        sent = doc.sentence_of(tok.idx)
        if sent is None:
            return []
        background = False
        if date and ref_year and date[:4].isdigit() and int(date[:4]) < int(ref_year) - 1:
            background = True
        elif not date:
            if any(c.lower_ in HISTORY_CUES for c in tok.children):
                background = True
            else:
                date = ref_year
        out = []
        for s, t in pairs:
            if isinstance(t, Mention) and t.code == s.code and t.sector == s.sector and t.head == s.head:
                continue
            out.append(Event(
                source=s.code, source_sector=s.sector, type=typ, start=sent.start, end=sent.end,
                target=t.code if isinstance(t, Mention) else ("BOTH" if t == "BOTH" else None),
                target_sector=t.sector if isinstance(t, Mention) else None,
                cameo=cameo, negated=negated, modality=modality, date=date, predicate=p.key,
                background=background,
                confidence=round({"curated": 0.8, "phoenix": 0.5}.get(p.source, 0.6) * s.confidence, 3),
                rule=f"{p.source}:{p.key}" + (":passive" if passive else ""), sent=sent.idx,
                source_person=s.person, head=tok.idx,
            ))
        return out

    @staticmethod
    def _aggressors(events: list[Event], known: Counter[tuple[str | None, str | None]]) -> dict[str, str]:
        """Who attacks whom in the text's conflicts: for each attacked state, its most frequent
        attacker among the attacks reported and the attacks referred to ("Russia's invasion of Ukraine")."""
        dyads = Counter((e.source, e.target) for e in events if e.type == "ASSAULT" and e.source and e.target
                        and e.target != "BOTH" and not e.negated) + Counter({d: n for d, n in known.items()
                                                                            if d[0] and d[1]})
        out: dict[str, str] = {}
        for (src, tgt), _ in dyads.most_common():
            if src and tgt and src != tgt and tgt not in out:
                out[tgt] = src
        return out

    def _relief_recipients(self, doc: Document, events: list[Event]) -> None:
        """Humanitarian aid with no recipient named ("launched humanitarian initiatives") in a text
        about a war goes to the state the war is waged on (the most attacked in the text), as the
        CAMEO coders read it; not when the giver is a side of that war."""
        if not self.aggressors:
            return
        victim, attacker = next(iter(self.aggressors.items()))
        for e in events:
            if e.type != "AID" or e.target or e.source in (victim, attacker):
                continue
            tok = cl.token_at(doc.parsed, e.head)
            if tok is not None and any(t.lemma_.lower() in _RELIEF for t in tok.subtree):
                e.target, e.target_sector = victim, None

    @staticmethod
    def _anti_war_targets(doc: Document, events: list[Event], known: Counter[tuple[str | None, str | None]]) -> None:
        """An anti-war protest with no addressee named is aimed at whoever wages the war the text
        reports (its attacks, else the invasion it refers to), not at the protesters' own government."""
        attackers = Counter(e.source for e in events if e.type == "ASSAULT" and e.source and e.target
                            and e.target != "BOTH") + Counter({d[0]: n for d, n in known.items() if d[0]})
        if not attackers:
            return
        aggressor = attackers.most_common(1)[0][0]
        for e in events:
            if e.type != "PROTEST" or e.target != e.source or e.target_sector != "GOV" or e.source == aggressor:
                continue
            tok = cl.token_at(doc.parsed, e.head)
            if tok is not None and _ANTI_WAR.search(" ".join(t.lower_ for t in tok.subtree).replace(" - ", "-")):
                e.target, e.target_sector = aggressor, None

    @staticmethod
    def _expand_both_sides(events: list[Event], known: Counter[tuple[str | None, str | None]] | None = None) -> None:
        """Replace a "both sides" target by the two sides of the document's main conflict: the
        attacks it reports, else the attack it refers to ("the Russian invasion of Ukraine")."""
        if not any(e.target == "BOTH" for e in events):
            return
        dyads = Counter((e.source, e.target) for e in events if e.type == "ASSAULT" and e.source and e.target
                        and e.target != "BOTH")
        ranked: list[tuple[str | None, str | None]] = [d for d, _ in dyads.most_common()]
        if known:  # after the reported attacks: referred ones, those naming both sides first
            ranked += [d for d, _ in sorted(known.items(), key=lambda kv: (-bool(kv[0][0] and kv[0][1]), -kv[1]))]
            # "the Russian aggression" and "the war in Ukraine" are one conflict seen from each side
            owners = [d[0] for d in ranked if d[0] and not d[1]]
            places = [d[1] for d in ranked if d[1] and not d[0]]
            if owners and places and owners[0] != places[0]:
                ranked.append((owners[0], places[0]))
            ranked = [d for d in ranked if d[0] and d[1]] + [d for d in ranked if not (d[0] and d[1])]
        expanded: list[Event] = []
        for e in events:
            if e.target != "BOTH":
                expanded.append(e)
                continue
            # the conflict of others: a mediator is not one of the sides it mediates between
            sides = next((list(d) for d in ranked if e.source not in d), [])
            others: list[str | None] = [side for side in sides if side and side != e.source]
            for side in others or [None]:
                expanded.append(Event(**{**e.__dict__, "target": side, "target_sector": None}))
        events[:] = expanded

