"""Ingest: inputs -> cleaned :class:`~stancemap.model.Document` objects with metadata.

This stage only reads and cleans; it does not parse or extract, and it does not touch the store.
Duplicate detection against stored documents happens when the document is saved
(:mod:`stancemap.runner`), because only the store knows what is already there.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..config import Options
from ..errors import InputError, brief
from ..model import Document
from . import dedupe
from .clean import clean_text, load_rules
from .lang import detect
from .metadata import clean_field, merge, normalise_date
from .readers import read_bytes, too_long
from .sources import RawItem, discover

__all__ = ["Loaded", "load", "storable", "to_document"]

_LETTER = re.compile(r"[^\W\d_]")


@dataclass
class Loaded:
    """What became of one input: a document or an error, and the top-level path it came from."""

    origin: str
    doc: Document | None = None
    error: InputError | None = None


def storable(name: str) -> str:
    """``name`` as valid Unicode: a file name's undecodable bytes (which Python carries as lone
    surrogates) become U+FFFD, so that the id and source can be stored and exported as UTF-8."""
    try:
        raw = name.encode("utf-8", "surrogateescape")  # the bytes the name has on disk
    except UnicodeEncodeError:  # a surrogate that stands for no byte
        raw = name.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "replace")


def to_document(item: RawItem, options: Options) -> Document:
    """Decode, clean and annotate one raw input; raises ``InputError``."""
    ex = read_bytes(item.data, item.location, html=item.html, max_chars=options.max_text_chars)
    title_hint = item.meta.get("title") or ex.meta.get("title")
    cleaned = clean_text(ex.text, title=title_hint, rules=load_rules(options.boilerplate_file))
    if not cleaned.text.strip():
        raise InputError(item.location, "no article text left after removing page boilerplate")
    if not _LETTER.search(cleaned.text):
        # Digits, punctuation and symbols only: nothing to extract, and no words to tell two such
        # files apart (every one would be a "duplicate" of the first).
        raise InputError(item.location, "no words in the text (only digits, punctuation or symbols)")
    if len(cleaned.text) > options.max_text_chars:
        raise InputError(item.location, too_long(len(cleaned.text), options.max_text_chars))
    # Sidecar (item.meta) beats HTML metadata, which beats the text's own header.
    meta = {k: clean_field(v) for k, v in merge(cleaned.meta, ex.meta, item.meta).items()}
    published = normalise_date(meta.get("published"))
    extra = {k: v for k, v in meta.items() if k not in ("title", "author", "publisher", "published", "url")}
    extra["encoding"] = ex.encoding
    if meta.get("url"):
        extra["url"] = meta["url"]
    return Document(
        id=storable(item.doc_id),
        text=cleaned.text,
        title=meta.get("title"),
        author=meta.get("author"),
        publisher=meta.get("publisher"),
        published=published,
        lang=detect(cleaned.text),
        source=storable(item.location),
        content_hash=dedupe.content_hash(cleaned.text),
        raw_hash=hashlib.sha256(item.data).hexdigest(),
        meta=extra,
    )


def _read(item: RawItem, options: Options) -> Document:
    """:func:`to_document`, with any unexpected exception turned into the input's one-line error: a
    bug in reading one file must neither stop the others nor print a traceback."""
    try:
        return to_document(item, options)
    except InputError:
        raise
    except Exception as err:
        raise InputError(item.location, f"internal error while reading ({type(err).__name__}: {brief(err)}); "
                                        "please report it") from err


def load(paths: list[str], options: Options) -> Iterator[Loaded]:
    """Documents (or errors) for every input under ``paths``.

    Two inputs that would be stored under one document id (``a.txt`` and ``a.html``, two feed items
    with one link) would overwrite each other silently; the second is refused, naming the first. The
    same input given twice is read once.
    """
    seen: dict[str, str] = {}  # document id -> the input it came from
    for origin in paths:
        produced = 0
        errors = 0
        for got in discover([origin], fetch=options.fetch_urls, max_bytes=options.max_input_bytes):
            if isinstance(got, InputError):
                errors += 1
                yield Loaded(origin, error=got)
                continue
            try:
                doc = _read(got, options)
            except InputError as err:
                errors += 1
                yield Loaded(origin, error=err)
                continue
            first = seen.get(doc.id)
            if first is not None:
                if first == got.location:  # the same input again (a path given twice)
                    continue
                errors += 1
                yield Loaded(origin, error=InputError(got.location, f"same document id {doc.id!r} as {first}; "
                                                                    "not stored (rename one of them)"))
                continue
            seen[doc.id] = got.location
            produced += 1
            yield Loaded(origin, doc=doc)
        if errors > 1 and not produced:
            yield Loaded(origin, error=InputError(origin, f"no readable documents ({errors} inputs refused)"))
