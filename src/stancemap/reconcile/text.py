"""Measures shared by the contradiction finders: what two sentences have in common, and when.

Two records can only contradict each other when they are about the same thing. Their fields say
part of that (indicator, subject, unit, period); the rest is in their sentences: the names, places,
dates and rare words both use ("Crocus City Hall", "22 March", "Rome Statute"). :class:`Idf` weighs
the words two sentences share by how few documents of the store use them, so that a shared rare
name counts for much and a shared "said" for nothing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import date
from importlib import resources

from .. import yamlio

_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|-)*[^\W\d_]|\d+(?:[./]\d+)*")


def _stop_words() -> frozenset[str]:
    data = yamlio.load(resources.files("stancemap.reconcile").joinpath("data/words.yaml").read_text("utf-8"))
    return frozenset(str(w).lower() for w in data["stop"])


# Words that say nothing about which quantity, event or statement a sentence is about (data/words.yaml).
STOP = _stop_words()
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
# A date written out in the sentence itself ("on 13 October", "April 1", "in late March", "2022-10-13"),
# as opposed to one inferred from the paragraph or the publication date. "March" and "may" count only
# where they must be months.
EXPLICIT_DATE = re.compile(
    r"\b(january|february|april|june|july|august|september|october|november|december|jan|feb|apr|jun|jul|aug|sept?"
    r"|oct|nov|dec)\b\.?"
    r"|\b(march|may)\s+\d|\b\d{1,2}(st|nd|rd|th)?\s+(march|may)\b|\b(in|early|late|mid-?|since|until)\s+(march|may)\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b",
    re.IGNORECASE)


def stem(word: str) -> str:
    """A crude stem: enough to match "monitor"/"monitoring", "ratified"/"ratification"."""
    return word[:6]


def terms(text: str | None, drop: Iterable[str] = ()) -> set[str]:
    """Content stems of ``text`` (and its numbers, which name days, years and resolutions), minus
    the tokens in ``drop`` (a claim's own number must not make two claims look alike)."""
    dropped = {d.lower() for d in drop}
    out = set()
    for tok in _TOKEN.findall(text or ""):
        low = tok.lower()
        if low in dropped:
            continue
        if low[0].isdigit():
            out.add(low)
        elif len(low) >= 3 and low not in STOP:
            out.add(stem(low))
    return out


def names(text: str | None) -> set[str]:
    """Stems of the words written with a capital inside the sentence (names: "Crocus", "Donetsk"),
    and its numbers (days, years, resolution numbers)."""
    out = set()
    for i, m in enumerate(_TOKEN.finditer(text or "")):
        tok = m.group(0)
        if tok[0].isdigit():
            out.add(tok.lower())
        elif i > 0 and tok[0].isupper() and tok.lower() not in STOP and len(tok) >= 3:
            out.add(stem(tok.lower()))
    return out


class Idf:
    """Document frequencies of stems over a collection (the store's documents)."""

    def __init__(self, documents: Iterable[set[str]]):
        self.df: dict[str, int] = {}
        self.n = 0
        for ts in documents:
            self.n += 1
            for t in ts:
                self.df[t] = self.df.get(t, 0) + 1

    def weight(self, term: str) -> float:
        """log(N/df), floored at a small value so that a store of two documents still ranks."""
        df = self.df.get(term, 1)
        return max(0.05, math.log((self.n + 1) / df))

    def overlap(self, a: set[str], b: set[str]) -> float:
        """How much of the smaller sentence's weight the two share (0..1)."""
        if not a or not b:
            return 0.0
        shared = sum(self.weight(t) for t in a & b)
        return shared / min(sum(self.weight(t) for t in a), sum(self.weight(t) for t in b))

    def rare(self, term: str) -> bool:
        """Used by few documents of the collection: a name, not a common word."""
        return self.df.get(term, 0) <= max(2, 0.05 * self.n)

    def anchors(self, a: str | None, b: str | None, shared: set[str]) -> int:
        """How many of the ``shared`` stems pin the two sentences to one thing: words few documents
        use, and names or numbers both sentences write that not most documents use (in a small
        store every word is in many documents, so names count where rarity cannot be told)."""
        named = names(a) & names(b)
        return sum(1 for t in shared if self.rare(t) or (t in named and self.df.get(t, 0) <= 0.6 * self.n))


def explicit_date(text: str | None) -> bool:
    return bool(EXPLICIT_DATE.search(text or ""))


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    parts = [int(p) for p in str(value).split("-")[:3] if p.isdigit()]
    if not parts:
        return None
    try:
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return None


def span(value: str | None) -> tuple[date, date] | None:
    """The days a period or date covers: "2022" is the whole year, "2022-01/2022-07" January to July."""
    if not value:
        return None
    text = str(value)
    lo_text, _, hi_text = text.partition("/")
    lo = parse_date(lo_text)
    hi = _end(hi_text or lo_text)
    if lo is None or hi is None:
        return None
    return (lo, hi) if lo <= hi else (hi, lo)


def _end(value: str) -> date | None:
    parts = [int(p) for p in value.split("-")[:3] if p.isdigit()]
    if not parts:
        return None
    try:
        if len(parts) == 1:
            return date(parts[0], 12, 31)
        if len(parts) == 2:
            nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1)
        return date(parts[0], parts[1], parts[2])
    except ValueError:
        return None


def gap_days(a: str | None, b: str | None) -> int | None:
    """Days between two periods (0 when they overlap); None when either is unknown."""
    sa, sb = span(a), span(b)
    if sa is None or sb is None:
        return None
    if sa[1] < sb[0]:
        return (sb[0] - sa[1]).days
    if sb[1] < sa[0]:
        return (sa[0] - sb[1]).days
    return 0


def precision(value: str | None) -> int:
    """How precise a date is: 1 year, 2 month, 3 day (0 unknown)."""
    if not value:
        return 0
    return min(3, len(str(value).split("/")[0].split("-")))
