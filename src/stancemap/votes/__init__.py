"""Votes: roll calls and votes told in prose, read as events and stances on the resolution voted on."""
