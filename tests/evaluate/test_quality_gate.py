"""Quality gate: F1 floors on the five-article seed gold and on dev-world's dev split. Floors may only rise.

The seed floors are the bar issue 15 sets for it (0.65 on stances and events): the five articles are where the
rules were first grown, so a change may trade a little of them for text never seen. dev-world's dev split
holds the floors that matter for generalising; its test split is only ever reported, never gated."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from stancemap.evaluate.extra import actor_accuracy
from stancemap.evaluate.run import evaluate
from stancemap.store import open_store

FLOORS = {"event": 0.70, "stance": 0.65, "claim": 0.95}
ACTOR_FLOOR = 0.90
ACTOR_IN_RECORDS_FLOOR = 0.95
CONTRADICTIONS_FOUND = 4  # gold contradictions flagged with both sides confident; may only rise


def test_scores_on_the_gold_do_not_regress(corpus_db: Path, gold_dir: Path) -> None:
    with open_store(str(corpus_db)) as store:
        rep = evaluate(store, gold_dir)
        actors = actor_accuracy(store, gold_dir)
    print({k: rep[k]["f1"] for k in FLOORS}, actors)
    for kind, floor in FLOORS.items():
        assert rep[kind]["f1"] >= floor, (kind, rep[kind])
    assert rep["event"]["date_accuracy"] >= 0.85
    assert actors["resolved"] >= ACTOR_FLOOR
    assert actors["resolved_incl_records"] >= ACTOR_IN_RECORDS_FLOOR
    assert rep["contradictions"]["found"] >= CONTRADICTIONS_FOUND, rep["contradictions"]


def test_eval_on_a_fresh_database_ingests_the_gold_documents(gold_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "fresh.db"
    base = [sys.executable, "-m", "stancemap", "--db", str(db), "eval", str(gold_dir)]
    res = subprocess.run([*base, "--no-ingest", "--peer", str(tmp_path / "none.json")], capture_output=True,
                         text=True, timeout=300)
    assert res.returncode == 0 and "not in the store" in res.stdout
    res = subprocess.run([*base, "--peer", str(tmp_path / "none.json")], capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    assert "ingesting 5 gold document(s)" in res.stderr
    claim_line = next(line for line in res.stdout.splitlines() if line.startswith("claim:"))
    assert "F1=0.0 " not in claim_line


DEV_FLOORS = {"event": 0.55, "stance": 0.70, "claim": 0.90, "stance_rollcall": 0.90}


def test_dev_world_dev_split_does_not_regress(tmp_path: Path) -> None:
    import pytest

    from tests.conftest import SHARED

    gold = SHARED / "gold" / "dev-world"
    if not (gold / "events.jsonl").exists():
        pytest.skip(f"dev-world gold not found at {gold}")
    db = tmp_path / "dev.db"
    res = subprocess.run([sys.executable, "-m", "stancemap", "--db", str(db), "-q", "--issues",
                          str(gold / "extra-issues.yaml"), "eval", str(gold), "--split", "dev", "--json"],
                         capture_output=True, text=True, timeout=1200)
    assert res.returncode == 0, res.stderr[-2000:]
    import json

    rep = json.loads(res.stdout)
    print({k: rep[k]["f1"] for k in DEV_FLOORS})
    for kind, floor in DEV_FLOORS.items():
        assert rep[kind]["f1"] >= floor, (kind, rep[kind])
