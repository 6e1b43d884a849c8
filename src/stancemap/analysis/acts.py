"""Acts between each state and each power, by month: summed once per store so a report reads a few rows.

The report's chart of cooperation and conflict with each power needs, for one actor, every act it
shares with another power's members. On a store of a day's news that is tens of thousands of events,
each dated from its own sentence: over a second per report. :func:`acts_by_month` sums them for every
actor in one pass over the events; ``reconcile`` stores the sums (table ``acts_by_month``) and the
report reads the actor's rows. What is summed is what the chart's caption says it plots:

* acts in either direction between the actor and a member of another power (separatists are not
  the state they are in; negated acts did not happen);
* at the month their own sentence gives (:func:`~stancemap.answer.evidence.own_date`), from records
  at least ``MIN_ACT_CONFIDENCE`` confident, counted once per sentence and pair;
* everything else is counted in one row per actor with empty power and month (``UNDATED``), so the
  caption can say how many acts were left out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from .profile import load_powers

MIN_ACT_CONFIDENCE = 0.6
UNDATED = ""  # power and month of the row counting the acts that are not plotted


def _membership() -> dict[str, str]:
    """Actor code -> its power (the first power listing it, as :func:`~.profile._power_of` reads)."""
    out: dict[str, str] = {}
    for p, info in load_powers()["powers"].items():
        for code in info["members"]:
            out.setdefault(code, p)
    return out


def acts_by_month(events: Iterable[dict[str, Any]], actor: str | None = None) -> list[dict[str, Any]]:
    """Rows ``{actor, power, month, weight, acts}`` for every actor (or only ``actor``): the summed weight
    and number of plotted acts per power and month, plus one ``UNDATED`` row per actor counting the acts
    left out (no month of their own, or a less confident reading)."""
    from ..answer.evidence import own_date  # the answer's rule for "dated by its own sentence"

    power = _membership()
    weight: dict[tuple[str, str, str], float] = defaultdict(float)
    count: dict[tuple[str, str, str], int] = defaultdict(int)
    seen: set[tuple[str, str, int, str, str]] = set()
    for e in events:
        src, tgt = e.get("source"), e.get("target")
        if e.get("negated") or not src or not tgt or src == tgt:
            continue
        month: str | None = None
        dated = False
        for me, other, other_sector in ((src, tgt, e.get("target_sector")), (tgt, src, e.get("source_sector"))):
            if actor is not None and me != actor:
                continue
            p = power.get(other)
            if other_sector == "REB" or p is None or p == power.get(me):
                continue
            key = (me, e["doc"], int(e.get("start_char") or 0), src, tgt)
            if key in seen:
                continue
            seen.add(key)
            if not dated:  # one date per event, whichever side asks first
                d = own_date(e.get("evidence"), e.get("date"))
                month = d[:7] if d and len(d) >= 7 else None
                dated = True
            if month is None or float(e.get("confidence") or 0.0) < MIN_ACT_CONFIDENCE:
                count[(me, UNDATED, UNDATED)] += 1
                continue
            weight[(me, p, month)] += float(e.get("weight") or 0.0)
            count[(me, p, month)] += 1
    return [{"actor": a, "power": p, "month": m, "weight": round(weight.get((a, p, m), 0.0), 6), "acts": n}
            for (a, p, m), n in sorted(count.items())]


def by_power(rows: Iterable[dict[str, Any]]) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, int]], int]:
    """One actor's rows as (weight per power and month, acts per power and month, acts left out)."""
    weight: dict[str, dict[str, float]] = defaultdict(dict)
    count: dict[str, dict[str, int]] = defaultdict(dict)
    left = 0
    for r in rows:
        if r["power"] == UNDATED:
            left += int(r["acts"])
            continue
        weight[r["power"]][r["month"]] = float(r["weight"])
        count[r["power"]][r["month"]] = int(r["acts"])
    return dict(weight), dict(count), left
