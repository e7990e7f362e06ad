"""One 903 validation rule: its code, the years it is in force, and the SQL that finds offending rows.

A rule's SQL is a single SELECT over the typed tables (header, episodes, ... and their *_last
twins) and the derived tables of `derive.py`, returning (tbl, _row, CHILD) for each offending
row. `$start`, `$end`, `$year` and `$prev_start` stand for the collection year's dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
EARLIEST = 2023  # the catalogue's "<=2022/23"; rules this old are treated as always in force
LATEST = 9999


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    message: str
    tables: tuple[str, ...]
    fields: tuple[str, ...]
    sql: str
    first: int = EARLIEST  # first collection year (named by its March) in force
    last: int = LATEST  # last year in force
    needs_last: bool = False  # compares with last year's return; skipped without it
    severity: Severity = "error"

    def in_force(self, year: int) -> bool:
        # EARLIEST is the catalogue's "<=2022/23": in force as far back as a return is read.
        return (self.first == EARLIEST or self.first <= year) and year <= self.last


def _split(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return tuple(value.split()) if isinstance(value, str) else value


def where(
    code: str, table: str, condition: str, fields: str | tuple[str, ...], message: str, **kw: object
) -> Rule:
    """A rule that flags each row of one table meeting a condition."""
    sql = f"SELECT '{table}' AS tbl, _row, CHILD FROM {table} WHERE {condition}"
    return Rule(code, message, (table,), _split(fields), sql, **kw)  # type: ignore[arg-type]


def query(
    code: str, tables: str | tuple[str, ...], sql: str, fields: str | tuple[str, ...], message: str, **kw: object
) -> Rule:
    """A rule written as a whole SELECT returning (tbl, _row, CHILD)."""
    return Rule(code, message, _split(tables), _split(fields), sql, **kw)  # type: ignore[arg-type]


def valid_date(code: str, table: str, column: str, message: str, required: bool = False, **kw: object) -> Rule:
    """'<column>, if given (or always, when required), must be a real date': text that did not parse."""
    bad = f'("{column}__txt" IS NOT NULL AND "{column}" IS NULL)'
    if required:
        bad = f'"{column}" IS NULL'
    return where(code, table, bad, (column,), message, **kw)


def in_list(code: str, table: str, column: str, values: tuple[str, ...], message: str,
            required: bool = False, **kw: object) -> Rule:
    """'<column> must be one of these codes' (blank allowed unless required)."""
    listed = ", ".join(f"'{v}'" for v in values)
    cond = f'"{column}" NOT IN ({listed})'
    if required:
        cond = f'("{column}" IS NULL OR {cond})'
    return where(code, table, cond, (column,), message, **kw)
