"""Where a pack's figures come from: the KPI engine, band schemes, comparators and checks.

One small class over the engine's functions (hearth/analytics/engine.py), so the pack builder
reads one interface and tests can hand it a snapshot of a generated council.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from hearth.domain.kpis.model import KPI, Result


@dataclass(frozen=True, slots=True)
class Comparator:
    """A published figure to set beside ours, with its own period (kpis.md §1.2 rule 12)."""

    group: str  # england, region, statistical_neighbours
    label: str
    period: str
    value: float | None
    basis: str = ""
    note: str = ""  # why it is not compared, or how its basis differs from ours


def catalogue() -> dict[str, KPI]:
    from hearth.domain.kpis.catalogue import catalogue as kpi_catalogue

    return kpi_catalogue()


class EngineSource:
    """The engine over one snapshot."""

    def __init__(self, snap: Any):
        self.snap = snap
        from hearth.analytics import engine

        self._engine = engine

    @property
    def extracted_at(self) -> str:
        return str(getattr(self.snap, "extracted_at", ""))

    def catalogue(self) -> dict[str, KPI]:
        return catalogue()

    def evaluate(self, as_at: date, kpi_ids: Iterable[str]) -> dict[str, Result]:
        return self._engine.evaluate(self.snap, as_at, list(kpi_ids))

    def trends(self, kpi_ids: Iterable[str], as_at: date, months: int = 24) -> dict[str, list[Result]]:
        """Month-end series for many KPIs in one pass (the engine shares cohorts between them)."""
        return self._engine.trends(self.snap, as_at, list(kpi_ids), months=months)

    def breakdown(self, kpi_id: str, as_at: date, by: str) -> dict[str, Result]:
        return self._engine.breakdown(self.snap, kpi_id, as_at, by)

    def comparators(self, kpi_id: str, as_at: date) -> list[Comparator]:
        return comparators_for(kpi_id, as_at)


def comparators_for(kpi_id: str, as_at: date) -> list[Comparator]:
    """Published comparators for a KPI (the imported benchmark file, kpis.md §4) close enough in
    time to compare; each keeps its own period and any basis note."""
    from hearth.analytics.benchmarks import comparators_for as lookup

    return [Comparator(group=c.group, label=c.label, period=c.period, value=_float(c.value), basis=c.basis,
                       note=c.basis_note) for c in lookup(kpi_id, as_at) if c.comparable]


def _float(value: Any) -> float | None:
    if value in (None, ""):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def band_schemes() -> dict[str, list[Any]]:
    """The council's band schemes by KPI id (the latest version of each; the pack picks by date)."""
    from hearth.analytics.band_schemes import band_scheme_list

    out: dict[str, list[Any]] = {}
    for stored in band_scheme_list():
        out.setdefault(stored.kpi_id, []).append(stored.to_domain())
    return out


def band_reading(schemes: Mapping[str, list[Any]], kpi_id: str, value: float | None, as_at: date,
                 *, suppressed: bool = False) -> tuple[str, str, str]:
    """(band label, warning, scheme id) for a value; ('', '', '') when the KPI has no scheme."""
    from hearth.domain.kpis.bands import reading_for

    for scheme in schemes.get(kpi_id, []):
        if scheme.in_force_on(as_at):
            reading = reading_for(scheme, value, suppressed=suppressed)
            return reading.label, reading.warning, scheme.id
    return "", "", ""


def checks(results: Mapping[str, Result], catalogue: Mapping[str, KPI],
           breakdowns: Mapping[tuple[str, str], Mapping[str, Result]]) -> list[Any]:
    """The reconciliation checks of kpis.md §6 over a pack's results; a failure is shown, never hidden."""
    try:
        from hearth.domain.kpis.reconciliation import run_checks
    except ImportError:
        return []
    return run_checks(results, catalogue=catalogue, breakdowns=breakdowns)


def record_source(*, fresh: bool = False) -> EngineSource:
    """The engine over the current snapshot of the record (taken nightly by `hearth snapshot`, or
    by the first caller), or over a new one taken now when `fresh`."""
    from hearth.analytics.current import current_snapshot, take_snapshot

    if fresh:
        take_snapshot()
    return EngineSource(current_snapshot())
