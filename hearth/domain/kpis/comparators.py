"""Comparators (kpis.md §4): benchmark periods, bases, direction of travel and choosing the
England / region / statistical-neighbour figure to print beside a KPI.

Plain data in, plain data out: the Django side (hearth/analytics/benchmarks.py) stores the rows
and calls `choose`.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from hearth.domain.kpis.bands import dec
from hearth.domain.kpis.direction import direction as travel_between

GROUPS = ("la", "england", "region", "statistical_neighbours", "target", "peer_example")
SHOWN_BESIDE_A_KPI = ("england", "region", "statistical_neighbours")
GROUP_LABELS = {
    "la": "This council (published)", "england": "England", "region": "Region",
    "statistical_neighbours": "Statistical neighbours", "target": "Target", "peer_example": "Peer example",
}
NOT_STATED = "n/s"


class PeriodError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Period:
    """A benchmark period. `start`/`end` are None when the source states none ("n/s")."""

    text: str
    kind: Literal["dfe_year", "snapshot", "month", "year", "span", "not_stated"]
    start: date | None
    end: date | None

    @property
    def label(self) -> str:
        if self.kind == "not_stated":
            return "period not stated"
        if self.kind == "dfe_year":
            return f"year to 31 Mar {self.end.year}"  # type: ignore[union-attr]
        if self.kind == "snapshot":
            return f"{self.end.day} {self.end:%b %Y}"  # type: ignore[union-attr]
        if self.kind == "month":
            return f"{self.end:%b %Y}"  # type: ignore[union-attr]
        return self.text


_DFE_YEAR = re.compile(r"^(\d{4})-(\d{2})$")
_SNAPSHOT = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_SPAN = re.compile(r"^(\d{4})\s*[–-]\s*(\d{4})$")


def parse_period(text: str) -> Period:
    """`YYYY-YY` (DfE year to 31 March; the two years must follow on, so "2015-15" is refused, R-11),
    `YYYY-MM-DD` (snapshot), `YYYY-MM` (month), `YYYY` (calendar or academic year), `YYYY–YYYY`
    (a span of years) or `n/s` (not stated)."""
    t = text.strip()
    if t.lower() == NOT_STATED:
        return Period(t, "not_stated", None, None)
    if m := _SNAPSHOT.match(t):
        try:
            day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            raise PeriodError(f'"{text}" is not a real date') from None
        return Period(t, "snapshot", day, day)
    if m := _DFE_YEAR.match(t):
        first, second = int(m.group(1)), int(m.group(2))
        if 1 <= second <= 12 and not (second == (first + 1) % 100):
            return _month(t, first, second)
        if second != (first + 1) % 100:
            raise PeriodError(f'"{text}" is not a DfE year: the second year must follow the first (e.g. {first}-{(first + 1) % 100:02d})')
        return Period(t, "dfe_year", date(first, 4, 1), date(first + 1, 3, 31))
    if m := _YEAR.match(t):
        year = int(m.group(1))
        return Period(t, "year", date(year, 1, 1), date(year, 12, 31))
    if m := _SPAN.match(t):
        a, b = int(m.group(1)), int(m.group(2))
        if b <= a:
            raise PeriodError(f'"{text}": a span of years must run forwards')
        return Period(t, "span", date(a, 1, 1), date(b, 12, 31))
    raise PeriodError(f'"{text}" is not a period: use YYYY-YY, YYYY-MM-DD, YYYY-MM, YYYY or n/s')


def _month(text: str, year: int, month: int) -> Period:
    return Period(text, "month", date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))


def months_apart(a: date, b: date) -> int:
    return abs((a.year - b.year) * 12 + a.month - b.month)


# --- Direction of travel (§1.2 rule 12) -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Direction:
    arrow: Literal["up", "down", "same"]
    judgement: Literal["better", "worse", "no change", "context"]
    change: Decimal | None

    @property
    def words(self) -> str:
        moved = {"up": "Up", "down": "Down", "same": "No change"}[self.arrow]
        if self.arrow == "same" or self.judgement == "context":
            return moved
        return f"{moved} ({self.judgement})"


def direction(previous: float | Decimal | None, current: float | Decimal | None, polarity: str, *, precision: int = 1) -> Direction | None:
    """Which way a figure moved between two values, compared as printed, and whether that is
    better or worse for the KPI's polarity ("context" KPIs are not judged): the packs' rule
    (hearth.domain.kpis.direction), shown as an arrow and a judgement."""
    if previous is None or current is None:
        return None
    travel = travel_between(now=current, then=previous, precision=precision,
                            polarity=polarity if polarity in ("up", "down") else "context")
    if travel.movement == "no_change":
        return Direction("same", "no change", travel.change)
    judgement = {"improved": "better", "worsened": "worse"}.get(travel.movement, "context")
    return Direction("up" if travel.change > 0 else "down", judgement, travel.change)


# --- Bases (R-19) ---------------------------------------------------------------------------


def basis_note(kpi_basis: str, comparator_basis: str) -> str:
    """A label when a comparison mixes bases (R-19), or "" when they agree. An unstated basis
    ("?", "all?") is labelled as unconfirmed."""
    ours, theirs = kpi_basis.strip().lower(), comparator_basis.strip().lower()
    if not theirs or theirs == "?":
        return "basis not stated: illustrative only"
    if theirs.endswith("?"):
        return f'basis "{theirs[:-1]}" not confirmed' if theirs[:-1] == ours else f'different basis: "{comparator_basis}" (not confirmed)'
    if theirs == ours:
        return ""
    return f'different basis: "{comparator_basis}", not "{kpi_basis}"'


def base_id(kpi_id: str) -> str:
    """The catalogue id of a benchmark's KPI: "CL-07.known" -> "CL-07"."""
    return kpi_id.split(".")[0]


# --- Choosing the comparator to print -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BenchmarkFact:
    la_code: str
    la_name: str
    kpi_id: str
    period: str
    value: Decimal | None
    comparator_group: str
    basis: str = ""
    source: str = ""
    note: str = ""
    release: str = ""


@dataclass(frozen=True, slots=True)
class Comparison:
    """A comparator as printed beside a KPI: its value, its period (always) and any label."""

    group: str
    label: str
    value: Decimal | None
    period: str  # the period as printed, e.g. "year to 31 Mar 2016"
    basis: str
    basis_note: str
    comparable: bool
    refusal: str  # why it is not compared, when it is not
    source: str
    note: str
    against_us: Direction | None = None  # this council's value against the comparator

    @property
    def value_text(self) -> str:
        return "not available" if self.value is None else f"{self.value.normalize():f}"


def _distance(period: Period, on: date) -> int | None:
    return None if period.end is None else months_apart(period.end, on)


def choose(
    facts: Iterable[BenchmarkFact], *, kpi_id: str, on: date, kpi_basis: str = "all", polarity: str = "context",
    our_value: float | Decimal | None = None, precision: int = 1, max_months: int = 15, force: bool = False,
    groups: tuple[str, ...] = SHOWN_BESIDE_A_KPI,
) -> list[Comparison]:
    """For each group, the fact for exactly this KPI id (variants are different KPIs, R-20) whose
    period ends nearest `on`, preferring one of the same basis. A comparator more than `max_months`
    from `on`, or with no stated period, is shown but not compared unless `force` (R-11). A blank
    value stays "not available" (R-12)."""
    out = []
    candidates = [f for f in facts if f.kpi_id == kpi_id]
    for group in groups:
        rows = [f for f in candidates if f.comparator_group == group]
        if not rows:
            continue

        def rank(f: BenchmarkFact) -> tuple:
            period = parse_period(f.period)
            gap = _distance(period, on)
            return (gap is None, gap if gap is not None else 0, basis_note(kpi_basis, f.basis) != "", f.value is None,
                    period.end is not None and period.end > on)

        best = min(sorted(rows, key=lambda f: f.release, reverse=True), key=rank)  # ties: the latest release
        period = parse_period(best.period)
        gap = _distance(period, on)
        refusal = ""
        if gap is None:
            refusal = "period not stated"
        elif gap > max_months:
            refusal = f"{period.label} is {gap} months from {on.day} {on:%b %Y}"
        elif best.value is None:
            refusal = "not available"
        comparable = force or not refusal
        against = direction(best.value, our_value, polarity, precision=precision) if comparable and best.value is not None else None
        out.append(Comparison(
            group=group, label=GROUP_LABELS[group], value=best.value, period=period.label, basis=best.basis,
            basis_note=basis_note(kpi_basis, best.basis), comparable=comparable, refusal=refusal,
            source=best.source, note=best.note, against_us=against,
        ))
    return out


def parse_value(text: str) -> Decimal | None:
    """A benchmark cell: blank is None (never 0); otherwise a decimal."""
    t = text.strip()
    return None if t == "" else dec(t)
