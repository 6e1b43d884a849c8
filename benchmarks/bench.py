"""`make bench`: speed and memory of the whole pipeline against a bare spaCy parse of the same texts.

Not a test: it measures and prints. Runs (in one process, so the numbers are comparable):

1. read + clean the bundled corpus (``--repeat N`` processes it N times);
2. the full pipeline over every document, stage by stage, then storing it;
3. the bare spaCy pipeline (same model) over the same cleaned texts;
4. ``ask`` on the resulting store.

Prints articles/s, words/s, the pipeline/bare-parse ratio, each stage's share of the parse time,
and peak RSS. ``--json`` prints the same as one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "What is Kazakhstan's position on the Russian invasion of Ukraine?"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def synthetic_ask(n_docs: int) -> dict[str, float]:
    """Build a store of ``n_docs`` synthetic documents (records only, no NLP) and time ``ask`` on it."""
    import random

    from stancemap.answer.brief import build_answer
    from stancemap.answer.question import parse_question
    from stancemap.model import EVENT_TYPES, Claim, Document, Event, Sentence, Stance
    from stancemap.reconcile.merge import cluster_events, event_cluster_record
    from stancemap.stances.issues import load_issues
    from stancemap.store import open_store

    rng = random.Random(7)
    states = ["KAZ", "RUS", "UKR", "CHN", "USA", "TUR", "UZB", "KGZ", "BLR", "DEU", "FRA", "GBR", "IND", "BRA"]
    issues = [i.id for i in load_issues()]
    types = list(EVENT_TYPES)
    text = "Synthetic sentence one about a state. Synthetic sentence two about another state."
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "synthetic.db")
        with open_store(db) as store:
            t0 = time.perf_counter()
            for i in range(n_docs):
                doc = Document(id=f"syn-{i:05d}", text=f"{text} {i}", content_hash=f"h{i}", published="2022-05-01")
                doc.sentences = [Sentence(0, 0, 37), Sentence(1, 38, len(doc.text))]
                for _ in range(4):
                    src, tgt = rng.sample(states, 2)
                    month = f"2022-{rng.randint(1, 12):02d}"
                    doc.events.append(Event(source=src, target=tgt, type=rng.choice(types), start=0, end=37,
                                            date=month, negated=rng.random() < 0.1, sent=0))
                    doc.stances.append(Stance(actor=rng.choice(states), issue=rng.choice(issues),
                                              stance=rng.choice(["support", "oppose", "neutral"]), start=38,
                                              end=len(doc.text), date=month, confidence=0.7, sent=1))
                doc.claims.append(Claim(indicator="trade", value=rng.random() * 100, unit="percent", start=0, end=37,
                                        subject=rng.choice(states), sent=0))
                store.save_document(doc)
            build_s = time.perf_counter() - t0
            clusters = cluster_events([e for e in store.rows("events")])
            store.save_reconciliation([event_cluster_record(c) for c in clusters],
                                      {r["id"]: c.id for c in clusters for r in c.rows}, [], {}, [])
            t0 = time.perf_counter()
            q = parse_question("What is Kazakhstan's position on the Russian invasion of Ukraine?")
            answer = build_answer(store, q)
            ask_s = time.perf_counter() - t0
    return {"synthetic_docs": n_docs, "synthetic_build_s": round(build_s, 1), "synthetic_ask_s": round(ask_s, 3),
            "synthetic_ask_issues": len(answer["issues"])}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT / "data" / "corpus" / "kazakhstan-2022"))
    ap.add_argument("--repeat", type=int, default=3, help="process the corpus this many times")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--synthetic", type=int, default=10000, help="documents in the synthetic store for `ask` (0: skip)")
    args = ap.parse_args()

    from stancemap.answer.brief import build_answer
    from stancemap.answer.question import parse_question
    from stancemap.config import Options
    from stancemap.ingest import load
    from stancemap.nlp.embed import _CACHE as embed_cache
    from stancemap.nlp.parse import load_spacy
    from stancemap.pipeline import Pipeline
    from stancemap.store import open_store

    t0 = time.perf_counter()
    options = Options(progress=False)
    pipeline = Pipeline(options)  # loads models once, outside the timed loop
    load_s = time.perf_counter() - t0
    # Warm up every stage on a short text so that lazy model loads are not billed to the first article.
    warm = next(load([args.corpus], options)).doc
    assert warm is not None
    warm.text = warm.text[:2000]
    pipeline(warm)
    pipeline.timings.clear()

    t0 = time.perf_counter()
    docs = [item.doc for _ in range(args.repeat) for item in load([args.corpus], options) if item.doc]
    read_s = time.perf_counter() - t0
    words = sum(d.words for d in docs)

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        with open_store(db) as store:
            t0 = time.perf_counter()
            store_s = 0.0
            for i, doc in enumerate(docs):
                doc.id = f"{doc.id}-{i}"
                doc.content_hash = f"{doc.content_hash}-{i}"
                embed_cache.clear()  # repeated texts must cost what new ones do
                pipeline(doc)
                t1 = time.perf_counter()
                store.save_document(doc)
                store_s += time.perf_counter() - t1
                doc.parsed = None
            pipe_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            answer = build_answer(store, parse_question(QUESTION))
            ask_s = time.perf_counter() - t0

    nlp = load_spacy(options.spacy_model)
    texts = [d.text for d in docs]
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=8):
        pass
    bare_s = time.perf_counter() - t0

    synth = synthetic_ask(args.synthetic) if args.synthetic else {}

    stages = dict(pipeline.timings)
    parse_s = stages.get("parse", 0.0)
    result = {
        "articles": len(docs), "words": words, "model_load_s": round(load_s, 2), "read_clean_s": round(read_s, 2),
        "pipeline_s": round(pipe_s, 2), "bare_parse_s": round(bare_s, 2),
        "articles_per_s": round(len(docs) / pipe_s, 2), "words_per_s": round(words / pipe_s),
        "bare_words_per_s": round(words / bare_s), "ratio_pipeline_to_bare_parse": round(pipe_s / bare_s, 2),
        "stages_s": {k: round(v, 3) for k, v in stages.items()} | {"store": round(store_s, 3)},
        "stage_share_of_parse": {k: round(v / parse_s, 3) for k, v in stages.items() if k != "parse" and parse_s},
        "ask_s": round(ask_s, 3), "ask_issues": len(answer["issues"]), **synth, "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    if args.json:
        print(json.dumps(result))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"stancemap bench: {len(docs)} articles, {words} words")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for k, v in result.items():
        if isinstance(v, dict):
            for k2, v2 in v.items():
                table.add_row(f"{k}.{k2}", str(v2))
        else:
            table.add_row(k, str(v))
    Console(file=sys.stdout).print(table)


if __name__ == "__main__":
    main()
