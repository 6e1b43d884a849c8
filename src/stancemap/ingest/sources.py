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

from ..errors import InputError, brief
from .metadata import SIDECAR, sidecar_meta, sidecar_problem

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


def _from_url_list(path: Path, data: bytes, fetch: bool) -> Iterator[RawItem | InputError]:
    """A ``.urls``/``.url`` file: its URLs (not fetched unless asked), and one line for whatever else
    it holds, instead of reading a list with a stray line as if it were an article."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        yield InputError(str(path), "URL list is not UTF-8 text")
        return
    urls: list[str] = []
    junk: list[int] = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if _URL.match(line):
            urls.append(line)
        else:
            junk.append(n)
    if junk:
        yield InputError(str(path), f"{len(junk)} line(s) are not http(s) URLs and were ignored "
                                    f"(first: line {junk[0]})")
    elif not urls:
        yield InputError(str(path), "URL list has no URLs")
    yield from _from_urls(urls, str(path), fetch)


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

    # Entities are never expanded (no billion laughs, no external files or URLs read), no DTD is
    # loaded and nothing is fetched; deep nesting is bounded by libxml2's own depth limit.
    parser = etree.XMLParser(recover=True, resolve_entities=False, load_dtd=False, no_network=True,
                             huge_tree=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except (etree.LxmlError, ValueError):
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


def _archive_iterator(fh: Any) -> Any:
    """warcio's record iterator, without the multi-line warnings it writes to stderr about a record
    whose Content-Length looks wrong (the record is read as declared; what follows is reported as
    a broken record by the iterator itself)."""
    import contextlib
    import io

    from warcio.archiveiterator import ArchiveIterator

    class Quiet(ArchiveIterator):
        def _consume_blanklines(self) -> Any:
            with contextlib.redirect_stderr(io.StringIO()):
                return super()._consume_blanklines()

    return Quiet(fh)


def _read_capped(stream: Any, limit: int | None) -> bytes:
    """All of ``stream``, or just over ``limit`` bytes of it (enough to know it is too big)."""
    chunks: list[bytes] = []
    total = 0
    while limit is None or total <= limit:
        chunk = stream.read(1 << 16)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _cut_short(record: Any) -> bool:
    """Whether the archive ended before the record's declared Content-Length (a truncated download)."""
    from warcio.limitreader import LimitReader

    raw = record.raw_stream
    if not isinstance(raw, LimitReader):
        return False
    while raw.limit > 0 and raw.read(1 << 16):  # what the payload reader left unread
        pass
    return bool(raw.limit > 0)


def _from_warc(path: Path, max_bytes: int | None = None) -> Iterator[RawItem | InputError]:
    """Response records of a WARC file (plain or gzipped) whose payload is HTML or text.

    The archive is streamed, so a big WARC is fine; a record whose payload is over ``max_bytes`` is
    refused on its own. Records read before a broken one are kept and the break is reported. A record
    is handed on only once the archive has been read past it: a record cut short, or one whose
    Content-Length does not end where the next record starts, holds part of a page and is refused.
    """
    found = 0
    pending: RawItem | None = None
    iterator: Any = None
    warnings = 0

    def settle() -> RawItem | InputError | None:
        """The pending record, unless warcio found it did not end where its length said."""
        if pending is None:
            return None
        if iterator is not None and iterator.err_count > warnings:
            return InputError(pending.location, "WARC record does not end where its Content-Length says "
                                                "(a broken archive); not read")
        return pending

    try:
        with path.open("rb") as fh:
            iterator = _archive_iterator(fh)
            for record in iterator:
                if (done := settle()) is not None:
                    yield done
                pending, warnings = None, iterator.err_count
                if record.rec_type != "response":
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                ctype = (record.http_headers.get_header("Content-Type") or "").lower() if record.http_headers else ""
                if ctype and not ("html" in ctype or ctype.startswith("text/")):
                    continue
                found += 1
                where = f"{path}#{url}" if url else f"{path}#record-{found}"
                body = _read_capped(record.content_stream(), max_bytes)
                if max_bytes is not None and len(body) > max_bytes:
                    yield InputError(where, too_large(None, max_bytes, "WARC record"))
                    continue
                if not body.strip():
                    yield InputError(where, "WARC record has no payload")
                    continue
                if _cut_short(record):
                    yield InputError(where, "WARC record cut short (the archive ends inside it); not read")
                    continue
                pending = RawItem(where, url_id(url) if url else f"{_doc_id(path)}-{found}",
                                  body, html=("html" in ctype) or None, meta={"url": url} if url else {})
            if (done := settle()) is not None:
                yield done
    except Exception as err:
        # warcio raises its own errors, but also zlib, EOF, value and attribute errors on broken
        # archives (a record without a URI, a gzip member cut short): all mean the archive is broken here.
        if (done := settle()) is not None:
            yield done
        yield InputError(str(path), f"not a readable WARC file: {brief(err)}")
        return
    if not found:
        yield InputError(str(path), "WARC holds no HTML or text response records")


def too_large(size: int | None, limit: int, what: str = "file") -> str:
    """The reason given for an input over the size limit."""
    mb = 1024 * 1024
    actual = f" ({size / mb:.1f} MB)" if size is not None else ""
    return f"{what} too large{actual}: limit {limit / mb:g} MB (set max_input_bytes in --config to raise it)"


def _from_file(path: Path, fetch: bool, max_bytes: int | None = None) -> Iterator[RawItem | InputError]:
    name = path.name.lower()
    if name.endswith(WARC_EXT):
        yield from _from_warc(path, max_bytes)
        return
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            yield InputError(str(path), too_large(size, max_bytes))
            return
        data = path.read_bytes()
    except OSError as err:
        yield InputError(str(path), f"cannot read: {err.strerror or err}")
        return
    suffix = path.suffix.lower()
    if suffix in URLLIST_EXT:
        yield from _from_url_list(path, data, fetch)
        return
    if suffix in TEXT_EXT:
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


def _guarded(path: Path, items: Iterator[RawItem | InputError]) -> Iterator[RawItem | InputError]:
    """``items`` of one file; an unexpected exception while reading it becomes that file's one-line
    error, so that no file can stop a folder (the reader's bug is still named, to be reported)."""
    try:
        yield from items
    except Exception as err:
        yield InputError(str(path), f"internal error while reading ({type(err).__name__}: {brief(err)}); "
                                    "please report it")


def discover(paths: list[str], fetch: bool = False, max_bytes: int | None = None) -> Iterator[RawItem | InputError]:
    """Every input under ``paths``, in a stable order. Files over ``max_bytes`` are refused unread."""
    reported: set[Path] = set()
    for raw in paths:
        if _URL.match(raw):
            yield from _from_urls([raw], "the command line", fetch)
            continue
        path = Path(raw)
        if not path.exists():
            yield InputError(raw, "no such file or directory")
        elif path.is_dir():
            try:
                files = sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p.relative_to(path)))
            except OSError as err:  # a symlink loop, a folder that vanished or is unreadable
                yield InputError(raw, f"cannot list the directory: {err.strerror or err}")
                continue
            if not files:
                yield InputError(raw, "directory has no readable files")
                continue
            for f in files:
                yield from _sidecar_report(f.parent, reported)
                yield from _guarded(f, _from_file(f, fetch, max_bytes))
        else:
            yield from _sidecar_report(path.parent, reported)
            yield from _guarded(path, _from_file(path, fetch, max_bytes))


def _sidecar_report(folder: Path, reported: set[Path]) -> Iterator[InputError]:
    """One line for a ``SOURCES.csv`` that cannot be used, the first time a file of its folder is read:
    its documents are still read, without the metadata the user meant them to have."""
    if folder not in reported:
        reported.add(folder)
        problem = sidecar_problem(folder)
        if problem:
            yield InputError(str(folder / SIDECAR), problem)


def count_inputs(paths: list[str]) -> int:
    """How many files ``paths`` name (a folder's readable files, recursively), for a progress bar's total;
    without reading them. A feed, URL list or WARC file counts as one though it holds many documents."""
    n = 0
    for raw in paths:
        path = Path(raw)
        try:
            if path.is_dir():
                n += sum(1 for p in path.rglob("*") if p.is_file() and _wanted(p.relative_to(path)))
            else:
                n += 1
        except OSError:  # reported when the inputs are read
            n += 1
    return n
