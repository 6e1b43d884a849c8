"""Contradictions between events and stances of different documents, and the record they share.

Kinds (numbers are in :mod:`.values`, readouts in :mod:`.readout`):

* ``date`` — one event (same actors, type and negation, the same act in shared words or the same
  person) given two explicit, different dates close together; likewise one dated statement;
* ``actor`` — the same statement (state, type, issue, target and words) credited to two people;
* ``negation`` — one act asserted in one source and negated in another, in a comparable time;
* ``vote`` — one state's vote on one resolution reported two ways (and the list of states that
  voted one way, against a report of this state voting so);
* ``polarity`` — one holder's position on one issue reported as support in one source and
  oppose in another (``polarity-neutral``: neutral against either), in an overlapping time. The
  holder is the actor *and* its voice: a government and its protesters never contradict each
  other, nor a parliament its government. A change over time is not a contradiction.

Every candidate gets a ``score`` in 0..1: how sure we are that both sides are about the same
thing and both are meant (their confidence, the specificity of the match). The caller ranks them
and keeps those above a threshold. Each side keeps its document and verbatim evidence.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from .text import Idf, explicit_date, gap_days, parse_date, precision, stem, terms

# "abstained again", "once more": a sentence that reports a repetition speaks of another occasion.
AGAIN = re.compile(r"\b(again|once more|anew|for the (second|third|fourth) time)\b", re.IGNORECASE)
STATED = ("REJECT", "AGREE", "SUPPORT", "ACCUSE", "REQUEST")
STANCE_WINDOW = 120  # days: two positions further apart than this may be a change of mind
EVENT_WINDOW = 180  # days: an act asserted and denied within this time is one act (allowed/not allowed)


def _side(r: dict[str, Any], value: Any) -> dict[str, Any]:
    return {"doc": r["doc"], "start": r["start_char"], "end": r["end_char"], "evidence": r["evidence"],
            "value": json.dumps(value, ensure_ascii=False)}


def record(about: str, kind: str, a: dict[str, Any], av: Any, b: dict[str, Any], bv: Any, note: str = "",
           score: float = 0.0) -> dict[str, Any]:
    """A contradiction row as the store keeps it: what it is about, both sides, a note and a score."""
    sa, sb = _side(a, av), _side(b, bv)
    return {"about": about, "kind": kind, "note": note or None, "score": round(float(score), 3),
            **{f"a_{k}": v for k, v in sa.items()}, **{f"b_{k}": v for k, v in sb.items()}}


def holder(actor: str, sector: str | None) -> tuple[str, str]:
    """Whose position a record states: the state (its government, or the state unqualified), or one
    of its other voices (military, parliament, courts, society), each a holder of its own."""
    return actor, ("state" if sector in (None, "", "GOV") else sector)


def _conf(r: dict[str, Any]) -> float:
    c = r.get("confidence")
    return 0.5 if c is None else float(c)


def _when(r: dict[str, Any], published: dict[str, str | None]) -> str | None:
    return r.get("date") or published.get(r["doc"])


def _apart(a: dict[str, Any], b: dict[str, Any], published: dict[str, str | None]) -> int | None:
    return gap_days(_when(a, published), _when(b, published))


def _words(r: dict[str, Any]) -> set[str]:
    return terms(r.get("evidence"))


def _lemma(r: dict[str, Any]) -> str:
    return str(r.get("predicate") or "").split("/")[0].split(" ")[0].lower()


def _objects(r: dict[str, Any]) -> set[str]:
    """The object class a lexicon entry required ("allow/obj=rally|protest|..." -> {rally, protest, ...})."""
    out: set[str] = set()
    for part in str(r.get("predicate") or "").split("/")[1:]:
        if part.startswith("obj="):
            out |= set(part[4:].split("|"))
    return out


def _match(a: dict[str, Any], b: dict[str, Any], idf: Idf) -> tuple[float, int]:
    """What two records' sentences share: the IDF-weighted overlap and the number of anchors."""
    ta, tb = _words(a), _words(b)
    return idf.overlap(ta, tb), idf.anchors(a.get("evidence"), b.get("evidence"), ta & tb)


def same_act(a: dict[str, Any], b: dict[str, Any]) -> float:
    """How surely two events of one type are the same act: the same required object ("rallies"),
    else the same predicate (more surely when neither needed an object)."""
    oa, ob = _objects(a), _objects(b)
    if oa & ob:
        return 1.0
    # the object one side's predicate required is named in the other's sentence ("allowed public
    # protests to take place" / "protests ... not sanctioned", where only the second needed one)
    sa, sb = _words(a), _words(b)
    if {stem(o) for o in ob} & sa & sb or {stem(o) for o in oa} & sa & sb:
        return 0.8
    if _lemma(a) and _lemma(a) == _lemma(b):
        return 0.4 if not (oa or ob) else 0.2
    return 0.0


def _confident(a: dict[str, Any], b: dict[str, Any]) -> float:
    """The less confident side's confidence as a factor (0.6..1): both sides must be meant, but an
    extractor's confidence is a rough guide, so the match weighs as much."""
    return 0.6 + 0.4 * min(_conf(a), _conf(b))


def _resolution(r: dict[str, Any]) -> str | None:
    value = r.get("resolution") or r.get("about")
    return str(value).strip().lower() if value else None


def _is_vote(r: dict[str, Any]) -> bool:
    return str(r.get("predicate") or "").startswith("vote:") or bool(_resolution(r))


def same_vote(a: dict[str, Any], b: dict[str, Any], published: dict[str, str | None] | None = None) -> bool:
    """Two vote records are about one vote: the same resolution when both name it, else the same day,
    else a resolution number both sentences cite, else (given ``published``) compatible dates in
    two reports published within two days of each other (the day's vote, reported twice)."""
    ra, rb = _resolution(a), _resolution(b)
    if ra and rb:
        return ra == rb
    if precision(a.get("date")) == 3 and precision(b.get("date")) == 3:
        return a["date"] == b["date"]
    if any("/" in t for t in _words(a) & _words(b)):
        return True
    if published and a["doc"] != b["doc"]:
        apart = gap_days(published.get(a["doc"]), published.get(b["doc"]))
        return gap_days(a.get("date"), b.get("date")) == 0 and apart is not None and apart <= 2
    return False


Row = dict[str, Any]


def _best_pairs(rows: list[Row], score: Callable[[Row, Row], float | None]) -> list[tuple[float, Row, Row]]:
    """For each pair of documents, the best-scored pair of their records (``score`` None: no pair)."""
    best: dict[tuple[str, str], tuple[float, Row, Row]] = {}
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            if a["doc"] == b["doc"]:
                continue
            value = score(a, b)
            if value is None:
                continue
            key = (min(a["doc"], b["doc"]), max(a["doc"], b["doc"]))
            if key not in best or value > best[key][0]:
                best[key] = (value, a, b)
    return list(best.values())


def _months_apart(a: Row, b: Row, window_days: int) -> bool:
    """Dated to different months, but close enough to be one event dated twice."""
    da, db = str(a["date"]), str(b["date"])
    xa, xb = parse_date(da), parse_date(db)
    return da[:7] != db[:7] and bool(xa and xb) and abs((xa - xb).days) <= window_days  # type: ignore[operator]


def date_contradictions(events: list[Row], idf: Idf, window_days: int = 75) -> list[Row]:
    """One event dated differently by two sources: same source, type, target and negation (and
    person, if both name one), each date written out in its own sentence, the two close together
    and in different months, and the same act (the same person, predicate or rare words)."""
    groups: dict[tuple[Any, ...], list[Row]] = defaultdict(list)
    for r in events:
        if r["modality"] in ("actual", "reported") and precision(r["date"]) >= 2 and r["target"] and \
                explicit_date(r["evidence"]) and not AGAIN.search(r["evidence"]):
            groups[(r["source"], r["type"], r["target"], bool(r["negated"]))].append(r)

    def score(a: Row, b: Row) -> float | None:
        pa, pb = a.get("source_person"), b.get("source_person")
        if (a["issue"] and b["issue"] and a["issue"] != b["issue"]) or (pa and pb and pa != pb):
            return None
        if not _months_apart(a, b, window_days):
            return None  # the same month, or too far apart to be one event
        ov, anchors = _match(a, b, idf)
        return min(1.0, 0.25 + 0.35 * ov + 0.1 * min(anchors, 3) + 0.25 * same_act(a, b)
                   + 0.1 * bool(pa and pa == pb)) * _confident(a, b)

    out = []
    for rows in groups.values():
        for value, a, b in _best_pairs(rows, score):
            about = f"date of {a['source']} {a['type'].lower()} {a['target']}" + (f" ({a['issue']})" if a["issue"] else "")
            out.append(record(about, "date", a, str(a["date"]), b, str(b["date"]), "", value))
    return out


def stance_date_contradictions(stances: list[Row], idf: Idf, window_days: int = 60) -> list[Row]:
    """The same holder stating the same position, dated to different months by two sources that
    date it in the sentence itself and close together: likely one statement with two dates."""
    groups: dict[tuple[Any, ...], list[Row]] = defaultdict(list)
    for r in stances:
        if precision(r["date"]) >= 2 and r["actor_sector"] and explicit_date(r["evidence"]) and \
                not AGAIN.search(r["evidence"]):
            groups[(*holder(r["actor"], r["actor_sector"]), r["issue"], r["stance"])].append(r)

    def score(a: Row, b: Row) -> float | None:
        if not _months_apart(a, b, window_days):
            return None
        ov, anchors = _match(a, b, idf)
        return min(1.0, 0.25 + 0.35 * ov + 0.1 * min(anchors, 3)) * _confident(a, b)

    out = []
    for (actor, voice, issue, stance), rows in groups.items():
        who = actor if voice == "state" else f"{actor}/{voice}"
        for value, a, b in _best_pairs(rows, score):
            out.append(record(f"date of {who}'s {stance} statement on {issue}", "date", a, str(a["date"]), b,
                              str(b["date"]), "close dates: one statement dated differently, or two statements", value))
    return out


def actor_contradictions(events: list[Row], idf: Idf) -> list[Row]:
    """The same stated position (state, type, issue, target, and words) credited to different people."""
    groups: dict[tuple[Any, ...], list[Row]] = defaultdict(list)
    for r in events:
        if r["issue"] and r.get("source_person") and r["modality"] == "actual" and r["type"] in STATED:
            groups[(r["source"], r["type"], r["issue"], r["target"], bool(r["negated"]))].append(r)

    def score(a: Row, b: Row) -> float | None:
        if a["source_person"] == b["source_person"]:
            return None
        ov, anchors = _match(a, b, idf)
        # credited to two people is a contradiction only if it is one statement: the same specific
        # words (the names of what is recognised, refused, asked for)
        value = min(1.0, 0.3 + 0.35 * ov + 0.1 * min(anchors, 3)) * _confident(a, b)
        return value * (0.9 if a["date"] != b["date"] else 1.0)

    out = []
    for rows in groups.values():
        for value, a, b in _best_pairs(rows, score):
            note = "different people and dates: possibly separate statements" if a["date"] != b["date"] else ""
            out.append(record(f"who made {a['source']}'s {a['type'].lower()} on {a['issue']}", "actor",
                              a, a["source_person"], b, b["source_person"], note, value))
    return out


def _closest(pairs: list[tuple[dict[str, Any], dict[str, Any]]],
             vectors: dict[int, Any] | None) -> tuple[dict[str, Any], dict[str, Any], float]:
    """The two statements that best show a disagreement: the most alike in what they talk about
    (sentence embeddings), else the most confident pair; with their similarity (0 when unknown)."""
    if vectors:
        scored = [(float(vectors[a["id"]] @ vectors[b["id"]]), a, b) for a, b in pairs
                  if a["id"] in vectors and b["id"] in vectors]
        if scored:
            sim, a, b = max(scored, key=lambda x: x[0])
            return a, b, sim
    a, b = max(pairs, key=lambda ab: min(_conf(ab[0]), _conf(ab[1])))
    return a, b, 0.0


# How opposed two positions are. Stances are read from wording that varies more than facts do
# ("declined to join sanctions" read as support): a pair of them is the least certain kind.
_OPPOSED = {frozenset(("support", "oppose")): 0.7, frozenset(("oppose", "neutral")): 0.5,
            frozenset(("support", "neutral")): 0.45}


def stance_contradictions(stances: list[dict[str, Any]], idf: Idf, published: dict[str, str | None] | None = None,
                          vectors: dict[int, Any] | None = None, window_days: int = STANCE_WINDOW) -> list[dict[str, Any]]:
    """Opposed positions of one holder on one issue, in two sources, at about the same time.

    A source that states both positions is mixed, not a side. The score is the confidence of the
    less confident side, times how opposed the two are (support/oppose more than neutral/either),
    times how alike the two sentences are."""
    published = published or {}
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in stances:
        groups[(*holder(r["actor"], r.get("actor_sector")), r["issue"])].append(r)
    out = []
    for (actor, voice, issue), rows in groups.items():
        who = actor if voice == "state" else f"{actor} ({voice})"
        by_doc: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
        for r in rows:
            by_doc[r["doc"]][r["stance"]].append(r)
        docs = sorted(by_doc)
        for i, da in enumerate(docs):
            for db in docs[i + 1:]:
                for pa in sorted(by_doc[da]):
                    for pb in sorted(by_doc[db]):
                        weight = _OPPOSED.get(frozenset((pa, pb)), 0.0)
                        if not weight or pb in by_doc[da] or pa in by_doc[db]:
                            continue  # the same position, or a source that says both
                        pairs = [(a, b) for a in by_doc[da][pa] for b in by_doc[db][pb]
                                 if (_apart(a, b, published) or 0) <= window_days]
                        if not pairs:
                            continue  # far apart in time: a change of position, not a contradiction
                        a, b, sim = _closest(pairs, vectors)
                        ov, anchors = _match(a, b, idf)
                        # a position is often restated in other words: the sentences count less
                        # than for events, the two records' confidence more
                        value = (min(_conf(a), _conf(b)) * weight
                                 * min(1.0, 0.4 + 0.25 * ov + 0.05 * min(anchors, 3) + 0.3 * max(0.0, sim)))
                        kind = "polarity" if {pa, pb} == {"support", "oppose"} else "polarity-neutral"
                        out.append(record(f"{who}'s position on {issue}", kind, a, pa, b, pb, "", value))
    return out


def negation_contradictions(events: list[dict[str, Any]], idf: Idf, published: dict[str, str | None] | None = None,
                            vectors: dict[int, Any] | None = None,
                            window_days: int = EVENT_WINDOW) -> list[dict[str, Any]]:
    """One act (same source, type and target, and the same predicate, object or rare words)
    asserted in one source and negated in another, at about the same time. Votes are left to
    :func:`vote_contradictions` (an abstention is coded as a negated condemnation, but it says
    nothing about what the state said in prose, nor about another resolution)."""
    published = published or {}
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for r in events:
        if r["modality"] in ("actual", "reported") and not r.get("background"):
            groups[(r["source"], r["type"], r["target"])].append(r)
    out = []
    for (src, typ, tgt), rows in groups.items():
        pos: dict[str, list[dict[str, Any]]] = defaultdict(list)
        neg: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in rows:
            (neg if r["negated"] else pos)[r["doc"]].append(r)
        for da in sorted(pos):
            for db in sorted(neg):
                if da == db:
                    continue
                scored = []
                for a in pos[da]:
                    for b in neg[db]:
                        if _is_vote(a) or _is_vote(b):
                            continue  # votes are compared as votes (vote_contradictions)
                        if neg.get(da) or pos.get(db):
                            continue  # a source that says both is not a side
                        apart = _apart(a, b, published) or 0
                        if apart > 2 * window_days:
                            continue
                        act = same_act(a, b)
                        ov, anchors = _match(a, b, idf)
                        emb = float(vectors[a["id"]] @ vectors[b["id"]]) if vectors and a["id"] in vectors and \
                            b["id"] in vectors else 0.0
                        match = min(1.0, 0.45 * act + 0.3 * ov + 0.07 * min(anchors, 3) + 0.15 * max(0.0, emb))
                        # the further apart, the likelier the act changed (was allowed, then banned)
                        when = 1.0 if apart <= window_days else 1.0 - 0.5 * (apart - window_days) / window_days
                        scored.append((match * _confident(a, b) * when, a, b))
                if scored:
                    s, a, b = max(scored, key=lambda x: x[0])
                    out.append(record(f"whether {src} {typ.lower()} {tgt or ''}".rstrip(), "negation",
                                      a, "yes", b, "no", "", s))
    return out


_CHOICES = {"for": "in favour", "favour": "in favour", "favor": "in favour", "yes": "in favour",
            "against": "against", "no": "against", "abstain": "abstaining", "abstention": "abstaining"}


def _choice(r: Row) -> str | None:
    """How a vote record says the state voted ("in favour", "against", "abstaining"), or None."""
    pred = str(r.get("predicate") or "")
    if not pred.startswith("vote:"):
        return None
    choice = _CHOICES.get(pred.split(":", 1)[1].split("/")[0].strip().lower())
    if choice in ("in favour", "against") and r.get("negated"):
        return None  # "did not vote for it": against, abstaining or absent, we cannot tell
    return choice


def vote_contradictions(events: list[Row], published: dict[str, str | None] | None = None,
                        pronominal: set[tuple[str, int, str]] | None = None) -> list[Row]:
    """One state's vote on one resolution reported two ways ("Ghana abstained" / "In favour: ...,
    Ghana, ..."); and, when the first report lists the states that voted the other way, that list
    against the second report ("which states abstained"). Only the same vote: the same resolution,
    else the same day, else a resolution number both sentences cite.

    A side whose sentence brings the state in as a pronoun ("In 2014 it abstained ...": the
    (doc, sentence, state) triples in ``pronominal``) weighs less: when the pronoun was resolved to
    the wrong state, the "contradiction" is the resolver's mistake, not the sources'."""
    pronominal = pronominal or set()

    def named(r: Row) -> float:
        return 0.6 if (r["doc"], r.get("sent"), r["source"]) in pronominal else 1.0

    votes = [r for r in events if _choice(r) and r["source"]]
    by_state: dict[str, list[Row]] = defaultdict(list)
    by_doc: dict[str, list[Row]] = defaultdict(list)
    for r in votes:
        by_state[r["source"]].append(r)
        by_doc[r["doc"]].append(r)

    def told(doc: str, r: Row) -> set[str | None]:
        return {_choice(o) for o in by_doc[doc] if o["source"] == r["source"] and same_vote(o, r)}

    out = []
    for state, rows in by_state.items():
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                ca, cb = _choice(a), _choice(b)
                if a["doc"] == b["doc"] or ca == cb or not same_vote(a, b, published):
                    continue
                if len(told(a["doc"], a)) > 1 or len(told(b["doc"], b)) > 1:
                    continue  # a report that has the state voting two ways on one vote is no side
                value = (0.6 + 0.3 * min(_conf(a), _conf(b))) * min(named(a), named(b))
                out.append(record(f"how {state} voted", "vote", a, ca, b, cb, "", value))
                for x, y, cy in ((a, b, cb), (b, a, ca)):
                    # x's report lists the states that voted cy, without this one
                    listed = [o for o in by_doc[x["doc"]] if _choice(o) == cy and o["source"] != state
                              and same_vote(o, x)]
                    if listed:
                        which = "abstained" if cy == "abstaining" else f"voted {cy}"
                        out.append(record(f"which states {which}", "vote", y, state, listed[0],
                                          sorted({o["source"] for o in listed}), "", value * 0.95))
    return out


def dedupe(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One contradiction per pair of evidence spans, and one per question two documents disagree on
    (the best-scored pair of sentences stands for the others), ranked by score: a reader wants each
    disagreement once, not once per sentence that repeats it."""
    best: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in rows:
        sides = sorted([(r["a_doc"], r["a_start"], r["a_end"]), (r["b_doc"], r["b_start"], r["b_end"])])
        key = tuple(sides)
        if key not in best or r["score"] > best[key]["score"]:
            best[key] = r
    ranked = sorted(best.values(), key=lambda r: (-r["score"], r["kind"], r["a_doc"], r["b_doc"], r["a_start"] or 0))
    seen: set[tuple[Any, ...]] = set()
    out = []
    for r in ranked:
        key = (r["kind"], r["about"], *sorted((r["a_doc"], r["b_doc"])))
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out
