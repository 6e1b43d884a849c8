"""Ingest: inputs -> cleaned :class:`~stancemap.model.Document` objects with metadata.

This stage only reads and cleans; it does not parse or extract, and it does not touch the store.
Duplicate detection against stored documents happens when the document is saved
(:mod:`stancemap.runner`), because only the store knows what is already there.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from ..config import Options
from ..errors import InputError
from ..model import Document
from . import dedupe
from .clean import clean_text, load_rules
from .lang import detect
from .metadata import merge, normalise_date
from .readers import read_bytes
from .sources import RawItem, discover

__all__ = ["Loaded", "load", "to_document"]


@dataclass
class Loaded:
    """What became of one input: a document or an error, and the top-level path it came from."""

    origin: str
    doc: Document | None = None
    error: InputError | None = None


def to_document(item: RawItem, options: Options) -> Document:
    """Decode, clean and annotate one raw input; raises ``InputError``."""
    ex = read_bytes(item.data, item.location, html=item.html)
    title_hint = item.meta.get("title") or ex.meta.get("title")
    cleaned = clean_text(ex.text, title=title_hint, rules=load_rules(options.boilerplate_file))
    if not cleaned.text.strip():
        raise InputError(item.location, "no article text left after removing page boilerplate")
    # Sidecar (item.meta) beats HTML metadata, which beats the text's own header.
    meta = merge(cleaned.meta, ex.meta, item.meta)
    published = normalise_date(meta.get("published"))
    extra = {k: v for k, v in meta.items() if k not in ("title", "author", "publisher", "published", "url")}
    extra["encoding"] = ex.encoding
    if meta.get("url"):
        extra["url"] = meta["url"]
    return Document(
        id=item.doc_id,
        text=cleaned.text,
        title=meta.get("title"),
        author=meta.get("author"),
        publisher=meta.get("publisher"),
        published=published,
        lang=detect(cleaned.text),
        source=item.location,
        content_hash=dedupe.content_hash(cleaned.text),
        raw_hash=hashlib.sha256(item.data).hexdigest(),
        meta=extra,
    )


def load(paths: list[str], options: Options) -> Iterator[Loaded]:
    """Documents (or errors) for every input under ``paths``."""
    for origin in paths:
        produced = 0
        errors = 0
        for got in discover([origin], fetch=options.fetch_urls):
            if isinstance(got, InputError):
                errors += 1
                yield Loaded(origin, error=got)
                continue
            try:
                doc = to_document(got, options)
            except InputError as err:
                errors += 1
                yield Loaded(origin, error=err)
                continue
            produced += 1
            yield Loaded(origin, doc=doc)
        if errors > 1 and not produced:
            yield Loaded(origin, error=InputError(origin, f"no readable documents ({errors} inputs refused)"))
