"""Questions are parsed into who they ask about, what about, and the form of answer they want."""

from __future__ import annotations

import pytest

from stancemap.answer.question import parse_question

FORMS = [
    # question, form, actor, others, side, first asked issue (None: no issue asked)
    ("What is Chile's position on the Russian invasion of Ukraine?", "position", "CHL", [], None, "invasion-of-ukraine"),
    ("Where does Chile stand on sanctions against Russia?", "position", "CHL", [], None, "sanctions-on-russia"),
    ("Does Chile support sanctions on Russia?", "support", "CHL", [], "support", "sanctions-on-russia"),
    ("Is Chile against the invasion?", "support", "CHL", [], "oppose", "invasion-of-ukraine"),
    ("Does Chile condemn the invasion of Ukraine?", "support", "CHL", [], "oppose", "invasion-of-ukraine"),
    ("Does Chile recognise the annexation of Crimea?", "support", "CHL", [], "support", "recognition-of-annexations"),
    ("How has Chile's position on the invasion changed?", "change", "CHL", [], None, "invasion-of-ukraine"),
    ("Has Chile changed its position on sanctions against Russia?", "change", "CHL", [], None, "sanctions-on-russia"),
    ("How did Chile's stance on sanctions on Russia evolve over time?", "change", "CHL", [], None,
     "sanctions-on-russia"),
    ("Where do Chile and Peru differ on sanctions against Russia?", "compare", "CHL", ["PER"], None,
     "sanctions-on-russia"),
    ("How do Chile and Peru differ?", "compare", "CHL", ["PER"], None, None),
    ("Where does Peru stand on Chile?", "relation", "PER", ["CHL"], None, None),
    ("What are Chile's relations with Peru?", "relation", "CHL", ["PER"], None, None),
    ("What are Chile's positions?", "overview", "CHL", [], None, None),
    ("What about Chile?", "overview", "CHL", [], None, None),
]


@pytest.mark.parametrize(("text", "form", "actor", "others", "side", "issue"), FORMS)
def test_each_question_form_is_recognised(text: str, form: str, actor: str, others: list[str], side: str | None,
                                          issue: str | None) -> None:
    q = parse_question(text)
    assert (q.form, q.actor, q.others, q.side) == (form, actor, others, side)
    assert (q.asked[0] if q.asked else None) == issue


def test_a_topic_that_is_a_change_word_is_not_a_change_question() -> None:
    q = parse_question("What is Chile's position on climate change?")
    assert q.form == "position" and q.topic == "climate change" and q.asked == []


def test_the_yes_no_topic_is_what_follows_the_verb() -> None:
    # "on Russia" must not become the topic: the question is about sanctions on Russia
    q = parse_question("Does Chile support sanctions on Russia?")
    assert q.topic == "sanctions on Russia"
    assert parse_question("What is the weather like?").actor is None
