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

Finding the source and target of a match is in ``roles.py`` (mixed into :class:`Coder`); the words
both read are in ``vocab.py``; phrase-level constructions in ``constructions.py``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..actors.lookup import ActorLookup, mention_index
from ..actors.reference import Reference
from ..model import Document, Event, Mention
from ..nlp import clauses as cl
from ..nlp.dates import clause_date
from .classifier import EventClassifier
from .constructions import (
    deontic_requests,
    evasion_vehicles,
    meetings_between,
    permitted_protests,
    relation_praise,
    requests_behind,
)
from .lexicon import Lexicon, Pattern
from .roles import Roles
from .vocab import (
    _ANTI_WAR,
    _HELP_CUES,
    _MEDIATION_CAMEO,
    _MEDIATION_WORDS,
    _RELIEF,
    _WAR_NOUNS,
    DOMESTIC_DEFAULT_TARGET,
    FORCE_TYPES,
    GENERIC_CAMEO,
    HISTORY_CUES,
    NAMING_VERBS,
    NON_EVENT_VERBS,
    QUANTITY_WORDS,
    RECEIVE_VERBS,
    RECIPROCAL,
    SPECIAL_VERBS,
    STATIVE,
    TRY_VERBS,
    Found,
    _community_from,
    _dated,
    _generalised,
    _named_as,
    _phrase_heads,
    _settling,
    _with_shared,
)


class Coder(Roles):
    def __init__(self, ref: Reference, lexicon: Lexicon, classifier: EventClassifier | None = None,
                 min_prob: float = 0.5) -> None:
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
                # may hang on a noun inside the phrase it describes; "the export controls it imposed", "a ban
                # that Putin imposed": with no object of its own, what it describes is its object
                own = not objs and any(c.dep_ in ("nsubj",) for c in tok.children)
                objs = [*objs, *_phrase_heads(tok.head)[0 if own else 1:]]
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
            elif gov.i != f.tok.i:
                head = matched.get(gov.head.i) or head
            if f.pattern.type == "PROTEST" and f.pattern.noun and head is not None and head.pattern.type == "CONCEDE":
                continue  # "allowed / approved rallies": the permission is the event, coded by the verb
            if f.tok.dep_ in ("xcomp", "ccomp") and head is not None and (head.pattern.xcomp or head.pattern.type == "REJECT") \
                    and not (cl.holds_back(head.tok, f.tok) and not head.pattern.xcomp):
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
            while asked.dep_ == "conj" and asked.head.i != asked.i:
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
            if not f.pattern.xcomp and any(cl.holds_back(f.tok, c) for c in f.tok.children):
                continue  # "failed to condemn", "avoided criticising": the act held back is coded, negated
            kept.append(f)

        events: list[Event] = []
        for f in kept:
            events.extend(self._events_for(f, doc, index, ref_year))
        for construction in (requests_behind, permitted_protests, deontic_requests, relation_praise, meetings_between):
            events.extend(construction(self, doc, index, ref_year))
        vehicles, covered = evasion_vehicles(self, doc, index, ref_year)
        if covered:  # the construction codes its words ("serve as a conduit for bypassing sanctions")
            events = [e for e in events if (t := cl.token_at(parsed, e.head)) is None or t.i not in covered]
        events.extend(vehicles)
        if self.classifier is not None:
            events.extend(self._fallback(doc, index, {e.head for e in events}, ref_year))
        self._expand_both_sides(events, known_conflicts)
        self._anti_war_targets(doc, events, known_conflicts)
        self.aggressors = self._aggressors(events, known_conflicts)
        self._relief_recipients(doc, events)
        self._war_targets(doc, events)
        return self._drop_dangling(events)

    @staticmethod
    def _drop_dangling(events: list[Event]) -> list[Event]:
        """ "called for restraint on both sides and urged negotiations": the second verb repeats the
        act with its target left implicit; an untargeted event is dropped when the same sentence has
        the same act (source, type, negation, modality) with a target."""
        targeted = {(e.sent, e.source, e.source_sector, e.type, e.negated, e.modality) for e in events if e.target}
        return [e for e in events if e.target or
                (e.sent, e.source, e.source_sector, e.type, e.negated, e.modality) not in targeted]

    def _fallback(self, doc: Document, index: dict[int, Mention], heads: set[int],
                  ref_year: str | None) -> list[Event]:
        """Clauses with an actor subject and a verb no pattern knows: ask the embedding classifier, which
        reads the clause itself (a sentence may hold several, some already coded: ``heads``)."""
        assert self.classifier is not None
        date = doc.reference_date
        cands: list[Any] = []
        for tok in doc.parsed:
            if tok.pos_ != "VERB" or tok.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "xcomp") or \
                    tok.lemma_.lower() in NON_EVENT_VERBS | SPECIAL_VERBS or tok.idx in heads:
                continue
            sent = doc.sentence_of(tok.idx)
            if sent is None or sent.idx in doc.structured or self.match(tok) is not None:
                continue
            if any(cl.holds_back(tok, t) for t in tok.subtree):
                continue  # "refrained from / stopped short of criticising": the act is the gerund's, held back
            if any(h in range(tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)) for h in heads) \
                    and tok.dep_ != "ROOT":
                continue  # a clause that already holds a coded act
            subs, _ = cl.subjects(tok)
            if any(self.actor(s, index, date) for s in subs):
                cands.append(tok)
        if not cands:
            return []
        texts = [doc.text[t.left_edge.idx:t.right_edge.idx + len(t.right_edge)] if t.dep_ != "ROOT"
                 else doc.text[s.start:s.end] for t in cands if (s := doc.sentence_of(t.idx)) is not None]
        preds = self.classifier.predict(texts)
        out: list[Event] = []
        for tok, (label, prob) in zip(cands, preds, strict=True):
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

    def _war_targets(self, doc: Document, events: list[Event]) -> None:
        """ "Moldova condemned the invasion", "Ankara rejects the annexation": criticism or rejection of the
        text's war with no one named is aimed at whoever wages it (the most frequent attacker of the most
        attacked state), not left without a target."""
        if not self.aggressors:
            return
        _, attacker = next(iter(self.aggressors.items()))
        for e in events:
            if e.type not in ("ACCUSE", "REJECT") or e.target or e.source == attacker:
                continue
            tok = cl.token_at(doc.parsed, e.head)
            if tok is None:
                continue
            objs = cl.direct_objects(tok) + [o for _, o in cl.prep_objects(tok, {"against", "over", "for"})]
            # (the parser may fold "called the offensive unacceptable" into one phrase: look inside it)
            if any({t.lower_, t.lemma_.lower()} & _WAR_NOUNS for o in objs for t in o.subtree):
                e.target, e.target_sector = attacker, None

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

