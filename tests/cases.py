"""Shared harness for the YAML case files written for the tests (events, stances, claims).

A case is a short text with its publication date, records that must be found (``expect``) and
records that must not (``forbid``). Records match on the keys the case gives. The harness reports
accuracy per rule; each test module asserts a floor that may only rise.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from stancemap.config import Options
from stancemap.model import Document
from stancemap.pipeline import Pipeline


def load_cases(path: Path) -> list[dict[str, Any]]:
    return list(yaml.safe_load(path.read_text(encoding="utf-8"))["cases"])


def run_cases(cases: list[dict[str, Any]], extract: Any, agree: Any, pipeline: list[str],
              **options: Any) -> dict[str, list[tuple[bool, str]]]:
    """Per rule: (passed, explanation) per case. ``extract(doc)`` gives records as dicts."""
    pipe = Pipeline(Options(pipeline=pipeline, progress=False, **options))
    out: dict[str, list[tuple[bool, str]]] = defaultdict(list)
    for case in cases:
        doc = pipe(Document(id="case", text=case["text"], published=str(case.get("published") or "") or None))
        got = extract(doc)
        missing = [e for e in case.get("expect") or [] if not any(agree(e, g) for g in got)]
        forbidden = [f for f in case.get("forbid") or [] if any(agree(f, g) for g in got)]
        ok = not missing and not forbidden
        why = "" if ok else f"{case['text'][:90]!r}\n          missing={missing} forbidden={forbidden}\n          got={got}"
        out[case["rule"]].append((ok, why))
    return out


def report(name: str, results: dict[str, list[tuple[bool, str]]], verbose: bool = True) -> float:
    total = sum(len(v) for v in results.values())
    right = sum(ok for v in results.values() for ok, _ in v)
    print(f"\n{name}: {right}/{total} cases = {right / total:.3f}")
    for rule, rows in sorted(results.items()):
        print(f"  {rule:24} {sum(ok for ok, _ in rows) / len(rows):.2f} ({len(rows)})")
        if verbose:
            for ok, why in rows:
                if not ok:
                    print(f"      miss: {why}")
    return right / total
