"""The ``stancemap`` command: one sub-command per verb, each with real ``--help``.

Library errors (:class:`~stancemap.errors.StancemapError`) become one clean line on stderr and a
non-zero exit code; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from .config import Options
from .errors import StancemapError
from .model import UNREAD_STATUSES
from .store.base import Store

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Where does a state stand? Evidence-linked events, stances and claims from news text.")


REPORT_FORMATS = (".html", ".md", ".markdown")


class State:
    options: Options = Options()
    debug: bool = False


def err(msg: str) -> None:
    typer.echo(msg, err=True)


@app.callback()
def main_options(
    db: Annotated[str | None, typer.Option(help="Database: a SQLite file (default under the user data dir) "
                                                "or a postgresql:// URL.", envvar="STANCEMAP_DB")] = None,
    config: Annotated[Path | None, typer.Option(help="YAML file of options (see stancemap.config.Options).")] = None,
    actors: Annotated[list[str] | None, typer.Option("--actors", help="Extra actor reference YAML (repeatable).")] = None,
    issues: Annotated[str | None, typer.Option("--issues", help="Issue YAML added to the shipped taxonomy (same id: "
                                                                   "replaces it; 'replace: true' in the file: only it).")] = None,
    lexicon: Annotated[list[str] | None, typer.Option("--lexicon", help="Extra predicate lexicon YAML (repeatable).")] = None,
    resolutions: Annotated[list[str] | None, typer.Option(
        "--resolutions", help="Extra resolutions YAML (symbol, body, date, what it condemns, issues; repeatable).")]
    = None,
    min_confidence: Annotated[float | None, typer.Option(
        "--min-confidence", help="Keep events and stances whose learned confidence is at least this (default: the "
                                 "floor chosen when the verifier was trained; 0 keeps everything).", min=0.0, max=1.0)]
    = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")] = False,
    debug: Annotated[bool, typer.Option(help="Show tracebacks instead of one-line errors.")] = False,
) -> None:
    """Global options go before the verb: stancemap --db my.db ingest FOLDER."""
    State.debug = debug
    State.options = Options.from_file(
        config, db=db, actors_files=actors or None, issues_file=issues, lexicon_files=lexicon or None,
        resolutions_files=resolutions or None, min_confidence=min_confidence,
        progress=False if quiet or not sys.stderr.isatty() else None,
    )


def _store(create: bool = False) -> Store:
    """The configured store. Only verbs that write new documents create a database: a mistyped
    ``--db`` given to a read verb is an error, not a new empty database that answers "no evidence"."""
    from .store import open_store

    return open_store(State.options.db, create=create)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive), URL lists, RSS/Atom feeds, WARC files.")],
    fetch: Annotated[bool, typer.Option("--fetch", help="Fetch URLs from URL lists (off: offline by default).")] = False,
    time_budget: Annotated[float | None, typer.Option(
        "--time-budget", help="Seconds of extraction per document (default 60; 0: none). A document over it is "
                              "stored with its text and status 'timeout', and the run goes on.")] = None,
    prefilter: Annotated[bool, typer.Option(
        "--prefilter/--no-prefilter", help="Judge each new document's relevance from its words first (actor, issue "
                                           "and politics vocabulary) and store one with nothing to extract as "
                                           "'irrelevant', unparsed. --no-prefilter reads everything, including "
                                           "documents an earlier run set aside.")] = True,
    ray: Annotated[str | None, typer.Option(
        "--ray", metavar="[ADDRESS]", help="Run extraction on Ray workers: 'local' (the default when no address "
                                           "follows) starts Ray here; 'auto' joins this machine's cluster; "
                                           "ray://HOST:10001 a remote one. The store is written from here.")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Ray workers (with --ray).")] = 2,
) -> None:
    """Read, clean, extract and store documents. Re-ingesting the same file is a no-op.

    Documents stored without records (over the time budget, an extractor failed, a language the models
    cannot read, judged irrelevant by the pre-filter) are listed by `stats` and exported with their status;
    a later ingest retries the first two, and `stancemap reextract` reads the irrelevant ones fully."""
    from .runner import ingest_paths

    State.options.fetch_urls = fetch
    State.options.prefilter = prefilter
    if time_budget is not None:
        State.options.time_budget = time_budget
    with _store(create=True) as store, _extractor(ray, workers) as extractor:
        report = ingest_paths(paths, store, State.options, on_error=lambda e: err(f"skipped: {e}"),
                              on_warning=lambda w: err(f"warning: {w}"), extractor=extractor)
        if report.ingested:
            from .reconcile.run import reconcile_store

            reconcile_store(store, State.options)
    parts = [f"{len(report.stored)} new", f"{len(report.updated)} updated", f"{len(report.unchanged)} unchanged",
             f"{len(report.duplicates)} duplicate{'s' if len(report.duplicates) != 1 else ''}",
             f"{len(report.errors)} skipped"]
    if report.timeouts or report.failed:
        parts.append(f"{len(report.timeouts) + len(report.failed)} stored without records")
    if report.irrelevant:
        parts.append(f"{len(report.irrelevant)} irrelevant (not parsed)")
    secs = max(report.seconds, 1e-9)
    rate = (f"; {report.words:,} words in {report.seconds:.1f} s: {report.ingested / secs:.1f} documents/s, "
            f"{report.words / secs:,.0f} words/s") if report.ingested else ""
    typer.echo(f"ingested into {State.options.db}: " + ", ".join(parts) + rate, err=True)
    for dup, orig, sim in report.duplicates:
        typer.echo(f"duplicate: {dup} is a copy of {orig} (similarity {sim:.2f}); linked, not stored", err=True)
    if report.not_english:
        typer.echo(f"note: not English, stored without extraction (the models read English only): "
                   f"{', '.join(report.not_english)}", err=True)
    if report.irrelevant:
        typer.echo(f"note: {len(report.irrelevant)} document(s) judged irrelevant by the pre-filter, stored without "
                   "extraction (`stancemap reextract` reads them fully)", err=True)
    nothing = not (report.ingested or report.unchanged or report.duplicates)
    if nothing:
        raise typer.Exit(1)


def _extractor(ray: str | None, workers: int) -> Any:
    """Where extraction runs: here (a no-op context), or on Ray workers (closed when the run ends)."""
    import contextlib

    if ray is None:
        return contextlib.nullcontext(None)
    from .distributed import RayExtractor

    return RayExtractor(State.options, address=ray, workers=workers)


@app.command()
def reextract(
    status: Annotated[list[str] | None, typer.Argument(
        help="Extraction statuses to read again (default: irrelevant; also timeout, failed, language).")] = None,
    ray: Annotated[str | None, typer.Option("--ray", metavar="[ADDRESS]", help="Run extraction on Ray workers "
                                                                               "(as for ingest).")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Ray workers (with --ray).")] = 2,
) -> None:
    """Run the full pipeline over stored documents that were stored without records, from their stored text:
    by default those the pre-filter judged irrelevant."""
    from .runner import reextract as run

    wanted = tuple(status or ["irrelevant"])
    known = ("irrelevant", *UNREAD_STATUSES)
    bad = [s for s in wanted if s not in known]
    if bad:
        raise StancemapError(f"unknown status(es) {', '.join(bad)}; choose from {', '.join(known)}")
    with _store() as store, _extractor(ray, workers) as extractor:
        report = run(store, State.options, wanted, extractor=extractor, on_warning=lambda w: err(f"warning: {w}"))
        if report.ingested:
            from .reconcile.run import reconcile_store

            reconcile_store(store, State.options)
    typer.echo(f"re-extracted in {State.options.db}: {report.rate()}", err=True)


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl or csv.")] = "jsonl",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write here instead of stdout.")] = None,
    kinds: Annotated[str, typer.Option(help="Comma-separated kinds: document,event,stance,claim,contradiction,mention,resolution,official_vote.")]
    = "document,event,stance,claim,contradiction",
) -> None:
    """Export stored records in the shared contract (export-schema.md)."""
    from contextlib import nullcontext

    from .store.export import KINDS, columns, records, to_jsonl, write_csv

    wanted = [k.strip() for k in kinds.split(",") if k.strip()]
    bad = [k for k in wanted if k not in KINDS]
    if bad:
        raise StancemapError(f"unknown kind(s) {', '.join(bad)}; choose from {', '.join(KINDS)}")
    if format not in ("jsonl", "csv"):
        raise StancemapError(f"unknown format {format!r}; choose jsonl or csv")
    # Streamed: one record at a time from the store to the output (a CSV reads the store twice: once for
    # its header, the union of the records' fields), so memory does not grow with the store.
    with _store() as store, (out.open("w", encoding="utf-8", newline="") if out else nullcontext(sys.stdout)) as f:
        if format == "csv":
            n = write_csv(records(store, wanted), columns(records(store, wanted)), f)
        else:
            n = 0
            for line in to_jsonl(records(store, wanted)):
                f.write(line + "\n")
                n += 1
    if out:
        typer.echo(f"wrote {n} records to {out}", err=True)


@app.command("eval")
def eval_(
    gold_dir: Annotated[Path, typer.Argument(help="Gold folder with events/stances/claims .jsonl.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object instead of lines.")] = False,
    peer: Annotated[Path | None, typer.Option(help="PLOVER peer gold (JSON) to also score the coder on.")] = None,
    corpus: Annotated[Path | None, typer.Option(help="Where the gold's documents are, if not yet ingested "
                                                     "(default: ../corpus/<name> beside the gold, or the bundled copy).")]
    = None,
    no_ingest: Annotated[bool, typer.Option("--no-ingest", help="Score only what the store holds.")] = False,
    split: Annotated[str | None, typer.Option(help="Score only one split of the corpus (the 'split' column of its "
                                                   "SOURCES.csv: dev or test).")] = None,
) -> None:
    """Score the stored records against a gold folder (same rules as shared/tools/score.py).

    Gold documents missing from the store, or stored by an older extractor, are ingested first from the
    corpus beside the gold (or the bundled copy), so that `stancemap eval GOLD_DIR` scores the current
    code, also on a fresh database."""
    from .config import extractor_fingerprint
    from .evaluate.run import evaluate, format_report, gold_docs

    with _store(create=True) as store:
        current = extractor_fingerprint(State.options)
        fresh = {r["id"] for r in store.rows("documents") if r["extractor"] == current}
        docs = gold_docs(gold_dir, split, corpus) if gold_dir.is_dir() else set()
        # missing, or extracted by an older version of stancemap: (re-)read before scoring. The whole
        # corpus is read whatever the split, so that what is compared across documents (contradictions,
        # clusters) does not depend on which split was scored first
        whole = gold_docs(gold_dir, None, corpus) if split and gold_dir.is_dir() else docs
        missing = sorted(whole - fresh)
        if missing and not no_ingest:
            _ingest_gold_corpus(store, gold_dir, corpus, missing)
        rep = evaluate(store, gold_dir, docs or None)
    try:
        from .evaluate.extra import add_extras
    except ImportError:  # pragma: no cover - extras land with the actor and event stages
        pass
    else:
        add_extras(rep, State.options, gold_dir, peer, docs or None, default_peer=split is None)
    typer.echo(json.dumps(rep, indent=1) if as_json else format_report(rep))


def _ingest_gold_corpus(store: Store, gold_dir: Path, corpus: Path | None, missing: list[str]) -> None:
    from .runner import ingest_paths

    candidates = [corpus] if corpus else [gold_dir.parent.parent / "corpus" / gold_dir.name,
                                         Path(__file__).resolve().parents[2] / "data" / "corpus" / gold_dir.name]
    folder = next((c for c in candidates if c is not None and c.is_dir()), None)
    if folder is None:
        err(f"note: {len(missing)} gold document(s) are not in the store and no corpus folder was found "
            f"(--corpus DIR); scoring what is stored")
        return
    files = [str(f) for f in sorted(folder.iterdir()) if f.stem in missing and f.is_file()]
    err(f"note: ingesting {len(files)} gold document(s) from {folder} first (new, or read by an older extractor)")
    ingest_paths(files, store, State.options, on_error=lambda e: err(f"skipped: {e}"),
                 on_warning=lambda w: err(f"warning: {w}"))
    from .reconcile.run import reconcile_store

    reconcile_store(store, State.options)


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help='e.g. "What is Kazakhstan\'s position on the Russian invasion of Ukraine?"')],
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Answer a question about a state's position with a cited brief from stored records."""
    from .answer.brief import build_answer, render_text
    from .answer.question import parse_question

    if format not in ("text", "json"):
        raise StancemapError(f"unknown format {format!r}; choose text or json")
    q = parse_question(question, tuple(State.options.actors_files), State.options.issues_file)
    with _store() as store:
        answer = build_answer(store, q, State.options.issues_file, tuple(State.options.actors_files),
                              tuple(State.options.resolutions_files))
    typer.echo(json.dumps(answer, ensure_ascii=False, indent=1) if format == "json" else render_text(answer))
    if answer["status"] != "answered":  # said so above; the exit code tells scripts
        raise typer.Exit(1)


def _actor_code(actor: str) -> tuple[str, str]:
    from .actors.reference import load_reference
    from .answer.question import find_actor

    ref = load_reference(tuple(State.options.actors_files))
    code = actor.upper() if actor.upper() in ref.states or actor.upper() in ref.orgs else find_actor(actor, ref)[0]
    if code is None:
        raise StancemapError(f"unknown actor {actor!r} (give a state or organisation name or code)")
    return code, ref.name(code)


@app.command()
def report(
    actor: Annotated[str, typer.Argument(help="State or organisation: a name (Kazakhstan) or code (KAZ).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="brief.html (self-contained) or brief.md (+ PNG charts).")]
    = Path("brief.html"),
    topic: Annotated[str | None, typer.Option(help="What the brief is about (an issue: ranks the issues); "
                                                   "without it, the actor's best attested positions.")] = None,
) -> None:
    """Write a brief on ACTOR with timeline, dyad and multi-vector charts."""
    from .answer.brief import build_answer
    from .answer.question import parse_question
    from .answer.report import write_report

    if out.suffix.lower() not in REPORT_FORMATS:
        raise StancemapError(f"{out}: cannot write a {out.suffix or 'file without an extension'}; the report is "
                             f"{' or '.join(REPORT_FORMATS)} (for a PDF, print the HTML brief from a browser)")
    code, name = _actor_code(actor)
    text = f"What is {name}'s position on {topic}?" if topic else f"What are {name}'s positions?"
    q = parse_question(text, tuple(State.options.actors_files), State.options.issues_file)
    q.actor, q.actor_name = code, name
    with _store() as store:
        answer = build_answer(store, q, State.options.issues_file, tuple(State.options.actors_files),
                              tuple(State.options.resolutions_files))
        if answer["status"] in ("no-actor", "no-evidence"):
            raise StancemapError(f"{answer['summary']} Nothing written to {out}.")
        from .actors.reference import load_reference

        ref = load_reference(tuple(State.options.actors_files))
        files = write_report(store, answer, out, ref.name)
    typer.echo("wrote " + ", ".join(str(f) for f in files), err=True)


@app.command()
def reconcile() -> None:
    """Recompute merged events, claim clusters and contradictions from the stored records."""
    from .reconcile.run import reconcile_store

    with _store() as store:
        counts = reconcile_store(store, State.options)
    typer.echo(", ".join(f"{v} {k.replace('_', ' ')}" for k, v in counts.items()))


@app.command()
def dyads(
    source: Annotated[str, typer.Argument(help="Actor (name or code).")],
    target: Annotated[str | None, typer.Argument(help="Other actor; all partners if omitted.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv or jsonl.")] = "table",
) -> None:
    """Monthly cooperation/conflict series between actors (GDELT-style columns)."""
    from .analysis.dyads import dyad_series

    a, _ = _actor_code(source)
    b = _actor_code(target)[0] if target else None
    with _store() as store:
        rows = [r.as_row() for r in dyad_series(store.rows("event_clusters", "source = ? OR target = ?", (a, a)))
                if a in (r.source, r.target) and (b is None or b in (r.source, r.target))]
    if format == "jsonl":
        for r in rows:
            typer.echo(json.dumps(r))
    elif format == "csv":
        from .store.export import to_csv

        typer.echo(to_csv(rows), nl=False)
    else:
        typer.echo(f"{'month':8} {'source':6} {'target':6} {'events':>6} {'sources':>7} {'weight':>7}")
        for r in rows:
            typer.echo(f"{r['MonthYear']:8} {r['Actor1Code']:6} {r['Actor2Code']:6} {r['NumEvents']:>6} "
                       f"{r['NumSources']:>7} {r['GoldsteinScaleSum']:>7}")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on (loopback by default: this machine only).")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.", min=1, max=65535)] = 8000,
    token: Annotated[str | None, typer.Option(
        help="Enable the write endpoints (POST /api/ingest, /api/reconcile) for requests sending "
             "'Authorization: Bearer TOKEN' (at least 16 characters). Without it the server is read-only. "
             "Prefer the environment variable: a command line is visible to other users.",
        envvar="STANCEMAP_API_TOKEN")] = None,
    max_upload_mb: Annotated[float, typer.Option(help="Largest request body (upload) accepted, in MB.", min=0.01)]
    = 10.0,
) -> None:
    """Serve the HTTP API and the web page over the database (read-only unless --token is given)."""
    import ipaddress

    import uvicorn

    from .api.app import create_app
    from .api.limits import MB, Limits

    if not token:  # a read-only server on a missing database could only ever say "no evidence"
        _store().close()
    app_ = create_app(State.options, token=token or None, limits=Limits(max_body=int(max_upload_mb * MB)))
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name: it may resolve to any interface
        loopback = False
    mode = "read-only" if not token else f"write endpoints enabled with the token; uploads up to {max_upload_mb:g} MB"
    if not loopback:
        err(f"note: listening on {host}, reachable from other machines; "
            + ("read-only (no --token)" if not token else "the token travels in plain HTTP: put TLS in front"))
    shown = f"[{host}]" if ":" in host else host
    err(f"serving http://{shown}:{port}/ ({mode})")
    uvicorn.run(app_, host=host, port=port, log_level="warning")


@app.command()
def stats() -> None:
    """Counts of what the store holds, and the documents stored without records (and why)."""
    with _store() as store:
        for table in ("documents", "sentences", "mentions", "events", "stances", "claims", "contradictions",
                      "duplicates"):
            typer.echo(f"{table:15} {store.count(table)}")
        held = store.rows("documents", "extraction <> ? AND extraction <> ?", ("ok", "irrelevant"))
        if held:
            typer.echo(f"\n{len(held)} document(s) stored without records:")
            for r in held:
                typer.echo(f"  {r['id']}: {r['extraction']} ({r['extraction_note'] or 'no reason recorded'})")
        # A monitoring feed sets most documents aside: count them, do not list them.
        irrelevant = store.query("SELECT COUNT(*) AS n FROM documents WHERE extraction = ?", ("irrelevant",))[0]["n"]
        if irrelevant:
            typer.echo(f"\n{irrelevant} document(s) judged irrelevant by the pre-filter, stored without records "
                       "(`stancemap reextract` reads them)")


RAY_ADDRESS = ("local", "auto")


def _ray_default(argv: list[str]) -> list[str]:
    """``--ray`` with no address after it means a local Ray instance: put ``local`` in, so that ``ingest --ray
    corpus/`` does not read the folder as an address (an address is local, auto, or has a ':' in it)."""
    out: list[str] = []
    for i, a in enumerate(argv):
        out.append(a)
        if a == "--ray":
            nxt = argv[i + 1] if i + 1 < len(argv) else None
            if nxt is None or not (nxt in RAY_ADDRESS or (":" in nxt and not nxt.startswith("-"))):
                out.append("local")
    return out


votes_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                        help="Official voting records (UN roll calls): import them, list them. Texts are checked "
                             "against them (contradictions of type official-record).")
app.add_typer(votes_app, name="votes")


@votes_app.command("import")
def votes_import(
    files: Annotated[list[str], typer.Argument(
        help="Voting data CSV: the UN Digital Library's General Assembly or Security Council voting data (one row "
             "per member state and resolution: ms_code, ms_name, ms_vote, resolution, draft, date, title, meeting, "
             "total_yes ...), downloaded by you. Nothing is fetched.")],
    mapping: Annotated[Path | None, typer.Option(
        "--mapping", help="YAML naming another layout's columns and vote values (e.g. Human Rights Council votes): "
                          "body: HRC; columns: {ms_code: ..., ms_vote: ..., resolution: ..., date: ...}; "
                          "votes: {Yes: Y, No: N, Abstention: A}.")] = None,
    symbol: Annotated[list[str] | None, typer.Option(
        "--symbol", help="Import only these resolutions (shell pattern on the symbol, e.g. 'A/RES/ES-11/*'; "
                         "repeatable).")] = None,
    no_reconcile: Annotated[bool, typer.Option("--no-reconcile", help="Do not re-check the stored texts "
                                                                     "against the record now.")] = False,
) -> None:
    """Store official votes, each with the file and line it came from.

    Votes on resolutions that bear on an issue (the resolutions registry: votes/data/resolutions.yaml and
    --resolutions FILE) become positions, rendered as a document 'official-<file>' whose lines are the
    evidence. Re-importing a file, or a newer file with the same resolutions, replaces their record. Then
    every stored text's votes, counts and dates of votes are checked against the record."""
    from .votes.official import load_mapping, read_file
    from .votes.record import import_file

    mapped = load_mapping(mapping) if mapping else None
    with _store(create=True) as store:
        for f in files:
            parsed = read_file(f, mapped, tuple(symbol or ()))
            rep = import_file(store, parsed, tuple(State.options.resolutions_files), State.options.issues_file,
                              tuple(State.options.actors_files))
            typer.echo(f"imported {rep.source}: {rep.votes} votes on {rep.resolutions} resolution"
                       f"{'s' if rep.resolutions != 1 else ''}", err=True)
            if rep.mapped:
                typer.echo(f"  positions from: {', '.join(rep.mapped)}", err=True)
            if rep.unmapped:
                shown = ", ".join(rep.unmapped[:8]) + (f" and {len(rep.unmapped) - 8} more" if len(rep.unmapped) > 8
                                                        else "")
                typer.echo(f"  stored, bearing on no issue (add them to a --resolutions file): {shown}", err=True)
            if rep.unresolved:
                typer.echo(f"  skipped {sum(rep.unresolved.values())} row(s) without a state code: "
                           f"{', '.join(sorted(rep.unresolved)[:8])}", err=True)
            if rep.registry_differs:
                typer.echo(f"  note: the resolutions registry gives other dates or totals for "
                           f"{', '.join(rep.registry_differs)}; the file is the record", err=True)
        if not no_reconcile:
            from .reconcile.run import reconcile_store

            reconcile_store(store, State.options)
            n = len(store.rows("contradictions", "kind = ?", ("official-record",)))
            typer.echo(f"checked the stored texts against the record: {n} disagreement{'s' if n != 1 else ''} "
                       "(contradictions of type official-record)", err=True)


@votes_app.command("list")
def votes_list(
    actor: Annotated[str | None, typer.Argument(help="A state (name or code): its recorded votes. Without it: "
                                                      "the resolutions on record.")] = None,
) -> None:
    """The official record held: resolutions (symbol, body, date, totals, issues, file), or one state's votes."""
    from .votes.official import describe_totals
    from .votes.record import VOTE_WORD

    with _store() as store:
        resolutions = {r["res_key"]: r for r in store.rows("resolutions")}
        if actor is None:
            for r in sorted(resolutions.values(), key=lambda r: (str(r["date"] or ""), r["symbol"])):
                totals = describe_totals({"yes": r["total_yes"], "no": r["total_no"], "abstain": r["total_abstain"],
                                          "non_voting": r["total_non_voting"]})
                typer.echo(f"{r['symbol']:22} {r['body'] or '':5} {r['date'] or '':10}  {totals or 'no totals'}; "
                           f"issues: {r['issues'] or '-'} [{r['source']} line {r['line']}]  {r['title'] or ''}")
            return
        code, name = _actor_code(actor)
        rows = store.rows("official_votes", "state = ?", (code,))
        if not rows:
            raise StancemapError(f"no recorded votes of {name} ({code}) in {State.options.db}")
        for v in sorted(rows, key=lambda v: (str(v["date"] or ""), v["symbol"])):
            title = resolutions.get(v["res_key"], {}).get("title") or ""
            typer.echo(f"{v['date'] or '':10} {v['symbol']:22} {VOTE_WORD[v['vote']]:13} [{v['source']} line "
                       f"{v['line']}]  {title}")


def main() -> None:
    try:
        rc = app(args=_ray_default(sys.argv[1:]), standalone_mode=False)
    except StancemapError as e:
        if State.debug:
            raise
        err(f"error: {e}")
        sys.exit(1)
    except typer.Exit as e:
        sys.exit(e.exit_code)
    except typer.Abort:
        err("aborted")
        sys.exit(130)
    except Exception as e:  # click usage errors and the unexpected
        import click

        if isinstance(e, click.ClickException):
            e.show()
            sys.exit(e.exit_code)
        if State.debug:
            raise
        err(f"error: {type(e).__name__}: {e} (run with --debug for the traceback)")
        sys.exit(1)
    sys.exit(rc if isinstance(rc, int) else 0)
