"""Small-number suppression for packs that go to public meetings (kpis.md §1.2 rule 11).

A members' pack is published with committee papers, so no figure in it may let a reader pick out
a child. The council sets two numbers (`SmallNumberRule`):

- **threshold** (default 5): a count of 1 to threshold-1 children is shown as "fewer than 5".
  Zero is shown: it describes nobody.
- **min_base** (default 10): a percentage, rate or average worked out over fewer than min_base
  children is withheld, because with so few the figure describes individuals. A percentage is
  also withheld when its numerator is withheld, or the percentage would give the count away.

**Secondary suppression.** In a breakdown whose total is shown, one withheld cell can be worked
out by subtracting the shown cells from the total. So more cells are withheld, smallest first,
until no withheld cell has only one possible value given what is shown: a reader knows that a
"fewer than 5" cell holds 1 to 4 and that a "withheld" cell holds 0 or more, and nothing else.
When even withholding every cell cannot protect them (one cell equal to the total, or a total
that is itself small), the total is withheld too.

What is *not* protected: the complement of a percentage (198 of 200 in suitable accommodation
tells you 2 were not). The complement is not printed as a cell, and DfE's publications do not
protect it either; a council that wants it can raise min_base.

Managers' packs are internal and carry no suppression (`rule=None`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

State = Literal["shown", "fewer_than", "withheld", "no_data"]


@dataclass(frozen=True, slots=True)
class SmallNumberRule:
    threshold: int = 5
    min_base: int = 10

    def __post_init__(self) -> None:
        if self.threshold < 1 or self.min_base < 0:
            raise ValueError("threshold must be at least 1 and min_base not negative")

    def is_small(self, count: float | None) -> bool:
        return count is not None and 0 < count < self.threshold


@dataclass(frozen=True, slots=True)
class Cell:
    """One figure as a reader sees it. `value` is None unless the state is 'shown'."""

    value: float | None
    state: State
    text: str = ""  # the words printed instead of a withheld value
    reason: str = ""  # why it is withheld, for a note beside it

    @property
    def shown(self) -> bool:
        return self.state == "shown"


NO_DATA = Cell(None, "no_data", "no data")


def fewer_than(rule: SmallNumberRule) -> Cell:
    return Cell(None, "fewer_than", f"fewer than {rule.threshold}")


WITHHELD = Cell(None, "withheld", "withheld", "so that a smaller figure cannot be worked out from the total")


def count_cell(count: float | None, rule: SmallNumberRule | None) -> Cell:
    """A count of children or events: 1 to threshold-1 becomes 'fewer than N'."""
    if count is None:
        return NO_DATA
    if rule is not None and rule.is_small(count):
        return fewer_than(rule)
    return Cell(count, "shown")


def ratio_cell(value: float | None, numerator: float | None, denominator: float | None,
               rule: SmallNumberRule | None, *, numerator_is_count: bool = True) -> Cell:
    """A percentage, rate or average over `denominator` children.

    Withheld when the base is below min_base, or when the numerator is a small count (so the
    percentage and base together would give it away). `numerator_is_count` is False for an
    average, whose numerator is a sum of days or scores rather than children."""
    if value is None:
        return NO_DATA
    if rule is None:
        return Cell(value, "shown")
    if denominator is not None and denominator < rule.min_base:
        return Cell(None, "withheld", "withheld", f"the base is fewer than {rule.min_base}")
    if numerator_is_count and rule.is_small(numerator):
        return Cell(None, "withheld", "withheld", f"fewer than {rule.threshold} children counted")
    return Cell(value, "shown")


@dataclass(frozen=True, slots=True)
class Breakdown:
    cells: dict[str, Cell]
    total: Cell

    @property
    def withheld(self) -> set[str]:
        return {label for label, cell in self.cells.items() if not cell.shown}


def suppress_breakdown(counts: Mapping[str, int], rule: SmallNumberRule | None) -> Breakdown:
    """Suppress a breakdown of counts whose total (their sum) is printed beside them. Every
    category goes in, "not known" included, so the cells do add up to the total."""
    whole = sum(counts.values())
    if rule is None:
        return Breakdown({k: Cell(v, "shown") for k, v in counts.items()}, Cell(whole, "shown"))
    if rule.is_small(whole):
        # A small total: every cell is a small count, or zero, which would say where the few are.
        return Breakdown({k: (fewer_than(rule) if rule.is_small(v) else WITHHELD) for k, v in counts.items()},
                         fewer_than(rule))
    primary = {k for k, v in counts.items() if rule.is_small(v)}
    secondary: set[str] = set()
    while recoverable_cells(counts, primary, secondary, whole, rule.threshold):
        candidates = sorted((k for k in counts if k not in primary | secondary),
                            key=lambda k: (counts[k] == 0, counts[k], k))
        if not candidates:
            # Every cell is withheld and one is still pinned down: withhold the total as well.
            cells = {k: (fewer_than(rule) if k in primary else WITHHELD) for k in counts}
            return Breakdown(cells, WITHHELD)
        secondary.add(candidates[0])
    cells = {
        k: fewer_than(rule) if k in primary else WITHHELD if k in secondary else Cell(v, "shown")
        for k, v in counts.items()
    }
    return Breakdown(cells, Cell(whole, "shown"))


def recoverable_cells(counts: Mapping[str, int], primary: set[str], secondary: set[str], total: int,
                      threshold: int) -> set[str]:
    """The withheld cells a reader could pin to one value from the total and the shown cells.

    A reader knows each primary cell lies in [1, threshold-1], each secondary cell in [0, total],
    and that the withheld cells add up to total minus the shown ones. The values one cell can
    take are then a whole interval (sums of intervals are intervals), so a cell is recoverable
    exactly when that interval is a single point."""
    hidden = [k for k in counts if k in primary or k in secondary]
    if not hidden:
        return set()
    remainder = total - sum(v for k, v in counts.items() if k not in primary and k not in secondary)
    bounds = {k: (1, threshold - 1) if k in primary else (0, max(remainder, 0)) for k in hidden}
    low_sum = sum(lo for lo, _ in bounds.values())
    high_sum = sum(hi for _, hi in bounds.values())
    pinned = set()
    for k in hidden:
        lo, hi = bounds[k]
        can_low = max(lo, remainder - (high_sum - hi))
        can_high = min(hi, remainder - (low_sum - lo))
        if can_low >= can_high:
            pinned.add(k)
    return pinned
