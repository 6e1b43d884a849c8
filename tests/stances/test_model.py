"""The issue model: frames from the issue file's descriptions, matched up to synonym groups."""

from __future__ import annotations

from collections import Counter
from importlib import resources

from stancemap import yamlio
from stancemap.stances.issues import Issue
from stancemap.stances.model import build_models, same_act, stem


def test_synonym_groups_are_disjoint() -> None:
    text = resources.files("stancemap.stances").joinpath("data/synonyms.yaml").read_text("utf-8")
    groups = Counter(s for group in yamlio.load(text)["synonyms"] for s in {stem(w) for w in group})
    assert [w for w, n in groups.items() if n > 1] == []  # a word in two groups would join them


def test_a_frame_matches_a_synonym_of_its_verb() -> None:
    issue = Issue(id="x", label="X", descriptions={"support": "complies with them", "oppose": "refuses to recognise them"})
    (model,) = build_models((issue,))
    frames = {f.polarity: f for f in model.frames}
    assert frames["support"].stems <= same_act({stem("respected"), stem("sanctions")})
    assert frames["oppose"].stems <= same_act({stem("acknowledge")})
    assert not frames["support"].stems <= same_act({stem("violated")})


def test_a_clause_says_an_issue_only_with_its_own_words() -> None:
    """Words that only the examples share ("bilateral relations") do not make a clause about the issue."""
    from stancemap.actors.lookup import ActorLookup
    from stancemap.actors.reference import load_reference
    from stancemap.stances.detect import StanceDetector

    issue = Issue(id="x", label="Sanctions on Ruritania", keywords=("embargo",),
                  descriptions={"support": "imposes them"},
                  examples=(("support", "Despite bilateral relations and strong relations, Elbonia imposed an embargo."),))
    (model,) = build_models((issue,))
    detector = StanceDetector((model,), ActorLookup(load_reference()))
    example_only = {stem("bilateral"), stem("relations"), stem("strong")}
    assert sum(model.terms.get(s, 0.0) for s in example_only) >= detector.min_terms  # enough by sum ...
    assert not detector._says_issue(model, example_only)  # ... but none is the issue's own word
    assert detector._says_issue(model, {stem("embargo")})
    assert detector._says_issue(model, {stem("sanctions"), stem("imposed")})
