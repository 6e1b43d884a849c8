"""stancemap: where does a state stand? Evidence-linked events, stances and claims from text."""

__version__ = "0.1.0"
