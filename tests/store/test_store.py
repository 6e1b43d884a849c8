"""The store: recorded idempotent migrations, whole-or-nothing writes, faithful round trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stancemap.model import Claim, Document, Event, Mention, Sentence, Stance
from stancemap.store import open_store
from stancemap.store.schema import MIGRATIONS


def make_doc(doc_id: str = "d1", text: str = "Chile accused Peru of moving troops. Peru denied it.") -> Document:
    doc = Document(id=doc_id, text=text, title="T", published="2021-05-04", lang="en", content_hash=doc_id + "h")
    doc.sentences = [Sentence(0, 0, 36), Sentence(1, 37, len(text))]
    doc.mentions = [Mention(0, 5, "CHL", None, None, "state", 1.0, "gazetteer", 0)]
    doc.events = [Event(source="CHL", type="ACCUSE", start=0, end=36, target="PER", cameo="112", date="2021-05",
                        sent=0)]
    doc.stances = [Stance(actor="PER", issue="x", stance="oppose", start=37, end=len(text), sent=1)]
    doc.claims = [Claim(indicator="troops", value=200.0, unit="troops", start=0, end=36, sent=0)]
    return doc


def test_migrations_are_recorded_and_idempotent(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    with open_store(str(db)) as s:
        assert s.applied_migrations() == [v for v, _, _ in MIGRATIONS]
    with open_store(str(db)) as s:  # reopening applies nothing twice
        assert s.migrate() == []
        assert s.applied_migrations() == [v for v, _, _ in MIGRATIONS]


def test_failed_write_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(str(tmp_path / "a.db")) as s:
        s.save_document(make_doc("keep"))

        def boom(doc: Document) -> None:
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(s, "_insert_records", boom)
        with pytest.raises(RuntimeError):
            s.save_document(make_doc("lost", text="Brazil praised Chile. Chile thanked Brazil for the help."))
        assert [r["id"] for r in s.rows("documents")] == ["keep"]
        assert {r["doc"] for r in s.rows("sentences")} == {"keep"}


def test_unreadable_database_is_a_clean_error(tmp_path: Path) -> None:
    from stancemap.errors import StoreError

    bad = tmp_path / "not.db"
    bad.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match=r"not a (stancemap )?database"):
        open_store(str(bad))


texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=5, max_size=200)


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts, title=st.one_of(st.none(), st.text(max_size=30)), value=st.floats(-1e12, 1e12),
       negated=st.booleans())
def test_document_round_trip(tmp_path: Path, text: str, title: str | None, value: float, negated: bool) -> None:
    doc = Document(id="rt", text=text, title=title, content_hash="h" + str(hash(text)), meta={"k": text[:3]})
    n = len(text)
    doc.sentences = [Sentence(0, 0, n)]
    doc.events = [Event(source=None, type="REJECT", start=1, end=n, negated=negated, modality="intent")]
    doc.claims = [Claim(indicator="i", value=value, unit="USD", start=0, end=n)]
    with open_store(str(tmp_path / "rt.db")) as s:
        s.save_document(doc)
        back = next(s.documents(["rt"]))
    assert back.text == text and back.title == title and back.meta == doc.meta
    assert back.events[0].negated == negated and back.events[0].source is None
    assert back.claims[0].value == pytest.approx(value)
    assert back.span(back.events[0].start, back.events[0].end) == text[1:n]
