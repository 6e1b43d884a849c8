"""The write endpoints: ``POST /api/ingest`` and ``POST /api/reconcile``.

They exist only on a server started with a token (``stancemap serve --token``) and answer only
requests that carry it (``Authorization: Bearer <token>``, compared in constant time). A server
started without one is read-only: the same paths answer 403 and say how to enable them.

Uploads go through the same code as ``stancemap ingest``: the files are written to a private
temporary folder and read by :func:`stancemap.runner.ingest_paths`, then the store is reconciled.
URLs inside uploaded files are never fetched. One write runs at a time; a second one is refused
with 409 rather than queued, so a client never waits on a lock it cannot see.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import json
import re
import sqlite3
import tempfile
import threading
from dataclasses import dataclass, replace
from email import policy
from email.parser import BytesParser
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from ..config import Options
from ..errors import StancemapError
from ..ingest.metadata import SIDECAR
from ..pipeline import Pipeline
from .errors import ApiError
from .limits import Limits
from .params import only

UPLOAD_EXT = (".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".shtml", ".rss", ".atom", ".xml", ".warc",
              ".warc.gz")
TOKEN_MIN = 16
JSON_FIELDS = ("text", "title", "published", "id")
_DOC_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
BUSY = "another ingest or reconcile is running on this server; try again when it has finished"
READ_ONLY = ("this server is read-only: ingest and reconcile are enabled only when it is started with a token "
             "(stancemap serve --token TOKEN, or STANCEMAP_API_TOKEN)")


def check_token(token: str) -> None:
    """Refuse a token that is easy to guess or cannot travel in an HTTP header."""
    if len(token) < TOKEN_MIN:
        raise StancemapError(f"the API token must have at least {TOKEN_MIN} characters "
                             "(e.g. python -c 'import secrets; print(secrets.token_urlsafe())')")
    if not all(33 <= ord(c) < 127 for c in token):
        raise StancemapError("the API token must be printable ASCII without spaces")


@dataclass
class Upload:
    """One file to ingest: a safe file name (its stem becomes the document id) and its bytes."""

    name: str
    data: bytes


def safe_name(filename: str) -> str:
    """The upload's base name with anything but letters, digits, ``._-`` replaced; the type must be known."""
    base = re.split(r"[\\/]", filename)[-1]
    name = _UNSAFE.sub("_", base)[-120:].lstrip("._")
    ext = next((e for e in UPLOAD_EXT if name.lower().endswith(e)), None)
    if ext is None or len(name) == len(ext):
        raise ApiError(415, f"file {base[:80]!r}: not a document type stancemap reads; send "
                            f"{', '.join(UPLOAD_EXT)} files")
    return name


def parse_multipart(content_type: str, body: bytes, max_files: int) -> list[Upload]:
    """The files of a ``multipart/form-data`` body (the standard library's MIME parser; no extra
    dependency). Every part must be a file; names must be distinct."""
    try:
        head = b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n"
    except UnicodeEncodeError as err:
        raise ApiError(400, "invalid Content-Type header") from err
    msg = BytesParser(policy=policy.HTTP).parsebytes(head + body)
    if not msg.is_multipart() or msg.defects:
        raise ApiError(400, "malformed multipart/form-data body")
    uploads: list[Upload] = []
    for part in msg.iter_parts():
        filename = part.get_filename()
        if filename is None:
            field = part.get_param("name", header="content-disposition")
            raise ApiError(422, f"form field {str(field)[:40]!r} is not a file: send documents as files "
                                "(multipart field 'files'), or JSON {\"text\": ...}")
        payload = part.get_payload(decode=True)
        uploads.append(Upload(safe_name(filename), payload if isinstance(payload, bytes) else b""))
        if len(uploads) > max_files:
            raise ApiError(413, f"too many files in one upload (at most {max_files})")
    if not uploads:
        raise ApiError(422, "the upload holds no files")
    names = [u.name.lower() for u in uploads]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise ApiError(422, f"file name(s) given more than once: {', '.join(twice)}")
    return uploads


def parse_json(body: bytes) -> tuple[Upload, dict[str, str]]:
    """One document from ``{"text": ..., "title"?: ..., "published"?: "YYYY-MM-DD", "id"?: ...}``."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as err:
        raise ApiError(400, f"the request body is not valid JSON ({err})") from err
    if not isinstance(data, dict):
        raise ApiError(422, 'the JSON body must be an object: {"text": ..., "title": ..., "published": ...}')
    unknown = sorted(set(data) - set(JSON_FIELDS))
    if unknown:
        raise ApiError(422, f"unknown field(s) {', '.join(repr(k[:40]) for k in unknown)}; "
                            f"the body takes {', '.join(JSON_FIELDS)}")
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ApiError(422, "text is required: the document's text, as a non-empty string")
    meta: dict[str, str] = {}
    title = data.get("title")
    if title is not None:
        if not isinstance(title, str) or len(title) > 500 or any(ord(c) < 32 for c in title):
            raise ApiError(422, "title must be one line of at most 500 characters")
        meta["title"] = title.strip()
    published = data.get("published")
    if published is not None:
        if not isinstance(published, str) or not _DATE.match(published):
            raise ApiError(422, "published must be a date: YYYY-MM-DD (or YYYY-MM, YYYY)")
        meta["published"] = published
    doc_id = data.get("id")
    if doc_id is None:
        doc_id = "api-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    elif not isinstance(doc_id, str) or not _DOC_ID.match(doc_id):
        raise ApiError(422, "id must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit")
    return Upload(f"{doc_id}.txt", text.encode("utf-8")), meta


def _name_sources(store: Any, paths: list[str]) -> None:
    """Record an upload's source as ``upload:NAME``, not the temporary file it was read from (which
    is gone once the request ends)."""
    with store.transaction():
        for path in paths:
            upload = "upload:" + Path(path).name
            for table in ("documents", "duplicates"):  # fixed names; the values are bound
                store.execute(f"UPDATE {table} SET source = ? WHERE source = ?", (upload, path))


class Writer:
    """Runs ingests and reconciles one at a time, reusing one loaded pipeline between requests."""

    def __init__(self, options: Options) -> None:
        self.options = replace(options, fetch_urls=False, progress=False)
        self.lock = threading.Lock()
        self._pipeline: Pipeline | None = None

    def _locked(self) -> None:
        if not self.lock.acquire(blocking=False):
            raise ApiError(409, BUSY)

    def ingest(self, uploads: list[Upload], meta: dict[str, dict[str, str]]) -> tuple[int, dict[str, Any]]:
        """Ingest ``uploads`` (with sidecar ``meta`` per file name); returns (status, JSON body)."""
        from ..reconcile.run import reconcile_store
        from ..runner import ingest_paths
        from ..store import open_store

        self._locked()
        try:
            with tempfile.TemporaryDirectory(prefix="stancemap-upload-") as tmp:
                paths = []
                for u in uploads:
                    path = Path(tmp) / u.name
                    path.write_bytes(u.data)
                    paths.append(str(path))
                if meta:
                    with (Path(tmp) / SIDECAR).open("w", encoding="utf-8", newline="") as fh:
                        out = csv.DictWriter(fh, fieldnames=["file", "title", "published"])
                        out.writeheader()
                        for name, fields in meta.items():
                            out.writerow({"file": name, **fields})
                if self._pipeline is None:
                    self._pipeline = Pipeline(self.options)
                with open_store(self.options.db) as store:
                    report = ingest_paths(paths, store, self.options, self._pipeline)
                    _name_sources(store, paths)
                    counts = reconcile_store(store, self.options) if report.ingested else None
                prefix = tmp + "/"
        except sqlite3.OperationalError as err:
            raise ApiError(503, f"the database is busy or unwritable ({err}); try again") from err
        finally:
            self.lock.release()
        body: dict[str, Any] = {
            "stored": report.stored, "updated": report.updated, "unchanged": report.unchanged,
            "duplicates": [{"doc": d, "duplicate_of": o, "similarity": round(s, 3)} for d, o, s in report.duplicates],
            "skipped": [{"file": e.source.replace(prefix, ""), "reason": e.reason} for e in report.errors],
            "not_english": report.not_english, "reconciled": counts,
        }
        if report.ingested or report.unchanged or report.duplicates:
            return 200, body
        reasons = "; ".join(f"{s['file']}: {s['reason']}" for s in body["skipped"]) or "no readable documents"
        return 422, {"error": f"nothing ingested ({reasons})", **body}

    def reconcile(self) -> dict[str, int]:
        from ..reconcile.run import reconcile_store
        from ..store import open_store

        self._locked()
        try:
            with open_store(self.options.db) as store:
                return reconcile_store(store, self.options)
        except sqlite3.OperationalError as err:
            raise ApiError(503, f"the database is busy or unwritable ({err}); try again") from err
        finally:
            self.lock.release()


def add_refusals(app: FastAPI) -> None:
    """A read-only server: the write paths exist only to say why they refuse (403)."""

    def refuse() -> None:
        raise ApiError(403, READ_ONLY)

    for path in ("/api/ingest", "/api/reconcile"):
        app.add_api_route(path, refuse, methods=["POST"], include_in_schema=False)


def add_write_routes(app: FastAPI, options: Options, token: str, limits: Limits) -> None:
    """``POST /api/ingest`` and ``POST /api/reconcile``, for requests bearing ``token``."""
    check_token(token)
    expected = token.encode("ascii")
    writer = Writer(options)
    app.state.writer = writer

    def authorised(request: Request) -> None:
        header = request.headers.get("authorization")
        if not header:
            raise ApiError(401, "this endpoint needs the server's token: send 'Authorization: Bearer <token>'",
                           headers={"WWW-Authenticate": "Bearer"})
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode("utf-8"), expected):
            raise ApiError(401, "wrong token", headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})

    @app.post("/api/ingest", dependencies=[Depends(authorised)], summary="Ingest documents (needs the token)")
    async def ingest(request: Request) -> JSONResponse:
        """Multipart upload of one or more files (field ``files``), or JSON ``{"text", "title",
        "published", "id"}``; then reconcile. Answers what became of each document."""
        only(request)
        ctype = request.headers.get("content-type", "")
        base = ctype.split(";", 1)[0].strip().lower()
        if base not in ("multipart/form-data", "application/json"):
            raise ApiError(415, "send multipart/form-data (files) or application/json ({\"text\": ...})")
        body = await request.body()  # bounded by the size limit middleware
        meta: dict[str, dict[str, str]] = {}
        if base == "application/json":
            upload, fields = parse_json(body)
            uploads = [upload]
            if fields:
                meta[upload.name] = fields
        else:
            uploads = parse_multipart(ctype, body, limits.max_files)
        status, result = await run_in_threadpool(writer.ingest, uploads, meta)
        return JSONResponse(result, status_code=status)

    @app.post("/api/reconcile", dependencies=[Depends(authorised)], summary="Reconcile the store (needs the token)")
    async def reconcile(request: Request) -> dict[str, Any]:
        """Recompute merged events, claim clusters and contradictions from the stored records."""
        only(request)
        return {"reconciled": await run_in_threadpool(writer.reconcile)}
