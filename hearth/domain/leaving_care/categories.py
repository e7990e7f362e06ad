"""Leaving-care categories on a date (statutory-duties.md §2.3-§2.5).

Sources (all S): eligible, CA 1989 Sch 2 para 19B and CPPCR regs 40-44; relevant, CA 1989 s23A
and CLR reg 3; former relevant, CA 1989 s23C (tiers: s23C(7), s23CA, s23CZB from 1 Apr 2018);
qualifying, CA 1989 s24-s24B.

The status on day t depends only on the facts dated on or before t, apart from the
former-relevant test, which looks back at the 18th birthday (never forward).
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import Enum
from typing import NamedTuple, assert_never

from hearth.domain.calendar import add_months, birthday
from hearth.domain.leaving_care.facts import (
    CARE_ORDER_BASES,
    LeavingCareFacts,
    LegalBasis,
    OrderKind,
    OtherAccommodationKind,
    Span,
)
from hearth.domain.leaving_care.thirteen_weeks import (
    Interval,
    days_looked_after_since_14,
    first_day_threshold_met,
    looked_after_intervals,
)
from hearth.domain.policy import DEFAULT_POLICY, EducationSupportCap, Policy, SgoAfterEligible

ONE_DAY = timedelta(days=1)
# CSWA 2017 s3 (new CA 1989 s23CZB): PA support on request to 25, in force 1 Apr 2018 (Appendix C).
SUPPORT_TO_25_FROM = date(2018, 4, 1)


class LeavingCareCategory(Enum):
    NONE = "none"
    LOOKED_AFTER = "looked_after"  # looked after but not (yet) eligible
    ELIGIBLE = "eligible"
    RELEVANT = "relevant"
    FORMER_RELEVANT = "former_relevant"
    QUALIFYING = "qualifying"
    DECEASED = "deceased"


class Tier(Enum):
    """Which duties are live for a former relevant (or older qualifying) young person (§2.3)."""

    FR_18_20 = "fr_18_20"
    FR_EDU = "fr_edu"
    FR_21_24_ACTIVE = "fr_21_24_active"
    FR_21_24_DORMANT = "fr_21_24_dormant"
    QUALIFYING_EDUCATION = "qualifying_education"  # s24B help with education to 25


class Status(NamedTuple):
    """A category, and the tier for former relevant young people.

    A NamedTuple: cheap to build and compare, as the timeline asks for the status at every change point.
    """

    category: LeavingCareCategory
    tier: Tier | None = None

    @property
    def is_care_leaver(self) -> bool:
        match self.category:
            case LeavingCareCategory.RELEVANT | LeavingCareCategory.FORMER_RELEVANT | LeavingCareCategory.QUALIFYING:
                return True
            case (
                LeavingCareCategory.NONE
                | LeavingCareCategory.LOOKED_AFTER
                | LeavingCareCategory.ELIGIBLE
                | LeavingCareCategory.DECEASED
            ):
                return False
            case _:
                assert_never(self.category)


NONE = Status(LeavingCareCategory.NONE)


def _covers(spans: tuple[Span, ...], t: date) -> bool:
    return any(s.start <= t and (s.end is None or t <= s.end) for s in spans)


class LeavingCareProfile:
    """Everything about one young person that does not depend on the date asked about.

    Build once per child (it normalises the periods and finds `eligible_from`), then ask
    `status_on(t)` for as many dates as needed.
    """

    def __init__(self, facts: LeavingCareFacts, policy: Policy = DEFAULT_POLICY) -> None:
        self.facts = facts
        self.policy = policy
        leap = policy.leap_day
        dob = facts.dob
        self.d16 = birthday(dob, 16, leap)
        self.d18 = birthday(dob, 18, leap)
        self.d21 = birthday(dob, 21, leap)
        self.d25 = birthday(dob, 25, leap)
        # sixteenth_birthday_counts: being looked after on the birthday itself is "after 16".
        self.after_16_from = self.d16 if policy.categories.sixteenth_birthday_counts else self.d16 + ONE_DAY
        self.lac = looked_after_intervals(facts, policy, counting=False)
        # The counting view differs only by leaving out short breaks, which most children never have.
        short_breaks = any(p.basis is LegalBasis.SHORT_BREAKS for p in facts.periods)
        self.counting = looked_after_intervals(facts, policy, counting=True) if short_breaks else self.lac
        found = first_day_threshold_met(self.counting, dob, self.after_16_from, policy)
        self.eligible_from = found if found is not None and found < self.d18 else None
        self.reg3_2 = self._detained_at_16_after_13_weeks()
        self._former_relevant: bool | None = None

    # -- building blocks -------------------------------------------------------------------

    def looked_after_on(self, t: date) -> bool:
        return any(iv.covers(t) for iv in self.lac)

    def eligible_on(self, t: date) -> bool:
        """Eligible: looked after, 16 or 17, with 13 weeks since 14 (and not short breaks only)."""
        return (
            self.eligible_from is not None
            and self.eligible_from <= t < self.d18
            and any(iv.covers(t) for iv in self.counting)
        )

    def _detained_at_16_after_13_weeks(self) -> bool:
        """CLR reg 3(2): in custody or hospital on the 16th birthday, 13 weeks in care before it."""
        threshold = self.policy.categories.threshold_days
        for d in self.facts.detentions:
            if d.start <= self.d16 and (d.end is None or self.d16 <= d.end):
                before = d.start - ONE_DAY
                if days_looked_after_since_14(self.counting, self.facts.dob, before, self.policy) >= threshold:
                    return True
        return False

    def _last_counting_before(self, t: date) -> Interval | None:
        last = None
        for iv in self.counting:
            if iv.end < t:
                last = iv
        return last

    def _home_exclusion(self, t: date) -> bool:
        """CLR reg 3(3)-(4): six continuous months living with a parent up to and including t."""
        if not self.policy.categories.six_month_home_rule:
            return False
        return any(add_months(s.start, 6) <= t and (s.end is None or t <= s.end) for s in self.facts.living_with_parent)

    def _relevant_route(self, t: date) -> bool:
        """Relevant on t, ignoring the six-month exclusion (not looked after, aged 16-17)."""
        if self.reg3_2 and not any(iv.basis in CARE_ORDER_BASES and iv.covers(t) for iv in self.lac):
            return True
        last = self._last_counting_before(t)
        if last is None:
            if self.eligible_from is None and not self.policy.categories.require_care_after_16:
                # Loose reading kept for reproducing old local figures only (§2.7).
                return days_looked_after_since_14(self.counting, self.facts.dob, t, self.policy) >= (
                    self.policy.categories.threshold_days
                )
            return False
        if not self.eligible_on(last.end):
            return False
        match last.ended_by:
            case None | OrderKind.CHILD_ARRANGEMENTS:
                return True
            case OrderKind.ADOPTION:
                return False  # adopted: not a care leaver (§2.5 case 10)
            case OrderKind.SPECIAL_GUARDIANSHIP:
                return self.policy.categories.sgo_after_eligible is SgoAfterEligible.RELEVANT
            case _:
                assert_never(last.ended_by)

    def _qualifying_route(self, t: date) -> bool:
        """CA 1989 s24(1)-(2): any route into the qualifying category by day t."""
        # (a) looked after at some time after 16 (while a child) and not any more.
        for iv in self.counting:
            if iv.start < t and iv.end >= self.after_16_from and iv.ended_by is not OrderKind.ADOPTION:
                return True
        # (b) other accommodation after 16; health and education only after 3 consecutive months.
        for acc in self.facts.other_accommodation:
            if acc.start > t or (acc.end is not None and acc.end < self.d16):
                continue
            if acc.kind in (OtherAccommodationKind.HEALTH, OtherAccommodationKind.EDUCATION):
                last = t if acc.end is None else min(acc.end, t)
                if add_months(acc.start, 3) > last + ONE_DAY:
                    continue
            return True
        # (c) an SGO made before 18 for a child looked after immediately before it.
        return any(
            o.kind is OrderKind.SPECIAL_GUARDIANSHIP
            and o.made_on <= t
            and o.made_on < self.d18
            and self.looked_after_on(o.made_on - ONE_DAY)
            for o in self.facts.orders
        )

    def _under_18(self, t: date) -> Status:
        if self.looked_after_on(t):
            if self.eligible_on(t):
                return Status(LeavingCareCategory.ELIGIBLE)
            return Status(LeavingCareCategory.LOOKED_AFTER)
        if t < self.d16:
            return NONE
        if self._relevant_route(t) and not self._home_exclusion(t):
            return Status(LeavingCareCategory.RELEVANT)
        if self._qualifying_route(t):
            return Status(LeavingCareCategory.QUALIFYING)
        return NONE

    @property
    def former_relevant(self) -> bool:
        """CA 1989 s23C: eligible or relevant at the day before 18, and not excluded at 18 (§2.5 case 11)."""
        if self._former_relevant is None:
            last_child_day = self.d18 - ONE_DAY
            dead = self.facts.date_of_death is not None and self.facts.date_of_death < self.d18
            status = self._under_18(last_child_day).category
            self._former_relevant = not dead and (
                status is LeavingCareCategory.ELIGIBLE
                or (status is LeavingCareCategory.RELEVANT and not self._home_exclusion(self.d18))
            )
        return self._former_relevant

    def _support_requested(self, t: date) -> bool:
        return any(
            r.requested_on <= t and (r.withdrawn_on is None or t < r.withdrawn_on) for r in self.facts.support_requests
        )

    def _former_relevant_tier(self, t: date) -> Status:
        fr = LeavingCareCategory.FORMER_RELEVANT
        if t < self.d21:
            return Status(fr, Tier.FR_18_20)
        cats = self.policy.categories
        in_education = _covers(self.facts.education_programmes, t)
        if in_education:
            match cats.education_support_cap:
                case EducationSupportCap.TWENTY_FIFTH_BIRTHDAY:
                    if t < self.d25:
                        return Status(fr, Tier.FR_EDU)
                case EducationSupportCap.END_OF_PROGRAMME:
                    return Status(fr, Tier.FR_EDU)
                case _:
                    assert_never(cats.education_support_cap)
        label_until = birthday(self.facts.dob, cats.former_relevant_label_until, self.policy.leap_day)
        if t >= self.d25 or t >= label_until or t < SUPPORT_TO_25_FROM:
            return NONE
        if self._support_requested(t):
            return Status(fr, Tier.FR_21_24_ACTIVE)
        return Status(fr, Tier.FR_21_24_DORMANT)

    def status_on(self, t: date) -> Status:
        """The leaving-care status on day t (§2.4)."""
        if self.facts.date_of_death is not None and t >= self.facts.date_of_death:
            return Status(LeavingCareCategory.DECEASED)
        if t < self.facts.dob:
            return NONE
        if t < self.d18:
            return self._under_18(t)
        if self.former_relevant:
            return self._former_relevant_tier(t)
        if t < self.d21 and self._qualifying_route(t):
            return Status(LeavingCareCategory.QUALIFYING)
        if t < self.d25 and _covers(self.facts.education_programmes, t) and self._qualifying_route(self.d21 - ONE_DAY):
            return Status(LeavingCareCategory.QUALIFYING, Tier.QUALIFYING_EDUCATION)
        return NONE


def status_on(facts: LeavingCareFacts, t: date, policy: Policy = DEFAULT_POLICY) -> Status:
    return LeavingCareProfile(facts, policy).status_on(t)


def category_on(facts: LeavingCareFacts, t: date, policy: Policy = DEFAULT_POLICY) -> LeavingCareCategory:
    """The leaving-care category on day t. Build a LeavingCareProfile when asking many dates."""
    return LeavingCareProfile(facts, policy).status_on(t).category
