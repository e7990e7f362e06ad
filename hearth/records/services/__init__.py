"""Writes to the record: one function per action, used by forms, imports and (later) the API.

Each runs full_clean, writes inside a transaction, and writes the audit entry itself.
"""
