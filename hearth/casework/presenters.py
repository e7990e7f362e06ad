"""UK dates for casework pages, formatted directly.

Django's `date_format` costs about 50 microseconds a call (it looks up the locale's format each
time); a child's timeline or a team's worklist shows hundreds of dates, so these plain functions
give the same text (English month names, as the service is in English) for a fraction of that.
"""

from __future__ import annotations

from datetime import date

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
MONTHS_SHORT = tuple(m[:3] for m in MONTHS)


def uk_date(d: date) -> str:
    """'3 September 2024' (Django's "j F Y")."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def uk_date_short(d: date) -> str:
    """'3 Sep 2024' (Django's "j M Y"), for tables."""
    return f"{d.day} {MONTHS_SHORT[d.month - 1]} {d.year}"
