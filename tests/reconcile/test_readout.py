"""Two accounts of one call that disagree, found in the text that reports them."""

from __future__ import annotations

import re
from typing import Any

from stancemap.reconcile.readout import readout_contradictions
from tests.reconcile.helpers import idf_for

CALL = (
    "President Vera of Chile and President Rojas of Peru spoke by phone on Monday. "
    "According to the Chilean presidency, Rojas \"welcomed Chile's proposal\" on the Lauca river. "
    "The Peruvian readout contained no such phrase and said only that the two leaders had discussed water. "
    "Both countries share a long border. "
    "Trade between them grew last year."
)
DENIAL = (
    "Statements on the meeting\n"
    "The Chilean envoy met Peruvian ministers in Lima on 3 May. "
    "The envoy welcomed the assurance of the Peruvian authorities that they would set up a joint water commission. "
    "The talks covered trade and fisheries. "
    "The Peruvian foreign ministry's statement does not mention a water commission. "
    "A Peruvian official denied that Lima had promised any new commission and said the Chilean statement went too far."
)
NO_EXCHANGE = (
    "The minister spoke to students about the budget. "
    "\"We will build schools,\" she said. "
    "She said only that the money would come from taxes."
)
SUPPOSING = (
    "Leaders phone each other often and publish readouts. "
    "The Chilean readout said Rojas \"agreed\" to more talks. "
    "If a phrase is missing from the other readout, it was left out on purpose."
)


def _doc(doc_id: str, text: str) -> tuple[dict[str, Any], list[tuple[int, int]]]:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^.\n]+[.\n]", text)]
    return {"id": doc_id, "text": text}, spans


def _run(*texts: tuple[str, str]) -> list[dict[str, Any]]:
    docs, sentences = [], {}
    for doc_id, text in texts:
        d, spans = _doc(doc_id, text)
        docs.append(d)
        sentences[doc_id] = spans
    return readout_contradictions(docs, sentences, {}, idf_for(*(t for _, t in texts)))


def test_an_account_and_the_other_sides_omission() -> None:
    found = _run(("call", CALL))
    assert len(found) == 1
    f = found[0]
    assert f["kind"] == "readout" and f["a_doc"] == f["b_doc"] == "call"
    assert "welcomed Chile's proposal" in f["a_evidence"] and "contained no such phrase" in f["b_evidence"]
    assert f["a_evidence"] == CALL[f["a_start"]:f["a_end"]]
    assert f["score"] >= 0.5


def test_an_omission_and_a_denial_answer_the_same_account() -> None:
    found = _run(("meeting", DENIAL))
    assert {f["b_value"] for f in found} == {'"omission"', '"denial"'}
    assert all("joint water commission" in f["a_evidence"] for f in found)
    assert all(f["score"] >= 0.5 for f in found)


def test_a_speaker_who_says_only_one_thing_is_not_a_disagreement() -> None:
    assert _run(("speech", NO_EXCHANGE)) == []


def test_a_supposition_reports_no_disagreement() -> None:
    assert _run(("comment", SUPPOSING)) == []


KREMLIN_SIDE = (
    "President Rojas of Peru and President Vera of Chile spoke by phone on 3 May. "
    "The Chilean presidency said Rojas had \"endorsed the Lauca canal plan\" during the call. "
    "Markets were calm."
)
PERU_SIDE = (
    "Rojas spoke to Vera on 3 May about water. "
    "The Peruvian presidency's account of the call made no mention of the Lauca canal plan. "
    "Farmers in the south want more water."
)


def test_two_reports_of_one_call_disagree_across_documents() -> None:
    texts = {"chile": KREMLIN_SIDE, "peru": PERU_SIDE}
    docs, sentences = [], {}
    for doc_id, text in texts.items():
        d, spans = _doc(doc_id, text)
        docs.append(d)
        sentences[doc_id] = spans
    call = frozenset(("CHL", "PER"))
    exchanges = {"chile": [(call, "2021-05-03", 0)], "peru": [(call, "2021-05-03", 0)]}
    found = readout_contradictions(docs, sentences, {}, idf_for(*texts.values()), exchanges=exchanges)
    assert len(found) == 1
    f = found[0]
    assert (f["a_doc"], f["b_doc"]) == ("chile", "peru")
    assert "endorsed the Lauca canal plan" in f["a_evidence"] and "made no mention" in f["b_evidence"]
    assert f["score"] >= 0.5 and "two reports" in f["note"]
    # another call (other sides, or a month apart) is another exchange
    later = {"chile": [(call, "2021-06-20", 0)], "peru": [(call, "2021-05-03", 0)]}
    assert readout_contradictions(docs, sentences, {}, idf_for(*texts.values()), exchanges=later) == []
