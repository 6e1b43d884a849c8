"""Roll calls: "In favour: A, B, C. Against: D. Abstaining: E, F." blocks, read line by line.

A roll call is not prose: the parser makes nonsense of a 100-name list, and the prose stages would code the
names with whatever verb stands near. This reader finds the block by its form (vote labels at the start of
lines, followed by lists that resolve to states), reads every name, and hands the lines back as read so
that the prose stages skip them.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..actors.reference import Reference, norm

# Vote values: Y in favour, N against, A abstaining, X absent / not voting.
_LABELS = [
    (r"in\s+favou?r|voting\s+in\s+favou?r|voted\s+in\s+favou?r|for|yes|ayes", "Y"),
    (r"against|voting\s+against|voted\s+against|no|noes|nays|vetoed|veto", "N"),
    (r"abstaining|abstain|abstained|abstentions?", "A"),
    (r"absent|did\s+not\s+vote|not\s+voting|non-voting|not\s+participating|did\s+not\s+participate", "X"),
]
_LINE = re.compile(
    r"^[ \t]*(?P<label>" + "|".join(p for p, _ in _LABELS) + r")\s*(?:\(\s*(?P<n>\d+)\s*\))?\s*[:：]\s*(?P<list>\S.*)$",
    re.IGNORECASE | re.MULTILINE)
_VALUE = [(re.compile(rf"^(?:{p})$", re.IGNORECASE), v) for p, v in _LABELS]
_TRAIL = re.compile(r"[\s.;:*†‡\d\[\]]+$")


@dataclass(frozen=True)
class Listed:
    """One state named in a roll-call line."""

    code: str
    vote: str  # Y | N | A | X
    line_start: int
    line_end: int


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    votes: tuple[Listed, ...]
    declared: tuple[tuple[str, int], ...]  # counts printed beside the labels ("In favour (11):")


@lru_cache(maxsize=1)
def un_names() -> dict[str, str]:
    """The United Nations' own names of its member states ("Iran (Islamic Republic of)") -> ISO3."""
    text = resources.files("stancemap.votes").joinpath("data/un_members.csv").read_text("utf-8")
    return {norm(r["name"]): r["code"] for r in csv.DictReader(text.splitlines())}


def resolve(name: str, ref: Reference) -> str | None:
    """The state a roll-call name stands for: the UN's own name, else an unambiguous gazetteer state."""
    n = _TRAIL.sub("", name.strip()).strip()
    n = re.sub(r"^(?:and|&)\s+", "", n, flags=re.IGNORECASE)
    if not n:
        return None
    code = un_names().get(norm(n))
    if code:
        return code
    for cand in (n, re.sub(r"\s*\([^)]*\)", "", n)):
        codes = {e.code for e in ref.lookup(cand) if e.kind == "state"}
        if len(codes) == 1:
            return codes.pop()
    return None


def _items(listing: str) -> list[str]:
    """Split a list on commas and semicolons outside parentheses."""
    out: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in listing:
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch in ",;" and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return [x.strip() for x in out if x.strip()]


def read_list(listing: str, ref: Reference) -> tuple[list[str], int]:
    """The states of one list (in order) and how many items did not resolve. "A and B" is split only
    when the whole does not name a state ("Trinidad and Tobago" does)."""
    codes: list[str] = []
    unresolved = 0
    for item in _items(listing):
        code = resolve(item, ref)
        if code:
            codes.append(code)
            continue
        parts = re.split(r"\s+and\s+", item)
        got = [resolve(p, ref) for p in parts] if len(parts) > 1 else [None]
        if all(got):
            codes += [c for c in got if c]
        else:
            unresolved += 1
    return codes, unresolved


def _value(label: str) -> str:
    label = " ".join(label.split())
    return next(v for rx, v in _VALUE if rx.match(label))


def find_blocks(text: str, ref: Reference, gap: int = 600) -> list[Block]:
    """Roll-call blocks in ``text``: labelled lines whose lists are (almost) all states. Lines within ``gap``
    characters of each other belong to one block; a block needs two labels, or one list of five states."""
    lines = []
    for m in _LINE.finditer(text):
        codes, unresolved = read_list(m.group("list"), ref)
        if not codes or unresolved > max(1, len(codes) // 10):
            continue  # "For: the reasons above" is prose; a list of states it is not
        end = m.end()
        while end > m.start() and text[end - 1].isspace():
            end -= 1
        lines.append((m.start(), end, _value(m.group("label")), codes, m.group("n")))
    blocks: list[list[tuple[int, int, str, list[str], str | None]]] = []
    for line in lines:
        if blocks and line[0] - blocks[-1][-1][1] <= gap:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    out = []
    for b in blocks:
        labels = {value for _, _, value, _, _ in b}
        if len(labels) < 2 and sum(len(c) for _, _, _, c, _ in b) < 5:
            continue
        listed = tuple(Listed(code, value, s, e) for s, e, value, codes, _ in b for code in dict.fromkeys(codes))
        declared = tuple((value, int(n)) for _, _, value, _, n in b if n)
        out.append(Block(b[0][0], b[-1][1], listed, declared))
    return out
