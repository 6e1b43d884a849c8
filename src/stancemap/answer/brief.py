"""Assemble the answer to a question from stored records only.

The answer has the shape of the ``ask`` contract (export-schema.md): per issue, the aggregated
position with its evidence; a prose ``summary`` in which every sentence ends with document
citations; the contradictions. Beside the contract it carries what people read and check:

* ``brief`` — the answer to the question asked (its ``verdict`` and an ``executive_summary`` of at
  most 150 words with the strongest two pieces of evidence), then ``sections``: per issue the
  position, best quotes, the reading against it and what changed; society; votes; key dates;
  figures; where sources disagree; open questions. Every statement cites the sentences it rests
  on; prose states only what is well supported (:mod:`.evidence`);
* ``citations`` (each cited sentence with its paragraph, for highlighting), ``sources`` (a
  numbered list: outlet, author, title, date, link or file), ``records`` (the evidence table:
  every stance, act, vote and figure of the actor, the weak ones too), ``votes``, ``profile``.

``votes`` holds the votes read from text (``source: "text"``); an official voting record, where
one is imported, is added to it by its own module and shown in the same section.
"""

from __future__ import annotations

from typing import Any

from ..analysis.profile import profile, profile_table
from ..model import UNREAD_STATUSES
from ..store import Store
from . import evidence as ev
from . import extras, forms
from .compose import (
    MAX_READ,
    Context,
    Section,
    Statement,
    is_vote,
    issue_section,
    official,
    society_statements,
)
from .names import act, lower_first, plural, position_verb, reading, vote_verb
from .prose import SUMMARY_WORDS, summary, words
from .prose import render_text as render_text
from .question import Question
from .votes import asks_about_votes, vote_record

ISSUE_SECTIONS = {"position": 6, "support": 5, "overview": 8, "change": 1, "compare": 0, "relation": 0}


def build_answer(store: Store, q: Question, issues_file: str | None = None, actor_files: tuple[str, ...] = (),
                 resolution_files: tuple[str, ...] = ()) -> dict[str, Any]:
    """The ``ask`` JSON for question ``q`` from what ``store`` holds."""
    ctx = Context(store, q, issues_file, actor_files, resolution_files)
    actor = q.actor
    base: dict[str, Any] = {"question": q.text, "actor": actor, "actor_name": q.actor_name, "topic": q.topic,
                            "form": q.form, "others": q.others, "issues": [], "contradictions": [],
                            "brief": _empty_brief(), "citations": {}, "sources": [], "records": [], "records_total": 0,
                            "votes": [],
                            "official_votes": {"source": "official record", "resolutions": [], "unrecorded": [],
                                               "lines": []}, "profile": []}
    base["unread"] = unread(store)
    if actor is None:
        return {**base, "status": "no-actor",
                "summary": "The question names no state, organisation or person that stancemap knows."}
    if not ctx.stances(actor) and not ctx.events(actor):
        return {**base, "status": "no-evidence", "summary": f"No stored evidence on {q.actor_name} yet."}

    assessments = _assess(ctx, actor)
    asked = [i for i in q.asked if i in ctx.issues]
    status = "answered"
    if q.form in ("position", "support", "change") and q.explicit_topic and not asked:
        status = "no-issue"
    elif asked and asked[0] not in assessments:
        status = "no-issue-evidence"
    shown = _shown_issues(ctx, q, assessments, asked)
    vote_groups = extras.vote_groups(ctx, actor)

    verdict, head, sections = _answer(ctx, q, actor, assessments, asked, status)
    execs = _executive_summary(ctx, q, actor, assessments, asked, shown, head, vote_groups)
    # where sources disagree is built before the other sections, so that both sides get their own quotes
    disagree = extras.stance_disagreements(ctx, actor, assessments, [*asked, *shown])
    stored = extras.stored_contradictions(ctx, actor, also=q.others[0] if q.form == "relation" and q.others else None)
    disagree += extras.contradiction_statements(ctx, actor, stored)
    for iid in shown:
        if iid in asked and q.form == "change":
            continue
        sections.append(issue_section(ctx, actor, ctx.issues[iid], assessments[iid]))
    more: list[Section | None] = []
    if q.form in ("position", "support", "overview", "change"):
        society = society_statements(ctx, actor, [*asked, *shown])
        if society:
            more.append(Section("society", f"{ctx.namer.society(actor)[:1].upper()}"
                                           f"{ctx.namer.society(actor)[1:]}", society))
        if vote_groups and q.form != "change":
            more.append(extras.votes_section(ctx, actor, vote_groups))
        social = any(ctx.issues[i].dimension == "social" for i in [*asked, *shown]) or q.form == "overview"
        if social:
            more.append(extras.at_home(ctx, actor))
        more.append(extras.key_dates(ctx, actor, asked if q.form == "change" and asked else [*asked, *shown],
                                     only_issues=q.form == "change"))
        if q.form != "change":
            economic = any(ctx.issues[i].dimension == "economic" for i in asked) or q.form == "overview"
            more.append(extras.figures(ctx, actor, [*asked, *shown], limit=4 if economic else 3))
    sections += [s for s in more if s is not None]
    if disagree:
        sections.append(Section("disagreements", "Where sources disagree", disagree))
    thin = [i for i, a in assessments.items() if not a.well_supported and not _vote_only(a)]
    questions = extras.open_questions(ctx, actor, assessments, asked, shown + (thin if q.form == "overview" else []))
    if questions:
        sections.append(Section("open-questions", "Open questions", questions))
    sections = [s for s in sections if s is not None and s.statements]

    brief = {"verdict": verdict, "executive_summary": [s.as_json() for s in execs],
             "sections": [s.as_json() for s in sections]}
    records, total = evidence_table(ctx, [actor, *q.others])
    citations = ctx.sources.cited
    text = summary(brief, citations)
    brief["headline"] = text.split("\n\n", 1)[0] if execs else ""
    brief["contradictions"] = [summary({"executive_summary": [], "sections": [{"title": "Where sources disagree",
                               "statements": [s.as_json() for s in disagree]}]}, citations)] if disagree else []
    brief["open_questions"] = [summary({"executive_summary": [s.as_json()], "sections": []}, citations)
                               for s in questions]
    clusters = store.rows("event_clusters", "source = ? OR target = ?", (actor, actor))
    cells = profile(actor, clusters, ctx.stances(actor), ctx.claims(actor), ctx.issue_list,
                    names=_power_names(ctx))
    # the official roll calls (stancemap votes import), resolution by resolution, first when the question asks
    # how the state voted
    record = vote_record(store, q, actor_files)
    if record["resolutions"] and asks_about_votes(q.text):
        text = "\n".join(record["lines"]) + "\n\n" + text
        status = "answered"  # the record answers how the state voted, whatever the texts say
    return {**base, "status": status, "issues": _contract_issues(ctx, q, assessments, asked),
            "summary": text, "contradictions": _contract_contradictions(stored), "brief": brief,
            "citations": citations, "sources": ctx.sources.listing(), "records": records,
            "records_total": total, "not_read": dict(ctx.unread), "read_limit": MAX_READ,
            "votes": [{k: v for k, v in g.items() if k != "records"} for g in vote_groups],
            "official_votes": record, "profile": profile_table(cells)}


def _empty_brief() -> dict[str, Any]:
    return {"verdict": "no evidence", "headline": "", "executive_summary": [], "sections": [],
            "contradictions": [], "open_questions": []}


def _assess(ctx: Context, actor: str) -> dict[str, ev.Assessment]:
    return {iid: ev.assess(actor, iid, rows) for iid, rows in ctx.official_by_issue(actor).items() if rows}


def _firm(a: ev.Assessment) -> bool:
    return not a.minority and not a.dissenting


def _vote_only(a: ev.Assessment) -> bool:
    return all(is_vote(r) for r in a.records)


def _shown_issues(ctx: Context, q: Question, assessments: dict[str, ev.Assessment], asked: list[str]) -> list[str]:
    """The issues the brief gives sections to: the asked ones, then the well-supported others by
    relevance (the question's match, then the number of agreeing sources). Issues on which only
    votes are recorded are told in the votes section."""
    cap = ISSUE_SECTIONS.get(q.form, 6)
    order = sorted(assessments, key=lambda i: (i not in asked, -q.scores.get(i, 0.0),
                                                -len(assessments[i].agreeing), i))
    out = [i for i in order if i in asked and not _vote_only(assessments[i])]
    for i in order:
        if len(out) >= cap:
            break
        if i not in out and i not in asked and assessments[i].well_supported and not _vote_only(assessments[i]):
            out.append(i)
    return out[:max(cap, len([i for i in asked if i in out]))]


def _answer(ctx: Context, q: Question, actor: str, assessments: dict[str, ev.Assessment], asked: list[str],
            status: str) -> tuple[str, list[Statement], list[Section]]:
    """The verdict, its statements (headline and strongest evidence) and the form's own sections."""
    top = asked[0] if asked else None
    a = assessments.get(top) if top else None
    name = ctx.namer.name(actor)
    if q.form == "compare" and q.others:
        theirs = _assess(ctx, q.others[0])
        ids = asked or [i for i in ctx.issues if i in assessments or i in theirs]
        verdict, head, sec = forms.compare_sections(ctx, actor, q.others[0], assessments, theirs, ids)
        return verdict, head, [sec]
    if q.form == "relation" and q.others:
        verdict, head, secs = forms.relation_sections(ctx, actor, q.others[0])
        return verdict, head, secs
    if status == "no-issue":
        text = (f"No issue in the issue file matches “{q.topic}”; the sources record {name}'s positions on "
                f"{plural(len(assessments), 'other issue')}, the best supported of which follow")
        docs = {r["doc"]: r for r in ctx.stances(actor)}
        return "no issue", [Statement(text, [ctx.cite(r) for r in list(docs.values())[:5]])], []
    if q.form == "support" and q.side:
        verdict, head = forms.support_verdict(ctx, actor, q.side, top, a)
        return verdict, head, []
    if q.form == "change":
        verdict, head, dated_section = forms.change_verdict(ctx, actor, top, a)
        secs = [dated_section] if dated_section else []
        if a is not None and top is not None:
            secs.append(issue_section(ctx, actor, ctx.issues[top], a))
        return verdict, head, secs
    if q.form == "overview" or top is None:
        order = list(ctx.issues)
        best = sorted((x for x in assessments.values() if x.well_supported and not _vote_only(x)),
                      key=lambda x: (-len(x.agreeing), order.index(x.issue)))[:3]
        if not best:
            return "unclear", [Statement(f"The sources hold no well-supported position of {name}",
                                         [c for x in assessments.values() for c in ctx.cites(x.records)[:1]][:5])], []
        parts = [("" if _firm(x) else "mostly ") + position_verb(x.stance) + " " + ctx.label(ctx.issues[x.issue])
                 for x in best]
        text = f"{name} {'; '.join(parts)}"
        return "overview", [Statement(text, [c for x in best for c in ctx.cites(x.records)])], []
    verdict, head = forms.position_verdict(ctx, actor, top, a)
    return verdict, head, []


def _executive_summary(ctx: Context, q: Question, actor: str, assessments: dict[str, ev.Assessment],
                       asked: list[str], shown: list[str], head: list[Statement],
                       vote_groups: list[dict[str, Any]]) -> list[Statement]:
    """The headline statements, then (while under 150 words) the dissent on the asked issue, the
    best-supported other positions and the reported votes."""
    out = list(head)
    # the answer and its evidence may use the whole limit; what follows it stops short of it, so that
    # the first screen (title, question, answer) stays within 200 words
    budget = SUMMARY_WORDS - 20 - sum(words(s.text) for s in out)
    extra: list[Statement] = []
    name = ctx.namer.name(actor)
    top = assessments.get(asked[0]) if asked else None
    if top is not None and top.dissenting and top.well_supported and q.form in ("position", "support", "change"):
        for polarity, docs in top.dissenting.items():
            rows = [r for r in top.records if r["doc"] in docs and r["stance"] == polarity]
            extra.append(Statement(f"But {extras._count(len(docs))} describe{'s' if len(docs) == 1 else ''} "
                                   f"{name} as {reading(polarity)} (see where sources disagree)", ctx.cites(rows)))
    if q.form in ("position", "support", "overview"):
        others = sorted((i for i in shown if i not in asked and assessments[i].well_supported),
                        key=lambda i: -_relevance(ctx, q, assessments[i], asked))[:2]
        if q.form == "overview":
            named = {c for s in head for c in s.cites}
            others = [i for i in shown if not set(ctx.cites(assessments[i].records)) <= named][:3]
            order = list(ctx.issues)
            headline = sorted((x for x in assessments.values() if x.well_supported and not _vote_only(x)),
                              key=lambda x: (-len(x.agreeing), order.index(x.issue)))[:3]
            others = [i for i in shown if i not in {x.issue for x in headline}][:3]
        for iid in others:
            a = assessments[iid]
            firm = "" if _firm(a) else "mostly "
            against = "" if _firm(a) else ", with some evidence against"
            extra.append(Statement(f"It also {firm}{position_verb(a.stance)} {ctx.label(ctx.issues[iid])} "
                                   f"({len(a.agreeing)} of {plural(len(a.docs), 'source')}{against})",
                                   ctx.cites([r for r in a.records if r["doc"] in a.agreeing])))
        if vote_groups:
            st = extras.votes_summary(ctx, actor, vote_groups)
            if st is not None:
                extra.append(st)
    for st in extra:
        n = words(st.text)
        if n <= budget:
            out.append(st)
            budget -= n
    return out


def _relevance(ctx: Context, q: Question, a: ev.Assessment, asked: list[str]) -> float:
    """How much an issue other than the asked one belongs in the summary: the question's match
    with it, its dimension being the asked issue's, the number of sources that agree on it, and
    whether they agree without dissent."""
    same = bool(asked) and ctx.issues[a.issue].dimension == ctx.issues[asked[0]].dimension
    return (0.5 * q.scores.get(a.issue, 0.0) + (0.2 if same else 0.0) + 0.1 * len(a.agreeing)
            + (0.1 if not a.minority and not a.dissenting else 0.0))


def _power_names(ctx: Context) -> Any:
    """Words that name each actor code (a stance counts toward a power in the profile only when its
    sentence names that power)."""
    from ..analysis.profile import names_from_reference

    return names_from_reference(ctx.namer.ref, ctx.namer.adjectives)


def _contract_issues(ctx: Context, q: Question, assessments: dict[str, ev.Assessment],
                     asked: list[str]) -> list[dict[str, Any]]:
    order = sorted(assessments, key=lambda i: (i not in asked, -q.scores.get(i, 0.0),
                                                -len(assessments[i].agreeing), i))
    out = []
    for iid in order:
        a = assessments[iid]
        issue = ctx.issues[iid]
        out.append({
            "issue": iid, "label": issue.label, "dimension": issue.dimension, "position": a.stance,
            "confidence": a.position.confidence, "documents": len(a.docs), "agreeing": len(a.agreeing),
            "well_supported": a.well_supported, "asked": iid in asked,
            "evidence": [{"doc": r["doc"], "evidence": r["evidence"], "stance": r["stance"],
                          "date": ev.own_date(r["evidence"], r["date"]), "start": r["start_char"],
                          "end": r["end_char"], "confidence": r.get("confidence")}
                         for r in strongest(a.records, MAX_ISSUE_EVIDENCE)],
            "evidence_total": len(a.records),
        })
    return out


def _contract_contradictions(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for r in rows:
        out.append({"about": r["about"], "type": r["kind"], "note": r["note"], "score": r.get("score"),
                    "a": {"doc": r["a_doc"], "evidence": r["a_evidence"], "value": extras._val(r["a_value"])},
                    "b": {"doc": r["b_doc"], "evidence": r["b_evidence"], "value": extras._val(r["b_value"])}})
    return out


MAX_RECORDS = 1000  # evidence-table rows in one answer; `export` gives every record
MAX_ISSUE_EVIDENCE = 200  # quotes listed per issue in the contract's "issues"


def strongest(rows: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """The ``limit`` most confident rows, in their original order (all of them when there are fewer).

    An actor in a store of a year of world news has tens of thousands of records; an answer that carried
    them all would take seconds to build and megabytes to send, and no reader scrolls that far.
    """
    if len(rows) <= limit:
        return rows
    keep = sorted(range(len(rows)), key=lambda i: -float(rows[i].get("confidence") or 0.0))[:limit]
    return [rows[i] for i in sorted(keep)]


def evidence_table(ctx: Context, actors: list[str]) -> tuple[list[dict[str, Any]], int]:
    """The actors' records, weak ones included, as rows a reader can sort and filter: kind, issue, actor
    (in words), what it says, date (from its own sentence; the date the record was given otherwise kept as
    ``recorded_date``), source number, the sentence and its offsets. At most ``MAX_RECORDS`` rows (the most
    confident); returns the rows and how many there were in all."""
    found: list[tuple[str, dict[str, Any], dict[str, Any]]] = []  # (kind, record, arguments of _row)
    for actor in actors:
        for r in ctx.stances(actor):
            issue = ctx.issues.get(r["issue"])
            found.append(("vote" if is_vote(r) else "stance", r, {
                "actor": actor, "sector": r.get("actor_sector"), "issue": r["issue"],
                "label": issue.label if issue else r["issue"], "what": r["stance"], "official": official(r)}))
        for e in ctx.events(actor):
            if e["source"] != actor and e["target"] != actor:
                continue
            found.append(("event", e, {"actor": e["source"], "sector": e.get("source_sector"),
                                       "issue": e.get("issue"), "official": official(e)}))
        for c in ctx.claims(actor):
            found.append(("figure", c, {"actor": actor, "sector": None, "issue": None, "label": "",
                                        "what": f"{extras.figure_value(c)} — {lower_first(str(c['indicator']))}",
                                        "period": c.get("period")}))
    seen: set[tuple[Any, ...]] = set()
    unique = []
    for kind, r, args in found:
        what = args.get("what") if kind != "event" else (r["predicate"], r["type"], r["negated"], r["target"])
        key = (kind, r["doc"], r.get("start_char"), what, args["actor"])
        if key not in seen:
            seen.add(key)
            unique.append((kind, r, args))
    kept = strongest([{"confidence": r.get("confidence"), "i": i} for i, (_, r, _) in enumerate(unique)],
                     MAX_RECORDS)
    ctx.sources.preload([unique[k["i"]][1]["doc"] for k in kept])
    out = []
    for k in kept:
        kind, r, args = unique[k["i"]]
        if kind == "event":
            args = {**args, **_event_what(ctx, r)}
        row = _row(ctx, kind, r, **args)
        row["source"] = ctx.sources.number(row["doc"])
        out.append(row)
    return out, len(unique)


def _event_what(ctx: Context, e: dict[str, Any]) -> dict[str, Any]:
    if is_vote(e):
        direction = str(e["predicate"]).split(":", 1)[1]
        what = vote_verb(direction, str(e.get("rule") or "").startswith("rollcall:"))
    else:
        what = ("no " if e["negated"] else "") + act(e["type"])
    target = ctx.namer.voice(e["target"], e.get("target_sector")) if e.get("target") else ""
    issue = ctx.issues.get(e.get("issue") or "")
    return {"label": issue.label if issue else "", "what": what + (f" → {target}" if target else "")}


def _row(ctx: Context, kind: str, r: dict[str, Any], actor: str | None, sector: str | None, issue: str | None,
         label: str, what: str, official: bool = True, period: str | None = None) -> dict[str, Any]:
    recorded = period if period is not None else r.get("date")
    return {"kind": kind, "issue": issue or "", "issue_label": label, "actor": actor or "",
            "actor_name": ctx.namer.voice(actor, sector) if actor else "", "official": official, "what": what,
            "date": ev.own_date(r.get("evidence"), recorded) or "", "recorded_date": recorded or "",
            "doc": r["doc"], "start": r.get("start_char"), "end": r.get("end_char"), "evidence": r["evidence"],
            "confidence": None if r.get("confidence") is None else round(float(r["confidence"]), 2)}


def unread(store: Store) -> list[dict[str, Any]]:
    """Stored documents nothing was extracted from (another language, over the time budget, an extractor
    failed): the answer says it could not read them, so that silence is not taken for absence. Documents
    the pre-filter set aside as off-topic were judged, not missed, and are not listed."""
    return [{"doc": r["id"], "title": r["title"], "extraction": r["extraction"], "note": r["extraction_note"]}
            for r in store.query("SELECT id, title, extraction, extraction_note FROM documents WHERE extraction IN "
                                 f"({', '.join('?' * len(UNREAD_STATUSES))}) ORDER BY id", UNREAD_STATUSES)]


def has_evidence(answer: dict[str, Any]) -> bool:
    """Whether ``answer`` (from :func:`build_answer`) rests on any stored record about its actor.

    An answer about an actor the store knows nothing of still has the full shape (a summary saying so);
    callers must say "no evidence" instead of showing it as an answer (the CLI exits non-zero, the API
    answers 404)."""
    return answer.get("status") not in ("no-actor", "no-evidence")
