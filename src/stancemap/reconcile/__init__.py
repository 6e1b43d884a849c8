"""Reconcile records across sources: merge, corroborate, flag contradictions."""
