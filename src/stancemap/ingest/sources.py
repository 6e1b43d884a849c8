"""Find the inputs behind the paths a user gave: files, folders, URL lists, RSS/Atom feeds, WARCs.

Each input becomes a :class:`RawItem` (bytes plus what is known about it) or an
:class:`~stancemap.errors.InputError` that names it and says why it cannot be used. Errors are
yielded, not raised, so that one bad file never stops a folder from being ingested.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from .metadata import SIDECAR, sidecar_meta

TEXT_EXT = {".txt", ".text", ".md"}
HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
FEED_EXT = {".rss", ".atom", ".xml"}
WARC_EXT = (".warc", ".warc.gz")
URLLIST_EXT = {".urls", ".url"}
_SKIP_NAMES = {SIDECAR.lower(), "readme.md", "license", "license.txt"}
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)


@dataclass
class RawItem:
    """One input document before decoding."""

    location: str  # file path, "file.warc#record-url", or URL (used in messages)
    doc_id: str
    data: bytes
    html: bool | None = None  # None: sniff the content
    meta: dict[str, Any] = field(default_factory=dict)


def url_id(url: str) -> str:
    return "url-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


def _doc_id(path: Path) -> str:
    name = path.name
    for ext in (".warc.gz",):
        if name.endswith(ext):
            return name[: -len(ext)]
    return path.stem


def _is_url_list(data: bytes) -> list[str] | None:
    try:
        lines = [ln.strip() for ln in data.decode("utf-8").splitlines()]
    except UnicodeDecodeError:
        return None
    lines = [ln for ln in lines if ln and not ln.startswith("#")]
    if lines and all(_URL.match(ln) for ln in lines):
        return lines
    return None


def _fetch(url: str) -> bytes:
    import trafilatura

    html = trafilatura.fetch_url(url)
    if not html:
        raise InputError(url, "could not be fetched")
    return html.encode("utf-8") if isinstance(html, str) else bytes(html)


def _from_urls(urls: list[str], origin: str, fetch: bool) -> Iterator[RawItem | InputError]:
    for url in urls:
        if not fetch:
            yield InputError(url, f"listed in {origin}; not fetched (offline by default; use --fetch)")
            continue
        try:
            yield RawItem(url, url_id(url), _fetch(url), html=True, meta={"url": url})
        except InputError as err:
            yield err


def _from_feed(path: Path, data: bytes) -> Iterator[RawItem | InputError] | None:
    """Items of an RSS or Atom feed that carry their content; ``None`` if not a feed."""
    from lxml import etree

    try:
        root = etree.fromstring(data, parser=etree.XMLParser(recover=True, resolve_entities=False))
    except etree.XMLSyntaxError:
        return None
    if root is None:
        return None
    tag = etree.QName(root).localname.lower()
    if tag not in ("rss", "feed", "rdf"):
        return None

    def first(node: Any, *names: str) -> str | None:
        for child in node.iter():
            if not isinstance(child.tag, str):
                continue
            if etree.QName(child).localname.lower() in names and (child.text or "").strip():
                return str(child.text).strip()
        return None

    def gen() -> Iterator[RawItem | InputError]:
        items = [n for n in root.iter() if isinstance(n.tag, str)
                 and etree.QName(n).localname.lower() in ("item", "entry")]
        if not items:
            yield InputError(str(path), "feed has no items")
        for n, item in enumerate(items):
            link = first(item, "link") or ""
            if not link:
                for child in item:
                    if isinstance(child.tag, str) and etree.QName(child).localname == "link":
                        link = child.get("href") or ""
            body = first(item, "encoded", "content", "description", "summary")
            where = f"{path}#{link or n}"
            if not body:
                yield InputError(where, "feed item has no content (fetching linked pages is off)")
                continue
            meta = {"title": first(item, "title"), "author": first(item, "creator", "author", "name"),
                    "published": first(item, "pubdate", "published", "updated", "date"), "url": link or None}
            doc_id = url_id(link) if link else f"{path.stem}-{n}"
            html = "<html><body>" + body + "</body></html>" if "<" in body else None
            payload = (html or body).encode("utf-8")
            yield RawItem(where, doc_id, payload, html=bool(html), meta={k: v for k, v in meta.items() if v})

    return gen()


def _from_warc(path: Path) -> Iterator[RawItem | InputError]:
    """Response records of a WARC file (plain or gzipped) whose payload is HTML or text."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    try:
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response":
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                ctype = (record.http_headers.get_header("Content-Type") or "").lower() if record.http_headers else ""
                if ctype and not ("html" in ctype or ctype.startswith("text/")):
                    continue
                found += 1
                body = record.content_stream().read()
                yield RawItem(f"{path}#{url}", url_id(url) if url else f"{_doc_id(path)}-{found}",
                              body, html=("html" in ctype) or None, meta={"url": url} if url else {})
    except (OSError, ArchiveLoadFailed) as err:
        yield InputError(str(path), f"not a readable WARC file: {err}")
        return
    if not found:
        yield InputError(str(path), "WARC holds no HTML or text response records")


def _from_file(path: Path, fetch: bool) -> Iterator[RawItem | InputError]:
    name = path.name.lower()
    if name.endswith(WARC_EXT):
        yield from _from_warc(path)
        return
    try:
        data = path.read_bytes()
    except OSError as err:
        yield InputError(str(path), f"cannot read: {err.strerror or err}")
        return
    suffix = path.suffix.lower()
    if suffix in URLLIST_EXT or suffix in TEXT_EXT:
        urls = _is_url_list(data)
        if urls:
            yield from _from_urls(urls, str(path), fetch)
            return
    if suffix in FEED_EXT:
        feed = _from_feed(path, data)
        if feed is not None:
            yield from feed
            return
    html = True if suffix in HTML_EXT else (False if suffix in TEXT_EXT else None)
    yield RawItem(str(path), _doc_id(path), data, html=html, meta=sidecar_meta(path))


def _wanted(path: Path) -> bool:
    if path.name.startswith(".") or path.name.lower() in _SKIP_NAMES:
        return False
    return not any(part.startswith(".") for part in path.parts[:-1] if part not in (".", ".."))


def discover(paths: list[str], fetch: bool = False) -> Iterator[RawItem | InputError]:
    """Every input under ``paths``, in a stable order."""
    for raw in paths:
        if _URL.match(raw):
            yield from _from_urls([raw], "the command line", fetch)
            continue
        path = Path(raw)
        if not path.exists():
            yield InputError(raw, "no such file or directory")
        elif path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p.relative_to(path)))
            if not files:
                yield InputError(raw, "directory has no readable files")
                continue
            for f in files:
                yield from _from_file(f, fetch)
        else:
            yield from _from_file(path, fetch)
