"""How a child's status is shown: in care, or their leaving-care category (the rule is
hearth.domain.leaving_care.category_on), from their episodes alone."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from hearth.domain.leaving_care import LeavingCareCategory, category_on
from hearth.domain.obligations.context import leaving_care_facts
from hearth.domain.obligations.facts import ChildFacts
from hearth.domain.obligations.facts import Episode as FactsEpisode
from hearth.domain.policy import Policy

CATEGORY_LABELS = {
    LeavingCareCategory.LOOKED_AFTER: "In care",
    LeavingCareCategory.ELIGIBLE: "In care (eligible)",
    LeavingCareCategory.RELEVANT: "Relevant",
    LeavingCareCategory.FORMER_RELEVANT: "Former relevant",
    LeavingCareCategory.QUALIFYING: "Qualifying",
    LeavingCareCategory.NONE: "Not a care leaver",
    LeavingCareCategory.DECEASED: "Died",
}


def status_label(dob: date, date_of_death: date | None, episodes: Iterable[tuple], as_at: date, policy: Policy) -> str:
    """`episodes` as (decom, dec, ls, place, rec, rne) rows in start order."""
    facts = ChildFacts(dob=dob, date_of_death=date_of_death, episodes=tuple(
        FactsEpisode(start=decom, end=dec, legal_status=ls, placement=place, reason_ceased=rec or None, reason_new=rne)
        for decom, dec, ls, place, rec, rne in episodes))
    return CATEGORY_LABELS[category_on(leaving_care_facts(facts), as_at, policy)]
