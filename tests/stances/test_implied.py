"""A position the issue file says another implies is implied only where the implied issue's actors are named."""

from __future__ import annotations

import pytest

from stancemap.config import Options
from stancemap.model import Document
from stancemap.pipeline import Pipeline

ISSUES = """
replace: true
issues:
  - id: border-talks
    label: Talks to settle border conflicts
    dimension: geopolitical
    support: calls for talks, negotiations or a negotiated settlement of a border conflict
    oppose: rejects talks and seeks a military solution
    neutral: declines to say whether talks should be held
    keywords: [talks, negotiations, negotiated settlement, dialogue]
    implies:
      - {when: support, issue: sudan-chad-war, stance: neutral}
  - id: sudan-chad-war
    label: Sudan's war on Chad
    dimension: geopolitical
    support: backs Sudan's attacks on Chad
    oppose: condemns Sudan's attacks on Chad
    neutral: takes neither side in the war between Sudan and Chad
    keywords: [shelling, border war]
"""


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    path = tmp_path_factory.mktemp("issues") / "issues.yaml"
    path.write_text(ISSUES, encoding="utf-8")
    return Pipeline(Options(progress=False, issues_file=str(path)))


def _stances(pipeline: Pipeline, text: str) -> set[tuple[str | None, str, str]]:
    doc = pipeline(Document(id="t", text=text, published="2019-06-01"))
    return {(s.actor, s.issue, s.stance) for s in doc.stances}


@pytest.mark.slow
def test_calling_for_talks_between_the_named_sides_implies_neutrality(pipeline: Pipeline) -> None:
    got = _stances(pipeline, "Sudanese forces shelled Chadian villages this week. Niger called for talks and a "
                             "negotiated settlement of the conflict between Sudan and Chad.")
    assert ("NER", "border-talks", "support") in got
    assert ("NER", "sudan-chad-war", "neutral") in got


@pytest.mark.slow
def test_talks_on_another_conflict_imply_nothing_about_this_one(pipeline: Pipeline) -> None:
    got = _stances(pipeline, "Malian forces shelled villages in Burkina Faso this week. Niger called for talks and "
                             "a negotiated settlement of the conflict between Mali and Burkina Faso.")
    assert ("NER", "border-talks", "support") in got
    assert not any(issue == "sudan-chad-war" for _, issue, _ in got)
