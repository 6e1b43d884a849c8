"""Request size limits, enforced before any endpoint runs.

A request body larger than the limit is refused with 413 from its ``Content-Length`` alone; a body
sent without one (chunked) is counted as it streams and refused the moment it passes the limit, so
a client can never make the server buffer more than the limit. A query string longer than any
honest request (the longest parameter is a 500-character question) is refused with 414.

This is a plain ASGI middleware, not Starlette's ``BaseHTTPMiddleware``, so that it sees the body
stream itself rather than a copy of it.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from starlette.exceptions import HTTPException

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[MutableMapping[str, Any], Receive, Send], Awaitable[None]]

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one request may carry. ``stancemap serve --max-upload-mb`` sets ``max_body``."""

    max_body: int = 10 * MB  # bytes of request body (uploads, JSON text)
    max_query: int = 2000  # characters of the query string
    max_files: int = 20  # files in one upload

    def __post_init__(self) -> None:
        if self.max_body < 1 or self.max_query < 1 or self.max_files < 1:
            raise ValueError(f"limits must be positive: {self}")


def _mb(n: int) -> str:
    return f"{n / MB:.3g} MB"


class BodyTooLarge(HTTPException):
    """Raised from the body stream once it passes the limit; answered as a JSON 413."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body too large: the limit is {_mb(limit)} ({limit} bytes)")


async def _reply(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": message}).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class SizeLimitMiddleware:
    """Refuse over-long query strings (414) and over-large bodies (413), declared or streamed."""

    def __init__(self, app: ASGIApp, limits: Limits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: MutableMapping[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limits = self.limits
        query = scope.get("query_string", b"")
        if len(query) > limits.max_query:
            await _reply(send, 414, f"query string too long ({len(query)} characters; at most {limits.max_query})")
            return
        declared = [v for k, v in scope.get("headers", []) if k.lower() == b"content-length"]
        if declared:
            try:
                length = int(declared[0])
                if length < 0 or len(declared) > 1:
                    raise ValueError
            except ValueError:
                await _reply(send, 400, "invalid Content-Length header")
                return
            if length > limits.max_body:
                await _reply(send, 413, f"request body too large ({length} bytes): the limit is "
                                        f"{_mb(limits.max_body)} ({limits.max_body} bytes)")
                return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limits.max_body:
                    raise BodyTooLarge(limits.max_body)
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except BodyTooLarge as exc:  # read outside an endpoint (no exception handler saw it)
            if started:
                raise
            await _reply(send, 413, str(exc.detail))
