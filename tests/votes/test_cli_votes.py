"""`stancemap votes import|list`: real --help, one-line errors, and ask answering from the record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli import cli

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("verb", [["votes"], ["votes", "import"], ["votes", "list"]])
def test_help(verb: list[str]) -> None:
    res = cli(*verb, "--help")
    assert res.returncode == 0 and "Usage:" in res.stdout and len(res.stdout.splitlines()) > 4


def test_a_file_without_a_vote_column_is_one_line(tmp_path: Path) -> None:
    f = tmp_path / "votes.csv"
    f.write_text("ms_code,resolution,date\nKAZ,A/RES/ES-11/1,2022-03-02\n", encoding="utf-8")
    res = cli("--db", str(tmp_path / "x.db"), "votes", "import", str(f))
    assert res.returncode == 1
    assert res.stderr.strip().startswith("error: votes.csv: no column for the member state's vote (ms_vote, vote")
    assert len(res.stderr.strip().splitlines()) == 1


def test_import_list_and_ask(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    res = cli("--db", db, "votes", "import", str(FIXTURES / "undl_ga_votes.csv"), str(FIXTURES / "undl_sc_votes.csv"))
    assert res.returncode == 0, res.stderr
    assert "imported undl_ga_votes.csv: 60 votes on 5 resolutions" in res.stderr
    assert "checked the stored texts against the record: 0 disagreements" in res.stderr
    listed = cli("--db", db, "votes", "list", "Kazakhstan")
    assert listed.returncode == 0
    assert [line.split()[:3] for line in listed.stdout.splitlines()][:2] == [
        ["2014-03-27", "A/RES/68/262", "abstained"], ["2022-03-02", "A/RES/ES-11/1", "abstained"]]
    assert "S/2022/720" in cli("--db", db, "votes", "list").stdout
    ans = cli("--db", db, "ask", "How did Kazakhstan vote on UN resolutions on Ukraine?", "--format", "json")
    assert ans.returncode == 0, ans.stderr
    data = json.loads(ans.stdout)
    assert [(r["symbol"], r["vote"]) for r in data["official_votes"]["resolutions"]] == [
        ("A/RES/68/262", "abstained"), ("A/RES/ES-11/1", "abstained"), ("A/RES/ES-11/3", "against"),
        ("A/RES/ES-11/4", "abstained"), ("A/RES/ES-11/6", "abstained")]
    assert data["summary"].startswith("How Kazakhstan voted, from the official roll calls (5 resolutions):")
    un = next(i for i in data["issues"] if i["issue"] == "un-condemnation-of-russia")
    assert un["position"] == "neutral" and un["evidence"][0]["doc"] == "official-undl_ga_votes"
    exported = cli("--db", db, "export", "--kinds", "official_vote")
    assert exported.returncode == 0 and len(exported.stdout.splitlines()) == 105
