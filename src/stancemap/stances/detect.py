"""Stance detection: which actor holds which position on which issue, sentence by sentence.

1. **Relevance.** A sentence is a candidate for an issue when it carries enough of the issue's
   distinctive terms (see :mod:`.model`); candidates are confirmed by embedding similarity to the
   issue's texts.
2. **Holder.** The actor of a clause: its subject (through passives, coordination and pronouns),
   the voter of a vote, or the speaker when the clause is what an actor said about its own side.
   The author is never a holder: clauses with no actor, and the author's predictions and hedges
   (a future or conditional with no one saying it, "appears", "seems"), give no stance.
   A clause without an actor may take the holder of the previous sentence when that sentence only
   introduces what an actor said ("Tokayev was clear. ...").
3. **Polarity.** A clause that matches one of the issue's frames takes its polarity; negation
   flips the match ("will not recognise" matches the negated frame of "refuses to recognise",
   i.e. oppose; "will not help Russia evade sanctions" matches "refuses to help circumvent them",
   support). Without a frame, the polarity whose description is most similar to the sentence wins,
   if clearly.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from ..actors.lookup import ActorLookup, mention_index
from ..model import EVENT_TYPES, Document, Mention, Stance
from ..nlp import clauses as cl
from ..nlp.dates import clause_date
from ..nlp.embed import embed
from .issues import issue_subjects
from .model import REFUSALS, Frame, IssueModel, content_stems, same_act, stem

# Nouns that name a standing position: their possessor holds it ("Kazakhstan's multi-vector policy")
POLICY_NOUNS = {"policy", "strategy", "stance", "position", "doctrine", "approach", "line"}
_IMPLIED_POLICY_VERBS = frozenset(stem(w) for w in ("pursue", "follow", "keep", "maintain", "take", "hold"))
HEDGES = {"appear", "seem", "likely", "perhaps", "probably", "possibly", "arguably", "supposedly"}
_REFUSAL_STEMS = {stem(r) for r in REFUSALS}
_LIGHT_HEADS = {stem(w) for w in ("call", "make", "take", "hold", "give", "have", "put", "get", "ask", "seek")}


_COPULAS = {"be", "remain", "stay", "become"}
_DEONTIC = {"should", "must", "ought"}
_NESTED = {"ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "cc", "mark", "punct", "appos"}


def _clause_stems(tokens: list[Any]) -> set[str]:
    """The stems a clause's words give for matching issue vocabulary and frames."""
    return {stem(t.lemma_) for t in tokens if t.pos_ not in ("PUNCT", "DET")} | \
        set(content_stems("".join(t.text_with_ws for t in tokens)))  # "multi-vector" stays one word


def local_tokens(pred: Any) -> list[Any]:
    """The predicate and its own arguments, without the clauses nested in them (each is judged on
    its own: "X stated that Y would not recognise Z" is two clauses)."""
    out = [pred]
    stack = [c for c in pred.children if c.dep_ not in _NESTED]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _NESTED or (c.dep_ == "conj" and t.pos_ != "VERB"))
    return sorted(out, key=lambda t: t.i)


_ASIDES = {"relcl", "acl", "advcl"}


def said_tokens(pred: Any) -> list[Any]:
    """The predicate with everything it says, complements included ("said that the country would
    leave the bloc"), but not the asides: descriptions of the things it names ("the country, which
    offers no economic prospects") and circumstances ("while Kazakhstan is a member of the EAEU")."""
    out = [pred]
    stack = [c for c in pred.children if c.dep_ not in _ASIDES]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _ASIDES)
    return sorted(out, key=lambda t: t.i)


@dataclass
class Clause:
    pred: Any
    holders: list[Mention]
    stems: set[str]
    negated: bool
    modality: str
    speaker_is_actor: bool = False
    acts: set[str] = field(default_factory=set)  # the stems up to synonym groups, for frames

    def __post_init__(self) -> None:
        self.acts = same_act(self.stems)


def named_by_sentence(doc: Document) -> dict[int, set[str]]:
    """Sentence index -> the actor codes its mentions resolve to."""
    named: dict[int, set[str]] = {}
    for m in doc.mentions:
        if m.code:
            named.setdefault(m.sent, set()).add(m.code)
    return named


class StanceDetector:
    def __init__(self, models: tuple[IssueModel, ...], lookup: ActorLookup, relevance: float = 0.45,
                 min_terms: float = 1.0, similar_min: float = 0.45,
                 signatures: Any = None) -> None:
        self.models = models
        self.lookup = lookup
        self.signatures = signatures  # a callable giving the SignatureModel (built on first use)
        self.max_issues = 3  # a sentence speaks to at most this many issues
        self.example_min = 0.3  # examples less similar than this to a sentence do not vote
        self.examples_alone = 0.45  # nearest examples decide alone only when this similar
        self.examples_agree = 0.7  # ... and when this share of their weight is on one polarity
        self.signature_full = 0.9  # examples with the act this similar in all give the signature a full vote
        self.characteristic_min = 3  # an act is characteristic of an issue only with this many examples
        self.strong_terms = 2.0  # without an event, a sentence needs this much issue vocabulary
        self.terms_discount = 0.05  # that much vocabulary lowers the similarity a sentence needs by this
        self.decide_min = 0.5  # the winning polarity needs at least this much combined evidence
        self.alignment_weight = 0.6  # vote of the holder's acts toward the sides the issue file names
        self.similar_min = similar_min
        self.relevance = relevance
        self.min_terms = min_terms
        self.subject_window = 2  # sentences before one that may name the issue's subject
        self._subjects: dict[str, frozenset[str]] | None = None
        self._issue_vecs: dict[str, dict[str, np.ndarray]] | None = None
        self._term_index: dict[str, list[tuple[str, float]]] | None = None

    # -- embeddings of the issue texts (once) ---------------------------------------------------
    def issue_vectors(self) -> dict[str, dict[str, np.ndarray]]:
        if self._issue_vecs is None:
            out: dict[str, dict[str, np.ndarray]] = {}
            for m in self.models:
                out[m.issue.id] = {k: embed(v) for k, v in m.texts.items()}
            self._issue_vecs = out
        return self._issue_vecs

    # -- relevance ----------------------------------------------------------------------------
    def subjects(self) -> dict[str, frozenset[str]]:
        """The actors an issue's label names ("Russia's 2022 invasion of Ukraine": RUS, UKR). A
        sentence speaks to such an issue only if it or one just before names one of them
        ("Kazakhstan's statehood" is not Ukraine's; sanctions on Iran are not sanctions on Russia)."""
        if self._subjects is None:
            self._subjects = {m.issue.id: issue_subjects(m.issue, self.lookup.ref) for m in self.models}
        return self._subjects

    def _says_issue(self, model: IssueModel, stems: set[str]) -> bool:
        """Whether a clause uses the issue's own words: enough of its vocabulary, one of them from the
        label, keywords or descriptions rather than only words its examples happen to share
        ("bilateral relations" is in a sanctions example, but says nothing of sanctions)."""
        weights = [model.terms.get(st, 0.0) for st in stems]
        return sum(weights) >= self.min_terms and max(weights, default=0.0) >= 1.0

    def _named_near(self, named: dict[int, set[str]], sent_idx: int, codes: frozenset[str]) -> bool:
        """Whether one of ``codes`` is named in the sentence or the ``subject_window`` before it."""
        return any(codes & named.get(i, set()) for i in range(sent_idx - self.subject_window, sent_idx + 1))

    def term_scores(self, stems: set[str]) -> dict[str, float]:
        if self._term_index is None:  # stem -> [(issue, weight)], so a clause costs its own words only
            index: dict[str, list[tuple[str, float]]] = {}
            for m in self.models:
                for st, w in m.terms.items():
                    index.setdefault(st, []).append((m.issue.id, w))
            self._term_index = index
        out = dict.fromkeys((m.issue.id for m in self.models), 0.0)
        for st in stems:
            for iid, w in self._term_index.get(st, ()):
                out[iid] += w
        return out

    # -- clauses --------------------------------------------------------------------------------
    def clauses(self, doc: Document, sent_tokens: Any, index: dict[int, Mention]) -> list[Clause]:
        out: list[Clause] = []
        date = doc.reference_date
        lookup = self.lookup.actor
        for tok in sent_tokens:
            if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("aux", "auxpass"):
                continue
            if tok.dep_ == "xcomp" and stem(tok.head.lemma_) in _REFUSAL_STEMS:
                continue  # "refusing to recognise X": the refusal's clause holds it, negated
            if tok.dep_ in ("ccomp", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
                    and any(c.dep_ == "nsubj" for c in tok.children):
                continue  # "Tashkent wanted Moscow and Kyiv to settle": asked to act, not holding; the wish is Tashkent's
            if tok.dep_ == "relcl" and tok.head.pos_ == "PROPN" and tok.head.ent_type_ not in ("DATE", "TIME"):
                continue  # "Kazakhstan, which hosted the troops in January": background on a named actor
            subs, passive = cl.subjects(tok)  # for a passive, its agent ("sanctioned by the United States")
            if passive and cl.negation(tok)[0]:
                subs = []  # "protests not sanctioned by the authorities" says nothing the authorities hold
            holders = [a for a in (lookup(s, index, date) for s in subs) if a]
            modality, speech = cl.modality(tok)
            speakers: list[Mention] = []
            official = False  # "..., President X said" with X's state unknown: still an official speaking
            if speech is not None:
                speakers = [a for a in (lookup(s, index, date) for s in cl.subjects(speech)[0]) if a]
                official = any((m := index.get(s.idx)) is not None and m.sector in ("GOV", "MIL", "LEG", "JUD")
                               for s in cl.subjects(speech)[0])
                if speakers and (not holders or any(h.code == speakers[0].code for h in holders)):
                    # the speakers hold it ("business and civil society activists argue that ...": both)
                    holders = list({(a.code, a.sector): a for a in speakers if a.code == speakers[0].code}.values())
                elif speakers and speakers[0].code and len(speakers[0].code) == 3 and \
                        tok.lemma_.lower() in cl.SPEECH | _ATTITUDE:
                    # "the Kremlin said Vucic thanked Russia": one side's account of another's words is that
                    # side's claim, not the other's position (the event keeps it, as reported); an act it
                    # reports ("Kyiv said Poland had delivered aid") is still the actor's
                    continue
            if not holders:
                continue
            if modality == "hypothetical" and speakers and holders[0] in speakers and \
                    cl.aux_words(tok) & _DEONTIC and not cl.aux_words(tok) & (cl.HYPOTHETICAL_AUX - _DEONTIC):
                modality = "intent"  # "activists argue that the country should leave the bloc": what they call for
            local = local_tokens(tok)
            stems = _clause_stems(local)
            negated, _ = cl.negation(tok)
            if stem(tok.lemma_) in _REFUSAL_STEMS:
                negated = not negated
            out.append(Clause(tok, holders, stems, negated, modality, bool(speakers) or official))
        return out

    def _event_clauses(self, doc: Document, sent: Any, clauses: list[Clause]) -> list[Clause]:
        """Nominal acts whose actor is not the subject of any clause ("there have been protests by Kazakh
        civil society against the invasion"): the event stage found who acted; their act is a clause."""
        held = {(h.code, h.sector) for c in clauses for h in c.holders}
        preds = {c.pred.i for c in clauses}
        out: list[Clause] = []
        for e in doc.events:
            if e.sent != sent.idx or not e.source or e.head < 0 or (e.source, e.source_sector) in held \
                    or e.modality == "hypothetical":
                continue
            tok = cl.token_at(doc.parsed, e.head)
            modifier = tok is not None and tok.dep_ == "amod" and e.rule.startswith("construction:")
            unnamed = tok is not None and tok.pos_ == "VERB" and (
                (tok.i not in preds and e.rule.endswith(":passive"))  # "with two thousand people arrested"
                or (tok.i in preds and e.source_sector is not None))  # "business and civil society activists"
            if tok is None or (tok.pos_ not in ("NOUN", "PROPN") and not modifier and not unnamed) \
                    or e.modality != "actual":
                # verbs have their clauses; only nominal acts ("protests by X"), acts told by a
                # modifier ("a government-sanctioned rally"), and doers the event stage found that the
                # clause does not name as holders (an agentless passive, "with two thousand people
                # arrested"; the other part of a coordinated modifier, "business and civil society
                # activists are calling ...") are added
                continue
            if modifier:
                tok = tok.head  # the rally the government sanctioned
            local = local_tokens(tok)
            stems = _clause_stems(local)
            holder = Mention(e.start, e.end, e.source, e.source_sector, e.source_person, "group", 0.6,
                             "event-source", e.sent, -1)
            out.append(Clause(tok, [holder], stems, bool(e.negated), e.modality))
            held.add((e.source, e.source_sector))
        return out

    def _policy_clauses(self, doc: Document, span: Any, index: dict[int, Mention],
                        clauses: list[Clause]) -> list[Clause]:
        """ "Kazakhstan's multi-vector foreign policy", "Turkey's position on the war": a policy noun
        with a possessor states the possessor's position even where the clause's subject is someone
        else ("The invasion has revamped Kazakhstan's multi-vector policy")."""
        held = {(h.code, h.sector) for c in clauses for h in c.holders}
        out: list[Clause] = []
        for tok in span:
            if tok.lemma_.lower() not in POLICY_NOUNS or tok.pos_ != "NOUN":
                continue
            owners = [a for c in tok.children if c.dep_ == "poss"
                      if (a := self.lookup.actor(c, index, doc.reference_date)) is not None]
            if not owners or (owners[0].code, owners[0].sector) in held:
                continue
            local = [t for t in tok.subtree if t.dep_ not in ("relcl", "acl") or t.i == tok.i]
            stems = _clause_stems(local)
            stems |= _IMPLIED_POLICY_VERBS  # "X's policy" is the policy X pursues
            out.append(Clause(tok, owners[:1], stems, False, "actual"))
            held.add((owners[0].code, owners[0].sector))
        return out

    # -- polarity -------------------------------------------------------------------------------
    @staticmethod
    def frame_polarity(model: IssueModel, clause: Clause) -> tuple[str, Frame] | None:
        best: tuple[float, str, Frame] | None = None
        stems = clause.acts
        preds = same_act({stem(clause.pred.lemma_)})
        copula: set[str] = set()
        if clause.pred.lemma_ in _COPULAS:
            # "have been cautious about the war" is "remains cautious about the war": the complement
            # is the predicate
            preds |= same_act({stem(c.lemma_) for c in clause.pred.children if c.dep_ in ("acomp", "attr")})
            copula = same_act({stem(w) for w in _COPULAS})
            preds |= copula
            stems = stems | preds
        for f in model.frames:
            if f.sides and not f.sides <= stems:
                continue  # "voted on whether ..." is neither "votes for" nor "votes against"
            shared = f.stems & stems
            hit = len(shared)
            if not hit or shared <= copula:
                continue  # a copula alone matches nothing ("he is a practitioner" is no "remains cautious")
            cover = hit / len(f.stems)
            if cover < 0.5 or (len(f.stems) == 1 and f.head not in stems):
                continue
            head_ok = f.head in stems
            if hit == 1 and len(f.stems) > 1 and (f.head in _LIGHT_HEADS or not shared <= preds):
                # one shared word is a frame only when it is the predicate itself: "called a coup attempt"
                # is not "calls to suspend membership", "rejected the invasion of Ukraine" is not
                # "questions Ukraine's statehood"
                continue
            content = f.stems - f.names
            if not head_ok and (not content or len(shared & content) / len(content) < 0.6):
                continue  # without its verb, a frame needs its other words, not just names ("Russia's war")
            if f.negated != clause.negated:
                continue
            score = cover + (0.5 if head_ok else 0.0) + 0.1 * hit
            if best is None or score > best[0]:
                best = (score, f.polarity, f)
        return (best[1], best[2]) if best else None

    # -- main -------------------------------------------------------------------------------------
    def detect(self, doc: Document) -> list[Stance]:
        parsed = doc.parsed
        index = mention_index(doc)
        ref = doc.reference_date
        ref_year = ref[:4] if ref else None
        candidates: list[tuple[Any, Any, dict[str, float], list[Clause], list[Any], dict[int, dict[str, float]]]] = []
        subjects = self.subjects()
        named = named_by_sentence(doc)
        for sent in doc.sentences:
            if sent.idx in doc.structured:
                continue  # read by a reader of its form (a roll call), not prose
            span = parsed.char_span(sent.start, sent.end, alignment_mode="expand")
            if span is None:
                continue
            stems = {stem(t.lemma_) for t in span} | set(content_stems(span.text))
            scores = {k: v for k, v in self.term_scores(stems).items() if v >= self.min_terms}
            for iid in self._characteristic(doc, sent.idx):
                scores.setdefault(iid, self.min_terms)  # an act typical of the issue makes it a candidate
            scores = {k: v for k, v in scores.items() if not subjects[k] or self._named_near(named, sent.idx, subjects[k])}
            if not scores or not any(m.code for m in doc.mentions if m.sent == sent.idx):
                continue
            # Only sentences with something to decide on are embedded (the costly step): an event
            # by an actor, strong issue terms, or (checked below) a clause in one of the issue's frames.
            framed_only = not (max(scores.values()) >= self.strong_terms or
                               any(e.sent == sent.idx and e.source for e in doc.events))
            if any(t.lemma_.lower() in HEDGES for t in span if t.dep_ in ("ROOT", "advmod", "acomp")):
                continue
            # Who could hold a position here is known from the parse alone: a sentence without
            # such a clause is not embedded.
            clauses = [c for c in self.clauses(doc, span, index)
                       if c.modality not in ("hypothetical",) and not self._author_prediction(c)]
            clauses += self._event_clauses(doc, sent, clauses)
            clauses += self._policy_clauses(doc, span, index, clauses)
            if not clauses or (framed_only and not any(
                    self.frame_polarity(m, c) for m in self.models if m.issue.id in scores for c in clauses)):
                continue
            events = [e for e in doc.events if e.sent == sent.idx and e.source and e.modality != "hypothetical"]
            about = {id(e): self._event_terms(doc, e) for e in events}
            if self._decidable(scores, clauses, events, about):
                candidates.append((sent, span, scores, clauses, events, about))
        if not candidates:
            return []
        vecs = embed([c[1].text for c in candidates])
        issue_vecs = self.issue_vectors()
        out: list[Stance] = []
        for (sent, _span, scores, clauses, sent_events, about), v in zip(candidates, vecs, strict=True):
            # Relevance: closeness to anything the file says about the issue (label, descriptions, examples).
            sims = {iid: max(float(np.max(vecs @ v)) for vecs in issue_vecs[iid].values()) for iid in scores}
            issues = [iid for iid in scores if sims[iid] >= self.relevance or (scores[iid] >= self.strong_terms and
                      sims[iid] >= self.relevance - self.terms_discount)]
            if issues and max(scores[i] for i in issues) >= 2 * self.strong_terms:
                # A sentence clearly about one issue speaks to another only with its own vocabulary or
                # a clear likeness ("offered to mediate" is not a statement on alliance membership).
                top = max(issues, key=lambda i: scores[i])
                issues = [i for i in issues if i == top or scores[i] >= self.strong_terms
                          or sims[i] >= self.relevance + 0.1]
            issues = sorted(issues, key=lambda i: -sims[i])[: self.max_issues]
            if not issues:
                continue
            sig_model = self.signatures() if self.signatures is not None else None
            for iid in issues:
                model = next(m for m in self.models if m.issue.id == iid)
                knn = self._example_votes(issue_vecs[iid], v)
                knn_top = max((float(np.max(issue_vecs[iid][p] @ v)) for p in ("support", "oppose", "neutral")
                               if p in issue_vecs[iid]), default=0.0)
                for c in clauses:
                    for h in c.holders:
                        got = self._decide(model, c, h, iid, sig_model, sent_events, v, knn, knn_top, about)
                        if got is not None:
                            polarity, rule, conf = got
                            out.append(self._stance(doc, sent, h, iid, polarity, c.pred, ref_year, rule,
                                                    conf * h.confidence))
        return self._implied(doc, _dedupe(out), named)

    def _implied(self, doc: Document, stances: list[Stance], named: dict[int, set[str]] | None = None) -> list[Stance]:
        """Positions that the issue file says a position implies ("abstained on the resolution
        condemning the invasion" is also neutral on the invasion). They only fill in: a holder who
        states a position on the implied issue in the same sentence keeps that one. A position on an issue
        whose label names no one implies one on an issue that names actors only where one of them is named
        near, as a stated one would need (calling for talks between two other states is no position on
        Russia's war); an issue about named actors carries its implications (refusing to recognise Kosovo
        backs Belgrade's claim)."""
        issues = {m.issue.id: m.issue for m in self.models}
        subjects = self.subjects()
        named = named_by_sentence(doc) if named is None else named
        have = {(s.sent, s.actor, s.actor_sector, s.issue) for s in stances}
        out = list(stances)
        for s in stances:
            for imp in issues[s.issue].implies:
                key = (s.sent, s.actor, s.actor_sector, imp.issue)
                if imp.when != s.stance or key in have or (
                        subjects.get(imp.issue) and not subjects.get(s.issue)
                        and not self._named_near(named, s.sent, subjects[imp.issue])):
                    continue
                if imp.acts and not any(e.sent == s.sent and e.source == s.actor and e.type in imp.acts
                                        and not e.negated and (s.actor_sector is None or e.source_sector in
                                                               (None, s.actor_sector)) for e in doc.events):
                    continue
                out.append(replace(s, issue=imp.issue, stance=imp.stance, rule=f"implied:{s.issue}",
                                   confidence=round(0.9 * s.confidence, 3)))
                have.add(key)
        return sorted(out, key=lambda s: (s.start, s.issue))

    def _characteristic(self, doc: Document, sent_idx: int) -> list[str]:
        """Issues for which an act done in the sentence is characteristic (most of the issue file's
        examples with that act are that issue's, and enough of them): "transferred 150 million tenge
        to Ukraine" is about aid though it uses none of the issue's words."""
        sig_model = self.signatures() if self.signatures is not None else None
        if sig_model is None:
            return []
        out: list[str] = []
        for e in doc.events:
            if e.sent != sent_idx or not e.source or e.modality != "actual":
                continue
            sig = (e.type, bool(e.negated))
            out += [m.issue.id for m in self.models if m.issue.id not in out and
                    self._is_characteristic(sig_model, m.issue.id, sig)]
        return out

    def _is_characteristic(self, sig_model: Any, iid: str, sig: tuple[str, bool]) -> bool:
        """Most of the examples with this act are the issue's, and enough of them (one is no pattern)."""
        return sig_model.count(iid, sig) >= self.characteristic_min and sig_model.share(iid, sig) >= 0.5

    def _decidable(self, scores: dict[str, float], clauses: list[Clause], events: list[Any],
                   about: dict[int, dict[str, float]]) -> bool:
        """Whether any evidence that needs no embedding could decide a clause on one of the sentence's
        issues: a frame, a coded act of the holder with a signature, the holder's acts toward the
        issue's sides, or the issue's words in the holder's own clause (which the nearest examples
        need to decide alone). Sentences with none give no stance, so they are not embedded (the
        costly step); the result is the same as embedding them."""
        sig_model = self.signatures() if self.signatures is not None else None
        for model in self.models:
            iid = model.issue.id
            if iid not in scores:
                continue
            for c in clauses:
                if self.frame_polarity(model, c) is not None:
                    return True
                for h in c.holders:
                    if sig_model is not None and any(_by(e, h) and sig_model.count(iid, (e.type, bool(e.negated)))
                                                     for e in events):
                        return True
                    if self._alignment_vote(model, h, [e for e in events
                                                       if about[id(e)].get(iid, 0.0) >= self.min_terms]) is not None:
                        return True
                    if h.sector != "MED" and c.pred.dep_ in ("ROOT", "ccomp", "conj") and not c.negated and \
                            self.term_scores(_clause_stems(said_tokens(c.pred))).get(iid, 0.0) >= self.min_terms:
                        return True
        return False

    def _example_votes(self, vecs: dict[str, np.ndarray], v: np.ndarray, k: int = 3) -> dict[str, float]:
        """Similarity-weighted votes of the issue's most similar example sentences and descriptions."""
        scored: list[tuple[float, str]] = []
        for pol in ("support", "oppose", "neutral"):
            if pol in vecs:
                scored += [(float(x), pol) for x in vecs[pol] @ v]
        top = sorted(scored, reverse=True)[:k]
        if not top or top[0][0] < self.similar_min:
            return {}
        votes: dict[str, float] = {}
        for sim, pol in top:
            votes[pol] = votes.get(pol, 0.0) + sim
        total = sum(votes.values())
        return {p: w / total for p, w in votes.items()}

    def _decide(self, model: IssueModel, c: Clause, h: Mention, iid: str, sig_model: Any, events: list[Any],
                v: np.ndarray, knn: dict[str, float], knn_top: float = 0.0,
                about: dict[int, dict[str, float]] | None = None) -> tuple[str, str, float] | None:
        """Combine three kinds of evidence for a clause's polarity on an issue: the polarity of the
        issue's examples whose coded events match the clause's events (signatures), the issue's
        frames, and the most similar examples. Returns (polarity, rule, confidence) or None."""
        votes: dict[str, float] = {}
        parts: list[str] = []
        sig_on_topic = False
        if sig_model is not None:
            votes_sig: dict[str, float] = {}
            seen: set[tuple[str, bool]] = set()
            for e in events:
                if _by(e, h):
                    sig = (e.type, bool(e.negated))
                    if (about is not None and about.get(id(e), {}).get(iid, 0.0) >= self.min_terms) or \
                            self._is_characteristic(sig_model, iid, sig):
                        # the act's own words are about the issue, or most of the examples with this
                        # act are the issue's, and enough of them (one example is no pattern)
                        sig_on_topic = True
                    if sig in seen:
                        continue  # one act on two targets is one piece of evidence
                    seen.add(sig)
                    for p, w in sig_model.vote(iid, sig, v, min_sim=self.example_min).items():
                        votes_sig[p] = votes_sig.get(p, 0.0) + w
            if votes_sig:
                total = sum(votes_sig.values())
                strength = min(1.0, total / self.signature_full)  # one faint likeness is a weak vote
                for p, w in votes_sig.items():
                    votes[p] = votes.get(p, 0.0) + strength * w / total
                parts.append("signature")
        aligned = self._alignment_vote(model, h, [e for e in events if about is None or
                                                  about.get(id(e), {}).get(iid, 0.0) >= self.min_terms])
        if aligned is not None:
            votes[aligned] = votes.get(aligned, 0.0) + self.alignment_weight
            parts.append("alignment")
        frame = self.frame_polarity(model, c)
        if frame is not None:
            votes[frame[0]] = votes.get(frame[0], 0.0) + 1.0
            parts.append("frame")
        if knn and c.pred.dep_ in ("ROOT", "ccomp", "conj") and not c.negated and (votes or knn_top >= self.examples_alone):
            for p, w in knn.items():
                votes[p] = votes.get(p, 0.0) + 0.8 * w
            parts.append("examples")
        if not votes:
            return None
        if parts == ["examples"] and (max(knn.values()) < self.examples_agree or h.sector == "MED"
                                      or not self._says_issue(model, _clause_stems(said_tokens(c.pred)))):
            # the nearest examples alone decide only when they agree, the clause itself uses the issue's
            # words (a sentence about the issue may say nothing of it in the holder's clause), and the
            # holder is no commentator (analysts' views are commentary)
            return None
        if parts == ["signature"] and not sig_on_topic:
            # acts alike to the issue's examples, with nothing else saying so, count only when the
            # act itself is about the issue or is characteristic of it (most examples with that act
            # are the issue's) ("invaded Ukraine" is no position on sanctions)
            return None
        ranked = sorted(votes.items(), key=lambda kv: -kv[1])
        if ranked[0][1] < self.decide_min or (len(ranked) > 1 and ranked[0][1] < 1.25 * ranked[1][1]):
            return None
        conf = min(1.0, ranked[0][1] / 2.0 + 0.3)
        return ranked[0][0], "+".join(parts) + f":{ranked[0][0]}", conf

    def _event_terms(self, doc: Document, e: Any) -> dict[str, float]:
        """Issue vocabulary in the event's own phrase: an act counts toward the issues it is about
        ("rejected the invasion" speaks to the invasion, not to alliance membership)."""
        tok = cl.token_at(doc.parsed, e.head)
        if tok is None:
            return {}
        if tok.dep_ == "amod" and tok.head.pos_ in ("NOUN", "PROPN"):
            tok = tok.head  # "a government-sanctioned anti-war rally": what was sanctioned is the rally
        words = [tok] + [t for c in tok.children if c.dep_ not in ("nsubj", "nsubjpass", "csubj", "punct", "advcl")
                         for t in c.subtree]  # what was done, not who did it
        stems = {stem(t.lemma_) for t in words} | set(content_stems(" ".join(t.text for t in words)))
        return self.term_scores(stems)

    @staticmethod
    def _alignment_vote(model: IssueModel, h: Mention, events: list[Any]) -> str | None:
        """What the holder's own acts toward the issue's sides say: the issue file's ``alignment``
        tells which actors the support side is aligned with, so criticising one of them ("critical of
        Russia's actions" on an issue aligned with Russia) leans oppose, and cooperating leans support."""
        align = dict(model.issue.alignment)
        score = 0.0
        for e in events:
            if not _by(e, h) or not e.target or e.target not in align or e.negated or e.type not in EVENT_TYPES \
                    or (e.target == h.code and h.sector in (None, "GOV", "MIL", "JUD", "LEG")):
                # an act not done is not the opposite act ("will not impose sanctions" is no support);
                # what a state does at home (troops crushing protests) is no turn toward or away from
                # itself (its society protesting against it is)
                continue
            score += float(EVENT_TYPES[e.type]["weight"]) * align[e.target]
        if abs(score) < 1.0:
            return None
        return "support" if score > 0 else "oppose"

    @staticmethod
    def _author_prediction(c: Clause) -> bool:
        """Predictions and prescriptions no actor is reported to have made are the author's own:
        "Hungary will eventually join", "Turkey should do more", "X ought to invest"."""
        if cl._speech_head(c.pred) is not None:
            # An actor said it: their statement. Analysts, experts or "most observers" believing it
            # is the author's framing, not the actor's stance.
            return not c.speaker_is_actor
        deontic = {"should", "ought", "must", "need"}
        auxs = cl.aux_words(c.pred)
        if auxs & deontic or c.pred.lemma_ in deontic or (c.pred.dep_ == "xcomp" and c.pred.head.lemma_ in deontic):
            return True
        return c.modality == "intent" and "will" in auxs and c.pred.dep_ == "ROOT"

    @staticmethod
    def _stance(doc: Document, sent: Any, holder: Mention, issue: str, polarity: str, pred: Any,
                ref_year: str | None, rule: str, confidence: float) -> Stance:
        date, _ = clause_date(pred, doc)
        return Stance(actor=holder.code or "", issue=issue, stance=polarity, start=sent.start, end=sent.end,
                      actor_sector=holder.sector, date=date or ref_year, confidence=round(confidence, 3), rule=rule,
                      sent=sent.idx)


# Verbs that report what someone said or felt rather than did: in one side's account of the other, the words
# are the account's ("the Kremlin said X expressed support / thanked / agreed").
_ATTITUDE = {"agree", "thank", "express", "welcome", "praise", "support", "back", "share", "understand",
             "appreciate", "acknowledge", "accept", "endorse", "voice", "convey", "commit"}


def _by(e: Any, h: Mention) -> bool:
    """Whether the holder did the act: same actor, and the same part of it when both are known (a
    court's sentence is not the activists' act, though both are Kazakh)."""
    return bool(e.source == h.code and (h.sector is None or e.source_sector is None or e.source_sector == h.sector))


def _dedupe(stances: list[Stance]) -> list[Stance]:
    """One position per holder, issue and sentence: the best-supported one (a sentence that seems to
    say both, like "Putin justified the incursion as a measure to protect people", says one).
    Keeping one per clause instead was measured: it finds the rare sentence whose clauses differ
    ("will respect the sanctions, although he will not impose restrictions") but adds more errors."""
    best: dict[tuple[object, ...], Stance] = {}
    for s in stances:
        key = (s.sent, s.actor, s.actor_sector, s.issue)
        if key not in best or s.confidence > best[key].confidence:
            best[key] = s
    # A state and its government taking the same position in one sentence ("Kazakhstan refuses to
    # accept the annexation, as a government spokesperson summarised") are one position, the government's.
    stated = {(s.sent, s.actor, s.issue, s.stance) for s in best.values() if s.actor_sector == "GOV"}
    return sorted((s for s in best.values() if s.actor_sector is not None or
                   (s.sent, s.actor, s.issue, s.stance) not in stated), key=lambda s: (s.start, s.issue))
