"""The predicate lexicon: verb and noun patterns -> PLOVER type and CAMEO code.

Two layers, both data:

* ``predicates.yaml`` — curated patterns with constraints (object lemma, preposition, particle,
  to-infinitive), modality for inherently intentional predicates, and the type to use when the
  predicate is refused ("will not recognise" -> REJECT);
* ``phoenix_verbs.csv`` — a broad fallback derived from the MIT-licensed Phoenix CAMEO verb
  dictionary (``scripts/build_phoenix_verbs.py``): bare verbs with their CAMEO codes.

User files (``--lexicon FILE``, same shape as predicates.yaml) are added on top. Among the entries
that match a token, the one with the most constraints wins; curated beats fallback.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .. import yamlio
from ..errors import DataError
from ..model import EVENT_TYPES


@dataclass(frozen=True)
class Pattern:
    type: str
    cameo: str
    verb: str | None = None
    noun: str | None = None
    particle: str | None = None
    preps: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    xcomp: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()  # the object must carry one of these ("humanitarian initiatives")
    modality: str | None = None
    negated_as: str | None = None
    target: str | None = None  # dobj | prep | none | None (search)
    source: str = "curated"
    agent: str | None = None  # sector of the unnamed agent of a passive ("was sentenced": JUD)
    adj: bool = False  # a predicative adjective ("critical of X"), stored under ``verb``

    @property
    def specificity(self) -> int:
        score = sum(bool(x) for x in (self.particle, self.preps, self.objects, self.xcomp, self.modifiers))
        return score * 10 + (5 if self.source == "curated" else 0) - (1 if self.xcomp == ("any",) else 0)

    @property
    def key(self) -> str:
        return f"{self.verb or self.noun}" + "".join(
            f"/{k}={'|'.join(v) if isinstance(v, tuple) else v}"
            for k, v in (("prt", self.particle), ("prep", self.preps), ("obj", self.objects), ("xcomp", self.xcomp),
                         ("mod", self.modifiers))
            if v)


@dataclass
class Lexicon:
    verbs: dict[str, list[Pattern]]
    nouns: dict[str, list[Pattern]]

    def size(self) -> int:
        return sum(len(v) for v in self.verbs.values()) + sum(len(v) for v in self.nouns.values())


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value.lower(),)
    return tuple(str(v).lower() for v in value)


def _pattern(item: dict[str, Any], source: str, where: str) -> Pattern:
    typ = item.get("type")
    if typ not in EVENT_TYPES:
        raise DataError(f"{where}: unknown event type {typ!r}")
    if not (item.get("verb") or item.get("noun") or item.get("adj")):
        raise DataError(f"{where}: an entry needs 'verb', 'noun' or 'adj'")
    neg = item.get("negated_as")
    if neg is not None and neg not in EVENT_TYPES:
        raise DataError(f"{where}: unknown negated_as type {neg!r}")
    return Pattern(
        type=str(typ), cameo=str(item.get("cameo") or EVENT_TYPES[str(typ)]["cameo"]),
        verb=str(item.get("verb") or item["adj"]).lower() if (item.get("verb") or item.get("adj")) else None,
        noun=str(item["noun"]).lower() if item.get("noun") else None,
        particle=str(item["particle"]).lower() if item.get("particle") else None,
        preps=_tuple(item.get("prep")), objects=_tuple(item.get("object")), xcomp=_tuple(item.get("xcomp")),
        modifiers=_tuple(item.get("modifier")),
        modality=item.get("modality"), negated_as=neg, target=item.get("target"), source=source,
        agent=str(item["agent"]) if item.get("agent") else None, adj=bool(item.get("adj")),
    )


def _add(lex: Lexicon, p: Pattern) -> None:
    table = lex.verbs if p.verb else lex.nouns
    key = p.verb or p.noun or ""
    if p not in table[key]:
        table[key].append(p)


def _load_yaml(lex: Lexicon, text: str, where: str) -> None:
    try:
        data = yamlio.load(text) or {}
    except yamlio.YAMLError as err:
        raise DataError(f"{where}: not valid YAML: {err}") from err
    items = data.get("predicates") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise DataError(f"{where}: expected a 'predicates' list")
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise DataError(f"{where}: entry #{n} is not a mapping")
        _add(lex, _pattern(item, "curated", f"{where}: entry #{n}"))


@lru_cache(maxsize=8)
def load_lexicon(extra_files: tuple[str, ...] = ()) -> Lexicon:
    lex = Lexicon(defaultdict(list), defaultdict(list))
    data = resources.files("stancemap.events").joinpath("data")
    _load_yaml(lex, data.joinpath("predicates.yaml").read_text("utf-8"), "predicates.yaml")
    for row in csv.DictReader(data.joinpath("phoenix_verbs.csv").read_text("utf-8").splitlines()):
        if row["verb"] in lex.verbs and not row["particle"]:
            continue  # curated entries for this verb exist; the fallback would only add noise
        _add(lex, Pattern(type=row["type"], cameo=row["cameo"], verb=row["verb"], particle=row["particle"] or None,
                          source="phoenix"))
    for f in extra_files:
        try:
            text = Path(f).read_text(encoding="utf-8")
        except OSError as err:
            raise DataError(f"{f}: cannot read lexicon: {err.strerror or err}") from err
        _load_yaml(lex, text, f)
    return lex
