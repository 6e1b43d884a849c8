"""Linguistic annotation: spaCy parse and sentence boundaries with character offsets."""
