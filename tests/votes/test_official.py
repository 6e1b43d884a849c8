"""Reading official voting files: the UN Digital Library's layouts, their variants, other bodies by mapping."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from stancemap.errors import DataError
from stancemap.votes.official import load_mapping, read_file

FIXTURES = Path(__file__).parent / "fixtures"


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def test_general_assembly_file_reads_every_vote_with_its_line() -> None:
    f = read_file(FIXTURES / "undl_ga_votes.csv")
    assert sorted(f.resolutions) == ["68/262", "ES-11/1", "ES-11/3", "ES-11/4", "ES-11/6"]
    es1 = f.resolutions["ES-11/1"]
    assert (es1.symbol, es1.body, es1.date, es1.draft, es1.meeting) == (
        "A/RES/ES-11/1", "UNGA", "2022-03-02", "A/ES-11/L.1", "A/ES-11/PV.5")
    assert es1.totals == {"yes": 141, "no": 5, "abstain": 35, "non_voting": 12, "members": 193}
    kaz = next(v for v in f.votes if v.key == "ES-11/1" and v.state == "KAZ")
    assert kaz.vote == "A" and kaz.name == "KAZAKHSTAN"
    # the line is the file's own: the header is line 1
    lines = (FIXTURES / "undl_ga_votes.csv").read_text(encoding="utf-8").splitlines()
    assert "KAZAKHSTAN" in lines[kaz.line - 1] and "A/RES/ES-11/1" in lines[kaz.line - 1]
    uzb = next(v for v in f.votes if v.key == "ES-11/1" and v.state == "UZB")
    assert uzb.vote == "X"  # blank: did not vote


def test_security_council_layout_and_failed_drafts_by_their_draft_symbol() -> None:
    f = read_file(FIXTURES / "undl_sc_votes.csv")
    assert set(f.resolutions) == {"S/2022/155", "S/2022/720", "S/RES/2623"}
    draft = f.resolutions["S/2022/720"]
    assert draft.body == "UNSC" and draft.title.startswith("Draft resolution")  # 'description' is the title
    votes = {v.state: v.vote for v in f.votes if v.key == "S/2022/720"}
    assert len(votes) == 15 and votes["RUS"] == "N" and votes["GHA"] == "Y"
    assert sorted(s for s, v in votes.items() if v == "A") == ["BRA", "CHN", "GAB", "IND"]


def test_a_missing_column_is_one_line_naming_it(tmp_path: Path) -> None:
    f = _write(tmp_path / "votes.csv", ["ms_code", "ms_name", "resolution", "date"],
               [["KAZ", "KAZAKHSTAN", "A/RES/ES-11/1", "2022-03-02"]])
    with pytest.raises(DataError) as err:
        read_file(f)
    msg = str(err.value)
    assert "\n" not in msg and msg.startswith("votes.csv: no column for the member state's vote (ms_vote")
    assert "the file has: ms_code, ms_name, resolution, date" in msg
    g = _write(tmp_path / "nodate.csv", ["ms_code", "ms_vote", "resolution"], [["KAZ", "A", "A/RES/ES-11/1"]])
    with pytest.raises(DataError, match=r"no column for the date of the vote \(date"):
        read_file(g)


def test_documented_variants_of_the_column_names(tmp_path: Path) -> None:
    f = _write(tmp_path / "older.csv",
               ["Country Code", "Country Name", "Vote", "Resolution Symbol", "Vote Date", "Description", "Yes",
                "No", "Abstentions"],
               [["SRB", "SERBIA", "Yes", "A/RES/ES-11/1", "2022-03-02", "Aggression against Ukraine", "141", "5",
                 "35"],
                ["", "Iran (Islamic Republic of)", "ABSTAIN", "A/RES/ES-11/1", "20220302", "", "141", "5", "35"]])
    got = read_file(f)
    assert [(v.state, v.vote) for v in got.votes] == [("SRB", "Y"), ("IRN", "A")]  # a name without a code
    res = got.resolutions["ES-11/1"]
    assert res.title == "Aggression against Ukraine" and res.totals == {"yes": 141, "no": 5, "abstain": 35}


def test_bad_values_name_the_line(tmp_path: Path) -> None:
    f = _write(tmp_path / "v.csv", ["ms_code", "ms_vote", "resolution", "date"],
               [["KAZ", "A", "A/RES/ES-11/1", "2022-03-02"], ["SRB", "maybe", "A/RES/ES-11/1", "2022-03-02"]])
    with pytest.raises(DataError, match=r"^v.csv, line 3: vote 'maybe' is not Y, N, A, X or blank"):
        read_file(f)
    g = _write(tmp_path / "d.csv", ["ms_code", "ms_vote", "resolution", "date"],
               [["KAZ", "A", "A/RES/ES-11/1", "2 March"]])
    with pytest.raises(DataError, match=r"d.csv, line 2: date '2 March' is not YYYY-MM-DD"):
        read_file(g)
    h = _write(tmp_path / "two.csv", ["ms_code", "ms_vote", "resolution", "date"],
               [["KAZ", "A", "A/RES/ES-11/1", "2022-03-02"], ["SRB", "Y", "A/RES/ES-11/1", "2022-03-03"]])
    with pytest.raises(DataError, match="line 3: A/RES/ES-11/1 is dated 2022-03-03 here but 2022-03-02 on line 2"):
        read_file(h)


def test_the_wide_layout_is_refused_with_the_reason(tmp_path: Path) -> None:
    states = ["AFG", "ALB", "DZA", "AND", "AGO", "ARG", "ARM", "AUS", "AUT", "AZE", "BHS", "BHR", "BGD", "BRB",
              "BLR", "BEL", "BLZ", "BEN", "BTN", "BOL", "BIH"]
    f = _write(tmp_path / "wide.csv", ["resolution", "date", *states], [["A/RES/1/1", "1946-01-01", *"Y" * 21]])
    with pytest.raises(DataError, match="one column per state"):
        read_file(f)


def test_another_body_through_a_mapping_file() -> None:
    mapping = load_mapping(FIXTURES / "hrc_mapping.yaml")
    assert mapping.body == "HRC" and mapping.votes["yes"] == "Y"  # a bare Yes in YAML is still the word
    f = read_file(FIXTURES / "hrc_votes.csv", mapping)
    res = f.resolutions["A/HRC/RES/49/1"]
    assert res.body == "HRC" and res.date == "2022-03-04"
    assert {v.state: v.vote for v in f.votes} == {"CHN": "N", "ERI": "N", "FRA": "Y", "IND": "A", "KAZ": "A",
                                                 "GBR": "Y", "USA": "Y", "UZB": "A"}
    # without the mapping the same file is read as far as it goes, and says what it lacks
    with pytest.raises(DataError, match=r"no column for the member state.s vote"):
        read_file(FIXTURES / "hrc_votes.csv")


def test_a_mapping_that_names_a_missing_column_says_so(tmp_path: Path) -> None:
    m = tmp_path / "m.yaml"
    m.write_text("columns: {ms_vote: Ballot}\n", encoding="utf-8")
    with pytest.raises(DataError, match="names column 'Ballot' for ms_vote, but the file has no such column"):
        read_file(FIXTURES / "hrc_votes.csv", load_mapping(m))
    m.write_text("votes: {Maybe: Q}\n", encoding="utf-8")
    with pytest.raises(DataError, match="must map to Y, N, A or X"):
        load_mapping(m)


def test_symbols_select_resolutions() -> None:
    f = read_file(FIXTURES / "undl_ga_votes.csv", symbols=("A/RES/ES-11/*",))
    assert sorted(f.resolutions) == ["ES-11/1", "ES-11/3", "ES-11/4", "ES-11/6"]
    with pytest.raises(DataError, match="none matches --symbol"):
        read_file(FIXTURES / "undl_ga_votes.csv", symbols=("S/*",))
