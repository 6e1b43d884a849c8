"""The issue taxonomy: user data loaded from YAML, never hard-coded.

An issue has an ``id``, a ``label``, a ``dimension`` and the texts that say what support, oppose
and neutral mean on it; optionally ``keywords`` and ``examples`` (sentences with a stance), an
``alignment`` toward powers, and ``implies``: what a position on this issue also says on another
("abstains on a resolution condemning the war" is neutral on the war itself). The shipped default
is the shape of ../shared/spec/issues.yaml; ``--issues FILE`` adds the file's issues to it (or, with
``replace: true`` in the file, replaces it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .. import yamlio
from ..errors import DataError
from ..model import EVENT_TYPES

POLARITIES = ("support", "oppose", "neutral")


@dataclass(frozen=True)
class Implication:
    """A position on one issue that is also a position on another, for the same holder and evidence:
    ``when`` the stance on the issue is this polarity, the holder takes ``stance`` on ``issue``,
    provided (if ``acts`` is given) the holder's own act in the sentence is of one of those event
    types ("protesters rallying against the war oppose it"; the authorities permitting the rally do not)."""

    when: str
    issue: str
    stance: str
    acts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Issue:
    id: str
    label: str
    dimension: str = "geopolitical"
    descriptions: dict[str, str] = field(default_factory=dict)  # polarity -> text
    keywords: tuple[str, ...] = ()
    examples: tuple[tuple[str, str], ...] = ()  # (polarity, sentence)
    # Optional: how taking the "support" side aligns an actor with each power (+1 toward, -1 away);
    # the multi-vector profile uses it. Taking the "oppose" side counts the other way.
    alignment: tuple[tuple[str, float], ...] = ()
    implies: tuple[Implication, ...] = ()

    def text(self) -> str:
        """Everything the file says about the issue, as one text (for embedding and keywords)."""
        parts = [self.label, *self.descriptions.values(), *self.keywords]
        return ". ".join(p for p in parts if p)


def _parse(data: Any, source: str) -> list[Issue]:
    if not isinstance(data, dict) or not isinstance(data.get("issues"), list):
        raise DataError(f"{source}: expected a mapping with an 'issues' list")
    out: list[Issue] = []
    seen: set[str] = set()
    for n, item in enumerate(data["issues"], 1):
        if not isinstance(item, dict) or not item.get("id") or not item.get("label"):
            raise DataError(f"{source}: issue #{n} needs at least 'id' and 'label'")
        iid = str(item["id"])
        if iid in seen:
            raise DataError(f"{source}: duplicate issue id {iid!r}")
        seen.add(iid)
        examples: list[tuple[str, str]] = []
        for ex in item.get("examples") or []:
            if isinstance(ex, dict) and ex.get("stance") in POLARITIES and ex.get("text"):
                examples.append((str(ex["stance"]), str(ex["text"])))
            else:
                raise DataError(f"{source}: issue {iid!r}: each example needs 'stance' and 'text'")
        kws = item.get("keywords") or []
        if isinstance(kws, str):
            kws = [k.strip() for k in kws.split(",")]
        out.append(Issue(
            id=iid, label=str(item["label"]), dimension=str(item.get("dimension") or "geopolitical"),
            descriptions={p: str(item[p]) for p in POLARITIES if item.get(p)},
            keywords=tuple(str(k) for k in kws if k), examples=tuple(examples),
            alignment=tuple((str(k), float(v)) for k, v in (item.get("alignment") or {}).items()),
            implies=_implications(item.get("implies"), iid, source),
        ))
    for issue in out:
        for imp in issue.implies:
            if imp.issue not in seen or imp.issue == issue.id:
                raise DataError(f"{source}: issue {issue.id!r} implies a stance on unknown issue {imp.issue!r}")
    return out


def _implications(data: Any, iid: str, source: str) -> tuple[Implication, ...]:
    out: list[Implication] = []
    for n, imp in enumerate(data or [], 1):
        if not isinstance(imp, dict) or imp.get("when") not in POLARITIES or imp.get("stance") not in POLARITIES \
                or not imp.get("issue"):
            raise DataError(f"{source}: issue {iid!r}: implication #{n} needs 'when', 'issue' and 'stance' "
                            f"(stances: {', '.join(POLARITIES)})")
        acts = tuple(str(a).upper() for a in imp.get("acts") or [])
        bad = [a for a in acts if a not in EVENT_TYPES]
        if bad:
            raise DataError(f"{source}: issue {iid!r}: implication #{n} names unknown event type {bad[0]!r}")
        out.append(Implication(str(imp["when"]), str(imp["issue"]), str(imp["stance"]), acts))
    return tuple(out)


@lru_cache(maxsize=8)
def load_issues(path: str | None = None) -> tuple[Issue, ...]:
    """The shipped taxonomy, with the issues of the user's file at ``path`` added (an issue with a shipped
    id replaces it). A user file with ``replace: true`` at its top is the whole taxonomy instead."""
    text = resources.files("stancemap.stances").joinpath("data/issues.yaml").read_text("utf-8")
    shipped = yamlio.load(text)
    if not path:
        return tuple(_parse(shipped, "issues.yaml"))
    p = Path(path)
    try:
        data = yamlio.load(p.read_text(encoding="utf-8"))
    except (OSError, yamlio.YAMLError) as err:
        raise DataError(f"{p}: cannot read issues: {err}") from err
    if not isinstance(data, dict) or not isinstance(data.get("issues"), list):
        raise DataError(f"{p}: expected a mapping with an 'issues' list")
    if data.get("replace"):
        return tuple(_parse(data, str(p)))
    own = {str(i.get("id")) for i in data["issues"] if isinstance(i, dict)}
    merged = {"issues": [i for i in shipped["issues"] if str(i.get("id")) not in own] + data["issues"]}
    return tuple(_parse(merged, str(p)))


def issue_subjects(issue: Issue, ref: Any) -> frozenset[str]:
    """The actors an issue's label names ("Russia's 2022 invasion of Ukraine": RUS, UKR; "UN resolutions
    against Russia": RUS). A sentence speaks to such an issue only if it is about one of them: sanctions on
    Iran are not sanctions on Russia, a resolution on Myanmar is not one against Russia."""
    words = re.findall(r"[A-Za-z][\w.-]*", issue.label.replace("'s", ""))
    return frozenset(e.code for n in (1, 2, 3) for i in range(len(words) - n + 1)
                     for e in ref.lookup(" ".join(words[i:i + n])) if e.kind in ("state", "adjective", "org"))
