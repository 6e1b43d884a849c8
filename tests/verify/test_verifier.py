"""The verifier: learned confidences, the floor, and a training script that reproduces the shipped weights."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from stancemap.config import Options
from stancemap.model import Document, Event, Sentence, Stance
from stancemap.verify.component import VerifyComponent
from stancemap.verify.model import load_models

ROOT = Path(__file__).resolve().parents[2]
TEXT = ("Chile voted for the General Assembly resolution condemning the invasion. "
        "Analysts say the weather in Santiago was mild that week.")


def _doc() -> Document:
    doc = Document(id="v", text=TEXT, published="2022-03-03")
    a = TEXT.index("Analysts")
    doc.sentences = [Sentence(0, 0, a - 1), Sentence(1, a, len(TEXT))]
    doc.events = [Event(source="CHL", type="ACCUSE", target="RUS", start=0, end=a - 1, predicate="vote:for",
                        rule="vote:Y", confidence=0.8, sent=0),
                  Event(source="CHL", type="ASSAULT", target="ARG", start=a, end=len(TEXT), rule="classifier:ASSAULT",
                        confidence=0.6, sent=1)]
    doc.stances = [Stance(actor="CHL", issue="un-condemnation-of-russia", stance="support", start=0, end=a - 1,
                          rule="vote:Y", confidence=0.8, sent=0),
                   Stance(actor="CHL", issue="aid-to-ukraine", stance="oppose", start=a, end=len(TEXT),
                          rule="examples:oppose", confidence=0.5, sent=1)]
    return doc


def test_models_are_shipped_with_a_floor_for_each_kind() -> None:
    models = load_models()
    assert models is not None and set(models) == {"event", "stance"}
    assert all(0.0 < m.threshold < 1.0 for m in models.values())


@pytest.mark.slow
def test_confidence_is_learned_and_the_floor_drops_the_unlikely() -> None:
    kept = VerifyComponent(Options(progress=False))(_doc())
    everything = VerifyComponent(Options(progress=False, min_confidence=0.0))(_doc())
    assert len(everything.events) == 2 and len(everything.stances) == 2
    vote, noise = everything.events
    assert vote.confidence > noise.confidence  # a vote read from its sentence beats a war in the weather
    assert everything.stances[0].confidence > everything.stances[1].confidence
    assert [e.type for e in kept.events] == ["ACCUSE"] and [s.issue for s in kept.stances] == [
        "un-condemnation-of-russia"]


@pytest.mark.slow
def test_a_new_issue_from_a_users_file_is_scored_too(tmp_path: Path) -> None:
    issues = tmp_path / "issues.yaml"
    issues.write_text("issues:\n  - id: whaling-moratorium\n    label: The moratorium on commercial whaling\n"
                      "    support: keeps or defends the moratorium\n    oppose: resumes commercial whaling\n"
                      "    neutral: no position\n", encoding="utf-8")
    doc = Document(id="w", text="Japan said it would resume commercial whaling in July.", published="2019-01-01")
    doc.sentences = [Sentence(0, 0, len(doc.text))]
    doc.stances = [Stance(actor="JPN", issue="whaling-moratorium", stance="oppose", start=0, end=len(doc.text),
                          rule="frame+examples:oppose", confidence=0.7, sent=0)]
    out = VerifyComponent(Options(progress=False, issues_file=str(issues), min_confidence=0.0))(doc)
    assert 0.0 < out.stances[0].confidence < 1.0


@pytest.mark.slow
def test_the_training_script_reproduces_the_shipped_weights(tmp_path: Path) -> None:
    out = tmp_path / "verifier.npz"
    res = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_verifier.py"), "fit", str(out)],
                         capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, res.stderr[-2000:]
    shipped = np.load(ROOT / "src" / "stancemap" / "verify" / "data" / "verifier.npz")
    made = np.load(out)
    assert set(shipped.files) == set(made.files)
    for name in shipped.files:
        assert np.allclose(shipped[name], made[name], atol=1e-4), name


@pytest.mark.slow
def test_the_stance_training_script_reproduces_the_shipped_decider(tmp_path: Path) -> None:
    out = tmp_path / "decider.npz"
    res = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_stances.py"), "fit", str(out)],
                         capture_output=True, text=True, timeout=1800)
    assert res.returncode == 0, res.stderr[-2000:]
    shipped = np.load(ROOT / "src" / "stancemap" / "stances" / "data" / "decider.npz")
    made = np.load(out)
    for name in ("mean", "scale", "w1", "b1", "w2", "b2", "threshold"):
        assert np.allclose(shipped[name], made[name], atol=1e-4), name
