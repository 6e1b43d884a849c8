"""Scoring follows the export-schema matching rules, and agrees with ../shared/tools/score.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from stancemap.evaluate.score import claim_fields_agree, date_agrees, evidence_overlaps, match, score_all
from tests.conftest import SHARED


def test_evidence_overlap_rules() -> None:
    assert evidence_overlaps("Peru denied it", "Chile accused Peru. PERU   denied it.")
    assert evidence_overlaps("“quoted” words", '"quoted" words here')
    assert evidence_overlaps("a b c d e", "c d e a x")  # 60% of gold tokens present
    assert not evidence_overlaps("a b c d e", "a b x y z")
    assert not evidence_overlaps("", "anything")


def test_dates_and_claims() -> None:
    assert date_agrees("2022-03", "2022-03-11") and date_agrees(None, None)
    assert not date_agrees("2022-03-11", "2022-03")
    assert claim_fields_agree({"value": 24.2e9, "unit": "USD"}, {"value": 24.3e9 * 0.9975, "unit": "usd"})
    assert not claim_fields_agree({"value": 100, "unit": "USD"}, {"value": 101, "unit": "USD"})


def test_matching_is_one_to_one() -> None:
    gold = [{"doc": "d", "quote": "x y", "type": "ACCUSE", "source": "A", "target": "B", "negated": False}] * 2
    system = [{"doc": "d", "evidence": "x y z", "type": "ACCUSE", "source": "A", "target": "B", "negated": False}]
    from stancemap.evaluate.score import event_fields_agree

    res = match(gold, system, event_fields_agree)
    assert res.matched == 1 and res.recall == 0.5 and res.precision == 1.0


def test_same_numbers_as_the_shared_scorer(corpus_db: Path, gold_dir: Path, tmp_path: Path) -> None:
    scorer = SHARED / "tools" / "score.py"
    if not scorer.exists():
        pytest.skip("../shared/tools/score.py not present")
    out = subprocess.run([sys.executable, "-m", "stancemap", "--db", str(corpus_db), "export"],
                         capture_output=True, text=True, check=True).stdout
    export = tmp_path / "export.jsonl"
    export.write_text(out, encoding="utf-8")
    theirs = json.loads(subprocess.run([sys.executable, str(scorer), str(gold_dir), str(export), "--json"],
                                       capture_output=True, text=True, check=True).stdout)
    ours = score_all(gold_dir, [json.loads(x) for x in out.splitlines()])
    for kind in ("event", "stance", "claim"):
        assert ours[kind].matched == theirs[kind]["matched"], kind
        assert round(ours[kind].f1, 3) == theirs[kind]["f1"], kind
