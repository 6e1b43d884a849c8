"""How a state voted, from the official record, resolution by resolution, with the texts beside it.

"How did Kazakhstan vote on UN resolutions on Ukraine?" is answered from the imported roll calls (``stancemap
votes import``), not from what the press says: one line per resolution that bears on the question's
issues, in date order, citing the record (the document that renders it, and the file and line the vote
came from), then the texts that report the same vote and those that report it otherwise. Votes the texts
report on resolutions the record does not hold follow, marked as such. Only fixed templates and verbatim
evidence: nothing is paraphrased.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from ..actors.reference import load_reference
from ..store import Store
from ..votes.record import BODY_NAME, VOTE_WORD, doc_id, human_date, parse_vote_rule
from ..votes.resolutions import normal_symbol
from ..votes.tally import vote_dates
from .question import Question

_ASKS = re.compile(r"\b(?:vot(?:e|es|ed|ing)|abstain\w*|abstention\w*|resolutions?|roll[- ]calls?|ballots?)\b",
                   re.IGNORECASE)
_VERB = {"Y": "voted in favour of", "N": "voted against", "A": "abstained on", "X": "did not vote on"}
_TEXT_VERB = {"Y": "voted in favour", "N": "voted against", "A": "abstained", "X": "did not vote"}


def asks_about_votes(text: str) -> bool:
    """Whether a question is about votes ("How did X vote ...", "... UN resolutions ...")."""
    return bool(_ASKS.search(text))


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _wanted(q: Question) -> set[str]:
    """The issues the question is about (those its topic words match), else none (every mapped resolution)."""
    return {i for i in q.issues if q.scores.get(i, 0.0) > 0} if q.explicit_topic else set()


def vote_record(store: Store, q: Question, actor_files: tuple[str, ...] = (), k_texts: int = 4) -> dict[str, Any]:
    """The ``votes`` section of the answer: ``lines`` (sentences with citations) and ``resolutions`` (per
    resolution: the recorded vote with its citation, and the texts that agree or disagree)."""
    out: dict[str, Any] = {"source": "official record", "resolutions": [], "unrecorded": [], "lines": []}
    actor = q.actor
    if not actor:
        return out
    ref = load_reference(actor_files)
    name = q.actor_name or ref.name(actor)
    votes = {v["res_key"]: v for v in store.rows("official_votes", "state = ?", (actor,))}
    resolutions: dict[str, dict[str, Any]] = {}
    keys = sorted(votes)
    for i in range(0, len(keys), 200):
        chunk = keys[i:i + 200]
        for r in store.rows("resolutions", "res_key IN (" + ", ".join("?" * len(chunk)) + ")", chunk):
            resolutions[r["res_key"]] = r
    mapped = [r for r in resolutions.values() if r["issues"]]
    wanted = _wanted(q)
    chosen = [r for r in mapped if set(str(r["issues"]).split(",")) & wanted] or mapped
    chosen.sort(key=lambda r: (str(r["date"] or ""), r["symbol"]))
    texts: dict[str | None, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    # a range, not LIKE 'vote:%', so that the (source, predicate) index serves it
    for e in store.rows("events", "source = ? AND predicate >= ? AND predicate < ?", (actor, "vote:", "vote;")):
        parsed = parse_vote_rule(e["rule"])
        if parsed:
            texts[parsed[1] or _dated(e["evidence"], resolutions)].append((parsed[0], e))
    for r in chosen:
        v = votes[r["res_key"]]
        agree: list[dict[str, Any]] = []
        disagree: list[dict[str, Any]] = []
        seen: set[tuple[str, str]] = set()
        for value, e in sorted(texts.get(r["res_key"], []), key=lambda x: x[1]["doc"]):
            if (e["doc"], value) in seen:
                continue
            seen.add((e["doc"], value))
            item = {"doc": e["doc"], "evidence": e["evidence"], "start": e["start_char"], "end": e["end_char"],
                    "vote": VOTE_WORD[value]}
            (agree if value == v["vote"] else disagree).append(item)
        record_doc = v["doc"] or doc_id(v["source"])
        item = {"symbol": r["symbol"], "title": r["title"], "body": r["body"], "date": r["date"],
                "vote": VOTE_WORD[v["vote"]], "issues": str(r["issues"]).split(","),
                "citation": {"doc": record_doc, "file": v["source"], "line": v["line"], "start": v["start_char"],
                             "end": v["end_char"], "evidence": v["evidence"]},
                "agree": agree, "disagree": disagree}
        out["resolutions"].append(item)
        line = (f"{name} {_VERB[v['vote']]} {r['symbol']}" + (f" ({r['title']})" if r["title"] else "")
                + f", {BODY_NAME.get(r['body'], r['body'])}, {human_date(r['date'])}: official record, "
                f"{v['source']} line {v['line']} [{record_doc}].")
        if agree:
            line += " Reported the same by " + "".join(f"[{a['doc']}]" for a in agree[:k_texts]) + "."
        for d in disagree[:k_texts]:
            line += (f" [{d['doc']}] says it {_TEXT_VERB[_value(d['vote'])]}: “{_short(d['evidence'])}” — "
                     f"contradicted by the record.")
        out["lines"].append(line)
    recorded = set(votes)
    for key, items in sorted(texts.items(), key=lambda kv: str(kv[0])):
        if key is None or key in recorded or normal_symbol(key) in recorded:
            continue
        for value, e in items[:1]:
            out["unrecorded"].append({"symbol": key, "vote": VOTE_WORD[value], "doc": e["doc"],
                                      "evidence": e["evidence"], "start": e["start_char"], "end": e["end_char"]})
            out["lines"].append(f"No official record of {key} was imported; [{e['doc']}] says {name} "
                                f"{_TEXT_VERB[value]}: “{_short(e['evidence'])}”.")
    if out["resolutions"]:
        out["lines"].insert(0, f"How {name} voted, from the official roll calls ({len(out['resolutions'])} "
                               f"resolution{'s' if len(out['resolutions']) != 1 else ''}):")
    return out


def _dated(text: str, resolutions: dict[str, dict[str, Any]]) -> str | None:
    """The recorded resolution a vote sentence that names none dates to (every date it gives the vote falls
    on that resolution's day), as the cross-check links them."""
    keys = set()
    for d in vote_dates(text):
        day = f"{d.month:02d}-{d.day:02d}"
        hits = [k for k, r in resolutions.items() if r["date"] and str(r["date"]).endswith(day)
                and (d.year is None or str(r["date"]).startswith(str(d.year)))]
        if len(hits) != 1:
            return None
        keys.add(hits[0])
    return keys.pop() if len(keys) == 1 else None


def _value(word: str) -> str:
    return next(k for k, w in VOTE_WORD.items() if w == word)
