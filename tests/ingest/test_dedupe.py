"""Re-ingesting is a no-op; exact and near duplicates are linked, not stored twice."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from stancemap.config import Options
from stancemap.ingest import dedupe
from stancemap.runner import ingest_paths
from stancemap.store import open_store

ARTICLE = (
    "Norway and Sweden agreed on Friday to build a new power line across their northern border.\n\n"
    "The two energy ministers met in Tromsø and signed a memorandum that sets out the route and the costs.\n\n"
    "Environmental groups in both countries criticised the plan, saying it would cut through reindeer pastures.\n\n"
    "Construction is expected to start in 2026 and to take about four years, officials said at the meeting.\n"
)


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_reingest_is_a_noop_and_changed_file_is_updated(tmp_path: Path, options: Options) -> None:
    f = write(tmp_path / "power.txt", ARTICLE)
    with open_store(options.db) as store:
        first = ingest_paths([f], store, options)
        assert first.stored == ["power"]
        rows_before = store.count("sentences")
        second = ingest_paths([f], store, options)
        assert second.unchanged == ["power"] and second.ingested == 0
        assert store.count("documents") == 1 and store.count("sentences") == rows_before
        write(tmp_path / "power.txt", ARTICLE + "\nThe project was approved by both parliaments in a vote on Thursday.\n")
        third = ingest_paths([f], store, options)
        assert third.updated == ["power"]
        assert store.count("documents") == 1


def test_documents_read_by_another_extractor_are_read_again(tmp_path: Path, options: Options) -> None:
    f = write(tmp_path / "power.txt", ARTICLE)
    lexicon = write(tmp_path / "lexicon.yaml", "predicates: []\n")
    with open_store(options.db) as store:
        assert ingest_paths([f], store, options).stored == ["power"]
        # the same text under a changed extractor (here: a user lexicon added) is no longer up to date
        changed = replace(options, lexicon_files=[lexicon])
        assert ingest_paths([f], store, changed).updated == ["power"]
        assert ingest_paths([f], store, changed).unchanged == ["power"]
        assert store.count("documents") == 1


def test_exact_copy_under_another_name_is_linked(tmp_path: Path, options: Options) -> None:
    a = write(tmp_path / "a.txt", ARTICLE)
    b = write(tmp_path / "b.txt", ARTICLE.replace("\n\n", "\n"))  # same text, different layout
    with open_store(options.db) as store:
        rep = ingest_paths([a, b], store, options)
        assert rep.stored == ["a"]
        assert rep.duplicates == [("b", "a", 1.0)]
        assert store.count("documents") == 1
        assert store.rows("duplicates")[0]["duplicate_of"] == "a"


def test_near_copy_is_linked(tmp_path: Path, options: Options) -> None:
    a = write(tmp_path / "orig.txt", ARTICLE)
    repost = ARTICLE.replace("on Friday", "on Friday, 3 May,") + "\nRead more on our website.\n"
    b = write(tmp_path / "repost.txt", repost)
    with open_store(options.db) as store:
        rep = ingest_paths([a, b], store, options)
        assert [d[:2] for d in rep.duplicates] == [("repost", "orig")]
        assert rep.duplicates[0][2] >= options.near_duplicate_threshold
        assert store.count("documents") == 1


def test_different_articles_are_not_duplicates(tmp_path: Path, options: Options) -> None:
    other = ("Kenya's parliament passed a budget on Tuesday that raises taxes on mobile money transfers.\n\n"
             "Opposition deputies walked out of the chamber before the vote and called for street protests.\n")
    with open_store(options.db) as store:
        rep = ingest_paths([write(tmp_path / "a.txt", ARTICLE), write(tmp_path / "b.txt", other)], store, options)
        assert rep.duplicates == [] and len(rep.stored) == 2


@settings(max_examples=30, deadline=None, derandomize=True)
@given(st.text(min_size=1, max_size=400))
def test_signature_of_identical_text_is_identical(text: str) -> None:
    assert dedupe.similarity(dedupe.signature(text), dedupe.signature(text)) == 1.0
    assert dedupe.content_hash(text) == dedupe.content_hash(text.casefold())


@settings(max_examples=30, deadline=None, derandomize=True)
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), min_size=1, max_size=200))
def test_content_hash_ignores_case_and_spacing(text: str) -> None:
    assert dedupe.content_hash(text) == dedupe.content_hash("  " + text.upper().replace(" ", "\n") + " ")
