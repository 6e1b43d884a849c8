"""The official record in the store: importing a voting file, and the document that renders it.

Every vote read from a file is stored in ``official_votes`` (state, vote, the file and line it came from),
every resolution in ``resolutions`` (symbol, body, date, title, draft, meeting, totals). Votes on the
resolutions that bear on an issue (the resolutions registry, ``votes/data/resolutions.yaml`` and
``--resolutions FILE``) also become **stance records**, so that every consumer of positions (the brief,
the profile, the export, the API) sees them without knowing about official data. A stance keeps verbatim
evidence and character offsets; so each imported file is rendered as a document of its own (id
``official-<file>``), one readable line per vote::

    Kazakhstan (KAZ) abstained on A/RES/ES-11/1 (Aggression against Ukraine), General Assembly,
    2 March 2022 [undl_ga_votes.csv line 14].

and the stance's evidence is that line. Stances from the record carry the rule ``official:<vote>:<symbol>``
(``official:A:ES-11/1``; ``...:subject`` for the position a vote implies on the resolution's subject).
The rendered document is rebuilt after every import from what the tables hold, so re-importing a file,
or importing a newer file with the same resolutions, replaces the record instead of adding to it.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any

from ..actors.reference import Reference, load_reference
from ..model import Document, Sentence, Stance
from ..stances.issues import load_issues
from ..store import Store
from .official import OfficialFile, describe_totals
from .resolutions import Registry, Resolution, load_registry, normal_symbol

OFFICIAL_PREFIX = "official-"
EXTRACTOR = "official-record"
POLARITY = {"Y": "support", "N": "oppose", "A": "neutral", "X": "neutral"}
VERB = {"Y": "voted in favour of", "N": "voted against", "A": "abstained on", "X": "did not vote on"}
VOTE_WORD = {"Y": "in favour", "N": "against", "A": "abstained", "X": "did not vote"}
BODY_NAME = {"UNGA": "General Assembly", "UNSC": "Security Council", "HRC": "Human Rights Council"}


def doc_id(source: str) -> str:
    """The id of the document rendering file ``source``: letters, digits, ``_`` and ``-`` only, so that
    a citation ``[official-undl_ga_votes]`` reads as one everywhere citations are read."""
    stem = source.rsplit(".", 1)[0] if "." in source else source
    return OFFICIAL_PREFIX + re.sub(r"[^A-Za-z0-9_-]+", "_", stem)


def is_official(row: dict[str, Any]) -> bool:
    """Whether a stored record comes from an official record rather than from a text."""
    return str(row.get("rule") or "").startswith("official:")


def human_date(iso: str | None) -> str:
    """ "2 March 2022" for "2022-03-02"."""
    if not iso:
        return "undated"
    try:
        d = Date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{d.day} {d.strftime('%B')} {d.year}"


def short_symbol(symbol: str) -> str:
    """The symbol as texts write it: "ES-11/1" for "A/RES/ES-11/1" (as the vote stage's rules do)."""
    return Resolution(symbol=symbol).short


@dataclass
class ImportReport:
    source: str
    resolutions: int = 0
    votes: int = 0
    mapped: list[str] = field(default_factory=list)  # symbols whose votes are positions on an issue
    unmapped: list[str] = field(default_factory=list)
    unresolved: dict[str, int] = field(default_factory=dict)
    registry_differs: list[str] = field(default_factory=list)  # the registry's date or totals disagree


def import_file(store: Store, parsed: OfficialFile, resolutions_files: tuple[str, ...] = (),
                issues_file: str | None = None, actor_files: tuple[str, ...] = ()) -> ImportReport:
    """Store a read voting file, rebuild the documents that render the record, and say what was done."""
    registry = load_registry(resolutions_files)
    rep = ImportReport(parsed.name, len(parsed.resolutions), len(parsed.votes), unresolved=dict(parsed.unresolved))
    res_rows = []
    for r in parsed.resolutions.values():
        res_rows.append({"symbol": r.symbol, "res_key": r.key, "body": r.body, "date": r.date, "title": r.title,
                         "draft": r.draft, "meeting": r.meeting, "undl_id": r.undl_id,
                         "total_yes": r.totals.get("yes"), "total_no": r.totals.get("no"),
                         "total_abstain": r.totals.get("abstain"), "total_non_voting": r.totals.get("non_voting"),
                         "total_members": r.totals.get("members"), "source": parsed.name, "line": r.line})
        known = registry.get(r.symbol) or (registry.get(r.draft) if r.draft else None)
        if known is not None:
            said = dict(known.totals)
            if (known.date and r.date and known.date != r.date) or any(
                    said.get(k) is not None and r.totals.get(k) is not None and said[k] != r.totals[k]
                    for k in ("yes", "no", "abstain")):
                rep.registry_differs.append(r.symbol)
    store.replace_official(parsed.name, res_rows,
                           [(v.key, parsed.resolutions[v.key].symbol, parsed.resolutions[v.key].body,
                             parsed.resolutions[v.key].date, v.state, v.name, v.vote, parsed.name, v.line, v.undl_id)
                            for v in parsed.votes])
    mapped = rebuild_documents(store, registry, issues_file, actor_files)
    rep.mapped = sorted(r.symbol for r in parsed.resolutions.values() if r.key in mapped)
    rep.unmapped = sorted(r.symbol for r in parsed.resolutions.values() if r.key not in mapped)
    return rep


def registry_entry(registry: Registry, row: dict[str, Any]) -> Resolution | None:
    """The registry's entry for a stored resolution: by its symbol, else by its draft's."""
    return registry.get(row["symbol"]) or (registry.get(row["draft"]) if row.get("draft") else None)


def rebuild_documents(store: Store, registry: Registry | None = None, issues_file: str | None = None,
                      actor_files: tuple[str, ...] = ()) -> set[str]:
    """Render every imported file's votes on issue-bearing resolutions as a document with stance records;
    returns the keys of the resolutions rendered."""
    registry = registry or load_registry()
    issue_ids = {i.id for i in load_issues(issues_file)}
    ref = load_reference(actor_files)
    resolutions = store.rows("resolutions")
    by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
    issues_of: dict[str, tuple[list[str], list[tuple[str, str]]]] = {}
    for r in resolutions:
        entry = registry_entry(registry, r)
        direct = [i for i in (entry.issues if entry else ()) if i in issue_ids]
        subject = [(i, s) for i, s in (entry.subject if entry else ()) if i in issue_ids]
        if direct or subject:
            issues_of[r["res_key"]] = (direct, subject)
        by_source[r["source"]].append(r)
    existing = {r["id"] for r in store.rows("documents", "id LIKE ?", (OFFICIAL_PREFIX + "%",))}
    wanted: set[str] = set()
    for source, rows in sorted(by_source.items()):
        rows = sorted((r for r in rows if r["res_key"] in issues_of), key=lambda r: (str(r["date"] or ""), r["symbol"]))
        if not rows:
            continue
        keys = [r["res_key"] for r in rows]
        votes = [v for i in range(0, len(keys), 200) for v in store.rows(
            "official_votes", "source = ? AND res_key IN (" + ", ".join("?" * len(keys[i:i + 200])) + ")",
            (source, *keys[i:i + 200]))]
        doc, res_spans, vote_spans = render(source, rows, votes, issues_of, ref)
        store.save_document(doc, extractor=EXTRACTOR)
        store.set_official_evidence(res_spans, vote_spans)
        wanted.add(doc.id)
    for stale in sorted(existing - wanted):
        store.delete_document(stale)
    return set(issues_of)


def head_line(r: dict[str, Any]) -> str:
    """The line that introduces a resolution's record: symbol, title, body, date, draft, meeting, totals."""
    totals = {"yes": r["total_yes"], "no": r["total_no"], "abstain": r["total_abstain"],
              "non_voting": r["total_non_voting"]}
    extra = "; ".join(p for p in (f"draft {r['draft']}" if r["draft"] and r["draft"] != r["symbol"] else "",
                                  f"meeting {r['meeting']}" if r["meeting"] else "") if p)
    tally = describe_totals(totals)
    return (f"{r['symbol']}" + (f" — {r['title']}" if r["title"] else "")
            + f". {BODY_NAME.get(r['body'], r['body'])}, {human_date(r['date'])}" + (f" ({extra})" if extra else "")
            + "." + (f" Recorded vote: {tally}." if tally else "") + f" [{r['source']} line {r['line']}]")


def vote_line(name: str, v: dict[str, Any], r: dict[str, Any]) -> str:
    """The line that states one recorded vote: "Kazakhstan (KAZ) abstained on A/RES/ES-11/1 (...), ..."."""
    what = f"{r['symbol']}" + (f" ({r['title']})" if r["title"] else "")
    return (f"{name} ({v['state']}) {VERB[v['vote']]} {what}, {BODY_NAME.get(r['body'], r['body'])}, "
            f"{human_date(r['date'])} [{v['source']} line {v['line']}].")


def parse_vote_rule(rule: str | None) -> tuple[str, str | None] | None:
    """(vote, resolution key) of a vote record's rule ("rollcall:Y:ES-11/4", "vote:A:ES-11/1:subject",
    "official:N:68/262"); None for other rules. The key is None when the text named no resolution."""
    parts = str(rule or "").split(":")
    if len(parts) < 2 or parts[0] not in ("vote", "rollcall", "official") or parts[1] not in POLARITY:
        return None
    return parts[1], normal_symbol(parts[2]) if len(parts) > 2 and parts[2] and parts[2] != "subject" else None


def render(source: str, resolutions: list[dict[str, Any]], votes: list[dict[str, Any]],
           issues_of: dict[str, tuple[list[str], list[tuple[str, str]]]],
           ref: Reference) -> tuple[Document, list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The document of one file's record: a heading per resolution, then one line per state's vote, each
    line a sentence; stances on the resolution's issues quote the line."""
    lines = [f"Official voting record imported from {source}. Each line gives one recorded vote and the line "
             f"of {source} it comes from."]
    spans: list[tuple[int, int]] = []
    res_spans: list[tuple[Any, ...]] = []
    vote_spans: list[tuple[Any, ...]] = []
    stances: list[Stance] = []
    by_res: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for v in votes:
        by_res[v["res_key"]].append(v)
    offset = len(lines[0]) + 1
    spans.append((0, len(lines[0])))
    did = doc_id(source)

    def add(line: str) -> tuple[int, int, int]:
        nonlocal offset
        lines.append(line)
        start = offset
        spans.append((start, start + len(line)))
        offset += len(line) + 1
        return start, start + len(line), len(spans) - 1

    for r in resolutions:
        head = head_line(r)
        lines.append("")
        offset += 1
        s, e, _ = add(head)
        direct, subject = issues_of[r["res_key"]]
        res_spans.append((",".join([*direct, *(i for i, _ in subject)]), did, s, e, r["id"]))
        short = short_symbol(r["symbol"])
        for v in sorted(by_res.get(r["res_key"], []), key=lambda v: (ref.name(v["state"]), v["state"])):
            line = vote_line(ref.name(v["state"]), v, r)
            s, e, idx = add(line)
            vote_spans.append((did, s, e, line, v["id"]))
            rule = f"official:{v['vote']}:{short}"
            stances += [Stance(actor=v["state"], issue=i, stance=POLARITY[v["vote"]], start=s, end=e,
                               actor_sector="GOV", date=r["date"], confidence=1.0, rule=rule, sent=idx)
                        for i in direct]
            if v["vote"] != "N":  # voting against rejects the text, not its subject
                stances += [Stance(actor=v["state"], issue=i, stance=st if v["vote"] == "Y" else "neutral", start=s,
                                   end=e, actor_sector="GOV", date=r["date"], confidence=0.9,
                                   rule=rule + ":subject", sent=idx)
                            for i, st in subject]
    text = "\n".join(lines) + "\n"
    dates = [str(r["date"]) for r in resolutions if r["date"]]
    doc = Document(id=did, text=text, title=f"Official voting record: {source}",
                   publisher="United Nations voting record (imported)", published=max(dates) if dates else None,
                   lang="en", source=source, meta={"official": True, "file": source,
                                                   "resolutions": [r["symbol"] for r in resolutions]})
    doc.content_hash = hashlib.sha256((did + "\n" + text).encode("utf-8")).hexdigest()
    doc.raw_hash = doc.content_hash
    doc.sentences = [Sentence(i, s, e) for i, (s, e) in enumerate(spans)]
    doc.stances = stances
    return doc, res_spans, vote_spans


# -- reading the record back -----------------------------------------------------------------------
@dataclass
class RecordedResolution:
    row: dict[str, Any]
    votes: dict[str, dict[str, Any]]  # state -> official_votes row

    @property
    def key(self) -> str:
        return str(self.row["res_key"])

    @property
    def totals(self) -> dict[str, int | None]:
        return {"Y": self.row["total_yes"], "N": self.row["total_no"], "A": self.row["total_abstain"],
                "X": self.row["total_non_voting"]}

    @property
    def complete(self) -> bool:
        """Whether the roll call lists every member of the body (a state missing from it did not sit there)."""
        members = self.row["total_members"]
        return bool(members) and len(self.votes) >= int(members)

    def citation(self) -> str:
        return f"{self.row['source']} line {self.row['line']}"


def recorded(store: Store, symbol: str) -> RecordedResolution | None:
    """The record of one resolution (any way of writing its symbol), or None if none was imported."""
    key = normal_symbol(symbol)
    rows = store.rows("resolutions", "res_key = ?", (key,))
    if not rows:
        return None
    votes = {v["state"]: v for v in store.rows("official_votes", "res_key = ?", (key,))}
    return RecordedResolution(rows[0], votes)


def has_record(store: Store) -> bool:
    return bool(store.query("SELECT 1 AS x FROM resolutions LIMIT 1"))
