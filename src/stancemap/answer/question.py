"""Parse a question into who it asks about, what about, and what kind of answer it wants.

"What is Kazakhstan's position on the Russian invasion of Ukraine?" -> actor ``KAZ``, topic "the
Russian invasion of Ukraine" (which ranks ``invasion-of-ukraine`` first), form ``position``.

The form decides the shape of the answer (:mod:`.brief`):

* ``position`` — "What is X's position on Y?", "Where does X stand on Y?": X's position on Y;
* ``support`` — "Does X support Y?", "Is X against Y?": yes / no / mixed / no evidence;
* ``change`` — "How has X's position on Y changed?": the position over time;
* ``compare`` — "Where do X and Z differ (on Y)?": issue by issue, where they agree and differ;
* ``relation`` — "Where does X stand on Z?" when Z is a state or organisation, not an issue: what X
  did toward Z;
* ``overview`` — a question that names an actor and no topic: X's positions, the best attested first.

Actors are found with the reference data (names, adjectives, capitals, office holders); the topic
is ranked against the issue file's labels and keywords (issues are user data, never hard-coded).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..actors.reference import Reference, load_reference
from ..stances.issues import Issue, load_issues

FORMS = ("position", "support", "change", "compare", "relation", "overview")
_TOPIC = re.compile(r"\b(?:on|about|towards?|toward|regarding|concerning|over|with respect to|vis-à-vis|"
                    r"in relation to)\s+(.+)$", re.IGNORECASE)
_RELATION_TOPIC = re.compile(r"\b(?:relations?|relationship|ties|dealings)\s+(?:with|to|toward|towards)\s+(.+)$",
                             re.IGNORECASE)
_WORD = re.compile(r"[a-z][a-z'\-]+")
_STOP = set(["a", "an", "the", "of", "on", "in", "to", "for", "and", "or", "is", "are", "was", "were", "be", "what",
             "how", "does", "do", "did", "where", "which", "who", "whom", "its", "it's", "their", "his", "her",
             "position", "positions", "stance", "stances", "view", "views", "policy", "toward", "towards", "about",
             "regarding", "stand", "has", "have", "had", "it", "they", "them", "this", "that", "with", "s", "against",
             "between", "by", "from", "at", "as", "into", "over", "under", "versus"])
# Words that make a topic a relation between actors rather than an issue ("relations with Russia").
_RELATION_WORDS = {"relation", "relations", "relationship", "ties", "tie", "dealings", "attitude", "policy",
                   "policies", "approach", "line", "government", "leadership", "country", "state"}
# "Does X support Y?" and its kin: the verb says which side the question asks about.
_YES_NO = re.compile(r"^(?:does|do|did|is|are|was|were|has|have|had|will|would|can|could|should)\s+(?P<rest>.+)$",
                     re.IGNORECASE)
_SIDE_VERBS = [
    ("support", r"support|back|favou?r|endorse|approve(?: of)?|welcome|accept|recogni[sz]e|join|comply with|"
                r"agree with|want|side with|stand (?:with|by)|defend|justify|is for|are for|in favou?r of"),
    ("oppose", r"oppose|reject|condemn|denounce|object to|resist|criticis[ez]|criticiz[e]|disapprove of|"
               r"(?:is|are) against|against|refuse|boycott|block|veto"),
]
# "... on Y changed / evolved over time / since 2022": the question asks how a position moved.
_CHANGE_TAIL = re.compile(r"\s+(?:(?:has|have)\s+)?(?:changed|evolved|shifted|developed|moved|varied)\b.*$", re.IGNORECASE)
_CHANGE_BARE = re.compile(r"\s+(?:change|evolve|shift|develop|move)\s*$", re.IGNORECASE)
_CHANGE_AUX = re.compile(r"^(?:how\s+)?(?:did|does|do|has|have)\b", re.IGNORECASE)
_OVER_TIME = re.compile(r"\s*\b(?:over time|over the years|since\s+(?:\d{4}|the\s+\w+|\w+\s+\d{4}))\b.*$", re.IGNORECASE)
_CHANGE = re.compile(r"\b(?:chang(?:e|ed|es|ing)|evolv(?:e|ed|es|ing)|evolution|shift(?:ed|s|ing)?|"
                     r"developed|moved|trajectory)\b", re.IGNORECASE)
_COMPARE = re.compile(r"\b(?:differ|differs|different|difference|differences|compare|compared|comparison|"
                      r"contrast|versus|vs\.?|agree|disagree|in common|alike)\b", re.IGNORECASE)


@dataclass
class Question:
    text: str
    actor: str | None
    actor_name: str
    topic: str
    issues: list[str] = field(default_factory=list)  # issue ids, most relevant first
    scores: dict[str, float] = field(default_factory=dict)
    explicit_topic: bool = False  # the question names its topic ("... on X"), not just an actor
    form: str = "position"  # one of FORMS
    others: list[str] = field(default_factory=list)  # compare: the other actors; relation: the actor asked about
    other_names: list[str] = field(default_factory=list)
    side: str | None = None  # support form: the side asked about ("support" or "oppose")

    @property
    def asked(self) -> list[str]:
        """The issues the question asks about: those whose match is close to the best (none when the
        topic matches no issue, or the question names no topic)."""
        if not self.explicit_topic or not self.issues:
            return []
        top = self.scores.get(self.issues[0], 0.0)
        if top <= 0.0:
            return []
        return [i for i in self.issues if self.scores.get(i, 0.0) >= max(0.25, 0.75 * top)][:3]


def _stem(word: str) -> str:
    word = word.removesuffix("'s").removesuffix("'")
    for suf in ("ation", "ions", "ion", "ing", "ies", "es", "s", "ed"):
        if word.endswith(suf) and len(word) - len(suf) >= 4:
            return word[: -len(suf)]
    return word


def _terms(text: str) -> set[str]:
    words = _WORD.findall(text.lower().replace("\u2019", "'"))
    return {_stem(w) for w in words if w not in _STOP and w.removesuffix("'s") not in _STOP}


def find_actors(text: str, ref: Reference) -> list[tuple[str, int, int]]:
    """Every state, organisation or office holder named in ``text``: (code, start, end), in order;
    at each position the longest name wins, and a code named twice is listed once."""
    tokens = list(re.finditer(r"[\w'’\-.]+", text))
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(tokens):
        hit = None
        for j in range(min(len(tokens), i + 6), i, -1):
            surface = text[tokens[i].start(): tokens[j - 1].end()]
            surface = re.sub(r"['’]s?$", "", surface).rstrip(".")
            code = _code_of(surface, ref)
            if code:
                hit = (code, tokens[i].start(), tokens[j - 1].end(), j)
                break
        if hit is None:
            i += 1
            continue
        if hit[0] not in {c for c, _, _ in out}:
            out.append(hit[:3])
        i = hit[3]
    return out


def _code_of(surface: str, ref: Reference) -> str | None:
    for entry in ref.lookup(surface):
        if entry.kind in ("state", "adjective", "people", "org", "capital", "institution"):
            return entry.code
        if entry.kind == "person" and entry.person:
            role = ref.people[entry.person].role_on(None)
            if role:
                return role.code
    return None


def find_actor(text: str, ref: Reference) -> tuple[str | None, int]:
    """The first (longest at its position) state/organisation/person named in ``text``."""
    found = find_actors(text, ref)
    return (found[0][0], found[0][1]) if found else (None, -1)


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


def _side_of(rest: str) -> tuple[str, str, str] | None:
    """In the rest of a yes/no question ("Kazakhstan support sanctions on Russia"), the subject, the
    side the verb asks about and the topic after the verb."""
    for side, verbs in _SIDE_VERBS:
        m = re.search(rf"\b(?:{verbs})(?:s|d|ed)?\b\s+(?P<topic>.+)$", rest, re.IGNORECASE)
        if m and m.start() > 0:
            return rest[: m.start()].strip(), side, m.group("topic")
    return None


def _only_actors(topic: str, ref: Reference) -> list[tuple[str, int, int]]:
    """The actors ``topic`` names when it names nothing else ("Kazakhstan", "its relations with China")."""
    found = find_actors(topic, ref)
    if not found:
        return []
    rest = topic
    for _, start, end in sorted(found, key=lambda f: -f[1]):
        rest = rest[:start] + " " + rest[end:]
    left = {w for w in _terms(rest) if w not in _RELATION_WORDS and _stem(w) not in {_stem(r) for r in _RELATION_WORDS}}
    left -= {"and", "with", "between", "toward", "towards", "vis-a-vi", "its", "their"}
    return found if not left else []


def parse_question(text: str, actor_files: tuple[str, ...] = (), issues_file: str | None = None) -> Question:
    ref = load_reference(actor_files)
    issues = load_issues(issues_file)
    body = text.strip().rstrip("?.! ").strip()
    form, side, topic, explicit = "position", None, body, False
    subject_part = body

    yes_no = _YES_NO.match(body)
    parsed = _side_of(yes_no.group("rest")) if yes_no else None
    m = _TOPIC.search(body) or _RELATION_TOPIC.search(body)
    if parsed and (m is None or m.start() > len(body) - len(parsed[2])):
        subject_part, side, topic = parsed
        form, explicit = "support", True
    elif m:
        subject_part, topic, explicit = body[: m.start()], m.group(1), True
    if form != "support":
        changed = bool(_CHANGE.search(subject_part)) if explicit else bool(_CHANGE.search(body))
        for pattern in (_CHANGE_TAIL, _OVER_TIME):
            if explicit and pattern.search(topic):
                topic, changed = pattern.sub("", topic), True
        if explicit and _CHANGE_BARE.search(topic) and _CHANGE_AUX.match(body):
            topic, changed = _CHANGE_BARE.sub("", topic), True
        if _OVER_TIME.search(subject_part):
            changed = True
        form = "change" if changed else form
    topic = topic.strip(" ,;:")

    subject_actors = find_actors(subject_part, ref)
    all_actors = find_actors(body, ref)
    actor = subject_actors[0][0] if subject_actors else (all_actors[0][0] if all_actors else None)
    others: list[str] = []
    if _COMPARE.search(body) and len({c for c, _, _ in subject_actors}) >= 2:
        form = "compare"
        others = [c for c, _, _ in subject_actors[1:]]
    elif _COMPARE.search(body) and not explicit and len(all_actors) >= 2:
        form, others = "compare", [c for c, _, _ in all_actors[1:]]
    elif explicit and form in ("position", "change"):
        named = _only_actors(topic, ref)
        if named and actor is not None:
            targets = [c for c, _, _ in named if c != actor]
            if targets:
                form, others = "relation", targets[:1]
            elif form == "position":  # "What about Kazakhstan?": the actor itself, no issue
                explicit = False
    if not explicit and form == "position":
        form = "overview"
    if form == "compare" and m is None:
        topic, explicit = "", False
    scores = rank_issues(topic, issues) if explicit else {i.id: 0.0 for i in issues}
    order = sorted(issues, key=lambda i: (-scores[i.id], [x.id for x in issues].index(i.id)))
    return Question(text=text, actor=actor, actor_name=ref.name(actor), topic=topic if explicit else text,
                    issues=[i.id for i in order], scores=scores, explicit_topic=explicit, form=form,
                    others=others, other_names=[ref.name(c) for c in others], side=side)
