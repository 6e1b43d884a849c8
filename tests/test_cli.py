"""Every verb has real --help; errors are one clean line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

VERBS = ["ingest", "export", "eval", "ask", "stats"]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "stancemap", *args], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("verb", VERBS)
def test_help(verb: str) -> None:
    res = cli(verb, "--help")
    assert res.returncode == 0
    assert "Usage:" in res.stdout and len(res.stdout.splitlines()) > 4


def test_unknown_export_format_is_one_line(tmp_path: Path) -> None:
    res = cli("--db", str(tmp_path / "x.db"), "export", "--format", "xml")
    assert res.returncode == 1
    assert res.stderr.strip() == "error: unknown format 'xml'; choose jsonl or csv"


def test_ask_json_shape(corpus_db: Path) -> None:
    import json

    from tests.conftest import QUESTION

    res = cli("--db", str(corpus_db), "ask", QUESTION, "--format", "json")
    assert res.returncode == 0, res.stderr
    ans = json.loads(res.stdout)
    assert ans["question"] == QUESTION and ans["actor"] == "KAZ"
    assert isinstance(ans["summary"], str) and ans["summary"]
    assert isinstance(ans["issues"], list) and isinstance(ans["contradictions"], list)
    for item in ans["issues"]:
        assert item["position"] in ("support", "oppose", "neutral", "mixed", "unknown")
        assert 0.0 <= item["confidence"] <= 1.0
        for e in item["evidence"]:
            assert {"doc", "evidence", "stance", "date"} <= set(e)
