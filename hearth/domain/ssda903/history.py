"""One child's history as the 903 sees it: plain, immutable values with the 903's own names.

The synthetic generator builds these, and the real export will build them from the record;
`tables.rows_for_year` turns one into the rows of each 903 table for a collection year.
The many small rows are NamedTuples rather than frozen dataclasses: as immutable, and several
times quicker to make, which matters when a national set makes tens of millions of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple


class Episode(NamedTuple):
    """An episode of care, [DECOM, DEC): it may end on the day the next one starts."""

    decom: date
    rne: str
    ls: str
    cin: str
    place: str
    place_provider: str = ""
    dec: date | None = None
    rec: str = ""
    reason_place_change: str = ""
    home_post: str = ""
    pl_post: str = ""
    urn: str = ""


class Review(NamedTuple):
    review: date
    review_code: str


class Missing(NamedTuple):
    missing: str  # M or A
    mis_start: date
    mis_end: date | None = None


class Outcome(NamedTuple):
    """OC2 items recorded for one collection year; None is blank."""

    year: int
    sdq_score: int | None = None
    sdq_reason: str = ""
    convicted: bool | None = None
    health_check: bool | None = None
    immunisations: bool | None = None
    teeth_check: bool | None = None
    health_assessment: bool | None = None
    substance_misuse: bool | None = None
    intervention_received: bool | None = None
    intervention_offered: bool | None = None


class BirthdayRecord(NamedTuple):
    """OC3 items for one collection year (around the birthday, or at the latest contact for 22-25s)."""

    year: int
    in_touch: str
    activ: str
    accom: str


class AdoptionRecord(NamedTuple):
    """AD1: reported in the year the episode ending E11/E12 ends."""

    date_int: date
    date_match: date
    foster_care: bool
    nb_adoptr: int
    sex_adoptr: str
    ls_adoptr: str


class PlacedAdoption(NamedTuple):
    date_placed: date
    date_placed_ceased: date | None = None
    reason_placed_ceased: str = ""


class PrevPerm(NamedTuple):
    period_start: date  # the RNE S episode this was recorded for
    prev_perm: str
    la_perm: str = ""
    date_perm: str = ""  # dd/mm/yyyy, unknown parts as zz / zzzz


class SWEpisode(NamedTuple):
    sw_id: str
    sw_decom: date
    sw_dec: date | None = None
    sw_reason: str = ""


class Dolo(NamedTuple):
    dolo_start: date
    dolo_end: date | None = None


@dataclass(frozen=True, slots=True)
class ChildHistory:
    child: str
    sex: str  # M, F or U (Hearth's stored codes; the year decides how it is written)
    dob: date
    ethnic: str
    upn: str = ""
    mc_dob: date | None = None  # first child's date of birth, when a mother
    uasc: bool = False
    duc: date | None = None
    episodes: tuple[Episode, ...] = ()
    reviews: tuple[Review, ...] = ()
    missing: tuple[Missing, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    birthdays: tuple[BirthdayRecord, ...] = ()
    adoption: AdoptionRecord | None = None
    placed_adoption: tuple[PlacedAdoption, ...] = ()
    prevperm: tuple[PrevPerm, ...] = ()
    sw_episodes: tuple[SWEpisode, ...] = ()
    dolo: tuple[Dolo, ...] = field(default=())

    def outcome_for(self, year: int) -> Outcome | None:
        for outcome in self.outcomes:
            if outcome.year == year:
                return outcome
        return None

    def birthday_record_for(self, year: int) -> BirthdayRecord | None:
        for record in self.birthdays:
            if record.year == year:
                return record
        return None
