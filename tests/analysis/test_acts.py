"""Acts between a state and each power, summed by month: what the report's chart plots and what it leaves out."""

from __future__ import annotations

from typing import Any

from stancemap.analysis.acts import UNDATED, acts_by_month, by_power


def _event(i: int, source: str, target: str, evidence: str, date: str | None, **kw: Any) -> dict[str, Any]:
    row = {"doc": f"d{i}", "start_char": 0, "source": source, "target": target, "source_sector": "GOV",
           "target_sector": "GOV", "negated": 0, "evidence": evidence, "date": date, "confidence": 0.9, "weight": 3.0}
    return row | kw


def test_an_act_dated_by_its_own_sentence_counts_for_both_sides() -> None:
    rows = acts_by_month([_event(1, "KAZ", "RUS", "On 4 March 2022 Kazakhstan signed a deal with Russia.",
                                 "2022-03-04")])
    got = {(r["actor"], r["power"], r["month"]): (r["acts"], r["weight"]) for r in rows}
    assert got[("KAZ", "RUS", "2022-03")] == (1, 3.0)
    assert ("RUS", "RUS", "2022-03") not in got  # Russia is not a power apart from itself
    assert all(r["actor"] != "RUS" or r["power"] == UNDATED for r in rows)


def test_what_the_chart_cannot_show_is_counted_as_left_out() -> None:
    events = [
        _event(1, "KAZ", "CHN", "Kazakhstan signed a deal with China.", "2022-03-04"),  # no date in the sentence
        _event(2, "KAZ", "CHN", "In May 2022 Kazakhstan signed a deal with China.", "2022-05", confidence=0.3),
        _event(3, "KAZ", "USA", "In May 2022 Kazakhstan met US officials.", "2022-05"),
    ]
    weight, count, left = by_power(acts_by_month(events, "KAZ"))
    assert left == 2
    assert count == {"WEST": {"2022-05": 1}}
    assert weight["WEST"]["2022-05"] == 3.0


def test_negated_self_separatist_and_repeated_acts_are_not_counted() -> None:
    text = "In June 2022 Kazakhstan did not recognise the separatists backed by Russia."
    events = [
        _event(1, "KAZ", "RUS", text, "2022-06", negated=1),
        _event(2, "KAZ", "KAZ", text, "2022-06"),
        _event(3, "KAZ", "UKR", text, "2022-06", target_sector="REB"),
        _event(4, "KAZ", "UKR", "In June 2022 Kazakhstan sent aid to Ukraine.", "2022-06"),
        _event(4, "KAZ", "UKR", "In June 2022 Kazakhstan sent aid to Ukraine.", "2022-06"),  # same sentence, pair
    ]
    _weight, count, left = by_power(acts_by_month(events, "KAZ"))
    assert (count, left) == ({"UKR": {"2022-06": 1}}, 0)


def test_summing_all_actors_at_once_agrees_with_one_actor() -> None:
    events = [_event(i, src, tgt, f"In April 2022 {src} talked to {tgt}.", "2022-04") for i, (src, tgt) in
              enumerate([("KAZ", "RUS"), ("RUS", "KAZ"), ("UZB", "CHN"), ("KAZ", "USA"), ("CHN", "KAZ")])]
    every = acts_by_month(events)
    for actor in ("KAZ", "UZB", "RUS", "CHN"):
        assert [r for r in every if r["actor"] == actor] == acts_by_month(events, actor)
