"""Pipeline component of the vote stage: roll calls and prose votes -> events and stances.

By the ontology's convention a vote on a resolution is first a stance (voting for it supports the issue
the resolution is a position on, against opposes it, abstaining or not voting is neutral) and, as an event,
voting for a resolution that condemns X is ACCUSE -> X, abstaining or not voting is ACCUSE -> X negated,
voting against it is REJECT -> the body (a UN organ counts as ``UN``). Votes told in prose also state a
position on the resolution's subject (the registry's ``subject``; for a resolution the registry does not
know, the issue file's ``implies``).

Runs after the event stage: it replaces the events the prose coder made on roll-call lines and takes vote
words away from it, and marks the roll-call lines as read (``Document.structured``) so that the stance and
claim stages skip them.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ..actors.lookup import ActorLookup, mention_index
from ..actors.reference import load_reference
from ..config import Options
from ..model import Document, Event, Mention, Stance
from ..nlp.dates import clause_date
from ..pipeline import register
from ..stances.issues import Issue, issue_subjects, load_issues
from .prose import RESOLUTION_NOUNS, ProseReader, ProseVote
from .resolutions import Reference, Registry, Resolution, find_symbols, load_registry
from .rollcall import find_blocks

POLARITY = {"Y": "support", "N": "oppose", "A": "neutral", "X": "neutral"}
_BODY_WORDS = [(re.compile(r"\bsecurity council\b", re.I), "UNSC"),
               (re.compile(r"\bhuman rights council\b(?![^.]*\bassembly\b)", re.I), "HRC"),
               (re.compile(r"\b(?:general assembly|assembly)\b", re.I), "UNGA")]
_CONDEMN = {"condemn", "denounce", "deplore", "demand", "criticise", "criticize", "censure", "suspend",
            "declare", "call", "urge", "reaffirm"}


def vote_issues(issues: tuple[Issue, ...]) -> list[Issue]:
    """Issues on which the issue file itself says a position is taken by voting ("support: votes for")."""
    return [i for i in issues if re.search(r"\bvot(?:e|es|ing)\b", i.descriptions.get("support", ""), re.I)]


# a sentence about a war: a vote with no resolution named is on the war's aggressor
_WAR_WORDS = re.compile(r"\b(?:aggression|invasion|war|troops)\b", re.I)

class VotesComponent:
    name = "votes"
    reads: tuple[str, ...] = ("parsed", "sentences", "mentions", "times", "events")
    writes: tuple[str, ...] = ("events", "stances", "structured")

    def __init__(self, options: Options) -> None:
        self.ref = load_reference(tuple(options.actors_files))
        self.registry: Registry = load_registry(tuple(options.resolutions_files))
        self.issues = {i.id: i for i in load_issues(options.issues_file)}
        self.voting = vote_issues(tuple(self.issues.values()))
        self.subjects = {i.id: issue_subjects(i, self.ref) for i in self.voting}
        self.reader = ProseReader(ActorLookup(self.ref), self.ref)

    # -- which resolution --------------------------------------------------------------------------
    @staticmethod
    def _body(text: str) -> str | None:
        """The UN organ a passage is about: the one it names first."""
        hits = [(m.start(), b) for rx, b in _BODY_WORDS if (m := rx.search(text))]
        return min(hits)[1] if hits else None

    def _dated(self, date: str | None, body: str | None) -> Resolution | None:
        """The one resolution voted on ``date`` (by ``body``, if that narrows it to one)."""
        if not date or len(date) < 10:
            return None
        for found in (self.registry.on(date, body), self.registry.on(date)):
            if len(found) == 1:
                return found[0]
        return None

    def _main(self, doc: Document, refs: list[Reference]) -> Resolution | None:
        """The resolution the document is about: the one it names most, else the one voted on the day
        it was published (by the body its opening names)."""
        known = Counter(r.resolution.symbol for r in refs)
        if known:
            top = known.most_common(1)[0][0]
            return next(r.resolution for r in refs if r.resolution.symbol == top)
        head = doc.text[:1500]
        return self._dated(doc.published, self._body(head))

    def _resolutions(self, doc: Document, pv: ProseVote, span: tuple[int, int], refs: list[Reference],
                     main: Resolution | None) -> list[tuple[Resolution | None, str | None]]:
        """(resolution, date of the vote) for each resolution a prose vote is on: the symbols in its sentence,
        else the dates its resolution phrase names ("the resolutions of 2 March and 12 October 2022"), else
        the resolution the text last named, else the one it is about."""
        inside = [r.resolution for r in refs if span[0] <= r.start < span[1]]
        if inside:
            return [(r, None) for r in dict.fromkeys(inside)]
        body = self._body(doc.text[span[0]:span[1]])
        dates = self._phrase_dates(doc, pv)
        if dates:
            out: list[tuple[Resolution | None, str | None]] = []
            for d in dates:
                res = self._dated(d, body) if len(d) >= 10 else None
                if res is None and len(d) >= 7:
                    month = self.registry.on(d[:7], body) or self.registry.on(d[:7])
                    res = month[0] if len(month) == 1 else None
                out.append((res, d))
            return out
        before = [r for r in refs if r.start < span[0]]
        if before:
            return [(before[-1].resolution, None)]
        return [(main, None)] if main is not None else [(None, None)]

    @staticmethod
    def _phrase_dates(doc: Document, pv: ProseVote) -> list[str]:
        """Dates said of the vote: those inside the resolution's phrase, else the vote clause's own."""
        sent = doc.sentence_of(pv.tok.idx) if pv.tok is not None else None
        if sent is None:
            return []
        times = [t for t in doc.times if t.sent == sent.idx and t.value]
        if pv.resolution_tok is not None:
            res = pv.resolution_tok
            sub = list(res.subtree)
            lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1])
            if res.tag_ == "NNS":  # "the resolutions of March 2022, October 2022 and February 2023"
                hi = sent.end
            inside = [str(t.value).split("/")[0] for t in times if lo <= t.start < hi]
            if inside:
                return list(dict.fromkeys(inside))
        date, found = clause_date(pv.tok, doc)
        if found and date and any(VotesComponent._of_other_text(doc, t, pv) for t in times
                                  if str(t.value).split("/")[0] == date):
            return []
        return [date] if found and date else []

    @staticmethod
    def _of_other_text(doc: Document, time: Any, pv: ProseVote) -> bool:
        """Whether a date belongs to another resolution's phrase than the vote's own ("X voted no, as did Y,
        which had voted for the 2 March resolution": 2 March dates Y's earlier vote, not X's): a resolution
        noun that is not the vote's, governed by another word than the vote word."""
        span = doc.parsed.char_span(time.start, time.end, alignment_mode="expand")
        if span is None:
            return False
        node = span.root
        for _ in range(8):
            if node.lemma_.lower() in RESOLUTION_NOUNS and node.pos_ == "NOUN":
                return (pv.resolution_tok is None or node.i != pv.resolution_tok.i) and \
                    not any(t.i == pv.tok.i for t in (*node.subtree, *node.ancestors))
            if node.head.i == node.i:
                return False
            node = node.head
        return False

    def _on_record(self, res: Resolution | None, doc: Document, span: tuple[int, int], pv: ProseVote) -> bool:
        """Whether a vote is on a resolution of an international body: a known resolution, a "resolution"
        the sentence names, or a UN organ named in the sentence or the one before (a parliament's vote on
        a bill, a veto of an EU proposal, are other matters)."""
        if res is not None or (pv.resolution_tok is not None and pv.resolution_tok.lemma_.lower() == "resolution"):
            return True
        before = doc.text[max(0, span[0] - 400):span[1]]
        return bool(re.search(r"\b(?:U\.?N\.?|United Nations|General Assembly|Security Council|Human Rights Council)\b",
                              before))

    # -- records ------------------------------------------------------------------------------------
    def _target(self, res: Resolution | None, doc: Document, sent_text: str, pv: ProseVote | None = None,
                before: str = "") -> str | None:
        """Whom the vote condemns: the registry's record, else what the resolution's phrase says, else the
        attacker of the state a resolution is "on", else (for a text about a war, in this sentence or the one
        before it: "... a resolution condemning the invasion. Kazakhstan and Kyrgyzstan abstained.") the
        war's aggressor."""
        if res is not None and res.condemns:
            return res.condemns
        if pv is not None and pv.condemns:
            return pv.condemns
        if pv is not None and pv.topic:
            return self._aggressor(doc, pv.topic)
        return self._aggressor(doc) if _WAR_WORDS.search(sent_text) or (
            pv is not None and pv.resolution_tok is None and _WAR_WORDS.search(before)) else None

    @staticmethod
    def _aggressor(doc: Document, attacked: str | None = None) -> str | None:
        """The state the text's war is waged by (on ``attacked``): the most frequent source of ASSAULT events."""
        by = Counter(e.source for e in doc.events if e.type == "ASSAULT" and e.source and not e.negated
                     and e.source != attacked and (attacked is None or e.target == attacked))
        return by.most_common(1)[0][0] if by else None

    def _issues_of(self, res: Resolution | None, sent_text: str, target: str | None, named: set[str]) -> list[str]:
        """The issues a vote is a position on: the registry's, else the voting issue of the taxonomy whose
        subject is the one the resolution condemns (or, when that is unknown, one the passage names)."""
        if res is not None and res.known:
            return [i for i in res.issues if i in self.issues]
        fits = [i for i in self.voting if not self.subjects[i.id] or
                (self.subjects[i.id] & ({target} if target else named))]
        if not fits:
            return []
        words = set(re.findall(r"[a-z]{4,}", sent_text.lower()))
        best = max(fits, key=lambda i: len(words & set(re.findall(r"[a-z]{4,}", i.text().lower()))))
        return [best.id]

    def _records(self, doc: Document, voter: Mention | str, value: str, res: Resolution | None,
                 date: str | None, start: int, end: int, sent: int, head: int, target: str | None,
                 rollcall: bool, sent_text: str, subject: bool = True) -> tuple[list[Event], list[Stance]]:
        code = voter if isinstance(voter, str) else voter.code
        if not code:
            return [], []
        date = (res.date if res is not None and res.date else None) or date or doc.reference_date
        rule = ("rollcall:" if rollcall else "vote:") + value + (f":{res.short}" if res is not None and res.symbol else "")
        conf = 0.95 if rollcall else 0.8 * (1.0 if isinstance(voter, str) else voter.confidence)
        events: list[Event] = []
        if value == "N":
            body = "UN" if res is None or (res.body or "UNGA").startswith(("UN", "HRC")) else res.body
            events.append(Event(source=code, type="REJECT", start=start, end=end, target=body, cameo="120",
                                negated=False, modality="actual", date=date, predicate="vote:against",
                                confidence=conf, rule=rule, sent=sent, head=head))
        else:
            events.append(Event(source=code, type="ACCUSE", start=start, end=end, target=target, cameo="111",
                                negated=value in ("A", "X"), modality="actual", date=date,
                                predicate={"Y": "vote:for", "A": "vote:abstain", "X": "vote:absent"}[value],
                                confidence=conf, rule=rule, sent=sent, head=head))
        named = {m.code for m in doc.mentions if m.code and sent - 2 <= m.sent <= sent}
        issues = self._issues_of(res, sent_text, target, named)
        if events and issues:
            events[0].issue = issues[0]
        stances = [Stance(actor=code, issue=i, stance=POLARITY[value], start=start, end=end, date=date,
                          confidence=conf, rule=rule, sent=sent) for i in issues]
        if subject and not rollcall:
            stances += [Stance(actor=code, issue=i, stance=s, start=start, end=end, date=date, confidence=conf * 0.9,
                               rule=rule + ":subject", sent=sent)
                        for i, s in self._subject(res, issues, value) if i in self.issues]
        return events, stances

    def _subject(self, res: Resolution | None, issues: list[str], value: str) -> list[tuple[str, str]]:
        """What a vote says on the resolution's subject: voting for takes the resolution's side, abstaining
        or staying away is neutral, voting against rejects the text only."""
        if value == "N":
            return []
        if res is not None and res.known:
            pairs = list(res.subject)
        else:  # the issue file's implications of a vote
            pairs = []
            for iid in issues:
                for imp in self.issues[iid].implies:
                    if imp.when == POLARITY[value] and not imp.acts:
                        pairs.append((imp.issue, imp.stance))
            return pairs
        return [(i, s if value == "Y" else "neutral") for i, s in pairs]

    # -- the stage ------------------------------------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        if doc.parsed is None:
            return doc
        refs = find_symbols(doc.text, self.registry)
        main = self._main(doc, refs)
        events: list[Event] = []
        stances: list[Stance] = []
        for block in find_blocks(doc.text, self.ref):
            res = next((r.resolution for r in reversed(refs) if r.start < block.start), None) or main
            sents = [s for s in doc.sentences if s.end > block.start and s.start < block.end]
            for s in sents:
                doc.structured[s.idx] = "rollcall"
            text = doc.text[max(0, block.start - 600):block.start]
            target = self._target(res, doc, text)
            for v in block.votes:
                sent = next((s.idx for s in sents if s.start <= v.line_start < s.end), sents[0].idx if sents else -1)
                ev, st = self._records(doc, v.code, v.vote, res, None, v.line_start, v.line_end, sent, v.line_start,
                                       target, True, text)
                events += ev
                stances += st
        index = mention_index(doc)
        date = doc.reference_date
        previous: list[ProseVote] = []
        for s in doc.sentences:
            if s.idx in doc.structured:
                previous = []
                continue
            span = doc.parsed.char_span(s.start, s.end, alignment_mode="expand")
            if span is None:
                continue
            votes = self.reader.read(span, index, date, previous)
            previous = votes
            text = doc.text[s.start:s.end]
            before = doc.text[doc.sentences[s.idx - 1].start:s.start] if s.idx > 0 else ""
            for pv in votes:
                for res, vdate in self._resolutions(doc, pv, (s.start, s.end), refs, main):
                    if not self._on_record(res, doc, (s.start, s.end), pv):
                        continue
                    ev, st = self._records(doc, pv.voter, pv.value, res, vdate, s.start, s.end, s.idx,
                                           pv.tok.idx if pv.tok is not None else s.start,
                                           self._target(res, doc, text, pv, before), False, text, subject=pv.act)
                    events += ev if pv.act else []
                    stances += st
        voted = {(e.sent, e.head) for e in events}
        doc.events = [e for e in doc.events if e.sent not in doc.structured and (e.sent, e.head) not in voted]
        doc.events += _unique(events)
        doc.stances += _unique(stances)
        return doc


def _unique(records: list[Any]) -> list[Any]:
    """One record per (sentence, actor, kind of record, value): a list that names a state twice, or two vote
    words for one vote in a sentence, is one vote."""
    seen: dict[tuple[Any, ...], Any] = {}
    for r in records:
        key = (r.sent, r.source, r.type, r.target, r.negated) if isinstance(r, Event) else (r.sent, r.actor, r.issue,
                                                                                              r.stance)
        seen.setdefault(key, r)
    return list(seen.values())


@register("votes")
def _make(options: Options) -> VotesComponent:
    return VotesComponent(options)
