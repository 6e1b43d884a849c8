"""Plain words for what stancemap codes: actors and their voices, acts, votes, dates, issue labels.

A brief is read by people, so a code (``KAZ``/``GOV``, ``REJECT``, ``2022-03``) never reaches its
prose: "Kazakhstan's government", "refusal or rejection", "March 2022". The words are data
(``data/words.yaml``) a user can change; adjectives come from the actor reference data.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .. import yamlio
from ..actors.reference import Reference, load_reference

OFFICIAL = (None, "", "GOV", "MIL", "LEG", "JUD")
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")


@lru_cache(maxsize=1)
def words() -> dict[str, Any]:
    text = resources.files("stancemap.answer").joinpath("data/words.yaml").read_text("utf-8")
    return dict(yamlio.load(text))


@lru_cache(maxsize=8)
def _adjectives(actor_files: tuple[str, ...]) -> dict[str, str]:
    """The first adjective each state's reference data lists ("Kazakh"), else its demonym."""
    out: dict[str, str] = {}
    import csv

    rows = csv.DictReader(resources.files("stancemap.actors").joinpath("data/states.csv")
                          .read_text("utf-8").splitlines())
    for r in rows:
        if r["demonym"]:
            out[r["iso3"]] = r["demonym"]
    texts = [resources.files("stancemap.actors").joinpath("data/states_extra.yaml").read_text("utf-8")]
    for f in actor_files:
        try:
            texts.append(Path(f).read_text(encoding="utf-8"))
        except OSError:
            continue
    for text in texts:
        try:
            data = yamlio.load(text) or {}
        except yamlio.YAMLError:
            continue
        states = data.get("states") if isinstance(data, dict) else None
        for code, info in (states or {}).items():
            if isinstance(info, dict) and info.get("adjectives"):
                out[str(code)] = str(info["adjectives"][0])
    return out


class Namer:
    """Names for one answer: actors with their voices, people, acts."""

    def __init__(self, actor_files: tuple[str, ...] = ()) -> None:
        self.ref: Reference = load_reference(actor_files)
        self.adjectives = _adjectives(actor_files)

    def name(self, code: str | None) -> str:
        if not code:
            return "an unnamed actor"
        name = self.ref.name(code)
        return name

    def voice(self, code: str | None, sector: str | None) -> str:
        """"Kazakhstan's government", "Kazakh activists and citizens", "the European Union"."""
        name = self.name(code)
        if code and code not in self.ref.states:  # organisations speak as themselves
            return f"the {name}" if _needs_article(name) and not name.startswith("the ") else name
        key = sector or "STATE"
        table = words()["voices"]
        adj = self.adjectives.get(code or "")
        if adj is None and key in words()["voices_without_adjective"]:
            return str(words()["voices_without_adjective"][key]).format(name=name)
        template = str(table.get(key) or table["STATE"])
        return template.format(name=name, adj=adj or name)

    def holder_is_plural(self, code: str | None, sectors: list[str | None]) -> bool:
        kinds = {s or None for s in sectors}
        if code not in self.ref.states:
            return False
        if len(kinds) == 1:
            return plural_voice(next(iter(kinds)))
        return not kinds <= set(OFFICIAL) | {None} and 1 < len(kinds - {None, "GOV"}) <= 3

    def holder(self, code: str | None, sectors: list[str | None]) -> str:
        """The name for a position held by several voices of one actor: the state's name when any
        record names the state itself or its voices differ; the one voice otherwise."""
        kinds = {s or None for s in sectors}
        if len(kinds) == 1:
            only = next(iter(kinds))
            if only is not None:
                return self.voice(code, only)
        if kinds <= set(OFFICIAL) | {None}:
            return self.name(code)
        nouns = [str(words()["voice_nouns"].get(k)) for k in sorted(k for k in kinds if k) if k not in ("GOV",)]
        adj = self.adjectives.get(code or "")
        if adj and 1 < len(nouns) <= 3 and all(nouns) and code in self.ref.states:
            return f"{adj} {', '.join(nouns[:-1])} and {nouns[-1]}"
        return self.voice(code, "SOCIETY")

    def society(self, code: str | None) -> str:
        return self.voice(code, "SOCIETY")

    def person(self, person_id: str | None) -> str | None:
        if not person_id:
            return None
        p = self.ref.people.get(person_id)
        return p.name if p else None


def _needs_article(name: str) -> bool:
    """"the United Nations", "the European Union", but "NATO", "ASEAN"."""
    return not name.isupper() and any(w in name.split() for w in ("Union", "Nations", "Organization", "Organisation",
                                                                  "Council", "Assembly", "Community", "Court",
                                                                  "Consortium", "Forum", "Bank", "League", "Group"))


def act(event_type: str) -> str:
    return str(words()["acts"].get(event_type, event_type.lower()))


def position_verb(position: str, plural_subject: bool = False) -> str:
    table = words()["position_verbs_plural" if plural_subject else "position_verbs"]
    return str(table.get(position, position))


def reading(position: str) -> str:
    """A polarity as a reading: "supporting it", "opposing it", "neutral"."""
    return str(words()["readings"].get(position, position))


def plural_voice(sector: str | None) -> bool:
    return bool(sector) and sector in (words().get("plural_voices") or [])


def vote_verb(direction: str, rollcall: bool = False) -> str:
    table = words()["votes"]
    if direction == "absent" and rollcall:
        return str(table["absent-rollcall"])
    return str(table.get(direction, direction))


def lower_first(text: str) -> str:
    """A label's first letter lower-cased for use mid-sentence, unless it starts a name or an
    acronym ("Russia's 2022 invasion", "UN resolutions" stay; "Western sanctions" -> "western")."""
    first = re.sub(r"['’]s$", "", text.split(" ", 1)[0])
    if len(first) > 1 and (first[1].isupper() or load_reference().lookup(first)):
        return text
    return text[:1].lower() + text[1:]


def when(date: str | None) -> str:
    """"2022-03-14" -> "14 March 2022", "2022-03" -> "March 2022", "2022" -> "2022"; ranges kept readable."""
    if not date:
        return ""
    d = str(date)
    if "/" in d:
        a, b = d.split("/", 1)
        return f"{when(a)} to {when(b)}"
    parts = d.split("-")
    try:
        if len(parts) >= 3:
            return f"{int(parts[2])} {_MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2 and 1 <= int(parts[1]) <= 12:
            return f"{_MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        return d
    return parts[0]


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def fmt_value(v: float) -> str:
    """A number for a table: 24200000000 -> "24.2 billion", 2000 -> "2,000"."""
    v = float(v)
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= scale:
            return f"{v / scale:.4g} {word}"
    return f"{int(v):,}" if v.is_integer() else f"{v:g}"
