"""Council policy settings with the defaults of statutory-duties.md Appendix A.

One `Policy` per council per effective date. Values that reproduce the statutory or guidance
position are the defaults; local-policy (L) switches default to what Appendix A gives, and a
council can switch any rule off by id through `disabled_rules`. `policy_in_force` picks the
version in force on a date; `policy_warnings` runs the configuration checks Appendix A lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from hearth.domain.calendar import LeapDay


class WeekendDuePolicy(Enum):
    KEEP = "keep"  # plan_by is the legal date itself
    PREVIOUS_WORKING_DAY = "previous_working_day"  # default (§4.5); never roll forward


class CountStart(Enum):
    EXCLUSIVE = "exclusive"  # default: E is day 0 (§4.2)
    INCLUSIVE = "inclusive"  # local procedures only; never used for legal_due


class TwoMonthly(Enum):
    TWO_MONTHS = "2_months"  # default (§4.4)
    EIGHT_WEEKS = "8_weeks"


class DayCount(Enum):
    INCLUSIVE = "inclusive"  # default: any part-day looked after counts (§2.2)
    NIGHTS = "nights"  # the DfE return's arithmetic


class ShortBreakRule(Enum):
    REG48 = "reg48"  # default: stays of at most 17 days, at most 75 days in 12 months
    LEGACY_4_WEEKS = "legacy_4_weeks"  # 2001 rule: stays of at most 4 weeks, 120 days a year


class SgoAfterEligible(Enum):
    QUALIFYING = "qualifying"  # default (s24(1A)); legal check recommended
    RELEVANT = "relevant"


class EducationSupportCap(Enum):
    TWENTY_FIFTH_BIRTHDAY = "25th_birthday"  # default
    END_OF_PROGRAMME = "end_of_programme"


class FifthBirthdayMode(Enum):
    CONSERVATIVE = "conservative"  # default: an RHA done under 5 is followed within 6 m (W4)
    SWITCH_AT_BIRTHDAY = "switch_at_birthday"


class PepAgeScope(Enum):
    COMPULSORY_SCHOOL_AGE = "compulsory_school_age"  # default
    FROM_EARLY_YEARS = "from_early_years"


class PathwayPlanTarget(Enum):
    BY_16TH_BIRTHDAY = "by_16th_birthday"  # default (Appendix B #4)
    REVIEW_NEAREST_16TH = "review_nearest_16th"
    STATUTORY_ONLY = "statutory_only"


class PaVisitScope(Enum):
    ALL_MOVES = "all_moves"  # default (Appendix B #6)
    LA_PROVIDED_ONLY = "la_provided_only"  # CLR reg 8(2) read narrowly


class BnbPolicy(Enum):
    NEVER = "never"  # default since 28 Oct 2023 (Appendix B #7)
    EXCEPTIONAL_MAX_WD = "exceptional_max_wd"  # 2015 guidance: at most bnb_max_wd working days


@dataclass(frozen=True, slots=True)
class TermWindow:
    """A school term for PEP reviews: at least one PEP review must fall in each (D17)."""

    start: date
    end: date  # inclusive


@dataclass(frozen=True, slots=True)
class CalendarPolicy:
    extra_closure_days: frozenset[date] = frozenset()  # plan_by only, never legal_due
    weekend_due_policy: WeekendDuePolicy = WeekendDuePolicy.PREVIOUS_WORKING_DAY
    count_start: CountStart = CountStart.EXCLUSIVE  # applied to local targets only


@dataclass(frozen=True, slots=True)
class DatePolicy:
    leap_day: LeapDay = LeapDay.MAR1
    two_monthly: TwoMonthly = TwoMonthly.TWO_MONTHS


@dataclass(frozen=True, slots=True)
class CategoryPolicy:
    threshold_days: int = 91
    day_count: DayCount = DayCount.INCLUSIVE
    require_care_after_16: bool = True
    sixteenth_birthday_counts: bool = True
    exclude_short_breaks: bool = True
    short_break_rule: ShortBreakRule = ShortBreakRule.REG48
    six_month_home_rule: bool = True
    sgo_after_eligible: SgoAfterEligible = SgoAfterEligible.QUALIFYING
    # adopted_after_16 has one option in Appendix A ("none"): an adopted young person is not a
    # care leaver, so it is not a setting here.
    former_relevant_label_until: int = 25
    education_support_cap: EducationSupportCap = EducationSupportCap.TWENTY_FIFTH_BIRTHDAY


@dataclass(frozen=True, slots=True)
class LookedAfterPolicy:
    s20_min_hours: int = 24
    readmission_gap_days_as_same_period: int = 0
    care_plan_wd: int = 10
    placement_plan_wd: int = 5
    placement_notice_wd: int = 5
    allow_retrospective_approval_wd: int = 0
    iro_allocation_wd: int = 5
    first_review_wd: int = 20
    second_review_months: int = 3
    later_review_months: int = 6
    permanence_by_review_no: int = 2
    visit_first_days: int = 7
    visit_interval_days: int = 42
    longterm_interval_months: int = 3
    longterm_agreed_months: int | None = None
    advocacy_info_wd: int = 10


@dataclass(frozen=True, slots=True)
class HealthEducationPolicy:
    iha_request_wd: int = 5
    iha_recent_months: int = 3
    rha_under5_months: int = 6
    rha_5plus_months: int = 12
    fifth_birthday_mode: FifthBirthdayMode = FifthBirthdayMode.CONSERVATIVE
    sdq_months: int = 12
    dental_months: int = 12
    health_passport_prep_age: float = 17.5
    pep_age_scope: PepAgeScope = PepAgeScope.COMPULSORY_SCHOOL_AGE
    pep_post16: bool = True
    pep_until_age: int = 18
    post18_pep_opt_in: bool = True
    # Empty: use the default pattern of `default_terms` (autumn Sep-Dec, spring Jan-Mar,
    # summer Apr-Jul). Councils should load their own term dates.
    pep_terms: tuple[TermWindow, ...] = ()
    ehcp_weeks: int = 20


@dataclass(frozen=True, slots=True)
class LeavingCarePolicy:
    assessment_months: int = 3
    pathway_plan_target: PathwayPlanTarget = PathwayPlanTarget.BY_16TH_BIRTHDAY
    pp_review_months: int = 6
    pp_request_response_wd: int = 10
    acc_review_days: int = 28
    acc_review_then_months: int = 3
    acc_review_grace_wd: int = 5
    acc_review_is_breach: bool = False
    pa_local_target_age: float | None = None
    sw_acts_as_pa_until_age: float | None = None
    pa_move_visit_days: int = 7
    pa_visit_scope: PaVisitScope = PaVisitScope.ALL_MOVES
    contact_fallback_months: int = 2
    not_in_touch_after_months: int = 3
    keep_in_touch_until_age: int = 21
    declined_recontact_months: int = 6
    declined_recontact_months_21plus: int = 12
    entitlements_after_update_months: int = 1
    staying_put_decision_months_before_18: int = 3
    staying_put_end_age: int = 21
    staying_close_statutory_from: date | None = None
    req_pa_wd: int = 10
    req_assessment_wd: int = 20
    req_plan_wd: int = 10
    pre21_discussion_months: int = 3
    exit_evaluation_enabled: bool = False
    qualifying_response_wd: int = 10
    uasc_prep_months: int = 6
    adult_transition_age: float = 17.5


@dataclass(frozen=True, slots=True)
class AccommodationPolicy:
    bnb_policy: BnbPolicy = BnbPolicy.NEVER
    bnb_max_wd: int = 2
    bnb_day_count_inclusive: bool = True  # Appendix A `bnb_day_count: inclusive`
    indep_living_assessment_required: bool = True
    priority_need_auto_until_age: int = 21


@dataclass(frozen=True, slots=True)
class CustodyPolicy:
    dpp_wd: int = 10
    prerelease_review_wd: int = 10
    detention_visit_wd: int = 10
    custody_visit_wd: int = 10
    custody_review_wd: int = 20
    release_planning_weeks: int = 8


@dataclass(frozen=True, slots=True)
class PermanencePolicy:
    proceedings_weeks: int = 26
    extension_weeks: int = 8
    adoption_match_days: int = 90
    not_before_weeks: int = 10
    adoption_support_years: int = 3


@dataclass(frozen=True, slots=True)
class RecordsPolicy:
    retention_years_from_dob: int = 75
    retention_years_after_death_u18: int = 15
    sar_months: int = 1
    sar_extension_months: int = 2
    consulate_notice_wd: int = 10
    pf_first_visit_wd: int = 7
    pf_interval_y1_weeks: int = 6
    pf_interval_later_weeks: int = 12
    rhi_hours: int = 72


@dataclass(frozen=True, slots=True)
class ServicePolicy:
    local_offer_review_years: int = 3
    sufficiency_review_months: int = 12


@dataclass(frozen=True, slots=True)
class Policy:
    """Every council-configurable parameter, grouped as in Appendix A."""

    calendar: CalendarPolicy = field(default_factory=CalendarPolicy)
    dates: DatePolicy = field(default_factory=DatePolicy)
    categories: CategoryPolicy = field(default_factory=CategoryPolicy)
    looked_after: LookedAfterPolicy = field(default_factory=LookedAfterPolicy)
    health_education: HealthEducationPolicy = field(default_factory=HealthEducationPolicy)
    leaving_care: LeavingCarePolicy = field(default_factory=LeavingCarePolicy)
    accommodation: AccommodationPolicy = field(default_factory=AccommodationPolicy)
    custody: CustodyPolicy = field(default_factory=CustodyPolicy)
    permanence: PermanencePolicy = field(default_factory=PermanencePolicy)
    records: RecordsPolicy = field(default_factory=RecordsPolicy)
    service: ServicePolicy = field(default_factory=ServicePolicy)
    # Rule ids (e.g. "D11", "D29") the council has switched off. Local (L) rules are listed in
    # the registry with their strength so an admin screen can offer them.
    disabled_rules: frozenset[str] = frozenset()

    @property
    def leap_day(self) -> LeapDay:
        return self.dates.leap_day


DEFAULT_POLICY = Policy()


@dataclass(frozen=True, slots=True)
class PolicyVersion:
    effective_from: date
    policy: Policy


def policy_in_force(versions: Sequence[PolicyVersion], on: date, default: Policy = DEFAULT_POLICY) -> Policy:
    """The policy with the latest effective_from on or before `on` (the default before any)."""
    best: PolicyVersion | None = None
    for version in versions:
        if version.effective_from <= on and (best is None or version.effective_from >= best.effective_from):
            best = version
    return best.policy if best is not None else default


@dataclass(frozen=True, slots=True)
class PolicyWarning:
    code: str
    message: str


def policy_warnings(policy: Policy) -> list[PolicyWarning]:
    """Configuration checks from Appendix A: local targets later than the statutory date."""
    warnings: list[PolicyWarning] = []
    pa_age = policy.leaving_care.pa_local_target_age
    if pa_age is not None and pa_age > 16:
        warnings.append(
            PolicyWarning(
                "pa_target_after_eligibility",
                f"A PA target at {pa_age} is later than the statutory date (eligibility, usually 16); "
                "statutory breaches will still be reported.",
            )
        )
    if policy.leaving_care.sw_acts_as_pa_until_age is not None:
        warnings.append(
            PolicyWarning(
                "sw_acts_as_pa",
                "A social worker acting as PA moves the statutory PA date; confirm with legal services.",
            )
        )
    if policy.categories.threshold_days != 91:
        warnings.append(PolicyWarning("threshold_days", "The statutory 13-week threshold is 91 days."))
    if not policy.categories.require_care_after_16:
        warnings.append(
            PolicyWarning(
                "require_care_after_16",
                "Counting 13 weeks without care after 16 reproduces loose local descriptions; do not use it for duties.",
            )
        )
    if policy.calendar.count_start is CountStart.INCLUSIVE:
        warnings.append(
            PolicyWarning(
                "count_start_inclusive",
                "Inclusive counting is applied to local targets only; statutory dates always count E as day 0.",
            )
        )
    return warnings
