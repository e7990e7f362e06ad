"""What every duty module needs about one child, derived once per call of obligations_for.

Looked-after periods and placements come from the 903 episodes; leaving-care status comes from
`hearth.domain.leaving_care`, fed from the same episodes so the two never disagree.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from operator import lt
from typing import NamedTuple, assert_never

from hearth.domain.calendar import add_months, add_working_days, birthday
from hearth.domain.leaving_care import (
    CarePeriod,
    LeavingCareCategory,
    LeavingCareFacts,
    LeavingCareProfile,
    Order,
    OrderKind,
    Span,
    StatusSpan,
    Tier,
    legal_basis_from_903,
    timeline_of,
)
from hearth.domain.obligations.base import Kind, Obligation, Rule, deadline, make, planner
from hearth.domain.obligations.facts import (
    ADOPTION_REASONS,
    CAO_REASONS,
    DIED_REASON,
    SGO_REASONS,
    WITH_PARENT_PLACEMENTS,
    ChildFacts,
    Episode,
)
from hearth.domain.policy import CountStart, Policy, TwoMonthly

ONE_DAY = timedelta(days=1)
A_YEAR_AND_A_DAY = timedelta(days=366)
EIGHT_WEEKS = timedelta(weeks=8)
SHORT_BREAK_STATUSES = frozenset({"V3", "V4"})


# Placement and Period are NamedTuples: immutable, and several are built for every child.
class Placement(NamedTuple):
    start: date
    end: date  # last day, clamped to the period
    code: str
    first: Episode  # the episode that started it (carries approval facts)


class Period(NamedTuple):
    """A period of being looked after: episodes with no gap between them."""

    start: date
    end: date  # last day looked after; for an open period, the day before 18 (or death)
    episodes: tuple[Episode, ...]
    placements: tuple[Placement, ...]
    short_breaks_only: bool  # every episode a reg 48 short break (most duties skip these)

    @property
    def closes_on(self) -> date:
        """The first day the looked-after duties no longer apply (may be in the future)."""
        return self.end + ONE_DAY


def _order_for(episode: Episode) -> Order | None:
    if episode.end is None or episode.reason_ceased is None:
        return None
    rec = episode.reason_ceased
    if rec in ADOPTION_REASONS:
        return Order(OrderKind.ADOPTION, episode.end)
    if rec in SGO_REASONS:
        return Order(OrderKind.SPECIAL_GUARDIANSHIP, episode.end)
    if rec in CAO_REASONS:
        return Order(OrderKind.CHILD_ARRANGEMENTS, episode.end)
    return None


def date_of_death(facts: ChildFacts) -> date | None:
    if facts.date_of_death is not None:
        return facts.date_of_death
    for e in facts.episodes:
        if e.reason_ceased == DIED_REASON and e.end is not None:
            return e.end
    return None


def leaving_care_facts(facts: ChildFacts) -> LeavingCareFacts:
    """The classifier's view of the child (§2.1). P1 placements count towards the six months at home."""
    orders = tuple(o for o in (_order_for(e) for e in facts.episodes) if o is not None)
    home = facts.living_with_parent + tuple(
        Span(e.start, e.end) for e in facts.episodes if e.placement in WITH_PARENT_PLACEMENTS
    )
    return LeavingCareFacts(
        dob=facts.dob,
        periods=tuple(
            CarePeriod(e.start, e.end, legal_basis_from_903(e.legal_status), e.over_24_hours) for e in facts.episodes
        ),
        date_of_death=date_of_death(facts),
        detentions=facts.detentions,
        living_with_parent=home,
        orders=orders,
        education_programmes=facts.education_programmes,
        support_requests=facts.support_requests,
        other_accommodation=facts.other_accommodation,
    )


def _placements(episodes: Sequence[Episode], period_end: date) -> tuple[Placement, ...]:
    out: list[Placement] = []
    prev: Episode | None = None
    for e in episodes:
        same = prev is not None and (
            e.reason_new == "L"
            if e.reason_new is not None
            else (e.placement == prev.placement and e.placement_id == prev.placement_id)
        )
        if same and out:
            continue
        if out:
            out[-1] = Placement(out[-1].start, max(out[-1].start, e.start - ONE_DAY), out[-1].code, out[-1].first)
        out.append(Placement(e.start, period_end, e.placement, e))
        prev = e
    return tuple(out)


def looked_after_periods(facts: ChildFacts, policy: Policy) -> tuple[Period, ...]:
    """Group episodes into periods; a gap longer than the readmission setting starts a new one (W2 d)."""
    last_possible = birthday(facts.dob, 18, policy.leap_day) - ONE_DAY
    death = date_of_death(facts)
    if death is not None:
        last_possible = min(last_possible, death)
    gap = policy.looked_after.readmission_gap_days_as_same_period
    groups: list[tuple[list[Episode], date | None]] = []
    for e in sorted((e for e in facts.episodes if e.over_24_hours), key=lambda x: x.start):
        if groups:
            members, group_end = groups[-1]
            if group_end is None or (e.start - group_end).days <= 1 + gap:
                members.append(e)
                groups[-1] = (members, None if group_end is None or e.end is None else max(group_end, e.end))
                continue
        groups.append(([e], e.end))
    periods: list[Period] = []
    for members, group_end in groups:
        # Looked-after status ends at 18 (the day before the birthday) or on death, whatever the record says.
        end = group_end if group_end is not None and group_end <= last_possible else last_possible
        order = _order_for(members[-1])
        if order is not None and order.made_on > members[0].start:
            end = min(end, order.made_on - ONE_DAY)  # the order ends care the day before (W5 G)
        if end < members[0].start:
            continue
        short_breaks = all(e.legal_status in SHORT_BREAK_STATUSES for e in members)
        periods.append(Period(members[0].start, end, tuple(members), _placements(members, end), short_breaks))
    return tuple(periods)


def first_on_or_after(events: Sequence[date], d: date, before: date | None = None) -> date | None:
    """The earliest event on or after d (and before `before`), from a sorted sequence."""
    i = bisect_left(events, d)
    if i < len(events) and (before is None or events[i] < before):
        return events[i]
    return None


def last_on_or_before(events: Sequence[date], d: date) -> date | None:
    i = bisect_right(events, d)
    return events[i - 1] if i else None


class Context:
    """One child, one policy, one as-of date."""

    def __init__(self, facts: ChildFacts, as_of: date, policy: Policy, since: date | None = None) -> None:
        self.facts = facts
        self.as_of = as_of
        self.policy = policy
        self.since = since  # leave out history settled before this date (chains still run through it)
        self.leap = policy.leap_day
        self.profile = LeavingCareProfile(leaving_care_facts(facts), policy)
        self.death = self.profile.facts.date_of_death
        self.periods = looked_after_periods(facts, policy)
        self.d16, self.d18, self.d21, self.d25 = self.profile.d16, self.profile.d18, self.profile.d21, self.profile.d25
        self._spans: list[StatusSpan] | None = None
        self.plan = planner(policy)
        self._birthdays = {16: self.d16, 18: self.d18, 21: self.d21, 25: self.d25}
        self._dates: dict[str, tuple[date, ...]] = {}

    @property
    def spans(self) -> list[StatusSpan]:
        """Leaving-care status spans from just before 16 to past the 25th birthday (computed on first use).

        The series runs past as_of so age-driven ends (21, 25) are known as closing dates; facts
        dated after as_of never trigger obligations, because triggers after as_of are skipped.
        """
        if self._spans is None:
            start = max(self.facts.dob, self.d16 - A_YEAR_AND_A_DAY)
            end = max(self.as_of, self.d25 + ONE_DAY)
            self._spans = timeline_of(self.profile, start, end) if self.as_of >= start else []
        return self._spans

    def dates(self, name: str) -> tuple[date, ...]:
        """A completion field of the facts (`reviews`, `visits`...), sorted and deduplicated once per child."""
        found = self._dates.get(name)
        if found is None:
            raw: tuple[date, ...] = getattr(self.facts, name)
            # Records usually arrive in date order: check that (cheap) before sorting.
            in_order = all(map(lt, raw, raw[1:]))
            found = self._dates[name] = raw if in_order else tuple(sorted(set(raw)))
        return found

    def birthday(self, age: int) -> date:
        found = self._birthdays.get(age)
        if found is None:
            found = self._birthdays[age] = birthday(self.facts.dob, age, self.leap)
        return found

    def enabled(self, rule: Rule) -> bool:
        disabled = self.policy.disabled_rules
        return not disabled or (rule.rule_id not in disabled and rule.rule_id.split(".")[0] not in disabled)

    def version(self, rules: Iterable[Rule], trigger: date) -> Rule | None:
        """The rule version in force on the trigger date (Appendix C), if enabled."""
        for rule in rules:
            if rule.effective_from <= trigger and (rule.effective_to is None or trigger <= rule.effective_to):
                return rule if not self.policy.disabled_rules or self.enabled(rule) else None
        return None

    def make(
        self,
        rule: Rule,
        *,
        trigger: date,
        legal_due: date,
        completed_on: date | None = None,
        closes_on: date | None = None,
        target_due: date | None = None,
        occurrence: int = 1,
        kind: Kind = Kind.DEADLINE,
        note: str = "",
    ) -> Obligation:
        if kind is Kind.DEADLINE:  # most obligations: skip the general builder
            planned = self.plan(legal_due)
            return deadline(
                rule, self.as_of, planned, trigger, legal_due, completed_on, closes_on, target_due, occurrence, note
            )
        return make(
            rule,
            self.policy,
            self.as_of,
            trigger=trigger,
            legal_due=legal_due,
            completed_on=completed_on,
            closes_on=closes_on,
            target_due=target_due,
            occurrence=occurrence,
            kind=kind,
            note=note,
            plan=self.plan,
        )

    def recurring(
        self,
        rule: Rule,
        *,
        trigger: date,
        first_due: date,
        events: Sequence[date],
        next_due: Callable[[date, int], date],
        closes_on: date | None,
        first_target: date | None = None,
        not_before: date | None = None,
    ) -> list[Obligation]:
        """A chain anchored on actual completions (§4.6): each next due date runs from the last done.

        `next_due(done, n)` gives the due date after the nth occurrence was done on `done`.
        Occurrences that would fall due after the duty ends are not generated.
        """
        out: list[Obligation] = []
        lower = trigger if not_before is None else not_before
        due, n, anchor = first_due, 1, trigger
        as_of, since, plan = self.as_of, self.since, self.plan  # locals: this loop builds most obligations
        count = len(events)
        while anchor <= as_of:
            i = bisect_left(events, lower)  # first_on_or_after(events, lower, closes_on), inlined
            done = events[i] if i < count and (closes_on is None or events[i] < closes_on) else None
            if since is not None and done is not None and done < since and due < since:
                pass  # settled before the reporting window: skip building it, keep walking the chain
            else:
                target = first_target if n == 1 else None
                out.append(deadline(rule, as_of, plan(due), anchor, due, done, closes_on, target, n))
            if done is None or done > as_of:
                break
            anchor, due, n, lower = done, next_due(done, n), n + 1, done + ONE_DAY
            if closes_on is not None and due >= closes_on:
                break
        return out

    def merged_spans(self, keep: Callable[[StatusSpan], bool]) -> list[tuple[date, date | None, StatusSpan]]:
        """Runs of consecutive status spans that satisfy `keep`: (first day, last day or None, first span)."""
        runs: list[tuple[date, date | None, StatusSpan]] = []
        for span in self.spans:
            if not keep(span):
                continue
            if runs and runs[-1][1] is not None and runs[-1][1] + ONE_DAY == span.start:
                runs[-1] = (runs[-1][0], span.end, runs[-1][2])
            else:
                runs.append((span.start, span.end, span))
        return runs

    def support_run_end(self, d: date) -> date | None:
        """Last day of the unbroken run of leaving-care support containing d (relevant -> former relevant is one run)."""
        for start, end, _ in self.merged_spans(in_leaving_care_support):
            if start <= d and (end is None or d <= end):
                return end
        return None

    def status_on(self, d: date) -> StatusSpan | None:
        for span in self.spans:
            if span.start <= d and (span.end is None or d <= span.end):
                return span
        return None

    def placement_on(self, d: date) -> Placement | None:
        for p in self.periods:
            if p.start <= d <= p.end:
                for pl in p.placements:
                    if pl.start <= d <= pl.end:
                        return pl
        return None

    def target_working_days(self, event: date, n: int) -> date:
        """A local target n working days after event; `count_start` applies here only (§4.2)."""
        return add_working_days(event, n, inclusive=self.policy.calendar.count_start is CountStart.INCLUSIVE)

    def two_monthly(self, d: date) -> date:
        """'Two-monthly': 2 calendar months by default, 8 weeks if the council says so (§4.4)."""
        match self.policy.dates.two_monthly:
            case TwoMonthly.TWO_MONTHS:
                return add_months(d, 2)
            case TwoMonthly.EIGHT_WEEKS:
                return d + EIGHT_WEEKS
            case _:
                assert_never(self.policy.dates.two_monthly)


def sorted_dates(dates: Iterable[date]) -> tuple[date, ...]:
    return tuple(sorted(set(dates)))


def in_leaving_care_support(span: StatusSpan) -> bool:
    """Relevant, or former relevant with live PA / pathway duties (18-20, education, or on request)."""
    s = span.status
    if s.category is LeavingCareCategory.RELEVANT:
        return True
    return s.category is LeavingCareCategory.FORMER_RELEVANT and s.tier in (
        Tier.FR_18_20,
        Tier.FR_EDU,
        Tier.FR_21_24_ACTIVE,
    )
