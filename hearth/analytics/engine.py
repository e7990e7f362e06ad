"""Compute KPIs from a snapshot: at a date, over a period, as a monthly trend, broken down, and
the children behind each figure (kpis.md §1.2).

Each KPI is compiled from its declaration (hearth.domain.kpis) and its cohort
(hearth.domain.kpis.cohorts) to DuckDB SQL. KPIs sharing a cohort are computed in one pass over it,
for every date asked about at once, so a 24-month trend costs about what one date does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from hearth.analytics.schema import RECORD_ONLY
from hearth.analytics.snapshot import Snapshot
from hearth.domain.calendar import add_months
from hearth.domain.kpis.catalogue import catalogue
from hearth.domain.kpis.cohorts import COHORTS
from hearth.domain.kpis.groupings import ETHNIC_GROUPS, SEX_LABELS, age_band_sql, case_sql
from hearth.domain.kpis.model import KPI, Result
from hearth.domain.kpis.periods import month_ends, period_start

ONE_DAY = timedelta(days=1)
MEANS = ("mean", "median", "days", "weeks", "years", "money", "score")
BREAKDOWNS = ("age_band", "sex", "ethnicity", "team", "locality", "placement_type")


# --- Compiling --------------------------------------------------------------------------------

def _points_sql(points: Iterable[tuple[date, date]]) -> str:
    values = ", ".join(f"(DATE '{d.isoformat()}', DATE '{p.isoformat()}')" for d, p in points)
    return f"SELECT * FROM (VALUES {values}) t(d, p_start)"


def _base(kpi: KPI) -> str:
    """The rows a KPI's denominator counts: its base test, with its exclusions taken out."""
    excluded = f" AND NOT coalesce(({kpi.excluded_sql}), false)" if kpi.excluded_sql else ""
    return f"coalesce(({kpi.denominator_sql}), false){excluded}"


def _aggregates(kpi: KPI, i: int) -> list[str]:
    base = _base(kpi)
    # An event is one row of its cohort, so plain counts do; children and workers may repeat.
    n = "count(*)" if kpi.counts == "events" else "count(DISTINCT unit)"
    out = [
        f"{n} FILTER (WHERE ({kpi.numerator_sql}) AND {base}) AS n{i}",
        f"{n} FILTER (WHERE {base}) AS d{i}",
        f"{n} FILTER (WHERE ({kpi.unknown_sql or 'FALSE'}) AND {base}) AS u{i}",
        f"{n} FILTER (WHERE coalesce(({kpi.excluded_sql or 'FALSE'}), false) "
        f"AND coalesce(({kpi.denominator_sql}), false)) AS x{i}",
    ]
    if kpi.value_sql:
        out += [f"sum({kpi.value_sql}) FILTER (WHERE {base}) AS s{i}",
                f"count({kpi.value_sql}) FILTER (WHERE {base}) AS c{i}"]
    return out


def cohort_sql(kpi: KPI, points: Iterable[tuple[date, date]]) -> str:
    return f"WITH points AS ({_points_sql(points)})\nSELECT * FROM (\n{COHORTS[kpi.cohort_sql].sql}\n)"


def compiled_sql(kpi: KPI, as_at: date) -> str:
    """The SQL that computes one KPI at one date: what the KPI page shows for review."""
    if not kpi.computable or kpi.derived:
        return ""
    group = ", ".join(_aggregates(kpi, 0))
    return f"WITH cohort AS (\n{cohort_sql(kpi, [(as_at, period_start(as_at))])}\n)\nSELECT d, {group}\nFROM cohort GROUP BY d"


# --- Running ----------------------------------------------------------------------------------

def _prepare(snap: Snapshot) -> None:
    snap.prepare()


def _no_data(snap: Snapshot, kpi: KPI) -> bool:
    """A snapshot from 903 files holds none of Hearth's own records: say so rather than show 0."""
    return snap.source != "record" and any(t in RECORD_ONLY for t in COHORTS[kpi.cohort_sql].tables)


def _result(kpi: KPI, d: date, p_start: date, row: dict[str, float], snap: Snapshot, i: int) -> Result:
    n, den = row.get(f"n{i}", 0) or 0, row.get(f"d{i}", 0) or 0
    common = dict(kpi_id=kpi.id, as_at=d, period_start=p_start if kpi.time_basis == "period" else None,
                  unknown=int(row.get(f"u{i}", 0) or 0), definition_version=kpi.version,
                  data_extracted_at=snap.extracted_at)
    excluded = int(row.get(f"x{i}", 0) or 0)
    if excluded:
        common["excluded"] = {"excluded": excluded}
    if kpi.unit in MEANS:
        total, count = row.get(f"s{i}"), row.get(f"c{i}", 0) or 0
        if not count:
            return Result(numerator=None, denominator=0, value=None, status="no_data", **common)
        return Result(numerator=float(total), denominator=count, value=float(total) / count, **common)
    if kpi.unit == "count":
        return Result(numerator=n, denominator=den, value=n, **common)
    if not den:
        return Result(numerator=n, denominator=0, value=None, status="no_data", **common)
    return Result(numerator=n, denominator=den, value=100.0 * n / den, **common)


def _run(snap: Snapshot, kpis: list[KPI], points: list[tuple[date, date]], group_sql: str = "",
         dims_join: str = "") -> dict[tuple[str, date, str], Result]:
    """Every (kpi, d, group) result for KPIs that share one cohort, in one query."""
    _prepare(snap)
    cohort = COHORTS[kpis[0].cohort_sql]
    aggregates = ",\n  ".join(a for i, k in enumerate(kpis) for a in _aggregates(k, i))
    # The group is worked out in a subquery, so the KPIs' tests see only the cohort's own columns.
    rows = f"SELECT cohort.*, {group_sql or chr(39) * 2} AS grp FROM cohort {dims_join}"
    sql = (f"WITH points AS ({_points_sql(points)}),\ncohort AS ({cohort.sql})\n"
           f"SELECT d, grp,\n  {aggregates}\nFROM ({rows}) cohort_rows\nGROUP BY ALL")
    cur = snap.cursor()
    cur.execute(sql)
    names = [c[0] for c in cur.description]
    starts = dict(points)
    out: dict[tuple[str, date, str], Result] = {}
    for values in cur.fetchall():
        row = dict(zip(names, values))
        for i, kpi in enumerate(kpis):
            out[(kpi.id, row["d"], row["grp"])] = _result(kpi, row["d"], starts[row["d"]], row, snap, i)
    return out


def _empty(kpi: KPI, d: date, p_start: date, snap: Snapshot, status: str = "no_data") -> Result:
    return Result(kpi_id=kpi.id, as_at=d, period_start=p_start if kpi.time_basis == "period" else None,
                  numerator=None, denominator=None, value=None, status=status,  # type: ignore[arg-type]
                  definition_version=kpi.version, data_extracted_at=snap.extracted_at)


def _series(snap: Snapshot, kpis: list[KPI], dates: list[date], first_day: date | None = None) -> dict[tuple[str, date], Result]:
    """Results for these KPIs at these dates (periods: the 12 months to each, or from `first_day`)."""
    points = [(d, first_day or period_start(d)) for d in dates]
    out: dict[tuple[str, date], Result] = {}
    by_cohort: dict[str, list[KPI]] = defaultdict(list)
    derived = []
    for kpi in kpis:
        if not kpi.computable:
            out.update({(kpi.id, d): _empty(kpi, d, p, snap, "not_computable") for d, p in points})
        elif kpi.derived:
            derived.append(kpi)
        elif _no_data(snap, kpi):
            out.update({(kpi.id, d): _empty(kpi, d, p, snap) for d, p in points})
        else:
            by_cohort[kpi.cohort_sql].append(kpi)
    for group in by_cohort.values():
        got = _run(snap, group, points)
        for kpi in group:
            for d, p in points:
                out[(kpi.id, d)] = got.get((kpi.id, d, "")) or _result(kpi, d, p, {}, snap, 0)
    if derived:
        out.update(_derived(snap, derived, points, out))
    return out


def _derived(snap: Snapshot, kpis: list[KPI], points: list[tuple[date, date]],
             known: dict[tuple[str, date], Result]) -> dict[tuple[str, date], Result]:
    """Ratios of two KPIs and changes over N months, from the results already computed in this
    pass where there are any, and one more computation for the dates that are missing."""
    cat = catalogue()
    needed = {(k.derived[1], d) for k in kpis for d, _ in points}
    needed |= {(k.derived[2], d) for k in kpis if k.derived[0] == "ratio" for d, _ in points}
    needed |= {(k.derived[1], add_months(d, -int(k.derived[2]))) for k in kpis if k.derived[0] == "change"
               for d, _ in points}
    missing = needed - known.keys()
    got = dict(known)
    if missing:
        got.update(_series(snap, [cat[b] for b in sorted({b for b, _ in missing})], sorted({d for _, d in missing})))
    out = {}
    for kpi in kpis:
        kind, first, second = kpi.derived
        for d, p in points:
            now = got[(first, d)]
            then = got[(first, add_months(d, -int(second)))] if kind == "change" else got[(second, d)]
            if now.value is None or not then.value:
                out[(kpi.id, d)] = _empty(kpi, d, p, snap)
                continue
            top = now.value - then.value if kind == "change" else now.value
            out[(kpi.id, d)] = Result(kpi_id=kpi.id, as_at=d, period_start=p if kpi.time_basis == "period" else None,
                                      numerator=top, denominator=then.value, value=100.0 * top / then.value,
                                      definition_version=kpi.version, data_extracted_at=snap.extracted_at)
    return out


def _kpis(kpi_ids: Iterable[str] | None) -> list[KPI]:
    cat = catalogue()
    return list(cat.values()) if kpi_ids is None else [cat[k] for k in kpi_ids]


# --- The public face --------------------------------------------------------------------------

def evaluate(snap: Snapshot, as_at: date, kpi_ids: Iterable[str] | None = None) -> dict[str, Result]:
    """Every KPI (or those named) at as_at; period KPIs over the 12 months ending on it."""
    kpis = _kpis(kpi_ids)
    got = _series(snap, kpis, [as_at])
    return {k.id: got[(k.id, as_at)] for k in kpis}


def evaluate_period(snap: Snapshot, start: date, end: date, kpi_ids: Iterable[str] | None = None) -> dict[str, Result]:
    """KPIs for a named period (a collection year, a quarter): at-date KPIs at its last day."""
    kpis = _kpis(kpi_ids)
    got = _series(snap, kpis, [end], first_day=start)
    return {k.id: got[(k.id, end)] for k in kpis}


def trends(snap: Snapshot, as_at: date, kpi_ids: Iterable[str] | None = None, months: int = 24) -> dict[str, list[Result]]:
    kpis = _kpis(kpi_ids)
    dates = month_ends(as_at, months)
    got = _series(snap, kpis, dates)
    return {k.id: [got[(k.id, d)] for d in dates] for k in kpis}


def trend(snap: Snapshot, kpi_id: str, as_at: date, months: int = 24) -> list[Result]:
    return trends(snap, as_at, [kpi_id], months)[kpi_id]


def _dimension(kpi: KPI, by: str) -> tuple[str, str]:
    """(group SQL, joins) for a breakdown of this KPI's cohort."""
    if by == "category":
        if not kpi.category_sql:
            raise ValueError(f"{kpi.id} has no categories of its own")
        return kpi.category_sql, ""
    if kpi.cohort_sql == "C-WORKERS@d":
        if by != "team":
            raise ValueError(f"{kpi.id} counts workers: it can be broken down by team only")
        return "coalesce(cohort.team, 'No team')", ""
    child = "LEFT JOIN child dc ON dc.child_key = cohort.child_key"
    if by == "age_band":
        return f"coalesce({age_band_sql('age_on(dc.dob, cohort.d)')}, 'Not known')", child
    if by == "sex":
        return case_sql("dc.sex", SEX_LABELS), child
    if by == "ethnicity":
        return case_sql("dc.ethnic", ETHNIC_GROUPS), child
    if by in ("team", "locality"):
        join = ("LEFT JOIN (SELECT p.d, a.child_key, arg_max(w.team, a.start) AS team, "
                "arg_max(w.locality, a.start) AS locality FROM points p JOIN allocation a ON a.start <= p.d "
                "AND (a.\"end\" IS NULL OR a.\"end\" > p.d) JOIN worker w ON w.worker_key = a.worker_key GROUP BY ALL) "
                "dt ON dt.d = cohort.d AND dt.child_key = cohort.child_key")
        return f"coalesce(nullif(dt.{by}, ''), 'Not allocated')", join
    if by == "placement_type":
        join = ("LEFT JOIN (SELECT p.d, e.child_key, arg_max(e.placement_group, e.decom) AS placement_group "
                "FROM points p JOIN ep e ON e.decom <= p.d AND (e.dec IS NULL OR e.dec > p.d) GROUP BY ALL) dp "
                "ON dp.d = cohort.d AND dp.child_key = cohort.child_key")
        return "coalesce(dp.placement_group, 'Not looked after')", join
    raise ValueError(f"unknown breakdown {by!r}: choose from {', '.join(BREAKDOWNS)} or category")


def breakdown(snap: Snapshot, kpi_id: str, as_at: date, by: str) -> dict[str, Result]:
    """The KPI at as_at for each group of `by` (one of BREAKDOWNS, or "category")."""
    kpi = catalogue()[kpi_id]
    if not kpi.computable or kpi.derived or _no_data(snap, kpi):
        return {}
    group_sql, joins = _dimension(kpi, by)
    got = _run(snap, [kpi], [(as_at, period_start(as_at))], group_sql, joins)
    return dict(sorted((grp, r) for (_, _, grp), r in got.items() if r.denominator))


def members(snap: Snapshot, kpi_id: str, as_at: date) -> tuple[list[str], list[str]]:
    """The children (or workers) counted: (in the numerator, in the denominator), sorted."""
    kpi = catalogue()[kpi_id]
    if not kpi.computable or kpi.derived or _no_data(snap, kpi):
        return [], []
    _prepare(snap)
    key = "unit" if kpi.counts == "workers" else "child_key"
    sql = (f"WITH cohort AS ({cohort_sql(kpi, [(as_at, period_start(as_at))])})\n"
           f"SELECT DISTINCT CAST({key} AS VARCHAR), coalesce(({kpi.numerator_sql}), false) AND {_base(kpi)}, "
           f"{_base(kpi)} FROM cohort")
    rows = snap.cursor().execute(sql).fetchall()
    numerator = sorted({k for k, in_num, _ in rows if in_num}, key=_natural)
    denominator = sorted({k for k, _, in_den in rows if in_den}, key=_natural)
    return numerator, denominator


def _natural(key: str) -> tuple[int, str]:
    return (int(key), "") if key.isdigit() else (0, key)
