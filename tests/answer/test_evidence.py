"""The precision checks the brief applies before it states anything."""

from __future__ import annotations

from typing import Any

from stancemap.answer import evidence as ev


def test_a_date_comes_from_the_sentence_itself() -> None:
    assert ev.own_date("On March 14, the ministry sent a second convoy.", "2022-03-14") == "2022-03-14"
    assert ev.own_date("In early March the minister called for talks.", "2022-03-09") == "2022-03"
    assert ev.own_date("The minister called for talks.", "2022-03") is None  # dated from elsewhere
    assert ev.own_date("In 2019 the court released him.", "2022-03") is None  # the sentence dates another year
    assert ev.own_date("This week two activists were sentenced.", "2022-03") == "2022-03"
    assert ev.own_date("The vote took place in 2021.", "2021") == "2021"


def test_a_date_in_a_relative_clause_or_a_span_is_not_the_sentence_date() -> None:
    assert ev.own_date("A commentator, who praised the crackdown in January, proposed counter-sanctions.",
                       "2022-01") is None
    assert ev.own_date("The country has joined none of the packages adopted since February 2022.", "2022-02") is None


def test_a_long_sentence_is_trimmed_to_whole_clauses() -> None:
    sentence = ("The foreign minister, speaking to reporters after a long meeting in the capital with visiting "
                "delegations from several neighbouring states, said that the government would never recognise "
                "the breakaway regions, although it would keep trading with everyone in the region.")
    out = ev.trim(sentence, ev.stems("recognise breakaway regions"), limit=25)
    assert "never recognise the breakaway regions" in out and out.startswith("…")
    assert " ".join(out.strip("…").split()) in " ".join(sentence.split())
    # a clause that only subordinates ("While X...") is never shown without its main clause
    s2 = "While the country is a member of the union, it has stressed non-interference as a precondition for trade."
    assert "stressed non-interference" in ev.trim(s2, ev.stems("member union"), limit=10)
    # a quotation is never cut
    s3 = 'He said the move was "illegal, unjustified, and dangerous for everyone", and left the hall.'
    assert '"illegal, unjustified, and dangerous for everyone"' in ev.trim(s3, ev.stems("illegal"), limit=8)


def test_an_unexplained_speaker_is_dropped_and_a_known_one_named() -> None:
    assert ev.drop_unknown_speaker('He said that "we will respect the sanctions", and left.') == \
        '…"we will respect the sanctions", and left.'
    assert ev.bracket_referent("He also stated that the border is closed.", "Ana Ruiz") == \
        "He [Ana Ruiz] also stated that the border is closed."
    assert ev.unquote_end("• Chile voted for all four resolutions.") == "Chile voted for all four resolutions"


def test_limits_and_same_statements() -> None:
    assert ev.qualified("It will respect the sanctions, although it will not impose any of its own.")
    assert not ev.qualified("It will respect the sanctions and enforce them.")
    a = "Chile's deputy minister said on April 1 that Chile will not help Peru evade the sanctions."
    b = "In late March the deputy minister said that Chile will not help Peru evade the sanctions regime."
    assert ev.same_statement(a, b)
    assert not ev.same_statement(a, "In March Chile abstained in a vote on a resolution about Peru.")


def rec(doc: str, stance: str, conf: float = 0.8, sector: str | None = "GOV", date: str = "2022-05",
        text: str = "Chile said so.") -> dict[str, Any]:
    return {"doc": doc, "stance": stance, "confidence": conf, "actor_sector": sector, "date": date, "evidence": text,
            "start_char": 0, "end_char": len(text)}


def test_dissent_needs_a_source_that_reads_the_other_way_as_a_whole() -> None:
    rows = [rec("a", "neutral"), rec("b", "neutral"), rec("c", "neutral"), rec("d", "oppose", 0.9)]
    a = ev.assess("CHL", "x", rows)
    assert a.stance == "neutral" and a.well_supported and a.dissenting == {"oppose": ["d"]}
    # a document whose one voice reads the issue both ways has no reading of its own: not dissent
    mixed = [rec("a", "neutral"), rec("b", "neutral"), rec("d", "oppose", 0.8), rec("d", "neutral", 0.75)]
    assert ev.assess("CHL", "x", mixed).dissenting == {}
    # a reading older than all agreeing ones by more than a year is history, not dissent
    old = [rec("a", "support", date="2022-05"), rec("b", "support", date="2022-06"),
           rec("c", "neutral", 0.9, date="2014-03", text="In March 2014 Chile did not take part in the vote.")]
    assert ev.assess("CHL", "x", old).dissenting == {}


def test_a_minority_of_sources_never_makes_a_position() -> None:
    rows = [rec("a", "support", 0.95), rec("a", "support", 0.95), rec("a", "support", 0.95), rec("b", "neutral", 0.6),
            rec("c", "neutral", 0.6)]
    a = ev.assess("CHL", "x", rows)
    assert a.stance == "support" and a.agreeing == ["a"] and not a.well_supported
    assert not ev.assess("CHL", "x", [rec("a", "support", 0.6)]).well_supported  # one weak record
    assert ev.assess("CHL", "x", [rec("a", "support", 0.9)]).well_supported  # one very confident record
