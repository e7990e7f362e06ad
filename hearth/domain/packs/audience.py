"""Who a pack is for decides what it may contain (design.md, "Security and data protection").

- **Members** (corporate parenting panel, scrutiny): aggregates only, small numbers suppressed,
  no breakdown finer than age band, and nothing about any one child: no lists of children, no
  ids, names or dates of birth. The pack is published with the committee papers.
- **Managers**: an internal pack, so no suppression, and team breakdowns to steer the service.
  Still no lists of children: drill-down to children happens in Hearth, where access is checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from hearth.domain.packs.suppression import SmallNumberRule

AudienceName = Literal["members", "managers"]


@dataclass(frozen=True, slots=True)
class AudienceRules:
    name: AudienceName
    rule: SmallNumberRule | None  # None: no suppression
    breakdowns: tuple[str, ...]  # engine breakdown dimensions the pack shows, in order
    description: str


def rules_for(audience: str, *, threshold: int = 5, min_base: int = 10) -> AudienceRules:
    if audience == "members":
        return AudienceRules(
            "members", SmallNumberRule(threshold=threshold, min_base=min_base), ("age_band",),
            f"For elected members. Counts of fewer than {threshold} are not shown, nor are percentages "
            f"or averages over fewer than {min_base} children; where a total is shown, another figure "
            "is withheld too so that a hidden one cannot be worked out. Nothing in it identifies a child.",
        )
    if audience == "managers":
        return AudienceRules("managers", None, ("age_band", "team"),
                             "For managers in the service: not for publication. Small numbers are shown.")
    raise ValueError(f"unknown audience {audience!r}: choose members or managers")
