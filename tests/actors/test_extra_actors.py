"""Users extend the reference data with their own YAML, without code changes."""

from __future__ import annotations

from pathlib import Path

from stancemap.config import Options
from stancemap.model import Document
from stancemap.pipeline import Pipeline

EXTRA = """
states:
  XRV:
    names: [Ruritania]
    adjectives: [Ruritanian]
    capitals: [Strelsau]
people:
  - id: anna-vostrova
    name: Anna Vostrova
    aliases: [Vostrova]
    roles:
      - {code: XRV, sector: GOV, office: foreign-minister, start: 2021-02-01, end: null}
  - id: batbayar-tsend
    name: Batbayar Tsend
    aliases: [Tsend]
    roles:
      - {code: MNG, sector: GOV, office: foreign-minister, start: 2020-07-01, end: 2023-01-01}
      - {code: MNG, sector: OPP, office: opposition, start: 2023-01-02, end: null}
"""
TEXT = ("Ruritanian Foreign Minister Anna Vostrova met Batbayar Tsend in Strelsau on Monday. "
        "Vostrova said Ruritania would back the plan.")


def run(text: str, published: str, actors: list[str]) -> Document:
    pipe = Pipeline(Options(pipeline=["parse", "dates", "actors"], actors_files=actors, progress=False))
    return pipe(Document(id="x", text=text, published=published))


def by_surface(doc: Document) -> dict[str, tuple[str | None, str | None]]:
    return {doc.text[m.start:m.end]: (m.code, m.sector) for m in doc.mentions}


def test_unknown_people_and_state_stay_unresolved_without_the_file() -> None:
    got = by_surface(run(TEXT, "2022-05-02", []))
    assert got.get("Anna Vostrova", (None, None))[0] is None
    assert got.get("Ruritania", (None, None))[0] is None


def test_extra_yaml_adds_a_state_and_its_minister(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(EXTRA, encoding="utf-8")
    got = by_surface(run(TEXT, "2022-05-02", [str(extra)]))
    assert got["Anna Vostrova"] == ("XRV", "GOV")
    assert got["Batbayar Tsend"] == ("MNG", "GOV")
    assert got["Vostrova"] == ("XRV", "GOV")
    assert got["Ruritania"][0] == "XRV"
    # The same person, later in opposition: resolved by the date.
    later = by_surface(run("Batbayar Tsend criticised the budget.", "2024-03-01", [str(extra)]))
    assert later["Batbayar Tsend"] == ("MNG", "OPP")
