"""Who acts on whom: the source and target of a coded predicate, read from the parse.

The subject is the source (the agent of a passive); the target is the direct object, the object of
the pattern's preposition, or an actor named deeper in the complements. Special readings: acting on
a protest acts on the protesters; a place stands for its state; "something that X opposes" opposes
the act it sums up; "X drew criticism from Y" makes Y the source. A mixin of :class:`Coder`, which
supplies the actor lookup and the lexicon.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..actors.lookup import ActorLookup
from ..model import Mention
from ..nlp import clauses as cl
from .constructions import PERMIT_PARTICIPLES
from .lexicon import Pattern
from .vocab import (
    _COMMUNITY_WORDS,
    _FAVOUR,
    _GROWTH_VERBS,
    _NEWS_ADJECTIVES,
    _NEWS_NOUNS,
    BOTH_SIDES,
    EVALUATIVE_VERBS,
    EXPERIENCER_VERBS,
    FORCE_TYPES,
    HOSTILE_TYPES,
    LIGHT_VERBS,
    NOUN_TARGET_PREPS,
    QUANTITY_WORDS,
    RESPONSE_VERBS,
    SELF_RULE,
    STATIVE,
    SUMMARY_NOUNS,
    TARGET_PREPS,
    Found,
    _anti,
    _bare_sanctions,
    _community,
    _phrase_heads,
    _under,
    _undergone,
    _with_shared,
)


class Roles:
    """Source and target finding; needs ``actor``, ``_owner``, ``is_noun_of``, ``match``, ``lookup``
    and ``_community_at`` from the class it is mixed into."""

    lookup: ActorLookup
    _community_at: int | None

    def actor(self, tok: Any, index: dict[int, Mention], date: str | None) -> Mention | None:
        raise NotImplementedError

    def _owner(self, tok: Any, index: dict[int, Mention], date: str | None) -> Mention | None:
        raise NotImplementedError

    def is_noun_of(self, tok: Any, typ: str) -> bool:
        raise NotImplementedError

    def match(self, tok: Any) -> Pattern | None:
        raise NotImplementedError

    def targets(self, f: Found, index: dict[int, Mention], date: str | None, passive: bool,
                exclude: frozenset[tuple[str | None, str | None]] = frozenset(),
                srcs: list[Mention] | None = None) -> list[Mention | str]:
        tok, p = f.tok, f.pattern
        if p.target == "none":
            return []
        if p.type == "REJECT" and p.verb and (measures := self._measures_refused(tok)):
            # "refused to join Western sanctions against Russia", "declined to sign up to the price cap":
            # what is refused is a measure, so the refusal is of whoever imposes it, not of its target
            return [a for m in measures if (a := self._owner(m, index, date) or _community(m)) is not None]
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

    def _measures_refused(self, tok: Any) -> list[Any]:
        """The sanctions a refusal is of: the object of the act refused ("refused to join the sanctions",
        "declined to sign up to the cap")."""
        out = []
        for x in tok.children:
            if x.dep_ == "xcomp" and x.pos_ == "VERB":
                objs = cl.direct_objects(x) + [o for _, o in cl.prep_objects(x, {"to", "in", "with", "on"})]
                out += [o for o in objs if self.is_noun_of(o, "SANCTION")]
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
        while t is not None and t.i != pred.i and t.head.i != t.i:
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
        while top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.i != top.head.i:
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
            while head.dep_ in ("prep", "conj", "appos") and head.head.i != head.i:
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
