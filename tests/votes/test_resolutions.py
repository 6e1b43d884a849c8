"""Resolution symbols in text, and the registry of what they were."""

from __future__ import annotations

from pathlib import Path

import pytest

from stancemap.errors import DataError
from stancemap.votes.resolutions import find_symbols, load_registry


def test_symbols_in_their_usual_forms_find_the_registry_entry() -> None:
    reg = load_registry()
    text = ("The draft (A/ES-11/L.5) became resolution ES-11/4; see also A/RES/68/262, S/2022/720 and "
            "S/RES/2623 (2022). Open 24/7, page 12/30.")
    found = [(text[r.start:r.end], r.resolution.symbol) for r in find_symbols(text, reg)]
    assert found == [("A/ES-11/L.5", "A/RES/ES-11/4"), ("ES-11/4", "A/RES/ES-11/4"), ("A/RES/68/262", "A/RES/68/262"),
                     ("S/2022/720", "S/2022/720"), ("S/RES/2623 (2022)", "S/RES/2623")]


def test_an_unknown_symbol_is_kept_with_the_body_its_form_implies() -> None:
    (ref,) = find_symbols("the Council rejected draft S/2031/99 today", load_registry())
    assert not ref.resolution.known and ref.resolution.body == "UNSC"


def test_a_users_file_adds_resolutions(tmp_path: Path) -> None:
    f = tmp_path / "res.yaml"
    f.write_text("resolutions:\n  - symbol: A/RES/99/1\n    body: UNGA\n    date: 2044-01-02\n"
                 "    condemns: XYZ\n    issues: [some-issue]\n", encoding="utf-8")
    reg = load_registry((str(f),))
    assert reg.get("99/1") is not None and reg.get("99/1").condemns == "XYZ"  # type: ignore[union-attr]
    assert reg.on("2044-01-02")[0].symbol == "A/RES/99/1"
    assert reg.get("ES-11/1") is not None


def test_a_malformed_file_is_one_clear_error(tmp_path: Path) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text("resolutions:\n  - symbol: X/1\n    body: NATO\n", encoding="utf-8")
    with pytest.raises(DataError, match="body must be one of"):
        load_registry((str(f),))
