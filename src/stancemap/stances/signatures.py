"""Learn, from an issue file's own example sentences, which coded events express which polarity.

Each example sentence ("Serbia refused to recognise the referendums" — oppose) is passed through
the same pipeline stages as any document (parse, dates, actors, events). The events its holder
performs give *signatures* — (event type, negated) — labelled with the example's polarity. A clause
in a text whose event has the same signature, in a sentence relevant to the issue, takes the
polarity of the most similar examples with that signature. Nothing about any issue is in code: a
new issue with examples is learned the same way.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..model import Document
from ..nlp.embed import embed
from .issues import Issue


@dataclass
class SignatureModel:
    # issue id -> (type, negated) -> list of (polarity, example index)
    table: dict[str, dict[tuple[str, bool], list[tuple[str, int]]]] = field(default_factory=dict)
    vectors: dict[str, np.ndarray] = field(default_factory=dict)  # issue id -> example embeddings

    def share(self, issue: str, sig: tuple[str, bool]) -> float:
        """Of all the examples (any issue) whose coded act has this signature, the share that are this
        issue's: how characteristic the act is of the issue (protests of anti-war expression)."""
        total = sum(len(by_sig.get(sig, [])) for by_sig in self.table.values())
        return len(self.table.get(issue, {}).get(sig, [])) / total if total else 0.0

    def count(self, issue: str, sig: tuple[str, bool]) -> int:
        """How many of the issue's examples have this signature."""
        return len(self.table.get(issue, {}).get(sig, []))

    def vote(self, issue: str, sig: tuple[str, bool], sentence_vec: np.ndarray, k: int = 5,
             min_sim: float = 0.0) -> dict[str, float]:
        """Polarity weights from the ``k`` examples with this signature most similar to the sentence."""
        rows = self.table.get(issue, {}).get(sig, [])
        if not rows:
            return {}
        vecs = self.vectors[issue]
        scored = [x for x in sorted(((float(vecs[i] @ sentence_vec), pol) for pol, i in rows), reverse=True)[:k]
                  if x[0] >= min_sim]
        out: dict[str, float] = defaultdict(float)
        for sim, pol in scored:
            out[pol] += max(sim, 0.0)
        return dict(out)


def cached_signatures(issues: tuple[Issue, ...], pipeline: Any) -> SignatureModel:
    """``build_signatures`` with a disk cache keyed by the issues' examples and the extractor."""
    import hashlib
    import json
    import os
    from pathlib import Path

    from ..config import extractor_fingerprint

    h = hashlib.sha256()
    for issue in issues:
        h.update(repr((issue.id, issue.examples)).encode())
    # the coding stages that read the examples: the package's code and data and the user's files
    # (a cache from another version of the coder would give stale signatures)
    h.update(extractor_fingerprint(pipeline.options).encode())
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "stancemap"
    path = base / f"signatures-{h.hexdigest()[:16]}.json"
    model = SignatureModel()
    if path.exists():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            model.table = {iid: {(t, bool(n)): [(p, int(i)) for p, i in rows] for t, n, rows in sigs}
                           for iid, sigs in data.items()}
        except (ValueError, KeyError, TypeError):
            model.table = {}
    if not model.table:
        model = build_signatures(issues, pipeline)
        try:
            base.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps({iid: [[t, n, rows] for (t, n), rows in sigs.items()]
                                        for iid, sigs in model.table.items()}), encoding="utf-8")
        except OSError:
            pass  # a read-only home: rebuild next time
    for issue in issues:
        if issue.examples and issue.id not in model.vectors:
            model.vectors[issue.id] = embed([text for _, text in issue.examples])
    return model


def build_signatures(issues: tuple[Issue, ...], pipeline: Any) -> SignatureModel:
    """Code every example sentence with ``pipeline`` (the stages before stances)."""
    model = SignatureModel()
    for issue in issues:
        if not issue.examples:
            continue
        texts = [text for _, text in issue.examples]
        model.vectors[issue.id] = embed(texts)
        table: dict[tuple[str, bool], list[tuple[str, int]]] = defaultdict(list)
        for i, (polarity, text) in enumerate(issue.examples):
            doc = pipeline(Document(id=f"example-{issue.id}-{i}", text=text))
            events = [e for e in doc.events if e.modality != "hypothetical" and e.source]
            if not events:
                continue
            # The example's holder is the actor most of its events come from.
            counts: dict[str, int] = defaultdict(int)
            for e in events:
                counts[str(e.source)] += 1
            holder = max(counts, key=lambda c: counts[c])
            for sig in {(e.type, bool(e.negated)) for e in events if e.source == holder}:
                table[sig].append((polarity, i))
        model.table[issue.id] = dict(table)
    return model
