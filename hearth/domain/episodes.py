"""Rules about a child's episodes of care that span more than one row (ssda903.md §1.4)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Span:
    """An episode as [start, end): it may end on the day the next one starts."""

    start: date
    end: date | None  # None: still open

    def overlaps(self, other: Span) -> bool:
        self_end = self.end or date.max
        other_end = other.end or date.max
        return self.start < other_end and other.start < self_end


def overlapping(existing: list[Span], new: Span) -> list[Span]:
    """The existing episodes the new one would overlap."""
    return [span for span in existing if span.overlaps(new)]


def reason_for_new_episode(*, legal_status_changed: bool, placement_changed: bool, carer_changed: bool) -> str:
    """RNE for an episode that follows another in the same period of care (ssda903.md §2.4)."""
    if not placement_changed:
        return "L"
    if legal_status_changed:
        return "B" if carer_changed else "U"
    return "P" if carer_changed else "T"
