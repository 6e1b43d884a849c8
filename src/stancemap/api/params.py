"""Validation of every query and path parameter, with messages a person can act on.

Parameters are checked here, before anything reaches the store, and the store only ever receives
them as bound SQL parameters; a value that fails a check is answered with 422 (or 404 for a
well-formed actor code that names no known actor), never passed on. Unknown or repeated query
parameters are refused too (400): ``?question=...`` instead of ``?q=...`` must not be answered as if
nothing had been asked.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from fastapi import Request

from ..actors.reference import Reference
from .errors import ApiError

QUESTION_MIN = 3
QUESTION_MAX = 500
EXAMPLE = "What is Kazakhstan's position on the Russian invasion of Ukraine?"
# ISO 3166-1 alpha-3 state codes (KAZ, XKX) and organisation codes (EU, UNGA, G20, CoE): see
# ../shared/spec/ontology.md and actors/data. Sectors are not part of a code.
ACTOR_CODE = re.compile(r"^[A-Za-z][A-Za-z0-9]{1,11}$")


def _show(value: str, limit: int = 40) -> str:
    return repr(value if len(value) <= limit else value[: limit - 1] + "…")


def only(request: Request, *allowed: str) -> None:
    """Refuse query parameters the endpoint does not take, and any given more than once."""
    keys = [k for k, _ in request.query_params.multi_items()]
    unknown = sorted({k for k in keys if k not in allowed})
    if unknown:
        takes = f"it takes {', '.join(allowed)}" if allowed else "it takes none"
        raise ApiError(400, f"unknown query parameter(s) {', '.join(_show(k) for k in unknown)} for "
                            f"{request.url.path}; {takes}")
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    if repeated:
        raise ApiError(400, f"query parameter(s) {', '.join(repeated)} given more than once")


def _has_control(text: str) -> bool:
    return any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co") and c not in "\t\n\r" for c in text)


def question(q: str | None) -> str:
    """The question, stripped: 3 to 500 characters, not only whitespace, no control characters."""
    if q is None:
        raise ApiError(422, f'query parameter q is required: the question, e.g. "{EXAMPLE}"')
    text = q.strip()
    if not text:
        raise ApiError(422, f'the question is empty: ask e.g. "{EXAMPLE}"')
    if len(text) < QUESTION_MIN:
        raise ApiError(422, f"the question is too short ({len(text)} characters; at least {QUESTION_MIN})")
    if len(text) > QUESTION_MAX:
        raise ApiError(422, f"the question is too long ({len(text)} characters; at most {QUESTION_MAX})")
    if _has_control(text):
        raise ApiError(422, "the question contains control characters")
    return text


def kinds(value: str, known: Iterable[str]) -> list[str]:
    """Comma-separated record kinds, each one of ``known`` (order kept, repeats dropped)."""
    known = tuple(known)
    wanted = list(dict.fromkeys(k.strip() for k in value.split(",") if k.strip()))
    if not wanted:
        raise ApiError(422, f"query parameter kinds is empty; choose from {', '.join(known)}")
    bad = [k for k in wanted if k not in known]
    if bad:
        raise ApiError(422, f"unknown kind(s) {', '.join(_show(k) for k in bad)}; choose from {', '.join(known)}")
    return wanted


def actor_code(value: str | None, ref: Reference, name: str = "actor") -> str:
    """A known actor's code, matched case-insensitively (``kaz`` -> ``KAZ``, ``coe`` -> ``CoE``)."""
    if value is None:
        raise ApiError(422, f"{name} is required: an actor code such as KAZ")
    if not ACTOR_CODE.match(value):
        raise ApiError(422, f"{name} {_show(value)} is not an actor code: give an ISO 3166-1 alpha-3 state code "
                            "(KAZ) or an organisation code (EU, UNGA)")
    if value in ref.states or value in ref.orgs:
        return value
    folded = {c.casefold(): c for c in (*ref.states, *ref.orgs)}
    code = folded.get(value.casefold())
    if code is None:
        raise ApiError(404, f"unknown actor code {_show(value)} ({name}); stancemap knows ISO 3166-1 alpha-3 "
                            "state codes and the organisations in its reference data")
    return code
