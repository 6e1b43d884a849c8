"""Vote tallies: "adopted by 93 votes in favour to 24 against, with 58 abstentions", "by 61 votes to 22",
"a recorded vote of 143-5-35", "Ten members voted in favour".

A tally is read as a whole, because its parts only mean something together: the number after "to"
in "by 61 votes to 22" counts votes although no noun follows it, and "143-5-35" is three counts, not
a range or a date. Each part becomes a claim: votes in favour and against have the unit ``votes``,
abstentions the unit ``abstentions``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import parse_number

_N = r"(\d[\d,]*|[A-Za-z]+(?:-[A-Za-z]+)?)"
_PAREN = r"(?:\s*\([^)]{0,80}\))?"
_ABST = (r"(?:\s*(?:,|;|and|with|while)\s*(?:with\s+|and\s+)?(?P<abs>" + _N[1:-1] +
         r")\s+(?:abstentions?|abstaining|abstained|abstainers)" + _PAREN + ")?")
_PATTERNS = [
    # "93 in favour to 24 against, with 58 abstentions"; "11 votes in favour to 1 against (Russia)"
    re.compile(r"\b(?P<yes>" + _N[1:-1] + r")\s+(?:votes?\s+)?(?:in\s+favou?r|for)" + _PAREN +
               r"\s*(?:,|to|and|with|versus|vs\.?)?\s*(?:with\s+)?(?P<no>" + _N[1:-1] + r")\s+(?:votes?\s+)?against"
               + _PAREN + _ABST, re.IGNORECASE),
    # "by 61 votes to 22", "by 141 votes to five, with 35 abstentions", "by a vote of 90 to 10"
    re.compile(r"\bby\s+(?:a\s+(?:recorded\s+)?(?:vote|margin)\s+of\s+)?(?P<yes>" + _N[1:-1] +
               r")\s+(?:votes?\s+)?(?:to|against)\s+(?P<no>" + _N[1:-1] + r")(?:\s+votes?)?(?!\s*(?:%|per))" + _ABST,
               re.IGNORECASE),
    # "a vote of 143-5-35", "voted 90-10"
    re.compile(r"\b(?:vote|votes|voted|tally|margin)\s+(?:was\s+|of\s+)?(?P<yes>\d{1,3})\s*[-–]\s*(?P<no>\d{1,3})"
               r"(?:\s*[-–]\s*(?P<abs>\d{1,3}))?(?![\d/])", re.IGNORECASE),
    # "143-5-35" in a sentence about a vote
    re.compile(r"(?<![\d/.-])(?P<yes>\d{1,3})\s*[-–]\s*(?P<no>\d{1,3})\s*[-–]\s*(?P<abs>\d{1,3})(?![\d/.-])"),
    # "Ten members voted in favour", "13 members had voted for it"
    re.compile(r"\b(?P<yes>" + _N[1:-1] + r")\s+(?:members|delegations)\s+(?:had\s+|have\s+)?voted\s+"
               r"(?:in\s+favou?r|for)\b", re.IGNORECASE),
    re.compile(r"\b(?P<no>" + _N[1:-1] + r")\s+(?:members|delegations)\s+(?:had\s+|have\s+)?voted\s+"
               r"(?:against|no)\b", re.IGNORECASE),
    # "141 in favour" on its own
    re.compile(r"\b(?P<yes>" + _N[1:-1] + r")\s+(?:votes\s+)?in\s+favou?r\b", re.IGNORECASE),
]
_VOTE_CONTEXT = re.compile(r"\b(vot(e|es|ed|ing)|ballot|adopted|approved|passed|rejected|abstentions?|abstain\w*|"
                           r"recorded|tally)\b", re.IGNORECASE)
_ROLE = {"yes": ("votes", "votes in favour"), "no": ("votes", "votes against"), "abs": ("abstentions", "abstentions")}


@dataclass
class TallyPart:
    start: int  # character offsets of the number in the sentence text
    end: int
    value: float
    unit: str
    role: str  # votes in favour | votes against | abstentions
    span: tuple[int, int]  # the whole tally, so that the numbers in it are not read again


def read_tallies(text: str) -> list[TallyPart]:
    """The tallies in one sentence's text, with offsets relative to it."""
    if not _VOTE_CONTEXT.search(text):
        return []
    out: list[TallyPart] = []
    taken: list[tuple[int, int]] = []
    for k, pat in enumerate(_PATTERNS):
        if k == 3 and not re.search(r"\bvot|\badopt|\bapprov|\bpass", text, re.IGNORECASE):
            continue
        for m in pat.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            parts: list[TallyPart] = []
            for role in ("yes", "no", "abs"):
                if role not in m.groupdict() or m.group(role) is None:
                    continue
                value = parse_number(m.group(role))
                if value is None or value != int(value) or (role == "yes" and 1500 <= value <= 2100 and k >= 2):
                    parts = []
                    break
                unit, label = _ROLE[role]
                parts.append(TallyPart(m.start(role), m.end(role), value, unit, label, (m.start(), m.end())))
            if parts:
                out.extend(parts)
                taken.append((m.start(), m.end()))
    return out
