"""The stance decision learned from examples: for a holder's clause and an issue, support, oppose, neutral or none.

The rule-based detector (``detect.py``) finds holders and clauses from the parse and weighs three kinds of
evidence (the issue's frames, the events its examples share with the clause, the nearest examples). What
those add up to is decided here, by a small model trained on thousands of labelled sentences
(``scripts/train_stances.py``), over features that are all *relative to the issue file*: how like the
sentence is to the issue's label, to each polarity's description and examples, how many of the issue's
words the clause uses, which of its frames fit, what the rules concluded. No feature names an issue, so an
issue a user adds in YAML is decided like the shipped ones.

Candidates are every (clause, holder, issue) whose sentence the issue could concern at all (some of its
words, or some likeness to its texts), so the model sees far more than the rules alone would pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from ..actors.lookup import mention_index
from ..model import SECTORS, Document, Mention, Stance
from ..nlp.embed import embed

LABELS = ("none", "support", "oppose", "neutral")
POLS = ("support", "oppose", "neutral")
MODALITIES = ("actual", "intent", "hypothetical", "reported")
KINDS = ("state", "org", "person", "group", "pronoun", "title", "institution")
HEDGES = re.compile(r"\b(?:may|might|could|likely|unlikely|perhaps|possibly|whether|reportedly|allegedly)\b", re.I)
MIN_SIM = 0.25  # below this likeness to everything the issue file says, and with none of its words, no candidate


@dataclass
class Candidate:
    sent: Any  # the model Sentence
    clause: Any  # detect.Clause
    holder: Mention
    issue: str
    x: np.ndarray
    rule: tuple[str, str, float] | None  # what the rules decided: (polarity, rule, confidence)


def _one_hot(value: Any, choices: tuple[Any, ...]) -> list[float]:
    return [float(value == c) for c in choices]


def features(det: Any, doc: Document, sent: Any, span: Any, v: np.ndarray, clause: Any, holder: Mention,
             iid: str, term: float, subject_near: bool, sig_model: Any, events: list[Any],
             about: dict[int, dict[str, float]]) -> tuple[np.ndarray, tuple[str, str, float] | None]:
    """The feature vector of one candidate, and the rule-based decision on it."""
    model = next(m for m in det.models if m.issue.id == iid)
    vecs = det.issue_vectors()[iid]
    label = float(np.max(vecs["issue"] @ v)) if "issue" in vecs and len(vecs["issue"]) else 0.0
    per = [float(np.max(vecs[p] @ v)) if p in vecs and len(vecs[p]) else 0.0 for p in POLS]
    top3 = [float(np.sort(vecs[p] @ v)[-3:].mean()) if p in vecs and len(vecs[p]) else 0.0 for p in POLS]
    knn = det._example_votes(vecs, v)
    frame = det.frame_polarity(model, clause)
    knn_top = max(per)
    decided = det._decide(model, clause, holder, iid, sig_model, events, v, knn, knn_top, about)
    text = span.text
    x = [label, *per, *top3, max(per) - sorted(per)[-2], float(np.log1p(term)), float(term >= det.strong_terms),
         float(subject_near), *[knn.get(p, 0.0) for p in POLS],
         *_one_hot(frame[0] if frame else None, (None, *POLS)),
         *_one_hot(decided[0] if decided else None, (None, *POLS)), decided[2] if decided else 0.0,
         *_one_hot(holder.sector, (None, *SECTORS)), *_one_hot(holder.kind, KINDS), float(holder.confidence),
         float(clause.speaker_is_actor), float(clause.pred.dep_ == "ROOT"), float(clause.negated),
         *_one_hot(clause.modality, MODALITIES), float(bool(HEDGES.search(text))), float(text.rstrip().endswith("?")),
         float(any(e.source == holder.code for e in events)), min(len(text.split()), 80) / 80.0]
    return np.asarray(x, dtype=np.float32), decided


def candidates(det: Any, doc: Document) -> list[Candidate]:
    """Every (clause, holder, issue) in ``doc`` the model should decide on."""
    parsed = doc.parsed
    index = mention_index(doc)
    subjects = det.subjects()
    named: dict[int, set[str]] = {}
    for m in doc.mentions:
        if m.code:
            named.setdefault(m.sent, set()).add(m.code)
    sig_model = det.signatures() if det.signatures is not None else None
    rows: list[tuple[Any, Any, list[Any], list[Any], dict[int, dict[str, float]], dict[str, float]]] = []
    for sent in doc.sentences:
        if sent.idx in doc.structured or not named.get(sent.idx):
            continue
        span = parsed.char_span(sent.start, sent.end, alignment_mode="expand")
        if span is None:
            continue
        clauses = [c for c in det.clauses(doc, span, index) if not det._author_prediction(c)]
        clauses += det._event_clauses(doc, sent, clauses)
        clauses += det._policy_clauses(doc, span, index, clauses)
        if not clauses:
            continue
        from .model import content_stems, stem

        stems = {stem(t.lemma_) for t in span} | set(content_stems(span.text))
        terms = det.term_scores(stems)
        events = [e for e in doc.events if e.sent == sent.idx and e.source and e.modality != "hypothetical"]
        about = {id(e): det._event_terms(doc, e) for e in events}
        rows.append((sent, span, clauses, events, about, terms))
    if not rows:
        return []
    vecs = embed([r[1].text for r in rows])
    out: list[Candidate] = []
    for (sent, span, clauses, events, about, terms), v in zip(rows, vecs, strict=True):
        for m in det.models:
            iid = m.issue.id
            iv = det.issue_vectors()[iid]
            likeness = max((float(np.max(iv[k] @ v)) for k in iv if len(iv[k])), default=0.0)
            term = terms.get(iid, 0.0)
            if term <= 0.0 and likeness < MIN_SIM:
                continue
            near = not subjects[iid] or det._named_near(named, sent.idx, subjects[iid])
            for c in clauses:
                for h in c.holders:
                    if not h.code:
                        continue
                    x, decided = features(det, doc, sent, span, v, c, h, iid, term, near, sig_model, events, about)
                    out.append(Candidate(sent, c, h, iid, x, decided))
    return out


@dataclass(frozen=True)
class Decider:
    """A one-hidden-layer network (ReLU, softmax over none/support/oppose/neutral), as numpy weights."""

    mean: np.ndarray
    scale: np.ndarray
    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: np.ndarray
    threshold: float

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        z = (x - self.mean) / self.scale
        h = np.maximum(z @ self.w1 + self.b1, 0.0) @ self.w2 + self.b2
        h -= h.max(axis=1, keepdims=True)
        p = np.exp(h)
        return p / p.sum(axis=1, keepdims=True)


@lru_cache(maxsize=1)
def load_decider() -> Decider | None:
    path = resources.files("stancemap.stances").joinpath("data/decider.npz")
    if not path.is_file():
        return None
    with path.open("rb") as fh:
        d = np.load(fh)
        return Decider(d["mean"], d["scale"], d["w1"], d["b1"], d["w2"], d["b2"], float(d["threshold"]))


def decide(det: Any, doc: Document, decider: Decider, floor: float | None = None) -> list[Stance]:
    """The stances of ``doc`` as the learned model decides them (confidence = its probability), those at least
    ``floor`` sure (default: the floor chosen in training)."""
    floor = decider.threshold if floor is None else max(floor, decider.threshold)
    cands = candidates(det, doc)
    if not cands:
        return []
    probs = decider.probabilities(np.stack([c.x for c in cands]))
    ref = doc.reference_date
    ref_year = ref[:4] if ref else None
    out: list[Stance] = []
    for c, p in zip(cands, probs, strict=True):
        k = int(np.argmax(p[1:])) + 1
        if p[k] < floor or p[k] < p[0]:
            continue
        rule = "learned" + (f"+{c.rule[1]}" if c.rule and c.rule[0] == LABELS[k] else "")
        out.append(det._stance(doc, c.sent, c.holder, c.issue, LABELS[k], c.clause.pred, ref_year,
                               f"{rule}:{LABELS[k]}", round(float(p[k]), 3)))
    return out
