"""The generated council as plain values: what the database writer and CSV writer consume.

Workers, teams and providers are referred to by `key` (their index in the council's lists), so a
council can be built, compared and written without any database. Rows made by the hundred thousand
are NamedTuples (immutable and quick to make); the few big values are frozen dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from hearth.domain.ssda903.history import ChildHistory


@dataclass(frozen=True, slots=True)
class TeamSpec:
    key: int
    name: str
    kind: str
    locality: str


@dataclass(frozen=True, slots=True)
class WorkerSpec:
    key: int
    name: str
    role: str
    experience_band: str
    team_key: int
    sw_id: str
    start: date
    end: date | None  # left the post; None while still in it

    @property
    def active(self) -> bool:
        return self.end is None


@dataclass(frozen=True, slots=True)
class ProviderSpec:
    key: int
    name: str
    kind: str
    place_provider: str
    postcode: str
    urn: str
    la_code: str


class AllocationSpec(NamedTuple):
    worker_key: int
    role: str  # SOCIAL_WORKER or PERSONAL_ADVISER
    start: date
    end: date | None
    sw_reason: str = ""


class EpisodeExtra(NamedTuple):
    """What the record holds about an episode beyond the 903 columns."""

    provider_key: int | None
    pl_la: str


class ContactSpec(NamedTuple):
    date: date
    kind: str
    worker_key: int | None
    seen_where: str
    follows_move: bool = False


class AccommodationSpec(NamedTuple):
    start: date
    end: date | None
    accommodation_type: str
    suitable: bool


class EETSpec(NamedTuple):
    start: date
    end: date | None
    activity: str
    neet_reason: str = ""


class ActionSpec(NamedTuple):
    description: str
    owner: str
    due_on: date
    completed_on: date | None


@dataclass(frozen=True, slots=True)
class PathwayPlanSpec:
    agreed_on: date
    worker_key: int | None
    reviews: tuple[tuple[date, int | None], ...]
    actions: tuple[ActionSpec, ...]


class StayingPutSpec(NamedTuple):
    start: date
    end: date | None
    carer: str
    provider_key: int | None
    weekly_allowance: str  # decimal as text, e.g. "222.00"


class SupportRequestSpec(NamedTuple):
    received_on: date
    request: str
    outcome: str
    outcome_on: date | None


class EntitlementSpec(NamedTuple):
    given_on: date
    kind: str
    amount: str | None
    note: str = ""


class DutySpec(NamedTuple):
    """A statutory task done (DutyRecord): a DUTY_KIND code, the day, who recorded it."""

    duty: str
    completed_on: date
    worker_key: int | None


class MissingExtra(NamedTuple):
    return_interview_offered: bool | None
    return_interview_taken: bool | None


@dataclass(frozen=True, slots=True)
class LeavingCare:
    """The leaving-care record the 903 does not hold."""

    needs_assessments: tuple[tuple[date, int | None], ...] = ()
    pathway_plans: tuple[PathwayPlanSpec, ...] = ()
    contacts: tuple[ContactSpec, ...] = ()
    accommodation: tuple[AccommodationSpec, ...] = ()
    eet: tuple[EETSpec, ...] = ()
    staying_put: tuple[StayingPutSpec, ...] = ()
    support_requests: tuple[SupportRequestSpec, ...] = ()
    entitlements: tuple[EntitlementSpec, ...] = ()


@dataclass(frozen=True, slots=True)
class SynthChild:
    history: ChildHistory
    given_name: str
    family_name: str
    date_of_death: date | None
    episode_extras: tuple[EpisodeExtra, ...]  # one per history.episodes, same order
    missing_extras: tuple[MissingExtra, ...]  # one per history.missing
    allocations: tuple[AllocationSpec, ...]
    leaving_care: LeavingCare
    duties: tuple[DutySpec, ...] = ()  # statutory tasks done (with detail only)
    visits: tuple[ContactSpec, ...] = ()  # statutory social worker visits (with detail only)


@dataclass(frozen=True, slots=True)
class SynthCouncil:
    name: str
    la_code: str
    region: str
    seed: int
    as_at: date
    first_year: int  # first collection year of the ten in the history
    last_year: int  # the last complete collection year before as_at
    teams: tuple[TeamSpec, ...]
    workers: tuple[WorkerSpec, ...]
    providers: tuple[ProviderSpec, ...]
    children: tuple[SynthChild, ...]
