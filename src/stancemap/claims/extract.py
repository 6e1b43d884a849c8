"""Numeric claims: every number the text asserts, with unit, qualifier, period, subject, indicator.

A claim is a number with something to measure: a percentage, an amount of money (currency and
scale), or a count of a noun ("2,000-plus troops", "7.8 thousand Russian companies", "40 tons",
"two thousand people", "five years in prison"). Not claims: years and dates, ordinals ("second
largest"), page and article numbers, relative time offsets ("two months ago", "days after"),
periods ("the first seven months"), definite references ("the two states"), and vague quantities
("thousands"). Units and the nouns that are never counted live in ``data/units.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .. import yamlio
from ..model import Claim, Document, Mention

_WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
          "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12}
_QUALIFIERS = [
    ("at least", "at least"), ("no fewer than", "at least"), ("no less than", "at least"),
    ("upwards of", "more than"), ("more than", "more than"), ("over", "more than"), ("above", "more than"),
    ("in excess of", "more than"), ("exceeding", "more than"), ("less than", "less than"), ("fewer than", "less than"),
    ("under", "less than"), ("below", "less than"), ("up to", "less than"), ("nearly", "about"),
    ("almost", "about"), ("about", "about"), ("around", "about"), ("approximately", "about"),
    ("roughly", "about"), ("some", "about"), ("an estimated", "about"), ("close to", "about"), ("exactly", "exactly"),
]
_PERCENT = {"%", "percent", "per cent", "pct", "percentage"}
_OFFSET_AFTER = {"ago", "before", "after", "later", "earlier", "since", "prior"}
_PERIOD_BEFORE = {"first", "last", "past", "next", "previous", "coming", "recent", "following"}
_GENERIC_MEASURES = {"record", "figure", "level", "sum", "amount", "total", "mark", "value", "number", "rate", "%",
                     "prospect", "expectation", "chance", "high", "low", "peak"}
_DEFINITE = {"the", "these", "those", "its", "their", "his", "her", "our", "both", "all"}
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b", re.IGNORECASE)


@dataclass(frozen=True)
class Units:
    currencies: dict[str, str]
    scales: dict[str, float]
    noun_units: dict[str, str]
    not_claims: frozenset[str]


@lru_cache(maxsize=1)
def load_units() -> Units:
    data = yamlio.load(resources.files("stancemap.claims").joinpath("data/units.yaml").read_text("utf-8"))
    nouns = {w.lower(): unit for unit, words in data["units"].items() for w in words}
    return Units({k.lower() if len(k) > 1 else k: v for k, v in data["currencies"].items()},
                 {k.lower(): float(v) for k, v in data["scales"].items()}, nouns,
                 frozenset(w.lower() for w in data["not_claims"]))


def word_number(words: list[str]) -> float | None:
    """Value of spelled-out numbers ("two thousand", "forty-five", "seven") or None."""
    total, current = 0.0, 0.0
    seen = False
    for w in words:
        for part in w.lower().split("-"):
            if part in _WORDS:
                val = _WORDS[part]
                if val == 100:
                    current = (current or 1) * 100
                else:
                    current += val
                seen = True
            elif part in ("thousand", "million", "billion", "trillion"):
                scale = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}[part]
                total += (current or 1) * scale
                current = 0.0
                seen = True
            elif part == "and":
                continue
            else:
                return None
    return total + current if seen else None


def parse_number(text: str) -> float | None:
    t = text.replace(",", "").replace("\u00a0", "").strip().removesuffix("-plus")
    try:
        return float(t)
    except ValueError:
        return word_number(text.split())


def _is_num(tok: Any) -> bool:
    low = tok.lower_
    if re.fullmatch(r"\d[\d,]*(\.\d+)?(-plus)?", tok.text):
        return True
    return low in _WORDS or low in ("thousand", "million", "billion", "trillion") or bool(
        re.fullmatch(r"[a-z]+-[a-z]+", low) and word_number([low]) is not None)


def _qualifier(parsed: Any, first: int, last: int) -> str | None:
    before = " ".join(t.lower_ for t in parsed[max(0, first - 3):first])
    for phrase, q in _QUALIFIERS:
        if before.endswith(phrase):
            return q
    if parsed[first].lower_.endswith("-plus"):
        return "more than"
    after = parsed[last + 1:last + 3]
    if len(after) >= 2 and after[0].text in ("-", "–") and after[1].lower_ == "plus":
        return "more than"
    if len(after) >= 1 and after[0].lower_ in ("-plus", "plus", "+"):
        return "more than"
    return None


class ClaimExtractor:
    def __init__(self) -> None:
        self.units = load_units()

    def extract(self, doc: Document) -> list[Claim]:
        parsed = doc.parsed
        u = self.units
        out: list[Claim] = []
        index = {m.head: m for m in doc.mentions if m.head >= 0}
        # A number, its currency and its scale are read within one sentence: "... in March 2022" and a
        # "$4.5 billion" that starts the next sentence are not "2022 dollars".
        for sentence in parsed.sents:
            i, n = sentence.start, sentence.end
            while i < n:
                tok = parsed[i]
                if not _is_num(tok):
                    i += 1
                    continue
                j = i
                while j + 1 < n and (_is_num(parsed[j + 1]) or (parsed[j + 1].lower_ in u.scales and parsed[j + 1].lower_
                                     in ("thousand", "million", "billion", "trillion", "bn", "mn"))):
                    j += 1
                claim = self._claim(doc, i, j, index, sentence.start, n)
                if claim is not None:
                    out.append(claim)
                i = j + 1
        return out

    def _claim(self, doc: Document, i: int, j: int, index: dict[int, Mention], lo: int, hi: int) -> Claim | None:
        """The claim of the number at tokens ``i..j``, reading neighbours only in its sentence ``[lo, hi)``."""
        parsed, u = doc.parsed, self.units
        span = parsed[i:j + 1]
        words = [t.text for t in span]
        scale = 1.0
        num_words = list(words)
        if num_words[-1].lower() in u.scales and len(num_words) > 1 and re.match(r"\d", num_words[0]):
            scale = u.scales[num_words[-1].lower()]
            num_words = num_words[:-1]
        value = parse_number(" ".join(num_words)) if len(num_words) > 1 and not re.match(r"\d", num_words[0]) \
            else parse_number(num_words[0]) if len(num_words) == 1 else None
        if value is None and all(re.match(r"\d", w) for w in num_words):
            return None
        if value is None:
            value = word_number(num_words)
        if value is None:
            return None
        prev = parsed[i - 1] if i > lo else None
        nxt = parsed[j + 1] if j + 1 < hi else None
        nxt2 = parsed[j + 2] if j + 2 < hi else None
        # Currency before ("$24.2 billion") or after ("150 million tenge"); scale after the number.
        unit: str | None = None
        end = j
        if nxt is not None and nxt.lower_ in u.scales and len(nxt.lower_) > 1 and nxt.lower_ not in ("m", "b"):
            scale *= u.scales[nxt.lower_]
            end = j + 1
            nxt = parsed[end + 1] if end + 1 < hi else None
            nxt2 = parsed[end + 2] if end + 2 < hi else None
        if prev is not None and (prev.text in u.currencies or prev.text.upper() in ("USD", "EUR", "GBP", "KZT", "RUB")):
            unit = u.currencies.get(prev.text) or u.currencies.get(prev.text.upper())
        # A currency after the number ("150 million tenge"), unless a number follows it: then it is
        # that number's ("in March 2022 $4.5 billion" is not 2022 dollars).
        if unit is None and nxt is not None and nxt.lemma_.lower() in u.currencies \
                and not (nxt2 is not None and _is_num(nxt2)):
            unit = u.currencies[nxt.lemma_.lower()]
            end += 1
        if unit is None and nxt is not None and (nxt.text in _PERCENT or nxt.lower_ in _PERCENT or
                                                 (nxt.lower_ == "per" and nxt2 is not None and nxt2.lower_ == "cent")):
            unit = "percent"
            end += 1 if nxt.lower_ != "per" else 2
        start_tok = i - 1 if unit not in (None, "percent") and prev is not None and prev.text in u.currencies else i
        is_digits = bool(re.match(r"\d", words[0]))
        # Exclusions ----------------------------------------------------------------------------
        if parsed[i].ent_type_ == "DATE" and unit is None:
            ent = next((e for e in parsed.ents if e.start <= i < e.end), None)
            if ent is not None and _MONTH.search(ent.text):
                return None  # "March 11", "June 5"
        if unit is None:
            if is_digits and _YEAR.match(words[0]) and len(words) == 1:
                return None  # a year
            if parsed[i].ent_type_ in ("ORDINAL", "TIME", "CARDINAL") and parsed[i].ent_type_ != "CARDINAL":
                return None
            if prev is not None and prev.lower_.rstrip(".") in u.not_claims:
                return None  # "p. 250", "Article 5"
            if prev is not None and prev.text in ("(", "[") and nxt is not None and nxt.text in (")", "]"):
                return None  # "[1]"
            if value == 1 and not is_digits:
                return None  # "one of", "one" as a pronoun
            noun = self._counted_noun(parsed, i, end)
            if noun is None:
                return None
            lemma = noun.lemma_.lower()
            if lemma in u.not_claims or noun.lower_ in u.not_claims:
                return None
            if lemma in ("year", "month", "week", "day", "hour", "decade", "century"):
                after = parsed[noun.i + 1] if noun.i + 1 < len(parsed) else None
                before = [t.lower_ for t in parsed[max(0, i - 3):i]]
                if after is not None and after.lower_ in _OFFSET_AFTER and "for" not in before:
                    return None  # "two months ago", "days after"
                if any(b in _PERIOD_BEFORE for b in before[-2:]) or (noun.dep_ == "npadvmod" and after is not None \
                        and after.lower_ == "ago"):
                    return None  # "the first seven months"
                if noun.ent_type_ == "DATE" and _YEAR.match(words[0]):
                    return None
            dets = {c.lower_ for c in noun.children if c.dep_ in ("det", "poss")} | (
                {prev.lower_} if prev is not None else set())
            if not is_digits and dets & _DEFINITE:
                return None  # "the two states", "these two examples"
            unit = u.noun_units.get(lemma) or u.noun_units.get(noun.lower_) or self._plural(noun)
        else:
            noun = None
        if parsed[i].ent_type_ == "DATE" and unit not in ("years", "months", "weeks", "days", "percent") \
                and not (unit and unit.isupper()) \
                and (_YEAR.match(words[0]) or any(t.lower_ in _OFFSET_AFTER for t in parsed[i:end + 3])):
            return None
        value *= scale
        sent = doc.sentence_of(parsed[i].idx)
        if sent is None:
            return None
        qualifier = _qualifier(parsed, start_tok, end)
        surface_end = parsed[end].idx + len(parsed[end].text)
        return Claim(indicator=self._indicator(parsed, start_tok, end, noun), value=value, unit=unit,
                     start=sent.start, end=sent.end, subject=self._subject(doc, sent.idx, i, index),
                     qualifier=qualifier, period=self._period(doc, sent.idx), sent=sent.idx,
                     surface=doc.text[parsed[start_tok].idx:surface_end])

    @staticmethod
    def _counted_noun(parsed: Any, i: int, end: int) -> Any | None:
        """The noun a number counts: its head if the number modifies it, or the next noun."""
        for t in parsed[i:end + 1]:
            if t.dep_ in ("nummod", "quantmod") and t.head.pos_ in ("NOUN", "PROPN") and t.head.i > end:
                return t.head
            if t.dep_ in ("nummod", "quantmod") and t.head.dep_ == "nummod" and t.head.head.pos_ == "NOUN":
                return t.head.head
        k = end + 1
        while k < len(parsed) and k <= end + 4:
            t = parsed[k]
            if t.pos_ in ("NOUN", "PROPN"):
                return t
            if t.pos_ not in ("ADJ", "ADV", "PUNCT", "NUM", "ADP") and t.lower_ not in ("-", "plus", "of"):
                return None
            if t.pos_ == "ADP" and t.lower_ != "of":
                return None
            k += 1
        if parsed[i].dep_ in ("nsubj", "dobj", "pobj") and parsed[i].lower_ not in _WORDS:
            return None
        return None

    @staticmethod
    def _plural(noun: Any) -> str:
        lemma = noun.lemma_.lower()
        if lemma.endswith("y") and not lemma.endswith(("ay", "ey", "oy", "uy")):
            return lemma[:-1] + "ies"
        if lemma.endswith(("s", "x", "ch", "sh")):
            return lemma + "es" if not lemma.endswith("s") or noun.tag_ != "NNS" else lemma
        return lemma + "s"

    @staticmethod
    def _indicator(parsed: Any, i: int, end: int, noun: Any | None) -> str:
        """A short noun phrase saying what the number measures.

        Counts: the counted noun with its modifiers ("Russian companies", "tons of goods"). Shares and
        sums: what they are "of" ("75% of Kazakhstan's oil exports"), the noun they measure ("a trade
        volume of $24.2 billion"), or the subject of the verb they complete ("the share of imports
        reached 40.8%").
        """
        def text(tokens: list[Any], limit: int = 12) -> str:
            toks = [t for t in tokens if t.dep_ not in ("punct", "det") and not (i <= t.i <= end)][:limit]
            return " ".join(t.text for t in toks).replace(" ’s", "’s").replace(" 's", "'s")

        if noun is not None:
            mods = [t for t in noun.lefts if t.dep_ in ("amod", "compound") and t.i > end]
            words = [t.text for t in mods] + [noun.text]
            for c in noun.rights:
                if c.dep_ in ("acl", "prep") and c.i - noun.i <= 2:
                    words += [t.text for t in list(c.subtree)[:4]]
                    break
            gov = noun.head if noun.dep_ in ("nsubj", "nsubjpass", "dobj") else (
                noun.head.head if noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN" and
                noun.head.head.dep_ in ("nsubj", "dobj") else None)
            if gov is not None and gov.pos_ == "NOUN":
                gov = gov.head
            if gov is not None and gov.pos_ in ("VERB", "AUX") and gov.lemma_ != "be":
                words.append(f"({gov.lemma_})")  # "people (die)" is not "people (march)"
            return " ".join(words)
        # the unit token ("%", "billion", "tenge") or the number itself
        unit = parsed[end]
        anchor = unit
        for t in (unit, parsed[i]):
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "of":  # "75% of Kazakhstan's oil exports"
                    return text(list(c.subtree)[1:])
        node = anchor
        for _ in range(8):  # "... grew by 34%, with the prospect of reaching a $20 billion record": up to "grew"
            head = node.head
            if head.i == node.i:
                break
            if head.pos_ == "NOUN" and not (i <= head.i <= end) and head.lemma_ not in _GENERIC_MEASURES:
                # "a total trade volume of $24.2 billion", "$3 billion projects"
                return text([t for t in head.subtree if t.i < node.i or t.i > end][:10] or [head])
            if head.pos_ in ("VERB", "AUX") and head.dep_ in ("pcomp", "xcomp", "advcl", "acl") and not any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
                node = head  # "with the prospect of reaching a record": climb to the clause with a subject
                continue
            if head.pos_ in ("VERB", "AUX"):
                subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subj and subj[0].pos_ not in ("PRON",):
                    return text(list(subj[0].subtree)) + f" ({head.lemma_})"
                objs = [c for c in head.children if c.dep_ == "dobj" and not (i <= c.i <= end)]
                if objs:
                    return text(list(objs[0].subtree))
                return head.lemma_
            node = head
        return text(list(parsed[i].sent), 8)

    @staticmethod
    def _subject(doc: Document, sent_idx: int, i: int, index: dict[int, Mention]) -> str | None:
        states = [m for m in doc.mentions if m.sent == sent_idx and m.code and len(m.code) == 3]
        focal = doc.meta.get("focal")
        if focal and any(m.code == focal for m in states):
            return str(focal)
        if states:
            return states[0].code
        return str(focal) if focal else None

    @staticmethod
    def _period(doc: Document, sent_idx: int) -> str | None:
        for t in getattr(doc, "times", []) or []:
            if t.sent == sent_idx and t.value:
                v = str(t.value)
                return v if "/" in v else v[:7]
        return None
