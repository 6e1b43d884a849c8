"""Merging and contradictions on small fixture records written for the test."""

from __future__ import annotations

from typing import Any

import numpy as np

from stancemap.reconcile.contradict import (
    actor_contradictions,
    date_contradictions,
    polarity_contradictions,
    stance_date_contradictions,
    value_contradictions,
)
from stancemap.reconcile.merge import cluster_claims, cluster_events, dates_compatible

_ids = iter(range(1, 10_000))


def ev(doc: str, source: str, type_: str, target: str | None, date: str | None, negated: bool = False,
       person: str | None = None, issue: str | None = None, **kw: Any) -> dict[str, Any]:
    return {"id": next(_ids), "doc": doc, "source": source, "source_sector": "GOV", "target": target,
            "target_sector": None, "type": type_, "negated": int(negated), "date": date, "issue": issue,
            "modality": "actual", "source_person": person, "confidence": 0.8, "evidence": f"{doc} says {type_}",
            "start_char": 0, "end_char": 10, "background": 0, **kw}


def claim(doc: str, value: float, unit: str, indicator: str, qualifier: str | None = None) -> dict[str, Any]:
    return {"id": next(_ids), "doc": doc, "value": value, "unit": unit, "indicator": indicator, "subject": "CHL",
            "qualifier": qualifier, "period": None, "evidence": f"{indicator} {value}", "start_char": 0, "end_char": 5}


def test_dates_compatible() -> None:
    assert dates_compatible("2021-03", "2021-03-14") and dates_compatible(None, "2020")
    assert dates_compatible("2021-03-30", "2021-04-02")
    assert not dates_compatible("2021-01", "2021-06")


def test_same_event_in_two_documents_is_one_cluster_with_two_sources() -> None:
    rows = [ev("a", "PER", "ACCUSE", "CHL", "2021-03"), ev("b", "PER", "ACCUSE", "CHL", "2021-03-02"),
            ev("c", "PER", "ACCUSE", "CHL", "2019-05"), ev("a", "CHL", "ACCUSE", "PER", "2021-03")]
    clusters = cluster_events(rows)
    sizes = sorted(len(c.rows) for c in clusters)
    assert sizes == [1, 1, 2]
    both = next(c for c in clusters if len(c.rows) == 2)
    assert both.docs == ["a", "b"]


def test_value_contradiction_and_its_labels() -> None:
    a = claim("a", 75, "percent", "oil exports to the west", "about")
    b = claim("b", 80, "percent", "oil exports", "about")
    same = np.stack([np.ones(4) / 2, np.ones(4) / 2])
    clusters = cluster_claims([a, b], {a["id"]: same, b["id"]: same})
    assert len(clusters) == 1
    found = value_contradictions(clusters)
    assert len(found) == 1 and found[0]["kind"] == "value"
    assert "rounding" in found[0]["note"] and "different bases" in found[0]["note"]
    # Within rounding tolerance there is nothing to report.
    c = claim("c", 75.5, "percent", "oil exports to the west")
    assert not value_contradictions(cluster_claims([a, c], {a["id"]: same, c["id"]: same}))


def test_claims_that_measure_different_things_are_not_merged() -> None:
    a, b = claim("a", 12, "percent", "inflation"), claim("b", 40, "percent", "share of exports")
    va = np.stack([np.array([1.0, 0, 0, 0]), np.array([1.0, 0, 0, 0])])
    vb = np.stack([np.array([0, 1.0, 0, 0]), np.array([0, 1.0, 0, 0])])
    assert len(cluster_claims([a, b], {a["id"]: va, b["id"]: vb})) == 2


def test_date_contradiction() -> None:
    rows = [ev("a", "CHL", "REJECT", "PER", "2021-04-01", issue="x"), ev("b", "CHL", "REJECT", "PER", "2021-03", issue="x"),
            ev("c", "CHL", "REJECT", "PER", "2019-03", issue="x")]
    found = date_contradictions(rows)
    assert [(f["a_doc"], f["b_doc"]) for f in found] == [("a", "b")]


def test_actor_contradiction() -> None:
    rows = [ev("a", "CHL", "REJECT", "PER", "2021-03", person="minister-x", issue="border"),
            ev("b", "CHL", "REJECT", "PER", "2021-06", person="president-y", issue="border")]
    found = actor_contradictions(rows)
    assert len(found) == 1 and found[0]["kind"] == "actor"
    assert {found[0]["a_value"], found[0]["b_value"]} == {'"minister-x"', '"president-y"'}


def st(doc: str, actor: str, issue: str, stance: str, sector: str | None = None) -> dict[str, Any]:
    return {"id": next(_ids), "doc": doc, "actor": actor, "actor_sector": sector, "issue": issue, "stance": stance,
            "confidence": 0.8, "evidence": f"{doc}: {stance}", "start_char": 0, "end_char": 5}


def test_government_and_society_are_different_holders() -> None:
    # The government neutral in one source, protesters opposed in another: no contradiction;
    # the government opposed in a third source does contradict the first.
    stances = [st("a", "CHL", "war", "neutral", "GOV"), st("b", "CHL", "war", "oppose", "CVL"),
               st("c", "CHL", "war", "oppose", None)]
    found = polarity_contradictions(stances, [])
    assert [(f["a_doc"], f["b_doc"]) for f in found] == [("a", "c")]
    assert "society" not in found[0]["about"]


def test_polarity_and_negation_contradictions() -> None:
    stances = [st("a", "CHL", "border", "support"), st("b", "CHL", "border", "oppose"),
               st("c", "CHL", "border", "support"), st("c", "CHL", "border", "oppose")]  # c is mixed: not a side
    events = [ev("a", "PER", "ACCUSE", "CHL", "2021"), ev("b", "PER", "ACCUSE", "CHL", "2021", negated=True)]
    found = polarity_contradictions(stances, events)
    kinds = sorted(f["kind"] for f in found)
    assert kinds == ["negation", "polarity"]
    pol = next(f for f in found if f["kind"] == "polarity")
    assert {pol["a_doc"], pol["b_doc"]} == {"a", "b"}


def test_polarity_contradiction_shows_the_closest_statements() -> None:
    import numpy as np

    a1, a2 = st("a", "CHL", "war", "support", "GOV"), st("a", "CHL", "war", "support", "GOV")
    a2["evidence"] = "a: the closer statement"
    b1 = st("b", "CHL", "war", "oppose", "GOV")
    vectors = {a1["id"]: np.array([1.0, 0.0]), a2["id"]: np.array([0.0, 1.0]), b1["id"]: np.array([0.1, 0.99])}
    found = polarity_contradictions([a1, a2, b1], [], vectors)
    assert len(found) == 1 and {found[0]["a_doc"], found[0]["b_doc"]} == {"a", "b"}
    side_a = found[0]["a_evidence"] if found[0]["a_doc"] == "a" else found[0]["b_evidence"]
    assert side_a == a2["evidence"]  # a1 is more confident-looking first, but a2 is the one like b1


def test_negation_contradiction_shows_the_closest_statements() -> None:
    a1 = ev("a", "PER", "CONCEDE", "PER", "2021", evidence="a: the minister allowed the strike")
    a2 = ev("a", "PER", "CONCEDE", "PER", "2021", evidence="a: the government approved the rallies")
    b1 = ev("b", "PER", "CONCEDE", "PER", "2021", negated=True, evidence="b: the rallies were not approved")
    vectors = {a1["id"]: np.array([1.0, 0.0]), a2["id"]: np.array([0.1, 0.99]), b1["id"]: np.array([0.0, 1.0])}
    found = polarity_contradictions([], [a1, a2, b1], None, vectors)
    assert len(found) == 1 and found[0]["kind"] == "negation"
    assert found[0]["a_evidence"] == a2["evidence"] and found[0]["b_evidence"] == b1["evidence"]


def test_stance_dates_conflict_only_when_each_sentence_dates_itself() -> None:
    a = st("a", "CHL", "war", "oppose", "GOV")
    a.update(date="2022-03", evidence="In late March the minister said Chile opposed the war.")
    b = st("b", "CHL", "war", "oppose", "GOV")
    b.update(date="2022-04-01", evidence="On April 1 the minister said Chile opposed the war.")
    c = st("c", "CHL", "war", "oppose", "GOV")
    c.update(date="2022-04", evidence="The minister may say Chile opposed the war.")  # date from its paragraph
    found = stance_date_contradictions([a, b, c])
    assert [(f["a_doc"], f["b_doc"]) for f in found] == [("a", "b")]
