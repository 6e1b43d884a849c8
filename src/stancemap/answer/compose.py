"""The parts a brief is made of: statements with citations, sections, and the per-issue sections.

A :class:`Statement` is one sentence a reader sees: plain words (no codes, no citation marks) and
the keys of the sentences it cites (:mod:`.sources`). Renderers turn the keys into ``[doc]`` for the
``ask`` contract or ``[n]`` for people (:mod:`.prose`). Statements are built only from stored
records and fixed wording; a quote is verbatim (clauses may be elided with "…", a pronoun's
referent added in brackets).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..stances.issues import Issue, load_issues
from ..store import Store
from . import evidence as ev
from .names import OFFICIAL, Namer, lower_first, plural, position_verb, reading, when
from .question import Question
from .sources import Sources


@dataclass
class Statement:
    text: str  # no citation marks, no final full stop
    cites: list[str] = field(default_factory=list)
    kind: str = "claim"  # claim | quote | note

    def as_json(self) -> dict[str, Any]:
        return {"text": self.text, "cites": list(dict.fromkeys(self.cites)), "kind": self.kind}


@dataclass
class Section:
    id: str
    title: str
    statements: list[Statement] = field(default_factory=list)
    issue: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "issue": self.issue,
                "statements": [s.as_json() for s in self.statements]}


def act_words(e: dict[str, Any]) -> set[str]:
    """The stems of an event's predicate ("sentence" of "sentence:passive", "allow" of "allow/obj=rally"):
    a quote of the event keeps the clause that says the act."""
    head = str(e.get("predicate") or "").split("/")[0].split(":")[0].split(" ")[0]
    return ev.stems(head) if head and not head.startswith("vote") else set()


def is_vote(r: dict[str, Any]) -> bool:
    rule = str(r.get("rule") or "")
    return rule.startswith(("vote:", "rollcall:", "official:")) or str(r.get("predicate") or "").startswith("vote:")


def official(r: dict[str, Any]) -> bool:
    return (r.get("actor_sector") or r.get("source_sector") or None) in OFFICIAL


# An answer reads at most this many stances, events and claims per actor: every vote, then the most
# confident. An actor in a store of a year of world news has tens of thousands of records; a brief built
# from the strongest few thousand says the same, in a fraction of the time, and says what it left unread.
MAX_READ = 2000
_STANCE_VOTES = (("rule", "vote:"), ("rule", "rollcall:"), ("rule", "official:"))


class Context:
    """Everything one answer reads, loaded once: records per actor, names, issues, sources."""

    def __init__(self, store: Store, q: Question, issues_file: str | None = None,
                 actor_files: tuple[str, ...] = (), resolution_files: tuple[str, ...] = ()) -> None:
        self.store, self.q = store, q
        self.namer = Namer(actor_files)
        self.issue_list = load_issues(issues_file)
        self.issues: dict[str, Issue] = {i.id: i for i in self.issue_list}
        self.resolution_files = resolution_files
        self.sources = Sources(store)
        self.quoted: set[tuple[str, int]] = set()
        self._stances: dict[str, list[dict[str, Any]]] = {}
        self._events: dict[str, list[dict[str, Any]]] = {}
        self._claims: dict[str, list[dict[str, Any]]] = {}
        self.unread: dict[str, int] = {}  # table -> records of the asked actors beyond MAX_READ, not read
        self._mentions: dict[str, list[dict[str, Any]]] = {}
        self._named: dict[str, dict[str, list[dict[str, Any]]]] = {}

    # -- records ------------------------------------------------------------------------------
    def _read(self, table: str, column: str, actor: str, votes: tuple[tuple[str, str], ...]) -> list[dict[str, Any]]:
        """The table's rows where ``column`` is the actor: every vote (rows whose ``votes`` column starts
        with one of the prefixes), then the most confident of the rest up to ``MAX_READ``. Each query walks
        an index (migration 10), so an actor with 100,000 records costs what one with 2,000 does. What is
        left unread is counted in ``self.unread``."""
        # a prefix as a range ("vote:" <= rule < "vote;") so that the (actor, rule) index serves it; one
        # query per prefix, since with OR between the ranges SQLite walks every row of the actor instead
        rows: dict[int, dict[str, Any]] = {}
        for col, prefix in votes:
            for r in self.store.query(f"SELECT * FROM {table} WHERE {column} = ? AND {col} >= ? AND {col} < ?",
                                      (actor, prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1))):
                rows[r["id"]] = r
        top = self.store.query(f"SELECT * FROM {table} WHERE {column} = ? "
                               f"ORDER BY confidence DESC LIMIT ?", (actor, MAX_READ + 1))
        for r in top[:MAX_READ]:
            rows.setdefault(r["id"], r)
        if len(top) > MAX_READ:
            total = self.store.query(f"SELECT COUNT(*) AS n FROM {table} WHERE {column} = ?", (actor,))[0]["n"]
            if int(total) > len(rows):
                self.unread[table] = self.unread.get(table, 0) + int(total) - len(rows)
        return sorted(rows.values(), key=lambda r: r["id"])

    def stances(self, actor: str | None) -> list[dict[str, Any]]:
        if not actor:
            return []
        if actor not in self._stances:
            rows = self._read("stances", "actor", actor, _STANCE_VOTES)
            self._stances[actor] = [r for r in rows if r["issue"] in self.issues]
        return self._stances[actor]

    def events(self, actor: str | None) -> list[dict[str, Any]]:
        """Events the actor did or underwent (not clusters: each record keeps its own document)."""
        if not actor:
            return []
        if actor not in self._events:
            did = self._read("events", "source", actor, (("predicate", "vote:"),))  # every vote event has one
            underwent = self._read("events", "target", actor, ())
            self._events[actor] = sorted({r["id"]: r for r in did + underwent}.values(), key=lambda r: r["id"])
        return self._events[actor]

    def votes(self, actor: str | None) -> list[dict[str, Any]]:
        return [e for e in self.events(actor) if e["source"] == actor and is_vote(e)]

    def claims(self, actor: str | None) -> list[dict[str, Any]]:
        if not actor:
            return []
        if actor not in self._claims:
            rows = self.store.query("SELECT * FROM claims WHERE subject = ? ORDER BY id LIMIT ?", (actor, MAX_READ + 1))
            if len(rows) > MAX_READ:
                total = self.store.query("SELECT COUNT(*) AS n FROM claims WHERE subject = ?", (actor,))[0]["n"]
                self.unread["claims"] = self.unread.get("claims", 0) + int(total) - MAX_READ
                rows = rows[:MAX_READ]
            self._claims[actor] = rows
        return self._claims[actor]

    def official_by_issue(self, actor: str | None) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in self.stances(actor):
            if official(r) and self.named(r, actor):
                out[r["issue"]].append(r)
        return out

    def society_by_issue(self, actor: str | None) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in self.stances(actor):
            if not official(r) and self.named(r, actor):
                out[r["issue"]].append(r)
        return out

    def mentions(self, doc: str) -> list[dict[str, Any]]:
        if doc not in self._mentions:
            self._mentions[doc] = self.store.rows("mentions", "doc = ?", (doc,))
        return self._mentions[doc]

    def named(self, r: dict[str, Any], actor: str | None) -> bool:
        """Whether the record's own sentence names its actor in its text (a name, a people, an
        office, a pronoun the actor stage resolved), not only in a dateline ("TASHKENT/ULAANBAATAR,
        Sept 26 -"). Votes read from roll calls and vote reports are the vote stage's to vouch for."""
        if is_vote(r) or not actor:
            return True
        start, end = int(r.get("start_char") or 0), int(r.get("end_char") or 0)
        if actor not in self._named:  # one query for all of the actor's mentions
            by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for m in self.store.rows("mentions", "code = ?", (actor,)):
                by_doc[m["doc"]].append(m)
            self._named[actor] = by_doc
        for m in self._named[actor].get(r["doc"], []):
            if start <= int(m["start_char"]) < end:
                surface = str(m.get("surface") or "")
                if not (surface.isupper() and len(surface) > 3):  # an all-capitals dateline place
                    return True
        return False

    def docs_of(self, actor: str | None) -> list[str]:
        """Documents holding any record of the actor (what an absence statement cites)."""
        docs = {r["doc"] for r in self.stances(actor)} | {r["doc"] for r in self.events(actor)}
        docs |= {r["doc"] for r in self.claims(actor)}
        return sorted(docs)

    # -- words --------------------------------------------------------------------------------
    def about(self, text: str | None, issue: Issue | None) -> bool:
        """Whether a sentence is about the issue's subject (its label or keywords)."""
        return issue is not None and ev.about(text, issue.label, issue.keywords)

    def focus(self, issue: Issue | None) -> set[str]:
        if issue is None:
            return set()
        return ev.stems(" ".join([issue.label, *issue.keywords, *issue.descriptions.values()]))

    def actor_words(self, actor: str | None) -> set[str]:
        if not actor:
            return set()
        name = self.namer.name(actor)
        return ev.stems(" ".join([name, self.namer.adjectives.get(actor, ""), actor]))

    def label(self, issue: Issue) -> str:
        """The issue's label as prose: lower-cased where it is not a name, without a parenthesis."""
        text = issue.label
        if "(" in text and text.rstrip().endswith(")"):
            text = text[: text.index("(")].rstrip()
        return lower_first(text)

    def holder(self, actor: str | None, records: list[dict[str, Any]]) -> str:
        return self.namer.holder(actor, [r.get("actor_sector") or r.get("source_sector") for r in records])

    def plural_holder(self, actor: str | None, records: list[dict[str, Any]]) -> bool:
        return self.namer.holder_is_plural(actor, [r.get("actor_sector") or r.get("source_sector") for r in records])

    # -- citations and quotes -------------------------------------------------------------------
    def cite(self, r: dict[str, Any]) -> str:
        return self.sources.cite(r["doc"], r.get("start_char"), r.get("end_char"), r.get("evidence"))

    def cites(self, records: list[dict[str, Any]], per_doc: int = 1) -> list[str]:
        """One citation per document (its most confident record), documents in source order."""
        best: dict[str, dict[str, Any]] = {}
        for r in sorted(records, key=lambda r: -float(r.get("confidence") or 0.5)):
            best.setdefault(r["doc"], r)
        return [self.cite(r) for r in sorted(best.values(), key=lambda r: (r["doc"], r.get("start_char") or 0))]

    def referent(self, doc: str, at: int) -> str | None:
        """Who the pronoun at character ``at`` of ``doc`` stands for, as the actor stage resolved it."""
        for m in self.mentions(doc):
            rule = str(m.get("rule") or "")
            if abs(int(m["start_char"]) - at) <= 1 and rule.startswith("pronoun"):
                if m.get("person"):
                    return self.namer.person(m.get("person"))
                if rule.endswith(("->state", "->institution", "->org")):  # a named antecedent, not a guess
                    return self.namer.voice(m.get("code"), m.get("sector"))
                return None
        return None

    def quote(self, r: dict[str, Any], focus: set[str] | None = None, limit: int = 40,
              lead: str = "", must: set[str] | None = None, anchor: str | None = None) -> Statement:
        """A verbatim quote of the record's sentence (trimmed to its clauses), cited; it is marked
        as quoted so that no other part of the brief repeats it."""
        sentence = ev.DATELINE.sub("", " ".join(str(r["evidence"]).split()))  # the report's dateline is no part of it
        if must is None and anchor is None:  # a quote for an actor's record keeps the clause that names it
            who = r.get("actor") or r.get("source")
            must = self.actor_words(who) or None
        shown = ev.trim(sentence, focus or set(), limit, must, anchor)
        core = shown.strip("…")
        offset = sentence.find(core[:40]) if core else 0
        if ev.starts_with_pronoun(core):
            lead_ws = len(core) - len(core.lstrip("“\"' "))
            who = self.referent(r["doc"], int(r.get("start_char") or 0) + max(0, offset) + lead_ws)
            # "He said that X" with no known referent: the reported words are the quote
            shown = ev.bracket_referent(shown, who) if who else ev.drop_unknown_speaker(shown)
        self.quoted.add((r["doc"], int(r.get("start_char") or 0)))
        text = f"“{ev.unquote_end(shown)}”"
        return Statement(f"{lead}{text}", [self.cite(r)], "quote")

    def fresh(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [r for r in records if (r["doc"], int(r.get("start_char") or 0)) not in self.quoted]


# ---------------------------------------------------------------------------------- issue positions

def gloss(issue: Issue, stance: str, limit: int = 90) -> str:
    """What the issue file says the polarity means, shortened at a comma if long."""
    text = issue.descriptions.get(stance, "").strip()
    if not text or stance not in ("support", "oppose", "neutral"):
        return ""
    if len(text) > limit:
        cut = text.rfind(",", 0, limit)
        text = (text[:cut] if cut > 20 else text[:limit].rsplit(" ", 1)[0]) + ", …"
    return text


def position_statement(ctx: Context, actor: str, issue: Issue, a: ev.Assessment, holder: str | None = None,
                       with_gloss: bool = True) -> Statement:
    """"Kazakhstan takes a neutral line on Russia's 2022 invasion of Ukraine (neutral here: declares
    neutrality, …), in 4 of 5 sources that address it" — with one citation per agreeing source."""
    who = holder or ctx.holder(actor, a.records)
    many = ctx.plural_holder(actor, a.records)
    stance = a.stance
    n, k = len(a.docs), len(a.agreeing)
    if stance == "mixed":
        counts = defaultdict(set)
        for r in a.records:
            counts[r["stance"]].add(r["doc"])
        parts = [f"{plural(len(d), 'source')} describe{'s' if len(d) == 1 else ''} it as {reading(s)}"
                 for s, d in sorted(counts.items(), key=lambda x: -len(x[1]))]
        text = f"{who} {position_verb('mixed', many)} {ctx.label(issue)}: {'; '.join(parts)}"
        return Statement(text, ctx.cites(a.records))
    if not a.well_supported:
        return unsettled_statement(ctx, actor, issue, a)
    firm = not a.minority and not a.dissenting
    text = f"{who} {'' if firm else 'mostly '}{position_verb(stance, many)} {ctx.label(issue)}"
    g = gloss(issue, stance) if with_gloss else ""
    if g:
        text += f" ({stance} here: {g})"
    text += f", in {k} of {plural(n, 'source')} that address it" if n > 1 else ", in the one source that addresses it"
    return Statement(text, ctx.cites([r for r in a.records if r["doc"] in a.agreeing and r["stance"] in
                                      (stance,)] or a.records))


def unsettled_statement(ctx: Context, actor: str, issue: Issue, a: ev.Assessment) -> Statement:
    """A position the evidence does not settle: how the sources read it, source by source."""
    name = ctx.namer.name(actor)
    readings = ev.doc_readings(a.records)
    counts: dict[str, int] = defaultdict(int)
    for r in readings.values():
        counts[r or "unclear"] += 1
    if len([k for k in counts if k != "unclear"]) > 1:
        parts = [f"{plural(n, 'source')} {reading(k) if k != 'unclear' else 'unclear'}"
                 for k, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))]
        text = (f"The readings of the sources on {name}'s position on {ctx.label(issue)} disagree: "
                f"{'; '.join(parts)} (quoted below)")
    else:
        only = next((k for k in counts if k != "unclear"), a.stance)
        n = len(a.docs)
        text = (f"Only {'one source speaks' if n == 1 else plural(n, 'source') + ' speak'} to {name}'s position on "
                f"{ctx.label(issue)}, and not in a record firm enough to state it; it reads {reading(only)} "
                f"(quoted below)")
    return Statement(text, ctx.cites(a.records))


def reading_quotes(ctx: Context, actor: str, issue: Issue, a: ev.Assessment, limit: int = 30) -> list[Statement]:
    """For an unsettled position, the best quote of each reading, so that a reader can judge."""
    out = []
    for polarity in ("support", "oppose", "neutral"):
        rows = [r for r in a.records if r["stance"] == polarity]
        for r in ev.rank_quotes(ctx.fresh(rows), ctx.focus(issue), ctx.actor_words(actor), k=1):
            q = ctx.quote(r, ctx.focus(issue), limit=limit)
            out.append(Statement(f"Reading {reading(polarity)}: {q.text}", q.cites, "quote"))
    return out


def but_statements(ctx: Context, actor: str, issue: Issue, a: ev.Assessment, k: int = 2) -> list[Statement]:
    """The strongest confident reading against the position, from documents that otherwise agree
    (documents that disagree as a whole are shown as a disagreement between sources)."""
    dissent_docs = {d for docs in a.dissenting.values() for d in docs}
    # a reading against the position must be about the issue's own subject, in its own words
    rows = ctx.fresh([r for r in a.minority if r["doc"] not in dissent_docs and ctx.about(r["evidence"], issue)])
    out = []
    for r in ev.rank_quotes(rows, ctx.focus(issue), ctx.actor_words(actor), k=k):
        voice = ctx.namer.voice(actor, r.get("actor_sector"))
        out.append(ctx.quote(r, ctx.focus(issue), lead=f"Against this, {voice}: "))
    return out


def issue_section(ctx: Context, actor: str, issue: Issue, a: ev.Assessment, quotes: int = 2) -> Section:
    """One issue: the position, its best quotes (none repeated from elsewhere), the strongest
    reading against it, and what changed over time (from dates the sentences themselves give)."""
    sec = Section(f"issue-{issue.id}", issue.label, issue=issue.id)
    sec.statements.append(position_statement(ctx, actor, issue, a))
    if not a.well_supported:
        sec.statements += reading_quotes(ctx, actor, issue, a)
        return sec
    agreeing = [r for r in a.records if r["stance"] == a.stance] if a.stance != "mixed" else a.records
    picked = ev.rank_quotes(ctx.fresh(agreeing), ctx.focus(issue), ctx.actor_words(actor), k=quotes)
    # one quote that qualifies the position ("..., although it imposes none of its own"), if any
    if picked and not any(ev.qualified(r["evidence"]) for r in picked):
        own = agreeing + [e for e in ctx.events(actor) if e["source"] == actor and e.get("issue") == issue.id]
        limits = [r for r in ctx.fresh(own) if ev.qualified(r["evidence"]) and r not in picked
                  and float(r.get("confidence") or 0) >= ev.MIN_CONFIDENCE and ctx.about(r["evidence"], issue)]
        extra = ev.rank_quotes(limits, ctx.focus(issue), ctx.actor_words(actor), k=1)
        picked += extra
    for r in picked:
        sec.statements.append(ctx.quote(r, ctx.focus(issue)))
    sec.statements += but_statements(ctx, actor, issue, a)
    change = change_statement(ctx, actor, issue, a.records)
    if change is not None:
        sec.statements.append(change)
    return sec


def dated(records: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """(own date, record) for records whose sentence dates them at least to the month."""
    out = []
    for r in records:
        d = ev.own_date(r.get("evidence"), r.get("date"))
        if d and len(d) >= 7:
            out.append((d, r))
    return sorted(out, key=lambda x: x[0])


def change_statement(ctx: Context, actor: str, issue: Issue, records: list[dict[str, Any]]) -> Statement | None:
    """"It moved from neutral (March 2022) to oppose (September 2022)", or, with two or more dated
    months, that the dated statements agree; nothing when fewer than two months are dated."""
    rows = [(d, r) for d, r in dated(records) if float(r.get("confidence") or 0) >= ev.MIN_CONFIDENCE]
    months: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for d, r in rows:
        months[d[:7]].append(r)
    if len(months) < 2:
        return None
    readings = []
    for m in sorted(months):
        a = ev.assess(actor, issue.id, months[m])
        if a.stance in ("support", "oppose", "neutral"):
            readings.append((m, a.stance, months[m]))
    if len(readings) < 2:
        return None
    steps = [readings[0]]
    for step in readings[1:]:
        if step[1] != steps[-1][1]:
            steps.append(step)
    if len(steps) == 1:
        text = (f"No change over time: the statements the sources date, from {when(readings[0][0])} to "
                f"{when(readings[-1][0])}, all describe {ctx.namer.name(actor)} as {reading(readings[0][1])}")
        return Statement(text, ctx.cites([readings[0][2][0], readings[-1][2][0]]))
    path = ", then ".join(f"{reading(s)} in {when(m)}" for m, s, _ in steps)
    return Statement(f"Over time, the statements the sources date describe {ctx.namer.name(actor)} as {path}",
                     ctx.cites([rows_[0] for _, _, rows_ in steps]))


def society_statements(ctx: Context, actor: str, issue_ids: list[str], limit: int = 3) -> list[Statement]:
    """Positions of the actor's society (activists, business, media, opposition) on the issues,
    each well supported, with its best quote: a state's people are reported apart from it."""
    out: list[Statement] = []
    society = ctx.society_by_issue(actor)
    for iid in dict.fromkeys(issue_ids):
        rows = [r for r in society.get(iid, []) if float(r.get("confidence") or 0) >= ev.MIN_CONFIDENCE]
        if not rows:
            continue
        a = ev.assess(actor, iid, rows)
        if not a.well_supported or a.stance == "unknown":
            continue
        issue = ctx.issues[iid]
        out.append(position_statement(ctx, actor, issue, a, holder=ctx.holder(actor, rows), with_gloss=False))
        agreeing = [r for r in rows if r["stance"] == a.stance] or rows
        for r in ev.rank_quotes(ctx.fresh(agreeing), ctx.focus(issue), ctx.actor_words(actor), k=1):
            out.append(ctx.quote(r, ctx.focus(issue)))
        if len(out) >= 2 * limit:
            break
    return out
