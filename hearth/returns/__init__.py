"""Statutory returns: the SSDA903 (returns.ssda903)."""
