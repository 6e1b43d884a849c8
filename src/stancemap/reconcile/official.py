"""Text checked against the official record: contradictions of kind ``official-record``.

Once a voting file has been imported (``stancemap votes import``), every vote, count and date of a vote that
extraction read from a text is compared with the roll call:

* a **vote**: a text's vote record (roll-call line or prose; its rule names the resolution) that the roll
  call records otherwise ("text says Serbia voted against ES-11/1; the roll call records in favour"), or a
  vote by a state the complete roll call of the body does not list (not a member of the Council then);
* a **count**: "141 votes to five, with 35 abstentions", "Thirteen Member States did not vote", in a
  sentence that holds a vote record or a claim, on the one resolution the sentence names (its symbol, the
  symbol its vote records carry, or else the one recorded vote held on the day it dates the vote to). A count far from the record is more likely another vote in the same
  sentence (a procedural vote, an amendment) than a misstatement of this one: a single count is checked
  when it is within 10% of the record (or 3 votes), a full result when one of its counts agrees;
* a **date**: a day the sentence gives the vote ("on 3 March", "the March 2 vote") within a week of the
  recorded date but not on it.

Each contradiction has the text on side ``a`` and the record on side ``b`` (the line of the document that
renders the record, with its offsets; the file and line in the note). Only the imported record is ground
truth here: the resolutions registry's facts serve to find resolutions, not to judge texts.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from ..actors.reference import load_reference
from ..config import Options
from ..store import Store
from ..votes.record import (
    VOTE_WORD,
    RecordedResolution,
    doc_id,
    has_record,
    head_line,
    human_date,
    is_official,
    parse_vote_rule,
    recorded,
    vote_line,
)
from ..votes.resolutions import find_symbols, load_registry, normal_symbol
from ..votes.tally import read_counts, vote_dates

KIND = "official-record"
COUNT_WORD = {"Y": "votes in favour", "N": "votes against", "A": "abstentions", "X": "states not voting"}
_VOTE_TEXT = ("vot", "abstain", "abstention", "in favour", "in favor", "against")


def without_official(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records from texts only: the text-to-text checks leave the record to :func:`official_contradictions`."""
    return [r for r in rows if not is_official(r)]


class _Record:
    """The imported record, read one resolution at a time as texts name them."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.cache: dict[str, RecordedResolution | None] = {}

    def get(self, key: str | None) -> RecordedResolution | None:
        if not key:
            return None
        if key not in self.cache:
            self.cache[key] = recorded(self.store, key)
        return self.cache[key]

    def dated(self, text: str) -> RecordedResolution | None:
        """The one recorded resolution a sentence that names none dates its vote to ("when the Assembly voted
        on 2 March 2022, ..."): every vote date it gives falls on the day of the same recorded vote."""
        keys = set()
        for d in vote_dates(text):
            day = f"{d.month:02d}-{d.day:02d}"
            rows = self.store.rows("resolutions", "date = ?", (f"{d.year}-{day}",)) if d.year else \
                self.store.rows("resolutions", "date LIKE ?", (f"%-{day}",))
            if len(rows) != 1:
                return None
            keys.add(rows[0]["res_key"])
        return self.get(keys.pop()) if len(keys) == 1 else None


def _side(doc: str, start: Any, end: Any, evidence: str, value: Any) -> dict[str, Any]:
    return {"doc": doc, "start": start, "end": end, "evidence": evidence,
            "value": json.dumps(value, ensure_ascii=False)}


def _record(about: str, note: str, a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    # score 1: one side is the record itself, so these are not ranked against text-to-text disagreements
    return {"about": about, "kind": KIND, "note": note, "score": 1.0, **{f"a_{k}": v for k, v in a.items()},
            **{f"b_{k}": v for k, v in b.items()}}


def _text_side(row: dict[str, Any], value: Any) -> dict[str, Any]:
    return _side(row["doc"], row["start_char"], row["end_char"], row["evidence"], value)


def _vote_side(rec: RecordedResolution, vote: dict[str, Any], name: str) -> dict[str, Any]:
    evidence = vote["evidence"] or vote_line(name, vote, rec.row)
    return _side(vote["doc"] or doc_id(vote["source"]), vote["start_char"], vote["end_char"], evidence,
                 VOTE_WORD[vote["vote"]])


def _head_side(rec: RecordedResolution, value: Any) -> dict[str, Any]:
    r = rec.row
    return _side(r["doc"] or doc_id(r["source"]), r["start_char"], r["end_char"], head_line(r), value)


def vote_contradictions(store: Store, record: _Record | None = None,
                        actor_files: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Text votes on a resolution the record holds, where the roll call says otherwise."""
    record = record or _Record(store)
    ref = load_reference(actor_files)
    out = []
    seen: set[tuple[Any, ...]] = set()
    for e in store.rows("events", "predicate LIKE ?", ("vote:%",)):
        parsed = parse_vote_rule(e["rule"])
        if parsed is None or not e["source"]:
            continue
        value, key = parsed
        rec = record.get(key) if key else record.dated(e["evidence"])
        if rec is None:
            continue
        official = rec.votes.get(e["source"])
        name = ref.name(e["source"])
        symbol = rec.row["symbol"]
        mark = (e["doc"], e["source"], rec.key, value)
        if mark in seen:
            continue
        if official is None:
            if not rec.complete or e["source"] not in ref.states:
                continue
            seen.add(mark)
            out.append(_record(
                f"how {name} ({e['source']}) voted on {symbol} ({human_date(rec.row['date'])})",
                f"text says {name} {_said(value)} {symbol}; the roll call ({rec.citation()}) does not list "
                f"{name}: it had no vote in that body",
                _text_side(e, VOTE_WORD[value]), _head_side(rec, "not on the roll call")))
            continue
        if official["vote"] == value:
            continue
        seen.add(mark)
        out.append(_record(
            f"how {name} ({e['source']}) voted on {symbol} ({human_date(rec.row['date'])})",
            f"text says {name} {_said(value)} {symbol}; the roll call records {VOTE_WORD[official['vote']]} "
            f"({official['source']} line {official['line']})",
            _text_side(e, VOTE_WORD[value]), _vote_side(rec, official, name)))
    return out


def _said(value: str) -> str:
    return {"Y": "voted in favour of", "N": "voted against", "A": "abstained on", "X": "did not vote on"}[value]


def _sentences(store: Store) -> dict[tuple[str, int], dict[str, Any]]:
    """Sentences that extraction found to be about a vote: those of vote records and of claims that speak of
    votes, with the resolutions their vote records name."""
    out: dict[tuple[str, int], dict[str, Any]] = {}
    for e in store.rows("events", "predicate LIKE ?", ("vote:%",)):
        if e["sent"] is None:
            continue
        slot = out.setdefault((e["doc"], e["sent"]), {"row": e, "keys": set()})
        parsed = parse_vote_rule(e["rule"])
        if parsed and parsed[1]:
            slot["keys"].add(parsed[1])
    for c in store.rows("claims"):
        if c["sent"] is not None and any(w in c["evidence"].lower() for w in _VOTE_TEXT):
            out.setdefault((c["doc"], c["sent"]), {"row": c, "keys": set()})
    return out


def _close(said: int, official: int) -> bool:
    return abs(said - official) <= max(3, 0.1 * official)


def count_and_date_contradictions(store: Store, record: _Record | None = None,
                                  resolutions_files: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Counts and dates of votes in texts that the record gives otherwise."""
    from datetime import date as Date

    record = record or _Record(store)
    registry = load_registry(resolutions_files)
    voted_on = {r.date for r in registry.resolutions if r.date} | {
        r["date"] for r in store.query("SELECT DISTINCT date FROM resolutions") if r["date"]}
    out = []
    seen: set[tuple[Any, ...]] = set()
    for (doc, _), slot in sorted(_sentences(store).items()):
        row = slot["row"]
        text = row["evidence"]
        keys = slot["keys"] | {normal_symbol(r.resolution.symbol) for r in find_symbols(text, registry)}
        recs = {r.key: r for k in keys if (r := record.get(k)) is not None}
        if not recs and (on_day := record.dated(text)) is not None:
            recs = {on_day.key: on_day}
        if not recs:
            continue
        if len(recs) == 1:
            rec = next(iter(recs.values()))
            counts = read_counts(text)
            groups: dict[int, list[Any]] = defaultdict(list)
            for c in counts:
                groups[c.together].append(c)
            for c in counts:
                official = rec.totals.get(c.kind)
                if official is None or c.value == official:
                    continue
                if c.together == 1 and not _close(c.value, official):
                    continue
                if c.together > 1:
                    whole = [x for x in counts if x.together == c.together and abs(x.start - c.start) < 120]
                    if not any(rec.totals.get(x.kind) == x.value for x in whole) and not _close(c.value, official):
                        continue
                mark = (doc, rec.key, c.kind, c.value)
                if mark in seen:
                    continue
                seen.add(mark)
                symbol = rec.row["symbol"]
                out.append(_record(
                    f"{COUNT_WORD[c.kind]} on {symbol} ({human_date(rec.row['date'])})",
                    f"text gives {c.value} {COUNT_WORD[c.kind]} on {symbol}; the record has {official} "
                    f"({rec.citation()})",
                    _text_side(row, c.value), _head_side(rec, official)))
        for d in vote_dates(text):
            stated = [(r, d.on(int(str(r.row["date"])[:4]))) for r in recs.values() if r.row["date"]]
            if not stated or any(on in voted_on for _, on in stated):
                continue  # the day of this vote, or of another the sentence also speaks of
            near = [(abs((Date.fromisoformat(on) - Date.fromisoformat(r.row["date"])).days), r, on)
                    for r, on in stated if on]
            near = [n for n in near if n[0] <= 7]
            if len(near) != 1:
                continue
            _, rec, on = near[0]
            if (doc, rec.key, on) in seen:
                continue
            seen.add((doc, rec.key, on))
            symbol = rec.row["symbol"]
            out.append(_record(
                f"date of the vote on {symbol}",
                f"text dates the vote on {symbol} {human_date(on)}; the record: {human_date(rec.row['date'])} "
                f"({rec.citation()})",
                _text_side(row, on), _head_side(rec, rec.row["date"])))
    return out


def official_contradictions(store: Store, options: Options | None = None) -> list[dict[str, Any]]:
    """Every disagreement between the texts' votes, counts and dates and the imported record."""
    if not has_record(store):
        return []
    options = options or Options()
    record = _Record(store)
    return (vote_contradictions(store, record, tuple(options.actors_files))
            + count_and_date_contradictions(store, record, tuple(options.resolutions_files)))
