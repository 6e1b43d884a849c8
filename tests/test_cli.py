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


@pytest.mark.parametrize("verb", [["ask", "What is Kazakhstan's position on the war?"], ["report", "Kazakhstan"],
                                  ["export"], ["dyads", "KAZ"], ["stats"], ["reconcile"]])
def test_read_verbs_refuse_a_missing_database(tmp_path: Path, verb: list[str]) -> None:
    db = tmp_path / "typo.db"
    res = cli("--db", str(db), *verb)
    assert res.returncode == 1
    assert res.stderr.strip() == f"error: no database at {db} (only `stancemap ingest` creates one; check --db)"
    assert not db.exists()


def test_ask_about_an_actor_without_evidence_says_so_and_fails(corpus_db: Path) -> None:
    res = cli("--db", str(corpus_db), "ask", "What is France's position on the invasion of Ukraine?")
    assert res.returncode == 1
    assert "No stored evidence on France" in res.stdout


def test_ask_about_an_issue_without_evidence_says_so_and_fails(corpus_db: Path) -> None:
    res = cli("--db", str(corpus_db), "ask", "What is Kazakhstan's position on whaling?")
    assert res.returncode == 1 and "whaling" in res.stdout


def test_report_without_evidence_writes_nothing(corpus_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "france.html"
    res = cli("--db", str(corpus_db), "report", "France", "--out", str(out))
    assert res.returncode == 1 and "No stored evidence on France" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1 and not out.exists()


def test_report_refuses_formats_it_does_not_write(corpus_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    res = cli("--db", str(corpus_db), "report", "Kazakhstan", "--out", str(out))
    assert res.returncode == 1 and "cannot write a .pdf" in res.stderr and not out.exists()


def test_stats_and_export_show_documents_stored_without_records(tmp_path: Path) -> None:
    import json

    from stancemap.model import Document
    from stancemap.store import open_store

    db = tmp_path / "s.db"
    with open_store(str(db)) as store:
        store.save_document(Document(id="late", text="A text that took too long.", content_hash="h1",
                                     extraction="timeout", extraction_note="extraction took longer than 60 s"))
    res = cli("--db", str(db), "stats")
    assert res.returncode == 0 and "late: timeout (extraction took longer than 60 s)" in res.stdout
    rows = [json.loads(x) for x in cli("--db", str(db), "export").stdout.splitlines()]
    assert rows == [{**rows[0], "kind": "document", "doc": "late", "extraction": "timeout"}]


def test_ask_and_report_say_what_they_could_not_read(tmp_path: Path) -> None:
    from stancemap.model import Document, Event, Sentence
    from stancemap.store import open_store

    db = tmp_path / "u.db"
    text = "Chile condemned the invasion of Ukraine on Monday."
    read = Document(id="read", text=text, content_hash="h1", published="2022-03-01")
    read.sentences = [Sentence(0, 0, len(text))]
    read.events = [Event(source="CHL", type="ACCUSE", target="RUS", start=0, end=len(text), sent=0,
                         rule="curated:condemn", confidence=0.9)]
    with open_store(str(db)) as store:
        store.save_document(read)
        store.save_document(Document(id="unread", text="Чили осудила вторжение.", content_hash="h2", lang="ru",
                                     extraction="language", extraction_note="written in 'ru'"))
    res = cli("--db", str(db), "ask", "What is Chile's position on the invasion of Ukraine?")
    assert "Not read: 1 stored document had nothing extracted: unread (in a language the models cannot read)" \
        in res.stdout
    out = tmp_path / "chile.md"
    cli("--db", str(db), "report", "Chile", "--out", str(out))
    assert "Not read: 1 stored document" in out.read_text(encoding="utf-8")
