"""The 903 rules on one child when a form is saved: warn before a change that breaks a rule is stored.

The change is applied inside a transaction, the child's return for the year (and the year before,
which some rules compare with) is rebuilt from the record in memory, and the rules run on it. Only
what the change introduces counts: a rule (on a table) the child already broke before the change is
not the practitioner's doing and does not block. If the change introduces findings the
practitioner has not yet confirmed, the transaction is rolled back and they are returned; once
confirmed, the same call stores the change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.db import transaction

from hearth.domain.ssda903.tables import Row
from hearth.domain.ssda903_rules import engine
from hearth.domain.ssda903_rules.engine import Finding
from hearth.domain.ssda903_rules.load import load_rows
from hearth.domain.ssda903_rules.schema import DFE_NAMES
from hearth.records.models import Child
from hearth.returns.ssda903.export import child_rows
from hearth.returns.ssda903.history import history_list

T = TypeVar("T")
YearRows = tuple[dict[str, list[Row]], dict[str, list[Row]]]  # (this year, last year)


def child_year_rows(child_pk: int, year: int) -> YearRows:
    """The child's rows in the year's return and in last year's, read from the record as it is now."""
    history = next(history_list(Child.objects.filter(pk=child_pk)), None)
    if history is None:
        return {}, {}
    return child_rows(history, year), child_rows(history, year - 1)


def rows_findings(rows: YearRows, year: int, only: set[str] | None = None) -> list[Finding]:
    """The year's rules (or only some) on one child's rows. A child not in the return has none."""
    this, last = rows
    if not this:
        return []
    con = engine.connect()
    try:
        load_rows(con, this)
        load_rows(con, last, suffix="_last")
        report = engine.run(con, year, has_last=True, only=only, skip_empty=True)
    finally:
        con.close()
    if report.failed:  # a rule that raises is a bug in Hearth: say so rather than pass the change as clean
        raise RuntimeError("903 rules failed to run: " + "; ".join(f"{c}: {why}" for c, why in report.failed.items()))
    return report.findings


def key(finding: Finding) -> str:
    """How a finding is recognised before and after a change: its rule and table (row numbers move
    when an episode is added)."""
    return f"{finding.code}:{finding.table}"


def introduced(before: Iterable[Finding], after: Iterable[Finding]) -> list[Finding]:
    """The findings after the change whose rule (on that table) the child did not break before.

    A rule the child already broke does not block, even when the change repeats it (a new episode
    copying a placement postcode that was never recorded): that problem is not the change's, and it
    is already on the child's 903 checks."""
    had = {key(f) for f in before}
    return [f for f in after if key(f) not in had]


@dataclass(frozen=True)
class Checked(Generic[T]):
    """What came of a checked change: `result` when it was stored, else the findings that stopped it."""

    result: T | None
    findings: list[Finding]  # every finding the change introduces (confirmed or not)
    stored: bool

    @property
    def warnings(self) -> list[tuple[str, str, str]]:
        """(rule code, table, message) for each rule broken, once each, for the warning on the form."""
        seen = dict.fromkeys((f.code, DFE_NAMES.get(f.table, f.table), f.message) for f in self.findings)
        return list(seen)

    @property
    def keys(self) -> list[str]:
        return sorted({key(f) for f in self.findings})


class _Undo(Exception):
    """Raised inside the transaction to roll the change back."""


def change_checked(*, child_pk: int, year: int, perform: Callable[[], T], confirmed: Iterable[str] = ()) -> Checked[T]:
    """Apply `perform` (a write service call) and check the child against the year's 903 rules.

    Stored when the change introduces no findings, or only ones in `confirmed` (keys the
    practitioner was shown and chose to save anyway). Otherwise nothing is stored, the audit entry
    included. A ValidationError from the service passes through, with nothing stored.
    """
    confirmed = set(confirmed)
    before_rows = child_year_rows(child_pk, year)
    outcome: Checked[T] | None = None
    try:
        with transaction.atomic():
            result = perform()
            after = rows_findings(child_year_rows(child_pk, year), year)
            new = introduced(rows_findings(before_rows, year, only={f.code for f in after}), after) if after else []
            if any(key(f) not in confirmed for f in new):
                outcome = Checked(None, new, stored=False)
                raise _Undo
            outcome = Checked(result, new, stored=True)
    except _Undo:
        pass
    assert outcome is not None
    return outcome
