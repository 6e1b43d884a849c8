"""Every error the API returns is JSON ``{"error": "<one readable sentence>"}``.

FastAPI's defaults (``{"detail": [...]}`` for validation, ``{"detail": "Not Found"}``, a bare
"Internal Server Error") left the web page showing "Unprocessable Entity"; clients read ``error``
and can show it as it is.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..errors import StancemapError

log = logging.getLogger("stancemap.api")


class ApiError(HTTPException):
    """An error with a message for the client and, optionally, more JSON fields beside ``error``."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None,
                 **extra: Any) -> None:
        super().__init__(status, message, headers)
        self.extra = extra


def error_response(status: int, message: str, headers: Mapping[str, str] | None = None,
                   **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status, headers=headers)


def _where(loc: Sequence[Any]) -> str:
    parts = [str(p) for p in loc]
    if not parts:
        return "request"
    kind = {"query": "query parameter", "path": "path parameter", "body": "body field",
            "header": "header"}.get(parts[0])
    if kind is None:
        return ".".join(parts)
    return f"{kind} {'.'.join(parts[1:])}" if len(parts) > 1 else ("request body" if kind == "body field" else kind)


def describe_validation(errors: Sequence[Any]) -> str:
    """One sentence for pydantic's error list: ``query parameter q: at least 3 characters``."""
    out = []
    for e in errors:
        ctx = e.get("ctx") or {}
        where = _where(e.get("loc", ()))
        kind = e.get("type", "")
        if kind == "missing":
            out.append(f"{where} is required")
        elif kind == "string_too_short":
            out.append(f"{where} must have at least {ctx.get('min_length')} characters")
        elif kind == "string_too_long":
            out.append(f"{where} must have at most {ctx.get('max_length')} characters")
        else:
            msg = str(e.get("msg", "is invalid")).rstrip(".")
            out.append(f"{where}: {msg[:1].lower() + msg[1:]}")
    return "; ".join(out) or "invalid request"


_PLAIN = {404: "no such endpoint", 405: "method not allowed"}


def install(app: FastAPI) -> None:
    """Register the JSON error handlers on ``app``."""

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> JSONResponse:
        extra = getattr(exc, "extra", {})
        message = str(exc.detail)
        if not isinstance(exc, ApiError) and exc.status_code in _PLAIN and message in ("Not Found",
                                                                                       "Method Not Allowed"):
            # Raised by the router: say what was asked for.
            message = f"{_PLAIN[exc.status_code]}: {request.method} {request.url.path}"
            if exc.status_code == 404:
                message += " (the API is under /api/; see /docs)"
        return error_response(exc.status_code, message, dict(exc.headers or {}), **extra)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, describe_validation(exc.errors()))

    @app.exception_handler(StancemapError)
    async def _library(_: Request, exc: StancemapError) -> JSONResponse:
        return error_response(400, str(exc))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return error_response(500, f"internal error ({type(exc).__name__}); the server log has the details")
