"""Vote tallies read from one sentence's text (src/stancemap/claims/tallies.py), on sentences written for the test."""

from __future__ import annotations

import pytest

from stancemap.claims.tallies import read_tallies


def parts(text: str) -> list[tuple[float, str, str]]:
    return [(p.value, p.unit, p.role) for p in read_tallies(text)]


@pytest.mark.parametrize(("text", "want"), [
    ("The text was adopted by a recorded vote of 87 in favour to 13 against, with 44 abstentions.",
     [(87, "votes", "votes in favour"), (13, "votes", "votes against"), (44, "abstentions", "abstentions")]),
    ("The Storting approved the bill by 141 votes to 28.",
     [(141, "votes", "votes in favour"), (28, "votes", "votes against")]),
    ("The resolution was adopted by 120 votes to nine, with 40 abstentions.",
     [(120, "votes", "votes in favour"), (9, "votes", "votes against"), (40, "abstentions", "abstentions")]),
    ("Delegates voted 122-4-51 to approve the declaration.",
     [(122, "votes", "votes in favour"), (4, "votes", "votes against"), (51, "abstentions", "abstentions")]),
    ("It received 9 votes in favour to 2 against (Russian Federation, China), with 4 abstentions (Brazil, India).",
     [(9, "votes", "votes in favour"), (2, "votes", "votes against"), (4, "abstentions", "abstentions")]),
    ("Eleven members voted in favour.", [(11, "votes", "votes in favour")]),
])
def test_tallies(text: str, want: list[tuple[float, str, str]]) -> None:
    assert parts(text) == want


@pytest.mark.parametrize("text", [
    "Exports rose 10-15% in the 2021-22 season.",  # a range and a year span, no vote
    "The team won 3-1 on Sunday.",  # a score, no vote
    "Polls show 45 per cent in favour of the deal.",  # a share, not a tally
    "Between 10,000 and 15,000 troops voted with their feet.",
])
def test_not_tallies(text: str) -> None:
    assert parts(text) == []


def test_offsets_point_at_the_numbers() -> None:
    text = "The Rada passed it by 302 votes to 4."
    got = read_tallies(text)
    assert [text[p.start:p.end] for p in got] == ["302", "4"]
    assert all(p.span[0] <= p.start < p.end <= p.span[1] for p in got)
