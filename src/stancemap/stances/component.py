"""Pipeline component of the stance stage; it also tags events with the issue they bear on."""

from __future__ import annotations

from dataclasses import replace

from ..actors.lookup import ActorLookup
from ..actors.reference import load_reference
from ..config import Options
from ..model import Document, Event
from ..nlp.clauses import token_at
from ..pipeline import Pipeline, register
from .detect import StanceDetector, _dedupe
from .issues import load_issues
from .learned import decide, load_decider
from .model import content_stems, models_for, stem
from .signatures import SignatureModel, cached_signatures

_SIGNATURES: dict[tuple[object, ...], SignatureModel] = {}


class StancesComponent:
    name = "stances"
    reads: tuple[str, ...] = ("parsed", "sentences", "mentions", "times", "events")
    writes: tuple[str, ...] = ("stances", "event_issues")

    def __init__(self, options: Options) -> None:
        models = models_for(options.issues_file)
        self.options = options
        self.detector = StanceDetector(models, ActorLookup(load_reference(tuple(options.actors_files))),
                                       relevance=options.stance_relevance, signatures=self._signatures)

    def _signatures(self) -> SignatureModel:
        """Learned lazily (and cached on disk): the coding stages run over the issues' examples."""
        key = (self.options.issues_file, tuple(self.options.actors_files), tuple(self.options.lexicon_files))
        if key not in _SIGNATURES:
            before = self.options.pipeline[: self.options.pipeline.index("stances")] \
                if "stances" in self.options.pipeline else ["parse", "dates", "actors", "events"]
            pipe = Pipeline(replace(self.options, pipeline=before))
            _SIGNATURES[key] = cached_signatures(load_issues(self.options.issues_file), pipe)
        return _SIGNATURES[key]

    def __call__(self, doc: Document) -> Document:
        # Stances an earlier stage read from structure (votes) stand; what the detector finds on the same
        # sentence for the same holder is the same vote read less surely (and what it implies).
        given = {(s.sent, s.actor) for s in doc.stances}
        found = self.detector.detect(doc)
        decider = load_decider() if self.options.stance_model == "learned" else None
        if decider is not None:
            # the rules' positions stand (the verifier weighs them); the learned model adds the positions it is
            # sure of that the rules did not reach (an issue the rules have no examples or frames for)
            have = {(s.sent, s.actor, s.issue) for s in found}
            sure = [s for s in decide(self.detector, doc, decider, self.options.stance_learned_floor)
                    if (s.sent, s.actor, s.issue) not in have]
            found = self.detector._implied(doc, _dedupe(found + sure))
        doc.stances = doc.stances + [s for s in found if (s.sent, s.actor) not in given]
        by_sent: dict[tuple[int, str | None], list[str]] = {}
        for s in doc.stances:
            issues = by_sent.setdefault((s.sent, s.actor), [])
            if s.issue not in issues:
                issues.append(s.issue)
        for e in doc.events:
            if e.issue is None and (e.sent, e.source) in by_sent:
                e.issue = self._event_issue(doc, e, by_sent[(e.sent, e.source)])
        return doc

    def _event_issue(self, doc: Document, e: Event, issues: list[str]) -> str:
        """Of the issues its sentence takes positions on, the one the event's own phrase speaks to
        most ("will not help Russia evade sanctions" is about sanctions, whatever else the sentence says)."""
        if len(issues) == 1 or doc.parsed is None or e.head < 0:
            return issues[0]
        tok = token_at(doc.parsed, e.head)
        if tok is None:
            return issues[0]
        words = " ".join(t.text for t in tok.subtree)
        stems = {stem(t.lemma_) for t in tok.subtree} | set(content_stems(words))
        scores = self.detector.term_scores(stems)
        best = max(issues, key=lambda i: scores.get(i, 0.0))
        return best if scores.get(best, 0.0) > scores.get(issues[0], 0.0) else issues[0]


@register("stances")
def _make(options: Options) -> StancesComponent:
    return StancesComponent(options)
