"""Answers by the question's form: the verdict a headline gives, and the sections only some forms have.

* position / overview — the actor's position on the asked issue (or its best attested positions);
* support — yes / no / mixed / unclear / no evidence, against the side the question asks about;
* change — the asked issue's dated readings over time;
* compare — issue by issue, where two actors' positions agree and differ, both sides quoted;
* relation — what the actor did toward the other actor and the other toward it.

The verdict sentence always comes with the strongest two pieces of evidence (quotes).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from . import evidence as ev
from .compose import Context, Section, Statement, act_words, position_statement, reading_quotes
from .names import plural, position_verb, reading, when

VERDICT_WORDS = {"support": "Supports", "oppose": "Opposes", "neutral": "Neutral", "mixed": "Mixed",
                 "unknown": "No evidence"}


def best_quotes(ctx: Context, actor: str, a: ev.Assessment, k: int = 2, limit: int = 30) -> list[Statement]:
    issue = ctx.issues[a.issue]
    rows = [r for r in a.records if r["stance"] == a.stance] if a.stance != "mixed" else a.records
    return [ctx.quote(r, ctx.focus(issue), limit=limit)
            for r in ev.rank_quotes(ctx.fresh(rows), ctx.focus(issue), ctx.actor_words(actor), k=k)]


def position_verdict(ctx: Context, actor: str, iid: str | None, a: ev.Assessment | None
                     ) -> tuple[str, list[Statement]]:
    """(verdict word, statements) for "what is X's position on Y"."""
    name = ctx.namer.name(actor)
    if iid is None:
        return "no issue", []
    issue = ctx.issues[iid]
    if a is None:
        return "no evidence", [absence(ctx, actor, f"records no position of {name} on {ctx.label(issue)}")]
    if not a.well_supported:
        st = position_statement(ctx, actor, issue, a)  # how the sources read it, source by source
        st.text = f"Unclear: {st.text[:1].lower() + st.text[1:] if st.text.startswith(('The ', 'Only ')) else st.text}"
        return "unclear", [st, *reading_quotes(ctx, actor, issue, a)[:2]]
    return a.stance, [position_statement(ctx, actor, issue, a), *best_quotes(ctx, actor, a)]


def support_verdict(ctx: Context, actor: str, side: str, iid: str | None, a: ev.Assessment | None
                    ) -> tuple[str, list[Statement]]:
    """(yes | no | mixed | unclear | no evidence, statements) for "does X support/oppose Y"."""
    word, statements = position_verdict(ctx, actor, iid, a)
    if a is None or word in ("no evidence", "no issue"):
        return word, statements
    if word == "unclear":
        return "unclear", statements
    opposite = "oppose" if side == "support" else "support"
    limit = None
    if a.stance == side:  # a statement on the same side that sets a limit to it ("…, although it will not …")
        issue = ctx.issues[a.issue]
        # the actor's own statements on the issue (its records, and the sentences of its acts on it)
        own = [r for r in a.records if r["stance"] == side] + \
            [e for e in ctx.events(actor) if e["source"] == actor and (e.get("issue") == a.issue)]
        limits = [r for r in own if ev.qualified(r["evidence"]) and ctx.about(r["evidence"], issue)
                  and float(r.get("confidence") or 0) >= ev.MIN_CONFIDENCE]
        best = ev.rank_quotes(limits, ctx.focus(issue), ctx.actor_words(actor), k=1)
        if best and ctx.fresh(best):
            limit = ctx.quote(best[0], ctx.focus(issue), limit=30, lead="With a limit: ")
        elif best:  # already quoted as one of the two strongest pieces of evidence
            limit = Statement("", [])
    if a.stance == side:
        verdict = "yes" if not a.minority and not a.dissenting else "mostly yes"
        if limit is not None:
            verdict += ", with limits"
            statements = [*statements, limit] if limit.text else statements
    elif a.stance == opposite:
        verdict = "no"
    elif a.stance == "neutral":
        verdict = "no (neutral)"
    else:
        verdict = "mixed"
    head = verdict.replace("no (neutral)", "no").capitalize()
    first = statements[0]
    first.text = f"{head}: {first.text}"
    return verdict, statements


def absence(ctx: Context, actor: str, what: str) -> Statement:
    """"None of the 5 sources that mention Kazakhstan records ..." citing (up to five of) them."""
    docs = ctx.docs_of(actor)
    rows: dict[str, dict[str, Any]] = {}
    for r in [*ctx.stances(actor), *ctx.events(actor)]:
        rows.setdefault(r["doc"], r)
    n = len(docs)
    text = f"No evidence: none of the {plural(n, 'source')} that mention {ctx.namer.name(actor)} {what}" if n \
        else f"No evidence: the stored sources do not mention {ctx.namer.name(actor)}"
    return Statement(text, [ctx.cite(rows[d]) for d in docs[:5] if d in rows])


# ------------------------------------------------------------------------------------------- change

def change_verdict(ctx: Context, actor: str, iid: str | None, a: ev.Assessment | None
                   ) -> tuple[str, list[Statement], Section | None]:
    """(changed | unchanged | undated | no evidence, statements, a section listing the dated readings)."""
    if iid is None or a is None:
        word, st = position_verdict(ctx, actor, iid, a)
        return word, st, None
    issue = ctx.issues[iid]
    rows = [r for r in a.records if float(r.get("confidence") or 0) >= ev.MIN_CONFIDENCE]
    dated_rows = [(d, r) for r in rows if (d := ev.own_date(r.get("evidence"), r.get("date"))) and len(d) >= 7]
    by_month: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for d, r in dated_rows:
        by_month[d[:7]].append(r)
    readings = []
    for m in sorted(by_month):
        sub = ev.assess(actor, iid, by_month[m])
        if sub.stance != "unknown":
            readings.append((m, sub.stance, by_month[m]))
    name = ctx.namer.name(actor)
    sec = Section(f"change-{iid}", f"{issue.label}: dated statements")
    head_quotes: list[Statement] = []
    if len(readings) >= 2:  # the earliest and the latest dated statements are the answer's evidence
        for m, _stance, recs in (readings[0], readings[-1]):
            best = ev.rank_quotes(ctx.fresh(recs), ctx.focus(issue), ctx.actor_words(actor), k=1)
            if best:
                q = ctx.quote(best[0], ctx.focus(issue), limit=30, must=ev.stems(when(m).split(" ")[0]))
                head_quotes.append(Statement(f"{when(m)}: {q.text}", q.cites, "quote"))
    for m, stance, recs in readings:
        best = ev.rank_quotes(ctx.fresh(recs), ctx.focus(issue), ctx.actor_words(actor), k=1)
        if best:
            q = ctx.quote(best[0], ctx.focus(issue), limit=30, must=ev.stems(when(m).split(" ")[0]))
            sec.statements.append(Statement(f"{when(m)} — {reading(stance)}: {q.text}", q.cites, "quote"))
    if len(readings) < 2:
        overall = position_statement(ctx, actor, issue, a)
        dated = "no month" if not readings else "one month"
        text = (f"The sources date too few of {name}'s statements on {ctx.label(issue)} to show a change (their own "
                f"sentences give {dated}); over all of them: {overall.text}")
        return "undated", [Statement(text, overall.cites)], sec if sec.statements else None
    steps = [readings[0]]
    for step in readings[1:]:
        if step[1] != steps[-1][1]:
            steps.append(step)
    cites = [ctx.cites(recs)[0] for _, _, recs in steps] + [ctx.cites(readings[-1][2])[0]]
    if len(steps) == 1:
        text = (f"No change recorded: the statements on {ctx.label(issue)} that the sources date, from "
                f"{when(readings[0][0])} to {when(readings[-1][0])}, all describe {name} as {reading(readings[0][1])}")
        return "unchanged", [Statement(text, cites), *head_quotes], sec
    path = ", then ".join(f"{reading(s)} in {when(m)}" for m, s, _ in steps)
    text = f"Changed: the statements on {ctx.label(issue)} that the sources date describe {name} as {path}"
    return "changed", [Statement(text, cites), *head_quotes], sec


# ------------------------------------------------------------------------------------------ compare

def compare_sections(ctx: Context, actor: str, other: str, mine: dict[str, ev.Assessment],
                     theirs: dict[str, ev.Assessment], issue_ids: list[str]) -> tuple[str, list[Statement], Section]:
    """Issue by issue, where both positions are well supported: agree or differ, both quoted."""
    a_name, b_name = ctx.namer.name(actor), ctx.namer.name(other)
    sec = Section("compare", f"{a_name} and {b_name}, issue by issue")
    differ: list[str] = []
    agree: list[str] = []
    only: list[str] = []
    for iid in issue_ids:
        a, b = mine.get(iid), theirs.get(iid)
        if a and b and a.well_supported and b.well_supported:
            (agree if a.stance == b.stance else differ).append(iid)
        elif (a and a.well_supported) or (b and b.well_supported):
            only.append(iid)
    head_quotes: list[Statement] = []
    for n, iid in enumerate(differ + agree):
        issue = ctx.issues[iid]
        a, b = mine[iid], theirs[iid]
        verb = "differ" if iid in differ else "agree"
        text = (f"On {ctx.label(issue)} they {verb}: {a_name} {position_verb(a.stance)} it, "
                f"{b_name} {position_verb(b.stance)} it")
        sec.statements.append(Statement(text, ctx.cites(a.records)[:2] + ctx.cites(b.records)[:2]))
        for who, x in ((actor, a), (other, b)):
            for q in best_quotes(ctx, who, x, k=1, limit=30):
                q.text = f"{ctx.namer.name(who)}: {q.text}"
                (head_quotes if n == 0 else sec.statements).append(q)
    for iid in only[:4]:
        mine_i = mine.get(iid)
        own = mine_i is not None and mine_i.well_supported
        x = mine_i if own and mine_i is not None else theirs[iid]
        who = actor if own else other
        missing = b_name if who == actor else a_name
        sec.statements.append(Statement(
            f"On {ctx.label(ctx.issues[iid])} only {ctx.namer.name(who)}'s position is on record "
            f"({reading(x.stance)}); the sources say nothing firm of {missing}'s", ctx.cites(x.records)[:2]))
    if len(only) > 4:
        rest = only[4:]
        sec.statements.append(Statement(
            f"On {plural(len(rest), 'more issue')} only one of them is on record: "
            f"{'; '.join(ctx.label(ctx.issues[i]) for i in rest)}",
            [c for i in rest for x in (mine.get(i), theirs.get(i)) if x for c in ctx.cites(x.records)[:1]]))
    if differ:
        labels = [ctx.label(ctx.issues[i]) for i in differ]
        head = (f"They differ on {plural(len(differ), 'issue')} of {len(differ) + len(agree)} on which both are "
                f"on record: {'; '.join(labels)}")
        verdict = "differ"
    elif agree:
        head = (f"No difference on record: {a_name} and {b_name} take the same position on "
                f"{plural(len(agree), 'issue')} on which both are on record")
        verdict = "agree"
    else:
        head = f"The sources put {a_name} and {b_name} on record together on no issue"
        verdict = "no evidence"
    cites = [c for iid in (differ or agree) for c in ctx.cites(mine[iid].records)[:1] + ctx.cites(theirs[iid].records)[:1]]
    if not cites:
        cites = [c for iid in only for x in (mine.get(iid), theirs.get(iid)) if x for c in ctx.cites(x.records)[:1]]
    return verdict, [Statement(head, cites), *head_quotes], sec


# ----------------------------------------------------------------------------------------- relation

QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def relation_sections(ctx: Context, actor: str, other: str, limit: int = 4) -> tuple[str, list[Statement], list[Section]]:
    """What ``actor`` did toward ``other`` and back: counts of cooperative and conflictual acts
    (by the documents that report each), and the clearest acts quoted in their own words."""
    a_name, b_name = ctx.namer.name(actor), ctx.namer.name(other)
    sections = []
    counts: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = {}
    first_quote: dict[tuple[str, str], Statement] = {}
    for src, tgt in ((actor, other), (other, actor)):
        rows = [e for e in ctx.events(actor) if e["source"] == src and e["target"] == tgt and not e["negated"]
                and not str(e.get("predicate") or "").startswith("vote:")]
        coop = [e for e in rows if float(e.get("weight") or 0) > 0]
        conf = [e for e in rows if float(e.get("weight") or 0) <= 0]
        counts[(src, tgt)] = {"cooperative": coop, "conflictual": conf}
        confident = [e for e in rows if float(e.get("confidence") or 0) >= 0.6]
        if not confident:
            continue
        # the state's own acts (its government, armed forces, parliament) before its society's
        states = [e for e in confident if (e.get("source_sector") or None) in ("GOV", "MIL", "LEG", "JUD", None)]
        confident = states or confident
        sec = Section(f"acts-{src}-{tgt}", f"What {ctx.namer.name(src)} did toward {ctx.namer.name(tgt)}")
        picked = ev.rank_quotes(ctx.fresh(confident), set(), ctx.actor_words(tgt), k=limit)
        for e in picked[:1] + sorted(picked[1:], key=lambda e: str(e.get("date") or "")):
            d = ev.own_date(e.get("evidence"), e.get("date"))
            voice = ctx.namer.voice(src, e.get("source_sector"))
            month = ev.stems(when(d).split(" ")[-2] if d and len(d) >= 7 else (d or ""))
            q = ctx.quote(e, act_words(e), limit=35, must=month or act_words(e) or None)  # the act, its date
            lead = f"{when(d)} — " if d else ""
            st = Statement(f"{lead}{voice[:1].upper() + voice[1:]}: {q.text}", q.cites, "quote")
            if (src, tgt) not in first_quote:
                first_quote[(src, tgt)] = st  # the clearest act opens the answer
            else:
                sec.statements.append(st)
        sections.append(sec)
    head: list[Statement] = []
    for (src, tgt), c in counts.items():
        rows = c["cooperative"] + c["conflictual"]
        if rows:
            docs = {e["doc"] for e in rows}
            n = len(docs)
            who = "One source reports" if n == 1 else f"{n} sources report"
            head.append(Statement(f"{who} acts of {ctx.namer.name(src)} toward {ctx.namer.name(tgt)}",
                                  ctx.cites(rows)[:5]))
            opening = first_quote.get((src, tgt))
            if opening is not None:
                head.append(opening)
    if not head:
        return "no evidence", [absence(ctx, actor, f"records an act between {a_name} and {b_name}")], sections
    return "acts", head, sections
