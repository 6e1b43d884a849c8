"""What a number counts or measures: its unit, read from the words right after it.

Measures and currencies come from ``data/units.yaml``. A count's unit is the noun it counts: the
head of the noun phrase that follows the number ("400 German-made anti-tank rocket launchers" ->
rocket launchers, "41 Member States" -> states, "1.4 million Hungarians" -> people), or the noun
of a hyphenated compound ("a 15-member council" -> members, "a 60-day suspension" -> days). A
number followed by a name, a singular noun or nothing countable gets no unit, and so is no claim:
the extractor never invents a unit ("4 Russias", "9 Astanas", "12 Independences").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .. import yamlio

_QUOTES = {'"', "'", "“", "”", "‘", "’", "«", "»", "``", "''"}
_NAMED = {"GPE", "PERSON", "ORG", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE", "DATE",
          "TIME"}
_NAMES = {"ORG", "GPE", "NORP", "FAC", "PRODUCT", "LOC", "WORK_OF_ART", "EVENT", "LAW"}
_MODIFIER_DEPS = {"amod", "compound", "nmod", "nummod", "quantmod"}
_PEOPLE_LIKE = {"people", "troops"}


@dataclass(frozen=True)
class Units:
    currencies: dict[str, str]
    prefixes: frozenset[str]  # currency signs and codes written before the number ("$", "US$", "EUR", "Rs")
    scales: dict[str, float]
    noun_units: dict[str, str]
    measures: tuple[tuple[str, str], ...]  # (phrase, unit), longest phrase first
    scaled_measures: dict[str, tuple[str, float]]  # "bcm" -> (cubic metres, 1e9)
    compounds: tuple[tuple[tuple[str, ...], str], ...]  # (singular words, unit), longest first
    people_verbs: frozenset[str]
    references: frozenset[str]
    not_claims: frozenset[str]


@lru_cache(maxsize=1)
def load_units() -> Units:
    data = yamlio.load(resources.files("stancemap.claims").joinpath("data/units.yaml").read_text("utf-8"))
    nouns: dict[str, str] = {}
    compounds: list[tuple[tuple[str, ...], str]] = []
    for unit, words in data["units"].items():
        for w in words:
            parts = tuple(w.lower().replace("-", " ").split())
            if len(parts) == 1:
                nouns[parts[0]] = unit
            else:
                compounds.append((parts, unit))
    for unit, words in (data.get("compounds") or {}).items():
        for w in words:
            compounds.append((tuple(w.lower().replace("-", " ").split()), unit))
    measures = [(p.lower(), unit) for unit, phrases in (data.get("measures") or {}).items() for p in phrases]
    return Units(
        currencies={k.lower() if len(k) > 1 else k: v for k, v in data["currencies"].items()},
        prefixes=frozenset(k for k in data["currencies"] if not k.islower()),
        scales={k.lower(): float(v) for k, v in data["scales"].items()},
        noun_units=nouns,
        measures=tuple(sorted(measures, key=lambda m: -len(m[0]))),
        scaled_measures={str(k).lower(): (str(v[0]), float(v[1]))
                         for k, v in (data.get("scaled_measures") or {}).items()},
        compounds=tuple(sorted(compounds, key=lambda c: -len(c[0]))),
        people_verbs=frozenset(w.lower() for w in data.get("people_verbs") or []),
        references=frozenset(str(w).lower() for w in data.get("references") or []),
        not_claims=frozenset(str(w).lower() for w in data["not_claims"]),
    )


def measure_after(text: str, parsed: Any, k: int, units: Units) -> tuple[str, int] | None:
    """A several-word measure starting at token k ("barrels per day", "cubic metres"): (unit, last token)."""
    if k >= len(parsed):
        return None
    start = parsed[k].idx
    after = text[start:start + 48].lower()
    for phrase, unit in units.measures:
        if after.startswith(phrase) and (len(after) == len(phrase) or not after[len(phrase)].isalnum()):
            last = k
            while last + 1 < len(parsed) and parsed[last + 1].idx < start + len(phrase):
                last += 1
            return unit, last
    return None


@dataclass
class Counted:
    """The noun phrase a number counts: its tokens and head, and whether it is a "N-noun" compound."""

    tokens: list[Any]  # the nouns of the phrase
    head: Any
    compound: bool = False
    words: tuple[str, ...] = ()  # every word of the phrase up to the head, lower-cased ("armoured", "personnel", ...)


def _is_noun(t: Any) -> bool:
    return t.pos_ in ("NOUN", "PROPN") or t.tag_ in ("NN", "NNS", "NNP", "NNPS")


def _plural(t: Any) -> bool:
    return t.tag_ in ("NNS", "NNPS") or (t.pos_ == "PROPN" and t.lower_.endswith("s") and not t.lower_.endswith("ss"))


def counted_after(parsed: Any, end: int, sent_end: int, nationals: set[int] | None = None,
                  known: dict[str, str] | None = None) -> Counted | None:
    """The noun phrase right after the number ending at token ``end``, or None.

    Modifiers (adjectives, nationality words, names used as modifiers, participles like "German-made")
    are skipped up to the phrase's last noun. A noun phrase stops at a verb, a preposition, a
    determiner or punctuation, so a number never takes a noun from the next clause.
    """
    k = end + 1
    n = min(len(parsed), sent_end)
    if k + 1 < n and parsed[k].text in ("-", "–") and not parsed[end].whitespace_ and not parsed[k].whitespace_ \
            and _is_noun(parsed[k + 1]) and parsed[k + 1].lower_.isalpha():
        return Counted([parsed[k + 1]], parsed[k + 1], compound=True)  # "a 15-member council", "60-day"
    toks: list[Any] = []
    j = k
    while j < n and j < k + 8:
        t = parsed[j]
        if t.is_space:
            break
        if t.text in ("-", "–") and not parsed[j - 1].whitespace_:
            j += 1
            continue
        if j + 1 < n and parsed[j - 1].text in ("-", "–") and not parsed[j - 1].whitespace_ \
                and parsed[j + 1].text in ("-", "–") and not t.whitespace_:
            j += 1  # "surface-to-air"
            continue
        if t.text in _QUOTES:
            j += 1
            continue
        premodifier = t.dep_ in _MODIFIER_DEPS and t.head.i > t.i
        if t.ent_type_ in ("DATE", "TIME") and parsed[end].ent_type_ not in ("DATE", "TIME") \
                and t.lower_ not in ("-", "–"):
            break  # "killed 20 people Monday", "rose to 1.1 million last year"
        if toks and t.ent_iob_ == "I" and toks[-1].ent_type_ in _NAMES and t.ent_type_ == toks[-1].ent_type_:
            if _is_noun(t):
                toks.append(t)  # inside a name used as a modifier: "Council of Europe states"
        elif _is_noun(t) and t.lower_ not in ("per", "%"):
            toks.append(t)
        elif t.pos_ == "ADJ" or t.tag_ in ("JJ", "JJR", "JJS"):
            if toks and not premodifier:
                break
        elif t.pos_ == "ADV" and not toks and t.dep_ in ("advmod", "npadvmod") and t.head.i > t.i:
            pass  # "four mostly Russian-speaking regions"
        elif t.tag_ in ("VBN", "VBG") and (premodifier or not parsed[j - 1].whitespace_):
            pass  # "German-made", "infantry fighting vehicles"
        elif any(c.isdigit() for c in t.text) and any(c.isalpha() for c in t.text):
            pass  # a model inside a name: "Leopard 2A6 tanks"
        elif t.pos_ == "NUM" and toks and toks[-1].pos_ == "PROPN" and j + 1 < n and _is_noun(parsed[j + 1]):
            pass  # "31 Leopard 2 tanks", "14 Challenger 2 tanks"
        else:
            break
        j += 1
    if toks and toks[-1].pos_ == "PROPN" and j < n and parsed[j].tag_ == "VBZ" and parsed[j].is_lower \
            and parsed[j].lower_[:-1] in (known or {}):
        toks.append(parsed[j])  # "41 other Council of Europe states", "states" tagged as a verb
    if not toks:
        return None
    head = toks[-1]
    if not _plural(head):
        plural = [t for t in toks if _plural(t) and not t.text[:1].isupper()] or \
                 [t for t in toks if t.ent_type_ == "NORP" or t.idx in (nationals or set())]
        if plural:
            head = plural[-1]  # "1 million Tajiks work" (a verb tagged as a noun)
            toks = toks[:toks.index(head) + 1]
    words = tuple(t.lower_ for t in parsed[k:head.i + 1] if t.text not in ("-", "–") and t.text not in _QUOTES)
    return Counted(toks, head, words=words)


def plural_of(t: Any) -> str:
    if t.tag_ in ("NNS", "NNPS"):
        return str(t.lower_)
    lemma = t.lemma_.lower()
    if lemma.endswith("y") and not lemma.endswith(("ay", "ey", "oy", "uy")):
        return lemma[:-1] + "ies"
    if lemma.endswith(("s", "x", "ch", "sh")):
        return lemma + "es"
    return lemma + "s"


def count_unit(counted: Counted, value: float, units: Units, nationals: set[int]) -> str | None:
    """The unit of a count of ``counted``, or None when it is not a countable common noun.

    ``nationals`` holds the character offsets of mentions of a state's people ("Uzbeks", "Britons"),
    which count as people.
    """
    head = counted.head
    low, lemma = head.lower_, head.lemma_.lower()
    if low in units.not_claims or lemma in units.not_claims:
        return None
    if counted.compound:
        mapped = units.noun_units.get(lemma) or units.noun_units.get(low)
        return mapped if mapped and mapped not in _PEOPLE_LIKE else plural_of(head)
    words = (*counted.words[:-1], lemma)
    for phrase, unit in units.compounds:
        if len(words) >= len(phrase) and words[-len(phrase):] == phrase:
            return "people" if unit == "troops" and _people_verb(head, units) else unit
    capital = head.text[:1].isupper()
    if capital and (head.ent_type_ == "NORP" or (head.idx in nationals and head.ent_type_ != "GPE")):
        return "people"  # "Uzbeks", "Britons", "Kyrgyz", "Swiss"
    if capital:
        if not _plural(head):
            return None  # a name: "4 Russias", "9 Astanas"
        lemma = low[:-1] if low.endswith("s") else low
        if head.ent_type_ in _NAMED and lemma not in units.noun_units:
            return None  # "27 EU Member States" is a count of states; "3 Koreas" is a name
    mapped = units.noun_units.get(lemma) or units.noun_units.get(low)
    if mapped == "troops" and _people_verb(head, units):
        return "people"
    if mapped:
        return mapped
    if value != 1 and not _plural(head):
        return None  # "3 min read", "12 Energy independence": a singular noun is not what a plural count counts
    if not head.lower_.isalpha():
        return None
    unit = plural_of(head) if not capital else low
    before = head.i - 2
    if before >= 0 and head.doc[head.i - 1].text in ("-", "–") and not head.doc[head.i - 1].whitespace_ \
            and not head.doc[before].whitespace_ and head.doc[before].is_alpha and head.doc[before].pos_ != "ADJ":
        unit = head.doc[before].lower_ + "-" + unit  # "roll-overs", "stand-offs"
    return unit


def _people_verb(head: Any, units: Units) -> bool:
    """Troops killed, wounded, detained or released are counted as people."""
    gov = head.head
    if head.dep_ in ("pobj",) and gov.head.i != gov.i:
        gov = gov.head
    if gov.lemma_.lower() in units.people_verbs:
        return True
    return any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in units.people_verbs for c in head.children)
