"""Document metadata from sidecar files: a ``SOURCES.csv`` next to the documents.

The sidecar is the most reliable source (a librarian wrote it), so it wins over HTML metadata,
which wins over what the text's header says. Columns: ``file,title,author,publisher,published``
(extra columns such as ``url`` or ``notes`` are kept in ``meta``).
"""

from __future__ import annotations

import csv
import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

SIDECAR = "SOURCES.csv"
_FIELDS = ("title", "author", "publisher", "published", "url")
# ASCII digits only: ``\d`` also takes Arabic-Indic and other digits, which int() reads but no later
# stage (nor an ISO date) expects.
_ISO_DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")
# A metadata value is one line of readable text of reasonable length: a title is not a chapter.
_MAX_FIELD_CHARS = 1000
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def clean_field(value: Any) -> Any:
    """A metadata string as one line: control characters dropped, whitespace (line breaks too)
    collapsed, cut to a reasonable length. Other values pass unchanged."""
    if not isinstance(value, str):
        return value
    text = " ".join(_CONTROL.sub("", value).split())
    return text if len(text) <= _MAX_FIELD_CHARS else text[: _MAX_FIELD_CHARS - 1] + "…"


@lru_cache(maxsize=256)
def _sidecar(folder: str) -> tuple[dict[str, dict[str, str]], str | None]:
    """The rows of ``folder``'s sidecar by file name, and why it could not be used (or ``None``)."""
    path = Path(folder) / SIDECAR
    if not path.is_file():
        return {}, None
    out: dict[str, dict[str, str]] = {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            for row in reader:
                name = (row.get("file") or "").strip()
                if name:
                    out[name] = {k: clean_field(v or "") for k, v in row.items()
                                 if isinstance(k, str) and k and k != "file" and isinstance(v, str)}
            if reader.fieldnames and "file" not in reader.fieldnames:
                return {}, "has no 'file' column; its metadata is not used"
    except UnicodeDecodeError:
        return {}, "is not UTF-8 text; its metadata is not used"
    except (OSError, csv.Error) as err:
        return {}, f"cannot be read ({' '.join(str(err).split())}); its metadata is not used"
    return out, None


def sidecar_problem(folder: Path) -> str | None:
    """Why the sidecar in ``folder`` cannot be used, so that a broken one is reported, not ignored."""
    return _sidecar(str(folder))[1]


def sidecar_meta(path: Path) -> dict[str, Any]:
    """Metadata for ``path`` from the ``SOURCES.csv`` in its folder (empty values dropped)."""
    row = _sidecar(str(path.parent))[0].get(path.name, {})
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


# Publication dates outside these years are misreadings ("-0001-01-01", "in 3000 years").
_MIN_YEAR = 1800


def _real_date(iso: str) -> str | None:
    """``iso`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) if it names a day of the calendar that a text
    can have been published on, else ``None``: a feed's "2022-13-45" or a sidecar's "0000-00-00" is
    no date, and later stages compare dates."""
    parts = [int(p) for p in iso.split("-")]
    try:
        day = date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return None
    return iso if _MIN_YEAR <= day.year <= date.today().year + 1 else None


# Longer strings are no date a person wrote; dateparser would spend long on them for nothing.
_MAX_DATE_CHARS = 100


def normalise_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` (or a shorter ISO prefix) from whatever a metadata source gave; ``None`` if it
    gives no real date."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    if _ISO_DATE.match(text):
        return _real_date(text)
    m = re.match(r"^([0-9]{4}-[0-9]{2}-[0-9]{2})[T ]", text)
    if m:
        return _real_date(m.group(1))
    if len(text) > _MAX_DATE_CHARS:
        return None
    import dateparser

    try:
        # Absolute dates only: "yesterday" or "in 3 years" in a metadata field is no publication date.
        parsed = dateparser.parse(text, settings={"STRICT_PARSING": True,
                                                  "PARSERS": ["custom-formats", "absolute-time"]})
    except Exception:  # a third-party parser given a hostile string: it is no date we can use
        return None
    return _real_date(parsed.date().isoformat()) if parsed else None


__all__ = ["SIDECAR", "_FIELDS", "clean_field", "merge", "normalise_date", "sidecar_meta", "sidecar_problem"]
