"""Issues are data: a new issue in a user's YAML file is detected without code changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from stancemap.config import Options
from stancemap.errors import DataError
from stancemap.model import Document
from stancemap.pipeline import Pipeline
from stancemap.stances.issues import load_issues

KOSOVO = """
replace: true
issues:
  - id: recognition-of-kosovo
    label: Recognition of Kosovo's independence
    dimension: geopolitical
    support: recognises Kosovo as an independent state, establishes diplomatic relations with Pristina
    oppose: refuses to recognise Kosovo, withdraws its recognition
    neutral: declines to take a position on Kosovo's status
    keywords: [Kosovo, Pristina, recognition, independence]
"""
TEXTS = {
    ("ESP", "oppose"): "Spain's foreign minister said on Monday that Madrid would not recognise Kosovo.",
    ("FRA", "support"): "France recognised Kosovo as an independent state in February 2008.",
}


@pytest.fixture(scope="module")
def issues_file(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("issues") / "kosovo.yaml"
    path.write_text(KOSOVO, encoding="utf-8")
    return str(path)


@pytest.mark.slow
def test_new_issue_is_detected(issues_file: str) -> None:
    pipe = Pipeline(Options(pipeline=["parse", "dates", "actors", "events", "votes", "stances"], issues_file=issues_file,
                            progress=False))
    for (actor, polarity), text in TEXTS.items():
        doc = pipe(Document(id="k", text=text, published="2019-03-04"))
        got = {(s.actor, s.issue, s.stance) for s in doc.stances}
        assert (actor, "recognition-of-kosovo", polarity) in got, (text, got)


def test_a_file_that_says_replace_is_the_whole_taxonomy(issues_file: str) -> None:
    assert [i.id for i in load_issues(issues_file)] == ["recognition-of-kosovo"]


def test_a_users_issues_are_added_to_the_shipped_ones(tmp_path: Path) -> None:
    path = tmp_path / "extra.yaml"
    path.write_text(KOSOVO.replace("replace: true\n", "") + "  - id: sanctions-on-russia\n"
                    "    label: Sanctions on Russia, as this user defines them\n", encoding="utf-8")
    got = {i.id: i for i in load_issues(str(path))}
    shipped = {i.id for i in load_issues()}
    assert set(got) == shipped | {"recognition-of-kosovo"}
    assert got["sanctions-on-russia"].label == "Sanctions on Russia, as this user defines them"


def test_malformed_issue_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("issues:\n  - label: no id here\n", encoding="utf-8")
    with pytest.raises(DataError, match="needs at least 'id' and 'label'"):
        load_issues(str(bad))


IMPLYING = """
issues:
  - id: recognition-of-kosovo
    label: Recognition of Kosovo's independence
    support: recognises Kosovo as an independent state
    oppose: refuses to recognise Kosovo, withdraws its recognition
    keywords: [Kosovo, Pristina, recognition, independence]
    implies:
      - {{when: oppose, issue: belgrade-claim, stance: support{acts}}}
  - id: belgrade-claim
    label: Serbia's claim to its former southern province
    support: backs Belgrade's claim to the province
    oppose: rejects Belgrade's claim to the province
"""


@pytest.mark.slow
@pytest.mark.parametrize(("acts", "implied"), [("", True), (", acts: [PROTEST]", False)])
def test_an_implied_position_comes_from_the_file(tmp_path: Path, acts: str, implied: bool) -> None:
    """A position that the issue file says implies another gives both; with an ``acts`` condition
    only when the holder's own act is of that type (refusing recognition is no protest)."""
    path = tmp_path / "implying.yaml"
    path.write_text(IMPLYING.format(acts=acts), encoding="utf-8")
    pipe = Pipeline(Options(pipeline=["parse", "dates", "actors", "events", "votes", "stances"], issues_file=str(path),
                            progress=False))
    doc = pipe(Document(id="k", text=TEXTS[("ESP", "oppose")], published="2019-03-04"))
    got = {(s.actor, s.issue, s.stance): s.rule for s in doc.stances}
    assert ("ESP", "recognition-of-kosovo", "oppose") in got
    assert (("ESP", "belgrade-claim", "support") in got) == implied, got
    if implied:
        assert got[("ESP", "belgrade-claim", "support")] == "implied:recognition-of-kosovo"


@pytest.mark.parametrize(("implication", "message"), [
    ("{when: oppose, issue: nowhere, stance: support}", "unknown issue 'nowhere'"),
    ("{when: oppose, issue: b, stance: support, acts: [DANCE]}", "unknown event type 'DANCE'"),
    ("{when: against, issue: b, stance: support}", "needs 'when', 'issue' and 'stance'"),
])
def test_a_bad_implication_is_a_clear_error(tmp_path: Path, implication: str, message: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(f"issues:\n  - id: a\n    label: A\n    implies: [{implication}]\n  - id: b\n    label: B\n",
                   encoding="utf-8")
    with pytest.raises(DataError, match=message):
        load_issues(str(bad))


@pytest.mark.slow
def test_an_issue_about_a_named_state_needs_that_state_nearby(issues_file: str) -> None:
    """The label names Kosovo, so refusing to recognise another breakaway region is no position on it."""
    pipe = Pipeline(Options(pipeline=["parse", "dates", "actors", "events", "votes", "stances"], issues_file=issues_file,
                            progress=False))
    text = "Spain's foreign minister said on Monday that Madrid would not recognise the independence of Abkhazia."
    doc = pipe(Document(id="a", text=text, published="2019-03-04"))
    assert not [s for s in doc.stances if s.issue == "recognition-of-kosovo"], doc.stances
    assert pipe.components[-1].detector.subjects()["recognition-of-kosovo"] == frozenset({"XKX"})


@pytest.mark.slow
def test_whom_a_state_wants_to_act_holds_no_position() -> None:
    """In "X wanted Y and Z to settle", the infinitive's subjects are asked to act: only X can hold a stance."""
    pipe = Pipeline(Options(pipeline=["parse", "dates", "actors", "events", "stances"], progress=False))
    stances = pipe.components[-1]
    text = ("The minister said the shelling had to stop and that Brasilia wanted Moscow and Kyiv to settle "
            "their differences at the negotiating table.")
    doc = pipe(Document(id="a", text=text, published="2023-05-10"))
    span = doc.parsed[:]
    from stancemap.actors.lookup import mention_index

    holders = {h.code for c in stances.detector.clauses(doc, span, mention_index(doc)) for h in c.holders}
    assert "BRA" in holders
    assert not holders & {"RUS", "UKR"}, holders
