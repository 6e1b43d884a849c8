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
    pipe = Pipeline(Options(pipeline=["parse", "dates", "actors", "events", "stances"], issues_file=issues_file,
                            progress=False))
    for (actor, polarity), text in TEXTS.items():
        doc = pipe(Document(id="k", text=text, published="2019-03-04"))
        got = {(s.actor, s.issue, s.stance) for s in doc.stances}
        assert (actor, "recognition-of-kosovo", polarity) in got, (text, got)


def test_default_issues_are_not_used_when_a_file_is_given(issues_file: str) -> None:
    assert [i.id for i in load_issues(issues_file)] == ["recognition-of-kosovo"]


def test_malformed_issue_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("issues:\n  - label: no id here\n", encoding="utf-8")
    with pytest.raises(DataError, match="needs at least 'id' and 'label'"):
        load_issues(str(bad))
