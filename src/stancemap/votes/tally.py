"""Counts and dates of a vote as a sentence states them, for checking them against the official record.

Texts report a vote's result in a handful of general forms: "adopted by 141 votes to five, with 35
abstentions", "a recorded vote of 100 in favour to 11 against, with 58 abstentions", "voted 143 to 5",
"the 140–5–38 vote", and single counts tied to a vote word: "141 states in favour", "one of 143 countries
which voted for", "among the 24 delegations voting no", "Thirty-five nations abstained", "Thirteen Member
States did not vote". A number is read as a count only in these forms: a number beside a list of names
("four countries - A, B, C and D - sided with Russia") is left alone.

A date is the vote's only when the sentence ties it to the vote ("on 3 March", "of 2 March 2022", "the
March 2 vote", "the 12 October resolution"): a wire dateline ("NEW DELHI, March 3 (Reuters) -") is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date

from ..claims.extract import parse_number

_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEEN = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
NUM = rf"(?:\d{{1,3}}|{_TENS}(?:[- ]{_UNIT})?|{_TEEN}|{_UNIT}|a\s+single)"
_GROUP = (r"(?:(?:other\s+)?(?:member\s+states?|states?|countries|country|nations?|delegations?|members?|"
          r"governments?)\s+)")
_REL = r"(?:(?:which|that|who)\s+(?:had\s+)?)?"


def _n(kind: str) -> str:
    return f"(?P<{kind}>{NUM})"


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Whole results first (yes, no and abstentions together), then single counts.
_FORMS: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
    (_rx(rf"\b{_n('Y')}\s+(?:votes?\s+)?(?:in\s+favou?r\s*)?(?:to|,)\s+{_n('N')}(?:\s+against)?"
         rf"(?:\s*\([^()]*\))?(?:,?\s+(?:with|and)\s+{_n('A')}\s+(?:abstentions?|abstaining))?"), ("Y", "N", "A")),
    (_rx(rf"\b{_n('Y')}\s+(?:votes?\s+)?in\s+favou?r(?:\s*\([^()]*\))?,?\s+(?:to\s+|and\s+)?{_n('N')}\s+against"
         rf"(?:\s*\([^()]*\))?(?:,?\s+(?:with|and)\s+{_n('A')}\s+(?:abstentions?|abstaining))?"), ("Y", "N", "A")),
    (_rx(r"\b(?P<Y>\d{1,3})\s*[-–—]\s*(?P<N>\d{1,3})\s*[-–—]\s*(?P<A>\d{1,3})\b(?!\s*[-–—]\s*\d)"),
     ("Y", "N", "A")),
    (_rx(rf"\b{_n('Y')}\s+{_GROUP}?{_REL}(?:(?:had\s+)?(?:voted|voting|votes?)\s+)?(?:in\s+favou?r|for|yes)\b"),
     ("Y",)),
    (_rx(rf"\bby\s+{_n('Y')}\s+votes\b(?!\s+(?:to|in|against))"), ("Y",)),
    (_rx(rf"\b{_n('N')}\s+{_GROUP}?{_REL}(?:had\s+)?(?:voted|voting|votes?)\s+(?:no|against)\b"), ("N",)),
    (_rx(rf"\b{_n('A')}\s+(?:abstentions?\b|{_GROUP}?{_REL}(?:had\s+)?(?:abstained|abstaining)\b)"), ("A",)),
    (_rx(rf"\b{_n('X')}\s+{_GROUP}{_REL}(?:did\s+not\s+(?:vote|take\s+part)|were\s+absent|(?:were\s+)?not\s+"
         r"voting|absent)\b"), ("X",)),
]


@dataclass(frozen=True)
class Count:
    """One count of a vote in a sentence: ``kind`` Y (in favour), N (against), A (abstentions), X (not
    voting); ``together`` is how many counts the same phrase gave (a full result or a single count)."""

    kind: str
    value: int
    start: int
    end: int
    together: int


def read_counts(text: str) -> list[Count]:
    """The vote counts a sentence states, in order."""
    taken: list[tuple[int, int]] = []
    out: list[Count] = []
    for rx, kinds in _FORMS:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            got = [(k, m.group(k), m.start(k), m.end(k)) for k in kinds if m.group(k)]
            values = [(k, parse_number(v.replace("a single", "one")), s, e) for k, v, s, e in got]
            if not values or any(v is None for _, v, _, _ in values):
                continue
            taken.append((m.start(), m.end()))
            out += [Count(k, int(v or 0), s, e, len(values)) for k, v, s, e in values]
    return sorted(out, key=lambda c: c.start)


_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
_M = r"(?P<month>" + "|".join(_MONTHS) + r")"
_DAY_MONTH = _rx(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_M}(?:,?\s+(?P<year>(?:19|20)\d\d))?\b")
_MONTH_DAY = _rx(rf"\b{_M}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?")
_BEFORE = _rx(r"\b(?:on|of|dated)\s+(?:the\s+)?$")
_AFTER = _rx(r"^(?:\s*,?\s*(?:19|20)\d\d)?\s+(?:(?:U\.?N\.?|United Nations|General Assembly|Assembly|Security Council|"
             r"Council|Human Rights Council)\s+)?(?:vote|voting|resolution|text|draft|ballot)s?\b")


@dataclass(frozen=True)
class StatedDate:
    month: int
    day: int
    year: int | None
    start: int
    end: int

    def on(self, year: int) -> str | None:
        """The date as YYYY-MM-DD, in its own year or else ``year``."""
        try:
            return Date(self.year or year, self.month, self.day).isoformat()
        except ValueError:
            return None


def vote_dates(text: str) -> list[StatedDate]:
    """Dates the sentence gives a vote: a day and month introduced by "on"/"of" or followed by the vote's
    noun. Datelines and dates of other things in passing are not read."""
    out: list[StatedDate] = []
    for rx in (_DAY_MONTH, _MONTH_DAY):
        for m in rx.finditer(text):
            if any(m.start() < d.end and d.start < m.end() for d in out):
                continue
            if not (_BEFORE.search(text[max(0, m.start() - 12):m.start()]) or _AFTER.match(text[m.end():m.end() + 40])):
                continue
            day = int(m.group("day"))
            if not 1 <= day <= 31:
                continue
            year = int(m.group("year")) if m.group("year") else None
            out.append(StatedDate(_MONTHS.index(m.group("month").lower()) + 1, day, year, m.start(), m.end()))
    return sorted(out, key=lambda d: d.start)
