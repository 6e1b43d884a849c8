"""Reading official voting data: the UN Digital Library's voting files, and others through a mapping file.

The official roll call is the ground truth for votes, and the press gets votes wrong (a state said to vote
against a text it voted for, a vote dated a day late, a count off by one). The United Nations Digital
Library publishes the General Assembly's and the Security Council's recorded votes as CSV, one row per
member state and resolution::

    undl_id, ms_code, ms_name, ms_vote, date, session, resolution, draft, committee_report, meeting, title,
    agenda_title, subjects, vote_note, total_yes, total_no, total_abstentions, total_non_voting, total_ms, ...

(the Security Council's file has ``description`` where the Assembly's has ``title``, and ``permanent_member``).
``ms_vote`` is Y (yes), N (no), A (abstention), X or blank (did not vote). Published files have varied a
little over the years, so each field is looked for under the names listed in :data:`COLUMNS`; a file from
another body (the Human Rights Council's votes, a table compiled from meeting records) is read through a
small YAML mapping of its columns and vote values (:func:`load_mapping`). Nothing is fetched: the user
downloads the file.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import yamlio
from ..actors.reference import Reference
from ..errors import DataError
from .resolutions import BODIES, body_of_symbol, normal_symbol
from .rollcall import resolve

# Field -> the header names it goes by (compared lower-cased, with spaces and dashes as underscores).
COLUMNS: dict[str, tuple[str, ...]] = {
    "undl_id": ("undl_id", "record_id", "undl_record_id", "id"),
    "ms_code": ("ms_code", "country_code", "iso3", "iso_code", "iso", "member_state_code", "code"),
    "ms_name": ("ms_name", "country_name", "member_state", "country", "state", "ms"),
    "ms_vote": ("ms_vote", "vote", "country_vote", "ms_vote_value"),
    "resolution": ("resolution", "resolution_symbol", "symbol", "res_symbol"),
    "draft": ("draft", "draft_symbol", "draft_resolution"),
    "date": ("date", "vote_date", "date_of_vote", "meeting_date"),
    "title": ("title", "description", "resolution_title"),
    "meeting": ("meeting", "meeting_record", "meeting_symbol"),
    "body": ("body", "un_body", "organ"),
    "total_yes": ("total_yes", "yes_total", "yes", "total_yeas"),
    "total_no": ("total_no", "no_total", "no", "total_nays"),
    "total_abstentions": ("total_abstentions", "total_abstention", "total_abstain", "abstentions", "abstain"),
    "total_non_voting": ("total_non_voting", "total_nonvoting", "total_not_voting", "total_absent", "non_voting"),
    "total_ms": ("total_ms", "total_members", "members", "total"),
}
# What each field is, for error messages.
DESCRIBE = {"ms_vote": "the member state's vote", "ms_code": "the member state's ISO3 code",
            "ms_name": "the member state's name", "resolution": "the resolution symbol",
            "draft": "the draft symbol", "date": "the date of the vote"}
# Y yes, N no, A abstention, X did not vote (blank in the library's files).
VOTE_VALUES = {"y": "Y", "yes": "Y", "in favour": "Y", "in favor": "Y", "for": "Y",
               "n": "N", "no": "N", "against": "N",
               "a": "A", "abstain": "A", "abstention": "A", "abstained": "A", "abstaining": "A",
               "x": "X", "": "X", "absent": "X", "non-voting": "X", "non voting": "X", "not voting": "X",
               "did not vote": "X", "nv": "X"}
TOTALS = (("total_yes", "yes"), ("total_no", "no"), ("total_abstentions", "abstain"),
          ("total_non_voting", "non_voting"), ("total_ms", "members"))


@dataclass
class Mapping:
    """How to read a file that is not in the library's shape: its column for each field, its vote values,
    and the body that voted."""

    columns: dict[str, str] = field(default_factory=dict)
    votes: dict[str, str] = field(default_factory=dict)
    body: str | None = None


@dataclass
class ResolutionRow:
    symbol: str
    key: str  # normal_symbol(symbol): how texts and the registry name it
    body: str
    date: str | None
    title: str = ""
    draft: str | None = None
    meeting: str | None = None
    undl_id: str | None = None
    totals: dict[str, int] = field(default_factory=dict)  # yes, no, abstain, non_voting, members
    line: int = 0  # first line of the file that names it


@dataclass(frozen=True, slots=True)
class VoteRow:  # slots: a full General Assembly file has about a million rows
    key: str  # the resolution's key
    state: str  # ISO3
    name: str  # as the file writes it
    vote: str  # Y | N | A | X
    line: int  # line of the file (the header is line 1)
    undl_id: str | None = None


@dataclass
class OfficialFile:
    path: str
    name: str  # file name: the provenance every stored vote keeps
    resolutions: dict[str, ResolutionRow] = field(default_factory=dict)
    votes: list[VoteRow] = field(default_factory=list)
    unresolved: dict[str, int] = field(default_factory=dict)  # state names without a code -> rows skipped


def _key(header: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", header.strip().lower()).strip("_")


def load_mapping(path: str | Path) -> Mapping:
    """A mapping file::

        body: HRC                   # UNGA | UNSC | HRC; else each symbol's form says
        columns: {ms_code: Country ISO3, ms_vote: Vote, resolution: Resolution, date: Date}
        votes: {"Yes": Y, "No": N, "Abstention": A, "Absent": X}
    """
    try:
        data = yamlio.load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yamlio.YAMLError) as err:
        raise DataError(f"{path}: cannot read the mapping: {err}") from err
    if not isinstance(data, dict):
        raise DataError(f"{path}: a mapping file holds 'columns', 'votes' and 'body'")
    unknown = sorted(set(data) - {"columns", "votes", "body"})
    if unknown:
        raise DataError(f"{path}: unknown key(s) {', '.join(unknown)} (expected columns, votes, body)")
    columns = data.get("columns") or {}
    votes = data.get("votes") or {}
    if not isinstance(columns, dict) or not isinstance(votes, dict):
        raise DataError(f"{path}: 'columns' and 'votes' are mappings")
    bad = sorted(set(columns) - set(COLUMNS))
    if bad:
        raise DataError(f"{path}: unknown field(s) {', '.join(map(str, bad))}; fields are {', '.join(COLUMNS)}")
    # YAML reads a bare Yes/No as true/false: take them back as the words they were
    values = {(("yes" if k else "no") if isinstance(k, bool) else str(k)).strip().lower(): str(v).strip().upper()
              for k, v in votes.items()}
    wrong = sorted(k for k, v in values.items() if v not in ("Y", "N", "A", "X"))
    if wrong:
        raise DataError(f"{path}: vote value(s) {', '.join(wrong)} must map to Y, N, A or X")
    body = data.get("body")
    if body is not None and body not in BODIES:
        raise DataError(f"{path}: body must be one of {', '.join(BODIES)}")
    return Mapping({str(k): str(v) for k, v in columns.items()}, values, body)


def _columns(header: list[str], mapping: Mapping, source: str) -> dict[str, int]:
    """Field -> column index. Says which field is missing, and what the file has instead."""
    keys = [_key(h) for h in header]
    found: dict[str, int] = {}
    for name, column in mapping.columns.items():
        if _key(column) not in keys:
            raise DataError(f"{source}: the mapping names column {column!r} for {name}, but the file has no such "
                            f"column (it has: {', '.join(header)})")
        found[name] = keys.index(_key(column))
    for name, accepted in COLUMNS.items():
        if name not in found:
            hit = next((keys.index(a) for a in accepted if a in keys), None)
            if hit is not None and hit not in found.values():
                found[name] = hit
    states = sum(1 for k in keys if re.fullmatch(r"[a-z]{3}", k))
    if "ms_vote" not in found and states >= 20:
        raise DataError(f"{source}: one column per state (the wide layout); stancemap reads the long file with one "
                        "row per state and resolution (ms_code, ms_vote, resolution, date, ...)")

    def missing(*names: str) -> DataError:
        wanted = " or ".join(f"{DESCRIBE[n]} ({', '.join(COLUMNS[n][:3])})" for n in names)
        return DataError(f"{source}: no column for {wanted}; the file has: {', '.join(header)} "
                         "(name the column in a mapping file: --mapping FILE)")

    if "ms_vote" not in found:
        raise missing("ms_vote")
    if "resolution" not in found and "draft" not in found:
        raise missing("resolution", "draft")
    if "ms_code" not in found and "ms_name" not in found:
        raise missing("ms_code", "ms_name")
    if "date" not in found:
        raise missing("date")
    return found


def _date(value: str) -> str | None:
    v = value.strip()
    if not v:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", v) or re.fullmatch(r"(\d{4})(\d{2})(\d{2})", v)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    raise ValueError(f"date {value!r} is not YYYY-MM-DD")


def _int(value: str) -> int | None:
    v = value.strip()
    if not v:
        return None
    try:
        return int(float(v))
    except ValueError as err:
        raise ValueError(f"total {value!r} is not a number") from err


def _rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of a CSV file; a comma, semicolon or tab file (its header line says which)."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        first = fh.readline()
        delimiter = max((",", ";", "\t"), key=first.count)
        fh.seek(0)
        reader = csv.reader(fh, delimiter=delimiter)
        for row in reader:
            yield reader.line_num, row


def read_file(path: str | Path, mapping: Mapping | None = None, symbols: tuple[str, ...] = (),
              ref: Reference | None = None) -> OfficialFile:
    """Read one voting file. ``symbols``: keep only these resolutions (shell patterns on the symbol, e.g.
    ``A/RES/ES-11/*``). A row without an ISO3 code is placed by the state's name (the UN's own names, then
    the actor reference ``ref``). Errors name the file, the line and the problem."""
    import fnmatch

    from ..actors.reference import load_reference

    p = Path(path)
    mapping = mapping or Mapping()
    source = p.name
    if not p.is_file():
        raise DataError(f"{path}: no such file")
    out = OfficialFile(str(p.resolve()), source)
    codes: dict[str, str | None] = {}
    try:
        rows = _rows(p)
        try:
            _, header = next(rows)
        except StopIteration:
            raise DataError(f"{source}: empty file") from None
        cols = _columns(header, mapping, source)

        def cell(row: list[str], name: str) -> str:
            i = cols.get(name)
            return row[i].strip() if i is not None and i < len(row) else ""

        for line, row in rows:
            if not any(c.strip() for c in row):
                continue
            symbol = " ".join((cell(row, "resolution") or cell(row, "draft")).split())
            if not symbol:
                raise DataError(f"{source}, line {line}: no resolution or draft symbol")
            if symbols and not any(fnmatch.fnmatchcase(symbol.upper(), s.upper()) for s in symbols):
                continue
            raw = cell(row, "ms_vote")
            vote = mapping.votes.get(raw.lower()) or VOTE_VALUES.get(raw.lower())
            if vote is None:
                raise DataError(f"{source}, line {line}: vote {raw!r} is not Y, N, A, X or blank"
                                + (" (map it in the mapping file's 'votes')" if raw else ""))
            code = cell(row, "ms_code").upper()
            name = cell(row, "ms_name")
            if not re.fullmatch(r"[A-Z]{3}", code):
                if name not in codes:  # "KAZAKHSTAN", "Iran (Islamic Republic of)", "Turkey"
                    ref = ref or load_reference()
                    codes[name] = resolve(name.title() if name.isupper() else name, ref) if name else None
                code = codes[name] or ""
            if not code:
                out.unresolved[name or "(no name)"] = out.unresolved.get(name or "(no name)", 0) + 1
                continue
            key = normal_symbol(symbol)
            try:
                date = _date(cell(row, "date"))
                totals = {t: v for c, t in TOTALS if (v := _int(cell(row, c))) is not None}
            except ValueError as err:
                raise DataError(f"{source}, line {line}: {err}") from None
            res = out.resolutions.get(key)
            if res is None:
                body = mapping.body or cell(row, "body").upper() or body_of_symbol(symbol) or "UNGA"
                if body not in BODIES:
                    raise DataError(f"{source}, line {line}: body {body!r} is not one of {', '.join(BODIES)}")
                res = out.resolutions[key] = ResolutionRow(
                    symbol=symbol, key=key, body=body, date=date, title=cell(row, "title"),
                    draft=cell(row, "draft") or None, meeting=cell(row, "meeting") or None,
                    undl_id=cell(row, "undl_id") or None, totals=totals, line=line)
            elif date and res.date and date != res.date:
                raise DataError(f"{source}, line {line}: {symbol} is dated {date} here but {res.date} on line "
                                f"{res.line}")
            out.votes.append(VoteRow(key, code, name, vote, line, cell(row, "undl_id") or None))
    except OSError as err:
        raise DataError(f"{path}: cannot read: {err}") from err
    except UnicodeDecodeError as err:
        raise DataError(f"{source}: not UTF-8 text ({err.reason} at byte {err.start})") from err
    except csv.Error as err:
        raise DataError(f"{source}: not a readable CSV file: {err}") from err
    if not out.votes:
        raise DataError(f"{source}: no votes read" + (" (none matches --symbol)" if symbols else ""))
    return out


def describe_totals(totals: dict[str, Any]) -> str:
    """ "141 in favour, 5 against, 35 abstentions, 12 not voting" (the parts the record has)."""
    parts = [f"{totals['yes']} in favour" if totals.get("yes") is not None else "",
             f"{totals['no']} against" if totals.get("no") is not None else "",
             f"{totals['abstain']} abstention{'s' if totals['abstain'] != 1 else ''}"
             if totals.get("abstain") is not None else "",
             f"{totals['non_voting']} not voting" if totals.get("non_voting") is not None else ""]
    return ", ".join(p for p in parts if p)
