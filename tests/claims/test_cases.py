"""Numeric claims on sentences written for the test (tests/claims/cases.yaml).

Percentages, money with currency and scale, counts with their noun, spelled-out numbers, every
qualifier, ranges, and the numbers that are not claims (years, dates, ordinals, article numbers,
relative offsets, periods, definite references).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from stancemap.config import Options
from stancemap.model import Document
from stancemap.pipeline import Pipeline
from tests.cases import load_cases, report, run_cases

CASES = load_cases(Path(__file__).parent / "cases.yaml")
FLOOR = 0.95


def claims(doc: Document) -> list[dict[str, Any]]:
    return [{"value": c.value, "unit": c.unit, "qualifier": c.qualifier} for c in doc.claims]


def agree(want: dict[str, Any], got: dict[str, Any]) -> bool:
    close = abs(float(want["value"]) - float(got["value"])) <= 0.005 * max(abs(float(want["value"])), 1e-9)
    if not close or str(want["unit"]).lower() != str(got["unit"]).lower():
        return False
    return "qualifier" not in want or want["qualifier"] == got["qualifier"]


def test_claim_cases() -> None:
    results = run_cases(CASES, claims, agree, ["parse", "dates", "actors", "claims"])
    assert report("claim cases", results) >= FLOOR


def test_numbers_that_are_not_claims_never_become_claims() -> None:
    pipe = Pipeline(Options(pipeline=["parse", "dates", "actors", "claims"], progress=False))
    wrong = []
    for case in CASES:
        doc = pipe(Document(id="c", text=case["text"], published=str(case.get("published") or "") or None))
        values = {float(c.value) for c in doc.claims}
        for n in case.get("not_claims") or []:
            try:
                v = float(str(n).replace(",", ""))
            except ValueError:
                continue
            expected = {float(e["value"]) for e in case.get("expect") or []}
            if v in values and v not in expected:
                wrong.append((case["text"][:60], n))
    assert not wrong, wrong



def test_a_number_never_takes_the_currency_of_the_next_number() -> None:
    """A year followed by "$4.5 billion" gave a claim of 2022 US dollars, and where the parser ended the
    sentence between the two, a claim whose surface ran past its sentence (both found by tests/fuzz)."""
    pipe = Pipeline(Options(pipeline=["parse", "dates", "actors", "claims"], progress=False))
    texts = ["Kazakhstan condemned Russia in March 2022 $4.5 billion was pledged by China.",
             "L0001C1\n\nMarch 2022 $4.5 billion recognise which ( trade said our condemned with Russia."]
    for text in texts:
        doc = pipe(Document(id="c", text=text, published="2022-04-01"))
        for c in doc.claims:
            sent = doc.sentences[c.sent]
            assert c.surface in doc.text[sent.start:sent.end], c
        assert {(c.value, c.unit) for c in doc.claims} == {(4.5e9, "USD")}, text
