"""The obligation record and the rule metadata every duty module shares (statutory-duties.md §0.3).

An obligation is one instance of a rule for one child: what triggered it, when it is legally
due, any local target, the working day to plan by, when (if ever) it was done, and its status
judged as of a date. Statuses follow §0.3: an overdue item stays `open` while it can still be
done; it becomes `missed` only when the duty has ended without it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import partial
from typing import NamedTuple, assert_never

from hearth.domain.calendar import plan_by, previous_working_day, working_days_after
from hearth.domain.policy import Policy, WeekendDuePolicy


class ObligationStatus(Enum):
    OPEN = "open"
    MET = "met"
    MET_LATE = "met_late"
    MISSED = "missed"
    NOT_APPLICABLE = "not_applicable"
    WAIVED = "waived"  # "waived_with_reason" in §0.3; the reason is on the obligation


class Strength(Enum):
    """§0.2 strength codes: how a missed date is reported."""

    S = "statute"  # statutory breach
    G = "guidance"  # guidance exception: ask for a reason
    N = "national"  # performance measure, not a breach
    L = "local"  # local target, off unless the council keeps it on
    P = "prospective"  # enacted, not in force


class Role(Enum):
    SOCIAL_WORKER = "social_worker"
    IRO = "iro"
    PERSONAL_ADVISER = "personal_adviser"
    COUNCIL = "council"
    HEALTH = "health"
    VIRTUAL_SCHOOL = "virtual_school"
    NOMINATED_OFFICER = "nominated_officer"
    RECORDS = "records"


class Kind(Enum):
    DEADLINE = "deadline"  # do something by legal_due
    DUTY_PERIOD = "duty_period"  # a duty in force until legal_due (Staying Put, support to 25)
    NOT_BEFORE = "not_before"  # must not happen before legal_due (adoption application)
    BREACH = "breach"  # the event itself breaks the rule (B&B under `never`)


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule version: what it is, where it comes from, and when it is in force (Appendix C)."""

    rule_id: str
    title: str
    source: str
    strength: Strength
    role: Role
    version: str = "1"
    effective_from: date = date(2011, 4, 1)  # CPPCR 2010 and CLR 2010 in force
    effective_to: date | None = None

    def in_force_on(self, d: date) -> bool:
        return self.effective_from <= d and (self.effective_to is None or d <= self.effective_to)


class Obligation(NamedTuple):
    """One obligation: an immutable record (a NamedTuple because it is built millions of times at
    national scale and a tuple is the cheapest immutable record; use `_replace` to change a field)."""

    rule_id: str
    rule: Rule  # version, title, source, strength and role (exposed as properties below)
    trigger_date: date
    legal_due: date
    plan_by: date
    status: ObligationStatus
    kind: Kind = Kind.DEADLINE
    target_due: date | None = None
    target_met: bool | None = None  # judged against target_due; None when there is no target
    completed_on: date | None = None
    closes_on: date | None = None  # the day the duty stopped applying, if it has
    # Lateness runs from legal_due to this date: completion if late, as_of while open and
    # overdue, the day the duty ended if missed. None when not late.
    late_until: date | None = None
    occurrence: int = 1  # 1st, 2nd... of a recurring rule within its trigger
    note: str = ""

    @property
    def rule_version(self) -> str:
        return self.rule.version

    @property
    def title(self) -> str:
        return self.rule.title

    @property
    def source(self) -> str:
        return self.rule.source

    @property
    def strength(self) -> Strength:
        return self.rule.strength

    @property
    def role(self) -> Role:
        return self.rule.role

    @property
    def days_overdue(self) -> int:
        """Calendar days past legal_due (§4.6: lateness = completed_on - legal_due)."""
        return (self.late_until - self.legal_due).days if self.late_until is not None else 0

    @property
    def working_days_overdue(self) -> int:
        """Working days past legal_due (computed on demand: it is only shown for late items)."""
        return working_days_after(self.legal_due, self.late_until) if self.late_until is not None else 0

    @property
    def on_time(self) -> bool:
        return self.status is ObligationStatus.MET

    @property
    def is_overdue(self) -> bool:
        return self.status is ObligationStatus.OPEN and self.days_overdue > 0

    @property
    def is_outstanding(self) -> bool:
        """Still to act on: open, or a breach not yet put right (what a worklist shows)."""
        return self.status is ObligationStatus.OPEN or (self.kind is Kind.BREACH and self.completed_on is None)


def judge(
    legal_due: date, completed_on: date | None, closes_on: date | None, as_of: date
) -> tuple[ObligationStatus, date | None]:
    """Status of a deadline as of `as_of`, and the date lateness is measured to (None: not late).

    Completion on or before the due date is on time (§4.6). Without completion the item stays
    open, overdue or not, until the duty ends; if it ended before the due date the item no longer
    applies, otherwise it was missed.
    """
    if completed_on is not None and completed_on <= as_of:
        if completed_on <= legal_due:
            return ObligationStatus.MET, None
        return ObligationStatus.MET_LATE, completed_on
    if closes_on is not None and closes_on <= as_of:
        if closes_on <= legal_due:
            return ObligationStatus.NOT_APPLICABLE, None
        return ObligationStatus.MISSED, closes_on
    return ObligationStatus.OPEN, as_of if as_of > legal_due else None


def planner(policy: Policy) -> Callable[[date], date]:
    """The plan_by function for this council's calendar (§4.5), chosen once per child, not per obligation."""
    cal = policy.calendar
    if cal.extra_closure_days or cal.weekend_due_policy is WeekendDuePolicy.KEEP:
        return partial(
            plan_by, closure_days=cal.extra_closure_days, keep=cal.weekend_due_policy is WeekendDuePolicy.KEEP
        )
    return previous_working_day  # the usual case, memoised


_new_obligation = tuple.__new__  # skips NamedTuple's Python-level __new__: about a third of the build cost


def deadline(
    rule: Rule,
    as_of: date,
    planned: date,
    trigger: date,
    legal_due: date,
    completed_on: date | None,
    closes_on: date | None,
    target_due: date | None,
    occurrence: int,
    note: str = "",
) -> Obligation:
    """A DEADLINE obligation judged as of `as_of`, `planned` being its plan_by date.

    Positional and minimal on purpose: most obligations are deadlines, and this runs millions of
    times at national scale (recurring chains call it directly).
    """
    if completed_on is not None and completed_on > as_of:
        completed_on = None  # not yet known on as_of
    status, late_to = judge(legal_due, completed_on, closes_on, as_of)
    target_met: bool | None = None
    if target_due is not None:
        if completed_on is not None:
            target_met = completed_on <= target_due
        elif as_of > target_due:
            target_met = False
    return _new_obligation(
        Obligation,
        (
            rule.rule_id,
            rule,
            trigger,
            legal_due,
            planned,
            status,
            Kind.DEADLINE,
            target_due,
            target_met,
            completed_on,
            closes_on,
            late_to,
            occurrence,
            note,
        ),
    )


def make(
    rule: Rule,
    policy: Policy,
    as_of: date,
    *,
    trigger: date,
    legal_due: date,
    completed_on: date | None = None,
    closes_on: date | None = None,
    target_due: date | None = None,
    occurrence: int = 1,
    kind: Kind = Kind.DEADLINE,
    note: str = "",
    plan: Callable[[date], date] | None = None,
) -> Obligation:
    """Build an obligation for `rule`, judging it as of `as_of` (`plan`: `planner(policy)`, if at hand)."""
    planned = (plan or planner(policy))(legal_due)
    if kind is Kind.DEADLINE:  # the common case first
        return deadline(rule, as_of, planned, trigger, legal_due, completed_on, closes_on, target_due, occurrence, note)
    if completed_on is not None and completed_on > as_of:
        completed_on = None  # not yet known on as_of
    if kind is Kind.DUTY_PERIOD:
        ended = completed_on if completed_on is not None else (legal_due if legal_due < as_of else None)
        status = ObligationStatus.MET if ended else ObligationStatus.OPEN
        completed_on = ended
    elif kind is Kind.NOT_BEFORE:
        if completed_on is None:
            status = ObligationStatus.OPEN
        else:
            status = ObligationStatus.MET if completed_on >= legal_due else ObligationStatus.MISSED
    elif kind is Kind.BREACH:
        status = ObligationStatus.MISSED
    else:
        assert_never(kind)
    # Only deadlines are judged against a local target, and only deadlines are late.
    return Obligation(
        rule.rule_id,
        rule,
        trigger,
        legal_due,
        planned,
        status,
        kind,
        target_due,
        None,
        completed_on,
        closes_on,
        None,
        occurrence,
        note,
    )
