"""The official record in the store: votes with provenance, the document that renders them, positions."""

from __future__ import annotations

import csv
from pathlib import Path

from stancemap.analysis.positions import aggregate
from stancemap.store import open_store
from stancemap.store.base import Store
from stancemap.store.export import records
from stancemap.votes.official import load_mapping, read_file
from stancemap.votes.record import import_file

FIXTURES = Path(__file__).parent / "fixtures"
GA, SC = FIXTURES / "undl_ga_votes.csv", FIXTURES / "undl_sc_votes.csv"


def _import_both(store: Store) -> None:
    import_file(store, read_file(GA))
    import_file(store, read_file(SC))


def _check_store(s: Store) -> None:
    assert s.count("resolutions") == 8 and s.count("official_votes") == 60 + 45
    (kaz,) = s.rows("official_votes", "state = ? AND res_key = ?", ("KAZ", "ES-11/3"))
    assert (kaz["vote"], kaz["symbol"], kaz["source"], kaz["date"]) == ("N", "A/RES/ES-11/3", "undl_ga_votes.csv",
                                                                        "2022-04-07")
    # the stored line is the file's line, and the rendered document quotes the vote verbatim at its offsets
    assert "KAZAKHSTAN,N,2022-04-07" in GA.read_text(encoding="utf-8").splitlines()[kaz["line"] - 1]
    doc = next(s.documents([kaz["doc"]]))
    assert doc.text[kaz["start_char"]:kaz["end_char"]] == kaz["evidence"]
    assert kaz["evidence"].startswith("Kazakhstan (KAZ) voted against A/RES/ES-11/3")
    assert f"[undl_ga_votes.csv line {kaz['line']}]" in kaz["evidence"]
    # the vote is a position on the resolution's issue, quoting that line
    st = [r for r in s.rows("stances", "actor = ? AND doc = ?", ("KAZ", kaz["doc"])) if r["rule"] == "official:N:ES-11/3"]
    assert [(r["issue"], r["stance"], r["evidence"]) for r in st] == [("un-condemnation-of-russia", "oppose",
                                                                      kaz["evidence"])]
    # a vote for a text condemning the war is also a position on the war; voting against it is not
    subj = s.rows("stances", "actor = ? AND rule = ?", ("SRB", "official:Y:ES-11/1:subject"))
    assert [(r["issue"], r["stance"]) for r in subj] == [("invasion-of-ukraine", "oppose")]
    assert not s.rows("stances", "actor = ? AND rule = ?", ("BLR", "official:N:ES-11/1:subject"))
    res = s.rows("resolutions", "res_key = ?", ("S/2022/720",))[0]
    assert (res["body"], res["total_yes"], res["total_abstain"], res["total_members"]) == ("UNSC", 10, 4, 15)
    assert res["issues"] and "un-condemnation-of-russia" in res["issues"]


def test_import_stores_votes_with_provenance_and_evidence(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "v.db")) as s:
        _import_both(s)
        _check_store(s)


def test_round_trip_on_postgres(fresh_postgres: str) -> None:
    with open_store(fresh_postgres) as s:
        _import_both(s)
        _check_store(s)


def test_reimport_replaces_and_a_newer_file_takes_over_its_resolutions(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "v.db")) as s:
        import_file(s, read_file(GA))
        import_file(s, read_file(GA))
        assert s.count("official_votes") == 60
        assert len(s.rows("documents", "id LIKE ?", ("official-%",))) == 1
        # a second file holding ES-11/1 again (a corrected export): the latest import is the record
        rows = list(csv.DictReader(GA.open(encoding="utf-8")))
        fixed = tmp_path / "es11-1.csv"
        with fixed.open("w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(r for r in rows if r["resolution"] == "A/RES/ES-11/1")
        import_file(s, read_file(fixed))
        assert s.count("official_votes") == 60
        assert {r["source"] for r in s.rows("official_votes", "res_key = ?", ("ES-11/1",))} == {"es11-1.csv"}
        assert {r["doc"] for r in s.rows("stances", "rule LIKE ?", ("official:%:ES-11/1",))} == {"official-es11-1"}


def test_a_resolution_bearing_on_no_issue_is_stored_but_takes_no_position(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "v.db")) as s:
        rep = import_file(s, read_file(FIXTURES / "hrc_votes.csv", load_mapping(FIXTURES / "hrc_mapping.yaml")))
        assert rep.unmapped == ["A/HRC/RES/49/1"] and rep.mapped == []
        assert s.count("official_votes") == 8 and s.count("stances") == 0
        assert not s.rows("documents")
        # the user's resolutions file maps it to an issue: it becomes positions
        extra = tmp_path / "res.yaml"
        extra.write_text("resolutions:\n  - symbol: A/HRC/RES/49/1\n    body: HRC\n    date: 2022-03-04\n"
                         "    condemns: RUS\n    issues: [un-condemnation-of-russia]\n", encoding="utf-8")
        rep = import_file(s, read_file(FIXTURES / "hrc_votes.csv", load_mapping(FIXTURES / "hrc_mapping.yaml")),
                          (str(extra),))
        assert rep.mapped == ["A/HRC/RES/49/1"]
        (st,) = s.rows("stances", "actor = ?", ("CHN",))
        assert st["stance"] == "oppose" and "Human Rights Council, 4 March 2022" in st["evidence"]


def test_the_record_anchors_the_position_and_text_votes_are_checked_against_it() -> None:
    official = [{"doc": "official-x", "stance": "neutral", "confidence": 1.0, "date": "2022-03-02",
                 "rule": "official:A:ES-11/1"},
                {"doc": "official-x", "stance": "neutral", "confidence": 1.0, "date": "2022-10-12",
                 "rule": "official:A:ES-11/4"}]
    texts = [{"doc": f"t{i}", "stance": "oppose", "confidence": 0.9, "date": "2022-03-02", "rule": "vote:N:ES-11/1"}
             for i in range(4)]
    pos = aggregate("KAZ", "un-condemnation-of-russia", official + texts)
    assert pos.position == "neutral"  # four texts misreporting one vote do not outvote the roll call
    assert len(pos.checked) == 4 and len(pos.record) == 2 and pos.evidence[0]["rule"].startswith("official:")
    assert aggregate("KAZ", "un-condemnation-of-russia", texts).position == "oppose"  # without the record
    # a text vote on a resolution the record does not hold still counts
    other = {"doc": "t9", "stance": "oppose", "confidence": 0.9, "date": "2022-11-14", "rule": "vote:N:ES-11/5"}
    assert aggregate("KAZ", "un-condemnation-of-russia", [*official, other]).checked == []


def test_export_has_the_official_kinds(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "v.db")) as s:
        _import_both(s)
        votes = list(records(s, ("official_vote",)))
        res = list(records(s, ("resolution",)))
    assert len(votes) == 105 and len(res) == 8
    gha = next(v for v in votes if v["state"] == "GHA" and v["resolution"] == "S/2022/720")
    assert gha["vote"] == "Y" and gha["provenance"] == "official" and gha["file"] == "undl_sc_votes.csv"
    assert gha["doc"] == "official-undl_sc_votes" and gha["evidence"].startswith("Ghana (GHA) voted in favour")
    es1 = next(r for r in res if r["symbol"] == "A/RES/ES-11/1")
    assert es1["totals"]["non_voting"] == 12 and es1["date"] == "2022-03-02"
