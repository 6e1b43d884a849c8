"""Signature-only stance evidence must come from acts characteristic of the issue."""

from __future__ import annotations

import numpy as np

from stancemap.stances.signatures import SignatureModel


def test_share_says_how_characteristic_an_act_is_of_an_issue() -> None:
    model = SignatureModel(
        table={"protest-rights": {("PROTEST", False): [("support", 0), ("support", 1), ("oppose", 2)]},
               "trade-deal": {("PROTEST", False): [("oppose", 0)], ("AGREE", False): [("support", 1)]}},
        vectors={"protest-rights": np.eye(3, dtype=np.float32), "trade-deal": np.eye(2, dtype=np.float32)},
    )
    assert model.share("protest-rights", ("PROTEST", False)) == 0.75
    assert model.share("trade-deal", ("PROTEST", False)) == 0.25
    assert model.share("trade-deal", ("AGREE", False)) == 1.0
    assert model.share("protest-rights", ("ASSAULT", False)) == 0.0


def test_a_bare_name_in_a_description_list_is_not_a_frame() -> None:
    from stancemap.stances.model import _frames

    frames = _frames("support", "signs deals with China, Turkey, the West, pursues a balanced policy")
    texts = {f.text for f in frames}
    assert "Turkey" not in texts and "the West" not in texts
    assert "pursues a balanced policy" in texts
