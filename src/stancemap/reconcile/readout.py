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
from .text import Idf, terms

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


def _answer(b: Sent, accounts: list[Sent], exchange: set[int], idf: Idf) -> tuple[float, Sent] | None:
    """The account a disagreement most plausibly answers, with how plausibly (0..1)."""
    scored = []
    for a in accounts:
        dist = abs(a.idx - b.idx)
        # what the disagreement names ("re-exports", "any monitoring mechanism") is what the account
        # it answers attributes: shared words first, nearness second
        value = (0.1 + 0.5 * idf.overlap(a.words, b.words) + 0.06 * min(idf.anchors(a.text, b.text, a.words & b.words), 3)
                 + 0.2 / (1 + 0.5 * max(0, dist - 1))
                 + 0.1 * any(abs(a.idx - k) <= 2 for k in exchange)
                 + 0.05 * bool(set(a.codes) - set(b.codes))
                 + 0.1 * bool(QUOTE.search(a.text))
                 + 0.15 * (a.idx == b.idx - 1 and bool(BACK.search(b.text))))
        scored.append((min(1.0, value), a))
    return max(scored, key=lambda x: x[0]) if scored else None


def _document(doc: dict[str, Any], sents: list[Sent], reported: set[int], idf: Idf) -> list[dict[str, Any]]:
    from .contradict import record

    c = cues()
    kinds = {s.idx: _disagrees(s, c) for s in sents}
    accounts = [s for s in sents if not kinds[s.idx] and (_attributes(s, c) or s.idx in reported)]
    exchange = {s.idx for s in sents if c.exchange.search(s.text)}
    chosen: dict[int, tuple[float, Sent]] = {}
    for b in sents:
        found = _answer(b, accounts, exchange, idf) if kinds[b.idx] else None
        if found:
            chosen[b.idx] = found
    # A disagreement right after another continues it ("The ministry's statement does not mention X.
    # ... An official denied that ..."): it answers the same account.
    for k in sorted(chosen):
        prev = max((j for j in chosen if k - 2 <= j < k), default=None)
        if prev is not None and chosen[prev][0] > chosen[k][0] and chosen[prev][1].idx != chosen[k][1].idx:
            chosen[k] = (chosen[prev][0] * 0.95, chosen[prev][1])
    out = []
    for k, (value, a) in chosen.items():
        b = sents[k]
        names = list(dict.fromkeys(a.codes + b.codes))[:2]
        about = "accounts of an exchange" + (f" between {' and '.join(names)}" if len(names) == 2 else "")
        out.append(record(about, "readout",
                          {"doc": doc["id"], "start_char": a.start, "end_char": a.end, "evidence": a.text}, "attributed",
                          {"doc": doc["id"], "start_char": b.start, "end_char": b.end, "evidence": b.text}, kinds[k] or "",
                          "", value))
    return out


def readout_contradictions(docs: list[dict[str, Any]], sentences: dict[str, list[tuple[int, int]]],
                           codes: dict[str, dict[int, list[str]]], idf: Idf,
                           reported: dict[str, set[int]] | None = None) -> list[dict[str, Any]]:
    """Disagreeing accounts of one exchange within each document (``docs``: rows with ``id`` and
    ``text``; ``sentences``: per document, the sentence spans; ``codes``: per document and sentence,
    the actor codes mentioned; ``reported``: per document, the sentences holding a record the
    extractors coded as reported speech)."""
    c = cues()
    reported = reported or {}
    out: list[dict[str, Any]] = []
    for doc in docs:
        text = doc.get("text") or ""
        if c.exchange.search(text) and (c.omission.search(text) or c.denial.search(text)):
            sents = _sentences(doc, sentences.get(doc["id"], []), codes.get(doc["id"], {}))
            out += _document(doc, sents, reported.get(doc["id"], set()), idf)
    return out
