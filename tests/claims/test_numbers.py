"""Numbers and their surroundings on phrases written for the test (src/stancemap/claims/numbers.py, context.py)."""

from __future__ import annotations

import pytest

from stancemap.claims.context import in_symbol
from stancemap.claims.describe import period
from stancemap.claims.numbers import parse_number, word_number
from stancemap.config import Options
from stancemap.model import Document
from stancemap.pipeline import Pipeline


@pytest.mark.parametrize(("words", "value"), [
    (["two", "thousand"], 2000), (["forty-five"], 45), (["three", "hundred", "and", "twenty"], 320),
    (["seven"], 7), (["one", "million"], 1e6), (["dozen"], 12),
])
def test_word_number(words: list[str], value: float) -> None:
    assert word_number(words) == value


def test_word_number_rejects_other_words() -> None:
    assert word_number(["several", "hundred"]) is None
    assert parse_number("1,250,000") == 1250000
    assert parse_number("2,000-plus") == 2000


@pytest.mark.parametrize(("text", "symbol"), [
    ("resolution ES-11/4 was", True), ("document S/2022/155 said", True), ("the G20 summit", True),
    ("call +7 701 555", True), ("at 14:30 on", True), ("a $20bn project", False), ("1,500-km pipeline", False),
    ("(about 40%)", False), ("10,000-15,000 troops", False), ("a $60-a-barrel cap", False), ("2,000-plus", False),
])
def test_symbols(text: str, symbol: bool) -> None:
    digit = next(i for i, c in enumerate(text) if c.isdigit())
    end = digit
    while end < len(text) and (text[end].isdigit() or text[end] == ","):
        end += 1
    assert in_symbol(text, digit, end) == symbol


def test_the_period_of_a_count_since_a_date_runs_to_the_texts_date() -> None:
    pipe = Pipeline(Options(pipeline=["parse", "dates"], progress=False))
    doc = pipe(Document(id="t", text="Since February 2022 the council has adopted 14 packages of sanctions.",
                        published="2024-06-24"))
    assert period(doc, 0) == "2022-02/2024-06-24"
    doc = pipe(Document(id="u", text="In February 2022 the council adopted two packages of sanctions.",
                        published="2024-06-24"))
    assert period(doc, 0) == "2022-02"
