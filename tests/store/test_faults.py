"""Faults during ingest: a killed process, two writers at once, a database server that goes away.

Whatever happens, a document is stored whole or not at all, what was committed stays, and the next ingest
does the rest."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.store.conftest import PgServer

STATES = ["Mongolia", "Georgia", "Armenia", "Moldova", "Serbia", "Turkey", "India", "Brazil", "Kenya", "Chile"]
ACTS = ["signed a trade agreement with", "criticised", "held talks with", "called on", "praised",
        "accused", "sent humanitarian aid to", "rejected the demands of"]


def newsy(i: int, sentences: int = 25) -> str:
    """A plausible news text, different for each ``i`` (written for these tests)."""
    lines = [f"Report {i}: relations in the region, day {i}."]
    for k in range(sentences):
        a, b = STATES[(i + k) % len(STATES)], STATES[(i * 3 + k + 1) % len(STATES)]
        lines.append(f"On {k % 28 + 1} March {2020 + i % 5}, {a}'s foreign minister {ACTS[(i + k) % len(ACTS)]} "
                     f"{b}, officials said in a statement number {i * 100 + k}.")
    return " ".join(lines)


def write_corpus(folder: Path, n: int, start: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        (folder / f"doc{i:02d}.txt").write_text(newsy(i), encoding="utf-8")
    return folder


def ingest_cmd(db: str, *paths: Path) -> list[str]:
    return [sys.executable, "-m", "stancemap", "--db", db, "-q", "ingest", *map(str, paths)]


def sqlite_docs(db: Path) -> int:
    try:
        with sqlite3.connect(db) as con:
            return int(con.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


def assert_whole(con: sqlite3.Connection) -> None:
    """Every stored document has its sentences and no record points at a missing document."""
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    no_sents = con.execute("SELECT COUNT(*) FROM documents d WHERE extraction = 'ok' AND NOT EXISTS "
                           "(SELECT 1 FROM sentences s WHERE s.doc = d.id)").fetchone()[0]
    assert no_sents == 0
    for table in ("sentences", "mentions", "events", "stances", "claims"):
        orphans = con.execute(f"SELECT COUNT(*) FROM {table} WHERE doc NOT IN (SELECT id FROM documents)")
        assert orphans.fetchone()[0] == 0, table


@pytest.mark.slow
def test_kill_9_mid_ingest_then_resume(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in", 10)
    db = tmp_path / "k.db"
    proc = subprocess.Popen(ingest_cmd(str(db), corpus), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while sqlite_docs(db) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    kept = sqlite_docs(db)
    assert 2 <= kept < 10, "the kill should land in the middle of the run"
    with sqlite3.connect(db) as con:
        assert_whole(con)
    res = subprocess.run(ingest_cmd(str(db), corpus), capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    assert f"{10 - kept} new, 0 updated, {kept} unchanged" in res.stderr
    with sqlite3.connect(db) as con:
        assert_whole(con)
        assert con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 10


@pytest.mark.slow
def test_two_ingests_into_one_sqlite_file_at_once(tmp_path: Path) -> None:
    a = write_corpus(tmp_path / "a", 4)
    b = write_corpus(tmp_path / "b", 4, start=3)  # doc03 is in both
    db = tmp_path / "shared.db"
    procs = [subprocess.Popen(ingest_cmd(str(db), folder), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for folder in (a, b)]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (_, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
        assert "Traceback" not in err
    with sqlite3.connect(db) as con:
        assert_whole(con)
        ids = [r[0] for r in con.execute("SELECT id FROM documents ORDER BY id")]
    assert ids == [f"doc{i:02d}" for i in range(7)]


@pytest.mark.slow
def test_postgres_stopped_mid_ingest_fails_cleanly_and_resumes(own_postgres: PgServer, tmp_path: Path) -> None:
    import psycopg

    corpus = write_corpus(tmp_path / "in", 10)

    def stored() -> int:
        try:
            with psycopg.connect(own_postgres.url, connect_timeout=2) as conn:
                return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])  # type: ignore[index]
        except psycopg.Error:
            return 0

    proc = subprocess.Popen(ingest_cmd(own_postgres.url, corpus), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    deadline = time.monotonic() + 300
    while stored() < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    own_postgres.stop()
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 1
    assert "Traceback" not in err
    lines = [ln for ln in err.splitlines() if ln.startswith("error:")]
    assert len(lines) == 1 and "database error" in lines[0], err
    own_postgres.start()
    with psycopg.connect(own_postgres.url) as conn:
        kept = int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])  # type: ignore[index]
        assert 2 <= kept < 10
        half = conn.execute("SELECT COUNT(*) FROM documents d WHERE NOT EXISTS "
                            "(SELECT 1 FROM sentences s WHERE s.doc = d.id)").fetchone()[0]  # type: ignore[index]
        assert half == 0
    res = subprocess.run(ingest_cmd(own_postgres.url, corpus), capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    assert f"{10 - kept} new, 0 updated, {kept} unchanged" in res.stderr
