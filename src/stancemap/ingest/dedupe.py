"""Exact and near-duplicate detection.

Exact: a SHA-256 of the normalised text (case-folded, whitespace collapsed). Near: a MinHash
signature of word 5-shingles; documents whose estimated Jaccard similarity reaches the threshold
are duplicates. Locality-sensitive hashing (signature bands) lets the store find candidates by
index lookups instead of comparing against every stored document.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

NUM_PERM = 128
BANDS = 32  # 32 bands x 4 rows: candidates from about Jaccard 0.4, verified on the signature.
_MERSENNE = np.uint64((1 << 61) - 1)
_rng = np.random.default_rng(20220322)
_A = _rng.integers(1, (1 << 61) - 1, NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, (1 << 61) - 1, NUM_PERM, dtype=np.uint64)
_TOKEN = re.compile(r"\w+", re.UNICODE)


def normalise(text: str) -> str:
    return " ".join(_TOKEN.findall(text.casefold()))


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def shingles(text: str, k: int = 5) -> set[int]:
    toks = _TOKEN.findall(text.lower())
    if len(toks) < k:
        grams = {" ".join(toks)} if toks else set()
    else:
        grams = {" ".join(toks[i : i + k]) for i in range(len(toks) - k + 1)}
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little") >> 3 for g in grams}


def signature(text: str) -> np.ndarray:
    """MinHash signature (``NUM_PERM`` uint64 values) of the text's word 5-shingles."""
    sh = shingles(text)
    if not sh:
        return np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    x = np.fromiter(sh, dtype=np.uint64)
    with np.errstate(over="ignore"):
        hashed = (np.outer(x, _A) + _B) % _MERSENNE
    return np.asarray(hashed.min(axis=0), dtype=np.uint64)


def bands(sig: np.ndarray) -> list[str]:
    """One hash per band of the signature, for candidate lookup."""
    rows = NUM_PERM // BANDS
    return [hashlib.blake2b(sig[i * rows : (i + 1) * rows].tobytes(), digest_size=8).hexdigest()
            for i in range(BANDS)]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(a == b))
