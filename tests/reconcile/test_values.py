"""Numbers that contradict each other: only for the same quantity, and only beyond what each allows."""

from __future__ import annotations

import math

from stancemap.reconcile.values import granularity, interval, range_low, unit_key, value_contradictions
from tests.reconcile.helpers import claim, idf_for

BLAST_A = "Officials said the blast at the Verano chemical depot on 4 May killed 52 people."
BLAST_B = "The explosion at the Verano chemical depot on 4 May killed 47 people, the mayor said."


def test_a_number_stands_for_a_range() -> None:
    assert granularity(61) == 1 and granularity(24.2e9) == 1e8 and granularity(71.12) == 0.01
    assert granularity(80) == 1  # "80" is taken to be precise to its second digit, not to the ten
    lo, hi = interval(61, None)
    assert lo < 61 < hi and hi < 61.5  # 61 and 60 do not overlap
    assert interval(80, "more than") == (80, math.inf)
    assert interval(1, "less than") == (-math.inf, 1)
    lo, hi = interval(70e9, "about")
    assert lo < 68.5e9 and hi > 71.5e9  # "close to 70 billion" allows "roughly 68 billion"


def test_a_range_in_the_sentence_is_the_claims_interval() -> None:
    r = claim("a", 2e6, "people", "workers", "The estimated 1.5 million to 2 million workers abroad send money home.",
              surface="2 million")
    assert range_low(r) == 1.5e6
    assert interval(r["value"], None, range_low(r)) == (1.5e6, 2e6)


def test_units_are_compared_in_one_spelling() -> None:
    assert unit_key("%") == unit_key("per cent") == unit_key("percent")
    assert unit_key("Abstentions") == unit_key("abstention")
    assert unit_key("casualties") == "casualty"


def test_the_same_toll_from_two_sources_is_flagged() -> None:
    a = claim("a", 52, "people", "people (kill)", BLAST_A, subject="CHL", period="2021-05")
    b = claim("b", 47, "people", "people (kill)", BLAST_B, subject="CHL", period="2021-05-04")
    found = value_contradictions([a, b], idf_for(BLAST_A, BLAST_B))
    assert len(found) == 1
    assert {found[0]["a_value"], found[0]["b_value"]} == {"52", "47"}
    assert found[0]["score"] >= 0.5


def test_different_periods_are_a_change_not_a_contradiction() -> None:
    ta = "Copper exports from Chile reached 41 billion dollars in 2019, the central bank said."
    tb = "Copper exports from Chile reached 55 billion dollars in 2022, the central bank said."
    a = claim("a", 41e9, "USD", "copper exports", ta, period="2019")
    b = claim("b", 55e9, "USD", "copper exports", tb, period="2022")
    assert value_contradictions([a, b], idf_for(ta, tb)) == []


def test_different_subjects_weigh_heavily_against() -> None:
    ta = "Peru buys about 60% of its fertiliser from abroad, the agriculture ministry said."
    tb = "Chile buys about 85% of its fertiliser from abroad, the agriculture ministry said."
    same = value_contradictions([claim("a", 60, "percent", "fertiliser", ta, "about", subject="CHL"),
                                 claim("b", 85, "percent", "fertiliser", tb, "about", subject="CHL")], idf_for(ta, tb))
    other = value_contradictions([claim("a", 60, "percent", "fertiliser", ta, "about", subject="PER"),
                                  claim("b", 85, "percent", "fertiliser", tb, "about", subject="CHL")], idf_for(ta, tb))
    assert same and other and other[0]["score"] < same[0]["score"] - 0.2
    assert "subjects differ" in other[0]["note"]


def test_rounding_and_bounds_are_not_contradictions() -> None:
    ta = "Trade between the two countries rose to close to $70 billion last year."
    tb = "Trade between the two countries rose to roughly $68 billion last year."
    idf = idf_for(ta, tb)
    assert value_contradictions([claim("a", 70e9, "USD", "trade", ta, "about"),
                                 claim("b", 68e9, "USD", "trade", tb, "about")], idf) == []
    tc = "The pipeline carries roughly 80% of the country's crude exports."
    td = "The pipeline carries more than 80% of the country's crude exports."
    assert value_contradictions([claim("c", 80, "percent", "crude exports", tc, "about"),
                                 claim("d", 80, "percent", "crude exports", td, "more than")], idf_for(tc, td)) == []
    # an approximate figure against an exact one outside its rounding is a contradiction
    te = "In the referendum 64.37% of those who voted backed the new port, the election commission said."
    tf = "In the referendum about 68% of those who voted backed the new port."
    assert value_contradictions([claim("e", 64.37, "percent", "voted", te),
                                 claim("f", 68, "percent", "voted", tf, "about")], idf_for(te, tf))


def test_vote_counts_only_for_the_same_resolution() -> None:
    ta = "The Assembly adopted resolution 12/345 on the river dispute by 97 votes in favour to 9 against."
    tb = "Resolution 12/345 on the river dispute passed with 95 votes in favour."
    tc = "The Assembly adopted resolution 12/678 on fisheries by 120 votes in favour."
    idf = idf_for(ta, tb, tc)
    a, b = claim("a", 97, "votes", "votes", ta), claim("b", 95, "votes", "votes", tb)
    c = claim("c", 120, "votes", "votes", tc)
    found = value_contradictions([a, b, c], idf)
    assert [(f["a_doc"], f["b_doc"]) for f in found] == [("a", "b")]
    # an extractor that records the resolution is matched on it, whatever the sentences share
    x = claim("x", 97, "votes", "in favour", "It passed by 97 votes.", resolution="A/RES/1")
    y = claim("y", 95, "votes", "in favour", "It passed by 95 votes.", resolution="A/RES/2")
    z = claim("z", 95, "votes", "in favour", "It passed by 95 votes in the end.", resolution="a/res/1")
    pairs = {(f["a_doc"], f["b_doc"]) for f in value_contradictions([x, y, z], idf_for("It passed by votes."))}
    assert pairs == {("x", "z")}


def test_unrelated_numbers_of_one_unit_rank_below_the_same_quantity() -> None:
    tc = "The harbour authority said 300 people were evacuated from the coast."
    a = claim("a", 52, "people", "people (kill)", BLAST_A, period="2021-05")
    b = claim("b", 47, "people", "people (kill)", BLAST_B, period="2021-05-04")
    c = claim("c", 300, "people", "people (evacuate)", tc)
    found = value_contradictions([a, b, c], idf_for(BLAST_A, BLAST_B, tc))
    best = max(found, key=lambda f: f["score"])
    assert {best["a_doc"], best["b_doc"]} == {"a", "b"}
    assert all(f["score"] < 0.38 for f in found if "c" in (f["a_doc"], f["b_doc"]))


def test_a_subject_the_other_sentence_names_is_not_a_different_subject() -> None:
    # the extractor took Peru as the subject of one toll: the other sentence names Peru as well
    a = claim("a", 52, "people", "people (kill)", BLAST_A, subject="CHL", period="2021-05", sent=0)
    b = claim("b", 47, "people", "people (kill)", BLAST_B, subject="PER", period="2021-05-04", sent=0)
    idf = idf_for(BLAST_A, BLAST_B)
    apart = value_contradictions([a, b], idf)
    named = value_contradictions([a, b], idf, codes={"a": {0: ["CHL", "PER"]}, "b": {0: ["PER"]}})
    assert "subjects differ" in apart[0]["note"] and "subjects differ" not in (named[0]["note"] or "")
    assert named[0]["score"] > apart[0]["score"]


def test_tallies_citing_different_symbols_or_years_apart_are_two_votes() -> None:
    ta = "By the resolution (document A/ES-14/L.2), adopted by a recorded vote of 88 in favour to 20 against, the Assembly acted."
    tb = "Code: A/RES/71/205 · Voting summary: 104 for, 13 against."
    tc = "The text was adopted by a recorded vote of 104 in favour to 13 against, with 40 abstentions."
    td = "The Assembly adopted the text by a recorded vote of 97 in favour to 13 against, with 40 abstentions."
    idf = idf_for(ta, tb, tc, td)
    a, b = claim("a", 88, "votes", "votes in favour", ta), claim("b", 104, "votes", "votes in favour", tb)
    assert value_contradictions([a, b], idf) == []  # each cites a resolution, and not the same one
    c, d = claim("c", 104, "votes", "votes in favour", tc), claim("d", 97, "votes", "votes in favour", td)
    same_week = {"c": "2016-12-19", "d": "2016-12-21"}
    assert len(value_contradictions([c, d], idf, published=same_week)) == 1
    # the same words, written eight years apart, are two votes
    assert value_contradictions([c, d], idf, published={"c": "2016-12-19", "d": "2024-12-21"}) == []
    # a stated period counts for its claim, whatever the document's date
    dated = dict(d, period="2024-12")
    assert value_contradictions([c, dated], idf, published=same_week) == []


def test_two_figures_that_say_they_measure_different_things_are_not_one_quantity() -> None:
    ta = "Trade with Peru nearly doubled in 2021 as exporters found new markets."
    tb = "Money transfers from Peru more than tripled in 2021, the central bank said."
    tc = "Trade with Peru grew about 150% in 2021, according to the customs office."
    trade = claim("a", 100, "percent", "growth of trade with Peru", ta, subject="CHL", period="2021")
    remittances = claim("b", 200, "percent", "growth of money transfers from Peru", tb, subject="CHL", period="2021")
    trade_again = claim("c", 150, "percent", "growth of trade with Peru", tc, subject="CHL", period="2021")
    words = frozenset({"peru"})  # a state's name says nothing of what is measured
    assert value_contradictions([trade, remittances], idf_for(ta, tb, tc), state_words=words) == []
    found = value_contradictions([trade, trade_again], idf_for(ta, tb, tc), state_words=words)
    assert len(found) == 1 and {found[0]["a_value"], found[0]["b_value"]} == {"100", "150"}


def test_a_figure_since_a_date_is_not_one_for_a_year() -> None:
    """ "Nine packages adopted in 2022" and "14 packages since February 2022" (to the text's date) count over
    different stretches of time; two counts over one stretch still disagree."""
    ta = "Peru signed off on all nine sanctions packages the council adopted in 2022."
    tb = "Since February 2022 the council has adopted 14 packages of sanctions."
    tc = "The council adopted eleven sanctions packages in 2022, its secretariat said."
    a = claim("a", 9, "packages", "sanctions packages", ta, period="2022")
    b = claim("b", 14, "packages", "sanctions packages", tb, period="2022-02/2024-06-24")
    c = claim("c", 11, "packages", "sanctions packages", tc, period="2022")
    assert value_contradictions([a, b], idf_for(ta, tb, tc)) == []
    assert len(value_contradictions([a, c], idf_for(ta, tb, tc))) == 1

