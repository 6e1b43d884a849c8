"""Roll calls are read by their form: labelled lines whose lists are states."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from stancemap.actors.reference import load_reference
from stancemap.votes.rollcall import find_blocks, read_list, resolve

BLOCK = """The result of the recorded vote on the text was the following:

In favour: Andorra, Bosnia and Herzegovina, Côte d'Ivoire, Iran (Islamic Republic of), Saint Vincent and the Grenadines, Trinidad and Tobago, Viet Nam.

Against: Democratic People's Republic of Korea, Syrian Arab Republic.

Abstaining: Bolivia (Plurinational State of), Lao People's Democratic Republic, Republic of Moldova.

Absent: Venezuela (Bolivarian Republic of)
"""


@pytest.fixture(scope="module")
def ref():  # type: ignore[no-untyped-def]
    return load_reference(())


def test_every_un_member_name_resolves_to_its_code(ref) -> None:  # type: ignore[no-untyped-def]
    text = resources.files("stancemap.votes").joinpath("data/un_members.csv").read_text("utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    assert len(rows) == 193
    wrong = [(r["name"], resolve(r["name"], ref)) for r in rows if resolve(r["name"], ref) != r["code"]]
    assert not wrong


def test_a_block_gives_every_state_its_vote(ref) -> None:  # type: ignore[no-untyped-def]
    (block,) = find_blocks(BLOCK, ref)
    votes = {v.code: v.vote for v in block.votes}
    assert votes == {"AND": "Y", "BIH": "Y", "CIV": "Y", "IRN": "Y", "VCT": "Y", "TTO": "Y", "VNM": "Y",
                     "PRK": "N", "SYR": "N", "BOL": "A", "LAO": "A", "MDA": "A", "VEN": "X"}
    first = next(v for v in block.votes if v.code == "AND")
    assert BLOCK[first.line_start:first.line_end].startswith("In favour: Andorra") and \
        BLOCK[first.line_start:first.line_end].endswith("Viet Nam.")


def test_names_joined_by_and_split_only_when_the_whole_is_no_state(ref) -> None:  # type: ignore[no-untyped-def]
    codes, unresolved = read_list("Antigua and Barbuda, Chile and Peru; Sao Tome and Principe", ref)
    assert codes == ["ATG", "CHL", "PER", "STP"] and unresolved == 0


def test_prose_with_labels_is_not_a_roll_call(ref) -> None:  # type: ignore[no-untyped-def]
    text = ("For: the reasons given above, the minister declined.\n"
            "Against: all expectations, the talks went on.\nAbstaining: from comment is not a policy.")
    assert find_blocks(text, ref) == []


def test_counts_beside_labels_are_kept(ref) -> None:  # type: ignore[no-untyped-def]
    text = "In favour (3): Chile, Peru, Japan.\nAgainst (1): Mali.\n"
    (block,) = find_blocks(text, ref)
    assert dict(block.declared) == {"Y": 3, "N": 1}
