"""The brief is assembled from stored records only, and every sentence carries a citation."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from stancemap.answer.brief import build_answer, render_text
from stancemap.answer.question import parse_question
from stancemap.config import Options
from stancemap.model import Document, Event, Sentence, Stance
from stancemap.reconcile.run import reconcile_store
from stancemap.store import open_store

TEXT = ("Chile abstained on the General Assembly resolution condemning the invasion. "
        "Chile voted against suspending Russia from the Human Rights Council. "
        "Chile said it would not recognise the annexed regions.")


def _doc(doc_id: str) -> Document:
    doc = Document(id=doc_id, text=TEXT, content_hash=doc_id, published="2022-05-01")
    bounds = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", TEXT)]
    doc.sentences = [Sentence(i, a + (1 if TEXT[a] == " " else 0), b) for i, (a, b) in enumerate(bounds)]
    s0, s1, s2 = doc.sentences
    doc.events = [
        Event(source="CHL", type="ACCUSE", target="RUS", negated=True, start=s0.start, end=s0.end, date="2022-03",
              predicate="vote:abstain", rule="vote:A", sent=0, issue="un-condemnation-of-russia"),
        Event(source="CHL", type="REJECT", target="UN", start=s1.start, end=s1.end, date="2022-04",
              predicate="vote:against", rule="vote:N", sent=1, issue="un-condemnation-of-russia"),
    ]
    doc.stances = [
        Stance(actor="CHL", issue="un-condemnation-of-russia", stance="neutral", start=s0.start, end=s0.end,
               date="2022-03", confidence=0.8, sent=0),
        Stance(actor="CHL", issue="recognition-of-annexations", stance="oppose", start=s2.start, end=s2.end,
               date="2022-05", confidence=0.8, sent=2),
    ]
    return doc


def test_brief_reports_each_vote_with_its_source(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "t.db")) as store:
        store.save_document(_doc("doc-a"))
        reconcile_store(store, Options(progress=False))
        answer = build_answer(store, parse_question("What is Chile's position on the war in Ukraine?"))
    summary = answer["summary"]
    assert "Chile voted against a resolution" in summary
    assert "Human Rights Council" in summary
    assert "Chile abstained on a resolution" in summary
    assert summary.count("voted against suspending") == 1  # the vote is not repeated as an event
    assert summary.count("Chile abstained on the General Assembly") == 1
    # every sentence of the prose ends with a citation of a stored document
    for para in summary.split("\n\n"):
        for sentence in re.split(r"(?<=\])\.? (?=[A-Z“])", para):
            assert re.search(r"\[doc-a\]\.?$", sentence.strip()), sentence


def test_domestic_acts_are_reported_with_sectors(tmp_path: Path) -> None:
    text = ("A court in Valparaiso sentenced two Chilean activists. Thousands of Chileans protested in Santiago. "
            "The government said such rallies were unwelcome.")
    doc = Document(id="doc-d", text=text, content_hash="doc-d", published="2022-05-01")
    cut, third = text.index("Thousands"), text.index("The government")
    doc.sentences = [Sentence(0, 0, cut - 1), Sentence(1, cut, third - 1), Sentence(2, third, len(text))]
    doc.events = [Event(source="CHL", source_sector="JUD", type="COERCE", target="CHL", target_sector="CVL",
                        start=0, end=cut - 1, date="2022-04", sent=0),
                  Event(source="CHL", source_sector="CVL", type="PROTEST", target="CHL", target_sector="GOV",
                        start=cut, end=third - 1, date="2022-04", sent=1)]
    doc.stances = [Stance(actor="CHL", issue="anti-war-expression", stance="oppose", start=third, end=len(text),
                          actor_sector="GOV", date="2022-04", confidence=0.8, sent=2)]
    with open_store(str(tmp_path / "d.db")) as store:
        store.save_document(doc)
        reconcile_store(store, Options(progress=False))
        answer = build_answer(store, parse_question("What is Chile's position on anti-war protest?"))
    home = next(s for s in answer["brief"]["sections"] if s["id"] == "at-home")
    lines = [st["text"] for st in home["statements"]]
    # each act is told as its actor's voice, in plain words, with its own sentence quoted
    assert any(t.startswith("Chilean courts (arrest, ban or other coercion): “A court in Valparaiso") for t in lines)
    assert any(t.startswith("Chilean activists and citizens (protest): “Thousands of Chileans") for t in lines)
    assert all(st["cites"] for st in home["statements"])
    # the undated sentences are not given the record's month
    assert "April 2022" not in answer["summary"]


SENTENCE = re.compile(r"(?<=\])\.? (?=[A-Z“…])")
DOC = re.compile(r"\[\d{3}_[0-9a-f]+\]")


def _sentences(answer: dict) -> list[str]:  # type: ignore[type-arg]
    return [s for s in SENTENCE.split(answer["summary"].replace("\n\n", " ")) if s.strip()]


def _ask(db: Path, question: str) -> dict:  # type: ignore[type-arg]
    with open_store(str(db)) as store:
        return build_answer(store, parse_question(question))


def test_brief_on_the_bundled_corpus_covers_the_analysts_checklist(corpus_db: Path) -> None:
    """The positions the seed analysts report, each stated with a citation (issue 6's checklist),
    now spread over the questions that ask for them (issue 16: an answer follows its question)."""
    checklists = {
        "What is Kazakhstan's position on the Russian invasion of Ukraine?": {
            "neutral": r"Kazakhstan (mostly )?takes a neutral line on Russia's 2022 invasion",
            "UNGA abstention": r"abstained (on|in) .*(General Assembly|United Nations)",
            "HRC vote": r"voted against.*Human Rights Council",
            "territorial integrity": r"supports Ukraine's territorial integrity and sovereignty",
            "non-recognition": r"opposes recognition of the Donetsk",
            "talks": r"negotiat|mediat",
            "rallies": r"rall(y|ies)",
            "activists sentenced": r"sentenc",
            "the real disagreement": r"describes Kazakhstan as opposing it",
        },
        "Does Kazakhstan support sanctions on Russia?": {
            "no help to evade sanctions": r"not help Russia evade",
            "no own sanctions": r"will not impose",
            "comply": r"abide by|complied|respect the sanctions",
        },
        "What are Kazakhstan's positions?": {
            "humanitarian aid": r"humanitarian",
            "blocs kept": r"Russia-led organisations",
            "diversification": r"diversifying",
            "figures": r"\d%",
        },
    }
    for question, checklist in checklists.items():
        answer = _ask(corpus_db, question)
        sentences = _sentences(answer)
        assert all(DOC.search(s) for s in sentences), [s for s in sentences if not DOC.search(s)]
        missing = [k for k, pat in checklist.items() if not any(re.search(pat, s) for s in sentences)]
        assert not missing, (question, missing)


def test_seed_brief_reads_well_and_states_no_code(corpus_db: Path) -> None:
    """No internal code, no slug, no bare event type and no unexplained confidence number in what a
    person reads; no quote repeated; a short executive summary first."""
    answer = _ask(corpus_db, "What is Kazakhstan's position on the Russian invasion of Ukraine?")
    text = re.sub(r"“[^”]*”", "", answer["summary"])  # what the brief says in its own words
    text = DOC.sub("", text)
    assert not re.search(r"\b(KAZ|RUS|UKR|GOV|CVL|JUD|OPP)\b", text)
    assert not re.search(r"\b(REJECT|ACCUSE|SANCTION|PROTEST|CONSULT|ASSAULT)\b", text)
    assert not re.search(r"[a-z]+-[a-z]+-[a-z]+", text.replace("anti-war", ""))  # issue slugs
    assert "confidence" not in text and "2022-00" not in text
    quotes = re.findall(r"“(.{30,}?)”", answer["summary"])
    repeated = {q for q in quotes if quotes.count(q) > 1}
    assert not repeated, repeated
    execs = answer["brief"]["executive_summary"]
    assert sum(len(s["text"].split()) for s in execs) <= 150


def _chile_store(store: Any, n: int, edit: Callable[[int, Document], None]) -> None:
    """``n`` copies of the Chile document, each changed by ``edit``, stored and reconciled."""
    for i in range(n):
        doc = _doc(f"doc-{i}")
        doc.content_hash = f"h{i}"
        edit(i, doc)
        store.save_document(doc)
    reconcile_store(store, Options(progress=False))


def _answered_twice(tmp_path: Path, n: int, tweak: Callable[[int, Document], None],
                    limit: Callable[[], None]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The answer on Chile from a store of ``n`` documents, before and after ``limit`` lowers a cap."""
    with open_store(str(tmp_path / "t.db")) as store:
        _chile_store(store, n, tweak)
        question = parse_question("What is Chile's position on the war in Ukraine?")
        whole = build_answer(store, question)
        limit()
        return whole, build_answer(store, question)


def test_a_large_evidence_table_keeps_the_most_confident_rows_and_says_how_many(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An actor with more records than an answer carries: the table keeps the strongest and counts all."""
    from stancemap.answer import brief

    def graded(i: int, doc: Document) -> None:
        for st in doc.stances:
            st.confidence = 0.5 + i / 10

    whole, capped = _answered_twice(tmp_path, 4, graded, lambda: monkeypatch.setattr(brief, "MAX_RECORDS", 3))
    assert whole["records_total"] == len(whole["records"]) > 3
    assert capped["records_total"] == whole["records_total"]
    assert len(capped["records"]) == 3
    kept = sorted(float(r["confidence"] or 0) for r in capped["records"])
    dropped = sorted(float(r["confidence"] or 0) for r in whole["records"])[:-3]
    assert min(kept) >= max(dropped)
    # every kept row still points at a numbered source that the answer lists
    numbers = {s["n"] for s in capped["sources"]}
    assert all(r["source"] in numbers for r in capped["records"])


def test_an_answer_reads_every_vote_and_the_most_confident_rest_and_says_what_it_left(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from stancemap.answer import compose

    def voted(_: int, doc: Document) -> None:
        doc.stances[0].rule = "vote:A"  # the abstention, as the vote stage records it

    whole, part = _answered_twice(tmp_path, 3, voted, lambda: monkeypatch.setattr(compose, "MAX_READ", 1))
    assert whole["not_read"] == {}
    # the votes (a stance and two events in each document) are all read; of the other stances, the most confident
    assert part["not_read"] == {"stances": 2}
    kinds = [r["kind"] for r in part["records"]]
    assert kinds.count("vote") == 3 and kinds.count("stance") == 1
    assert "Read in part" in render_text(part) and "Read in part" not in render_text(whole)
