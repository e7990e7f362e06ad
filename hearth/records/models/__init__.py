from hearth.records.models.care import (
    Adoption,
    AnnualOutcome,
    CareLeaverBirthday,
    DeprivationOfLiberty,
    Episode,
    MissingEpisode,
    PlacedForAdoption,
    PreviousPermanence,
    Review,
)
from hearth.records.models.child import Child, ChildName
from hearth.records.models.leaving_care import (
    Accommodation,
    Contact,
    DutyRecord,
    EETSpell,
    EntitlementGiven,
    NeedsAssessment,
    PathwayPlan,
    PathwayPlanAction,
    PathwayPlanReview,
    StayingPut,
    SupportRequest,
)
from hearth.records.models.policy import CouncilPolicy
from hearth.records.models.workforce import Allocation, Council, Provider, Team, Worker

__all__ = [
    "Accommodation", "Adoption", "Allocation", "AnnualOutcome", "CareLeaverBirthday", "Child",
    "ChildName", "Contact", "Council", "CouncilPolicy", "DutyRecord", "DeprivationOfLiberty", "EETSpell", "EntitlementGiven",
    "Episode", "MissingEpisode", "NeedsAssessment", "PathwayPlan", "PathwayPlanAction",
    "PathwayPlanReview", "PlacedForAdoption", "PreviousPermanence", "Provider", "Review",
    "StayingPut", "SupportRequest", "Team", "Worker",
]
