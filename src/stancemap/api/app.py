"""The HTTP API (FastAPI) and the web page, over the same store and the same code as the CLI.

Read endpoints (GET, JSON unless said), open to every client:

* ``/`` — the web page; ``/api/ask?q=...`` — the ``ask`` answer (contract of export-schema.md);
  404 ``{"error": "no stored evidence on ..."}`` when the store holds nothing on the actor;
* ``/api/export?kinds=event,stance`` — export records (JSON lines as ``application/x-ndjson``);
* ``/api/documents``, ``/api/contradictions``;
* ``/api/dyads?source=KAZ&target=RUS`` — monthly cooperation/conflict rows;
* ``/api/profile/{actor}`` — the multi-vector profile.

Write endpoints (``POST /api/ingest``, ``POST /api/reconcile``) exist only when the app is created
with a token, and need it (:mod:`.write`). Every request passes the size limits (:mod:`.limits`);
every parameter is validated (:mod:`.params`); every error is ``{"error": "..."}`` (:mod:`.errors`).
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, Response

from ..config import Options
from ..store import open_store
from . import errors, params
from .errors import ApiError
from .limits import Limits, SizeLimitMiddleware
from .write import add_refusals, add_write_routes


def create_app(options: Options, token: str | None = None, limits: Limits | None = None) -> FastAPI:
    """The app over ``options.db``: read-only unless ``token`` is given (then the write endpoints
    accept requests that bear it)."""
    limits = limits or Limits()
    app = FastAPI(title="stancemap", description="Where does a state stand? Evidence-linked answers.",
                  version="0.1.0")
    app.add_middleware(SizeLimitMiddleware, limits=limits)
    errors.install(app)
    app.state.read_only = token is None

    def store() -> Any:
        # reads never create a database (a mistyped --db is an error, not an empty answer)
        return open_store(options.db, create=False)

    def reference() -> Any:
        from ..actors.reference import load_reference

        return load_reference(tuple(options.actors_files))

    @app.get("/", response_class=HTMLResponse)
    def page() -> str:
        return resources.files("stancemap.web").joinpath("static/index.html").read_text("utf-8")

    @app.get("/api/ask")
    def ask(request: Request, q: str | None = Query(None, description=(
            f"The question, {params.QUESTION_MIN}-{params.QUESTION_MAX} characters, naming a state or "
            "organisation"))) -> dict[str, Any]:
        from ..answer.brief import build_answer, has_evidence
        from ..answer.question import parse_question

        params.only(request, "q")
        text = params.question(q)
        question = parse_question(text, tuple(options.actors_files), options.issues_file)
        if question.actor is None:
            raise ApiError(422, "the question names no state, organisation or person that stancemap knows; "
                                f'ask e.g. "{params.EXAMPLE}"')
        with store() as s:
            answer = build_answer(s, question, options.issues_file, tuple(options.actors_files),
                                  tuple(options.resolutions_files))
        if not has_evidence(answer):
            raise ApiError(404, f"no stored evidence on {answer['actor_name']}", question=answer["question"],
                           actor=answer["actor"], actor_name=answer["actor_name"])
        return answer

    @app.get("/api/export")
    def export(request: Request, kinds: str = Query("document,event,stance,claim,contradiction",
                                                    description="Comma-separated record kinds")) -> Response:
        from ..store.export import KINDS, records, to_jsonl

        params.only(request, "kinds")
        wanted = params.kinds(kinds, KINDS)
        with store() as s:
            body = "".join(line + "\n" for line in to_jsonl(records(s, wanted)))
        return Response(body, media_type="application/x-ndjson")

    @app.get("/api/documents")
    def documents(request: Request) -> list[dict[str, Any]]:
        from ..store.export import records

        params.only(request)
        with store() as s:
            return list(records(s, ("document",)))

    @app.get("/api/contradictions")
    def contradictions(request: Request) -> list[dict[str, Any]]:
        from ..store.export import records

        params.only(request)
        with store() as s:
            return list(records(s, ("contradiction",)))

    @app.get("/api/dyads")
    def dyads(request: Request, source: str | None = Query(None, description="Actor code, e.g. KAZ"),
              target: str | None = Query(None, description="Other actor's code; all partners if omitted"),
              ) -> list[dict[str, Any]]:
        from ..analysis.dyads import dyad_series

        params.only(request, "source", "target")
        ref = reference()
        a = params.actor_code(source, ref, "source")
        b = params.actor_code(target, ref, "target") if target is not None else None
        with store() as s:
            rows = s.rows("event_clusters", "source = ? OR target = ?", (a, a))
        return [r.as_row() for r in dyad_series(rows) if a in (r.source, r.target)
                and (b is None or b in (r.source, r.target))]

    @app.get("/api/profile/{actor}")
    def profile(request: Request, actor: str) -> dict[str, Any]:
        from ..analysis.profile import names_from_reference, profile_table
        from ..analysis.profile import profile as build
        from ..stances.issues import load_issues

        params.only(request)
        ref = reference()
        code = params.actor_code(actor, ref)
        with store() as s:
            cells = build(code, s.rows("event_clusters", "source = ? OR target = ?", (code, code)),
                          s.rows("stances", "actor = ?", (code,)), s.rows("claims", "subject = ?", (code,)),
                          load_issues(options.issues_file), names=names_from_reference(ref))
        return {"actor": code, "profile": profile_table(cells),
                "evidence": {p: {d: c.evidence[:10] for d, c in dims.items()} for p, dims in cells.items()}}

    if token is None:
        add_refusals(app)
    else:
        add_write_routes(app, options, token, limits)
    return app
