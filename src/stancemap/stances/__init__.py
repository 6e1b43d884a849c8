"""The stances stage."""
