"""The vote reader's output on the dev-world UN press releases and wires, checked against the fixture record.

The press releases' roll calls follow the real votes, so every state they list agrees with the record; the
texts' misstatements (a liveblog naming Ghana among the Council's abstainers on S/2022/720; "one of 143
countries" for a resolution adopted by 141) are the only disagreements. Dev-split documents only.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from stancemap.config import Options
from stancemap.reconcile.official import official_contradictions
from stancemap.runner import ingest_paths
from stancemap.store import open_store
from stancemap.store.base import Store
from stancemap.votes.official import read_file
from stancemap.votes.record import import_file, parse_vote_rule, recorded
from tests.conftest import SHARED

CORPUS = SHARED / "corpus" / "dev-world"
FIXTURES = Path(__file__).parent / "fixtures"
# UN meetings coverage with roll calls, wires and analyses that report the same votes
DOCS = ["304", "308", "401", "501", "502", "504", "506", "508", "509", "512", "513", "604"]

pytestmark = [pytest.mark.gold, pytest.mark.slow]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    if not (CORPUS / "SOURCES.csv").exists():
        pytest.skip(f"dev-world corpus not found at {CORPUS}")
    split = {r["file"].split("_")[0]: r["split"] for r in csv.DictReader((CORPUS / "SOURCES.csv").open(encoding="utf-8"))}
    assert all(split[d] == "dev" for d in DOCS)  # never the test split
    files = [str(next(CORPUS.glob(f"{d}_*.txt"))) for d in DOCS]
    db = str(tmp_path_factory.mktemp("devworld") / "x.db")
    s = open_store(db)
    ingest_paths(files, s, Options(db=db, progress=False, issues_file=str(SHARED / "gold" / "dev-world" /
                                                                          "extra-issues.yaml"),
                                   pipeline=["parse", "dates", "actors", "events", "votes", "claims"]))
    import_file(s, read_file(FIXTURES / "undl_ga_votes.csv"))
    import_file(s, read_file(FIXTURES / "undl_sc_votes.csv"))
    return s


def test_roll_calls_in_the_press_releases_agree_with_the_record(store: Store) -> None:
    checked = 0
    for e in store.rows("events", "rule LIKE ?", ("rollcall:%",)):
        value, key = parse_vote_rule(e["rule"]) or ("", None)
        rec = recorded(store, key) if key else None
        if rec is None or e["source"] not in rec.votes:
            continue
        assert rec.votes[e["source"]]["vote"] == value, (e["doc"], e["source"], key)
        checked += 1
    assert checked >= 60  # the twelve states on four Assembly votes, the fifteen members on the Council's


def test_the_planted_misstatements_are_the_disagreements(store: Store) -> None:
    found = official_contradictions(store)
    got = sorted((c["a_doc"].split("_")[0], c["about"], json.loads(c["a_value"]), json.loads(c["b_value"]))
                 for c in found)
    assert got == [
        ("304", "votes in favour on A/RES/ES-11/1 (2 March 2022)", 143, 141),
        ("508", "how Ghana (GHA) voted on S/2022/720 (30 September 2022)", "abstained", "in favour"),
    ]
    ghana = next(c for c in found if "Ghana" in c["about"])
    assert ghana["a_evidence"] == "China, India, Brazil and Ghana abstained."
    assert ghana["b_evidence"].startswith("Ghana (GHA) voted in favour of S/2022/720")
