"""Words and small parse tests the event coder shares: light verbs, "both sides", target
prepositions, verb classes (undergoing, responding, naming), and helpers that read one phrase.

Kept apart from the coder so that its two halves (``roles``: who acts on whom; ``coder``: which
predicates are events, with what negation, modality and date) read the same vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..model import Mention
from ..nlp import clauses as cl
from .lexicon import Pattern

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
              "the warring parties", "the two countries", "the sides", "both nations", "all parties", "all sides",
              "all the parties", "the two parties", "the conflicting parties", "the belligerents",
              "the parties concerned", "all parties concerned"}
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
# a war named by its acts ("condemned the invasion"): criticism of it with no one named is of whoever wages it
_WAR_NOUNS = {"invasion", "war", "aggression", "offensive", "annexation", "occupation", "incursion", "bombardment",
              "shelling", "bombing", "assault"}
# what asking for restraint, talks or a ceasefire asks of a conflict's sides
_SETTLEMENT = {"settlement", "ceasefire", "cease-fire", "truce", "de-escalation", "armistice", "restraint", "dialogue",
               "negotiation", "cessation", "diplomacy"}
_SETTLE_VERBS = {"resolve", "settle", "end", "stop", "halt", "de-escalate"}
_CONFLICT = {"conflict", "war", "crisis", "dispute", "hostility", "fighting"}


def _settling(tok: Any) -> bool:
    """Whether a request asks for the conflict to be settled ("asking for a peaceful resolution of the
    conflict", "called for a ceasefire", "for restraint", "for the conflict to be resolved through dialogue"):
    addressed, when no one is named, to the conflict's sides."""
    for t in tok.subtree:
        lemma = t.lemma_.lower()
        if lemma in _SETTLEMENT:
            return True
        if lemma in ("resolution", "end", "solution") and any(
                o.lemma_.lower() in _CONFLICT for _, o in cl.prep_objects(t, {"of", "to"})):
            return True
        if lemma in _SETTLE_VERBS and t.pos_ == "VERB" and any(
                c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _CONFLICT for c in t.children):
            return True  # "called for the conflict to be resolved", "urged them to end the war"
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
    while tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.i != tok.head.i:
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
SPECIAL_VERBS = {"vote", "abstain", "veto"}  # read by the vote stage (stancemap.votes)
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
                  "several", "some", "many", "handful", "series", "wave", "spate", "string", "couple", "none", "any",
                  "all", "each", "one", "most"}
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
