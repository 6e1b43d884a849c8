"""Is a document worth the full parse? A look at its words against the vocabulary the extractors use.

A monitoring feed is mostly sport, weather, markets, gadgets and local crime. The full pipeline (spaCy parse,
embeddings, learned verifiers) reads about 2,500 words a second on a core; this pass reads hundreds of
thousands, so the pipeline only sees documents that can yield records. It counts, in one scan of the text:

* **actors**: surfaces of the actor gazetteer (states, their adjectives and capitals, institutions,
  organisations, office holders; :mod:`stancemap.actors.reference`, with the user's ``--actors`` files);
  a match must start with a capital letter, as names do in news text ("US", not "us");
* **issue words**: each issue's keywords and the words of its label (:mod:`stancemap.stances.issues`, with the
  user's ``--issues`` file), so that a user who adds an issue also widens what counts as relevant;
* **politics words**: what names a state's organs and offices (the GOV, MIL, LEG, JUD, OPP and REB sector
  words of ``sectors.yaml`` and the titles of ``offices.yaml``).

The rule (thresholds in ``data/relevance.yaml``, which a user can override) asks for actors *and* either an
issue's words, or several actors with the words of state politics — the shape of a report on international
politics, which sport ("Kazakhstan beat Russia 2-1"), business and a city's weather lack. Nothing here is
learned from the corpora: every word comes from the extractors' own data files.

A document judged irrelevant is stored with its text and status ``irrelevant`` (no records); ``stancemap
reextract`` reads such documents fully later, and a changed issue or actor file (a new extractor fingerprint)
makes the next ingest judge them again.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .. import yamlio
from ..errors import DataError

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*")
_POSSESSIVE = re.compile(r"['’]s$")
MAX_NGRAM = 6
POLITICAL_SECTORS = ("GOV", "MIL", "LEG", "JUD", "OPP", "REB")
# Words of an issue's label that say nothing about the issue (its label's words stand in for the keywords of
# an issue that has none).
_STOP = frozenset({"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from", "as",
                   "its", "it", "is", "are", "was", "be", "that", "this", "their", "his", "her", "our", "about",
                   "against", "over", "into", "than", "s"})


def _tokens(text: str) -> list[str]:
    return [_POSSESSIVE.sub("", m.group().lower()) for m in _TOKEN.finditer(text)]


@dataclass(frozen=True)
class Relevance:
    """What the scan found in one document, and the verdict."""

    relevant: bool
    actors: int  # actor mentions
    distinct: int  # actor codes named at least twice (a name in passing is not what a text is about)
    issue_words: int
    politics_words: int
    words: int

    def note(self) -> str:
        """The one-line reason stored with a document judged irrelevant."""
        return (f"pre-filter: {self.actors} actor mention(s) of {self.distinct} actor(s), {self.issue_words} "
                f"issue word(s), {self.politics_words} politics word(s) in {self.words} words")


@dataclass(frozen=True)
class Thresholds:
    min_actors: int = 3
    min_issue_words: int = 3
    min_issues_about_one_actor: int = 2
    min_distinct_without_issue: int = 2
    min_politics_without_issue: int = 3
    min_politics_per_100_words: float = 1.5
    full_length: int = 200


class _Phrases:
    """Lowercase token sequences, looked up longest first from each position."""

    def __init__(self) -> None:
        self.table: dict[tuple[str, ...], Any] = {}
        self.lengths: dict[str, list[int]] = {}

    def add(self, phrase: str, value: Any = True, plural: bool = False) -> None:
        toks = tuple(_tokens(phrase))
        if not toks or len(toks) > MAX_NGRAM:
            return
        if plural:  # "ministers", "ministries": the data lists singular lemmas
            last = toks[-1]
            self.add(" ".join((*toks[:-1], last[:-1] + "ies" if last.endswith("y") else last + "s")), value)
        self.table.setdefault(toks, set()).add(value)
        lens = self.lengths.setdefault(toks[0], [])
        if len(toks) not in lens:
            lens.append(len(toks))
            lens.sort(reverse=True)

    def match(self, toks: list[str], i: int) -> tuple[int, Any]:
        for n in self.lengths.get(toks[i], ()):
            got = self.table.get(tuple(toks[i:i + n]))
            if got is not None:
                return n, got
        return 0, None


class RelevanceFilter:
    """The scan and the rule for one set of data files (build once: :func:`relevance_filter`)."""

    def __init__(self, actors_files: tuple[str, ...] = (), issues_file: str | None = None,
                 thresholds_file: str | None = None) -> None:
        from ..actors.reference import load_reference
        from ..stances.issues import issue_subjects, load_issues

        ref = load_reference(actors_files)
        self.actors = _Phrases()
        for surface, entries in ref.entries.items():
            for e in entries:
                if e.kind != "place":  # a town is where news happens, not who acts in it
                    self.actors.add(surface, e.code)
        self.politics = _Phrases()
        for phrase, sector in ref.sector_words.items():
            if sector in POLITICAL_SECTORS:
                self.politics.add(phrase, plural=True)
        for title in ref.offices:
            self.politics.add(title, plural=True)
        self.issues = _Phrases()
        # An issue about named actors (Russia's war, sanctions on Russia) is only spoken to by a text that
        # names one of them, as the stance stage requires: a ceasefire in another war is not this one's.
        self.subjects: dict[str, frozenset[str]] = {}
        for issue in load_issues(issues_file):
            self.subjects[issue.id] = issue_subjects(issue, ref)
            for kw in issue.keywords:
                self.issues.add(kw, issue.id)
            if not issue.keywords:  # the label's own words stand in for keywords a user did not write
                for word in _tokens(issue.label):
                    if word not in _STOP and not self.actors.lengths.get(word) and not word.isdigit():
                        self.issues.add(word, issue.id)
        self.thresholds = load_thresholds(thresholds_file)

    def scan(self, text: str) -> Relevance:
        toks = _tokens(text)
        # Where each token starts, to check that an actor's name is capitalised in the text.
        firsts = [m.group()[0] for m in _TOKEN.finditer(text)]
        actors = politics = 0
        named: dict[str, int] = {}
        hits: dict[str, int] = {}
        i = 0
        while i < len(toks):
            n, got = self.actors.match(toks, i)
            if n and firsts[i].isupper():
                actors += 1
                for code in got:
                    named[code] = named.get(code, 0) + 1
                i += n
                continue
            n, got = self.issues.match(toks, i)
            if n:
                for iid in got:
                    hits[iid] = hits.get(iid, 0) + 1
                i += n
                continue
            n, _ = self.politics.match(toks, i)
            if n:
                politics += 1
                i += n
                continue
            i += 1
        codes = set(named)
        spoken = {iid: k for iid, k in hits.items() if not self.subjects[iid] or self.subjects[iid] & codes}
        issue_words = sum(spoken.values())
        t = self.thresholds
        # A short text (a wire flash, a brief) says each thing once: it needs proportionally less evidence,
        # and it costs proportionally little to parse if the verdict is wrong.
        short = len(toks) < t.full_length
        distinct = sum(1 for n in named.values() if n >= (1 if short else 2))

        def need(k: float) -> float:
            return max(1, math.ceil(k * len(toks) / t.full_length)) if short and k > 0 else k

        # Issue words in a text about one actor's own affairs (its civil war, its budget) make it about the
        # issues only if it speaks to several of them; between two or more actors, one is enough.
        about_relations = distinct >= need(t.min_distinct_without_issue)
        relevant = actors >= need(t.min_actors) and (
            (issue_words >= need(t.min_issue_words)
             and (about_relations or len(spoken) >= need(t.min_issues_about_one_actor)))
            or (distinct >= need(t.min_distinct_without_issue) and politics >= need(t.min_politics_without_issue)
                and 100 * politics >= t.min_politics_per_100_words * len(toks)))
        return Relevance(relevant, actors, distinct, issue_words, politics, len(toks))


def load_thresholds(path: str | None = None) -> Thresholds:
    """The rule's thresholds: the shipped ``data/relevance.yaml``, or the user's file of the same shape."""
    try:
        text = Path(path).read_text(encoding="utf-8") if path else \
            resources.files("stancemap.prefilter").joinpath("data/relevance.yaml").read_text(encoding="utf-8")
        data = yamlio.load(text) or {}
    except (OSError, yamlio.YAMLError) as err:
        raise DataError(f"{path or 'relevance.yaml'}: cannot read the pre-filter thresholds: {err}") from err
    known = set(Thresholds.__dataclass_fields__)
    bad = sorted(set(data) - known)
    if bad or not all(isinstance(v, int | float) for v in data.values()):
        raise DataError(f"{path or 'relevance.yaml'}: expected numbers for {', '.join(sorted(known))}"
                        + (f" (unknown: {', '.join(bad)})" if bad else ""))
    return Thresholds(**data)


@lru_cache(maxsize=4)
def relevance_filter(actors_files: tuple[str, ...] = (), issues_file: str | None = None) -> RelevanceFilter:
    """The filter for these data files, built once per process (the vocabulary takes a second to build)."""
    return RelevanceFilter(actors_files, issues_file)
