"""What the dashboard and KPI pages show, assembled once per snapshot and date and kept in memory:
values, 24-month trends, bands, comparators, direction of travel and reconciliation findings."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date

from hearth.analytics import engine
from hearth.analytics.band_schemes import schemes_in_force
from hearth.analytics.benchmarks import benchmark_facts_by_kpi, comparators_for
from hearth.analytics.charts import sparkline
from hearth.analytics.presenting import period_label, value_text
from hearth.analytics.snapshot import Snapshot
from hearth.domain.calendar import add_months
from hearth.domain.kpis.bands import reading_for
from hearth.domain.kpis.catalogue import catalogue
from hearth.domain.kpis.comparators import Comparison, Direction, direction
from hearth.domain.kpis.model import KPI, Result
from hearth.domain.kpis.reconciliation import Finding, run_checks

BAND_COLOURS = {"Inadequate": "red", "Requires improvement": "orange", "Good": "green", "Outstanding": "turquoise",
                "Met": "green", "Not met": "red", "Unbanded": "grey"}


@dataclass
class Tile:
    kpi: KPI
    result: Result
    trend: list[Result]
    value: str
    period: str
    band: str = ""
    band_colour: str = "grey"
    band_warning: str = ""
    sparkline: str = ""
    year_ago: Direction | None = None
    comparators: list[Comparison] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


@dataclass
class Dashboard:
    as_at: date
    extracted_at: str
    tiles: dict[str, Tile]
    findings: list[Finding]


_cache: dict[tuple[int, date], Dashboard] = {}
_lock = threading.Lock()


def dashboard_for(snap: Snapshot, as_at: date) -> Dashboard:
    key = (id(snap), as_at)
    with _lock:
        if key not in _cache:
            if len(_cache) > 8:
                _cache.clear()
            _cache[key] = _build(snap, as_at)
        return _cache[key]


def _build(snap: Snapshot, as_at: date) -> Dashboard:
    cat = catalogue()
    trends = engine.trends(snap, as_at)
    results = {k: series[-1] for k, series in trends.items()}
    year_ago = engine.evaluate(snap, add_months(as_at, -12), [k for k, r in results.items() if r.status == "ok"])
    mix = engine.breakdown(snap, "PLC-01", as_at, "placement_type")
    in_force = schemes_in_force(as_at)  # one query for every KPI's scheme
    schemes = {k: in_force[k].to_domain() if k in in_force else None for k in results}
    findings = run_checks(results, catalogue=cat, breakdowns={("PLC-01", "placement_type"): mix},
                          at_start=engine.evaluate(snap, add_months(as_at, -12), ["POP-01"]),
                          schemes=[s for s in schemes.values() if s is not None])
    facts = benchmark_facts_by_kpi()
    tiles = {}
    for kpi_id, r in results.items():
        kpi = cat[kpi_id]
        tile = Tile(kpi, r, trends[kpi_id], value_text(kpi, r), period_label(r),
                    sparkline=sparkline([t.value for t in trends[kpi_id]], f"{kpi.title}: 24-month trend"),
                    findings=[f for f in findings if kpi_id in f.kpi_ids])
        if (scheme := schemes[kpi_id]) is not None:
            reading = reading_for(scheme, r.value, status=r.status)
            tile.band, tile.band_warning = reading.label, reading.warning
            tile.band_colour = BAND_COLOURS.get(reading.label, "grey")
        before = year_ago.get(kpi_id)
        if before is not None and r.status == "ok":
            tile.year_ago = direction(before.value, r.value, kpi.polarity, precision=kpi.precision)
        if r.status == "ok":
            tile.comparators = comparators_for(kpi_id, as_at, polarity=kpi.polarity, our_value=r.value,
                                               precision=kpi.precision, facts=facts.get(kpi_id, []))
        tiles[kpi_id] = tile
    return Dashboard(as_at, snap.extracted_at, tiles, findings)
