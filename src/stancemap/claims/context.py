"""Numbers that are not quantities, recognised from their surroundings.

A number in a date ("5 November", "Aug 6", "2022-23"), a document or resolution symbol ("ES-11/4",
"A/RES/68/262", "S/2022/155"), a name ("Leopard 2", "Nord Stream 2", "G20"), a reference ("Article
5", "No. 12"), a list or table of contents ("1. Sovereignty", "Contents: 1 Background | 2 Trade"),
a clock time, an age ("a 45-year-old", "Navalny, 47,") or a vague quantity ("several hundred") says
nothing a reader could quote as a figure. Each test here looks only at the number's own tokens and
its neighbours, so that it holds whatever the outlet or the state.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from .numbers import Number

MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
          "dec"}
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
# What a number written with digits may be glued to and still be a plain quantity: a currency before,
# a scale, unit or percent sign after, a hyphenated word or a second number of a range after.
_PLAIN = re.compile(r"^(?:[A-Z]{1,3}\$|[$€£¥₽₸])?\d[\d,]*(?:\.\d+)?[a-z%]{0,3}"
                    r"(?:[-–](?:[$€£¥₽₸]?\d[\d,]*(?:\.\d+)?[a-z%]{0,3}|[a-z]+(?:-[a-z]+)*))*$")
_STRIP = "()[]{}\"'“”‘’«»,.;:!?…*"
_SEPARATORS = {"|", "·", "•", "▪", "►", "‣", "/", "—", "–", "-", ":", ">"}
_CLOCK = {"a.m.", "p.m.", "am", "pm", "gmt", "utc", "cet", "cest", "bst", "edt", "est", "msk", "hrs", "o'clock"}
_VAGUE_BEFORE = {"several", "few", "many", "some", "dozens", "hundreds", "thousands", "tens"}


def is_month(tok: Any) -> bool:
    return tok.lower_.rstrip(".") in MONTHS and tok.text[:1].isupper()


def is_year(text: str) -> bool:
    return bool(_YEAR.match(text))


def _prev(parsed: Any, i: int) -> Any | None:
    """The token before i, skipping whitespace tokens."""
    k = i - 1
    while k >= 0 and parsed[k].is_space:
        k -= 1
    return parsed[k] if k >= 0 else None


def _at_line_start(parsed: Any, i: int) -> bool:
    k = i - 1
    while k >= 0 and parsed[k].is_space:
        if "\n" in parsed[k].text:
            return True
        k -= 1
    return k < 0 or "\n" in parsed[k].whitespace_ or parsed[i].is_sent_start


def in_date(parsed: Any, num: Number) -> bool:
    """ "5 November 2024", "Aug 6", "March 27, 2023", "24 February - ...", "the 2022-23 fiscal year"."""
    n = len(parsed)
    prev = parsed[num.start - 1] if num.start > 0 else None
    nxt = parsed[num.end + 1] if num.end + 1 < n else None
    day = num.value == int(num.value) and 1 <= num.value <= 31
    if day and prev is not None and is_month(prev):
        return True
    if day and nxt is not None and (is_month(nxt) or (nxt.lower_ == "of" and num.end + 2 < n and
                                                      is_month(parsed[num.end + 2]))):
        return True
    # "2022-23", "2023/24"
    return bool(prev is not None and prev.text in ("-", "–", "/") and not prev.whitespace_ and num.start >= 2
                and is_year(parsed[num.start - 2].text) and not parsed[num.start - 2].whitespace_)


def in_symbol(text: str, start: int, end: int) -> bool:
    """The digits are part of a code, symbol or identifier ("ES-11/4", "S/2022/155", "G20", "+7")."""
    a, b = start, end
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    while b < len(text) and not text[b].isspace():
        b += 1
    chunk = text[a:b].strip(_STRIP)
    # a possessive or a closing quote glued after the number is not part of it
    chunk = re.sub(r"(['’]s)$", "", chunk)
    return not _PLAIN.match(chunk)


def in_name(parsed: Any, num: Number, prefixes: Collection[str]) -> bool:
    """Digits right after a capitalised name: "Leopard 2 tanks", "Nord Stream 2", "Minsk 2"."""
    if not num.digits or num.start == 0:
        return False
    prev = parsed[num.start - 1]
    if not prev.whitespace_ or prev.pos_ != "PROPN" or not prev.text[:1].isupper():
        return False
    if is_month(prev) or prev.ent_type_ in ("DATE", "TIME") or prev.text in prefixes:
        return False
    return not prev.is_sent_start or prev.i + 1 < num.start  # a sentence's first word may be a name too


def in_reference(parsed: Any, num: Number, references: frozenset[str]) -> bool:
    """ "Article 5", "page 12", "No. 12", "round 2", "#3", "[1]"."""
    prev = _prev(parsed, num.start)
    if prev is None:
        return False
    low = prev.lower_.rstrip(".")
    if prev.text in ("#", "№", "§"):
        return True
    if low in references and (prev.pos_ in ("NOUN", "PROPN", "X") or prev.text[:1].isupper()):
        return True  # "Article 5", "page 12", but not "will order 96 helicopters", "issued 200 visas"
    if num.digits and prev.text == "." and prev.i > 0 and parsed[prev.i - 1].lower_ in references \
            and not parsed[prev.i - 1].whitespace_:
        return True  # "No. 12" as the tokenizer splits it
    nxt = parsed[num.end + 1] if num.end + 1 < len(parsed) else None
    return prev.text in ("(", "[") and nxt is not None and nxt.text in (")", "]") and num.value < 100


def in_enumeration(parsed: Any, num: Number) -> bool:
    """List items and tables of contents: "1. Sovereignty", "2) Ministry", "Contents: 1 Background | 2 Trade"."""
    n = len(parsed)
    nxt = parsed[num.end + 1] if num.end + 1 < n else None
    prev = _prev(parsed, num.start)
    if not num.digits or num.value != int(num.value) or num.value > 99:
        return False
    line_start = prev is None or _at_line_start(parsed, num.start) or prev.text in _SEPARATORS
    if line_start and nxt is not None and nxt.text in (".", ")") and not parsed[num.end].whitespace_:
        return True
    return bool(prev is not None and prev.text in _SEPARATORS and nxt is not None and nxt.text[:1].isupper()
                and nxt.ent_type_ != "NORP" and nxt.pos_ != "NUM")


def is_clock(parsed: Any, num: Number) -> bool:
    nxt = parsed[num.end + 1] if num.end + 1 < len(parsed) else None
    return nxt is not None and nxt.lower_ in _CLOCK


def is_age(parsed: Any, num: Number) -> bool:
    """ "a 45-year-old", "aged 47", "Navalny, 47, said"."""
    n = len(parsed)
    after = "".join(t.text for t in parsed[num.end + 1:min(n, num.end + 5)]).lower()
    if after.startswith(("-year-old", "-years-old", "-month-old", "-day-old", "year-old", "years-old")):
        return True
    prev = parsed[num.start - 1] if num.start > 0 else None
    if prev is not None and prev.lower_ in ("aged", "age"):
        return True
    nxt = parsed[num.end + 1] if num.end + 1 < n else None
    return (prev is not None and prev.text == "," and num.start >= 2 and parsed[num.start - 2].ent_type_ == "PERSON"
            and nxt is not None and nxt.text in (",", ")") and num.value < 120)


def is_vague(parsed: Any, num: Number) -> bool:
    """ "several hundred", "a few dozen", "hundred" or "dozen" with no count of them."""
    words = [t.lower_ for t in parsed[num.start:num.end + 1]]
    prev = parsed[num.start - 1].lower_ if num.start > 0 else ""
    if prev in _VAGUE_BEFORE and words[0] in ("hundred", "dozen", "thousand"):
        return True
    return words[0] in ("hundred", "dozen") and prev not in ("a", "one", "an")
