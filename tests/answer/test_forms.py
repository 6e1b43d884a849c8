"""Each question form gets an answer about what it asks (issue 16), on small texts written for the test."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from stancemap.answer.brief import build_answer
from stancemap.answer.question import parse_question
from stancemap.config import Options
from stancemap.model import Document, Event, Mention, Sentence, Stance
from stancemap.reconcile.run import reconcile_store
from stancemap.store import open_store

# (doc id, published, [(sentence, [records])]); a record is ("stance", actor, issue, stance, confidence)
# or ("event", source, target, type)
DOCS: list[tuple[str, str, list[tuple[str, list[tuple[Any, ...]]]]]] = [
    ("d1", "2022-03-20", [
        ("In March 2022 Chile's foreign minister declared neutrality on the war in Ukraine and urged talks.",
         [("stance", "CHL", "invasion-of-ukraine", "neutral", 0.9)]),
        ("Chile said it would comply with Western sanctions on Russia.",
         [("stance", "CHL", "sanctions-on-russia", "support", 0.9)]),
        ("Peru's government condemned the invasion of Ukraine as aggression.",
         [("stance", "PER", "invasion-of-ukraine", "oppose", 0.9)]),
        ("Peru's president met Chile's president in Lima to discuss trade.",
         [("event", "PER", "CHL", "CONSULT")]),
    ]),
    ("d2", "2022-10-20", [
        ("In October 2022 Chile condemned the invasion of Ukraine and demanded a withdrawal.",
         [("stance", "CHL", "invasion-of-ukraine", "oppose", 0.9)]),
        ("Chile will respect the sanctions on Russia, although it will not impose any of its own.",
         [("stance", "CHL", "sanctions-on-russia", "support", 0.8)]),
        ("Peru's foreign ministry again called the invasion of Ukraine an act of aggression.",
         [("stance", "PER", "invasion-of-ukraine", "oppose", 0.9)]),
    ]),
    ("d3", "2022-11-02", [
        ("In November 2022 Chile's government again condemned the invasion of Ukraine.",
         [("stance", "CHL", "invasion-of-ukraine", "oppose", 0.9)]),
        ("Peru's government criticised Chile for its trade policy.", [("event", "PER", "CHL", "ACCUSE")]),
    ]),
]
NAMES = {"CHL": "Chile", "PER": "Peru"}


def _doc(doc_id: str, published: str, sentences: list[tuple[str, list[tuple[Any, ...]]]]) -> Document:
    text = " ".join(s for s, _ in sentences)
    doc = Document(id=doc_id, text=text, content_hash=doc_id, published=published)
    at = 0
    for i, (sentence, records) in enumerate(sentences):
        start = text.index(sentence, at)
        end = start + len(sentence)
        at = end
        doc.sentences.append(Sentence(i, start, end))
        for code, name in NAMES.items():  # the actors the sentence names, as the actor stage would
            for m in re.finditer(rf"\b{name}\b", sentence):
                doc.mentions.append(Mention(start=start + m.start(), end=start + m.end(),
                                            code=code, kind="state", sent=i))
        for rec in records:
            if rec[0] == "stance":
                _, actor, issue, stance, conf = rec
                doc.stances.append(Stance(actor=actor, issue=issue, stance=stance, start=start, end=end,
                                          actor_sector="GOV", confidence=conf, sent=i,
                                          date=published[:7]))
            else:
                _, source, target, type_ = rec
                doc.events.append(Event(source=source, source_sector="GOV", type=type_, target=target,
                                        target_sector="GOV", start=start, end=end, date=published[:7], sent=i,
                                        confidence=0.8))
    return doc


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("forms") / "forms.db"
    with open_store(str(path)) as store:
        for doc_id, published, sentences in DOCS:
            store.save_document(_doc(doc_id, published, sentences))
        reconcile_store(store, Options(progress=False))
    return path


def ask(db: Path, question: str) -> dict[str, Any]:
    with open_store(str(db)) as store:
        return build_answer(store, parse_question(question))


def cited_everywhere(answer: dict[str, Any]) -> None:
    """Every sentence of the contract's summary ends with citations of stored documents."""
    for para in answer["summary"].split("\n\n"):
        for sentence in re.split(r"(?<=\])\.? (?=[A-Z“…])", para):
            assert re.search(r"(\[d\d\])+\.?$", sentence.strip()), sentence
    words = sum(len(s["text"].split()) for s in answer["brief"]["executive_summary"])
    assert words <= 150


def test_support_form_answers_yes_with_its_limit(db: Path) -> None:
    a = ask(db, "Does Chile support sanctions on Russia?")
    assert a["form"] == "support" and a["brief"]["verdict"] == "yes, with limits"
    head = a["brief"]["executive_summary"]
    assert head[0]["text"].startswith("Yes, with limits: Chile's government supports western sanctions on Russia")
    assert any("will not impose any of its own" in s["text"] for s in head)  # the limit is quoted
    cited_everywhere(a)


def test_support_form_answers_no_when_the_position_is_the_other_side(db: Path) -> None:
    a = ask(db, "Does Peru support the invasion of Ukraine?")
    assert a["brief"]["verdict"] == "no"
    assert a["brief"]["executive_summary"][0]["text"].startswith("No: Peru")
    a = ask(db, "Does Peru oppose the invasion of Ukraine?")
    assert a["brief"]["verdict"] == "yes"


def test_change_form_says_what_changed_and_when(db: Path) -> None:
    a = ask(db, "How has Chile's position on the invasion of Ukraine changed?")
    assert a["form"] == "change" and a["brief"]["verdict"] == "changed"
    first = a["brief"]["executive_summary"][0]["text"]
    assert "neutral in March 2022, then opposing it in October 2022" in first
    assert any(s["text"].startswith("March 2022:") for s in a["brief"]["executive_summary"])
    cited_everywhere(a)


def test_compare_form_puts_both_sides_side_by_side(db: Path) -> None:
    a = ask(db, "Where do Chile and Peru differ on the invasion of Ukraine?")
    assert a["form"] == "compare" and a["others"] == ["PER"]
    lines = [s["text"] for sec in a["brief"]["sections"] for s in sec["statements"]]
    joined = " ".join(s["text"] for s in a["brief"]["executive_summary"]) + " ".join(lines)
    assert "Peru opposes it" in joined and ("Chile" in joined)
    assert any(t.startswith("Peru: “") for t in [s["text"] for s in a["brief"]["executive_summary"]] + lines)
    cited_everywhere(a)


def test_relation_form_reports_acts_between_the_two(db: Path) -> None:
    a = ask(db, "Where does Peru stand on Chile?")
    assert a["form"] == "relation" and a["brief"]["verdict"] == "acts"
    text = a["summary"]
    assert "acts of Peru toward Chile" in text and "Lima" in text
    assert "Peru's government supports" not in text  # not an answer about another question
    cited_everywhere(a)


def test_a_topic_no_issue_matches_says_so(db: Path) -> None:
    a = ask(db, "What is Chile's position on whaling?")
    assert a["status"] == "no-issue" and a["brief"]["verdict"] == "no issue"
    assert "No issue in the issue file matches “whaling”" in a["summary"]
    cited_everywhere(a)


def test_answers_differ_by_question(db: Path) -> None:
    summaries = {q: ask(db, q)["summary"] for q in (
        "What is Chile's position on the invasion of Ukraine?", "Does Chile support sanctions on Russia?",
        "How has Chile's position on the invasion of Ukraine changed?", "Where does Peru stand on Chile?")}
    assert len(set(summaries.values())) == len(summaries)
    position = ask(db, "What is Chile's position on the invasion of Ukraine?")
    assert position["issues"][0]["issue"] == "invasion-of-ukraine" and position["issues"][0]["asked"]
    assert position["sources"] and all(s["n"] == i for i, s in enumerate(position["sources"], 1))
    assert {"kind", "issue", "actor_name", "date", "source", "evidence"} <= set(position["records"][0])
