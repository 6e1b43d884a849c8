"""Verify: a learned, calibrated confidence for every event and stance, and a floor for what is kept.

The extractors propose records by rules over the parse; whether a proposal is right is a decision learned
from many labelled examples (``scripts/train_verifier.py``): a logistic model over the sentence's embedding
and the proposal's own features (which rules fired, its type or issue and polarity, its modality, how much
the sentence is like the issue's or the type's own texts). Its probability becomes the record's confidence,
and records below ``Options.min_confidence`` are not kept: users quote what stancemap stores.
"""
