"""Analyses over stored records: positions, dyads, the multi-vector profile."""
