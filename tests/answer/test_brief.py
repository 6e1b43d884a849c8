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
        answer = build_answer(store, parse_question("What is Chile's position on the war in Ukraine?"))
    social = " ".join(answer["brief"]["dimensions"]["social"])
    assert "Chile's courts used force or the law against its citizens" in social
    assert "Chile's citizens protested against its government" in social
    assert social.count("[doc-d]") >= 2


def test_brief_on_the_bundled_corpus_covers_the_analysts_checklist(corpus_db: Path) -> None:
    """The positions the seed analysts report, each stated with a citation (issue 6's checklist)."""
    with open_store(str(corpus_db)) as store:
        answer = build_answer(store, parse_question("What is Kazakhstan's position on the Russian invasion of Ukraine?"))
    sentences = [s for s in re.split(r"(?<=\])\.? (?=[A-Z“])", answer["summary"].replace("\n\n", " "))
                 if re.search(r"\[\d{3}_[0-9a-f]+\]", s)]
    checklist = {
        "neutral": r"neutral line on Russia's 2022 invasion",
        "UNGA abstention": r"abstained on .*General Assembly",
        "HRC vote": r"voted against.*Human Rights Council",
        "territorial integrity": r"territorial integrity and sovereignty, Kazakhstan supports",
        "non-recognition": r"recognition of the Donetsk.*Kazakhstan opposes",
        "mediation": r"mediat",
        "humanitarian aid": r"humanitarian aid to Ukraine",
        "no help to evade sanctions": r"not help Russia evade",
        "no own sanctions": r"did not sanction Russia|will not impose",
        "blocs kept": r"Russia-led organisations.*Kazakhstan supports",
        "figures": r"Figure: .*percent",
        "rallies": r"rall(y|ies)",
        "activists sentenced": r"sentenc|courts .* against its citizens",
        "diversification": r"diversifying .*Kazakhstan supports",
    }
    missing = [k for k, pat in checklist.items() if not any(re.search(pat, s) for s in sentences)]
    assert not missing, missing
