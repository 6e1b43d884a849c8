"""Document metadata from sidecar files: a ``SOURCES.csv`` next to the documents.

The sidecar is the most reliable source (a librarian wrote it), so it wins over HTML metadata,
which wins over what the text's header says. Columns: ``file,title,author,publisher,published``
(extra columns such as ``url`` or ``notes`` are kept in ``meta``).
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

SIDECAR = "SOURCES.csv"
_FIELDS = ("title", "author", "publisher", "published", "url")
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@lru_cache(maxsize=256)
def _sidecar(folder: str) -> dict[str, dict[str, str]]:
    path = Path(folder) / SIDECAR
    if not path.is_file():
        return {}
    out: dict[str, dict[str, str]] = {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                name = (row.get("file") or "").strip()
                if name:
                    out[name] = {k: (v or "").strip() for k, v in row.items() if k and k != "file"}
    except (OSError, csv.Error, UnicodeDecodeError):
        return {}
    return out


def sidecar_meta(path: Path) -> dict[str, Any]:
    """Metadata for ``path`` from the ``SOURCES.csv`` in its folder (empty values dropped)."""
    row = _sidecar(str(path.parent)).get(path.name, {})
    meta: dict[str, Any] = {k: v for k, v in row.items() if v}
    if "published" in meta and not _ISO_DATE.match(meta["published"]):
        meta["published_raw"] = meta.pop("published")
    return meta


def merge(*layers: dict[str, Any]) -> dict[str, Any]:
    """Later layers win; ``None`` and empty strings never overwrite a value."""
    out: dict[str, Any] = {}
    for layer in layers:
        for k, v in layer.items():
            if v not in (None, ""):
                out[k] = v
    return out


def normalise_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` (or a shorter ISO prefix) from whatever a metadata source gave."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    if _ISO_DATE.match(text):
        return text
    m = re.match(r"^(\d{4}-\d{2}-\d{2})[T ]", text)
    if m:
        return m.group(1)
    import dateparser

    parsed = dateparser.parse(text, settings={"STRICT_PARSING": True})
    return parsed.date().isoformat() if parsed else None


__all__ = ["SIDECAR", "_FIELDS", "merge", "normalise_date", "sidecar_meta"]
