"""The scale options of the command line: `--ray` with or without an address, `reextract`, and the summary
line of `ingest` with its rates."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from stancemap.cli import _ray_default


@pytest.mark.parametrize(("argv", "expected"), [
    (["ingest", "--ray", "news/"], ["ingest", "--ray", "local", "news/"]),
    (["ingest", "news/", "--ray"], ["ingest", "news/", "--ray", "local"]),
    (["ingest", "--ray", "--workers", "4", "news/"], ["ingest", "--ray", "local", "--workers", "4", "news/"]),
    (["ingest", "--ray", "auto", "news/"], ["ingest", "--ray", "auto", "news/"]),
    (["ingest", "--ray", "ray://head:10001", "news/"], ["ingest", "--ray", "ray://head:10001", "news/"]),
    (["ingest", "--ray", "10.0.0.5:6379", "x"], ["ingest", "--ray", "10.0.0.5:6379", "x"]),
    (["ingest", "news/"], ["ingest", "news/"]),
])
def test_ray_without_an_address_means_a_local_instance(argv: list[str], expected: list[str]) -> None:
    assert _ray_default(argv) == expected


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "stancemap", *args], capture_output=True, text=True, timeout=300)


def test_reextract_help_and_an_unknown_status(tmp_path: Path) -> None:
    res = cli("reextract", "--help")
    assert res.returncode == 0 and "irrelevant" in res.stdout
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Shares of a paper mill rose 3 percent on Monday after results.",
                                           encoding="utf-8")
    db = str(tmp_path / "t.db")
    res = cli("--db", db, "ingest", str(tmp_path / "in"))
    assert res.returncode == 0, res.stderr
    summary = res.stderr.strip().splitlines()[0]
    assert summary.startswith(f"ingested into {db}: 1 new") and "1 irrelevant" in summary and "words/s" in summary
    res = cli("--db", db, "stats")
    assert "1 document(s) judged irrelevant" in res.stdout
    res = cli("--db", db, "reextract", "bogus")
    assert res.returncode == 1 and res.stderr.startswith("error: unknown status(es) bogus")
