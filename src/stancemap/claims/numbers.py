"""Reading numbers off tokens: digits, spelled-out words, scales and fractions.

A number may be spread over several tokens ("two thousand", "Twenty - seven", "1.5 million",
"one and a half"), glued to a scale ("$20bn") or written as a fraction of a whole ("three-quarters
of", "a third", "half of"). :func:`read_number` returns the tokens a number spans and its value, so
that the extractor can look for what it measures right after it.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
         "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12}
TENS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Scales glued to digits ("$20bn", "€1.5tn"); single letters only after a currency ("$5m").
_GLUED = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(bn|mn|mln|tn|m|k|b)$", re.IGNORECASE)
_DIGITS = re.compile(r"^\d[\d,]*(?:\.\d+)?(?:-plus)?$")
# Denominators of fractions of a whole: "three-quarters", "a third", "two-fifths", "half".
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
             "sixth": 6, "sixths": 6, "tenth": 10, "tenths": 10}
_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "nine": 9, "seven": 7}


@dataclass
class Number:
    """A number in the text: tokens ``start..end`` (inclusive, scale words included) and its value."""

    start: int
    end: int
    value: float
    digits: bool  # written with digits ("40", "1.2bn"), not words ("forty")
    scaled: bool = False  # a scale word or suffix was applied ("million", "bn")
    fraction: bool = False  # a fraction of a whole, as a percentage ("three-quarters" -> 75)
    plus: bool = False  # "2,000-plus", "2,000+": more than
    ratio: bool = False  # "one in five", "nine out of ten": a share, as a percentage


def word_number(words: list[str]) -> float | None:
    """Value of spelled-out numbers ("two thousand", "forty-five", "seven") or None."""
    total, current = 0.0, 0.0
    seen = False
    for w in words:
        for part in w.lower().split("-"):
            if part in WORDS:
                val = WORDS[part]
                if val == 100:
                    current = (current or 1) * 100
                else:
                    current += val
                seen = True
            elif part in SCALE_WORDS:
                total += (current or 1) * SCALE_WORDS[part]
                current = 0.0
                seen = True
            elif part in ("and", ""):
                continue
            else:
                return None
    return total + current if seen else None


def parse_number(text: str) -> float | None:
    """Value of a number written with digits or words ("1,200", "2,000-plus", "forty-five")."""
    t = text.replace(",", "").replace("\u00a0", "").strip().removesuffix("-plus")
    try:
        return float(t)
    except ValueError:
        return word_number(text.split())


def is_word_number(tok: Any) -> bool:
    low = tok.lower_
    return low in WORDS or bool(re.fullmatch(r"[a-z]+-[a-z]+", low) and word_number([low]) is not None)


def is_number_token(tok: Any) -> bool:
    return bool(_DIGITS.match(tok.text)) or is_word_number(tok) or bool(_GLUED.match(tok.text))


def _glued(tok: Any, prev: Any | None, prefixes: Collection[str]) -> tuple[float, float] | None:
    """(number, scale) of a token like "20bn"; one-letter scales only after a currency ("$5m")."""
    m = _GLUED.match(tok.text)
    if not m:
        return None
    suffix = m.group(2).lower()
    if len(suffix) == 1 and not (prev is not None and prev.text in prefixes):
        return None
    scale = {"bn": 1e9, "b": 1e9, "mn": 1e6, "mln": 1e6, "m": 1e6, "tn": 1e12, "k": 1e3}[suffix]
    return float(m.group(1).replace(",", "")), scale


def _glued_to(parsed: Any, a: int, b: int) -> bool:
    """Tokens a and b are written without a space between them ("Twenty-seven")."""
    return not parsed[a].whitespace_ and b == a + 1


def read_fraction(parsed: Any, i: int) -> Number | None:
    """A fraction of a whole at token i, as a percentage: "three-quarters", "a third", "half"."""
    n = len(parsed)
    low = parsed[i].lower_
    if low == "half":
        return Number(i, i, 50.0, False, fraction=True)
    if low not in _NUMERATORS:
        return None
    k = i + 1
    if k < n and parsed[k].text in ("-", "–") and _glued_to(parsed, i, k):
        k += 1
    if k >= n or parsed[k].lower_ not in FRACTIONS:
        return None
    den = FRACTIONS[parsed[k].lower_]
    num = _NUMERATORS[low]
    if den == 2 and num != 1:
        return None
    if parsed[k].lower_.endswith("s") and num == 1 and den != 2:
        return None  # "a thirds" is not English; "one of the quarters"
    return Number(i, k, round(100.0 * num / den, 2), False, fraction=True)


def read_ratio(parsed: Any, num: Number, prefixes: Collection[str]) -> Number | None:
    """ "1 in 5 Ukrainians", "nine out of ten exports": the share ``num`` of a whole, as a percentage."""
    k = num.end + 1
    n = len(parsed)
    if k < n and parsed[k].lower_ == "in":
        k += 1
    elif k + 2 < n and parsed[k].lower_ == "out" and parsed[k + 1].lower_ == "of":
        k += 2
    else:
        return None
    if k >= n or not is_number_token(parsed[k]):
        return None
    whole = read_number(parsed, k, prefixes)
    if whole is None or whole.scaled or not 0 < num.value < whole.value <= 1000 or num.scaled:
        return None
    return Number(num.start, whole.end, round(100.0 * num.value / whole.value, 2), num.digits, fraction=True,
                  ratio=True)


def read_number(parsed: Any, i: int, prefixes: Collection[str],
                scales: dict[str, float] | None = None) -> Number | None:
    """The number starting at token i, with any scale words after it (``scales``: word -> factor), or None.

    ``prefixes`` are the currency signs and codes written before a number: after one, a one-letter scale
    counts ("$5m", "£3.5 m"); elsewhere "5 m" may be metres."""
    scales = scales if scales is not None else SCALE_WORDS
    n = len(parsed)
    tok = parsed[i]
    prev = parsed[i - 1] if i > 0 else None
    glued = _glued(tok, prev, prefixes)
    if glued is not None:
        return Number(i, i, glued[0] * glued[1], True, scaled=True)
    if _DIGITS.match(tok.text):
        value = parse_number(tok.text)
        if value is None:
            return None
        j, scale = i, 1.0
        money = prev is not None and prev.text in prefixes
        while j + 1 < n and (parsed[j + 1].lower_ in scales and (len(parsed[j + 1].text) > 1 or money)):
            scale *= scales[parsed[j + 1].lower_]  # "1.5 million", "5,000 crore", "£3.5 m" after a currency
            j += 1
        value *= scale
        j, value = _and_a_half(parsed, j, value, scale)
        plus = tok.lower_.endswith("-plus")
        if j + 2 < n and parsed[j + 1].text == "-" and parsed[j + 2].lower_ == "plus" and not parsed[j].whitespace_:
            j, plus = j + 2, True  # "2,000-plus" as the tokenizer splits it
        elif j + 1 < n and parsed[j + 1].text == "+" and not parsed[j].whitespace_:
            j, plus = j + 1, True
        return Number(i, j, value, True, scaled=scale != 1.0, plus=plus)
    if not is_word_number(tok):
        return None
    words = [tok.text]
    j = i
    while j + 1 < n:
        nxt = parsed[j + 1]
        if is_word_number(nxt) or nxt.lower_ in SCALE_WORDS:
            words.append(nxt.text)
            j += 1
        elif (nxt.text in ("-", "–") and _glued_to(parsed, j, j + 1) and j + 2 < n and _glued_to(parsed, j + 1, j + 2)
              and parsed[j].lower_ in TENS and parsed[j + 2].lower_ in WORDS and WORDS[parsed[j + 2].lower_] < 10):
            words.append(parsed[j + 2].text)  # "Twenty - seven" as the tokenizer splits it
            j += 2
        elif (nxt.lower_ == "and" and j + 2 < n and parsed[j].lower_ in ("hundred", "thousand")
              and is_word_number(parsed[j + 2])):
            j += 1  # "two hundred and fifty"
        else:
            break
    value = word_number(words)
    if value is None:
        return None
    j, value = _and_a_half(parsed, j, value, 1.0)
    return Number(i, j, value, False, scaled=any(w.lower() in SCALE_WORDS for w in words))


def _and_a_half(parsed: Any, j: int, value: float, scale: float) -> tuple[int, float]:
    """ "one and a half", "five and a half" add a half (of the scale: "1 and a half million" is rare)."""
    if j + 3 < len(parsed) and [t.lower_ for t in parsed[j + 1:j + 4]] == ["and", "a", "half"]:
        return j + 3, value + 0.5 * scale
    return j, value
