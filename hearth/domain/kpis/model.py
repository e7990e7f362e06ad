"""The KPI record (kpis.md §1.1) and the result of evaluating one (§1.2 rule 2)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Polarity = Literal["up", "down", "context"]
Unit = Literal["percent", "count", "rate10k", "mean", "median", "days", "weeks", "years", "money", "ratio", "score"]
# Pack themes (issue 6): each KPI sits in one.
Theme = Literal[
    "children_in_care", "stability", "care_leavers", "health", "education", "missing", "youth_justice",
    "sufficiency", "workforce", "timeliness", "permanence", "voice", "data_quality",
]
Status = Literal["ok", "no_data", "not_computable"]


@dataclass(frozen=True, slots=True)
class KPI:
    """One KPI, declared once. `numerator`/`denominator`/`cohort` are the words shown to people;
    the engine compiles `cohort_sql` and the boolean `numerator_sql` / `denominator_sql` into
    DuckDB SQL. A KPI whose inputs Hearth does not hold has `needs` set and no SQL."""

    id: str
    title: str
    question: str
    group: str  # catalogue prefix: POP, PLC, STB, TML, CL, CL-L, SP, NEET, MIS, YJ, HLT, EDU, WF, ADP, SUF, VOI, DQA
    theme: Theme
    cohort: str
    numerator: str
    denominator: str
    polarity: Polarity
    unit: Unit
    precision: int
    official_definition: str
    time_basis: Literal["at_date", "period"] = "at_date"
    counts: Literal["children", "events", "workers"] = "children"
    version: int = 1
    effective_from: date = date(2016, 4, 1)
    data_items: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    pitfalls: tuple[str, ...] = ()
    needs: str = ""  # non-empty: why Hearth cannot compute it yet (the inputs it lacks)
    cohort_sql: str = ""
    numerator_sql: str = ""
    denominator_sql: str = "TRUE"
    value_sql: str = ""  # for means: the per-row number averaged
    unknown_sql: str = ""  # rows whose information is missing (always reported, §1.2 rule 7)
    excluded_sql: str = ""  # rows removed from both sides (counted and reported, never dropped silently)
    category_sql: str = ""  # for mixes and profiles: the KPI's own breakdown (placement group, reason...)
    derived: tuple[str, ...] = ()  # ("ratio", A, B) or ("change", A, months): computed from other KPIs
    basis: str = "all"  # "all": unknowns stay in the denominator; "known": they are removed

    @property
    def computable(self) -> bool:
        return not self.needs

    @property
    def is_rate(self) -> bool:
        """A percentage of a denominator, as opposed to a count, mean or profile."""
        return self.unit == "percent"


@dataclass(frozen=True, slots=True)
class Result:
    """One evaluation. Packs store this, not just the value, so checks can be re-run."""

    kpi_id: str
    as_at: date  # the date d; for a period KPI, the period's last day
    period_start: date | None  # None for an at-date KPI
    numerator: float | None
    denominator: float | None
    value: float | None
    status: Status = "ok"
    unknown: int = 0
    excluded: dict[str, int] = field(default_factory=dict)
    definition_version: int = 1
    data_extracted_at: str = ""  # ISO timestamp of the snapshot
