"""Votes told in prose: "India, China and South Africa abstained", "Serbia backed the resolution",
"Belarus joined Russia in voting against it", "Kazakhstan was among the 24 delegations voting no, as were
Algeria and Gabon", "Explaining her abstention, the representative of X said ...", "with 3 abstentions (A, B, C)".

Each finds the voters (the clause's subjects with their conjuncts and appositions, the states listed after
"among them" or "including", whoever was "joined in voting", the speaker behind "his delegation"), the way
they voted, and the resolution noun. Grammar, not a phrase list: the vote words are a small closed class
(vote, abstain, veto, back ... a resolution, abstention, "in favour"), the constructions around them general
to how votes are reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..actors.lookup import ActorLookup
from ..actors.reference import Reference
from ..model import Mention
from ..nlp import clauses as cl
from .rollcall import read_list

VOTE_VERBS = {"vote", "abstain", "veto"}
SUPPORT_VERBS = {"support", "back", "endorse"}
SPONSOR_VERBS = {"sponsor", "co-sponsor", "cosponsor", "table", "introduce", "draft", "submit", "present"}
REQUEST_VERBS = {"urge", "call", "ask", "appeal", "encourage", "press", "implore"}
RESOLUTION_NOUNS = {"resolution", "motion", "draft", "text", "vote", "measure", "declaration", "voting", "ballot",
                    "initiative"}
GROUP_NOUNS = {"nation", "country", "state", "member", "delegation", "government", "abstainer", "abstention",
               "other", "one", "many", "few", "some", "several", "all", "none", "neighbour", "neighbor", "ally",
               "partner", "side"}
ABSTENTION_NOUNS = {"abstention", "abstainer"}
DELEGATES = {"representative", "ambassador", "envoy", "delegate", "delegation", "diplomat", "spokesperson",
             "spokesman", "spokeswoman", "minister", "president"}
_YES = {"yes", "favour", "favor", "positive", "affirmative"}
_NO = {"no", "against", "negative"}
ABOUT = {"on", "over", "about", "regarding", "concerning"}
_LIST_PREPS = {"among", "including", "like", "notably", "incl"}
_NUMBER = r"(?:\d+|one|a single|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# "11 votes in favour to 1 against (Russian Federation), with 3 abstentions (China, India, ...)"
_TALLY = re.compile(_NUMBER + r"\s+(?:votes?\s+)?(?P<how>in\s+favou?r|against|abstentions?|abstaining|no\s+votes?)"
                    r"\s*\((?P<list>[^()]+(?:\([^()]*\)[^()]*)*)\)", re.IGNORECASE)


@dataclass
class ProseVote:
    """One voter's vote (or, for a sponsor or someone urging a vote, position) read from a sentence."""

    voter: Mention | str
    value: str  # Y | N | A | X
    tok: Any  # the vote word (None for a tally's list)
    resolution_tok: Any | None  # the resolution noun, when the sentence names one
    act: bool = True  # False: a position on the text (sponsoring it, urging a vote), not a vote cast
    condemns: str | None = None  # whom the resolution's own phrase condemns ("condemning X's abuses")
    topic: str | None = None  # the state a resolution is "on" ("the resolution on Azerbaijan")


def _which_of(verb: Any) -> str | None:
    """ "last" or "first" when a relative clause is said of one of a list ("..., the last of which had voted
    for it", "the latter of whom abstained"); None when it is said of them all."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and any(p.lower_ == "of" and any(w.lower_ in ("which", "whom")
                                                                              for w in p.children)
                                                     for p in c.children):
            return {"last": "last", "latter": "last", "first": "first", "former": "first"}.get(c.lower_)
    return None


def _in_relative(tok: Any) -> bool:
    """Whether ``tok`` is inside a relative clause ("..., which had voted for X")."""
    node = tok
    for _ in range(10):
        if node.dep_ == "relcl":
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _value_of_phrase(tok: Any) -> str | None:
    """ "in favour", "against" (with nothing after it), "yes", "no" among ``tok``'s dependents."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "in" and any(g.lower_ in ("favour", "favor") for g in c.children):
            return "Y"
        if c.dep_ == "prep" and c.lower_ == "against" and not any(g.dep_ == "pobj" for g in c.children):
            return "N"
        if c.dep_ in ("advmod", "dobj", "npadvmod", "intj", "prt", "attr", "oprd", "ccomp", "acomp"):
            if c.lower_ in _NO:
                return "N"
            if c.lower_ in _YES:
                return "Y"
    return None


def _direction(tok: Any) -> tuple[str | None, Any | None]:
    """(vote value, resolution noun) of a vote word, from its own arguments."""
    lemma = tok.lemma_.lower()
    res = next((o for _, o in cl.prep_objects(tok) if o.lemma_.lower() in RESOLUTION_NOUNS), None)
    if lemma == "abstain" or (tok.pos_ == "NOUN" and lemma in ABSTENTION_NOUNS):
        if res is not None and res.lower_ == "voting":  # "abstained from voting on X"
            res = next((o for _, o in cl.prep_objects(res) if o.lemma_.lower() in RESOLUTION_NOUNS), res)
        return "A", res
    if lemma == "veto":
        objs = [o for o in cl.direct_objects(tok) if o.lemma_.lower() in RESOLUTION_NOUNS]
        return ("N", objs[0]) if objs else (None, None)
    if lemma == "vote":
        if tok.pos_ == "NOUN":  # "the negative vote of the Russian Federation", "a no vote"
            mods = {d.lower_ for d in tok.children if d.dep_ in ("amod", "compound", "det", "nummod")}
            return ("N" if mods & _NO else "Y" if mods & _YES else None), res
        value = _value_of_phrase(tok)
        for prep, obj in cl.prep_objects(tok):
            if prep == "against":
                value = "N"
                res = obj if obj.lemma_.lower() in RESOLUTION_NOUNS else res
            elif prep == "for":
                value = "Y"
                res = obj if obj.lemma_.lower() in RESOLUTION_NOUNS else res
            elif prep in ("in", "of") and obj.lower_ in ("favour", "favor"):
                value = "Y"
                inner = next((o for _, o in cl.prep_objects(obj, {"of"})), None)
                res = inner if inner is not None and inner.lemma_.lower() in RESOLUTION_NOUNS else res
        for obj in cl.direct_objects(tok):  # "cast a no vote", "voted yes"
            if obj.lower_ in _NO or any(d.lower_ in _NO for d in obj.children if d.dep_ in ("det", "amod", "compound")):
                value = "N"
            elif obj.lower_ in _YES:
                value = "Y"
        if value is None and any(c.dep_ == "xcomp" for c in tok.children):
            value = "Y"  # "voted to suspend Russia": voting to do what the text does is voting for it
        return value, res
    if lemma in SUPPORT_VERBS:
        objs = [o for o in cl.direct_objects(tok) if o.lemma_.lower() in RESOLUTION_NOUNS]
        if objs:
            return "Y", objs[0]
    return None, None


def _cast(tok: Any) -> tuple[str | None, Any | None]:
    """ "cast a no vote", "cast its vote in favour of the text", "cast a negative vote"."""
    for obj in cl.direct_objects(tok):
        if obj.lemma_.lower() != "vote":
            continue
        mods = {d.lower_ for d in obj.children}
        preps = cl.prep_objects(obj) + cl.prep_objects(tok)
        res = next((o for _, f in preps if f.lower_ in ("favour", "favor") for _, o in cl.prep_objects(f, {"of"})), None)
        res = res or next((o for p, o in preps if p in ("for", "against", "on") and o.lemma_.lower() in RESOLUTION_NOUNS),
                          None)
        if mods & _NO or any(p == "against" for p, _ in preps):
            return "N", res
        if mods & _YES or any(p == "for" or o.lower_ in ("favour", "favor") for p, o in preps):
            return "Y", res
    return None, None


_CONDEMN = {"condemn", "denounce", "deplore", "demand", "criticise", "criticize", "censure", "suspend", "withdraw",
            "expel", "call", "urge", "declare", "reaffirm", "affirm"}


def condemned(res: Any, index: dict[int, Mention], lookup: ActorLookup, date: str | None,
              voters: set[str]) -> str | None:
    """Whom a resolution's own phrase condemns or makes demands of: "a resolution condemning Iran's treatment
    of minorities" (an actor) or "condemning abuses in Myanmar" (a state named as a place)."""
    for t in res.subtree:
        if t.lemma_.lower() not in _CONDEMN:
            continue
        places: list[str] = []
        for x in t.subtree:
            if x.i == t.i:
                continue
            m = lookup.actor(x, index, date)
            if m is not None and m.code and m.code not in voters and not m.code.startswith("UN") and m.kind != "org":
                return m.code
            loc = index.get(x.idx)
            if loc is not None and loc.kind == "location" and loc.code and len(loc.code) == 3 and loc.code not in voters:
                places.append(loc.code)
        if places:
            return places[0]
    return None


def _takes_part(tok: Any) -> bool:
    """ "take part in the vote", "participate in the voting": taking part is voting (its way unsaid)."""
    lemma = tok.lemma_.lower()
    if lemma not in ("take", "participate"):
        return False
    if lemma == "take" and not any(c.lower_ == "part" for c in tok.children if c.dep_ in ("dobj", "npadvmod")):
        return False
    return any(o.lemma_.lower() in ("vote", "voting", "ballot") for _, o in cl.prep_objects(tok, {"in"}))


class ProseReader:
    def __init__(self, lookup: ActorLookup, ref: Reference) -> None:
        self.lookup = lookup
        self.ref = ref

    # -- who --------------------------------------------------------------------------------------------
    def _state(self, t: Any, index: dict[int, Mention], date: str | None) -> Mention | None:
        a = self.lookup.actor(t, index, date)
        if a is not None and a.code and len(a.code) == 3 and a.sector not in ("LEG", "CVL", "OPP", "BUS", "MED"):
            return a
        if t.pos_ == "PROPN" or (a is not None and a.kind == "person") or t.lemma_.lower() in DELEGATES:
            # "Zhang Jun of China", "the representative of Brazil": a delegate votes for the state
            owners = [o for _, o in cl.prep_objects(t, {"of", "for"})] + [
                c for c in t.children if c.dep_ == "poss" and c.pos_ != "PRON"]  # "his delegation": the speaker's
            return next((s for o in owners  # "the representative of Chile", "South Africa's representative"
                         if (s := self.lookup.actor(o, index, date)) is not None and s.code and len(s.code) == 3), None)
        return None

    def _states(self, tok: Any, index: dict[int, Mention], date: str | None) -> list[Mention]:
        """The states a noun phrase names: itself, its conjuncts and appositions, or those listed in it
        ("among them X, Y", "35 nations, including X and Y", "four countries - A, B and C -")."""
        out: list[Mention] = []
        todo = cl.conjuncts(tok)
        seen = {t.i for t in todo}
        while todo:
            t = todo.pop(0)
            named = False
            for c in t.children:  # "Kazakhstan, Kyrgyzstan, ..." parsed as apposition
                if c.dep_ == "appos" and c.i not in seen:
                    seen.add(c.i)
                    todo += [x for x in cl.conjuncts(c) if x.i not in seen or x.i == c.i]
                    seen |= {x.i for x in cl.conjuncts(c)}
                    named = named or self._state(c, index, date) is not None
            # "Its neighbours Kazakhstan, Kyrgyzstan and Tajikistan": the apposition names who; the noun's
            # owner ("its") is someone else
            a = None if named and t.pos_ == "NOUN" else self._state(t, index, date)
            if a is not None:
                out.append(a)
            elif t.lemma_.lower() in GROUP_NOUNS or t.pos_ == "NUM" or t.like_num:
                out += self._listed_in(t, index, date) or self._speakers_own(t, index, date)
        return out

    def _listed_in(self, tok: Any, index: dict[int, Mention], date: str | None) -> list[Mention]:
        found: list[Mention] = []
        for c in tok.subtree:
            if (c.dep_ == "prep" and c.lower_ in _LIST_PREPS) or c.dep_ == "appos":
                for t in c.subtree:
                    a = self._state(t, index, date)
                    if a is not None and all(f.code != a.code for f in found):
                        found.append(a)
        return found

    def _speakers_own(self, noun: Any, index: dict[int, Mention], date: str | None) -> list[Mention]:
        """ "X of Brazil said his delegation had abstained": a delegation or country with a possessive
        pronoun, in what a speaker says, is the speaker's."""
        if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):
            return []
        speech = cl._speech_head(noun.head) if noun.head.pos_ in ("VERB", "AUX") else None
        if speech is None:
            return []
        return [a for s in cl.subjects(speech)[0] if (a := self._state(s, index, date)) is not None]

    def _owner_of_noun(self, tok: Any, index: dict[int, Mention], date: str | None) -> list[Mention]:
        """Whose vote a vote noun is: "China's abstention", "abstentions by A and B", "the negative vote of
        X", and "Explaining her abstention, X said" (the pronoun is the main clause's subject)."""
        out: list[Mention] = []
        for c in tok.children:
            if c.dep_ == "poss" and c.pos_ != "PRON":
                out += self._states(c, index, date)
            elif c.dep_ == "poss":
                verb = tok.head
                while verb.dep_ in ("dobj", "pobj", "prep") and verb.head.i != verb.i:
                    verb = verb.head
                main = verb.head if verb.dep_ == "advcl" else verb
                out += [a for s in cl.subjects(main)[0] if (a := self._state(s, index, date)) is not None]
            elif c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from", "of"):
                out += [a for g in c.children if g.dep_ == "pobj" for a in self._states(g, index, date)]
        return out

    def _subjects_of(self, verb: Any, index: dict[int, Mention], date: str | None) -> list[Mention]:
        out = [a for s in cl.subjects(verb)[0] for a in self._states(s, index, date)]
        if not out and verb.lemma_ in ("be",):
            return out
        # "..., as were Algeria, Ethiopia and Gabon" / "as did X": the same vote
        for c in verb.children:
            if c.dep_ == "advcl" and c.lemma_ in ("be", "do", "have") and any(m.lower_ == "as" for m in c.children):
                out += [a for s in cl.subjects(c)[0] for a in self._states(s, index, date)]
        return out

    def voters(self, tok: Any, index: dict[int, Mention], date: str | None) -> list[Mention]:
        """Who cast the vote at ``tok``."""
        out: list[Mention] = []
        verb = tok
        if tok.pos_ == "NOUN" and tok.lemma_.lower() not in GROUP_NOUNS - ABSTENTION_NOUNS:
            out += self._owner_of_noun(tok, index, date)
            if tok.dep_ == "pobj" and tok.head.lower_ == "among":  # "were among the 35 abstentions"
                verb = tok.head.head
            else:
                return _unique(out)
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in GROUP_NOUNS:  # "among the 141 states in favour"
            out += self._listed_in(tok, index, date)
            if tok.dep_ == "pobj" and tok.head.lower_ in ("among", "of"):
                verb = tok.head.head
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            # "the 24 delegations voting no", "one of 143 countries which voted for it"
            noun = verb.head
            named = self._states(noun, index, date)
            which = _which_of(verb)  # "A, B and C, the last of which had voted for it": C only
            if which and len(named) > 1:
                return _unique(out + (named[-1:] if which == "last" else named[:1]))
            out += named
            while noun.dep_ == "pobj" and noun.head.lower_ in ("among", "of"):
                noun = noun.head.head
            if noun.pos_ in ("AUX", "VERB"):
                verb = noun
            elif noun.dep_ in ("attr", "nsubj") and noun.head.lemma_ == "be":
                verb = noun.head
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # "Zhang Jun of China, voting against, said": the speaker votes
        if verb.dep_ == "xcomp" and verb.head.lemma_ in ("choose", "decide", "opt", "prefer"):
            verb = verb.head  # "India had chosen to abstain"
        if verb.dep_ in ("pcomp", "pobj") and verb.head.lower_ == "in" and verb.head.head.lemma_.lower() in ("join", "side"):
            joined = verb.head.head  # "Belarus joined Russia in voting against it": both vote
            out += [a for o in cl.direct_objects(joined) + [x for _, x in cl.prep_objects(joined, {"with"})]
                    for a in self._states(o, index, date)]
            verb = joined
        out += self._subjects_of(verb, index, date)
        if not out:  # "Thirty-five nations abstained, among them China, India ...", "... including X and Y"
            for c in verb.children:
                if (c.dep_ == "prep" and c.lower_ in _LIST_PREPS) or c.dep_ in ("npadvmod", "appos") or \
                        (c.dep_ in ("advcl", "dep") and c.pos_ == "PROPN"):
                    out += [a for t in c.subtree if (a := self._state(t, index, date)) is not None]
        return _unique(out)

    # -- a sentence ---------------------------------------------------------------------------------------
    def read(self, sent: Any, index: dict[int, Mention], date: str | None,
             previous: list[ProseVote]) -> list[ProseVote]:
        """The votes of one parsed sentence. ``previous`` (the last sentence's votes) resolves ellipsis:
        "So did South Africa." """
        out: list[ProseVote] = self._tallies(sent)
        listed = {v.voter for v in out}
        for tok in sent:
            value, res, act = self._vote_word(tok)
            if value is None:
                continue
            if not act:  # "tabled by Albania", "urged delegations to vote no": the holder's position
                out += [ProseVote(v, value, tok, res, act=False) for v in self._position_holders(tok, index, date)]
                continue
            for v in self.voters(tok, index, date):
                if v.code not in listed:
                    out.append(ProseVote(v, value, tok, res))
        if not out:
            out += self._ellipsis(sent, index, date, previous)
        voters = {v.voter if isinstance(v.voter, str) else v.voter.code or "" for v in out}
        # "Belarus voted against a resolution condemning X, while China abstained": the same resolution; but
        # not the resolution of a relative clause ("X voted no, as did Y, which had voted for the 2 March
        # resolution"): that clause tells an earlier vote
        named = next((v.resolution_tok for v in out if v.resolution_tok is not None
                      and not (v.tok is not None and _in_relative(v.tok))), None)
        for pv in out:
            pv.resolution_tok = pv.resolution_tok if pv.resolution_tok is not None else named
            if pv.resolution_tok is not None:
                pv.condemns = condemned(pv.resolution_tok, index, self.lookup, date, voters)
                res = pv.resolution_tok
                holders = [res] + ([res.head.head] if res.dep_ == "pobj" else [])  # "abstained on X on Y"
                pv.topic = next((m.code for h in holders for _, o in cl.prep_objects(h, ABOUT)
                                 if o.i != res.i and (m := index.get(o.idx)) is not None and m.code
                                 and len(m.code) == 3 and m.code not in voters), None)
        return out

    def _vote_word(self, tok: Any) -> tuple[str | None, Any | None, bool]:
        """(value, resolution noun, is a vote cast) if ``tok`` reports a vote or a position on a text."""
        lemma = tok.lemma_.lower()
        value: str | None = None
        res: Any | None = None
        if tok.pos_ in ("VERB", "AUX") and lemma in VOTE_VERBS | SUPPORT_VERBS:
            value, res = _direction(tok)
            if lemma in SUPPORT_VERBS and res is None:
                return None, None, True
            if value is None and lemma == "vote" and any(c.dep_ == "neg" for c in tok.children):
                value = "X"  # "did not vote"
            if value is not None and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in REQUEST_VERBS:
                return value, res, False  # "called on delegations to vote no"
        elif tok.pos_ == "VERB" and lemma == "cast":
            value, res = _cast(tok)
        elif tok.pos_ == "NOUN" and (lemma in ABSTENTION_NOUNS or lemma == "vote"):
            value, res = _direction(tok)
            if lemma == "vote" and value is not None and not self._owned(tok):
                return None, None, True
        elif tok.pos_ == "NOUN" and lemma in ("state", "country", "delegation", "member") \
                and tok.dep_ == "pobj" and tok.head.lower_ == "among":
            value = _value_of_phrase(tok)
        elif tok.pos_ == "VERB" and _takes_part(tok) and cl.negation(tok)[0]:
            return "X", None, True  # "did not take part in the vote"
        elif tok.pos_ == "VERB" and lemma in SPONSOR_VERBS:
            objs = [o for o in cl.direct_objects(tok) + cl.passive_target(tok) if o.lemma_.lower() in ("resolution", "draft", "text")]
            if tok.dep_ in ("acl", "relcl") and tok.head.lemma_.lower() in ("resolution", "draft", "text"):
                objs.append(tok.head)
            return ("Y", objs[0], False) if objs else (None, None, True)
        if value is None:
            return None, None, True
        negated, _ = cl.negation(tok) if tok.pos_ != "NOUN" else (False, "")
        if negated and value == "Y":
            value = "X"  # "none voted for the resolutions", "did not support the text"
        elif negated and value in ("N", "A"):
            return None, None, True  # "did not vote against" / "did not abstain": the vote itself is not said
        return value, res, True

    @staticmethod
    def _owned(vote: Any) -> bool:
        return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("of", "by")) for c in vote.children) \
            or vote.head.lemma_.lower() == "cast"

    def _position_holders(self, tok: Any, index: dict[int, Mention], date: str | None) -> list[Mention]:
        if tok.dep_ == "xcomp":  # the one urging
            return [a for s in cl.subjects(tok.head)[0] for a in self._states(s, index, date)]
        if tok.dep_ in ("acl", "relcl") or any(c.dep_ == "auxpass" for c in tok.children):
            return [a for c in tok.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"
                    for a in self._states(o, index, date)]  # "tabled by Albania and the United States"
        return [a for s in cl.subjects(tok)[0] for a in self._states(s, index, date)]

    def _tallies(self, sent: Any) -> list[ProseVote]:
        """Lists in parentheses after a count: "1 against (Russian Federation)", "3 abstentions (A, B, C)"."""
        out: list[ProseVote] = []
        for m in _TALLY.finditer(sent.text):
            codes, unresolved = read_list(m.group("list"), self.ref)
            if not codes or unresolved:
                continue
            how = m.group("how").lower()
            value = "Y" if "favo" in how else "A" if "abst" in how else "N"
            tok = sent.char_span(m.start("list") - 1, m.start("list"), alignment_mode="expand")
            for code in codes:
                out.append(ProseVote(code, value, tok.root if tok is not None else sent.root, None))
        return out

    def _ellipsis(self, sent: Any, index: dict[int, Mention], date: str | None,
                  previous: list[ProseVote]) -> list[ProseVote]:
        """ "So did South Africa." / "Neither did X." / "X did too." after a sentence with one kind of vote."""
        values = {p.value for p in previous if p.act}
        if len(values) != 1:
            return []
        root = sent.root
        if root.lemma_.lower() not in ("do", "have", "be"):
            return []
        if not any(c.lower_ in ("so", "too", "also", "likewise", "neither", "nor") for c in root.subtree):
            return []
        if any(c.pos_ == "VERB" for c in sent if c.i != root.i):
            return []
        value = next(iter(values))
        return [ProseVote(v, value, root, previous[0].resolution_tok)
                for s in cl.subjects(root)[0] for v in self._states(s, index, date)]


def _unique(found: list[Mention]) -> list[Mention]:
    return list({a.code: a for a in found if a.code}.values())
