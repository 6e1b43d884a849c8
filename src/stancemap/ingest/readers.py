"""Turn bytes into text: refuse binaries, decode text safely, extract HTML with trafilatura.

Every refusal is an :class:`~stancemap.errors.InputError` whose message names the file and the
reason in one line, so that a folder of mixed files can be ingested and the bad ones reported.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError, brief

# Leading bytes of common non-text formats; the name goes into the error message.
_MAGIC: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or Office document)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "RIFF media file"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0", "legacy Office document"),
]
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Legacy single-byte Western encodings: when the detector lands on one of these, cp1252 (the
# usual Windows/web encoding of English text) decodes it the way the author meant.
_WESTERN = {"cp1250", "cp1252", "cp1257", "latin_1", "iso8859_15", "iso8859_2", "iso8859_13", "mac_roman"}


@dataclass
class Extracted:
    """Text from one input, with whatever metadata the format carried."""

    text: str
    encoding: str = "utf-8"
    meta: dict[str, Any] = field(default_factory=dict)
    is_html: bool = False


def sniff_binary(data: bytes) -> str | None:
    """Name the binary format of ``data``, or ``None`` if it may be text."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    head = data[:8192]
    if b"\x00" in head:
        return "binary data (contains NUL bytes)"
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if head and controls / len(head) > 0.05:
        return "binary data (control characters)"
    return None


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Decode ``data`` to text; return ``(text, encoding)`` or raise ``InputError``."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as err:
                raise InputError(source, f"invalid {enc} text after a byte-order mark ({err.reason})") from err
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    try:
        best = from_bytes(data).best()
    except Exception:  # a third-party detector given hostile bytes: no answer is "no encoding fits"
        best = None
    if best is None or best.encoding is None:
        raise InputError(source, "unknown text encoding (not UTF-8, and no other encoding fits)")
    enc = codecs.lookup(best.encoding).name.replace("-", "_")
    if enc in _WESTERN:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return str(best), enc


def too_long(chars: int, limit: int) -> str:
    """The reason given for a text over the length limit (one wording wherever it is checked)."""
    return f"text too long: {chars:,} characters (limit {limit:,}; set max_text_chars in --config to raise it)"


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text[:20000])


# libxml2's HTML parser stops building the tree at this depth and drops what lies deeper: the guard
# against nesting bombs is the parser's own, and a refused page says so.
PARSER_DEPTH = 255


def _depth_note(html: str) -> str:
    """Why a page gave no text, when the reason is nesting deeper than the HTML parser goes."""
    import lxml.html
    from lxml import etree

    try:
        depth = deepest = 0
        for event, _ in etree.iterwalk(lxml.html.document_fromstring(html), events=("start", "end")):
            depth += 1 if event == "start" else -1
            deepest = max(deepest, depth)
    except Exception:  # the page does not even parse: nothing more to say
        return ""
    return f" (elements nested {PARSER_DEPTH} deep or more; the HTML parser drops what lies deeper)" \
        if deepest >= PARSER_DEPTH else ""


def extract_html(html: str, source: str) -> Extracted:
    """Main text and metadata of an HTML page (trafilatura), paragraphs one per line."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=False, with_metadata=True, favor_precision=True
        )
    except Exception as err:
        # trafilatura, lxml and htmldate are parsers fed with whatever a folder holds; whatever they raise
        # (a recursion limit on deep nesting, a value lxml refuses) means this page cannot be read.
        raise InputError(source, f"HTML page could not be parsed ({type(err).__name__}: {brief(err)})") from err
    data = {} if result is None else result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = data.get("text") or ""
    if not text.strip():
        raise InputError(source, "HTML page has no extractable main text" + _depth_note(html))
    meta = {
        k: data.get(src)
        for k, src in (("title", "title"), ("author", "author"), ("publisher", "sitename"),
                       ("published", "date"), ("url", "url"))
        if data.get(src)
    }
    return Extracted(text=text, meta=meta, is_html=True)


def read_bytes(data: bytes, source: str, html: bool | None = None, max_chars: int | None = None) -> Extracted:
    """Validate, decode and (for HTML) extract one input. ``html=None`` sniffs the content.

    Plain text longer than ``max_chars`` is refused here, before the line-by-line cleaning that would
    spend seconds on it only for the document to be refused for its length afterwards.
    """
    if not data or not data.strip():
        raise InputError(source, "empty file")
    kind = sniff_binary(data)
    if kind:
        raise InputError(source, f"not a text document: {kind}")
    text, enc = decode(data, source)
    if "\x00" in text:  # sniff_binary only looks at the head; a NUL further on is no text either
        raise InputError(source, "not a text document: binary data (contains NUL bytes)")
    if not text.strip():
        raise InputError(source, "empty file (only whitespace)")
    if html is None:
        html = looks_like_html(text)
    if not html and max_chars is not None and len(text) > max_chars:
        raise InputError(source, too_long(len(text), max_chars))
    if html:
        ex = extract_html(text, source)
        ex.encoding = enc
        return ex
    return Extracted(text=text, encoding=enc)
