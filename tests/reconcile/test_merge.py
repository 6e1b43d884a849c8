"""Merging mentions of one event, or of one quantity, across documents (small records written for the test)."""

from __future__ import annotations

import numpy as np

from stancemap.reconcile.merge import cluster_claims, cluster_events, dates_compatible
from tests.reconcile.helpers import claim, ev


def test_dates_compatible() -> None:
    assert dates_compatible("2021-03", "2021-03-14") and dates_compatible(None, "2020")
    assert dates_compatible("2021-03-30", "2021-04-02")
    assert not dates_compatible("2021-01", "2021-06")


def test_same_event_in_two_documents_is_one_cluster_with_two_sources() -> None:
    rows = [ev("a", "PER", "ACCUSE", "CHL", "2021-03"), ev("b", "PER", "ACCUSE", "CHL", "2021-03-02"),
            ev("c", "PER", "ACCUSE", "CHL", "2019-05"), ev("a", "CHL", "ACCUSE", "PER", "2021-03")]
    clusters = cluster_events(rows)
    sizes = sorted(len(c.rows) for c in clusters)
    assert sizes == [1, 1, 2]
    both = next(c for c in clusters if len(c.rows) == 2)
    assert both.docs == ["a", "b"]


def test_claims_of_one_quantity_are_merged_and_others_not() -> None:
    a = claim("a", 75, "percent", "oil exports to the west", "About 75% of oil exports go west.", "about")
    b = claim("b", 80, "percent", "oil exports", "Around 80% of oil is exported that way.", "about")
    same = np.stack([np.ones(4) / 2, np.ones(4) / 2])
    assert len(cluster_claims([a, b], {a["id"]: same, b["id"]: same})) == 1
    c, d = claim("c", 12, "percent", "inflation", "Inflation was 12%."), claim("d", 40, "percent", "share", "A 40% share.")
    vc = np.stack([np.array([1.0, 0, 0, 0]), np.array([1.0, 0, 0, 0])])
    vd = np.stack([np.array([0, 1.0, 0, 0]), np.array([0, 1.0, 0, 0])])
    assert len(cluster_claims([c, d], {c["id"]: vc, d["id"]: vd})) == 2
