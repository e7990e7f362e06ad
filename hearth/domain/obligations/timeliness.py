"""Timeliness per duty over a period: how many obligations fell due and how many were met on time.

A plain function over obligations (judged as of the end of the reporting period by the caller).
Only deadlines count; items that no longer apply or were waived are left out of the base.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from hearth.domain.obligations.base import Kind, Obligation, ObligationStatus, Strength


@dataclass(frozen=True, slots=True)
class Timeliness:
    rule_id: str
    title: str
    strength: Strength
    due: int  # fell due in the period (legal_due within it)
    met_on_time: int
    met_late: int
    missed: int
    still_open: int  # due in the period, not done yet

    @property
    def rate(self) -> float | None:
        """Share met on time; None when nothing fell due (shown as 'no data', never 0%)."""
        return self.met_on_time / self.due if self.due else None


def timeliness(obligations: Iterable[Obligation], start: date, end: date) -> list[Timeliness]:
    """One row per rule id for obligations whose legal due date is in [start, end]."""
    rows: dict[str, list[int]] = {}
    meta: dict[str, tuple[str, Strength]] = {}
    for ob in obligations:
        if ob.kind is not Kind.DEADLINE or not (start <= ob.legal_due <= end):
            continue
        if ob.status in (ObligationStatus.NOT_APPLICABLE, ObligationStatus.WAIVED):
            continue
        counts = rows.get(ob.rule_id)
        if counts is None:  # first of its rule: look up the title and strength once
            counts = rows[ob.rule_id] = [0, 0, 0, 0, 0]
            meta[ob.rule_id] = (ob.title, ob.strength)
        counts[0] += 1
        match ob.status:
            case ObligationStatus.MET:
                counts[1] += 1
            case ObligationStatus.MET_LATE:
                counts[2] += 1
            case ObligationStatus.MISSED:
                counts[3] += 1
            case ObligationStatus.OPEN:
                counts[4] += 1
            case ObligationStatus.NOT_APPLICABLE | ObligationStatus.WAIVED:
                pass  # filtered above
    return [
        Timeliness(rule_id, meta[rule_id][0], meta[rule_id][1], *counts) for rule_id, counts in sorted(rows.items())
    ]
