"""Votes told in prose, read from the parse: who voted which way on what (sentences written for the test)."""

from __future__ import annotations

from typing import Any

import pytest

from stancemap.config import Options
from stancemap.model import Document
from stancemap.pipeline import Pipeline

CASES: list[tuple[str, str, set[tuple[str, str]]]] = [
    # (text, published, {(state, vote)}) with vote Y/N/A/X as the stance on the UN-condemnation issue
    ("Peru, Chile and Ghana abstained on the General Assembly resolution on Thursday.", "2022-03-24",
     {("PER", "A"), ("CHL", "A"), ("GHA", "A")}),
    ("Forty nations abstained in the General Assembly, among them Nepal, Angola and Bhutan.", "2022-03-24",
     {("NPL", "A"), ("AGO", "A"), ("BTN", "A")}),
    ("Nicaragua and Mali joined Belarus in voting against the UN text.", "2022-10-13",
     {("NIC", "N"), ("MLI", "N"), ("BLR", "N")}),
    ("Ghana, Kenya and Gabon were among the 35 delegations voting yes in the General Assembly, as were Chad and Niger.",
     "2022-10-13", {("GHA", "Y"), ("KEN", "Y"), ("GAB", "Y"), ("TCD", "Y"), ("NER", "Y")}),
    ("The representative of Mexico said his delegation had abstained on the UN draft.", "2022-10-13",
     {("MEX", "A")}),
    ("Explaining his abstention in the Security Council, the ambassador of Brazil called for dialogue.",
     "2022-09-30", {("BRA", "A")}),
    ("The Security Council text got 12 votes in favour to 1 against (Russian Federation), with 2 abstentions "
     "(China, India).", "2022-09-30", {("RUS", "N"), ("CHN", "A"), ("IND", "A")}),
    ("Armenia did not take part in the General Assembly vote.", "2022-03-03", {("ARM", "X")}),
    ("Argentina was one of 140 countries that voted for the UN resolution.", "2022-03-24", {("ARG", "Y")}),
    ("Laos abstained in the General Assembly. So did Vietnam.", "2022-03-03", {("LAO", "A"), ("VNM", "A")}),
]
NOT_VOTES = [
    "Hungary's parliament voted to ratify the accession treaty on Monday.",
    "Poland said it would veto any proposal to cut farm subsidies.",
    "The General Assembly adopted the resolution by a large majority.",
]


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(Options(pipeline=["parse", "dates", "actors", "events", "votes"], progress=False))


def votes(doc: Document) -> set[tuple[str, str]]:
    back = {"support": "Y", "oppose": "N"}
    out = set()
    for s in doc.stances:
        if s.issue == "un-condemnation-of-russia" and s.rule.startswith("vote:"):
            out.add((s.actor, back.get(s.stance) or s.rule.split(":")[1]))
    return out


@pytest.mark.slow
@pytest.mark.parametrize(("text", "published", "want"), CASES)
def test_prose_votes(pipe: Pipeline, text: str, published: str, want: set[tuple[str, str]]) -> None:
    doc = pipe(Document(id="t", text=text, published=published))
    assert votes(doc) == want


@pytest.mark.slow
@pytest.mark.parametrize("text", NOT_VOTES)
def test_other_votes_are_not_un_votes(pipe: Pipeline, text: str) -> None:
    doc = pipe(Document(id="t", text=text, published="2023-03-03"))
    assert votes(doc) == set()


@pytest.mark.slow
def test_events_follow_the_convention_and_the_registry(pipe: Pipeline) -> None:
    doc = pipe(Document(id="t", text="Fiji voted for resolution ES-11/4. Mali voted against it. Togo abstained.",
                        published="2022-10-14"))
    got: dict[str, Any] = {e.source: (e.type, e.target, e.negated, e.date) for e in doc.events if e.rule.startswith("vote")}
    assert got == {"FJI": ("ACCUSE", "RUS", False, "2022-10-12"), "MLI": ("REJECT", "UN", False, "2022-10-12"),
                   "TGO": ("ACCUSE", "RUS", True, "2022-10-12")}


@pytest.mark.slow
def test_a_listed_apposition_votes_and_the_resolution_before_names_the_target(pipe: Pipeline) -> None:
    """"Its neighbours A, B and C abstained": the listed states vote, not whoever "its" is; a resolution on the war
    named in the sentence before tells whom the abstention declines to condemn."""
    text = ("Ethiopia invaded Eritrea in May. The General Assembly voted on a resolution condemning the invasion on "
            "2 June. Its neighbours Kenya, Djibouti and Somalia abstained.")
    doc = pipe(Document(id="t", text=text, published="2021-06-10"))
    got = {(e.source, e.type, e.target, e.negated) for e in doc.events if e.rule.startswith("vote")}
    assert got == {(s, "ACCUSE", "ETH", True) for s in ("KEN", "DJI", "SOM")}
