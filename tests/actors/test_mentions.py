"""Actor resolution on 180 mentions in texts written for the test (tests/actors/mentions.yaml).

Every rule of the resolver (state names, adjective + sector, possessives, prepositions, metonymy,
organisations, people by date, titles, sector words, pronouns, coordination, unknowns) has its own
cases. The accuracy per rule is printed; the overall floor may only rise. Unknown actors must stay
unresolved: a confident wrong code is a failure of its own.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from stancemap.config import Options
from stancemap.model import Document, Mention
from stancemap.pipeline import Pipeline

CASES = yaml.safe_load((Path(__file__).parent / "mentions.yaml").read_text(encoding="utf-8"))["cases"]
FLOOR = 1.0  # overall accuracy floor; raise it when the resolver improves, never lower it


def nth(text: str, surface: str, n: int) -> int:
    pos = -1
    for _ in range(n):
        pos = text.find(surface, pos + 1)
        assert pos >= 0, (surface, text)
    return pos


def pick(doc: Document, start: int, end: int) -> Mention | None:
    """The mention that stands for the phrase [start, end): its head inside, the widest span."""
    inside = [m for m in doc.mentions if start <= m.head < end or (m.start >= start and m.end <= end)]
    if not inside:
        return None
    return max(inside, key=lambda m: (m.kind != "location", m.end - m.start, m.head))


@pytest.fixture(scope="module")
def results() -> dict[str, list[tuple[bool, dict[str, Any], Mention | None]]]:
    pipe = Pipeline(Options(pipeline=["parse", "dates", "actors"], progress=False))
    out: dict[str, list[tuple[bool, dict[str, Any], Mention | None]]] = defaultdict(list)
    for case in CASES:
        doc = pipe(Document(id="t", text=case["text"], published=str(case["published"])))
        for exp in case["expect"]:
            s = nth(case["text"], exp["surface"], int(exp.get("occurrence", 1)))
            m = pick(doc, s, s + len(exp["surface"]))
            code = m.code if m else None
            sector = m.sector if m else None
            ok = code == exp.get("code") and (exp.get("code") is None or (sector or None) == (exp.get("sector") or None))
            out[case["rule"]].append((ok, exp, m))
    return out


def test_accuracy_per_rule_and_floor(results: dict[str, list[tuple[bool, dict[str, Any], Mention | None]]]) -> None:
    total = sum(len(v) for v in results.values())
    right = sum(ok for v in results.values() for ok, _, _ in v)
    print(f"\nactor mentions: {right}/{total} = {right / total:.3f}")
    for rule, rows in sorted(results.items()):
        acc = sum(ok for ok, _, _ in rows) / len(rows)
        print(f"  {rule:18} {acc:.2f} ({len(rows)})")
        for ok, exp, m in rows:
            if not ok:
                got = f"{m.code}/{m.sector} [{m.rule}]" if m else "nothing"
                print(f"      miss: {exp['surface']!r} want {exp.get('code')}/{exp.get('sector')} got {got}")
    assert total >= 80
    assert right / total >= FLOOR


def test_unknown_actors_are_never_guessed(results: dict[str, list[tuple[bool, dict[str, Any], Mention | None]]]) -> None:
    wrong = [(exp["surface"], m.code) for ok, exp, m in results["unknown"] if exp.get("code") is None and m and m.code]
    assert not wrong, wrong
