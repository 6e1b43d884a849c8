"""Readouts that disagree: two accounts of one call or meeting, one leaving out or denying what
the other attributes.

After a call each side publishes its own account; reports set them side by side ("according to
the Kremlin, X expressed understanding ...; the Uzbek version said only that ..."), or quote an
official denying the other side's account. The attributed words belong to the reporting side (the
extractors code them as ``reported``); the disagreement between the accounts is what this module
flags, as a contradiction of kind ``readout`` with both sentences quoted:

* side A: a sentence that attributes words, an attitude or a commitment to a side (a reporting verb
  with a quotation or a "that" clause, "according to", "welcomed the assurance ... that");
* side B: a sentence that says an account leaves something out ("contained no such phrase", "did
  not mention", "said only that") or that a side denies it ("denied that ... had promised").

Both must be in a document that speaks of an exchange (a call, talks, a meeting). Each B is paired
with the A it most plausibly answers: the one sharing the most specific words, nearest to it, in
or near a passage about the exchange; a B that follows another B continues the same discussion and
answers the same A. The word lists are data (``data/readouts.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .. import yamlio
from .text import Idf, gap_days, precision, terms

# "no such phrase", "this part", "that claim": the sentence answers the one before it.
BACK = re.compile(r"\b(such|this|these|that (claim|part|account|assurance|statement|phrase|version))\b", re.IGNORECASE)
QUOTE = re.compile(r"[\"“”«»]|(?<![A-Za-z])['‘’](?=[A-Za-z][^'‘’]{3,}['‘’])")
THAT = re.compile(r"\b(that|to)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Cues:
    exchange: re.Pattern[str]
    accounts: re.Pattern[str]
    attribution: re.Pattern[str]
    omission: re.Pattern[str]
    denial: re.Pattern[str]
    conditional: re.Pattern[str]


def _pattern(words: list[str]) -> re.Pattern[str]:
    alts = sorted((re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in words), key=len,
                  reverse=True)
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def cues() -> Cues:
    data = yamlio.load(resources.files("stancemap.reconcile").joinpath("data/readouts.yaml").read_text("utf-8"))
    return Cues(**{k: _pattern([str(w) for w in data[k]]) for k in Cues.__dataclass_fields__})


@dataclass
class Sent:
    idx: int
    start: int
    end: int
    text: str
    words: set[str]
    codes: list[str]


def _sentences(doc: dict[str, Any], bounds: list[tuple[int, int]], codes: dict[int, list[str]]) -> list[Sent]:
    text = doc["text"]
    out = []
    for i, (s, e) in enumerate(bounds):
        t = text[s:e]
        out.append(Sent(i, s, e, t, terms(t), codes.get(i, [])))
    return out


def _attributes(s: Sent, c: Cues) -> bool:
    """The sentence reports what a side said, felt or committed to."""
    m = c.attribution.search(s.text)
    if not m:
        return False
    return "according to" in m.group(0).lower() or bool(QUOTE.search(s.text)) or bool(THAT.search(s.text[m.end():]))


def _disagrees(s: Sent, c: Cues) -> str | None:
    """"omission" or "denial" when the sentence says an account leaves out or denies something.

    The sentence must name an account ("the Uzbek version said only", "his statement did not
    mention", "said the EU statement goes beyond"): a speaker who "said only" one thing, or a denial
    of a rumour, is not a disagreement between two sides' accounts."""
    if c.conditional.search(s.text) or not c.accounts.search(s.text):
        return None
    if c.denial.search(s.text):
        return "denial"
    if c.omission.search(s.text):
        return "omission"
    return None


@dataclass
class Reading:
    """One document read for accounts (sentences attributing words to a side) and disagreements."""

    doc: str
    sents: list[Sent]
    kinds: dict[int, str | None]  # sentence -> "omission" | "denial" | None
    accounts: list[Sent]
    exchange: set[int]  # sentences that speak of a call, talks or a meeting


def _read(doc: dict[str, Any], bounds: list[tuple[int, int]], codes: dict[int, list[str]],
          reported: set[int]) -> Reading:
    c = cues()
    sents = _sentences(doc, bounds, codes)
    kinds = {s.idx: _disagrees(s, c) for s in sents}
    accounts = [s for s in sents if not kinds[s.idx] and (_attributes(s, c) or s.idx in reported)]
    return Reading(doc["id"], sents, kinds, accounts, {s.idx for s in sents if c.exchange.search(s.text)})


def _fit(a: Sent, b: Sent, idf: Idf) -> float:
    """How much an account and a disagreement are about the same thing: what the disagreement names
    ("re-exports", "any monitoring mechanism") is what the account attributes."""
    shared = a.words & b.words
    return (0.1 + 0.5 * idf.overlap(a.words, b.words) + 0.06 * min(idf.anchors(a.text, b.text, shared), 3)
            + 0.05 * bool(set(a.codes) - set(b.codes)) + 0.1 * bool(QUOTE.search(a.text)))


def _within(r: Reading, b: Sent, idf: Idf) -> tuple[float, Sent] | None:
    """The account in the same document a disagreement most plausibly answers (shared words first,
    nearness second), with how plausibly (0..1)."""
    scored = []
    for a in r.accounts:
        dist = abs(a.idx - b.idx)
        value = (_fit(a, b, idf) + 0.2 / (1 + 0.5 * max(0, dist - 1))
                 + 0.1 * any(abs(a.idx - k) <= 2 for k in r.exchange)
                 + 0.15 * (a.idx == b.idx - 1 and bool(BACK.search(b.text))))
        scored.append((min(1.0, value), a))
    return max(scored, key=lambda x: x[0]) if scored else None


Exchange = tuple[frozenset[str], str | None, int]  # the two sides, the date, the sentence


def _across(y: Reading, b: Sent, others: list[tuple[Reading, int, int]], idf: Idf) -> tuple[float, Sent, str] | None:
    """The account in another document reporting the same exchange (``others``: the document, the
    sentence where it reports the exchange, and where ``y`` does) that the disagreement answers."""
    scored = []
    for x, at_x, at_y in others:
        if abs(b.idx - at_y) > 6:
            continue  # the disagreement is not about this exchange
        for a in x.accounts:
            if abs(a.idx - at_x) <= 3:  # the other document's account of this exchange
                scored.append((min(1.0, _fit(a, b, idf) + 0.15), a, x.doc))
    return max(scored, key=lambda v: v[0]) if scored else None


def _same_exchange(xs: list[Exchange], ys: list[Exchange], days: int = 7) -> list[tuple[int, int]]:
    """Where two documents report one exchange: the same two sides, dated to the month or better,
    within ``days`` of each other."""
    return [(sx, sy) for px, dx, sx in xs for py, dy, sy in ys
            if px == py and precision(dx) >= 2 and precision(dy) >= 2 and (gap_days(dx, dy) or 0) <= days]


def _record(about_codes: list[str], a_doc: str, a: Sent, b_doc: str, b: Sent, kind: str, value: float,
            note: str = "") -> dict[str, Any]:
    from .contradict import record

    names = list(dict.fromkeys(about_codes))[:2]
    about = "accounts of an exchange" + (f" between {' and '.join(names)}" if len(names) == 2 else "")
    return record(about, "readout", {"doc": a_doc, "start_char": a.start, "end_char": a.end, "evidence": a.text},
                  "attributed", {"doc": b_doc, "start_char": b.start, "end_char": b.end, "evidence": b.text}, kind,
                  note, value)


def readout_contradictions(docs: list[dict[str, Any]], sentences: dict[str, list[tuple[int, int]]],
                           codes: dict[str, dict[int, list[str]]], idf: Idf,
                           reported: dict[str, set[int]] | None = None,
                           exchanges: dict[str, list[Exchange]] | None = None) -> list[dict[str, Any]]:
    """Disagreeing accounts of one exchange (``docs``: rows with ``id`` and ``text``; ``sentences``:
    per document, the sentence spans; ``codes``: per document and sentence, the actor codes
    mentioned; ``reported``: per document, the sentences holding a record the extractors coded as
    reported speech; ``exchanges``: per document, the calls and meetings its events report).

    Each disagreement is paired once: with an account in its own document, or with one in another
    document that reports the same exchange (same two sides, within a week) when that fits better."""
    c = cues()
    reported, exchanges = reported or {}, exchanges or {}
    readings: dict[str, Reading] = {}

    def reading(doc: dict[str, Any]) -> Reading:
        if doc["id"] not in readings:
            readings[doc["id"]] = _read(doc, sentences.get(doc["id"], []), codes.get(doc["id"], {}),
                                        reported.get(doc["id"], set()))
        return readings[doc["id"]]

    by_id = {d["id"]: d for d in docs}
    out: list[dict[str, Any]] = []
    for doc in docs:
        text = doc.get("text") or ""
        if not (c.exchange.search(text) and (c.omission.search(text) or c.denial.search(text))):
            continue
        y = reading(doc)
        others = [(reading(by_id[x]), sx, sy) for x in sorted(exchanges) if x != y.doc and x in by_id
                  for sx, sy in _same_exchange(exchanges[x], exchanges.get(y.doc, []))]
        chosen: dict[int, tuple[float, Sent, str]] = {}
        for b in y.sents:
            if not y.kinds[b.idx]:
                continue
            best: list[tuple[float, Sent, str]] = []
            near = _within(y, b, idf)
            if near:
                best.append((near[0], near[1], y.doc))
            far = _across(y, b, others, idf)
            if far:
                best.append(far)
            if best:
                chosen[b.idx] = max(best, key=lambda v: v[0])
        # A disagreement right after another continues it ("The ministry's statement does not mention X.
        # ... An official denied that ..."): it answers the same account.
        for k in sorted(chosen):
            prev = max((j for j in chosen if k - 2 <= j < k), default=None)
            if prev is not None and chosen[prev][0] > chosen[k][0] and chosen[prev][1].idx != chosen[k][1].idx:
                chosen[k] = (chosen[prev][0] * 0.95, chosen[prev][1], chosen[prev][2])
        for k, (value, a, a_doc) in chosen.items():
            b = y.sents[k]
            note = "" if a_doc == y.doc else "the account and the disagreement are in two reports of one exchange"
            out.append(_record(a.codes + b.codes, a_doc, a, y.doc, b, y.kinds[k] or "", value, note))
    return out
