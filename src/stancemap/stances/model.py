"""What the issue file says, turned into things a sentence can be compared with.

Everything here is derived from the issue file's own texts, so a new issue works without code:

* **terms** — the content words (stemmed) of the label, keywords, descriptions and examples, each
  weighted by where it appears and divided by the number of issues that share it (a word every
  issue uses, like the name of the war's belligerent, says nothing about which issue is meant);
* **frames** — for each polarity, the short predicate phrases of its description split at commas,
  semicolons and "or" ("refuses to recognise them" -> {recognis}, negated; "votes against" ->
  {vote, against}); a clause matching a frame takes that frame's polarity. Words of one synonym
  group (``data/synonyms.yaml``: recognise/acknowledge, comply/respect ...) count as the same word;
* **texts** — the label plus each polarity's description, for embedding similarity when no frame
  decides.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .. import yamlio
from ..nlp.clauses import DECLINING
from .issues import POLARITIES, Issue

_WORD = re.compile(r"[a-z][a-z\-']+")
# verbs that deny the act of their complement ("refused to recognise", "failed to condemn")
REFUSALS = {"refuse", "reject", "deny", "oppose", "question", "resist", "block", "forbid", "ban"} | DECLINING
NEGATORS = {"not", "no", "never", "neither", "nor", "without", "n't"}
GENERIC = set(["a", "an", "the", "of", "on", "in", "to", "for", "and", "or", "is", "are", "was", "were", "be", "been", "being", "its", "it", "them", "their", "they", "this", "that", "these", "those", "with", "by", "as", "at", "from", "into", "its", "own", "no", "any", "all", "each", "both", "either", "whether", "which", "who", "whom", "what", "when", "where", "how", "support", "oppose", "neutral", "position", "stance", "takes", "take", "taking", "make", "makes", "made", "has", "have", "had", "do", "does", "did", "also", "other", "e.g", "i.e", "etc", "s", "n't", "one", "ones", "such", "same", "than", "then", "there", "here", "about", "over", "under", "via", "per", "more", "most", "less", "least", "declines", "decline", "declining", "authorities", "authority", "government", "governments"])


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix-stripping stem (recognises/recognised/recognition -> recogn)."""
    w = word.lower().replace("\u2019", "'").strip("'-")
    if w.endswith("'s"):
        w = w[:-2]
    for suf in ("isation", "ization", "ations", "ation", "itions", "ition", "ments", "ment", "ness", "ities", "ity",
                "ising", "izing", "ised", "ized", "ises", "izes", "ise", "ize", "ings", "ing", "ions", "ion",
                "ies", "ied", "ed", "es", "s", "e", "y"):
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            return w[: -len(suf)]
    return w


def content_stems(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text.lower().replace("\u2019", "'")) if w not in GENERIC and len(w) > 2]


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, str]:
    """Stem -> the stem of its synonym group's first word."""
    text = resources.files("stancemap.stances").joinpath("data/synonyms.yaml").read_text("utf-8")
    out: dict[str, str] = {}
    for group in yamlio.load(text)["synonyms"]:
        for word in group:
            out[stem(str(word))] = stem(str(group[0]))
    return out


def same_act(stems: set[str] | frozenset[str]) -> set[str]:
    """Stems with each synonym replaced by its group's word, for matching frames."""
    syn = _synonyms()
    return {syn.get(s, s) for s in stems}


_SIDE_WORDS = {"for", "against"}


@dataclass(frozen=True)
class Frame:
    polarity: str
    stems: frozenset[str]
    negated: bool
    head: str  # the first stem (the predicate, usually)
    text: str
    names: frozenset[str] = frozenset()  # stems of the names in it ("Russia" in "joins Russia's war")
    sides: frozenset[str] = frozenset()  # "for" / "against" in it: a clause must have them too


@dataclass
class IssueModel:
    issue: Issue
    terms: dict[str, float] = field(default_factory=dict)
    frames: list[Frame] = field(default_factory=list)
    texts: dict[str, list[str]] = field(default_factory=dict)  # "issue" and each polarity -> texts to embed


def _frames(polarity: str, description: str) -> list[Frame]:
    out = []
    for phrase in re.split(r"[;,/]|\bor\b|\(|\)|e\.g\.", description):
        phrase = re.split(r"\bwithout\b", phrase)[0]  # "abstains without condemning": the act is abstaining
        words = _WORD.findall(phrase.lower())
        if not words:
            continue
        negated = any(w in NEGATORS for w in words) or (words[0].rstrip("s") in REFUSALS or words[0] in
                                                         {"refuses", "rejects", "denies", "declines", "blocks",
                                                          "forbids", "bans", "questions"})
        stems = [stem(w) for w in words if w not in GENERIC and w not in NEGATORS and len(w) > 2
                 and stem(w) not in {stem(r) for r in REFUSALS}]
        if not stems:
            continue
        names = re.findall(r"\b[A-Z][A-Za-z\-']+", phrase)
        if len(stems) == 1 and names and stem(names[-1].lower()) == stems[0]:
            continue  # a bare name from a list ("deals with China, Turkey, the West") is not an act
        stems = [_synonyms().get(s, s) for s in stems]
        # "votes for" / "votes against": the preposition is what tells the two apart
        sides = frozenset(_synonyms().get(w, w) for w in words if w in _SIDE_WORDS)
        out.append(Frame(polarity, frozenset(stems), negated, stems[0], phrase.strip(),
                         frozenset(stem(n.lower()) for n in names), sides))
    return out


@lru_cache(maxsize=16)
def models_for(issues_file: str | None) -> tuple[IssueModel, ...]:
    """The models of an issue file (or the default taxonomy), built once per process."""
    from .issues import load_issues

    return build_models(load_issues(issues_file))


def build_models(issues: tuple[Issue, ...]) -> tuple[IssueModel, ...]:
    raw: dict[str, dict[str, float]] = {}
    for issue in issues:
        weights: dict[str, float] = defaultdict(float)
        for s in content_stems(issue.label + " " + " ".join(issue.keywords)):
            weights[s] = max(weights[s], 2.0)
        for text in issue.descriptions.values():
            for s in content_stems(text):
                weights[s] = max(weights[s], 1.0)
        for _, ex in issue.examples:
            for s in content_stems(ex):
                weights[s] = max(weights[s], 0.5)
        raw[issue.id] = weights
    spread: dict[str, int] = defaultdict(int)
    for weights in raw.values():
        for s in weights:
            spread[s] += 1
    models = []
    for issue in issues:
        terms = {s: w / spread[s] for s, w in raw[issue.id].items()}
        frames = [f for p in POLARITIES if p in issue.descriptions for f in _frames(p, issue.descriptions[p])]
        texts: dict[str, list[str]] = {"issue": [issue.text()]}
        for p in POLARITIES:
            if p in issue.descriptions:
                texts[p] = [f"{issue.label}: {issue.descriptions[p]}"]
        for p, ex in issue.examples:
            texts.setdefault(p, []).append(ex)
        models.append(IssueModel(issue, terms, frames, texts))
    return tuple(models)
