"""Positions, dyads and the multi-vector profile on small fixture data written for the test."""

from __future__ import annotations

from typing import Any

from stancemap.analysis.dyads import dyad_series, dyad_totals
from stancemap.analysis.positions import aggregate, changes, timeline
from stancemap.analysis.profile import profile
from stancemap.stances.issues import Issue


def st(doc: str, stance: str, date: str | None = "2021-05", conf: float = 0.8, issue: str = "x") -> dict[str, Any]:
    return {"doc": doc, "actor": "CHL", "issue": issue, "stance": stance, "date": date, "confidence": conf,
            "evidence": f"{doc} {stance}"}


def test_position_majority_mixed_unknown() -> None:
    assert aggregate("CHL", "x", []).position == "unknown"
    sup = aggregate("CHL", "x", [st("a", "support"), st("b", "support"), st("c", "neutral")])
    assert sup.position == "support" and 0 < sup.confidence <= 1 and sup.documents == 3
    mixed = aggregate("CHL", "x", [st("a", "support"), st("b", "oppose")])
    assert mixed.position == "mixed"
    # One long article repeating itself does not outvote two sources.
    many = [st("a", "oppose") for _ in range(6)] + [st("b", "support"), st("c", "support")]
    assert aggregate("CHL", "x", many).position in ("support", "mixed")


def test_recent_evidence_weighs_more_and_changes_are_found() -> None:
    rows = [st("a", "support", "2019-01"), st("b", "oppose", "2022-06"), st("c", "oppose", "2022-07")]
    assert aggregate("CHL", "x", rows).position == "oppose"
    series = timeline(rows, "CHL", "x", granularity=4)
    assert [p.window for p in series] == ["2019", "2022"]
    assert changes(series) == [("2022", "support", "oppose")]


def cl(source: str, target: str, type_: str, weight: float, date: str, negated: int = 0, quad: int = 1,
       docs: str = "a") -> dict[str, Any]:
    return {"source": source, "target": target, "type": type_, "weight": weight, "date": date, "negated": negated,
            "quad_class": quad, "mentions": len(docs.split(",")), "docs": docs, "documents": len(docs.split(",")),
            "issue": None, "evidence": "e", "evidence_doc": docs.split(",")[0]}


def test_dyad_series_monthly_gdelt_columns() -> None:
    clusters = [cl("CHL", "PER", "ACCUSE", -2.0, "2021-03-04", quad=3), cl("CHL", "PER", "CONSULT", 1.0, "2021-03"),
                cl("CHL", "PER", "AID", 7.0, "2021-05", quad=2, docs="a,b"),
                cl("CHL", "PER", "SANCTION", -5.0, "2021-05", negated=1, quad=4)]
    rows = [r.as_row() for r in dyad_series(clusters, "CHL", "PER")]
    assert [r["MonthYear"] for r in rows] == ["202103", "202105"]
    march, may = rows
    assert march["NumEvents"] == 2 and march["QuadClass3"] == 1 and march["GoldsteinScaleSum"] == -1.0
    assert may["NumEvents"] == 1 and may["NumSources"] == 2 and may["AID"] == 1  # the negated sanction is out
    totals = dyad_totals(clusters, "PER")
    assert totals["CHL"]["events"] == 3 and totals["CHL"]["conflict"] == 1


def test_profile_moves_with_events_and_aligned_stances() -> None:
    issue = Issue(id="x", label="X", dimension="economic", alignment=(("RUS", -1.0), ("CHN", 1.0)))
    clusters = [cl("KAZ", "RUS", "COOPERATE", 6.0, "2022-03", quad=2), cl("KAZ", "CHN", "SANCTION", -5.0, "2022-04")]
    stances = [{**st("a", "support", issue="x"), "actor": "KAZ", "doc": "a",
                "evidence": "Astana will route more freight around Russia."}]

    def names(code: str) -> list[str]:
        return {"RUS": ["Russia", "Russian", "Moscow"], "CHN": ["China", "Chinese", "Beijing"]}.get(code, [code])

    cells = profile("KAZ", clusters, stances, [], (issue,), names=names)
    rus = cells["RUS"]["economic"]
    chn = cells["CHN"]["economic"]
    assert rus.score is not None and chn.score is not None
    assert any(e["kind"] == "stance" for e in rus.evidence) and any(e["kind"] == "event" for e in rus.evidence)
    # Cooperation with Russia pulls toward it, support for the issue pulls away: the two are weighed.
    assert -1.0 <= rus.score <= 1.0 and chn.score < 1.0
    # The stance's sentence names Russia, not China: it moves only the Russia cell (issue 16: a cell
    # rests on evidence about that power, not on the issue file's alignment alone).
    assert not any(e["kind"] == "stance" for e in chn.evidence)
    assert profile("KAZ", [], stances, [], (issue,), names=names).get("CHN") is None


def test_dyad_series_leaves_year_only_dates_out() -> None:
    """A year is not a month: an act dated only "2022" has no place in a monthly series (no "2022-00")."""
    rows = dyad_series([cl("CHL", "PER", "AID", 7.0, "2022"), cl("CHL", "PER", "AID", 7.0, "2022-05")], "CHL", "PER")
    assert [r.month for r in rows] == ["2022-05"]
    assert all(not r.as_row()["MonthYear"].endswith("00") for r in rows)
