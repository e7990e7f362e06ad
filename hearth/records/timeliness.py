"""Timeliness per duty across the record: obligations due in a period and how many were met on
time. This is what the performance engine reads for its timeliness KPIs."""

from __future__ import annotations

from datetime import date

from hearth.domain.obligations import obligations_for
from hearth.domain.obligations.timeliness import Timeliness, timeliness
from hearth.records.facts import facts_for, policy_on
from hearth.records.models import Child


def record_timeliness(*, start: date, end: date, as_at: date | None = None) -> list[Timeliness]:
    """For every child on the record, judged as at `as_at` (default: the end of the period)."""
    as_at = as_at or end
    policy = policy_on(as_at)
    obligations = []
    for facts in facts_for(Child.objects.all()).values():
        obligations.extend(obligations_for(facts, as_at, policy, since=start))
    return timeliness(obligations, start, end)
