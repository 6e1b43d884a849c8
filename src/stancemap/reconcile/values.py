"""Numbers that disagree about the same quantity.

Two claims contradict each other only when they measure the same thing and cannot both be true:

* the same thing: the same unit; the same subject (a missing one is tolerated, a different one
  weighs heavily against); compatible periods (a figure for 2022 and one for 2025 are not in
  conflict); for vote counts, the same resolution; and sentences that say the same kind of thing
  (shared indicator words, shared rare names and dates, close sentence embeddings);
* cannot both be true: the ranges each number stands for do not overlap. A number stands for a
  range: "61" for 60.5-61.5, "about 70 billion" for a few per cent either side, "more than 80%"
  for everything above 80, "1.5 to 2 million" for the whole range. So "about 75%" and "around 80%"
  conflict, "close to 70 billion" and "roughly 68 billion" do not (rounding), "roughly 80%" and
  "more than 80%" do not (a bound), and "about 73%" conflicts with an exact 71.12%.

Each pair that passes gets a score (see :func:`score_pair`); the caller keeps those above a
threshold. Fields are read by name, so that claims with an optional ``resolution`` (or ``about``)
field — a vote count with the resolution it counts — are matched on it when both have one.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np

from .text import MONTHS, STOP, Idf, gap_days, parse_date, span, stem, terms

APPROX = {"about", "around", "approximately", "roughly", "nearly", "almost", "some", "estimated"}
LOWER_BOUND = {"more than", "at least", "over"}
UPPER_BOUND = {"less than", "at most", "up to", "under"}
# Units that count votes: two such numbers are the same quantity only for the same resolution.
VOTE_UNITS = {"vote", "abstention", "ballot"}
_RANGE_BEFORE = re.compile(r"(?:between\s+)?([\d][\d.,]*)\s*(thousand|million|billion|trillion|%|per cent)?\s*"
                           r"(?:-|–|—|to|and)\s*\$?$", re.IGNORECASE)
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_VOTING = re.compile(r"\b(vot(e|es|ed|ing)|abstain(ed|ing)?|abstentions?|in favour|in favor)\b", re.IGNORECASE)
_IDENTIFIER = re.compile(r"\d+/\d+")  # "68/262", "ES-11/4", "S/2022/720": a resolution's number
# A document symbol as sentences print it: "A/ES-11/L.4", "A/RES/68/262", "S/2022/720", "68/262".
_SYMBOL = re.compile(r"(?<![\w/])(?:[A-Z]+/)*(?:[A-Z]+-?\d+|\d+)(?:/(?:[A-Z]+\.?)?\d+)+(?![\w/])")


def symbols(text: str | None) -> set[str]:
    """The document symbols a sentence cites, each reduced to its last two parts ("A/RES/68/262" and
    "68/262" are one resolution; "A/ES-11/L.4" becomes "ES-11/L.4")."""
    return {"/".join(m.group(0).split("/")[-2:]) for m in _SYMBOL.finditer(text or "")}


def unit_key(unit: str | None) -> str:
    """One spelling per unit: lower case, singular, "%" and "per cent" as percent."""
    u = (unit or "").strip().lower()
    if u in ("%", "per cent", "pct", "percentage", "percentage points"):
        return "percent"
    if u.endswith("ies") and len(u) > 4:
        return u[:-3] + "y"
    if u.endswith("s") and not u.endswith("ss") and len(u) > 3:
        return u[:-1]
    return u


def granularity(value: float) -> float:
    """The step of the last significant digit (61 -> 1, 24.2e9 -> 1e8, 71.12 -> 0.01), taking every
    number of two or more digits to be precise to at least its second digit ("80" -> 1, not 10)."""
    v = abs(float(value))
    if v == 0 or not math.isfinite(v):
        return 1.0
    step = 10.0 ** Decimal(repr(v)).normalize().as_tuple().exponent  # type: ignore[operator]
    if v >= 10:
        step = min(step, 10.0 ** (math.floor(math.log10(v)) - 1))
    return step


def interval(value: float, qualifier: str | None, low: float | None = None) -> tuple[float, float]:
    """The values a stated number allows (``low``: the lower end of a stated range)."""
    v = float(value)
    q = (qualifier or "").lower()
    if low is not None:
        return (min(low, v), max(low, v))
    if q in LOWER_BOUND:
        return (v, math.inf)
    if q in UPPER_BOUND:
        return (-math.inf, v)
    g = granularity(v)
    # an exact figure stands for less than half a step either side: "61" and "60" do not overlap
    half = max(g, 0.025 * abs(v)) if q in APPROX else 0.45 * g
    return (v - half, v + half)


def range_low(r: dict[str, Any]) -> float | None:
    """The lower end when the claim's number closes a range in its sentence ("1.5 million to 2 million")."""
    surface, evidence = r.get("surface") or "", r.get("evidence") or ""
    at = evidence.find(surface) if surface else -1
    if at <= 0:
        return None
    m = _RANGE_BEFORE.search(evidence[:at])
    if not m:
        return None
    try:
        low = float(m.group(1).replace(",", ""))
    except ValueError:
        return None
    scale = _SCALES.get((m.group(2) or "").lower())
    if scale is None:  # "1.5 to 2 million": the range shares the closing number's scale
        num = re.search(r"[\d][\d.,]*", surface)
        shown = float(num.group(0).replace(",", "")) if num else 0.0
        scale = float(r["value"]) / shown if shown else 1.0
    return low * scale


def disjoint(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[1] < b[0] or b[1] < a[0]


def _value_tokens(r: dict[str, Any]) -> set[str]:
    return set(re.findall(r"\d+(?:[.,/]\d+)*", r.get("surface") or ""))


# words of a derived indicator ("growth of trade with Russia") that say how it changed, not what it measures
_CHANGE_WORDS = {stem(w) for w in ("growth", "change", "increase", "decrease", "rise", "fall", "drop")}


def indicator_terms(r: dict[str, Any]) -> set[str]:
    """The words of the indicator that name what is measured (not the unit, not filler)."""
    unit = stem(unit_key(r.get("unit")))
    return {t for t in terms(r.get("indicator")) if not t[0].isdigit() and t != unit and t not in STOP}


def is_vote_count(r: dict[str, Any]) -> bool:
    """A count of votes: in vote units, or a count of members or states in a sentence about a vote."""
    return unit_key(r.get("unit")) in VOTE_UNITS or bool(_VOTING.search(r.get("evidence") or ""))


def resolution(r: dict[str, Any]) -> str | None:
    """What a vote count counts the votes on, when the extractor recorded it."""
    value = r.get("resolution") or r.get("about")
    return str(value).strip().lower() if value else None


@dataclass
class Features:
    """Why two claims are taken to measure the same quantity (each 0..1, or None when unknown)."""

    context: float  # IDF-weighted share of the sentences' words
    embedding: float | None  # sentence embedding cosine
    indicator: float | None  # share of indicator words
    anchors: int  # shared rare words (names, dates, identifiers)
    subject: str  # same | unknown | different
    period: str  # same | unknown
    published_gap: int | None  # days between the documents' dates (when a period is unknown)
    approximate: int  # how many of the two are approximate
    ratio: float = 1.0  # the larger value over the smaller


def score_pair(f: Features) -> float:
    """How likely two disagreeing claims are one quantity reported differently (0..1).

    The sentences decide most (what both talk about, and how specifically: shared rare names and
    dates); indicator words refine it; a different subject, an unknown period between documents
    written years apart, and two approximate figures each lower it."""
    sim = f.context if f.embedding is None else 0.5 * f.context + 0.5 * max(0.0, f.embedding)
    if f.indicator is not None:
        sim = 0.75 * sim + 0.25 * f.indicator
    sim = min(1.0, sim + 0.08 * min(f.anchors, 3))
    factor = {"same": 1.0, "unknown": 0.85, "different": 0.4}[f.subject]
    if f.period == "unknown" and f.published_gap is not None and f.published_gap > 366:
        factor *= 0.8
    if f.approximate == 2:
        factor *= 0.9
    if f.ratio > 2.5:
        # sources that disagree on one figure rarely do so by more than a factor of two or three;
        # numbers further apart are more often two different quantities
        factor *= max(0.5, 1.0 - 0.15 * (f.ratio - 2.5))
    return round(sim * factor, 3)


def _features(a: dict[str, Any], b: dict[str, Any], ta: set[str], tb: set[str], idf: Idf,
              vectors: dict[int, np.ndarray] | None, published: dict[str, str | None],
              actor_words: frozenset[str] = frozenset(), state_words: frozenset[str] = frozenset()) -> Features | None:
    gap = gap_days(a.get("period"), b.get("period"))
    if gap is not None and gap > 0:
        return None  # different periods: a change, not a contradiction
    pa, pb = a.get("period"), b.get("period")
    if pa and pb and ("/" in str(pa)) != ("/" in str(pb)) and span(pa) != span(pb):
        return None  # a figure for a stretch ("since February 2022", "the first seven months") vs one for a date
    ra, rb = resolution(a), resolution(b)
    if ra and rb and ra != rb:
        return None
    shared = ta & tb
    anchors = idf.anchors(a.get("evidence"), b.get("evidence"), shared)
    if (is_vote_count(a) or is_vote_count(b)) and not (ra and rb):
        # Vote totals of different resolutions are different numbers: without the resolution on
        # both, the sentences must share its number or the vote's date
        # (or two names of what was voted on: "the Rome Statute", "the National Assembly").
        # The states in two vote lists are the same states whatever the vote: they do not count.
        sa_, sb_ = symbols(a.get("evidence")), symbols(b.get("evidence"))
        ids = {t for t in shared if _IDENTIFIER.fullmatch(t)} | (sa_ & sb_)
        if not ids and ((sa_ and sb_) or (any(_IDENTIFIER.fullmatch(t) for t in ta)
                                          and any(_IDENTIFIER.fullmatch(t) for t in tb))):
            return None  # each cites a resolution, and not the same one
        if not ids and _years_apart(a, b, published):
            return None  # a vote is one day's: tallies a year or more apart are two votes
        named = idf.anchors(a.get("evidence"), b.get("evidence"), shared - actor_words)
        if not ids and named < 2 and not (a.get("period") and b.get("period") and gap == 0 and
                                            len(str(a["period"])) >= 10 and len(str(b["period"])) >= 10):
            return None
    emb = None
    if vectors and a["id"] in vectors and b["id"] in vectors:
        emb = float(vectors[a["id"]][-1] @ vectors[b["id"]][-1])
    ia, ib = indicator_terms(a), indicator_terms(b)
    core_a, core_b = ia - state_words - _CHANGE_WORDS, ib - state_words - _CHANGE_WORDS
    if core_a and core_b and not core_a & core_b:
        # both say what they measure, and it is not the same thing ("trade with Russia" vs "money transfers from
        # Russia"; the states' names do not count, an organisation's name may: "World Trade Organization")
        return None
    ind = len(ia & ib) / min(len(ia), len(ib)) if ia and ib else None
    sa, sb = a.get("subject"), b.get("subject")
    subject = "unknown" if not (sa and sb) else ("same" if sa == sb else "different")
    if subject == "different" and (sa in b.get("codes", ()) or sb in a.get("codes", ())):
        # the extractor chose one of the actors a sentence names as its subject; when the other
        # sentence names the same actor, the two may well be about one subject
        subject = "unknown"
    pg = None
    da, db = parse_date(published.get(a["doc"])), parse_date(published.get(b["doc"]))
    if da and db:
        pg = abs((da - db).days)
    approx = sum(1 for r in (a, b) if (r.get("qualifier") or "") in APPROX)
    va, vb = abs(float(a["value"])), abs(float(b["value"]))
    ratio = max(va, vb) / min(va, vb) if min(va, vb) > 0 else math.inf
    return Features(context=idf.overlap(ta, tb), embedding=emb, indicator=ind, anchors=anchors, subject=subject,
                    period="same" if gap == 0 else "unknown", published_gap=pg, approximate=approx, ratio=ratio)


def _years_apart(a: dict[str, Any], b: dict[str, Any], published: dict[str, str | None]) -> bool:
    """When each claim is dated (its stated period, else its document's date), more than a year apart."""
    gap = gap_days(a.get("period") or published.get(a["doc"]), b.get("period") or published.get(b["doc"]))
    return gap is not None and gap > 366


def _num(v: float) -> float | int:
    return int(v) if float(v).is_integer() else round(float(v), 4)


def _about(a: dict[str, Any]) -> str:
    extra = ", ".join(str(x) for x in (a.get("subject"), a.get("period")) if x)
    return f"{a['indicator']} ({a['unit']}{', ' + extra if extra else ''})"


def _sharing(rows: list[dict[str, Any]], words: dict[int, set[str]],
             idf: Idf) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """The pairs of claims whose sentences share a word that not most documents use: only they can
    be about one quantity (an inverted index, so that a large store is not compared pair by pair)."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        for t in words[r["id"]]:
            if idf.df.get(t, 0) <= max(3, 0.5 * idf.n):
                index[t].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) > 1:
            pairs.update((i, j) for k, i in enumerate(members) for j in members[k + 1:])
    return [(rows[i], rows[j]) for i, j in sorted(pairs)]


def value_contradictions(claims: list[dict[str, Any]], idf: Idf, vectors: dict[int, np.ndarray] | None = None,
                         published: dict[str, str | None] | None = None,
                         actor_words: frozenset[str] = frozenset(),
                         codes: dict[str, dict[int, list[str]]] | None = None,
                         state_words: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """Pairs of claims from different documents that give incompatible numbers for one quantity,
    each with a ``score``; for each claim, only its best-matching partner in the other document.
    ``actor_words``: stems of the names of actors (they do not tell two votes apart); ``state_words``: those of
    states' names alone (they do not tell two indicators apart); ``codes``:
    per document and sentence, the actors the sentence names."""
    from .contradict import record

    published = published or {}
    codes = codes or {}
    by_unit: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in claims:
        unit = unit_key(c.get("unit"))
        if unit.rstrip("s") not in MONTHS:  # "20 October" read as a count of Octobers
            sent = c.get("sent")
            named = codes.get(c["doc"], {}).get(sent, ()) if isinstance(sent, int) else ()
            by_unit[unit].append({**c, "codes": set(named)})
    out: list[dict[str, Any]] = []
    for rows in by_unit.values():
        words = {c["id"]: terms(c.get("evidence"), _value_tokens(c)) | indicator_terms(c) for c in rows}
        spans = {c["id"]: interval(c["value"], c.get("qualifier"), range_low(c)) for c in rows}
        best: dict[tuple[str, str, int], tuple[float, dict[str, Any]]] = {}
        for a, b in _sharing(rows, words, idf):
            if a["doc"] == b["doc"] or not disjoint(spans[a["id"]], spans[b["id"]]):
                continue
            f = _features(a, b, words[a["id"]], words[b["id"]], idf, vectors, published, actor_words, state_words)
            if f is None:
                continue
            s = score_pair(f)
            x, y = (a, b) if a["doc"] < b["doc"] else (b, a)
            # one contradiction per pair of documents and claim: its best-matching partner
            for key in ((x["doc"], y["doc"], x["id"]), (x["doc"], y["doc"], -y["id"])):
                if key not in best or s > best[key][0]:
                    best[key] = (s, {"a": x, "b": y, "f": f, "s": s})
        seen: set[tuple[int, int]] = set()
        for s, item in sorted(best.values(), key=lambda v: -v[0]):
            x, y, f = item["a"], item["b"], item["f"]
            if (x["id"], y["id"]) in seen:
                continue
            seen.add((x["id"], y["id"]))
            notes = []
            if f.approximate == 2:
                notes.append("both approximate")
            if f.subject == "different":
                notes.append(f"subjects differ: {x.get('subject')} vs {y.get('subject')}")
            if f.period == "unknown":
                notes.append("period not stated on both sides")
            out.append(record(_about(x), "value", x, _num(x["value"]), y, _num(y["value"]), "; ".join(notes), s))
    return out
