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

_N = r"(?:\d{1,3}(?:,\d{3})+|\d+|[A-Za-z]+(?:-[A-Za-z]+)?)"  # digits or a spelled-out number, checked by parse_number
_PAREN = r"(?:\s*\([^)]{0,80}\))?"  # "(Russian Federation)", "(China, India, United Arab Emirates)"
_ABST = (r"(?:\s*(?:,|;|and|with|while)\s*(?:with\s+|and\s+)?(?P<abs>" + _N +
         r")\s+(?:abstentions?|abstaining|abstained|abstainers)" + _PAREN + ")?")
_I = re.IGNORECASE

# "93 in favour to 24 against, with 58 abstentions"; "11 votes in favour to 1 against (Russia)"
_FOR_AGAINST = re.compile(r"\b(?P<yes>" + _N + r")\s+(?:votes?\s+)?(?:in\s+favou?r|for)" + _PAREN +
                          r"\s*(?:,|to|and|with|versus|vs\.?)?\s*(?:with\s+)?(?P<no>" + _N +
                          r")\s+(?:votes?\s+)?against" + _PAREN + _ABST, _I)
# "by 61 votes to 22", "by 141 votes to five, with 35 abstentions", "by a vote of 90 to 10"
_BY_VOTES = re.compile(r"\bby\s+(?:a\s+(?:recorded\s+)?(?:vote|margin)\s+of\s+)?(?P<yes>" + _N +
                       r")\s+(?:votes?\s+)?(?:to|against)\s+(?P<no>" + _N + r")(?:\s+votes?)?(?!\s*(?:%|per))" + _ABST, _I)
# "a vote of 143-5-35", "voted 90-10", "the vote was 31 to 17, with 2 abstentions"
_VOTE_DASHES = re.compile(r"\b(?:vote|votes|voted|tally|margin)\s+(?:was\s+|of\s+)?(?P<yes>\d{1,3})\s*[-–]\s*"
                          r"(?P<no>\d{1,3})(?:\s*[-–]\s*(?P<abs>\d{1,3}))?(?![\d/])", _I)
_VOTE_TO = re.compile(r"\b(?:vote|votes|voted|tally|margin)\s+(?:was\s+|of\s+)?(?P<yes>" + _N + r")\s+to\s+(?P<no>" + _N +
                      r")(?=\s*(?:[,;.)]|$)|\s+(?:with|and|after|on|in|to)\b)" + _ABST, _I)
# "approved the law 64-0", "passed 90-10 after a debate"
_VERB_DASHES = re.compile(r"\b(?:passed|approved|adopted|rejected|endorsed|ratified)\b[^.;,]{0,40}?\s(?P<yes>\d{1,3})"
                          r"\s*[-–]\s*(?P<no>\d{1,3})(?=\s*(?:[,;.)]|$)|\s+(?:after|in|on|with|and|but|despite|as|"
                          r"at|vote)\b)", _I)
# "143-5-35" anywhere in a sentence about a vote
_THREE_DASHES = re.compile(r"(?<![\d/.-])(?P<yes>\d{1,3})\s*[-–]\s*(?P<no>\d{1,3})\s*[-–]\s*(?P<abs>\d{1,3})"
                           r"(?![\d/.-])")
# "Ten members voted in favour", "13 members had voted for it", "two delegations voted against"
_MEMBERS_FOR = re.compile(r"\b(?P<yes>" + _N + r")\s+(?:members|delegations)\s+(?:had\s+|have\s+)?voted\s+"
                          r"(?:in\s+favou?r|for)\b", _I)
_MEMBERS_AGAINST = re.compile(r"\b(?P<no>" + _N + r")\s+(?:members|delegations)\s+(?:had\s+|have\s+)?voted\s+"
                              r"(?:against|no)\b", _I)
# "141 in favour", "35 abstaining", "5 against" on their own
_IN_FAVOUR_ALONE = re.compile(r"\b(?P<yes>" + _N + r")\s+(?:votes\s+)?in\s+favou?r\b", _I)
_ABSTAINING_ALONE = re.compile(r"\b(?P<abs>" + _N + r")\s+(?:abstaining|abstained|abstainers)\b", _I)
_AGAINST_ALONE = re.compile(r"\b(?P<no>" + _N + r")\s+(?:votes\s+)?against\b(?=\s*[,;.)]|\s+and\b|\s+with\b)", _I)

_VOTE_VERB = re.compile(r"\bvot|\badopt|\bapprov|\bpass", _I)
_IN_FAVOUR = re.compile(r"in\s+favou?r", _I)
# In order of precedence: (pattern, what the sentence must also say for the pattern to be a tally)
_PATTERNS: list[tuple[re.Pattern[str], re.Pattern[str] | None]] = [
    (_FOR_AGAINST, None), (_BY_VOTES, None), (_VOTE_DASHES, None), (_VOTE_TO, None), (_VERB_DASHES, None),
    (_THREE_DASHES, _VOTE_VERB), (_MEMBERS_FOR, None), (_MEMBERS_AGAINST, None), (_IN_FAVOUR_ALONE, None),
    (_ABSTAINING_ALONE, None), (_AGAINST_ALONE, _IN_FAVOUR),
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
    for pat, guard in _PATTERNS:
        if guard is not None and not guard.search(text):
            continue
        for m in pat.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            parts: list[TallyPart] = []
            for role in ("yes", "no", "abs"):
                if role not in m.groupdict() or m.group(role) is None:
                    continue
                value = parse_number(m.group(role))
                if value is None or value != int(value) or (role == "yes" and 1500 <= value <= 2100):
                    parts = []
                    break
                unit, label = _ROLE[role]
                parts.append(TallyPart(m.start(role), m.end(role), value, unit, label, (m.start(), m.end())))
            if parts:
                out.extend(parts)
                taken.append((m.start(), m.end()))
    return out
