"""Resolutions: the registry of what votes were on, and finding references to them in text.

A vote read from text is only evidence of a position if we know what it was on. Texts name a resolution by
its symbol ("ES-11/4", "A/RES/68/262", "S/2022/720", "document A/ES-11/L.4"), by its date and body ("the
2 March General Assembly resolution") or by its subject ("the resolution on the Human Rights Council"). The
registry (``data/resolutions.yaml``, extendable) holds the official facts: body, date, title, whom it
condemns, the issues a vote on it is a position on, and the recorded totals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .. import yamlio
from ..errors import DataError

BODIES = ("UNGA", "UNSC", "HRC")
# Symbols: General Assembly (A/RES/68/262, A/ES-11/L.4, ES-11/1, 68/262), Security Council (S/RES/2623,
# S/2022/720), Human Rights Council (A/HRC/RES/49/1).
SYMBOL = re.compile(
    r"(?<![\w/])(?:"
    r"A/HRC/(?:RES/)?\d{1,2}/\d{1,3}"
    r"|(?:A/)?(?:RES/)?ES-\d{1,2}/(?:L\.)?\d{1,3}"
    r"|A/(?:RES/)?\d{2}/(?:L\.)?\d{1,3}"
    r"|S/RES/\d{3,4}(?:\s*\(\d{4}\))?"
    r"|S/\d{4}/\d{1,4}"
    r"|(?<=resolution )\d{2}/\d{1,3}"
    r"|\d{2}/\d{3}(?=\b)"
    r")(?![\w/])")


@dataclass(frozen=True)
class Resolution:
    symbol: str
    body: str | None = None
    date: str | None = None
    title: str = ""
    condemns: str | None = None
    issues: tuple[str, ...] = ()
    subject: tuple[tuple[str, str], ...] = ()
    totals: tuple[tuple[str, int], ...] = ()
    aliases: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    known: bool = True  # False: read from text, not in the registry

    @property
    def short(self) -> str:
        """The symbol as texts usually write it ("ES-11/1", "68/262", "S/2022/720")."""
        s = self.symbol
        for prefix in ("A/RES/", "A/"):
            if s.startswith(prefix) and not s.startswith("A/HRC"):
                return s[len(prefix):]
        return s


@dataclass
class Registry:
    resolutions: list[Resolution] = field(default_factory=list)
    by_symbol: dict[str, Resolution] = field(default_factory=dict)

    def add(self, res: Resolution) -> None:
        self.resolutions = [r for r in self.resolutions if r.symbol != res.symbol] + [res]
        for s in (res.symbol, res.short, *res.aliases):
            self.by_symbol[normal_symbol(s)] = res

    def get(self, symbol: str) -> Resolution | None:
        return self.by_symbol.get(normal_symbol(symbol))

    def on(self, date: str, body: str | None = None) -> list[Resolution]:
        """Resolutions voted on ``date`` (YYYY-MM-DD, or a prefix), by ``body`` if given."""
        return [r for r in self.resolutions if r.date and r.date.startswith(date) and (body is None or r.body == body)]


def normal_symbol(symbol: str) -> str:
    s = re.sub(r"\s+", "", symbol.upper())
    s = re.sub(r"\(\d{4}\)$", "", s)
    for prefix in ("A/RES/", "A/"):
        if s.startswith(prefix) and not s.startswith("A/HRC") and not re.match(r"A/(?:ES-\d+|\d+)/L\.", s):
            s = s[len(prefix):]
    return s


def body_of_symbol(symbol: str) -> str | None:
    s = symbol.upper()
    if s.startswith("A/HRC"):
        return "HRC"
    if s.startswith("S/"):
        return "UNSC"
    return "UNGA"


def _parse(data: Any, source: str) -> list[Resolution]:
    if not isinstance(data, dict) or not isinstance(data.get("resolutions"), list):
        raise DataError(f"{source}: expected a mapping with a 'resolutions' list")
    out = []
    for n, item in enumerate(data["resolutions"], 1):
        if not isinstance(item, dict) or not item.get("symbol"):
            raise DataError(f"{source}: resolution #{n} needs a 'symbol'")
        body = item.get("body")
        if body is not None and body not in BODIES:
            raise DataError(f"{source}: resolution {item['symbol']}: body must be one of {', '.join(BODIES)}")
        subject = item.get("subject") or {}
        if not isinstance(subject, dict) or any(v not in ("support", "oppose", "neutral") for v in subject.values()):
            raise DataError(f"{source}: resolution {item['symbol']}: subject maps issue ids to support/oppose/neutral")
        out.append(Resolution(
            symbol=str(item["symbol"]), body=body, date=str(item["date"]) if item.get("date") else None,
            title=str(item.get("title") or ""), condemns=item.get("condemns"),
            issues=tuple(str(i) for i in item.get("issues") or ()),
            subject=tuple((str(k), str(v)) for k, v in subject.items()),
            totals=tuple((str(k), int(v)) for k, v in (item.get("totals") or {}).items()),
            aliases=tuple(str(a) for a in item.get("aliases") or ()),
            words=tuple(str(w).lower() for w in item.get("words") or ())))
    return out


@lru_cache(maxsize=8)
def load_registry(extra_files: tuple[str, ...] = ()) -> Registry:
    """The shipped registry with the user's files layered over it (same symbol: replaced)."""
    reg = Registry()
    text = resources.files("stancemap.votes").joinpath("data/resolutions.yaml").read_text("utf-8")
    for res in _parse(yamlio.load(text), "resolutions.yaml"):
        reg.add(res)
    for f in extra_files:
        try:
            data = yamlio.load(Path(f).read_text(encoding="utf-8"))
        except (OSError, yamlio.YAMLError) as err:
            raise DataError(f"{f}: cannot read resolutions: {err}") from err
        for res in _parse(data, f):
            reg.add(res)
    return reg


@dataclass(frozen=True)
class Reference:
    """A resolution named in the text at ``[start, end)``."""

    start: int
    end: int
    resolution: Resolution


def find_symbols(text: str, registry: Registry) -> list[Reference]:
    """Every resolution symbol in ``text``: registry entries where known, else a resolution known only by
    its symbol (and the body the symbol's form implies)."""
    out = []
    for m in SYMBOL.finditer(text):
        sym = m.group(0)
        if re.fullmatch(r"\d{2}/\d{3}", sym) and not registry.get(sym):
            continue  # "12/200" may be anything; a bare number pair counts only when the registry knows it
        res = registry.get(sym) or Resolution(symbol=sym, body=body_of_symbol(sym), known=False)
        out.append(Reference(m.start(), m.end(), res))
    return out
