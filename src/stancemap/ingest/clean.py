"""Keep the article body of a plain-text web capture; drop page chrome, teasers and tails.

A capture saved as text still carries the page around the article: navigation menus, a dated
byline, "Check Also" or "More Current Affairs" teasers about other topics, reference lists,
comment counters, disclaimers. This filter classifies each line and keeps the body:

1. lines matching a *drop* pattern (menus, counters, photo credits, disclaimers) go wherever
   they are; short bullet items (menus) go too;
2. the body starts at the first *prose* line (a real sentence of some length);
3. the body ends at the first *tail* marker after it ("References", "Check Also", ...), or at the
   last prose line; short lines after the last prose line go;
4. the title, bylines and datelines in the header are taken as metadata, not body;
5. a paragraph repeated verbatim later (a teaser quoting the article) is kept once.

The patterns live in ``data/boilerplate.yaml`` so that users can add their sites' chrome.
The kept lines are returned verbatim (only trimmed), so quotes from the body are substrings of the
cleaned text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .. import yamlio
from ..errors import DataError

_BULLET = re.compile(r"^[\u2022\u00b7\u25aa\u25ba\u25e6\u2023\u2043*\-–|>]\s*")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_END_PUNCT = re.compile(r"[.!?…:;\"”’)\]]\s*$|[.!?…]\s*\[\d+\]\s*$")
_BYLINE = re.compile(r"^(?:by|von|par|di|por)\s+(?P<name>[^\W\d_][\w.'’\- ]{2,60})$", re.IGNORECASE)
_SPACE = "\u00a0\u2007\u202f\u200b\ufeff \t"


@dataclass
class Rules:
    tail: list[re.Pattern[str]]
    drop: list[re.Pattern[str]]


@dataclass
class Cleaned:
    """The body text and what the header said about the document."""

    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    dropped: list[tuple[str, str]] = field(default_factory=list)


# A footnote marker glued to the word or full stop before it ("opposes.[1] Despite"): the tokenizer
# would make "opposes.[1" one word and the parser would lose the clause's verb.
_FOOTNOTE = re.compile(r"(?<=[^\s\[])\s?\[\d{1,3}\](?=[\s.,;:!?]|$)")


def _compile(items: list[str], source: str) -> list[re.Pattern[str]]:
    out = []
    for item in items:
        try:
            out.append(re.compile(item, re.IGNORECASE))
        except re.error as err:
            raise DataError(f"{source}: bad pattern {item!r}: {err}") from err
    return out


@lru_cache(maxsize=8)
def load_rules(extra_file: str | None = None) -> Rules:
    """The shipped boilerplate patterns, plus those of ``extra_file`` if given."""
    text = resources.files("stancemap.ingest").joinpath("data/boilerplate.yaml").read_text("utf-8")
    data = yamlio.load(text)
    tail, drop = list(data.get("tail", [])), list(data.get("drop", []))
    source = "boilerplate.yaml"
    if extra_file:
        try:
            extra = yamlio.load(Path(extra_file).read_text(encoding="utf-8")) or {}
        except (OSError, yamlio.YAMLError) as err:
            raise DataError(f"{extra_file}: cannot read boilerplate rules: {err}") from err
        tail += list(extra.get("tail", []))
        drop += list(extra.get("drop", []))
        source = extra_file
    return Rules(tail=_compile(tail, source), drop=_compile(drop, source))


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def is_heading(line: str) -> bool:
    """Title Case lines ("Kazakhstan and Russia After Ukraine: Does Pragmatism Pay?") are headings."""
    long_words = [w for w in words(line) if len(w) > 3]
    if len(long_words) < 3:
        return False
    return sum(w[0].isupper() for w in long_words) / len(long_words) >= 0.75


def is_prose(line: str) -> bool:
    """A real sentence: enough words, and sentence-final punctuation unless it is very long."""
    n = len(words(line))
    if n < 8 or (n < 20 and is_heading(line)):
        return False
    return bool(_END_PUNCT.search(line)) or n >= 25


def _similar(a: str, b: str) -> float:
    a, b = " ".join(words(a.lower())), " ".join(words(b.lower()))
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b).ratio()


def parse_dateline(line: str) -> str | None:
    """``YYYY-MM-DD`` if ``line`` is nothing but a date ("Apr 17th 2022", "09 settembre 2022")."""
    if len(line) > 40 or not re.search(r"\d", line) or len(line.split()) > 6:
        return None
    if not re.search(r"(19|20)\d\d", line):
        return None
    import dateparser

    try:
        parsed = dateparser.parse(line, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["year"]})
    except Exception:  # a third-party parser given any line of any file: a failure means "not a date"
        return None
    return parsed.date().isoformat() if parsed else None


def clean_text(raw: str, title: str | None = None, rules: Rules | None = None) -> Cleaned:
    """Return the article body of ``raw`` and header metadata (title, author, published)."""
    rules = rules or load_rules()
    lines = [ln.strip(_SPACE) for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    kinds: list[str] = []
    for ln in lines:
        if not ln:
            kinds.append("blank")
        elif any(p.search(ln) for p in rules.drop) or (_BULLET.match(ln) and len(words(ln)) <= 6):
            kinds.append("drop")
        elif any(p.search(ln) for p in rules.tail):
            kinds.append("tail")
        elif is_prose(ln):
            kinds.append("prose")
        else:
            kinds.append("short")

    out = Cleaned(text="")
    prose_idx = [i for i, k in enumerate(kinds) if k == "prose"]
    if not prose_idx:
        # No sentence-like line at all (a list, a note): keep every non-chrome line.
        out.text = "\n\n".join(ln for ln, k in zip(lines, kinds, strict=True) if k in ("short", "prose"))
        return out
    start = prose_idx[0]
    end = len(lines)
    for i in range(start + 1, len(lines)):
        if kinds[i] == "tail":
            end = i
            break
    last_prose = max(i for i in prose_idx if i < end)
    end = min(end, last_prose + 1)

    # Header: the lines before the body may carry title, byline and date.
    header = [ln for ln, k in zip(lines[:start], kinds[:start], strict=True) if k == "short"]
    for ln in header:
        if "published" not in out.meta:
            date = parse_dateline(ln)
            if date:
                out.meta["published"] = date
                continue
        m = _BYLINE.match(ln)
        if m and "author" not in out.meta:
            out.meta["author"] = m.group("name").strip()
    candidates = [ln for ln in header if len(words(ln)) >= 4 and not _BYLINE.match(ln)]
    if candidates and not title:
        out.meta["title"] = max(candidates, key=lambda s: len(words(s)))

    seen: set[str] = set()
    kept: list[str] = []
    for i in range(start, end):
        ln, kind = lines[i], kinds[i]
        if kind in ("blank",):
            continue
        if kind in ("drop", "tail"):
            out.dropped.append((ln, kind))
            continue
        if title and _similar(ln, title) >= 0.8:
            out.dropped.append((ln, "title"))
            continue
        if kind == "short" and (parse_dateline(ln) or _BYLINE.match(ln)):
            out.dropped.append((ln, "dateline"))
            continue
        key = " ".join(words(ln.lower()))
        if kind == "prose" and key in seen:
            out.dropped.append((ln, "repeat"))
            continue
        seen.add(key)
        kept.append(_FOOTNOTE.sub("", ln))
    for i, k in enumerate(kinds):
        if (i < start or i >= end) and k != "blank":
            out.dropped.append((lines[i], "outside-body"))
    out.text = "\n\n".join(kept)
    return out
