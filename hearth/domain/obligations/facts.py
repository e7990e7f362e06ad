"""The child-level facts the duty rules read, as plain frozen dataclasses.

The Django side maps model rows into these. Codes are 903 codes as plain strings (legal status
'C2', placement 'U4', reason ceased 'E9', reason for new episode 'P'). Dates are calendar dates;
every end date is the *last* day the state held (inclusive), or None while it still holds.
Completion facts are plain tuples of dates: the date each review, visit, assessment and so on
actually happened.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hearth.domain.leaving_care.facts import Detention, OtherAccommodation, Span, SupportRequest

FOSTER_PLACEMENTS = frozenset({"U1", "U2", "U3", "U4", "U5", "U6"})
CONNECTED_PERSON_PLACEMENTS = frozenset({"U1", "U2", "U3"})
LONG_TERM_FOSTER_PLACEMENTS = frozenset({"U1", "U4"})
WITH_PARENT_PLACEMENTS = frozenset({"P1"})
YOUTH_DETENTION_PLACEMENTS = frozenset({"K1", "R5"})  # secure children's home, YOI / prison
UNREGULATED_PLACEMENTS = frozenset({"H5", "P2"})  # not Ofsted-registered (D43)
BED_AND_BREAKFAST = "BED_AND_BREAKFAST"
UNREGISTERED_SUPPORTED = frozenset({BED_AND_BREAKFAST, "UNREGISTERED_SUPPORTED"})
ADOPTION_REASONS = frozenset({"E11", "E12"})
SGO_REASONS = frozenset({"E43", "E44", "E45", "E46", "E47", "E48"})
CAO_REASONS = frozenset({"E41"})
DIED_REASON = "E2"
SENTENCED_REASON = "E9"


@dataclass(frozen=True, slots=True)
class Episode:
    """One 903 episode: a stretch with the same legal status and placement."""

    start: date
    end: date | None
    legal_status: str  # 903 LS: C1, C2, E1, V2, V3, V4, L1-L3, J1-J3
    placement: str  # 903 PLACE: U1-U6, K1, K2, P1, R5, ...
    reason_ceased: str | None = None  # 903 REC: X1, E11, E2, E9, E45...
    reason_new: str | None = None  # 903 RNE: S, L, P, T, U, B (None: inferred)
    placement_id: str | None = None  # carer / setting, to tell moves apart within one code
    over_24_hours: bool = True  # s20 stays of 24h or less are not looked after (s22(2))
    # D05: placements outside the council's area need approval before they start.
    out_of_area: bool = False
    approved_on: date | None = None


@dataclass(frozen=True, slots=True)
class AccommodationSpell:
    """Where a young person lives (leaving-care accommodation history); type is a string code."""

    start: date
    end: date | None
    type_code: str  # e.g. "SEMI_INDEPENDENT", "BED_AND_BREAKFAST", "STAYING_PUT"
    council_provided: bool = True  # CLR reg 8(2) reads narrowly as council-provided only
    suitability_checked_on: date | None = None  # D41


@dataclass(frozen=True, slots=True)
class Contact:
    """A contact between the PA (or leaving-care worker) and the young person."""

    on: date
    in_person: bool = False
    follows_move: bool = False  # the visit to new accommodation (D26)


@dataclass(frozen=True, slots=True)
class PaAllocation:
    start: date
    end: date | None = None


@dataclass(frozen=True, slots=True)
class RecordsRequest:
    received_on: date
    extended: bool = False  # complexity extension, told within the first month
    completed_on: date | None = None


@dataclass(frozen=True, slots=True)
class MissingEpisode:
    returned_on: date
    interview_on: date | None = None  # independent return interview (D59)


@dataclass(frozen=True, slots=True)
class EhcRequest:
    requested_on: date
    decided_on: date | None = None


@dataclass(frozen=True, slots=True)
class Proceedings:
    issued_on: date
    extensions: int = 0  # court extensions of up to 8 weeks each
    concluded_on: date | None = None


@dataclass(frozen=True, slots=True)
class AdoptionDecision:
    approved_on: date
    referred_on: date | None = None  # to Adoption Match (D52)
    matched_on: date | None = None


@dataclass(frozen=True, slots=True)
class AdoptivePlacement:
    placed_on: date
    application_on: date | None = None  # adoption application (not before 10 weeks, D53)


@dataclass(frozen=True, slots=True)
class Waiver:
    """A recorded reason for departing from a rule for one obligation (§0.2 G)."""

    rule_id: str
    trigger_date: date
    reason: str
    occurrence: int | None = None  # None: every occurrence from that trigger


@dataclass(frozen=True, slots=True)
class ChildFacts:
    dob: date
    episodes: tuple[Episode, ...] = ()
    date_of_death: date | None = None
    # Looked-after planning and reviews (completion dates).
    care_plans: tuple[date, ...] = ()  # care plan, or detention placement plan on YDA remand
    placement_plans: tuple[date, ...] = ()
    placement_notices: tuple[date, ...] = ()
    iro_appointments: tuple[date, ...] = ()
    advocacy_information: tuple[date, ...] = ()
    reviews: tuple[date, ...] = ()  # LAC reviews held
    visits: tuple[date, ...] = ()  # statutory social worker visits
    health_assessment_requests: tuple[date, ...] = ()
    health_assessments: tuple[date, ...] = ()  # IHA then RHAs (a recorded refusal counts)
    sdqs: tuple[date, ...] = ()
    dental_checks: tuple[date, ...] = ()
    health_passports: tuple[date, ...] = ()
    peps: tuple[date, ...] = ()  # PEP meetings (the first starts the PEP)
    # Leaving care.
    needs_assessments: tuple[date, ...] = ()
    pathway_plans: tuple[date, ...] = ()
    pathway_plan_reviews: tuple[date, ...] = ()
    pa_allocations: tuple[PaAllocation, ...] = ()
    contacts: tuple[Contact, ...] = ()
    contact_frequency_months: int | None = None  # set in the pathway plan (D28)
    accommodation: tuple[AccommodationSpell, ...] = ()
    staying_put: tuple[Span, ...] = ()
    staying_put_decisions: tuple[date, ...] = ()
    support_requests: tuple[SupportRequest, ...] = ()
    post21_discussions: tuple[date, ...] = ()
    exit_evaluations: tuple[date, ...] = ()
    # Category facts that the episodes do not hold (§2.1).
    living_with_parent: tuple[Span, ...] = ()  # after care; P1 placements are added automatically
    detentions: tuple[Detention, ...] = ()
    education_programmes: tuple[Span, ...] = ()
    other_accommodation: tuple[OtherAccommodation, ...] = ()
    # Other timed duties.
    records_requests: tuple[RecordsRequest, ...] = ()
    record_reviewed_on: date | None = None  # retention review done (D55)
    missing_episodes: tuple[MissingEpisode, ...] = ()
    ehc_requests: tuple[EhcRequest, ...] = ()
    proceedings: tuple[Proceedings, ...] = ()
    adoption_decisions: tuple[AdoptionDecision, ...] = ()
    adoptive_placements: tuple[AdoptivePlacement, ...] = ()
    waivers: tuple[Waiver, ...] = ()
