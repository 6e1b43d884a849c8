"""Parse a question into the actor it asks about and the topic (ranked issues).

"What is Kazakhstan's position on the Russian invasion of Ukraine?" -> actor ``KAZ``; topic
"the Russian invasion of Ukraine", which ranks ``invasion-of-ukraine`` first. The actor is the
first state, organisation or person named in the question (the possessor of "position", "stance",
"view"...); the topic is what follows "on", "about", "towards" or "regarding".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..actors.reference import Reference, load_reference
from ..stances.issues import Issue, load_issues

_TOPIC = re.compile(r"\b(?:on|about|towards?|toward|regarding|concerning|over|with respect to|vis-à-vis)\s+(.+)$",
                    re.IGNORECASE)
_WORD = re.compile(r"[a-z][a-z'\-]+")
_STOP = set(["a", "an", "the", "of", "on", "in", "to", "for", "and", "or", "is", "are", "was", "were", "be", "what", "how", "does", "do", "did", "where", "which", "who", "whom", "its", "it's", "their", "his", "her", "position", "stance", "view", "views", "policy", "toward", "towards", "about", "regarding", "stand"])


@dataclass
class Question:
    text: str
    actor: str | None
    actor_name: str
    topic: str
    issues: list[str] = field(default_factory=list)  # issue ids, most relevant first
    scores: dict[str, float] = field(default_factory=dict)
    explicit_topic: bool = False  # the question names its topic ("... on X"), not just an actor


def _stem(word: str) -> str:
    for suf in ("ation", "ions", "ion", "ing", "ies", "es", "s", "ed"):
        if word.endswith(suf) and len(word) - len(suf) >= 4:
            return word[: -len(suf)]
    return word


def _terms(text: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(text.lower().replace("\u2019", "'")) if w not in _STOP}


def find_actor(text: str, ref: Reference) -> tuple[str | None, int]:
    """The first (longest at its position) state/organisation/person named in ``text``."""
    tokens = list(re.finditer(r"[\w'’\-.]+", text))
    for i in range(len(tokens)):
        for j in range(min(len(tokens), i + 6), i, -1):
            surface = text[tokens[i].start(): tokens[j - 1].end()]
            surface = re.sub(r"['’]s$", "", surface).rstrip(".")
            for entry in ref.lookup(surface):
                if entry.kind in ("state", "adjective", "people", "org", "capital", "institution"):
                    return entry.code, tokens[i].start()
                if entry.kind == "person" and entry.person:
                    role = ref.people[entry.person].role_on(None)
                    if role:
                        return role.code, tokens[i].start()
    return None, -1


def rank_issues(topic: str, issues: tuple[Issue, ...]) -> dict[str, float]:
    """Keyword overlap of the topic with each issue's texts (0..1, label terms weigh double)."""
    terms = _terms(topic)
    scores: dict[str, float] = {}
    for issue in issues:
        label = _terms(issue.label + " " + " ".join(issue.keywords))
        body = _terms(issue.text())
        if not terms:
            scores[issue.id] = 0.0
            continue
        hit = sum(2.0 if t in label else 1.0 if t in body else 0.0 for t in terms)
        scores[issue.id] = round(hit / (2.0 * len(terms)), 3)
    return scores


def parse_question(text: str, actor_files: tuple[str, ...] = (), issues_file: str | None = None) -> Question:
    ref = load_reference(actor_files)
    code, _ = find_actor(text, ref)
    m = _TOPIC.search(text.strip().rstrip("?.! "))
    topic = m.group(1) if m else text
    issues = load_issues(issues_file)
    scores = rank_issues(topic, issues)
    order = sorted(issues, key=lambda i: (-scores[i.id], [x.id for x in issues].index(i.id)))
    return Question(text=text, actor=code, actor_name=ref.name(code), topic=topic,
                    issues=[i.id for i in order], scores=scores, explicit_topic=m is not None)
