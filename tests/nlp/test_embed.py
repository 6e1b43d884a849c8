"""The two embedding backends compute the same vectors, so switching never changes a decision."""

from __future__ import annotations

import numpy as np
import pytest

from stancemap.nlp import embed as E

TEXTS = [
    "Chile's foreign minister condemned the coup in Myanmar.",
    "A short one.",
    "Thousands of farmers marched through Warsaw on Tuesday to protest against cheap grain imports from "
    "Ukraine, blocking roads and waving flags for hours before the police asked them to leave the square.",
]


@pytest.mark.slow
def test_onnx_backend_matches_sentence_transformers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STANCEMAP_EMBED_PRECISION", "float")
    if E.onnx_session() is None:
        pytest.skip("ONNX Runtime or the export is unavailable here; the torch backend is in use")
    got = E.encode(TEXTS)
    want = np.asarray(E.model().encode(TEXTS, normalize_embeddings=True), dtype=np.float32)
    assert got.shape == (3, 384)
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    assert float(np.abs(got - want).max()) < 1e-4
    # order and batch composition do not matter
    again = E.encode(list(reversed(TEXTS)))
    assert float(np.abs(again[::-1] - got).max()) < 1e-5


@pytest.mark.slow
def test_int8_vectors_stay_close_to_the_float_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    """The opt-in precision: int8 matrix products, each vector within a small angle of the float one, and
    the cache never hands a vector computed at one precision to a caller at the other."""
    monkeypatch.setenv("STANCEMAP_EMBED_PRECISION", "int8")
    if E.onnx_session() is None:
        pytest.skip("ONNX Runtime or the quantised model is unavailable here; the torch backend is in use")
    quick = E.embed(TEXTS)
    monkeypatch.setenv("STANCEMAP_EMBED_PRECISION", "float")
    exact = E.embed(TEXTS)
    cos = (quick * exact).sum(axis=1)
    assert float(cos.min()) > 0.97
    assert float(np.abs(quick - exact).max()) > 1e-4  # two computations, two cache entries


def test_precision_defaults_to_float_and_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STANCEMAP_EMBED_PRECISION", raising=False)
    assert E.precision() == "float"
    monkeypatch.setenv("STANCEMAP_EMBED_PRECISION", "INT8")
    assert E.precision() == "int8"


def test_backend_names_one_of_two() -> None:
    assert E.backend() in ("onnx", "torch")


def test_batches_cover_every_text_once_and_bound_padding() -> None:
    lengths = [12, 64, 13, 40, 11, 64, 30, 12, 14, 15, 63, 9] + [20] * 30
    batches = E._batches(lengths)
    flat = [i for b in batches for i in b]
    assert sorted(flat) == list(range(len(lengths)))
    for b in batches:
        assert len(b) <= E.BATCH
        widest = max(lengths[i] for i in b)
        if len(b) > 1:  # a lone text cannot be padded
            assert widest * len(b) <= E.PAD_SLACK * sum(lengths[i] for i in b)
    # texts of one length share passes up to the batch limit
    assert max(len(b) for b in batches) == E.BATCH
