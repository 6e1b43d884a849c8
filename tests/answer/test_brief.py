"""The brief is assembled from stored records only, and every sentence carries a citation."""

from __future__ import annotations

import re
from pathlib import Path

from stancemap.answer.brief import build_answer
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
              rule="vote:abstain", sent=0, issue="un-condemnation-of-russia"),
        Event(source="CHL", type="REJECT", target="UN", start=s1.start, end=s1.end, date="2022-04",
              rule="vote:against", sent=1, issue="un-condemnation-of-russia"),
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
