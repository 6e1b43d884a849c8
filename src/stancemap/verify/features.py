"""Features of a proposed record: what the verifier's decision is learned from.

Nothing here names an issue, a state or a word of any corpus: the features describe how a record was found
(the rules that fired), what it claims (type or polarity, modality, negation, the holder's sector), and how
its sentence relates to the texts that define what it claims (the issue file's descriptions and examples;
the event classifier's reading of the sentence). So a new issue in a user's YAML is scored like the shipped
ones, with no retraining. The sentence's raw embedding is not a feature: with a few thousand labelled records
it lets the model memorise the training texts instead of learning what makes a proposal right.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..model import EVENT_TYPES, SECTORS, STANCES, Event, Stance

RULE_PARTS = ("signature", "frame", "examples", "alignment", "implied", "vote", "rollcall", "subject",
              "curated", "phoenix", "classifier", "construction", "relation")
MODALITIES = ("actual", "intent", "hypothetical", "reported")
HEDGES = re.compile(r"\b(?:may|might|could|likely|unlikely|perhaps|possibly|would|whether|reportedly|allegedly)\b", re.I)
QUOTES = re.compile(r"[\"“”«»]")
NEGATION = re.compile(r"\b(?:not|never|no|neither|nor|n't|without|refus\w*|declin\w*|reject\w*)\b", re.I)
FIRST_PRONOUN = re.compile(r"^\W*(?:he|she|it|they|his|her|its|their)\b", re.I)


def _rule_flags(rule: str) -> list[float]:
    parts = set(re.split(r"[+:/]", rule.lower()))
    return [float(any(p.startswith(r) for p in parts)) for r in RULE_PARTS]


def _one_hot(value: Any, choices: Sequence[Any]) -> list[float]:
    return [float(value == c) for c in choices]


def _sentence(text: str) -> list[float]:
    words = len(text.split())
    return [min(words, 80) / 80.0, float(bool(HEDGES.search(text))), float(bool(QUOTES.search(text))),
            float(bool(NEGATION.search(text))), float(bool(FIRST_PRONOUN.match(text))), float(text.rstrip().endswith("?"))]


def stance_features(s: Stance, text: str, vec: np.ndarray, issue_vecs: dict[str, np.ndarray]) -> np.ndarray:
    """``issue_vecs``: the issue's text vectors: "label", "support"/"oppose"/"neutral" (its descriptions) and
    "ex_support"/... (matrices of its examples, may be absent)."""
    sims = [float(vec @ issue_vecs["label"])] if "label" in issue_vecs else [0.0]
    own = issue_vecs.get(s.stance)
    sims.append(float(vec @ own) if own is not None else 0.0)
    others = [float(vec @ issue_vecs[p]) for p in STANCES if p != s.stance and p in issue_vecs]
    sims.append(max(others) if others else 0.0)
    ex = issue_vecs.get(f"ex_{s.stance}")
    sims.append(float(np.max(ex @ vec)) if ex is not None and len(ex) else 0.0)
    ex_other = [float(np.max(issue_vecs[f"ex_{p}"] @ vec)) for p in STANCES
                if p != s.stance and issue_vecs.get(f"ex_{p}") is not None and len(issue_vecs[f"ex_{p}"])]
    sims.append(max(ex_other) if ex_other else 0.0)
    head = [*_rule_flags(s.rule), *_one_hot(s.stance, STANCES), *_one_hot(s.actor_sector, (None, *SECTORS)),
            float(s.confidence), float(len(s.actor) > 3), *sims, *_sentence(text)]
    return np.asarray(head, dtype=np.float32)


TYPES = tuple(EVENT_TYPES)


def event_features(e: Event, text: str, type_probs: dict[str, float]) -> np.ndarray:
    """``type_probs``: the event classifier's probabilities of each PLOVER type and NONE for the sentence
    (its reading of the sentence's embedding)."""
    head = [*_rule_flags(e.rule), *_one_hot(e.type, TYPES), *_one_hot(e.modality, MODALITIES),
            *_one_hot(e.source_sector, (None, *SECTORS)), float(e.negated), float(e.target is not None),
            float(e.target == e.source), float(e.confidence), float(bool(e.background)),
            type_probs.get(e.type, 0.0), type_probs.get("NONE", 0.0), max(type_probs.values(), default=0.0),
            float(e.source is not None and len(e.source) > 3), *_sentence(text)]
    return np.asarray(head, dtype=np.float32)
