"""Sources a reader can follow: a numbered list (outlet, author, title, date, link or file) and,
for every cited sentence, the paragraph it stands in, so that the page can show it highlighted.

Citations in the ``ask`` contract are document ids (``[000_de5c1df1780b5202]``); renderers for
people replace them by the source's number (``[1]``). Sources are numbered in the order the brief
first cites them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..store import Store

CONTEXT_CHARS = 1200  # a paragraph longer than this is shown as a window around the cited sentence


def cite_key(doc: str, start: int, end: int) -> str:
    return f"{doc}:{int(start)}:{int(end)}"


class Sources:
    """Document metadata and texts for one answer, loaded once per document."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._docs: dict[str, dict[str, Any] | None] = {}
        self.order: list[str] = []  # documents in the order first cited
        self._number: dict[str, int] = {}  # document -> its place in ``order`` (1-based)
        self.cited: dict[str, dict[str, Any]] = {}  # cite key -> citation

    def doc(self, doc: str) -> dict[str, Any] | None:
        if doc not in self._docs:
            rows = self.store.rows("documents", "id = ?", (doc,))
            self._docs[doc] = rows[0] if rows else None
        return self._docs[doc]

    def preload(self, docs: list[str]) -> None:
        """Load the documents not yet loaded, a few hundred per query (an evidence table cites thousands)."""
        todo = list(dict.fromkeys(d for d in docs if d not in self._docs))
        for i in range(0, len(todo), 500):
            chunk = todo[i:i + 500]
            found = {r["id"]: r for r in self.store.rows("documents", "id IN (" + ", ".join("?" * len(chunk)) + ")",
                                                         tuple(chunk))}
            for d in chunk:
                self._docs[d] = found.get(d)

    def number(self, doc: str) -> int:
        if doc not in self._number:
            self.order.append(doc)
            self._number[doc] = len(self.order)
        return self._number[doc]

    def cite(self, doc: str, start: int | None, end: int | None, quote: str | None = None) -> str:
        """Register a citation of the sentence ``[start:end]`` of ``doc``; returns its key."""
        s, e = int(start or 0), int(end or 0)
        key = cite_key(doc, s, e)
        if key not in self.cited:
            n = self.number(doc)
            row = self.doc(doc)
            context, offset = paragraph(str(row["text"]) if row else "", s, e)
            self.cited[key] = {"key": key, "doc": doc, "n": n, "start": s, "end": e,
                               "sentence": (str(row["text"])[s:e] if row else quote) or "",
                               "context": context, "highlight": [offset, offset + (e - s)] if context else None}
        else:
            self.number(doc)
        return key

    def listing(self) -> list[dict[str, Any]]:
        """The numbered source list, in citation order."""
        return [self.entry(d, i) for i, d in enumerate(self.order, 1)]

    def entry(self, doc: str, n: int) -> dict[str, Any]:
        row = self.doc(doc) or {}
        meta = _meta(row.get("meta"))
        link = meta.get("url") or meta.get("link")
        source = str(row.get("source") or "")
        if not link and source.startswith(("http://", "https://")):
            link = source
        return {"n": n, "doc": doc, "outlet": row.get("publisher") or None, "author": row.get("author") or None,
                "title": row.get("title") or None, "date": row.get("published") or None,
                "link": link or None, "file": Path(source).name if source and not link else None}


def describe(entry: dict[str, Any]) -> str:
    """One line for a source list: "JURIST (Academic Commentary) — Roza Nurgozhayeva, “What is …”,
    22 March 2022. 000_de5c1df1780b5202.txt"."""
    from .names import when

    parts = []
    head = entry.get("outlet") or "Unknown outlet"
    if entry.get("author"):
        head += f" — {entry['author']}"
    parts.append(head)
    if entry.get("title"):
        parts.append(f"“{entry['title']}”")
    parts.append(when(entry["date"]) if entry.get("date") else "undated")
    where = entry.get("link") or entry.get("file") or entry["doc"]
    return ", ".join(parts) + f". {where}"


def _meta(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    try:
        out = json.loads(value) if value else {}
    except ValueError:
        return {}
    return out if isinstance(out, dict) else {}


def paragraph(text: str, start: int, end: int) -> tuple[str, int]:
    """The paragraph holding ``text[start:end]`` (between line breaks) and the sentence's offset in it;
    a very long paragraph is cut to a window of whole sentences around it."""
    if not text or start >= len(text):
        return "", 0
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    b = len(text) if b < 0 else b
    if b - a > CONTEXT_CHARS:
        half = max(0, (CONTEXT_CHARS - (end - start)) // 2)
        lo = max(a, start - half)
        hi = min(b, end + half)
        cut = text.find(". ", lo, start)
        lo = cut + 2 if lo > a and cut >= 0 else lo
        cut = text.rfind(". ", end, hi)
        hi = cut + 1 if hi < b and cut >= 0 else hi
        a, b = lo, hi
    while a < start and text[a].isspace():
        a += 1
    return text[a:b].rstrip(), start - a
