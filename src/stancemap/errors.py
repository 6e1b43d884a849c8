"""Exceptions that the CLI turns into one clean line (no traceback)."""

from __future__ import annotations

import unicodedata

# Characters that would break a message's single line or reorder it on a terminal: line and paragraph
# separators, C0/C1 controls, and the bidirectional overrides and isolates ("Trojan source" names).
_BIDI = set("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def one_line(text: str) -> str:
    """``text`` made safe for one line of output: controls, line separators and bidi overrides are
    escaped (``\\n``, ``\\x00``, ``\\u202e``), and lone surrogates (the undecodable bytes of a file
    name, as Python passes them on) are shown as the byte they stand for (``\\xff``)."""
    out: list[str] = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: one undecodable byte
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")
        elif ch in _BIDI or unicodedata.category(ch) in ("Cc", "Zl", "Zp"):
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    return "".join(out)


def brief(err: BaseException, limit: int = 160) -> str:
    """A third-party exception's message in a few words for a one-line reason: some run over several
    indented lines (warcio), others quote a whole line of binary garbage."""
    text = " ".join(str(err).split()) or type(err).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


class StancemapError(Exception):
    """Base class: a user-facing problem, with a message fit for one line."""


class InputError(StancemapError):
    """A file or URL could not be read as a document. The message names the file and the reason.

    The message is always one line (see :func:`one_line`), whatever the file's name or the reason a
    third-party parser gave, so that a folder's report has exactly one line per refused input.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{one_line(source)}: {one_line(reason)}")
        self.source = source
        self.reason = reason


class StoreError(StancemapError):
    """The database could not be opened, migrated or written."""


class DataError(StancemapError):
    """A reference-data or issue file is malformed."""
