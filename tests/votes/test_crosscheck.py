"""Texts checked against the official record: votes, counts and dates that disagree are contradictions of type
``official-record``; the answer to "how did X vote" comes from the record, resolution by resolution."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stancemap.answer.brief import build_answer
from stancemap.answer.question import parse_question
from stancemap.config import Options
from stancemap.reconcile.official import KIND, official_contradictions
from stancemap.runner import ingest_paths
from stancemap.store import open_store
from stancemap.store.base import Store
from stancemap.votes.official import read_file
from stancemap.votes.record import import_file

FIXTURES = Path(__file__).parent / "fixtures"

# Written for the test: a wire report that misstates Serbia's vote, the abstentions and the date.
WIRE = """UN assembly rebukes Moscow

NEW YORK, March 4 (Test Wire) - The U.N. General Assembly on 3 March adopted resolution ES-11/1 demanding that \
Russia withdraw from Ukraine, by 141 votes to five, with 36 abstentions.

Serbia voted against the resolution. Kazakhstan abstained, as did China and India.
"""
# ... and a release that gets the same vote right.
RELEASE = """Assembly demands withdrawal

The General Assembly on 2 March adopted resolution ES-11/1 by a recorded vote of 141 in favour to 5 against, \
with 35 abstentions. Serbia voted in favour. Kazakhstan and Mongolia abstained.
"""
# ... and an analysis that names no symbol, only the day of the vote, and miscounts those who did not vote.
ANALYSIS = """Four votes, one pattern

When the General Assembly voted on 2 March 2022, 141 states backed the text and five opposed it, while fourteen \
delegations did not vote.
"""
OPTIONS = dict(pipeline=["parse", "dates", "actors", "events", "votes", "claims"], progress=False)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    folder = tmp_path_factory.mktemp("texts")
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    (folder / "release.txt").write_text(RELEASE, encoding="utf-8")
    (folder / "analysis.txt").write_text(ANALYSIS, encoding="utf-8")
    db = str(folder / "x.db")
    s = open_store(db)
    files = [str(folder / f) for f in ("wire.txt", "release.txt", "analysis.txt")]
    ingest_paths(files, s, Options(db=db, **OPTIONS))  # type: ignore[arg-type]
    import_file(s, read_file(FIXTURES / "undl_ga_votes.csv"))
    import_file(s, read_file(FIXTURES / "undl_sc_votes.csv"))
    return s


def test_a_misstated_vote_is_an_official_record_contradiction_with_both_sides(store: Store) -> None:
    found = official_contradictions(store)
    votes = [c for c in found if c["about"].startswith("how ")]
    assert [(c["a_doc"], c["about"]) for c in votes] == [
        ("wire", "how Serbia (SRB) voted on A/RES/ES-11/1 (2 March 2022)")]
    (c,) = votes
    assert c["kind"] == KIND and json.loads(c["a_value"]) == "against" and json.loads(c["b_value"]) == "in favour"
    assert c["note"].startswith("text says Serbia voted against A/RES/ES-11/1; the roll call records in favour "
                                "(undl_ga_votes.csv line")
    assert c["a_evidence"] == "Serbia voted against the resolution."
    wire = next(store.documents(["wire"]))
    assert wire.text[c["a_start"]:c["a_end"]] == c["a_evidence"]
    record = next(store.documents([c["b_doc"]]))
    assert record.text[c["b_start"]:c["b_end"]] == c["b_evidence"]
    assert c["b_evidence"].startswith("Serbia (SRB) voted in favour of A/RES/ES-11/1")


def test_counts_and_dates_are_checked_and_right_ones_pass(store: Store) -> None:
    found = official_contradictions(store)
    other = sorted((c["a_doc"], c["about"], json.loads(c["a_value"]), json.loads(c["b_value"]))
                   for c in found if not c["about"].startswith("how "))
    assert other == [("analysis", "states not voting on A/RES/ES-11/1 (2 March 2022)", 14, 12),
                     ("wire", "abstentions on A/RES/ES-11/1 (2 March 2022)", 36, 35),
                     ("wire", "date of the vote on A/RES/ES-11/1", "2022-03-03", "2022-03-02")]
    assert not [c for c in found if c["a_doc"] == "release"]  # the release agrees with the record throughout


def test_reconcile_keeps_them_beside_the_other_kinds(store: Store) -> None:
    from stancemap.reconcile.run import reconcile_store

    reconcile_store(store, Options(progress=False))
    kinds = [r["kind"] for r in store.rows("contradictions")]
    assert kinds.count(KIND) == 4
    # the record's own stances are not compared text-to-text again (no polarity pair with the record document)
    assert not [r for r in store.rows("contradictions") if r["kind"] != KIND and
                (r["a_doc"].startswith("official-") or r["b_doc"].startswith("official-"))]


def test_how_did_a_state_vote_is_answered_from_the_record(store: Store) -> None:
    q = parse_question("How did Kazakhstan vote on UN resolutions on Ukraine?")
    ans = build_answer(store, q)
    votes = ans["official_votes"]
    # resolution by resolution, in date order (Kazakhstan sat on no Council vote: only its Assembly votes)
    assert [r["symbol"] for r in votes["resolutions"]] == [
        "A/RES/68/262", "A/RES/ES-11/1", "A/RES/ES-11/3", "A/RES/ES-11/4", "A/RES/ES-11/6"]
    assert [r["vote"] for r in votes["resolutions"]] == ["abstained", "abstained", "against", "abstained",
                                                         "abstained"]
    es1 = votes["resolutions"][1]
    assert es1["citation"]["doc"] == "official-undl_ga_votes" and es1["citation"]["file"] == "undl_ga_votes.csv"
    assert sorted(a["doc"] for a in es1["agree"]) == ["release", "wire"] and es1["disagree"] == []
    assert ans["status"] == "answered"
    first = ans["summary"].split("\n")
    assert first[0] == "How Kazakhstan voted, from the official roll calls (5 resolutions):"
    assert first[2].startswith("Kazakhstan abstained on A/RES/ES-11/1 (Aggression against Ukraine), General "
                               "Assembly, 2 March 2022: official record, undl_ga_votes.csv line")
    assert first[2].endswith("[official-undl_ga_votes]. Reported the same by [release][wire].")
    # a state a text misreports: the disagreeing text is named and quoted beside the record
    srb = build_answer(store, parse_question("How did Serbia vote on UN resolutions on Ukraine?"))
    line = next(x for x in srb["official_votes"]["lines"] if "A/RES/ES-11/1 " in x)
    assert "Reported the same by [release]." in line
    assert "[wire] says it voted against: “Serbia voted against the resolution.” — contradicted by the record." in line


def test_a_state_off_the_council_roll_call_is_flagged(tmp_path: Path) -> None:
    text = ("Council fails on referendums\n\nThe Security Council on Friday failed to adopt draft S/2022/720 on the "
            "referendums. China, India, Brazil and Kazakhstan abstained.\n")
    (tmp_path / "blog.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "x.db")
    with open_store(db) as s:
        ingest_paths([str(tmp_path / "blog.txt")], s, Options(db=db, **OPTIONS))  # type: ignore[arg-type]
        import_file(s, read_file(FIXTURES / "undl_sc_votes.csv"))
        found = [c for c in official_contradictions(s) if c["about"].startswith("how ")]
    assert [(c["about"], json.loads(c["b_value"])) for c in found] == [
        ("how Kazakhstan (KAZ) voted on S/2022/720 (30 September 2022)", "not on the roll call")]
    assert "it had no vote in that body" in found[0]["note"]
