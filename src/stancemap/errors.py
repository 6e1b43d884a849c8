"""Exceptions that the CLI turns into one clean line (no traceback)."""

from __future__ import annotations


class StancemapError(Exception):
    """Base class: a user-facing problem, with a message fit for one line."""


class InputError(StancemapError):
    """A file or URL could not be read as a document. The message names the file and the reason."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(StancemapError):
    """The database could not be opened, migrated or written."""


class DataError(StancemapError):
    """A reference-data or issue file is malformed."""
