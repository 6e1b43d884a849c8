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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT / "data" / "corpus" / "kazakhstan-2022"))
    ap.add_argument("--repeat", type=int, default=3, help="process the corpus this many times")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    from stancemap.answer.brief import build_answer
    from stancemap.answer.question import parse_question
    from stancemap.config import Options
    from stancemap.ingest import load
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

    stages = dict(pipeline.timings)
    parse_s = stages.get("parse", 0.0)
    result = {
        "articles": len(docs), "words": words, "model_load_s": round(load_s, 2), "read_clean_s": round(read_s, 2),
        "pipeline_s": round(pipe_s, 2), "bare_parse_s": round(bare_s, 2),
        "articles_per_s": round(len(docs) / pipe_s, 2), "words_per_s": round(words / pipe_s),
        "bare_words_per_s": round(words / bare_s), "ratio_pipeline_to_bare_parse": round(pipe_s / bare_s, 2),
        "stages_s": {k: round(v, 3) for k, v in stages.items()} | {"store": round(store_s, 3)},
        "stage_share_of_parse": {k: round(v / parse_s, 3) for k, v in stages.items() if k != "parse" and parse_s},
        "ask_s": round(ask_s, 3), "ask_issues": len(answer["issues"]), "peak_rss_mb": round(peak_rss_mb(), 1),
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
