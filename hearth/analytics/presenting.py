"""How a KPI result is written for people: UK dates, units, the period, and its band."""

from __future__ import annotations

from datetime import date

from hearth.casework.presenters import uk_date_short
from hearth.domain.kpis.bands import format_value, reading_for
from hearth.domain.kpis.model import KPI, Result

STATUS_WORDS = {"no_data": "No data", "not_computable": "Not yet computable"}


def uk(d: date | None) -> str:
    return uk_date_short(d) if d else ""


def period_label(r: Result) -> str:
    if r.period_start:
        return f"{uk(r.period_start)} to {uk(r.as_at)}"
    return f"at {uk(r.as_at)}"


def shown(kpi: KPI, value: float | None) -> str:
    """The value as printed: the KPI's precision, its unit, thousands separated."""
    if value is None:
        return ""
    text = format_value(value, kpi.precision)
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = f"{int(whole.lstrip('-')):,}"
    text = sign + whole + (f".{frac}" if frac else "")
    return {"percent": f"{text}%", "money": f"£{text}", "days": f"{text} days", "years": f"{text} years"}.get(
        kpi.unit, text)


def value_text(kpi: KPI, r: Result) -> str:
    return STATUS_WORDS.get(r.status) or shown(kpi, r.value)


def band_label(kpi: KPI, r: Result) -> str:
    """The band for the value under the scheme in force on its date ('' when the KPI has none)."""
    from hearth.analytics.band_schemes import scheme_in_force

    scheme = scheme_in_force(kpi.id, r.as_at)
    if scheme is None:
        return ""
    return reading_for(scheme, r.value, status=r.status).label
