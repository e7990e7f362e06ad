"""Direction of travel: has a KPI improved or worsened since the last reporting point?
(kpis.md §1.2 rules 10 and 12.) The one rule for it: packs print `words`; the dashboard shows the
same movement as an arrow and a judgement (comparators.direction).

Values are compared as printed (rounded to the KPI's precision), so a pack never says
"improved" beside two identical figures. Polarity decides good or bad: a "context" KPI (a
headcount, a mix) only goes up or down. A change of one or two children is marked with a
caution, because it is within the noise of a small service.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from hearth.domain.kpis.bands import round_to

Polarity = Literal["up", "down", "context"]
Movement = Literal["improved", "worsened", "no_change", "up", "down", "not_comparable"]

WORDS: dict[Movement, str] = {
    "improved": "Improved",
    "worsened": "Worsened",
    "no_change": "No change",
    "up": "Up",
    "down": "Down",
    "not_comparable": "Not comparable",
}


@dataclass(frozen=True, slots=True)
class Direction:
    movement: Movement
    change: Decimal | None  # now minus then, at the KPI's precision
    caution: str = ""

    @property
    def words(self) -> str:
        return WORDS[self.movement]


def direction(*, now: float | None, then: float | None, polarity: Polarity, precision: int,
              numerator_now: float | None = None, numerator_then: float | None = None) -> Direction:
    """Compare two values of one KPI. Either missing (no data, or withheld in a members' pack)
    gives 'not comparable'."""
    if now is None or then is None:
        return Direction("not_comparable", None)
    change = round_to(now, precision) - round_to(then, precision)
    caution = ""
    if numerator_now is not None and numerator_then is not None and change != 0 \
            and abs(numerator_now - numerator_then) <= 2:
        caution = "a change of one or two children"
    if change == 0:
        return Direction("no_change", change)
    if polarity == "context":
        return Direction("up" if change > 0 else "down", change, caution)
    better = (change > 0) == (polarity == "up")
    return Direction("improved" if better else "worsened", change, caution)
