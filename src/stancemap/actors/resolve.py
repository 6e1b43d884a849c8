"""Resolve noun phrases to actors (code, sector, person), as of a date.

For each nominal head in the parse the resolver decides who it denotes, trying in order:

1. a **name** from the reference data: a person (by the role held on the date), a state, an
   organisation, an institution or metonym ("the Kremlin" -> RUS/GOV), a capital used for its
   government ("Moscow said" -> RUS/GOV; "in Moscow" is a place, not an actor);
2. a **sector noun** ("authorities", "troops", "court", "business community", "deputy chief of
   staff"), whose state comes from its modifiers ("Kazakh", "Russia's", "of Kazakhstan", "in
   Almaty", "Tokayev's"), from a coordinated phrase ("business community, civil activists"),
   from a recent mention of the same sector ("the troops"), or from the document's focal state
   when a title is used alone ("the president" -> the focal state's head of state on the date);
3. an **unknown person name** with a title or nationality beside it ("Russian commentator X"),
   or a surname seen earlier in full;
4. a **pronoun** ("he", "she", "it", "they") -> the latest fitting actor of the previous sentences;
   "we"/"our" -> the actor a parenthesis names ("we (the government)"), else the side of whoever
   is quoted saying it.

Anything else is ``None``: an unknown actor is never guessed. Each result records the rule that
fired and a confidence, so errors can be traced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from ..model import Document, Mention
from ..nlp import clauses as cl
from ..nlp.dates import clause_date
from .recognise import Name, recognise
from .reference import Entry, Reference, norm

_LOCATIVE = {"in", "at", "across", "throughout", "near", "inside", "within", "around", "into", "to", "from", "via",
             "through", "outside", "on"}
# Heads of "from X" where X is who gives or sends, not where something is.
_FROM_GIVER = {"help", "aid", "support", "assistance", "pressure", "loan", "message", "call", "invitation", "request",
               "letter", "demand", "warning", "threat", "criticism", "backing", "offer", "funding", "weapon", "arm",
               "guarantee", "assurance", "receive", "get", "obtain", "secure", "accept", "seek", "hear"}
_STATE_LOCATIVE = {"in", "at", "across", "throughout", "inside", "within", "around", "near"}
# Heads of "on X" where X is an addressee or the one a measure is on, not a place.
_ON_ADDRESSEE = {"call", "prevail", "sanction", "pressure", "embargo", "restriction", "demand", "ultimatum"}
_MOD_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}
_PRONOUNS_PERSON = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
_PRONOUNS_THING = {"it", "its", "itself"}
_PRONOUNS_PLURAL = {"they", "them", "their"}
_PRONOUNS_WE = {"we", "us", "our", "ours", "ourselves"}
# "The move drew criticism": nouns that, used alone, point back at the act just reported
_ACT_ANAPHORS = {"move", "decision", "step"}
_DECISION_NOUNS = {"order", "plan", "announcement", "refusal", "choice", "call", "proposal"}
_ACTOR_COMPOUNDS = {"state", "government", "security", "border", "military", "police", "riot", "army", "rights",
                    "opposition", "party", "city", "region", "peace", "peacekeeping", "coast", "air", "navy", "defence",
                    "defense", "foreign", "finance", "energy", "justice", "interior", "trade", "health", "aid", "relief",
                    "student", "labour", "labor", "farm", "industry", "business", "media", "news", "press", "tv"}
_EXPLETIVE_HEADS = {"seem", "appear", "be", "become", "remain", "happen", "matter", "mean", "follow", "turn",
                    "take", "make", "come", "look", "sound", "feel", "prove"}
_RELATIONAL = {"neighbour", "neighbor", "ally", "partner", "rival", "enemy", "adversary", "foe"}
# "the country", "the kingdom", "the republic": the state the text is on (see _the_country)
_THE_COUNTRY = {"country", "kingdom", "republic", "emirate", "sultanate", "principality"}
_GENERIC_STATE_NOUNS = {"country", "state", "nation", "republic", "government", "side", "partner", "ally", "neighbour",
                        "neighbor", "power", "member", "leadership", "regime", "people", *_THE_COUNTRY}


# Sector words that are also the act they are named after ("his opposition to X", "resistance to X")
_ACT_NOUNS = {"opposition", "resistance"}


@dataclass(frozen=True)
class Actor:
    code: str | None
    sector: str | None
    kind: str
    rule: str
    confidence: float
    start: int  # token span of the phrase
    end: int
    head: int
    person: str | None = None


class Resolver:
    """Resolves the nominal heads of one parsed document."""

    def __init__(self, doc: Document, ref: Reference, nlp: Any) -> None:
        self.doc = doc
        self.parsed = doc.parsed
        self.ref = ref
        self.date: str | None = doc.reference_date
        self.names = recognise(self.parsed, ref, nlp)
        self.name_at: dict[int, Name] = {}
        for n in self.names:
            for i in range(n.start, n.end):
                self.name_at[i] = n
        self.focal = self._focal_state()
        # per-token facts the pronoun rules read many times (indexing a spaCy Doc is not free)
        self._dep = [t.dep_ for t in self.parsed]
        self._tag = [t.tag_ for t in self.parsed]
        self._sent_start = [0] * len(self.parsed)
        self._sent_no = [0] * len(self.parsed)
        number = 0  # numbered as doc.sentences: whitespace-only spans are not sentences
        for sent in self.parsed.sents:
            for i in range(sent.start, sent.end):
                self._sent_start[i], self._sent_no[i] = sent.start, number
            number += 1 if sent.text.strip() else 0
        self.memo: dict[int, Actor | None] = {}
        self.surnames: dict[str, Actor] = {}
        self.history: list[Actor] = []  # resolved actors in text order (for pronouns, "the troops")

    # -- document-level context ---------------------------------------------------------------
    def _focal_state(self) -> str | None:
        """The state the document is about: most named, if clearly ahead of the next."""
        counts: dict[str, float] = {}
        for n in self.names:
            for e in n.entries[:1]:
                # its officials and citizens named in person count for a state too
                if e.kind in ("state", "adjective", "capital", "people", "institution", "person") and len(e.code) == 3:
                    counts[e.code] = counts.get(e.code, 0.0) + 1.0
        if not counts:
            return None
        # The title says what the text is about: states it names (by name, not by an adjective such
        # as "the Russian invasion") get a bonus of a fifth of all mentions.
        title = norm(self.doc.title or "")
        bonus = max(3.0, sum(counts.values()) / 5)
        first_in_title: tuple[int, str] | None = None
        for code in list(counts):
            for k in self.ref.state_surfaces(code) if title else ():
                if k in title:
                    m = re.search(rf"\b{re.escape(k)}\b", title)
                    if m:
                        counts[code] += bonus
                        if first_in_title is None or m.start() < first_in_title[0]:
                            first_in_title = (m.start(), code)
                        break
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if len(ranked) == 1:
            return ranked[0][0]  # the only state the text names
        if ranked[0][1] < 3:
            return None  # too few mentions to say what the text is about
        if len(ranked) == 1 or ranked[0][1] >= 1.2 * ranked[1][1]:
            return ranked[0][0]
        if first_in_title is not None and first_in_title[1] in (ranked[0][0], ranked[1][0]):
            return first_in_title[1]  # a close race: the state the title names first
        return None

    # -- helpers --------------------------------------------------------------------------------
    def _entry(self, name: Name) -> Entry | None:
        if not name.entries:
            return None
        people = [e for e in name.entries if e.kind == "person"]
        if people:
            # Several people share a surface (a surname): prefer one of the focal state.
            for e in people:
                p = self.ref.people.get(e.person or "")
                if p and self.focal and self.focal in p.codes:
                    return e
            return people[0]
        return name.entries[0]

    def person_actor(self, pid: str, date: str | None, start: int, end: int, head: int, rule: str) -> Actor | None:
        person = self.ref.people.get(pid)
        if person is None:
            return None
        role = person.role_on(date)
        if role is None:
            return Actor(None, None, "person", rule + ":no-role", 0.3, start, end, head, pid)
        return Actor(role.code, role.sector, "person", rule, 0.95 if role.sector else 0.7, start, end, head, pid)

    def _the_country(self, tok: Any) -> tuple[str | None, str]:
        """ "the country": the state where the last sentences took place ("... ceased their activities
        in Russia. A wave of protests swept the country"), else their subject state, else the focal state."""
        speaker = self._speaker_state(tok)
        if speaker:
            return speaker, "speaker"
        sent_start = tok.sent.start
        window = [n for n in self.names if n.start < tok.i and self._within_sentences(n.start, tok.i, 2)]
        places, subjects = [], []
        for n in window:
            entry = self._entry(n)
            if entry is None or len(entry.code) != 3 or entry.kind not in ("state", "capital", "former-capital", "place"):
                continue
            root = self.parsed[n.start:n.end].root
            if self._is_locative(root, state=False):
                places.append(entry.code)
            elif root.dep_ in ("nsubj", "nsubjpass") and root.i < sent_start:
                subjects.append(entry.code)
        if places:
            return places[-1], "recent-place"
        if subjects:
            return subjects[-1], "recent-subject"
        return self.focal, "focal"

    def _speaker_state(self, tok: Any) -> str | None:
        """In what an actor said ("the minister said that the country would not ..."), "the country"
        is the speaker's own state."""
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        speech = cl._speech_head(verb)
        if speech is None:
            return None
        for subj in cl.subjects(speech)[0]:
            if subj.i < tok.i:
                actor = self.resolve(subj)
                if actor is not None and actor.code and len(actor.code) == 3:
                    return actor.code
        return None

    def _clause_place(self, tok: Any) -> str | None:
        """The state of the place where the clause of ``tok`` happens ("... in Minsk", "across Iraq")."""
        verb = tok.head
        if tok.dep_ not in ("nsubj", "nsubjpass", "dobj") or verb.pos_ not in ("VERB", "AUX"):
            return None
        if verb.dep_ == "pcomp" and verb.head.lower_ == "with" and verb.head.head.pos_ in ("VERB", "AUX"):
            # "protests swept the country, with two thousand people arrested": where the main clause happens
            main = verb.head.head
            for obj in main.children:
                if obj.dep_ != "dobj":
                    continue
                if obj.i in self.name_at and (entry := self._entry(self.name_at[obj.i])) is not None \
                        and entry.kind in ("state", "capital", "former-capital", "place") and len(entry.code) == 3:
                    return entry.code
                if obj.lemma_.lower() == "country":
                    return self._the_country(obj)[0]
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in _STATE_LOCATIVE:
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.i in self.name_at:
                        entry = self._entry(self.name_at[obj.i])
                        if entry and entry.kind in ("state", "capital", "former-capital", "place") and len(entry.code) == 3:
                            return entry.code
        return None

    def _date_at(self, tok: Any) -> str | None:
        """The date a person is resolved at: their clause's own date ("In 2015, Tusk ..."), else the document's."""
        date, found = clause_date(tok, self.doc)
        return date if found and date else self.date

    def _modifier_head(self, tok: Any) -> Any | None:
        """The noun an adjective name modifies, directly or as the first of coordinated adjectives."""
        if tok.dep_ in ("amod", "compound", "nmod") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i:
            if any(c.dep_ == "conj" for c in tok.children):
                return tok.head
            return None  # a single modifier: its noun is the mention ("Turkish troops")
        return None  # the last of coordinated adjectives: the noun's own mention takes it

    def _is_locative(self, tok: Any, state: bool = False) -> bool:
        """A place, not an actor: "in Moscow", "protests across Kazakhstan" (but "aid to Ukraine")."""
        preps = _STATE_LOCATIVE if state else _LOCATIVE
        if tok.dep_ == "pobj" and tok.head.lower_ == "from" and tok.head.head.lemma_.lower() in _FROM_GIVER:
            return False  # "help from Moscow", "received a letter from Kyiv": who gave it
        if tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.lemma_.lower() in _ON_ADDRESSEE:
            return False  # "called on Kyiv to cease fire", "sanctions on Moscow": who is asked or hit
        return tok.dep_ == "pobj" and tok.head.lower_ in preps and tok.head.dep_ != "agent"

    def _phrase_sector(self, head: Any) -> tuple[str | None, str | None, int]:
        """(sector, office) named by the head and its left modifiers / "of" complement; span start."""
        if head.lemma_.lower() in _ACT_NOUNS and any(c.dep_ == "prep" and c.lower_ in ("to", "against")
                                                     for c in head.children):
            return None, None, head.i  # "his opposition to China's policy": an act, not the opposition
        lefts = [t for t in head.lefts if t.dep_ in ("amod", "compound") and t.i >= head.i - 4]
        cands: list[tuple[str, int]] = []
        for k in range(len(lefts), -1, -1):
            words = [t.lemma_.lower() if t.pos_ != "PROPN" else t.lower_ for t in lefts[len(lefts) - k:]]
            cands.append((" ".join([*words, head.lemma_.lower()]), lefts[len(lefts) - k].i if k else head.i))
            cands.append((" ".join([*[t.lower_ for t in lefts[len(lefts) - k:]], head.lower_]),
                          lefts[len(lefts) - k].i if k else head.i))
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                obj = [c for c in prep.children if c.dep_ == "pobj"]
                if obj:
                    tail = " ".join(t.lower_ for t in self.parsed[prep.i:obj[0].i + 1] if t.dep_ != "det")
                    # longest first: "deputy chief of staff" before "chief of staff"
                    cands = [(f"{phrase} {tail}", st) for phrase, st in cands] + cands
        people = self.ref.sector_words.get(norm(head.lemma_)) == "CVL"  # "university students", "dairy farmers"
        for c in lefts:
            if not people and c.dep_ == "compound" and c.pos_ == "NOUN" and c.i not in self.name_at and \
                    norm(c.lemma_) not in self.ref.sector_words and norm(c.lemma_) not in _ACTOR_COMPOUNDS \
                    and not any(norm(p) in self.ref.sector_words or norm(p) in self.ref.offices for p, _ in cands[:-2]):
                return None, None, head.i  # "the sanctions regime", "a trade council": not an actor
        for phrase, st in cands:
            key = norm(phrase)
            if key in self.ref.offices:
                office = self.ref.offices[key]
                return self.ref.office_sector.get(office, "GOV"), office, st
            if key in self.ref.sector_words:
                return self.ref.sector_words[key], None, st
        return None, None, head.i

    def _code_from_modifiers(self, head: Any) -> tuple[str | None, str, int]:
        """A state/organisation named by the head's modifiers: (code, rule, leftmost token)."""
        best: tuple[str | None, str, int] = (None, "", head.i)
        # Names before pronouns: "its Russian parent company" is Russian.
        for child in sorted(head.children, key=lambda c: c.pos_ == "PRON"):
            if child.dep_ in _MOD_DEPS or (child.dep_ == "appos" and child.i < head.i):
                conj = [c for c in child.children if c.dep_ == "conj" and c.i < head.i]
                sub = self._name_code(conj[-1]) if conj else None  # "French and German officials"
                if sub:
                    return sub, "modifier:conj", conj[-1].i
                sub = self._name_code(child)
                if sub:
                    return sub, f"modifier:{child.dep_}", min(child.left_edge.i, head.i)
                if child.dep_ in ("compound", "amod") and child.i not in self.name_at:
                    # a modifier of the modifier: "a Kazakh rights group", "Russian state media"
                    for grand in child.children:
                        if grand.dep_ in ("compound", "amod") and grand.i < child.i and grand.i in self.name_at:
                            sub = self._name_code(grand)
                            if sub:
                                return sub, "modifier:nested", min(grand.left_edge.i, head.i)
            if child.dep_ == "prep" and child.lower_ in ("of", "in", "from", "at", "for", "throughout", "across"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        sub = self._name_code(obj, allow_places=True)
                        if sub:
                            best = (sub, f"prep:{child.lower_}", head.i)
        if best[0] is None and head.i >= 2 and self.parsed[head.i - 1].lower_ in ("'s", "’s") \
                and self.parsed[head.i - 1].head.i != head.i:
            # A possessive the parser attached elsewhere: "the Organization ... (CSTO)'s troops".
            owner = self.parsed[head.i - 2]
            if owner.text in (")", "]") and head.i >= 3:
                owner = self.parsed[head.i - 3]
            sub = self._name_code(owner)
            if sub:
                return sub, "modifier:detached-poss", head.i
        return best

    def _name_code(self, tok: Any, allow_places: bool = False) -> str | None:
        """The code of a name at (or governing) ``tok``: states, adjectives, orgs, people, places."""
        name = self.name_at.get(tok.i)
        if name is None:
            if tok.lower_ in _THE_COUNTRY and any(c.lower_ == "the" for c in tok.children):
                return self._the_country(tok)[0]
            if tok.pos_ == "PRON" and tok.lower_ in _PRONOUNS_PERSON | _PRONOUNS_THING | _PRONOUNS_PLURAL | _PRONOUNS_WE:
                a = self.resolve(tok)  # "his country", "its troops", "our country"
                return a.code if a else None
            if tok.pos_ in ("NOUN", "PROPN"):
                a = self.resolve(tok)
                return a.code if a and a.kind != "location" else None
            return None
        entry = self._entry(name)
        if entry is None:
            return None
        if entry.kind == "person" and entry.person:
            a = self.person_actor(entry.person, self.date, name.start, name.end, tok.i, "person")
            return a.code if a else None
        if entry.kind in ("former-capital", "place") and not allow_places:
            return None
        return entry.code or None

    # -- the resolver -----------------------------------------------------------------------------
    def resolve(self, tok: Any) -> Actor | None:
        """The actor a nominal head token denotes, or None (memoised)."""
        if tok.i in self.memo:
            return self.memo[tok.i]
        self.memo[tok.i] = None  # guard against cycles
        actor = self._resolve(tok)
        self.memo[tok.i] = actor
        return actor

    def _resolve(self, tok: Any) -> Actor | None:
        name = self.name_at.get(tok.i)
        if name is not None:
            got = self._resolve_name(tok, name)
            if got is not None or name.entries or name.label == "PERSON" or tok.i != name.end - 1 or \
                    not all(t.text.islower() for t in self.parsed[name.start:name.end]):
                return got
            # an organisation the NER found that is a common noun phrase ("Iran's foreign ministry",
            # where the NER took "foreign ministry" as a name): read it as words
        low = tok.lower_
        if tok.pos_ == "PRON" or low in _PRONOUNS_PERSON | _PRONOUNS_THING | _PRONOUNS_PLURAL:
            return self._resolve_pronoun(tok)
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        if tok.lemma_.lower() in _ACT_ANAPHORS:
            return self._act_anaphor(tok)
        for child in tok.children:  # "the minister of external affairs, Mukhtar Tleuberdi"
            if child.dep_ == "appos" and child.i in self.name_at:
                named = self.resolve(child)
                if named is not None and named.kind == "person" and named.code:
                    start = min(c.i for c in tok.lefts) if list(tok.lefts) else tok.i
                    return replace(named, start=start, end=tok.i + 1, head=tok.i, rule="appos:" + named.rule)
        sector, office, st = self._phrase_sector(tok)
        code, rule, mst = self._code_from_modifiers(tok)
        start = min(st, mst, *(c.i for c in tok.lefts if c.dep_ in ("det", "poss", "amod", "compound", "nummod")))
        if sector is None and tok.lemma_.lower() not in _GENERIC_STATE_NOUNS:
            return None
        if tok.lemma_.lower() in _GENERIC_STATE_NOUNS and sector is None:
            if code and tok.lemma_.lower() in _RELATIONAL and rule.startswith("modifier:poss"):
                # "Serbia ... charging its neighbour": X's neighbour is another state, the latest one
                # named other than X, if any
                other = self._recent(lambda a: a.kind == "state" and a.code not in (None, code), tok, sentences=1)
                return replace(other, start=start, end=tok.i + 1, head=tok.i, kind="group",
                               rule=f"relational->{other.rule}", confidence=0.5) if other else None
            if code:
                return Actor(code, None, "group", rule, 0.8, start, tok.i + 1, tok.i)
            region = self._region(tok)
            if region is not None:
                return region
            if low in _THE_COUNTRY and any(c.lower_ == "the" for c in tok.children):
                where, why = self._the_country(tok)
                if where:
                    return Actor(where, None, "group", f"the-country:{why}", 0.6, start, tok.i + 1, tok.i)
            return None
        if code:
            if office and code:
                holder = self._office_holder(code, office, start, tok)
                if holder:
                    return holder
            return Actor(code, sector, "group", rule, 0.85, start, tok.i + 1, tok.i)
        if any(c.dep_ in ("poss", "compound") and c.pos_ == "PROPN" and c.i not in self.name_at
               and c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for c in tok.children):
            # "Quatar's emir": the owner is named but unknown to us; do not guess a state.
            return Actor(None, sector, "group", "unknown-owner", 0.2, start, tok.i + 1, tok.i)
        shared = self._code_from_conjuncts(tok)
        if shared:
            return Actor(shared, sector, "group", "conjunct", 0.75, start, tok.i + 1, tok.i)
        definite = any(c.lower_ in ("the", "these", "those", "this") for c in tok.lefts)
        if definite and sector:
            recent = self._recent(lambda a: a.sector == sector and a.code is not None, tok, sentences=3)
            if recent:
                return Actor(recent.code, sector, "group", "recent-sector", 0.65, start, tok.i + 1, tok.i,
                             recent.person if office else None)
        where = self._clause_place(tok)
        if where and sector not in ("GOV",):
            # "Protesters gathered in Almaty": people without a state take the place of their clause.
            return Actor(where, sector, "group", "clause-place", 0.7, start, tok.i + 1, tok.i)
        if office and self.focal:
            holder = self._office_holder(self.focal, office, start, tok)
            if holder:
                return replace(holder, rule="title:focal", confidence=0.7)
        if self.focal:
            return Actor(self.focal, sector, "group", "sector:focal", 0.6, start, tok.i + 1, tok.i)
        return Actor(None, sector, "group", "sector:no-state", 0.3, start, tok.i + 1, tok.i)

    def _region(self, tok: Any) -> Actor | None:
        """ "the Central Asian countries", "the states of the South Caucasus": a group of states. What
        is said of it is said of the focal state when that state is a member; else it stays unknown."""
        if tok.tag_ not in ("NNS", "NNPS") or not self.ref.regions:
            return None
        mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod")]
        words = []
        if mods:
            first = min(min(c.left_edge.i for c in mods), tok.i)
            words.append(norm(" ".join(t.text for t in self.parsed[first:tok.i] if t.dep_ != "det")))
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "in"):
                words += [norm(" ".join(t.text for t in o.subtree if t.dep_ != "det")) for o in c.children
                          if o.dep_ == "pobj"]
        for w in words:
            for n in (w, w.replace("other ", "", 1)):
                members = self.ref.regions.get(n) or self.ref.regions.get(n.split(" ", 1)[-1])
                if members is not None:
                    start = min([c.left_edge.i for c in mods] + [tok.i])
                    if self.focal in members:
                        return Actor(self.focal, None, "group", "region:focal-member", 0.6, start, tok.i + 1, tok.i)
                    return Actor(None, None, "group", "region:no-member", 0.2, start, tok.i + 1, tok.i)
        return None

    def _office_holder(self, code: str, office: str, start: int, tok: Any) -> Actor | None:
        """The person holding ``office`` for ``code`` on the date, if the reference data knows one."""
        holders = [p for p in self.ref.people.values()
                   if any(r.office == office and r.code == code and r.holds_on(self.date) for r in p.roles)]
        if len(holders) != 1:
            return None
        p = holders[0]
        role = next(r for r in p.roles if r.office == office and r.code == code and r.holds_on(self.date))
        return Actor(code, role.sector, "person", "title", 0.75, start, tok.i + 1, tok.i, p.id)

    def _code_from_conjuncts(self, tok: Any) -> str | None:
        group = [tok.head] if tok.dep_ == "conj" else []
        group += [c for c in tok.children if c.dep_ == "conj"]
        if tok.dep_ == "conj":
            group += [c for c in tok.head.children if c.dep_ == "conj" and c.i != tok.i]
        for other in group:
            code, _, _ = self._code_from_modifiers(other)
            if code:
                return code
        return None

    def _act_anaphor(self, tok: Any) -> Actor | None:
        """ "Tokayev's decision to cancel the parade. The move drew criticism ...": a definite "the
        move" / "this decision" as a subject stands for whoever acted in the previous sentence (the
        owner of the decision named there, else that sentence's subject)."""
        if tok.dep_ not in ("nsubj", "nsubjpass") or not any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children) or any(
                c.dep_ in ("poss", "prep", "acl", "relcl", "compound") for c in tok.children):
            return None
        prev = self._sent_no[tok.i] - 1
        cands = [a for a in self.history if a.code and a.head < tok.i and self._sent_no[a.head] == prev]
        owners = [a for a in cands if self._dep[a.head] == "poss"
                  and self.parsed[a.head].head.lemma_.lower() in _ACT_ANAPHORS | _DECISION_NOUNS]
        subjects = [a for a in cands if self._dep[a.head] == "nsubj" and self.parsed[a.head].head.dep_ == "ROOT"]
        for a in owners[:1] or subjects[:1]:
            sector = a.sector or ("GOV" if a.kind == "person" else None)
            return Actor(a.code, sector, "group", f"act-anaphor->{a.rule}", round(a.confidence * 0.6, 2),
                         tok.i, tok.i + 1, tok.i, a.person)
        return None

    def _recent(self, pred: Any, tok: Any, sentences: int = 2) -> Actor | None:
        """The latest resolved actor satisfying ``pred`` within ``sentences`` before ``tok``."""
        for a in reversed(self.history):
            if a.head >= tok.i:
                continue
            if not self._within_sentences(a.head, tok.i, sentences):
                return None
            if pred(a):
                return a
        return None

    def _resolve_name(self, tok: Any, name: Name) -> Actor | None:
        if tok.i != self.parsed[name.start:name.end].root.i:
            return None  # only the head of a name speaks for it
        entry = self._entry(name)
        if entry is None:
            return self._unknown_name(tok, name)
        if entry.kind == "person" and entry.person:
            a = self.person_actor(entry.person, self._date_at(tok), name.start, name.end, tok.i, "person")
            if a and a.code:
                last = self.parsed[name.end - 1].lower_
                self.surnames[last] = a
            return a
        locative = self._is_locative(tok, state=entry.kind not in ("capital", "former-capital", "place"))
        if entry.kind in ("capital", "former-capital", "place"):
            if locative or entry.kind in ("former-capital", "place"):
                return Actor(entry.code, None, "location", "place", 0.9, name.start, name.end, tok.i)
            return Actor(entry.code, "GOV", "state", "metonym:capital", 0.8, name.start, name.end, tok.i)
        if entry.kind in ("adjective", "people", "state") and self._modifier_head(tok) is not None:
            # "French and German officials": the first adjective speaks for its own state, with the
            # sector of the noun they share.
            noun = self._modifier_head(tok)
            sector, _, _ = self._phrase_sector(noun)
            return Actor(entry.code, sector, "group", "adjective-modifier", 0.8, name.start, name.end, tok.i)
        if entry.kind == "adjective":
            # An adjective used as a noun ("the Russians") denotes the people.
            return Actor(entry.code, "CVL" if tok.tag_ in ("NNPS", "NNS") else None, "group", "adjective", 0.6,
                         name.start, name.end, tok.i)
        if entry.kind in ("institution", "org"):
            mod, mrule, mst = self._code_from_modifiers(tok)
            if mod and mod != entry.code and len(mod) == 3:
                # "Britain's Treasury": an institution name many states use belongs to the one named.
                return Actor(mod, entry.sector, "group", "institution+" + mrule, 0.85, min(mst, name.start), name.end,
                             tok.i)
        sector, _, st = self._phrase_sector(tok) if entry.kind in ("state", "org") else (None, None, name.start)
        kind = "location" if locative and entry.kind == "state" else ("org" if entry.kind == "org" else "state")
        return Actor(entry.code, entry.sector or sector, kind, entry.kind if kind != "location" else "place",
                     0.9, min(st, name.start), name.end, tok.i)

    def _unknown_name(self, tok: Any, name: Name) -> Actor | None:
        if name.label != "PERSON":
            return None
        last = self.parsed[name.end - 1].lower_
        if last in self.surnames:
            prev = self.surnames[last]
            return replace(prev, start=name.start, end=name.end, head=tok.i, rule="surname", confidence=0.8)
        # Titles and nationality words around the name: compounds before it, or an apposition.
        context = [t for t in self.parsed[max(0, name.start - 6):name.start] if t.head.i in range(name.start, name.end)
                   or t.head.head.i in range(name.start, name.end)]
        related = list(context)
        if tok.dep_ == "appos":
            related += [tok.head, *[c for c in tok.head.children if c.dep_ in _MOD_DEPS]]
        related += [c for c in tok.children if c.dep_ == "appos"]
        code = sector = None
        for t in related:
            if code is None:
                code = self._name_code(t) if t.i in self.name_at else None
            if sector is None and t.pos_ in ("NOUN", "PROPN", "ADJ"):
                sec, _, _ = self._phrase_sector(t)
                sector = sec
        if code is None:
            # "Zhang Jun of China", "Ronaldo Costa Filho of Brazil": a delegate named with the state they speak for
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    objs = [o for o in c.children if o.dep_ == "pobj" and o.i in self.name_at]
                    named = [e for o in objs for e in self.name_at[o.i].entries if e.kind == "state"]
                    if len({e.code for e in named}) == 1 and not any(
                            d.dep_ in ("poss", "compound", "amod") for o in objs for d in o.children):
                        code, sector = named[0].code, sector or "GOV"
        if code or sector:
            a = Actor(code, sector, "person", "name+title", 0.7 if code else 0.4, name.start, name.end, tok.i)
            self.surnames[last] = a
            return a
        return Actor(None, None, "person", "unknown-name", 0.0, name.start, name.end, tok.i)

    def _resolve_we(self, tok: Any) -> Actor | None:
        """ "we (the Kazakh government) will respect ...": the parenthesis says who; otherwise "we" and
        "our" in what someone is quoted saying are the speaker's side (a minister's "we" is his
        state's government, an activist's "we" the activists). Outside quoted speech: the author."""
        for child in tok.children:
            if child.dep_ == "appos":
                a = self.resolve(child)
                if a is not None and a.code:
                    return replace(a, start=tok.i, end=tok.i + 1, head=tok.i, kind="pronoun",
                                   rule=f"pronoun-appos->{a.rule}", confidence=round(a.confidence * 0.9, 2))
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        speech = cl._speech_head(verb)
        if speech is None or speech.pos_ not in ("VERB", "AUX"):
            return None
        for subj in cl.subjects(speech)[0][:1]:
            a = self.resolve(subj)
            if a is not None and a.code and a.kind != "location":
                sector = a.sector or ("GOV" if a.kind in ("state", "person") else None)
                return Actor(a.code, sector, "pronoun", f"pronoun-we->speaker:{a.rule}",
                             round(a.confidence * 0.7, 2), tok.i, tok.i + 1, tok.i)
        return None

    def _resolve_pronoun(self, tok: Any) -> Actor | None:
        low = tok.lower_
        sent = tok.sent
        if low in _PRONOUNS_WE:
            return self._resolve_we(tok)
        if low in _PRONOUNS_PERSON:
            def want(a: Actor) -> bool:  # a person, or a singular person noun ("a Kazakh activist")
                return a.code is not None and (a.kind == "person" or (
                    a.kind == "group" and self._tag[a.head] == "NN" and a.sector in ("CVL", "OPP", "MED",
                                                                                            "GOV", "JUD", "LEG")))
        elif low in _PRONOUNS_THING:
            if low == "it" and (tok.head.lemma_ in _EXPLETIVE_HEADS or (tok.dep_ == "nsubjpass" and any(
                    c.dep_ == "ccomp" for c in tok.head.children))):
                return None  # "It may seem that ...", "it is clear that ...", "it should be noted that ..."
            def want(a: Actor) -> bool:  # a state or organisation, or one body ("the government ... its"), or
                # an "it" already resolved to one ("It abstained ..., and it has never joined ...")
                return a.code is not None and (a.kind in ("state", "org") or (
                    a.kind == "pronoun" and a.rule.startswith("pronoun") and "we->" not in a.rule) or (
                    a.kind == "group" and self._tag[a.head] == "NN" and a.sector in ("GOV", "LEG", "JUD", "MIL")))
        elif low in _PRONOUNS_PLURAL:
            want = lambda a: a.kind == "group" and a.code is not None  # noqa: E731
        else:
            return None
        if tok.dep_ == "poss":
            # "Kazakhstan, despite its ties with Russia, announced its support": a possessive refers
            # to the subject of its own clause when that subject can be its antecedent.
            bound = self._clause_subject(tok)
            if bound is not None and want(bound):
                return replace(bound, start=tok.i, end=tok.i + 1, head=tok.i,
                               kind="pronoun" if bound.kind != "person" else "person",
                               rule=f"pronoun-bound->{bound.rule}", confidence=round(bound.confidence * 0.8, 2))
        # Centering: the subject of the previous sentence is the likeliest antecedent (or the subject's
        # owner: "China's position on Ukraine predates the war. In 2014 it abstained ..." is China).
        prev_subjects = [a for a in reversed(self.history) if a.head < sent.start and want(a)
                         and self._subject_like(a.head) and self._within_sentences(a.head, tok.i, 1)]
        if prev_subjects and not any(a.head >= sent.start and a.head < tok.i and want(a) for a in self.history):
            a = prev_subjects[-1] if len({p.code for p in prev_subjects}) == 1 else min(prev_subjects, key=lambda x: x.head)
            return replace(a, start=tok.i, end=tok.i + 1, head=tok.i, kind="pronoun" if a.kind != "person" else "person",
                           rule=f"pronoun->{a.rule}", confidence=round(a.confidence * 0.7, 2))
        if low in _PRONOUNS_PERSON and tok.dep_ in ("nsubj", "nsubjpass"):
            # "Kazakhstan abstained in a UN vote condemning Putin's invasion. He voted against ...": with a
            # state as the previous subject and no person there, "he" is that state's leadership, not
            # the person named in passing.
            prev_states = [a for a in reversed(self.history) if a.head < sent.start and a.kind == "state"
                           and a.code and self._dep[a.head] in ("nsubj", "nsubjpass")
                           and self._within_sentences(a.head, tok.i, 1)]
            prev_people = [a for a in self.history if a.head < tok.i and a.kind == "person"
                           and self._within_sentences(a.head, tok.i, 1)
                           and self._dep[a.head] in ("nsubj", "nsubjpass")]
            if prev_states and not prev_people:
                a = prev_states[0]
                return Actor(a.code, "GOV", "pronoun", "pronoun->state-leadership", 0.5, tok.i, tok.i + 1, tok.i)
        # Within the sentence, an earlier subject beats a nearer object: "While Kazakhstan is linked to
        # Russia ..., its policy" is Kazakhstan's.
        here = [a for a in self.history if sent.start <= a.head < tok.i and want(a)
                and self._dep[a.head] in ("nsubj", "nsubjpass")]
        if here:
            a = here[-1]
            return replace(a, start=tok.i, end=tok.i + 1, head=tok.i, kind="pronoun" if a.kind != "person" else
                           "person", rule=f"pronoun-subject->{a.rule}", confidence=round(a.confidence * 0.7, 2))
        for a in reversed(self.history):
            if self._sent_start[a.head] < sent.start - 400:
                break
            if a.head < tok.i and want(a) and self._dep[a.head] in ("nsubj", "nsubjpass", "poss", "pobj",
                                                                             "appos", "dobj", "conj"):
                if self._sent_start[a.head] < sent.start and not self._within_sentences(a.head, tok.i, 2):
                    break
                return replace(a, start=tok.i, end=tok.i + 1, head=tok.i, kind="pronoun" if a.kind != "person" else
                               "person", rule=f"pronoun->{a.rule}", confidence=round(a.confidence * 0.7, 2))
        return None

    def _subject_like(self, i: int) -> bool:
        """Whether token ``i`` is a clause's subject, or the possessor of one ("Armenia's line")."""
        if self._dep[i] in ("nsubj", "nsubjpass"):
            return True
        return self._dep[i] == "poss" and self.parsed[i].head.dep_ in ("nsubj", "nsubjpass")

    def _clause_subject(self, tok: Any) -> Actor | None:
        """The resolved subject of the clause ``tok`` is in, if it comes before ``tok``."""
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        for subj in cl.subjects(verb)[0][:1]:
            if subj.i < tok.i and subj.i not in range(tok.left_edge.i, tok.right_edge.i + 1):
                a = self.memo.get(subj.i) if subj.i in self.memo else self.resolve(subj)
                if a is not None and a.code:
                    return a
        return None

    def _within_sentences(self, i: int, j: int, n: int) -> bool:
        return self._sent_no[j] - self._sent_no[i] <= n

    def run(self) -> list[Actor]:
        """Resolve every nominal head in text order (history feeds pronouns and "the troops")."""
        out: list[Actor] = []
        for tok in self.parsed:
            if tok.dep_ in ("compound", "amod") and tok.head.pos_ in ("NOUN", "PROPN") and tok.i not in self.name_at:
                continue  # a modifier, not the head of a phrase (names as modifiers are kept: "Russian aggression")
            if tok.pos_ in ("NOUN", "PROPN", "PRON") or tok.i in self.name_at:
                a = self.resolve(tok)
                if a is not None:
                    out.append(a)
                    if a.code is not None and a.kind != "location":
                        self.history.append(a)
        return out


def to_mention(doc: Document, actor: Actor) -> Mention:
    parsed = doc.parsed
    start = parsed[actor.start].idx
    last = parsed[actor.end - 1]
    end = last.idx + len(last.text)
    sent = doc.sentence_of(start)
    return Mention(start=start, end=end, code=actor.code, sector=actor.sector, person=actor.person, kind=actor.kind,
                   confidence=actor.confidence, rule=actor.rule, sent=sent.idx if sent else -1,
                   head=parsed[actor.head].idx)
