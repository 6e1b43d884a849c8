"""Time expressions: find them, resolve them to YYYY / YYYY-MM / YYYY-MM-DD, and fix a reference date.

Candidates are spaCy's DATE entities (plus bare month names it misses). Each is resolved with
dateparser against an *anchor*: the publication date when known, otherwise the document's latest
explicitly dated expression (an undated analysis is written after the last thing it dates).
Granularity follows what the text says ("in January" is a month, "on March 11" a day, "in 2019" a
year; "this week" and "two months ago" become the month they fall in). Durations ("about two
weeks") and ordinals are not dates. Month or day expressions without a year take:

* the year the same month carries elsewhere in the document ("September 2022" ... "in September"),
* else, in a dated document, the latest such date not after publication ("on March 11" in an
  article of 2022-03-22 is 2022-03-11);
* else, in an undated document, the first such date after the latest explicit one (an undated
  piece that dates something "December 2021" and then speaks of "January" means the next one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from ..config import Options
from ..model import Document
from ..pipeline import register

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_MONTH_RE = re.compile(rf"\b(?:{_MONTHS})\b\.?", re.IGNORECASE)
_MODIFIERS = re.compile(r"^(?:(?:in|on|at|by|since|until|from|during|of|as of|around|about|since|only|just|"
                        r"this past|the past)\s+)?"
                        r"(?:the\s+)?(?:(?:very\s+)?(?:early|mid|late|end of|beginning of|start of|middle of|"
                        r"first half of|second half of|spring of|autumn of|fall of|summer of|winter of)"
                        r"[\s-]+)?(?:the\s+)?", re.IGNORECASE)
_DURATION = re.compile(r"^(?:for\s+)?(?:about|around|nearly|almost|over|more than|less than|some|at least|"
                       r"roughly|just|only)?\s*(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                       r"twelve|several|a few|few|many|\d+)(?:[\s-]+(?:and a half))?[\s-]+"
                       r"(?:days?|weeks?|months?|years?|decades?|centuries|hours?)(?:\s+long)?$", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_WEEKDAY = re.compile(r"(?:last |this |on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                      r"(?: (?:morning|afternoon|evening|night))?", re.IGNORECASE)
_RANGE_MONTHS = re.compile(r"first\s+(\w+)\s+months\s+of\s+((?:19|20)\d\d)", re.IGNORECASE)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12}
_THIS = re.compile(r"^(?:earlier|later)?\s*(?:this|last|next|the past|the previous)\s+(week|month|year)$|"
                   r"^(?:earlier|later)\s+this\s+(week|month|year)$", re.IGNORECASE)


@dataclass
class TimeExpr:
    """A time expression at ``[start:end]`` of the text and its resolved value (or None)."""

    start: int
    end: int
    value: str | None
    kind: str  # explicit (has a year) | partial (month/day, year inferred) | relative | range
    sent: int = -1
    text: str = ""
    future: str | None = None  # for a partial date: its reading if the clause speaks of the future


@lru_cache(maxsize=64)
def _parser(base: date, prefer: str) -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": datetime(base.year, base.month, base.day), "PREFER_DATES_FROM": prefer,
        "PREFER_DAY_OF_MONTH": "first"})


@lru_cache(maxsize=20000)
def _parse(text: str, base: date, prefer: str) -> tuple[date | None, str]:
    """dateparser's reading of ``text`` relative to ``base``: the date and its period (granularity)."""
    data = _parser(base, prefer).get_date_data(text)
    if data.date_obj is None:
        return None, ""
    return data.date_obj.date(), data.period or "day"


def _fmt(d: date, period: str) -> str:
    if period == "year":
        return f"{d.year:04d}"
    if period in ("month", "week"):
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def _clean(text: str) -> str:
    t = " ".join(text.replace("\u2019", "'").split())
    t = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", t)
    return _MODIFIERS.sub("", t).strip(" ,.")


def resolve(text: str, anchor: date, dated: bool, month_years: dict[int, int] | None = None) -> tuple[str | None, str]:
    """Resolve one expression; returns ``(value, kind)``."""
    t = _clean(text)
    if not t or _DURATION.match(t) or (re.fullmatch(r"\d+", t) and len(t) != 4):
        return None, "none"
    m = _RANGE_MONTHS.search(text)
    if m:
        n = _NUMBER_WORDS.get(m.group(1).lower()) or (int(m.group(1)) if m.group(1).isdigit() else None)
        if n:
            return f"{m.group(2)}-01/{m.group(2)}-{n:02d}", "range"
    rel = _THIS.match(t)
    if rel:
        unit = (rel.group(1) or rel.group(2)).lower()
        word = t.lower()
        if unit == "year":
            year = anchor.year - (1 if "last" in word or "previous" in word else 0) + (1 if "next" in word else 0)
            return f"{year:04d}", "relative"
        d, _ = _parse(t if not word.startswith(("earlier", "later")) else f"this {unit}", anchor, "past")
        return (_fmt(d, "month") if d else None), "relative"
    has_year = bool(_YEAR.search(t))
    if has_year:
        d, period = _parse(t, anchor, "past")
        if d is None:
            y = _YEAR.search(t)
            return (y.group(1) if y else None), "explicit"
        return _fmt(d, period), "explicit"
    if re.search(r"\bago\b|\byesterday\b|\btoday\b|\blast\b|\bthis\b", t, re.IGNORECASE):
        d, period = _parse(t, anchor, "past")
        return (_fmt(d, "month" if period in ("week", "month") else period) if d else None), "relative"
    if _WEEKDAY.fullmatch(t) and dated:
        # "on Tuesday" in a dated article: the latest such day before publication (news usage)
        d, _ = _parse(t, anchor, "past")
        return (d.isoformat() if d and 0 <= (anchor - d).days <= 7 else None), "relative"
    if not _MONTH_RE.search(t):
        return None, "none"  # "the day", "these days", weekdays without a date: too vague to date
    d, period = _parse(t, anchor, "past" if dated else "future")
    if d is None:
        return None, "none"
    if month_years and d.month in month_years:
        d = d.replace(year=month_years[d.month]) if not (d.month == 2 and d.day == 29) else d
    return _fmt(d, period), "partial"


def find_times(doc: Document, published: str | None) -> tuple[list[TimeExpr], str | None]:
    """All time expressions of ``doc`` with values, and the document's reference date."""
    parsed = doc.parsed
    spans: list[tuple[int, int]] = [(e.start_char, e.end_char) for e in parsed.ents if e.label_ == "DATE"]
    covered = [range(s, e) for s, e in spans]
    for m in _MONTH_RE.finditer(doc.text):
        tok = parsed.char_span(m.start(), m.end(), alignment_mode="expand")
        if tok is None or any(m.start() in r for r in covered):
            continue
        # A bare month name the NER missed ("in January"); "May" must look like a month.
        if m.group(0).lower().startswith("may") and not re.match(r"\s+\d", doc.text[m.end():m.end() + 3]):
            continue
        spans.append((m.start(), m.end()))
    spans.sort()
    raw = [(s, e, doc.text[s:e]) for s, e in spans]
    explicit: list[tuple[date, str]] = []
    for _, _, text in raw:
        t = _clean(text)
        if _YEAR.search(t) and not _DURATION.match(t):
            d, period = _parse(t, date(2100, 1, 1), "past")
            if d and d.year <= date.today().year:
                explicit.append((d, period))
    pub = _as_date(published)
    dated = pub is not None
    anchor = pub or (max(d for d, _ in explicit) if explicit else date.today())
    # A month dated elsewhere in the text lends its year, if that year is current for the document.
    month_years: dict[int, int] = {}
    for d, period in explicit:
        if period in ("month", "day") and d.year >= anchor.year - (1 if dated else 0):
            month_years.setdefault(d.month, d.year)
    resolved: list[tuple[int, int, str | None, str]] = []
    for s, e, text in raw:
        value, kind = resolve(text, anchor, dated, month_years)
        resolved.append((s, e, value, kind))
    ref: str | None
    if pub:
        ref = pub.isoformat()
    else:
        values = [v for _, _, v, k in resolved if v and "/" not in v and k in ("explicit", "partial")]
        ref = max(values) if values else None
    # Relative expressions ("this year", "earlier this month") are relative to the reference date.
    ref_anchor = _as_date(ref) or anchor
    out: list[TimeExpr] = []
    for (s, e, value, kind), (_, _, text) in zip(resolved, raw, strict=True):
        if kind == "relative" and ref_anchor != anchor:
            value, kind = resolve(text, ref_anchor, True, None)
        if kind == "none":
            continue
        sent = doc.sentence_of(s)
        future = resolve(text, ref_anchor, False, None)[0] if kind == "partial" and dated else None
        out.append(TimeExpr(s, e, value, kind, sent.idx if sent else -1, text, future))
    return out, ref


def _as_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        parts = [int(p) for p in value.split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 7, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def clause_date(tok: Any, doc: Document) -> tuple[str | None, bool]:
    """(date, found) for the clause of ``tok``: its own time expression, then those of the clauses
    above it, then the sentence's only dated one. Ranges give their start."""
    sent = doc.sentence_of(tok.idx)
    if sent is None:
        return None, False
    times = [t for t in doc.times if t.sent == sent.idx and t.value]
    if not times:
        return _narrative_date(doc, sent.idx), False
    parsed = doc.parsed
    heads = []
    for t in times:
        span = parsed.char_span(t.start, t.end, alignment_mode="expand")
        heads.append((t, span.root if span is not None else None))
    node = tok
    for _ in range(6):
        # "will host a summit in April": a month named in a future clause is the next one
        future = bool({c.lower_ for c in node.children if c.dep_ == "aux"} & {"will", "shall", "'ll"})
        for t, h in heads:
            if h is not None and _attached(h, node):
                value = t.future if future and t.future else t.value
                return str(value).split("/")[0], True
        if node.head.i == node.i:
            break
        node = node.head
    if len(times) == 1:
        return str(times[0].value).split("/")[0], True
    return None, False


def _narrative_date(doc: Document, idx: int) -> str | None:
    """A sentence without a date continues the time of the paragraph's last dated sentence
    ("In early March, X called for talks. Later, Y said ..."), if that date is at least a month."""
    for back in (1, 2):
        j = idx - back
        if j < 0:
            return None
        prev, nxt = doc.sentences[j], doc.sentences[j + 1]
        if "\n" in doc.text[prev.end:nxt.start]:
            return None  # a new paragraph starts a new time frame
        dated = [t for t in doc.times if t.sent == j and t.value and "/" not in str(t.value) and len(str(t.value)) >= 7]
        if dated:
            return str(dated[-1].value)
    return None


def _attached(time_head: Any, pred: Any) -> bool:
    """Is the time expression a modifier of ``pred``'s own clause (not of a nested clause)?"""
    t = time_head
    for _ in range(4):
        if t.head.i == t.i:
            return False
        if t.head.i == pred.i:
            return True
        if t.dep_ in ("relcl", "ccomp", "advcl", "acl", "xcomp") and t.head.i != pred.i:
            return False
        t = t.head
    return False


class DatesComponent:
    """Writes the resolved time expressions (transient) and ``meta['ref_date']``."""

    name = "dates"
    reads: tuple[str, ...] = ("parsed", "sentences")
    writes: tuple[str, ...] = ("times", "ref_date")

    def __init__(self, options: Options) -> None:
        self.options = options

    def __call__(self, doc: Document) -> Document:
        doc.times, ref = find_times(doc, doc.published)
        doc.meta["ref_date"] = ref
        return doc


@register("dates")
def _make(options: Options) -> DatesComponent:
    return DatesComponent(options)
