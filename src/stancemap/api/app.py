"""The HTTP API (FastAPI) and the web page, over the same store and the same code as the CLI.

Endpoints (all GET, JSON unless said):

* ``/`` — the web page; ``/api/ask?q=...`` — the ``ask`` answer (contract of export-schema.md);
* ``/api/export?kinds=event,stance`` — export records (JSON lines as ``application/x-ndjson``);
* ``/api/documents``, ``/api/contradictions``;
* ``/api/dyads?source=KAZ&target=RUS`` — monthly cooperation/conflict rows;
* ``/api/profile/{actor}`` — the multi-vector profile.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse, Response

from ..config import Options
from ..errors import StancemapError
from ..store import open_store


def create_app(options: Options) -> FastAPI:
    app = FastAPI(title="stancemap", description="Where does a state stand? Evidence-linked answers.",
                  version="0.1.0")

    def store() -> Any:
        return open_store(options.db)

    @app.get("/", response_class=HTMLResponse)
    def page() -> str:
        return resources.files("stancemap.web").joinpath("static/index.html").read_text("utf-8")

    @app.get("/api/ask")
    def ask(q: str = Query(..., min_length=3, description="The question")) -> dict[str, Any]:
        from ..answer.brief import build_answer
        from ..answer.question import parse_question

        question = parse_question(q, tuple(options.actors_files), options.issues_file)
        with store() as s:
            return build_answer(s, question, options.issues_file, tuple(options.actors_files))

    @app.get("/api/export")
    def export(kinds: str = "document,event,stance,claim,contradiction") -> Response:
        from ..store.export import KINDS, records, to_jsonl

        wanted = [k.strip() for k in kinds.split(",") if k.strip()]
        bad = [k for k in wanted if k not in KINDS]
        if bad:
            raise HTTPException(400, f"unknown kind(s): {', '.join(bad)}")
        with store() as s:
            body = "".join(line + "\n" for line in to_jsonl(records(s, wanted)))
        return Response(body, media_type="application/x-ndjson")

    @app.get("/api/documents")
    def documents() -> list[dict[str, Any]]:
        from ..store.export import records

        with store() as s:
            return list(records(s, ("document",)))

    @app.get("/api/contradictions")
    def contradictions() -> list[dict[str, Any]]:
        from ..store.export import records

        with store() as s:
            return list(records(s, ("contradiction",)))

    @app.get("/api/dyads")
    def dyads(source: str, target: str | None = None) -> list[dict[str, Any]]:
        from ..analysis.dyads import dyad_series

        with store() as s:
            rows = s.rows("event_clusters", "source = ? OR target = ?", (source, source))
        return [r.as_row() for r in dyad_series(rows) if source in (r.source, r.target)
                and (target is None or target in (r.source, r.target))]

    @app.get("/api/profile/{actor}")
    def profile(actor: str) -> dict[str, Any]:
        from ..analysis.profile import profile as build
        from ..analysis.profile import profile_table
        from ..stances.issues import load_issues

        with store() as s:
            cells = build(actor, s.rows("event_clusters", "source = ? OR target = ?", (actor, actor)),
                          s.rows("stances", "actor = ?", (actor,)), s.rows("claims", "subject = ?", (actor,)),
                          load_issues(options.issues_file))
        return {"actor": actor, "profile": profile_table(cells),
                "evidence": {p: {d: c.evidence[:10] for d, c in dims.items()} for p, dims in cells.items()}}

    @app.exception_handler(StancemapError)
    def _error(_: Any, exc: StancemapError) -> Response:
        return Response(json.dumps({"error": str(exc)}), status_code=400, media_type="application/json")

    return app
