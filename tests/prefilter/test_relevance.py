"""The pre-filter: sport and markets are set aside unparsed, reports on relations between states are read,
and a set-aside document is read fully later (by `reextract`, without the filter, or when a new issue file
makes it relevant). Texts are written for these tests."""

from __future__ import annotations

from pathlib import Path

from stancemap.config import Options
from stancemap.prefilter.relevance import RelevanceFilter, load_thresholds
from stancemap.runner import ingest_paths, reextract
from stancemap.store import open_store

SPORT = ("Kazakhstan beat Russia 2-1 in Almaty on Tuesday night. The winger scored twice in the second half, "
         "and the coach praised the young defenders. Russia's goalkeeper was injured in the first minute. "
         "The crowd of 20,000 sang until the final whistle. Kazakhstan play Serbia on Saturday.")
MARKETS = ("Shares of a cement maker rose 4 percent on Monday after it reported higher quarterly profit. "
           "The chief executive said demand from builders held up. Analysts had expected lower sales.")
DIPLOMACY = ("Mongolia's foreign minister met his Japanese counterpart in Tokyo on Monday. The two ministers "
             "signed an agreement on mining investment, and the Japanese government promised loans.")
WAR = ("Moldova's parliament condemned the invasion of Ukraine on Thursday and backed new sanctions on Russia. "
       "Deputies called the war an act of aggression. Russia's embassy rejected the resolution.")
# Long enough (over 200 words) to be held to the full thresholds; two states, each named twice, and no words of
# state politics or of the shipped issues.
FISHERIES = ("Boats from Norway landed less mackerel this autumn, and the quotas for next year are lower again. "
             "Skippers in Norway say the catch limits leave the fleet idle for months. Iceland's boats fish "
             "the same shoals further west, and skippers in Iceland want a larger share. "
             + " ".join(f"On day {n} the trawlers waited in the harbour for the weather to clear, and the crews "
                        "mended nets, painted hulls and talked about prices at the fish market." for n in range(8)))


def test_the_rule_keeps_politics_and_sets_aside_sport_and_markets() -> None:
    f = RelevanceFilter()
    sport = f.scan(SPORT)
    assert sport.actors >= 3 and not sport.relevant  # states are named, but nothing political is said
    assert not f.scan(MARKETS).relevant
    assert f.scan(DIPLOMACY).relevant  # two states and their ministers: events, though no issue is named
    war = f.scan(WAR)
    assert war.relevant and war.issue_words >= 3
    assert "issue word" in sport.note()


def test_issue_words_about_one_actor_s_own_affairs_need_several_issues() -> None:
    # A civil war far from the issues' actors has ceasefires and peace talks (words of a generic issue), but
    # one actor and one issue: not a text about the issues.
    f = RelevanceFilter()
    text = ("Fighting between the army of Chad and a rebel militia went on in the north. " + " ".join(
        f"On day {n}, elders in Chad said the ceasefire had failed and peace talks must resume." for n in range(12)))
    r = f.scan(text)
    assert r.actors >= 3 and r.issue_words >= 3 and not r.relevant


def test_an_issue_about_named_actors_needs_them_named() -> None:
    # "aggression", "invasion" and "sanctions" are words of issues about Russia and Ukraine: a text about
    # another quarrel that uses them is not about those issues.
    f = RelevanceFilter()
    other = "Chile and Peru signed a fisheries accord. " + "The sanctions on trawlers and the invasion of " \
            "the bay by foreign boats were an act of aggression, the fishermen said. " * 2
    assert f.scan(other).issue_words == 0


def test_a_user_issue_widens_what_is_relevant(tmp_path: Path) -> None:
    issues = tmp_path / "fish.yaml"
    issues.write_text("issues:\n  - id: fishing-quotas\n    label: Fishing quotas in the North Atlantic\n"
                      "    keywords: [mackerel, quotas, catch limits, fleet]\n", encoding="utf-8")
    assert not RelevanceFilter().scan(FISHERIES).relevant
    assert RelevanceFilter(issues_file=str(issues)).scan(FISHERIES).relevant


def test_thresholds_come_from_a_data_file(tmp_path: Path) -> None:
    assert load_thresholds().min_actors >= 1
    loose = tmp_path / "loose.yaml"
    loose.write_text("min_actors: 1\nmin_issue_words: 0\n", encoding="utf-8")
    assert load_thresholds(str(loose)).min_issue_words == 0


def _folder(tmp_path: Path, texts: dict[str, str]) -> Path:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def test_ingest_stores_irrelevant_documents_unparsed_and_reads_them_on_request(tmp_path: Path) -> None:
    options = Options(db=str(tmp_path / "t.db"), progress=False, pipeline=["parse", "dates", "actors"],
                      prefilter=True)
    folder = _folder(tmp_path, {"sport": SPORT, "war": WAR, "fish": FISHERIES})
    with open_store(options.db) as store:
        rep = ingest_paths([str(folder)], store, options)
        assert sorted(rep.irrelevant) == ["fish", "sport"] and sorted(rep.stored) == ["fish", "sport", "war"]
        row = store.rows("documents", "id = ?", ("sport",))[0]
        assert row["extraction"] == "irrelevant" and "pre-filter" in row["extraction_note"]
        assert store.rows("mentions", "doc = ?", ("sport",)) == [] and store.rows("mentions", "doc = ?", ("war",))
        assert "judged irrelevant" in rep.rate()
        # the same files again: nothing to do (idempotent)
        again = ingest_paths([str(folder)], store, options)
        assert sorted(again.unchanged) == ["fish", "sport", "war"] and not again.ingested
        # a new issue file (a new extractor fingerprint) makes the next ingest judge them again
        issues = tmp_path / "fish.yaml"
        issues.write_text("issues:\n  - id: fishing-quotas\n    label: Fishing quotas\n"
                          "    keywords: [mackerel, quotas, catch limits, fleet]\n", encoding="utf-8")
        fishy = Options(**{**options.__dict__, "issues_file": str(issues)})
        third = ingest_paths([str(folder)], store, fishy)
        assert third.irrelevant == ["sport"] and "fish" in third.updated
        assert store.rows("documents", "id = ?", ("fish",))[0]["extraction"] == "ok"
        # reextract reads the set-aside ones fully, from the stored text
        back = reextract(store, fishy)
        assert back.updated == ["sport"] and store.rows("mentions", "doc = ?", ("sport",))
        assert store.rows("documents", "id = ?", ("sport",))[0]["extraction"] == "ok"


def test_without_the_prefilter_set_aside_documents_are_read(tmp_path: Path) -> None:
    options = Options(db=str(tmp_path / "t.db"), progress=False, pipeline=["parse"], prefilter=True)
    folder = _folder(tmp_path, {"markets": MARKETS})
    with open_store(options.db) as store:
        assert ingest_paths([str(folder)], store, options).irrelevant == ["markets"]
        options.prefilter = False
        rep = ingest_paths([str(folder)], store, options)
        assert rep.updated == ["markets"] and not rep.irrelevant
        assert store.rows("documents")[0]["extraction"] == "ok" and store.count("sentences") > 0


def test_any_text_gets_a_verdict() -> None:
    # The scan runs before anything else reads the text: hostile input must give a verdict, not an exception.
    from hypothesis import given, settings
    from hypothesis import strategies as st

    f = RelevanceFilter()

    @settings(max_examples=200, deadline=None)
    @given(st.text(max_size=400))
    def scan(text: str) -> None:
        r = f.scan(text)
        assert r.words >= 0 and r.actors >= 0 and isinstance(r.relevant, bool)

    scan()
    assert not f.scan("").relevant and f.scan("US " * 5000).actors == 5000
