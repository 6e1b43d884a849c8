"""The brief's other sections: votes, key dates, figures, acts at home, disagreements, open questions.

Each states only what its records support: votes are grouped only when they are on the same
resolution (or on an unnamed one) in the same direction, and counted by the documents that each
report them; key dates come from the sentences' own time expressions; figures are quoted in their
own clause with the number as written; disagreements need both sides quoted; open questions name
what the evidence leaves unsettled.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from . import evidence as ev
from .compose import Context, Section, Statement, act_words, is_vote, official
from .names import act, fmt_value, plural, reading, vote_verb, when

KEY_DATES = 8
FIGURES = 4
MIN_SCORE = 0.5  # stored contradictions with a score below this are not shown in prose


# -------------------------------------------------------------------------------------------- votes

def vote_groups(ctx: Context, actor: str) -> list[dict[str, Any]]:
    """The actor's reported votes, one group per (resolution, direction): the text-derived record of
    the ``votes`` section (an official voting record, when imported, is added beside it)."""
    registry = None
    try:
        from ..votes.resolutions import load_registry

        registry = load_registry(tuple(ctx.resolution_files))
    except Exception:  # the registry is optional for answering
        registry = None
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for v in ctx.votes(actor):
        if float(v.get("confidence") or 0) < 0.35:
            continue
        direction = str(v["predicate"]).split(":", 1)[1] if ":" in str(v["predicate"] or "") else ""
        parts = str(v.get("rule") or "").split(":")
        symbol = parts[2] if len(parts) > 2 else ""
        groups[(symbol, direction)].append(v)
    out: list[dict[str, Any]] = []
    for (symbol, direction), rows in groups.items():
        res = registry.get(symbol) if registry and symbol else None
        rollcall = any(str(r.get("rule") or "").startswith("rollcall:") for r in rows)
        out.append({"symbol": (res.short if res else symbol) or None, "title": res.title if res else None,
                    "date": (res.date if res else None) or _own(rows), "direction": direction,
                    "rollcall": rollcall, "records": rows, "docs": sorted({r["doc"] for r in rows}),
                    "source": "text"})
    out.sort(key=lambda g: (str(g["date"] or "9999"), -len(g["docs"])))
    return out


def _own(rows: list[dict[str, Any]]) -> str | None:
    dates = sorted({d for r in rows if (d := ev.own_date(r.get("evidence"), r.get("date")))})
    return dates[0] if len(dates) == 1 else None


def votes_section(ctx: Context, actor: str, groups: list[dict[str, Any]]) -> Section | None:
    if not groups:
        return None
    sec = Section("votes", "Votes")
    who = ctx.namer.name(actor)
    for g in groups:
        if g["direction"] not in ("for", "against", "abstain", "absent"):
            continue
        what = f"resolution {g['symbol']}" if g["symbol"] else "a resolution"
        if g.get("title"):
            what += f" (“{g['title']}”)"
        date = (f" on {when(g['date'])}" if len(str(g["date"])) == 10 else f" in {when(g['date'])}") \
            if g.get("date") else ""
        n = len(g["docs"])
        text = f"{who} {vote_verb(g['direction'], g['rollcall'])} {what}{date}"
        text += f", as {plural(n, 'source')} report" if n > 1 else ", as one source reports"
        sec.statements.append(Statement(text, ctx.cites(g["records"])))
        best = ev.rank_quotes(ctx.fresh(g["records"]), set(), ctx.actor_words(actor), k=1)
        if best:
            sec.statements.append(ctx.quote(best[0], set()))
    return sec if sec.statements else None


def votes_summary(ctx: Context, actor: str, groups: list[dict[str, Any]]) -> Statement | None:
    """One sentence for the executive summary: the directions reported and by how many sources."""
    by_dir: dict[str, set[str]] = defaultdict(set)
    named: dict[str, set[str]] = defaultdict(set)
    rows: list[dict[str, Any]] = []
    for g in groups:
        by_dir[g["direction"]].update(g["docs"])
        if g["symbol"]:
            named[g["direction"]].add(g["symbol"])
        rows += g["records"]
    if not by_dir:
        return None
    parts = []
    for d, docs in sorted(by_dir.items(), key=lambda x: -len(x[1])):
        what = f" ({', '.join(sorted(named[d]))})" if named[d] and len(named[d]) <= 3 else \
            f" ({plural(len(named[d]), 'named resolution')})" if named[d] else ""
        parts.append(f"{_VOTE_ING.get(d, d)}{what} in {plural(len(docs), 'source')}")
    return Statement(f"Votes the sources report for {ctx.namer.name(actor)}: {'; '.join(parts)}", ctx.cites(rows))


_VOTE_ING = {"for": "voting for", "against": "voting against", "abstain": "abstaining",
             "absent": "not voting for a resolution"}


# ---------------------------------------------------------------------------------------- key dates

def key_dates(ctx: Context, actor: str, issue_ids: list[str], limit: int = KEY_DATES,
              only_issues: bool = False) -> Section | None:
    """A dated timeline of the record: stances on the brief's issues and the actor's acts, dated by
    their own sentences (month or day), one line per sentence, the brief's own issues first."""
    items: list[tuple[str, dict[str, Any], str]] = []
    for r in ctx.stances(actor):
        if r["issue"] in issue_ids and float(r.get("confidence") or 0) >= ev.MIN_CONFIDENCE:
            items.append(("stance", r, ctx.namer.voice(actor, r.get("actor_sector"))))
    for e in ctx.events(actor):  # the actor's own acts (what others did to it is in the evidence table)
        on_topic = e.get("issue") in issue_ids or (not only_issues and not e.get("issue"))
        if float(e.get("confidence") or 0) >= 0.6 and not e["negated"] and e.get("source") == actor and on_topic:
            items.append(("event", e, ctx.namer.voice(e["source"], e.get("source_sector"))))
    seen: set[tuple[str, int]] = set()
    rows: list[tuple[str, float, dict[str, Any], str]] = []
    for kind, r, voice in items:
        d = ev.own_date(r.get("evidence"), r.get("date"))
        key = (r["doc"], int(r.get("start_char") or 0))
        if not d or len(d) < 7 or key in seen or key in ctx.quoted or ev.hedged(r.get("evidence")):
            continue
        seen.add(key)
        rank = 0.0 if kind == "stance" and r["issue"] in issue_ids[:1] else 1.0 if kind == "stance" else 1.5
        rows.append((d, rank - float(r.get("confidence") or 0) + (0.5 if ev.hedged(r.get("evidence")) else 0.0), r,
                     voice))
    if not rows:
        return None
    chosen: list[tuple[str, float, dict[str, Any], str]] = []
    per_month: dict[str, int] = defaultdict(int)
    for row in sorted(rows, key=lambda x: x[1]):  # the asked issue first, then the most confident
        if per_month[row[0][:7]] < 2 and len(chosen) < limit:
            chosen.append(row)
            per_month[row[0][:7]] += 1
    sec = Section("key-dates", "Key dates")
    for d, _, r, voice in sorted(chosen, key=lambda x: x[0]):
        month = ev.stems(when(d).split(" ")[-2] if " " in when(d) else when(d))
        q = ctx.quote(r, ctx.focus(ctx.issues.get(r.get("issue") or "")), limit=60, must=month)  # the clause dating it
        sec.statements.append(Statement(f"{when(d)} — {voice}: {q.text}", q.cites, "quote"))
    return sec


# ------------------------------------------------------------------------------------------ figures

def figure_value(c: dict[str, Any]) -> str:
    """The number as the text writes it ("23.7%", "$24.2 billion", "more than two thousand")."""
    surface = " ".join(str(c.get("surface") or "").split())
    qual = str(c.get("qualifier") or "")
    unit = str(c.get("unit") or "")
    if not surface:
        surface = f"{fmt_value(c['value'])} {unit}"
    elif unit == "percent" and "%" not in surface and "percent" not in surface and "per cent" not in surface:
        surface += "%" if surface[-1:].isdigit() else ""
    if unit and unit not in ("percent", "count") and not (len(unit) == 3 and unit.isupper()) \
            and unit.lower().rstrip("s") not in surface.lower() and not re.search(r"[$€£¥₹]", surface):
        surface += f" {unit}"  # "33 million" -> "33 million tonnes"
    if qual and not surface.lower().startswith(qual.lower()) and qual != "exactly":
        surface = f"{qual} {surface}"
    return surface


def figures(ctx: Context, actor: str, issue_ids: list[str], limit: int = FIGURES) -> Section | None:
    """The actor's figures nearest the question: by the brief's issues' words and the powers named,
    money and shares first; each shown as its number and its own clause, the period if the sentence
    gives it."""
    focus: set[str] = set()
    for iid in issue_ids[:3]:
        focus |= ctx.focus(ctx.issues.get(iid))
    rows = []
    for c in ctx.claims(actor):
        if not _figure_worthy(c):
            continue
        text = str(c["evidence"])
        s = len(ev.stems(text) & focus) + (2 if c["unit"] in ("percent", "USD", "EUR") else 0)
        s += 1 if str(c.get("unit")) not in ("years", "weeks", "days", "months", "count") else -2
        rows.append((s, c))
    rows.sort(key=lambda x: (-x[0], x[1]["doc"], x[1]["start_char"]))
    sec = Section("figures", "Figures")
    used: set[tuple[str, int]] = set()
    same: dict[tuple[float, str], list[dict[str, Any]]] = defaultdict(list)
    for _, c in rows:  # one figure given by several sources is listed once, citing each of them
        same[(round(float(c["value"]), 6), str(c["unit"]))].append(c)
    shown_values: set[tuple[float, str]] = set()
    for _, c in rows:
        key = (c["doc"], int(c["start_char"]))
        value = (round(float(c["value"]), 6), str(c["unit"]))
        if key in used or key in ctx.quoted or value in shown_values:
            continue
        used.add(key)
        shown_values.add(value)
        others = [o for o in same[value] if o["doc"] != c["doc"]]
        clause = ev.clause_of(str(c["evidence"]), str(c.get("surface") or ""))
        period = ev.own_date(clause, c.get("period")) if c.get("period") else None  # dated in the number's clause
        shown = ev.period_phrase(clause, period, when(period)) if period else ""
        also = f"{', ' if shown else ''}also in {plural(len({o['doc'] for o in others}), 'other source')}" \
            if others else ""
        lead = f"{figure_value(c)}" + (f" ({shown}{also})" if shown or also else "") + " — "
        q = ctx.quote(c, ev.stems(str(c.get("indicator") or "")) | focus, limit=35,
                      anchor=str(c.get("surface") or "") or None)
        sec.statements.append(Statement(lead + q.text, q.cites + ctx.cites(others), "quote"))
        if len(sec.statements) == limit:
            break
    return sec if sec.statements else None


_NUMBER_WORD = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                          r"forty|fifty|sixty|seventy|eighty|ninety|a hundred|a thousand|a million|a billion)\b",
                          re.IGNORECASE)


def _figure_worthy(c: dict[str, Any]) -> bool:
    """A share, a sum of money or a quantity of some size, written as a number: what a figures list
    is for (a count of two activists, five years, or "a few hundred" is a detail of its sentence)."""
    if not _NUMBER_WORD.search(str(c.get("surface") or "")):
        return False
    unit = str(c.get("unit") or "").lower()
    if unit in ("percent", "usd", "eur", "gbp", "rub", "cny", "kzt", "inr", "try", "uah") or (len(unit) == 3 and unit.isalpha()):
        return True
    if unit in ("years", "weeks", "days", "months", "hours"):
        return False
    return abs(float(c.get("value") or 0)) >= 100


# ------------------------------------------------------------------------------------ acts at home

def at_home(ctx: Context, actor: str, limit: int = 3) -> Section | None:
    """The state's acts toward its own society and back (courts sentencing activists, citizens
    protesting), each as its actor's voice and its own words. An act is shown when one record of it
    is confident, or when two documents each report it (the same voice doing the same to the same)."""
    rows = [e for e in ctx.events(actor) if e["source"] == actor and e["target"] == actor and not e["negated"]
            and e.get("source_sector") and e.get("target_sector") and e["source_sector"] != e["target_sector"]
            and float(e.get("confidence") or 0) >= 0.3]
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for e in rows:
        groups[(str(e["source_sector"]), str(e["type"]), str(e["target_sector"]))].append(e)
    chosen = []
    for key, recs in groups.items():
        docs = {r["doc"] for r in recs}
        best = max(float(r.get("confidence") or 0) for r in recs)
        if best >= 0.6 or len(docs) >= 2:
            chosen.append((key, recs, docs, best))
    if not chosen:
        return None
    chosen.sort(key=lambda c: (c[0][1] not in ("COERCE", "CONCEDE"), -len(c[2]), -c[3]))
    sec = Section("at-home", "At home")
    for (sector, type_, _), recs, _docs, _ in chosen:
        fresh = ctx.fresh(sorted(recs, key=lambda r: -float(r.get("confidence") or 0)))
        if not fresh:
            continue
        shown = fresh[0]
        # the other documents that each report this act, in some of the same words
        also = [r for r in recs if r["doc"] != shown["doc"] and ev.shares_content(r["evidence"], shown["evidence"])]
        if float(shown.get("confidence") or 0) < 0.6 and not also:
            continue
        voice = ctx.namer.voice(actor, sector)
        q = ctx.quote(shown, act_words(shown), limit=35, must=act_words(shown) or None)
        n = len({shown["doc"], *(r["doc"] for r in also)})
        count = f", {plural(n, 'source')}" if n > 1 else ""
        sec.statements.append(Statement(f"{voice[:1].upper() + voice[1:]} ({act(type_)}{count}): {q.text}",
                                        q.cites + ctx.cites(also), "quote"))
        if len(sec.statements) == limit:
            break
    return sec if sec.statements else None


# ---------------------------------------------------------------------------------- disagreements

def stance_disagreements(ctx: Context, actor: str, assessments: dict[str, ev.Assessment],
                         issue_ids: list[str]) -> list[Statement]:
    """Where documents as a whole read the actor's position differently: the dissenting reading and
    the prevailing one, each quoted from its own source."""
    out: list[Statement] = []
    for iid in dict.fromkeys(issue_ids):
        a = assessments.get(iid)
        if a is None or not a.dissenting or a.stance in ("mixed", "unknown") or not a.well_supported:
            continue
        issue = ctx.issues[iid]
        for polarity, docs in a.dissenting.items():
            theirs = [r for r in a.records if r["doc"] in docs and r["stance"] == polarity]
            ours = [r for r in a.records if r["doc"] in a.agreeing and r["stance"] == a.stance]
            qa = ev.rank_quotes(ctx.fresh(theirs), ctx.focus(issue), ctx.actor_words(actor), k=1) or \
                ev.rank_quotes(theirs, ctx.focus(issue), ctx.actor_words(actor), k=1)
            qb = ev.rank_quotes(ctx.fresh(ours), ctx.focus(issue), ctx.actor_words(actor), k=1) or \
                ev.rank_quotes(ours, ctx.focus(issue), ctx.actor_words(actor), k=1)
            if not qa or not qb:
                continue
            n_a, n_b = len(docs), len(a.agreeing)
            text = (f"On {ctx.label(issue)}, {_count(n_a)} {_describe(n_a)} {ctx.namer.name(actor)} as "
                    f"{reading(polarity)}; {_count(n_b, n_b != n_a)} {_describe(n_b)} it as {reading(a.stance)}")
            out.append(Statement(text, ctx.cites(theirs) + ctx.cites(ours)))
            out.append(_side_quote(ctx, qa[0], issue, polarity))
            out.append(_side_quote(ctx, qb[0], issue, a.stance))
    return out


def _describe(n: int) -> str:
    return "describes" if n == 1 else "describe"


def _count(n: int, noun: bool = True) -> str:
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}
    w = words.get(n, str(n))
    return f"{w} source{'s' if n != 1 else ''}" if noun else w


def _side_quote(ctx: Context, r: dict[str, Any], issue: Any, side: str) -> Statement:
    q = ctx.quote(r, ctx.focus(issue), limit=35)
    head = reading(side)
    return Statement(f"{head[:1].upper() + head[1:]}: {q.text}", q.cites, "quote")


def stored_contradictions(ctx: Context, actor: str, limit: int = 3, also: str | None = None) -> list[dict[str, Any]]:
    """Contradictions from the store that concern the actor's records, real ones only: both sides
    quoted; a date disagreement only where both sentences give their date; attribution to different
    people and position readings (reported from the stances themselves) left out; ranked by the
    store's score when it has one."""
    docs = {d for d in ctx.docs_of(actor) if not str(d).startswith("official-")}  # the record concerns every state
    name = ctx.namer.name(actor)
    out = []
    rows = ctx.store.rows("contradictions")
    scored = any(r.get("score") is not None for r in rows)
    for r in rows:
        if r["a_doc"] == r["b_doc"] or not (r["a_doc"] in docs and r["b_doc"] in docs):
            continue
        if not (actor in str(r["about"]) or name in str(r["about"])):
            continue
        if also and not (also in str(r["about"]) or ctx.namer.name(also) in str(r["about"])):
            continue  # a relation's disagreements are about both actors
        kind = str(r["kind"])
        if kind.startswith("polarity") or kind == "actor":
            continue
        if scored and float(r.get("score") or 0.0) < MIN_SCORE:
            continue
        if not scored and "possibly" in str(r.get("note") or "").lower():
            continue  # the reconcile stage itself doubts that the two sides are about one thing
        if kind == "date" and not (ev.own_date(r["a_evidence"], _val(r["a_value"]))
                                   and ev.own_date(r["b_evidence"], _val(r["b_value"]))):
            continue  # a date disagreement needs both sentences to give their date themselves
        if kind in ("date", "negation") and not ev.same_statement(r["a_evidence"], r["b_evidence"]):
            continue  # ... and to be about one statement or act
        if kind == "value":
            ca, cb = _claim(ctx, r["a_doc"], r["a_start"], r["a_value"]), _claim(ctx, r["b_doc"], r["b_start"], r["b_value"])
            if ca is None or cb is None:
                continue
            pa, pb = ca.get("period"), cb.get("period")
            if (pa or pb) and pa != pb:
                continue  # figures for different times do not contradict each other
            r = {**r, "a_shown": figure_value(ca), "b_shown": figure_value(cb), "a_surface": ca.get("surface"),
                 "b_surface": cb.get("surface")}
        out.append(r)
    out.sort(key=lambda r: -float(r.get("score") or 0.0))
    unique, pairs = [], set()
    for r in out:
        pair = frozenset({(r["a_doc"], r["a_start"]), (r["b_doc"], r["b_start"])})
        if pair not in pairs:
            pairs.add(pair)
            unique.append(r)
    return unique[:limit]


def _claim(ctx: Context, doc: str, start: Any, value: Any) -> dict[str, Any] | None:
    """The stored figure a contradiction side quotes (its sentence and value)."""
    v = _val(value)
    for c in ctx.store.rows("claims", "doc = ? AND start_char = ?", (doc, start)):
        try:
            if v is None or abs(float(c["value"]) - float(v)) <= 1e-6 * max(1.0, abs(float(v))):
                return c
        except (TypeError, ValueError):
            continue
    return None


def contradiction_statements(ctx: Context, actor: str, rows: list[dict[str, Any]]) -> list[Statement]:
    out: list[Statement] = []
    for r in rows:
        about = _plain_about(ctx, actor, str(r["about"]))
        a = {"doc": r["a_doc"], "start_char": r["a_start"], "end_char": r["a_end"], "evidence": r["a_evidence"]}
        b = {"doc": r["b_doc"], "start_char": r["b_start"], "end_char": r["b_end"], "evidence": r["b_evidence"]}
        va, vb = _val(r["a_value"]), _val(r["b_value"])
        ka, kb = ctx.cite(a), ctx.cite(b)
        unit = "%" if "percent" in str(r["about"]) else ""
        kind = str(r["kind"])
        if kind == "date":
            head = f"Sources date this statement differently: {_show(va)} against {_show(vb)}"
        elif kind == "negation":
            head = f"Sources disagree on whether this happened: one says {_show(va)}, the other {_show(vb)}"
        elif kind == "vote":
            head = f"Sources report this vote differently: {_show(va)} against {_show(vb)}"
        elif r.get("a_shown"):
            head = f"Sources give different figures for {about}: {r['a_shown']} against {r['b_shown']}"
        else:
            head = f"Sources disagree on {about}: {_show(va)}{unit} against {_show(vb)}{unit}"
        out.append(Statement(head, [ka, kb]))
        for n, (side, surface) in enumerate(((a, r.get("a_surface")), (b, r.get("b_surface")))):
            if (side["doc"], int(side["start_char"] or 0)) in ctx.quoted:
                out.append(Statement("The first of these is quoted above" if n == 0 else
                                     "The second is quoted above", [ctx.cite(side)], "note"))
                continue
            q = ctx.quote(side, set(), limit=35, anchor=surface or None)
            out.append(Statement(q.text, q.cites, "quote"))
    return out


def _plain_about(ctx: Context, actor: str, about: str) -> str:
    """A contradiction's subject with codes replaced by names ("date of KAZ reject RUS" -> plain)."""

    def name(m: re.Match[str]) -> str:
        code = m.group(0)
        return ctx.namer.name(code) if code in ctx.namer.ref.states or code in ctx.namer.ref.orgs else code

    text = re.sub(r"\s*\([^)]*\)\s*$", "", about)
    text = re.sub(r"\b([A-Z]{2,5})/[A-Z]{3}('s)?", lambda m: m.group(1) + (m.group(2) or ""), text)
    text = re.sub(r"\b[A-Z]{2,5}\b", name, text)
    text = re.sub(r"\b(AGREE|CONSULT|SUPPORT|CONCEDE|COOPERATE|AID|RETREAT|REQUEST|ACCUSE|REJECT|THREATEN|PROTEST|"
                  r"SANCTION|MOBILIZE|COERCE|ASSAULT)\b", lambda m: act(m.group(0).upper()), text, flags=re.IGNORECASE)
    for iid, issue in ctx.issues.items():
        text = text.replace(iid, ctx.label(issue))
    return text


def _val(v: Any) -> Any:
    try:
        return json.loads(v) if isinstance(v, str) else v
    except ValueError:
        return v


def _show(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, str) and len(v) >= 4 and v[:4].isdigit():
        return when(v)
    return str(v)


# ----------------------------------------------------------------------------------- open questions

def open_questions(ctx: Context, actor: str, assessments: dict[str, ev.Assessment], asked: list[str],
                   shown: list[str]) -> list[Statement]:
    """What the evidence leaves unsettled: contested or thinly attested positions on the brief's
    issues, and an asked issue the sources do not address (citing the sources that were read)."""
    out: list[Statement] = []
    name = ctx.namer.name(actor)
    for iid in asked:
        if iid not in assessments and ctx.docs_of(actor):
            rows = ctx.stances(actor)
            docs = {r["doc"]: r for r in rows}
            out.append(Statement(f"None of the {plural(len(ctx.docs_of(actor)), 'source')} that mention {name} "
                                 f"records its position on {ctx.label(ctx.issues[iid])}",
                                 [ctx.cite(r) for r in list(docs.values())[:5]]))
    for iid in dict.fromkeys([*asked, *shown]):
        a = assessments.get(iid)
        if a is None:
            continue
        label = ctx.label(ctx.issues[iid])
        if a.stance == "mixed":
            out.append(Statement(f"{name}'s position on {label} is contested between sources", ctx.cites(a.records)))
        elif not a.well_supported:
            out.append(Statement(f"{name}'s position on {label} is thinly attested ({plural(len(a.docs), 'source')}; "
                                 f"stancemap's readings of them are not confident)", ctx.cites(a.records)))
        elif a.dissenting:
            readings = " or ".join(reading(p) for p in a.dissenting)
            out.append(Statement(f"Sources differ on whether {name} is {reading(a.stance)} on {label} or "
                                 f"{readings}", ctx.cites(a.records)))
    return out


def officials(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in rows if official(r) and not is_vote(r)]
