"""The document model: one object that every stage annotates and passes on.

A :class:`Document` holds the cleaned text and everything extracted from it. Every extracted
record carries character offsets into ``Document.text``; its evidence is *derived* from those
offsets (never stored separately in memory), so evidence and offsets cannot disagree.

Stages never talk to each other directly: ingest fills ``text`` and metadata, the NLP stage adds
``sentences`` (and the transient spaCy parse in ``parsed``), the actor stage adds ``mentions``,
and so on. The store persists what is here; the export reads it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# PLOVER event types with CAMEO root codes, weights and GDELT QuadClass (ontology.md).
# QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
EVENT_TYPES: dict[str, dict[str, Any]] = {
    "AGREE": {"cameo": "03", "weight": 4.0, "quad": 1},
    "CONSULT": {"cameo": "04", "weight": 1.0, "quad": 1},
    "SUPPORT": {"cameo": "05", "weight": 3.0, "quad": 1},
    "CONCEDE": {"cameo": "08", "weight": 5.0, "quad": 2},
    "COOPERATE": {"cameo": "06", "weight": 6.0, "quad": 2},
    "AID": {"cameo": "07", "weight": 7.0, "quad": 2},
    "RETREAT": {"cameo": "0874", "weight": 2.0, "quad": 2},
    "REQUEST": {"cameo": "02", "weight": -1.0, "quad": 1},
    "ACCUSE": {"cameo": "11", "weight": -2.0, "quad": 3},
    "REJECT": {"cameo": "12", "weight": -4.0, "quad": 3},
    "THREATEN": {"cameo": "13", "weight": -6.0, "quad": 3},
    "PROTEST": {"cameo": "14", "weight": -6.0, "quad": 3},
    "SANCTION": {"cameo": "16", "weight": -5.0, "quad": 4},
    "MOBILIZE": {"cameo": "15", "weight": -7.0, "quad": 4},
    "COERCE": {"cameo": "17", "weight": -8.0, "quad": 4},
    "ASSAULT": {"cameo": "18", "weight": -10.0, "quad": 4},
}
MODALITIES = ("actual", "intent", "hypothetical", "reported")
STANCES = ("support", "oppose", "neutral")
SECTORS = ("GOV", "MIL", "LEG", "JUD", "OPP", "CVL", "BUS", "MED", "REB")


@dataclass
class Sentence:
    """A sentence of the cleaned text, as ``text[start:end]``."""

    idx: int
    start: int
    end: int


@dataclass
class Mention:
    """A reference to an actor in the text, resolved (or not) to a code and sector.

    ``code`` is ``None`` when the actor cannot be resolved; the surface text is kept in the
    document text at ``[start:end]``. ``rule`` names the rule that fired, so that errors can be
    traced back to the reference data or the resolver.
    """

    start: int
    end: int
    code: str | None
    sector: str | None = None
    person: str | None = None
    kind: str = "state"  # state | org | person | group | pronoun | title
    confidence: float = 1.0
    rule: str = ""
    sent: int = -1
    head: int = -1  # character offset of the phrase's head token


@dataclass
class Event:
    """Who did what to whom, when: one PLOVER event coded from one sentence."""

    source: str | None
    type: str
    start: int
    end: int
    source_sector: str | None = None
    target: str | None = None
    target_sector: str | None = None
    cameo: str | None = None
    negated: bool = False
    modality: str = "actual"
    date: str | None = None
    issue: str | None = None
    predicate: str = ""
    background: bool = False
    confidence: float = 1.0
    rule: str = ""
    sent: int = -1
    source_person: str | None = None  # the person behind the source, when one is named
    head: int = -1  # character offset of the predicate word (in-memory only: lets later stages read its phrase)

    @property
    def weight(self) -> float:
        return float(EVENT_TYPES[self.type]["weight"])

    @property
    def quad_class(self) -> int:
        return int(EVENT_TYPES[self.type]["quad"])


@dataclass
class Stance:
    """An actor's position on an issue, from one piece of evidence."""

    actor: str
    issue: str
    stance: str
    start: int
    end: int
    actor_sector: str | None = None
    date: str | None = None
    confidence: float = 1.0
    rule: str = ""
    sent: int = -1


@dataclass
class Claim:
    """A number the text asserts, with what it measures and when."""

    indicator: str
    value: float
    unit: str
    start: int
    end: int
    subject: str | None = None
    qualifier: str | None = None
    period: str | None = None
    surface: str = ""
    sent: int = -1


# Extraction statuses of a document stored without records because it could not be read (the pre-filter's
# "irrelevant" is a judgement, not a failure, and is not among them).
UNREAD_STATUSES = ("timeout", "failed", "language")

@dataclass
class Document:
    """A cleaned document and everything the pipeline has found in it."""

    id: str
    text: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None
    lang: str | None = None
    source: str | None = None  # path or URL it came from
    content_hash: str = ""
    raw_hash: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    # What became of extraction: "ok", or why the document is stored without records ("timeout",
    # "failed", "language": the models cannot read it), with a one-line note. A document is never
    # dropped because extraction could not run: its text is kept and it can be re-read later.
    extraction: str = "ok"
    extraction_note: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    # Transient: the spaCy Doc of ``text``, the resolved time expressions, and the sentences a reader of
    # structure (a roll call) has read, which the prose stages skip (sentence index -> reader). Never stored.
    parsed: Any = None
    times: list[Any] = field(default_factory=list)
    structured: dict[int, str] = field(default_factory=dict)

    def clear_records(self) -> None:
        """Drop everything extraction wrote (after a timeout or failure part-way through)."""
        self.sentences, self.mentions, self.events, self.stances, self.claims = [], [], [], [], []
        self.parsed, self.times, self.structured = None, [], {}

    def span(self, start: int, end: int) -> str:
        """The verbatim evidence at ``[start:end]`` of the cleaned text."""
        return self.text[start:end]

    def sentence_of(self, offset: int) -> Sentence | None:
        """The sentence containing character ``offset`` (binary search)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return s
        return None

    @property
    def reference_date(self) -> str | None:
        """The date the text speaks from: publication, else the latest date it mentions (dates stage)."""
        return self.meta.get("ref_date") or self.published

    @property
    def words(self) -> int:
        return len(self.text.split())
