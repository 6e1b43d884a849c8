"""Numeric claims: every number the text asserts, with unit, qualifier, period, subject, indicator.

A claim is a number with something to measure: a percentage (or a fraction of a whole: "three-
quarters of", "a third"), an amount of money (currency and scale: "$1.2bn", "€100 billion"), a
measure (``data/units.yaml``: "1.2 million barrels per day", "4.5 billion cubic metres"), a count of
a noun ("2,000-plus troops", "41 Member States", "1.4 million Hungarians", "a 60-day suspension"),
a range of any of these ("1.5 million to 2 million Uzbeks": two claims) or a vote tally (votes and
abstentions, :mod:`.tallies`).

Not claims: years and dates ("5 November 2024", "Aug 6", "2022-23"), document and resolution
symbols ("ES-11/4", "S/2022/155"), numbers in names ("Leopard 2", "G20"), references ("Article 5",
"No. 12"), list numbers and tables of contents, clock times, ages, ordinals, relative time offsets
("two months ago"), periods ("the first seven months"), anaphoric pairs ("the two states"), vague
quantities ("several hundred") and numbers followed by nothing countable: when in doubt, no claim
(:mod:`.context`, :mod:`.units`).
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Claim, Document
from . import context as ctx
from .describe import indicator, period, subject, voted_on, voting_body
from .numbers import (
    SCALE_WORDS,
    Number,
    is_number_token,
    parse_number,
    read_fraction,
    read_number,
    read_ratio,
    word_number,
)
from .tallies import read_tallies
from .units import Counted, Units, count_unit, counted_after, load_units, measure_after

__all__ = ["ClaimExtractor", "load_units", "parse_number", "word_number"]

_QUALIFIERS = [
    ("at least", "at least"), ("no fewer than", "at least"), ("no less than", "at least"), ("a minimum of", "at least"),
    ("upwards of", "more than"), ("more than", "more than"), ("over", "more than"), ("above", "more than"),
    ("in excess of", "more than"), ("exceeding", "more than"), ("less than", "less than"),
    ("fewer than", "less than"), ("under", "less than"), ("below", "less than"), ("up to", "at most"),
    ("at most", "at most"), ("no more than", "at most"), ("a maximum of", "at most"), ("nearly", "about"),
    ("almost", "about"), ("about", "about"), ("around", "about"), ("approximately", "about"), ("roughly", "about"),
    ("some", "about"), ("an estimated", "about"), ("the estimated", "about"), ("estimated", "about"),
    ("close to", "about"), ("barely", "about"), ("exactly", "exactly"),
]
_PERCENT = {"%", "percent", "per cent", "pct", "pc"}
_OFFSET_AFTER = {"ago", "before", "after", "later", "earlier", "since", "prior", "previously"}
_PERIOD_BEFORE = {"first", "last", "past", "previous", "recent", "final", "initial", "early", "late"}
_DURATION_WORDS = {"for", "last", "take", "spend", "serve", "stay", "remain", "continue", "extend", "within", "during",
                   "over", "run"}
_TIME_UNITS = {"year", "month", "week", "day", "hour", "decade", "century", "minute"}
_DEFINITE = {"the", "these", "those", "its", "their", "his", "her", "our", "both", "all", "my", "your"}
_DEFINITE_SETS = {"the", "these", "those", "all"}
_ARTICLE_MEASURES = {"year": 1, "month": 1, "week": 1, "day": 1, "hour": 1, "minute": 1, "gram": 1, "kilogram": 1,
                     "tonne": 1, "ton": 1, "kilometre": 1, "kilometer": 1, "mile": 1, "decade": 10, "century": 100,
                     "dozen": 12}
_RANGE_LINKS = {"to", "-", "–", "and", "or"}
_SYMBOL_CURRENCIES = {"$", "€", "£", "¥", "₸", "₽", "US$"}
_MULTIPLIERS = {"double": 100.0, "triple": 200.0, "treble": 200.0, "quadruple": 300.0}


class ClaimExtractor:
    def __init__(self) -> None:
        self.units: Units = load_units()

    def extract(self, doc: Document) -> list[Claim]:
        out, skip = self._tallies(doc)
        out.extend(self._multipliers(doc))
        self._said: dict[int, str] = {}  # sentence (spaCy start token) -> unit of its last count or sum
        parsed = doc.parsed
        # a state's people named by their demonym ("Uzbeks", "Kyrgyz"), as the actor stage resolved them
        nationals = {m.head for m in doc.mentions
                     if m.code and len(m.code) == 3 and m.head >= 0 and m.rule in ("people", "adjective")}
        i, n = 0, len(parsed)
        while i < n:
            if i in skip or not (is_number_token(parsed[i]) or parsed[i].lower_ in ("a", "an", "half")):
                i += 1
                continue
            num = self._number(parsed, i)
            if num is None:
                i += 1
                continue
            claims, last = self._claims(doc, num, nationals, skip)
            for c in claims:
                if c.unit != "percent":
                    self._said[parsed[num.start].sent.start] = c.unit
            out.extend(claims)
            i = max(last, num.end) + 1
        return out

    # -- numbers -----------------------------------------------------------------------------------
    def _number(self, parsed: Any, i: int) -> Number | None:
        low = parsed[i].lower_
        nxt = parsed[i + 1].lower_ if i + 1 < len(parsed) else ""
        if low in ("a", "an") and nxt in SCALE_WORDS:
            return Number(i, i + 1, SCALE_WORDS[nxt], False, scaled=True)  # "over a million Ukrainians"
        if low == "half" and nxt in ("a", "an") and i + 2 < len(parsed) and parsed[i + 2].lower_ in SCALE_WORDS:
            return Number(i, i + 2, 0.5 * SCALE_WORDS[parsed[i + 2].lower_], False, scaled=True)  # "half a million"
        if low in ("a", "an"):
            return read_fraction(parsed, i) or self._article_measure(parsed, i)
        num = read_fraction(parsed, i) or read_number(parsed, i, self.units.prefixes, self.units.scales)
        if num is not None and not num.fraction:
            return read_ratio(parsed, num, self.units.prefixes) or num
        return num

    @staticmethod
    def _article_measure(parsed: Any, i: int) -> Number | None:
        """ "at least a year", "less than a gram", "more than a decade", "a dozen": only after a qualifier."""
        if i + 1 >= len(parsed) or _qualifier_before(parsed, i) is None:
            return None
        nxt = parsed[i + 1]
        value = _ARTICLE_MEASURES.get(nxt.lower_)
        if value is None:
            return None
        return Number(i, i + 1 if nxt.lower_ in ("dozen", "decade", "century") else i, float(value), False)

    # -- claims ------------------------------------------------------------------------------------
    def _claims(self, doc: Document, num: Number, nationals: set[int], skip: set[int]) -> tuple[list[Claim], int]:
        """Claims for the number ``num`` (two for a range) and the last token they use."""
        parsed = doc.parsed
        if self._not_a_quantity(doc, num):
            return [], num.end
        partner = None if num.fraction else self._range_partner(parsed, num, skip)
        second: tuple[Any, ...] | None = None
        if partner is not None and not self._not_a_quantity(doc, partner):
            second = self._measure(doc, partner, nationals)
        first = self._measure(doc, num, nationals, own_only=partner is not None)
        if partner is not None and second is not None:
            if first is None:  # "1.5 to 2 million Uzbeks", "between 200 and 300 people": the unit is said once
                scale = _scale_of(partner, parsed, self.units.scales)
                if partner.scaled and not num.scaled and num.value <= partner.value / scale:
                    num.value *= scale
                first = (second[0], num.end, second[2], num.start)
            claims = [c for c in (self._claim(doc, num, first), self._claim(doc, partner, second)) if c is not None]
            if len(claims) == 2 and claims[1].qualifier is None:
                claims[1].qualifier = claims[0].qualifier
            return claims, max(partner.end, second[1])
        if first is None:
            return [], num.end
        claim = self._claim(doc, num, first)
        return ([claim] if claim else []), first[1]

    def _range_partner(self, parsed: Any, num: Number, skip: set[int]) -> Number | None:
        """The second number of a range right after ``num`` ("25% to 45%", "10,000-15,000", "between 3 and 5")."""
        k = num.end + 1
        while k < len(parsed) and (parsed[k].text in _PERCENT or parsed[k].text in self.units.prefixes):
            k += 1  # "25% to 45%"
        if k + 1 >= len(parsed) or parsed[k].lower_ not in _RANGE_LINKS:
            return None
        if parsed[k].lower_ == "and" and not any(t.lower_ == "between" for t in parsed[max(0, num.start - 3):num.start]):
            return None
        if parsed[k].lower_ == "or" and not num.digits:
            return None
        j = k + 1
        if parsed[j].text in _SYMBOL_CURRENCIES or parsed[j].text in self.units.prefixes:
            j += 1
        if j >= len(parsed) or j in skip or not is_number_token(parsed[j]):
            return None
        other = read_number(parsed, j, self.units.prefixes, self.units.scales)
        if other is None or (num.digits and ctx.is_year(parsed[num.start].text) and other.value < 100):
            return None
        return other

    def _not_a_quantity(self, doc: Document, num: Number) -> bool:
        parsed = doc.parsed
        if num.digits:
            last = parsed[num.start]
            if ctx.in_symbol(doc.text, last.idx, last.idx + len(last.text)):
                return True
        return (ctx.in_date(parsed, num) or ctx.in_enumeration(parsed, num) or
                ctx.in_reference(parsed, num, self.units.references) or ctx.is_clock(parsed, num) or
                ctx.is_age(parsed, num) or ctx.is_vague(parsed, num))

    def _measure(self, doc: Document, num: Number, nationals: set[int],
                 own_only: bool = False) -> tuple[str, int, Any | None, int] | None:
        """(unit, last token, counted noun or None, first token incl. currency) of ``num``, or None."""
        parsed, u = doc.parsed, self.units
        n = len(parsed)
        prev = parsed[num.start - 1] if num.start > 0 else None
        k = num.end + 1
        nxt = parsed[k] if k < n else None
        if num.fraction:
            return self._fraction(parsed, num)
        if prev is not None and (prev.text in u.prefixes or prev.text in _SYMBOL_CURRENCIES):
            unit = u.currencies.get(prev.text) or u.currencies.get(prev.text.lower()) or "USD"
            return unit, num.end, None, num.start - 1
        if nxt is None or nxt.sent.start != parsed[num.start].sent.start:
            return None  # what follows in the next sentence is not this number's unit
        if nxt.text in u.prefixes and k + 1 < n and is_number_token(parsed[k + 1]):
            return None  # "in March 2022 $4.5 billion": the currency is the next number's
        if (nxt.lemma_.lower() in u.currencies and nxt.lower_ not in ("sum", "som")) or \
                (nxt.lower_ in ("us", "u.s.") and k + 1 < n and parsed[k + 1].lemma_.lower() == "dollar"):
            last = k + 1 if nxt.lower_ in ("us", "u.s.") else k
            return u.currencies[parsed[last].lemma_.lower()], last, None, num.start
        if nxt.lower_ in u.scaled_measures and not num.scaled:
            unit, factor = u.scaled_measures[nxt.lower_]
            num.value *= factor  # "55 bcm"
            num.scaled = True
            return unit, k, None, num.start
        measure = measure_after(doc.text, parsed, k, u)
        if measure is not None:
            return measure[0], measure[1], None, num.start
        if nxt.text in _PERCENT or nxt.lower_ in _PERCENT:
            return "percent", k, None, num.start
        if nxt.lower_ == "per" and k + 1 < n and parsed[k + 1].lower_ == "cent":
            return "percent", k + 1, None, num.start
        if own_only and nxt.lower_ in _RANGE_LINKS:
            return None
        return self._count(doc, num, nationals)

    def _fraction(self, parsed: Any, num: Number) -> tuple[str, int, Any | None, int] | None:
        """ "three-quarters of that", "a third", "more than half of GDP", "a two-thirds majority"."""
        if num.ratio:
            return "percent", num.end, None, num.start
        prev = parsed[num.start - 1] if num.start > 0 else None
        nxt = parsed[num.end + 1] if num.end + 1 < len(parsed) else None
        if prev is not None and (prev.lower_ in ("the", "first", "second", "last", "latter", "former", "other")
                                 or prev.ent_type_ == "ORDINAL"):
            return None  # "the second half of 2022", "the first quarter"
        of_object = parsed[num.end + 2] if nxt is not None and nxt.lower_ == "of" and num.end + 2 < len(parsed) else None
        if of_object is not None and (of_object.ent_type_ == "DATE" or ctx.is_year(of_object.text)
                                      or of_object.lemma_.lower() in _TIME_UNITS):
            return None  # "half of 2023", "a quarter of a century"
        qualified = _qualifier_before(parsed, num.start) is not None or (prev is not None and prev.lower_ in ("by",))
        if of_object is not None or (nxt is not None and nxt.lower_ == "majority") or qualified:
            if parsed[num.start].lower_ == "half" and of_object is None and not qualified:
                return None
            return "percent", num.end, None, num.start
        return None

    def _count(self, doc: Document, num: Number, nationals: set[int]) -> tuple[str, int, Any | None, int] | None:
        parsed = doc.parsed
        sent = parsed[num.start].sent
        if num.digits and (ctx.in_name(parsed, num, self.units.prefixes) or parsed[num.start].ent_type_ == "ORDINAL"):
            return None
        if num.value == 1 and not num.digits and parsed[num.start].lower_ not in ("a", "an"):
            return None  # "one of", "one" as a pronoun
        if num.start == num.end - 1 and parsed[num.end].lower_ in ("decade", "century"):
            return "years", num.end, parsed[num.end], num.start
        counted = counted_after(parsed, num.end, sent.end, nationals, self.units.noun_units)
        partitive = counted is None
        if counted is None:
            counted = _partitive(parsed, num, sent.end, self.units)
        if counted is None:
            return self._elided(parsed, num)
        unit = count_unit(counted, num.value, self.units, nationals)
        if unit is None:
            return None
        noun = counted.head
        if num.digits and ctx.is_year(parsed[num.start].text) and num.start == num.end and (
                unit not in self.units.noun_units.values() or parsed[num.start].ent_type_ == "DATE"):
            return None  # "the 2022 elections", "the 1936 Montreux Convention"
        if self._time_reference(parsed, num, counted):
            return None
        if not num.digits and not counted.compound and not partitive and _anaphoric(parsed, num, noun):
            return None
        return unit, num.end if partitive else noun.i, noun, num.start

    def _elided(self, parsed: Any, num: Number) -> tuple[str, int, Any | None, int] | None:
        """A number whose noun was said earlier in the sentence: "23 people were killed and 28 wounded",
        "222 thousand had been mobilised", "6.3 billion euros ... rather than the 7.5 billion".

        Only a number that ends its phrase (a verb, or the clause's end, follows it) or carries a scale
        word takes the unit of the sentence's previous count or sum; anything else stays unit-less.
        """
        unit = self._said.get(parsed[num.start].sent.start)
        if unit is None or (num.digits and ctx.is_year(parsed[num.start].text)):
            return None
        nxt = parsed[num.end + 1] if num.end + 1 < len(parsed) else None
        ends = nxt is None or nxt.text in (".", ";", ")") or (nxt.pos_ in ("AUX", "VERB") and nxt.tag_ != "VBG")
        if nxt is not None and nxt.tag_ == "VBN" and nxt.dep_ != "amod":
            ends = True  # "28 wounded"
        money = unit.isupper() and num.scaled
        if not (ends or money):
            return None
        return unit, num.end, None, num.start

    def _multipliers(self, doc: Document) -> list[Claim]:
        """ "Trade nearly doubled", "transfers more than tripled": a growth of 100% or 200%.

        Only an intransitive use counts ("doubled its efforts", "doubled down" say nothing measurable).
        """
        out: list[Claim] = []
        for t in doc.parsed:
            growth = _MULTIPLIERS.get(t.lemma_.lower())
            if growth is None or t.pos_ != "VERB" or any(c.dep_ in ("dobj", "prt", "attr", "oprd") for c in t.children):
                continue
            sent = doc.sentence_of(t.idx)
            if sent is None or doc.text[sent.start:sent.end].rstrip().endswith("?"):
                continue
            adv = [c for c in t.children if c.dep_ == "advmod" and c.i < t.i]
            first = adv[0].i if adv else t.i
            qualifier = _qualifier_before(doc.parsed, t.i) or _qualifier(doc.parsed, first, t.i)
            if qualifier is None and adv:
                qualifier = _qualifier_before(doc.parsed, adv[-1].i + 1)
            subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
            what = " ".join(x.text for x in subj[0].subtree) if subj else t.lemma_
            out.append(Claim(indicator=f"growth of {what}", value=growth, unit="percent", start=sent.start,
                             end=sent.end, subject=subject(doc, sent.idx), qualifier=qualifier,
                             period=period(doc, sent.idx), sent=sent.idx,
                             surface=doc.text[doc.parsed[first].idx:t.idx + len(t.text)]))
        return out

    @staticmethod
    def _time_reference(parsed: Any, num: Number, counted: Counted) -> bool:
        """ "two months ago", "three weeks later", "the first seven months", "two days after"."""
        noun = counted.head
        if noun.lemma_.lower() not in _TIME_UNITS:
            return False
        after = parsed[noun.i + 1] if noun.i + 1 < len(parsed) else None
        before = [t.lower_ for t in parsed[max(0, num.start - 3):num.start]]
        lasting = any(t.lemma_.lower() in _DURATION_WORDS for t in parsed[max(0, num.start - 3):num.start])
        if after is not None and after.lower_ in _OFFSET_AFTER and not lasting and (
                noun.dep_ == "npadvmod" or noun.head.i == after.i or after.lower_ == "ago"):
            return True  # "two days after the vote", not "lasted 72 hours before fighting resumed"
        if any(b in _PERIOD_BEFORE for b in before[-2:]):
            return True
        if before and before[-1] in ("the", "those", "these") and not lasting:
            return True  # "in the three months to June": a period, not a duration
        return noun.ent_type_ == "DATE" and num.digits and ctx.is_year(parsed[num.start].text)

    def _claim(self, doc: Document, num: Number, measure: tuple[str, int, Any | None, int]) -> Claim | None:
        parsed = doc.parsed
        unit, end, noun, start_tok = measure
        sent = doc.sentence_of(parsed[num.start].idx)
        if sent is None or doc.text[sent.start:sent.end].rstrip().endswith("?"):
            return None  # a question asserts no number
        qualifier = "more than" if num.plus else _qualifier(parsed, start_tok, num.end)
        surface_end = parsed[num.end].idx + len(parsed[num.end].text)
        if noun is None and end > num.end:
            surface_end = parsed[end].idx + len(parsed[end].text)
        return Claim(indicator=indicator(parsed, start_tok, max(end, num.end) if noun is None else num.end, noun),
                     value=num.value, unit=unit, start=sent.start, end=sent.end, subject=subject(doc, sent.idx),
                     qualifier=qualifier, period=period(doc, sent.idx), sent=sent.idx,
                     surface=doc.text[parsed[start_tok].idx:surface_end])

    # -- tallies -----------------------------------------------------------------------------------
    def _tallies(self, doc: Document) -> tuple[list[Claim], set[int]]:
        out: list[Claim] = []
        skip: set[int] = set()
        parsed = doc.parsed
        starts = {t.idx: t.i for t in parsed}
        for sent in doc.sentences:
            text = doc.text[sent.start:sent.end]
            parts = read_tallies(text) if not text.rstrip().endswith("?") else []
            for p in parts:
                a, b = sent.start + p.span[0], sent.start + p.span[1]
                skip.update(t.i for t in parsed if a <= t.idx < b)
                tok = starts.get(sent.start + p.start)
                what = voted_on(parsed, tok) if tok is not None else ""
                out.append(Claim(indicator=f"{p.role} ({what})" if what else p.role, value=p.value, unit=p.unit,
                                 start=sent.start, end=sent.end, subject=voting_body(doc, sent.idx, tok), qualifier=None,
                                 period=period(doc, sent.idx), sent=sent.idx,
                                 surface=doc.text[sent.start + p.start:sent.start + p.end]))
        return out, skip


def _anaphoric(parsed: Any, num: Number, noun: Any) -> bool:
    """ "the two states", "all three countries": a spelled-out number after a definite word refers back to
    a set already named, unless a clause or phrase after the noun says which ("the four men charged with
    the attack", "the nine packages the EU adopted")."""
    prev = parsed[num.start - 1] if num.start > 0 else None
    if prev is not None and prev.lower_ in ("next", "coming", "following"):
        return False  # "for the next sixty years": a duration
    dets = {c.lower_ for c in noun.children if c.dep_ in ("det", "poss") and c.i < num.start}
    if prev is not None:
        dets.add(prev.lower_)
    if not dets & (_DEFINITE if num.value <= 2 else _DEFINITE_SETS):
        return False  # "its three moorings" names a number the reader did not know
    defining = ("relcl", "acl") if num.value <= 2 else ("relcl", "acl", "prep")
    return not any(c.dep_ in defining and c.i > noun.i for c in noun.children)


def _partitive(parsed: Any, num: Number, sent_end: int, units: Units) -> Counted | None:
    """ "two of its three moorings", "about 100 of its own soldiers": the noun of the "of" phrase."""
    k = num.end + 1
    if k + 2 >= sent_end or parsed[k].lower_ != "of" or parsed[k + 1].lower_ not in _DEFINITE | {"its"}:
        return None
    j = k + 2
    owner = next((t.i for t in parsed[j:min(sent_end, j + 5)] if t.text in ("'s", "’s")), None)
    if owner is not None:
        j = owner + 1  # "two of the province's five bridges"
    if j < sent_end and parsed[j].lower_ == "own":
        j += 1
    if j < sent_end and is_number_token(parsed[j]):
        other = read_number(parsed, j, units.prefixes, units.scales)
        j = other.end + 1 if other is not None else j
    return counted_after(parsed, j - 1, sent_end)


def _scale_of(num: Number, parsed: Any, scales: dict[str, float]) -> float:
    """The scale of a number ("2 million" -> 1e6) from its scale words."""
    scale = 1.0
    for t in parsed[num.start + 1:num.end + 1]:
        scale *= scales.get(t.lower_, 1.0)
    m = re.match(r"^\d[\d,.]*(bn|mn|tn|m|k|b)$", parsed[num.start].text, re.IGNORECASE)
    if m:
        scale *= {"bn": 1e9, "b": 1e9, "mn": 1e6, "m": 1e6, "tn": 1e12, "k": 1e3}[m.group(1).lower()]
    return scale


def _qualifier_before(parsed: Any, first: int) -> str | None:
    before = " ".join(t.lower_ for t in parsed[max(0, first - 3):first])
    for phrase, q in sorted(_QUALIFIERS, key=lambda pq: -len(pq[0])):  # "no more than" before "more than"
        if before == phrase or before.endswith(" " + phrase):
            return q
    return None


def _qualifier(parsed: Any, first: int, last: int) -> str | None:
    q = _qualifier_before(parsed, first)
    if q is not None:
        return q
    if parsed[first].lower_.endswith("-plus") or parsed[last].lower_.endswith("-plus"):
        return "more than"
    after = parsed[last + 1:last + 3]
    if len(after) >= 2 and after[0].text in ("-", "–") and after[1].lower_ == "plus":
        return "more than"
    if len(after) >= 1 and after[0].lower_ in ("-plus", "plus", "+"):
        return "more than"
    return None
