"""Service-level dates that belong to the council, not to one child: D60, D30 (update), D61 (§3.H)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hearth.domain.calendar import add_months, add_years
from hearth.domain.policy import DEFAULT_POLICY, Policy


@dataclass(frozen=True, slots=True)
class ReviewWindow:
    opens: date
    due: date


def local_offer_review(last_published: date, policy: Policy = DEFAULT_POLICY) -> ReviewWindow:
    """D60: review every 2-3 years (CSWA 2017 s2, S; guidance G). Window opens at 2 years, due at 3 by default."""
    return ReviewWindow(
        add_years(last_published, 2), add_years(last_published, policy.service.local_offer_review_years)
    )


def entitlements_update_due(republished: date, policy: Policy = DEFAULT_POLICY) -> date:
    """D30 (local): every current care leaver is given the updated offer within 1 month."""
    return add_months(republished, policy.leaving_care.entitlements_after_update_months)


def reg44_next_visit_window(last_visit: date) -> ReviewWindow:
    """D61: at least one Reg 44 visit in each calendar month (CHR 2015 reg 44, S): the next whole month."""
    first = add_months(last_visit.replace(day=1), 1)
    return ReviewWindow(first, add_months(first, 1) - timedelta(days=1))


def reg44_report_due(visit: date) -> date:
    """D61 report: the 28th of the following month (verify against reg 44 before enforcing)."""
    return add_months(visit.replace(day=28), 1)
