"""Assemble the answer to a question from stored records only.

The answer has the shape of the ``ask`` contract (export-schema.md): per issue, the aggregated
position with its evidence; a prose ``summary`` in which every sentence ends with document
citations; the contradictions. It also carries the structured brief (headline, one paragraph per
dimension, contradictions, open questions) and the multi-vector profile. No text is invented
beyond fixed templates and verbatim evidence.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..actors.reference import load_reference
from ..analysis.positions import Position, aggregate
from ..analysis.profile import DIMENSIONS, profile, profile_table
from ..stances.issues import Issue, load_issues
from ..store import Store
from .question import Question

OFFICIAL = {None, "GOV", "MIL", "LEG", "JUD"}
_VERB = {"support": "supports", "oppose": "opposes", "neutral": "takes a neutral line on",
         "mixed": "gives mixed signals on", "unknown": "has no recorded position on"}
_EVENT_VERB = {"AGREE": "agreed with", "CONSULT": "consulted", "SUPPORT": "backed", "CONCEDE": "made concessions to",
               "COOPERATE": "cooperated with", "AID": "gave aid to", "RETREAT": "withdrew from", "REQUEST": "appealed to",
               "ACCUSE": "criticised", "REJECT": "rejected", "THREATEN": "threatened", "PROTEST": "protested against",
               "SANCTION": "sanctioned", "MOBILIZE": "mobilised against", "COERCE": "used force or the law against",
               "ASSAULT": "attacked"}
_NEG_VERB = {"ACCUSE": "did not condemn", "SANCTION": "did not sanction", "AID": "did not aid",
             "SUPPORT": "did not back", "AGREE": "did not agree with"}


def cite(docs: list[str]) -> str:
    return "".join(f"[{d}]" for d in dict.fromkeys(docs))


def short(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def fmt_value(v: float) -> str:
    v = float(v)
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= scale:
            return f"{v / scale:.4g} {word}"
    return f"{int(v):,}" if v.is_integer() else f"{v:g}"


def _lower_first(text: str) -> str:
    """Lower-case a label's first letter for use mid-sentence, unless it starts a name or acronym."""
    first = text.split(" ", 1)[0].replace("’s", "").replace("'s", "")
    if len(first) > 1 and (first[1].isupper() or load_reference().lookup(first)):
        return text
    return text[:1].lower() + text[1:]


def _best(pos: Position, k: int = 2, exclude: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    agreeing = [e for e in pos.evidence if e["stance"] == pos.position] or pos.evidence
    agreeing = [e for e in agreeing if e["evidence"] not in exclude]  # quoted elsewhere already
    ranked = sorted(agreeing, key=lambda e: (-(e.get("confidence") or 0), len(e["evidence"])))
    out, docs = [], set()
    for e in ranked:
        if e["doc"] not in docs:
            out.append(e)
            docs.add(e["doc"])
        if len(out) == k:
            break
    return out


def issue_sentences(actor_name: str, issue: Issue, pos: Position, exclude: frozenset[str] = frozenset()) -> list[str]:
    docs = sorted({e["doc"] for e in pos.evidence})
    n = len(docs)
    lines = [f"On {_lower_first(issue.label)}, {actor_name} {_VERB[pos.position]} it "
             f"({len(pos.evidence)} piece{'s' if len(pos.evidence) != 1 else ''} of evidence in {n} "
             f"source{'s' if n != 1 else ''}; confidence {pos.confidence:.2f}) {cite(docs)}."]
    for e in _best(pos, exclude=exclude):
        lines.append(f"“{short(e['evidence'])}” {cite([e['doc']])}.")
    return lines


_VOTE_VERB = {"for": "voted for", "against": "voted against", "abstain": "abstained on", "absent": "did not vote on"}


_SECTOR_NAME = {"GOV": "government", "MIL": "armed forces", "LEG": "parliament", "JUD": "courts", "CVL": "citizens",
                "OPP": "opposition", "BUS": "business", "MED": "media", "REB": "rebels"}


def domestic(clusters: list[dict[str, Any]], actor: str | None, quoted: set[str], k: int = 4) -> list[dict[str, Any]]:
    """The state's acts toward its own society and back (courts sentencing activists, citizens
    protesting): they show the social side of a position that acts between states do not."""
    rows = [c for c in clusters if actor and c["source"] == actor and c["target"] == actor
            and c["source_sector"] and c["target_sector"] and c["source_sector"] != c["target_sector"]
            and c["evidence"] not in quoted]
    rows.sort(key=lambda c: (-int(c["documents"]), c["type"] not in ("COERCE", "ASSAULT", "CONCEDE"), str(c["date"])))
    return rows[:k]


def domestic_sentence(actor_name: str, c: dict[str, Any]) -> str:
    src = _SECTOR_NAME.get(str(c["source_sector"]), str(c["source_sector"]))
    tgt = _SECTOR_NAME.get(str(c["target_sector"]), str(c["target_sector"]))
    verb = _NEG_VERB.get(c["type"], f"did not {_EVENT_VERB[c['type']].split()[0]}") if c["negated"] \
        else _EVENT_VERB[c["type"]]
    when = f" ({c['date']})" if c["date"] else ""
    corro = f", reported by {c['documents']} sources" if int(c["documents"]) > 1 else ""
    docs = str(c["docs"]).split(",")
    return (f"At home, {actor_name}'s {src} {verb} its {tgt}{when}{corro}: “{short(c['evidence'], 180)}” "
            f"{cite([c['evidence_doc'], *docs])}.")


def vote_sentences(actor_name: str, votes: list[dict[str, Any]], k: int = 5) -> list[str]:
    """How the actor voted, one sentence per recorded vote (analysts read votes first)."""
    out: list[str] = []
    seen: set[str] = set()
    for v in sorted(votes, key=lambda v: (str(v["date"] or ""), v["doc"])):
        direction = str(v["predicate"] or "").split(":", 1)[1] if ":" in str(v["predicate"] or "") else ""
        if v["evidence"] in seen or direction not in _VOTE_VERB:
            continue
        seen.add(v["evidence"])
        when = f" ({v['date']})" if v["date"] else ""
        parts = str(v["rule"]).split(":")  # vote|rollcall : Y|N|A|X : symbol
        what = f"resolution {parts[2]}" if len(parts) > 2 and parts[2] else "a resolution"
        out.append(f"Vote{when}: {actor_name} {_VOTE_VERB[direction]} {what}: “{short(v['evidence'], 200)}” "
                   f"{cite([v['doc']])}.")
        if len(out) == k:
            break
    return out


def _event_sentence(actor: str, names: Any, c: dict[str, Any]) -> str:
    docs = str(c["docs"]).split(",")
    who = names(c["source"])
    verb = _NEG_VERB.get(c["type"], f"did not {_EVENT_VERB[c['type']].split()[0]}") if c["negated"] \
        else _EVENT_VERB[c["type"]]
    when = f" ({c['date']})" if c["date"] else ""
    corro = f", reported by {c['documents']} sources" if int(c["documents"]) > 1 else ""
    return (f"{who} {verb} {names(c['target'])}{when}{corro}: “{short(c['evidence'], 180)}” "
            f"{cite([c['evidence_doc'], *docs])}.")


def _fresh_evidence(store: Store, clusters: list[dict[str, Any]], quoted: set[str]) -> None:
    """An act reported by several sentences is shown with one not already quoted elsewhere in the
    brief (a sentence that states a vote and a refusal to sanction is quoted once, for the vote)."""
    for c in clusters:
        if c["evidence"] in quoted and int(c["mentions"] or 0) > 1:
            rows = sorted(store.rows("events", "cluster = ?", (c["id"],)), key=lambda r: -(r["confidence"] or 0.0))
            alt = next((r for r in rows if r["evidence"] not in quoted), None)
            if alt is not None:
                c["evidence"], c["evidence_doc"] = alt["evidence"], alt["doc"]


def build_answer(store: Store, q: Question, issues_file: str | None = None,
                 actor_files: tuple[str, ...] = ()) -> dict[str, Any]:
    """The ``ask`` JSON for question ``q`` from what ``store`` holds."""
    ref = load_reference(actor_files)
    issues_all = load_issues(issues_file)
    issues = {i.id: i for i in issues_all}
    actor = q.actor
    stance_rows = store.rows("stances", "actor = ?", (actor,)) if actor else []
    clusters = store.rows("event_clusters", "source = ? OR target = ?", (actor, actor)) if actor else []
    claims = store.rows("claims", "subject = ?", (actor,)) if actor else []
    votes = store.rows("events", "source = ? AND predicate LIKE ?", (actor, "vote:%")) if actor else []
    voted = frozenset(v["evidence"] for v in votes)  # quoted once, in the votes sentence
    # The state's own position comes from the state and its institutions; society (activists,
    # business, media, opposition) is reported on its own.
    by_issue: dict[str, list[dict[str, Any]]] = defaultdict(list)
    society: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in stance_rows:
        (by_issue if (r["actor_sector"] or None) in OFFICIAL else society)[r["issue"]].append(r)
    positions = {iid: aggregate(actor or "", iid, by_issue.get(iid, [])) for iid in q.issues if iid in issues}
    out_issues = []
    for iid in q.issues:
        pos = positions.get(iid)
        if pos is None or (pos.position == "unknown" and iid != q.issues[0]):
            continue
        out_issues.append({
            "issue": iid, "label": issues[iid].label, "dimension": issues[iid].dimension,
            "position": pos.position, "confidence": pos.confidence,
            "evidence": [{"doc": e["doc"], "evidence": e["evidence"], "stance": e["stance"], "date": e["date"],
                          "start": e["start_char"], "end": e["end_char"]} for e in pos.evidence],
        })

    def name(code: str | None) -> str:
        return ref.name(code) if code else "an unknown actor"

    brief: dict[str, Any] = {"headline": "", "dimensions": {}, "contradictions": [], "open_questions": []}
    known = {k: p for k, p in positions.items() if p.position != "unknown"}
    if actor and known:
        top = positions.get(q.issues[0]) if q.issues else None
        if top is not None and top.position != "unknown":
            brief["headline"] = (f"{q.actor_name} {_VERB[top.position]} {_lower_first(issues[top.issue].label)} "
                                 f"(confidence {top.confidence:.2f}) {cite(sorted({e['doc'] for e in top.evidence}))}.")
        else:
            docs = sorted({e["doc"] for p in known.values() for e in p.evidence})
            brief["headline"] = (f"The sources record {q.actor_name}'s positions on {len(known)} issues but not "
                                 f"directly on {q.topic} {cite(docs)}.")
        for dim in DIMENSIONS:
            lines: list[str] = []
            for iid in q.issues:
                pos = known.get(iid)
                if pos is not None and issues[iid].dimension == dim:
                    lines += issue_sentences(q.actor_name, issues[iid], pos, voted)
            quoted = {e["evidence"] for p in known.values() for e in _best(p, exclude=voted)} | voted
            _fresh_evidence(store, clusters, quoted)
            if dim == "geopolitical":
                lines += vote_sentences(q.actor_name, votes)
            events = [c for c in sorted((c for c in clusters if c["source"] == actor and c["target"]
                                         and c["target"] != actor and _dimension(c, issues) == dim),
                                        key=lambda c: (c["issue"] is None, -int(c["documents"]),
                                                       -abs(float(c["weight"]))))
                      if c["evidence"] not in quoted][:6]
            lines += [_event_sentence(actor, name, c) for c in events]
            if dim == "social":
                lines += [domestic_sentence(q.actor_name, c) for c in domestic(clusters, actor, quoted)]
            if dim == "economic":
                for c in sorted(claims, key=lambda c: (c["unit"] != "percent", c["doc"]))[:6]:
                    qual = f"{c['qualifier']} " if c["qualifier"] else ""
                    period = f" ({c['period']})" if c["period"] else ""
                    lines.append(f"Figure: {c['indicator']} — {qual}{fmt_value(c['value'])} {c['unit']}{period} "
                                 f"{cite([c['doc']])}.")
            for iid in q.issues:
                rows = society.get(iid)
                if rows and issues[iid].dimension == dim:
                    spos = aggregate(actor, iid, rows)
                    if spos.position != "unknown":
                        lines += issue_sentences(f"{q.actor_name}'s society (citizens, activists, business)",
                                                 issues[iid], spos)[:2]
            brief["dimensions"][dim] = lines
        for iid, pos in known.items():
            if pos.position == "mixed" or pos.confidence < 0.3:
                docs = sorted({e["doc"] for e in pos.evidence})
                brief["open_questions"].append(
                    f"Open question: {q.actor_name}'s position on {_lower_first(issues[iid].label)} is "
                    f"{'contested between sources' if pos.position == 'mixed' else 'thinly attested'} {cite(docs)}.")
    contradictions = _contradictions(store, actor, stance_rows, clusters, claims)
    for c in contradictions[:8]:
        brief["contradictions"].append(
            f"Sources disagree on {c['about']}: {c['a']['value']} {cite([c['a']['doc']])} versus "
            f"{c['b']['value']} {cite([c['b']['doc']])}" + (f" ({c['note']})" if c.get("note") else "") + ".")
    cells = profile(actor, clusters, stance_rows, claims, issues_all) if actor else {}
    status, summary = "answered", ""
    asked = q.issues[0] if q.issues and q.explicit_topic and q.scores.get(q.issues[0], 0.0) > 0 else None
    if actor is None:
        status, summary = "no-actor", "The question names no state, organisation or person that stancemap knows."
    elif not known and not clusters:
        status, summary = "no-evidence", f"No stored evidence on {q.actor_name} yet."
    elif q.explicit_topic and asked is None:
        status, summary = "no-issue", f"No issue in the taxonomy matches {q.topic!r}."
    else:
        if asked is not None and asked not in known:  # the headline says so; what else is known follows
            status = "no-issue-evidence"
        parts = [brief["headline"]] if brief["headline"] else []
        for dim in DIMENSIONS:
            if brief["dimensions"].get(dim):
                parts.append(f"{dim.capitalize()}: " + " ".join(brief["dimensions"][dim]))
        parts += brief["contradictions"][:4] + brief["open_questions"][:3]
        summary = "\n\n".join(parts)
    from .votes import asks_about_votes, vote_record  # the official roll calls, resolution by resolution

    votes_section = vote_record(store, q, actor_files)
    if votes_section["resolutions"] and status in ("answered", "no-issue-evidence") and asks_about_votes(q.text):
        summary = "\n".join(votes_section["lines"]) + "\n\n" + summary
    return {"question": q.text, "actor": actor, "actor_name": q.actor_name, "topic": q.topic, "status": status,
            "issues": out_issues, "summary": summary, "contradictions": contradictions, "brief": brief,
            "profile": profile_table(cells), "votes": votes_section}


def _dimension(c: dict[str, Any], issues: dict[str, Issue]) -> str:
    from ..analysis.profile import load_powers

    issue = issues.get(c["issue"] or "")
    return issue.dimension if issue else str(load_powers()["type_dimension"].get(c["type"], "geopolitical"))


def _contradictions(store: Store, actor: str | None, *related: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Contradictions that concern the actor's evidence (by document), as in the export contract."""
    docs = {r.get("doc") or r.get("evidence_doc") for rows in related for r in rows}
    docs = {d for d in docs if not str(d).startswith("official-")}  # the record concerns every state: by `about`
    out = []
    for r in store.rows("contradictions"):
        if actor and (actor in r["about"] or r["a_doc"] in docs or r["b_doc"] in docs):
            out.append({"about": r["about"], "type": r["kind"], "note": r["note"],
                        "a": {"doc": r["a_doc"], "evidence": r["a_evidence"], "value": _val(r["a_value"])},
                        "b": {"doc": r["b_doc"], "evidence": r["b_evidence"], "value": _val(r["b_value"])}})
    return out


def _val(v: Any) -> Any:
    import json

    try:
        return json.loads(v) if isinstance(v, str) else v
    except ValueError:
        return v


def render_text(answer: dict[str, Any]) -> str:
    """A terminal rendering: the brief, then per-issue evidence, the profile and contradictions."""
    lines = [answer["question"], "=" * min(len(answer["question"]), 100), "", answer["summary"], ""]
    if answer.get("profile"):
        lines.append("Multi-vector profile (alignment -1..+1 toward each power):")
        for row in answer["profile"]:
            score = "n/a" if row["score"] is None else f"{row['score']:+.2f}"
            lines.append(f"  {row['power']:5} {row['dimension']:13} {score:>6}  ({row['evidence']} items)")
        lines.append("")
    for item in answer["issues"]:
        lines.append(f"■ {item['label']} — {item['position']} (confidence {item['confidence']:.2f})")
        for e in item["evidence"][:4]:
            lines.append(f"    [{e['doc']}] ({e['stance']}{', ' + e['date'] if e['date'] else ''}) {short(e['evidence'], 150)}")
        if len(item["evidence"]) > 4:
            lines.append(f"    … {len(item['evidence']) - 4} more")
    return "\n".join(lines)


def has_evidence(answer: dict[str, Any]) -> bool:
    """Whether ``answer`` (from :func:`build_answer`) rests on any stored record about its actor.

    An answer about an actor the store knows nothing of still has the full shape (a summary saying so);
    callers must say "no evidence" instead of showing it as an answer (the CLI exits non-zero, the API
    answers 404)."""
    return answer.get("status") not in ("no-actor", "no-evidence")
