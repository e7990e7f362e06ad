"""Small helpers for the obligation tests."""

from datetime import date

from hearth.domain.obligations import Obligation, ObligationStatus


def find(obs: list[Obligation], rule_id: str, occurrence: int = 1, trigger: date | None = None) -> Obligation:
    matches = [
        o
        for o in obs
        if o.rule_id == rule_id and o.occurrence == occurrence and (trigger is None or o.trigger_date == trigger)
    ]
    assert len(matches) == 1, (rule_id, occurrence, [(o.rule_id, o.occurrence, o.trigger_date) for o in obs])
    return matches[0]


def ids(obs: list[Obligation]) -> set[str]:
    return {o.rule_id for o in obs}


MET = ObligationStatus.MET
MET_LATE = ObligationStatus.MET_LATE
OPEN = ObligationStatus.OPEN
MISSED = ObligationStatus.MISSED
NOT_APPLICABLE = ObligationStatus.NOT_APPLICABLE
