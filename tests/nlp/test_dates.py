"""Date resolution: explicit dates, months, weekdays, relative expressions, durations, background."""

from __future__ import annotations

from datetime import date

import pytest

from stancemap.nlp.dates import resolve

PUB = date(2022, 3, 22)  # a Tuesday


@pytest.mark.parametrize(("text", "want"), [
    ("on April 1", "2021-04-01"),        # not after publication: last year's
    ("on March 11", "2022-03-11"),
    ("in early March", "2022-03"),
    ("on June 18th", "2021-06-18"),
    ("in January", "2022-01"),
    ("in June 2021", "2021-06"),
    ("in 2019", "2019"),
    ("this week", "2022-03"),
    ("last month", "2022-02"),
    ("two months ago", "2022-01"),
    ("on Monday", "2022-03-21"),
    ("this year", "2022"),
    ("the first seven months of 2022", "2022-01/2022-07"),
])
def test_resolution_in_a_dated_article(text: str, want: str) -> None:
    assert resolve(text, PUB, True)[0] == want


@pytest.mark.parametrize("text", ["about two weeks", "for five years", "several days", "the day"])
def test_durations_and_vague_expressions_are_not_dates(text: str) -> None:
    assert resolve(text, PUB, True)[0] is None


def test_undated_article_reads_months_forward_from_its_latest_date() -> None:
    # An undated piece whose latest dated item is December 2021 and that then says "in January".
    assert resolve("in January", date(2021, 12, 15), False)[0] == "2022-01"


def test_month_year_elsewhere_in_the_text_wins() -> None:
    assert resolve("in September", date(2022, 3, 1), True, {9: 2021})[0] == "2021-09"


def test_undated_sentence_continues_the_paragraphs_date_but_not_across_paragraphs() -> None:
    from stancemap.config import Options
    from stancemap.model import Document
    from stancemap.nlp.dates import clause_date
    from stancemap.pipeline import Pipeline

    text = ("In early May, Chile recalled its ambassador from Peru. Later, the Chilean minister said talks "
            "would resume.\n\nThe minister also met Bolivian officials.")
    doc = Pipeline(Options(pipeline=["parse", "dates"], progress=False))(
        Document(id="d", text=text, published="2021-06-20"))
    said = next(t for t in doc.parsed if t.lemma_ == "say")
    met = next(t for t in doc.parsed if t.lemma_ == "meet")
    assert clause_date(said, doc) == ("2021-05", False)
    assert clause_date(met, doc) == (None, False)
