"""Events and stances that contradict each other: the same holder, act and time, both meant."""

from __future__ import annotations

import numpy as np

from stancemap.reconcile.contradict import (
    actor_contradictions,
    date_contradictions,
    dedupe,
    holder,
    negation_contradictions,
    stance_contradictions,
    stance_date_contradictions,
    vote_contradictions,
)
from tests.reconcile.helpers import ev, idf_for, st

ALLOWED = "The government of Chile allowed rallies against the dam in the capital."
BANNED = "Rallies against the dam were not allowed by the government of Chile, organisers said."


def test_society_and_government_are_different_holders() -> None:
    assert holder("CHL", "GOV") == holder("CHL", None) != holder("CHL", "CVL")
    assert holder("CHL", "LEG") != holder("CHL", "GOV")
    stances = [st("a", "CHL", "war", "support", "GOV"), st("b", "CHL", "war", "oppose", "CVL")]
    assert stance_contradictions(stances, idf_for()) == []
    stances.append(st("c", "CHL", "war", "oppose", None))
    found = stance_contradictions(stances, idf_for())
    assert [(f["a_doc"], f["b_doc"]) for f in found] == [("a", "c")]
    assert found[0]["kind"] == "polarity" and "(CVL)" not in found[0]["about"]


def test_a_change_over_time_is_not_a_contradiction() -> None:
    before = st("a", "CHL", "border", "support", date="2019-02")
    after = st("b", "CHL", "border", "oppose", date="2021-06")
    assert stance_contradictions([before, after], idf_for()) == []
    close = st("c", "CHL", "border", "oppose", date="2019-03")
    assert len(stance_contradictions([before, close], idf_for())) == 1


def test_a_mixed_source_is_not_a_side_and_confidence_counts() -> None:
    stances = [st("a", "CHL", "border", "support"), st("c", "CHL", "border", "support"),
               st("c", "CHL", "border", "oppose")]
    assert stance_contradictions(stances, idf_for()) == []
    sure = stance_contradictions([st("a", "CHL", "dam", "support"), st("b", "CHL", "dam", "oppose")], idf_for())
    shaky = stance_contradictions([st("a", "CHL", "dam", "support"), st("b", "CHL", "dam", "oppose", confidence=0.3)],
                                  idf_for())
    assert shaky[0]["score"] < sure[0]["score"] / 2


def test_the_closest_statements_show_the_disagreement() -> None:
    a1, a2 = st("a", "CHL", "war", "support"), st("a", "CHL", "war", "support", evidence="a: the closer statement")
    b1 = st("b", "CHL", "war", "oppose")
    vectors = {a1["id"]: np.array([1.0, 0.0]), a2["id"]: np.array([0.0, 1.0]), b1["id"]: np.array([0.1, 0.99])}
    found = stance_contradictions([a1, a2, b1], idf_for(), vectors=vectors)
    assert len(found) == 1 and found[0]["a_evidence"] == a2["evidence"]


def test_an_act_asserted_and_negated_for_the_same_object() -> None:
    obj = "rally|protest|march"
    a = ev("a", "CHL", "CONCEDE", "CHL", "2021-03", predicate=f"allow/obj={obj}", evidence=ALLOWED)
    b = ev("b", "CHL", "CONCEDE", "CHL", "2021-04", negated=True, predicate=f"allow/obj={obj}", evidence=BANNED)
    found = negation_contradictions([a, b], idf_for(ALLOWED, BANNED))
    assert len(found) == 1 and found[0]["kind"] == "negation" and found[0]["score"] >= 0.5
    # the same type between the same actors, but another act and other words: not one act
    c = ev("c", "CHL", "CONCEDE", "CHL", "2021-04", negated=True, predicate="release",
           evidence="Chile did not release the two fishermen held since spring.")
    other = negation_contradictions([a, c], idf_for(ALLOWED, c["evidence"]))
    assert not other or other[0]["score"] < 0.38


def test_votes_contradict_only_on_the_same_vote() -> None:
    ya = ev("a", "PER", "ACCUSE", None, "2021-03-02", predicate="vote:for", evidence="In favour: Chile, Peru.")
    no = ev("b", "PER", "ACCUSE", None, "2021-03-02", negated=True, predicate="vote:abstain",
            evidence="Peru and Bolivia abstained.")
    other_day = ev("c", "PER", "ACCUSE", None, "2021-11-20", negated=True, predicate="vote:abstain",
                   evidence="Peru abstained.")
    found = vote_contradictions([ya, no])
    assert len(found) == 1 and found[0]["kind"] == "vote" and found[0]["score"] >= 0.6
    assert {found[0]["a_value"], found[0]["b_value"]} == {'"in favour"', '"abstaining"'}
    assert vote_contradictions([ya, other_day]) == []
    # a vote is not compared with what the state said in prose
    prose = ev("d", "PER", "ACCUSE", None, "2021-03", negated=True, predicate="criticise",
               evidence="Peru has not criticised the operation.")
    assert vote_contradictions([ya, prose]) == [] and negation_contradictions([ya, prose], idf_for()) == []
    # the day's vote reported twice: a date only to the year, but both reports of the same day
    yearly = dict(no, date="2021")
    assert vote_contradictions([ya, yearly]) == []
    assert len(vote_contradictions([ya, yearly], {"a": "2021-03-02", "b": "2021-03-03"})) == 1
    assert vote_contradictions([ya, yearly], {"a": "2021-03-02", "b": "2021-06-03"}) == []
    # with the resolution recorded, only the same resolution, whatever the dates
    assert vote_contradictions([dict(ya, resolution="ES-1/1"), dict(no, resolution="ES-1/2")]) == []
    assert len(vote_contradictions([dict(ya, resolution="ES-1/1"), dict(other_day, resolution="es-1/1")])) == 1


def test_a_roll_call_of_several_votes_and_the_list_of_abstainers() -> None:
    # report "a" lists two votes: Peru in favour of the first, abstaining on the second; report "b"
    # has Peru abstaining on the first and lists that vote's abstainers. Only the first is in dispute.
    first_yes = ev("a", "PER", "ACCUSE", None, "2021-03-02", predicate="vote:for", evidence="In favour: Peru, Chile.")
    second_no = ev("a", "PER", "ACCUSE", None, "2021-05-10", negated=True, predicate="vote:abstain",
                   evidence="Abstaining: Peru.")
    first_no = ev("b", "PER", "ACCUSE", None, "2021-03-02", negated=True, predicate="vote:abstain",
                  evidence="Peru and Bolivia abstained.")
    abstainers_a = ev("a", "ECU", "ACCUSE", None, "2021-03-02", negated=True, predicate="vote:abstain",
                      evidence="Abstaining: Ecuador, Bolivia.")
    found = vote_contradictions([first_yes, second_no, first_no, abstainers_a])
    pairs = {(f["a_evidence"], f["b_evidence"]) for f in found}
    assert ("In favour: Peru, Chile.", "Peru and Bolivia abstained.") in pairs
    assert ("Peru and Bolivia abstained.", "Abstaining: Ecuador, Bolivia.") in pairs  # which states abstained
    assert not any("Abstaining: Peru." in p for pair in pairs for p in pair)


def test_one_event_with_two_explicit_dates() -> None:
    ta = "On 14 April the minister of Chile rejected the proposal of Peru on the Lauca river."
    tb = "On 2 May the minister of Chile rejected the proposal of Peru on the Lauca river."
    tc = "The minister of Chile rejected the proposal of Peru on Tuesday."  # no date written out
    rows = [ev("a", "CHL", "REJECT", "PER", "2021-04-14", issue="x", evidence=ta, predicate="reject"),
            ev("b", "CHL", "REJECT", "PER", "2021-05-02", issue="x", evidence=tb, predicate="reject"),
            ev("c", "CHL", "REJECT", "PER", "2021-06-08", issue="x", evidence=tc, predicate="reject"),
            ev("d", "CHL", "REJECT", "PER", "2019-03-01", issue="x", evidence="On 1 March 2019 Chile rejected it.")]
    found = date_contradictions(rows, idf_for(ta, tb, tc))
    assert [(f["a_doc"], f["b_doc"]) for f in found] == [("a", "b")]
    assert found[0]["score"] >= 0.5


def test_a_repeated_statement_is_another_occasion() -> None:
    a = st("a", "CHL", "war", "neutral", date="2021-03-03", evidence="On March 3 Chile abstained on the text.")
    b = st("b", "CHL", "war", "neutral", date="2021-02", evidence="Chile abstained again in February on a text.")
    c = st("c", "CHL", "war", "neutral", date="2021-02", evidence="In February Chile abstained on the text.")
    assert stance_date_contradictions([a, b], idf_for()) == []
    assert len(stance_date_contradictions([a, c], idf_for())) == 1


def test_one_statement_credited_to_two_people() -> None:
    ta = "Foreign minister Soto said Chile would not recognise the Lauca and Arica republics."
    tb = "President Vera said Chile would not recognise the Lauca and Arica republics."
    tc = "President Vera said Chile wants good relations with everyone."
    rows = [ev("a", "CHL", "REJECT", "PER", "2021-03", person="soto", issue="recognition", evidence=ta),
            ev("b", "CHL", "REJECT", "PER", "2021-03", person="vera", issue="recognition", evidence=tb),
            ev("c", "CHL", "REJECT", "PER", "2021-03", person="vera", issue="recognition", evidence=tc)]
    found = sorted(actor_contradictions(rows, idf_for(ta, tb, tc)), key=lambda f: -f["score"])
    assert (found[0]["a_doc"], found[0]["b_doc"]) == ("a", "b")
    assert {found[0]["a_value"], found[0]["b_value"]} == {'"soto"', '"vera"'}
    assert all(f["score"] < found[0]["score"] for f in found[1:])


def test_dedupe_keeps_the_best_and_ranks() -> None:
    base = {"about": "x", "note": None, "a_doc": "a", "a_start": 0, "a_end": 5, "b_doc": "b", "b_start": 0,
            "b_end": 5, "a_evidence": "", "b_evidence": "", "a_value": "1", "b_value": "2"}
    rows = [dict(base, kind="date", score=0.4), dict(base, kind="value", score=0.7),
            dict(base, kind="value", score=0.9, b_doc="c")]
    out = dedupe(rows)
    assert [(r["b_doc"], r["score"]) for r in out] == [("c", 0.9), ("b", 0.7)]


def test_a_vote_reached_through_a_pronoun_weighs_less() -> None:
    ya = ev("a", "PER", "ACCUSE", None, "2021-03-02", predicate="vote:for", evidence="In favour: Chile, Peru.", sent=3)
    no = ev("b", "PER", "ACCUSE", None, "2021-03-02", negated=True, predicate="vote:abstain", sent=7,
            evidence="In March it abstained on the resolution on Peru's neighbour.")
    named = vote_contradictions([ya, no])[0]["score"]
    through_pronoun = vote_contradictions([ya, no], pronominal={("b", 7, "PER")})[0]["score"]
    assert through_pronoun < named * 0.7
    # another sentence's pronoun changes nothing
    assert vote_contradictions([ya, no], pronominal={("b", 6, "PER")})[0]["score"] == named


def test_one_flag_per_question_two_documents_disagree_on() -> None:
    base = {"about": "how PER voted", "kind": "vote", "note": None, "a_doc": "a", "a_start": 0, "a_end": 5,
            "b_doc": "b", "b_start": 0, "b_end": 5, "a_evidence": "", "b_evidence": "", "a_value": "1", "b_value": "2"}
    rows = [dict(base, score=0.8), dict(base, score=0.7, a_start=40, a_end=60),
            dict(base, score=0.6, b_doc="c"), dict(base, score=0.75, about="how CHL voted", a_start=40, a_end=60)]
    out = dedupe(rows)
    assert [(r["about"], r["b_doc"], r["score"]) for r in out] == [
        ("how PER voted", "b", 0.8), ("how CHL voted", "b", 0.75), ("how PER voted", "c", 0.6)]
