"""Reconciliation checks on computed results (kpis.md §6).

Each check takes plain figures and returns findings: a failed check is shown beside the figures,
never hidden, and never stops a pack (§6). `run_checks` runs every check that applies to a set of
results (`dict[str, Result]` as the engine returns them) and their breakdowns.

Tolerances (§6): count identities hold exactly; a percentage matches within half a unit of its
last printed decimal place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from hearth.domain.kpis.bands import BandScheme, band_for, dec, format_value, round_to, validate
from hearth.domain.kpis.model import KPI, Result

CHECKS = {
    "R-01": "Placement mix adds up to the headcount",
    "R-06": "Percentages recompute from counts",
    "R-07": "Rate agrees with headcount and population",
    "R-09": "Categories plus not known add to 100%",
    "R-14": "Different KPIs with identical values",
    "R-18": "Stocks and flows balance",
    "R-22": "Subtotals equal their parents",
    "R-23": "Bands recomputed, not copied; schemes valid",
}

# Rows of a placement table that are after care, not children looked after.
POST_CARE = ("staying put", "special guardianship", "sgo", "residence", "child arrangements", "adoption allowance",
             "direct payment")

# Category sets that must add to 100% of the same cohort, each ending with its "not known".
CATEGORY_SETS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Care leavers aged 19–21: EET + NEET + activity not known", ("CL-05", "CL-06", "CL-08")),
    ("Care leavers aged 19–21: suitable + unsuitable + accommodation not known", ("CL-07", "CL-12", "CL-13")),
)


@dataclass(frozen=True, slots=True)
class Finding:
    check: str  # "R-01"
    kpi_ids: tuple[str, ...]
    message: str  # with the numbers, so a reader can redo the sum
    severity: Literal["fail", "warning"] = "fail"

    @property
    def title(self) -> str:
        return CHECKS.get(self.check, self.check)


def _n(value: float | Decimal | int) -> str:
    d = dec(value)
    return f"{d.normalize():f}" if d == d.to_integral_value() else f"{d:f}"


def count_of(result: Result) -> float | None:
    """The count a result stands for: its numerator, or its value for a plain count."""
    return result.numerator if result.numerator is not None else result.value


# --- The checks, on plain figures -----------------------------------------------------------


def placement_mix(rows: Mapping[str, float], headcount: float, *, kpi_ids=("PLC-01", "POP-01")) -> Finding | None:
    """R-01: Σ placement rows = children looked after at the same date; post-care rows left out."""
    counted = {k: v for k, v in rows.items() if not any(p in k.lower() for p in POST_CARE)}
    total = sum(dec(v) for v in counted.values())
    if total == dec(headcount):
        return None
    left_out = [k for k in rows if k not in counted]
    return Finding("R-01", tuple(kpi_ids),
                   f"The {len(counted)} placement rows add to {_n(total)}, not the {_n(headcount)} children looked after "
                   f"(difference {_n(total - dec(headcount))})" + (f"; after-care rows left out: {', '.join(left_out)}" if left_out else "") + ".")


def percentage(count: float, base: float, printed: float | Decimal | str, *, decimals: int | None = None,
               kpi_ids: tuple[str, ...] = (), scale: int = 100, check: str = "R-06") -> Finding | None:
    """R-06 (R-07 for rates): a printed percentage (or rate, scale 10,000) equals count ÷ base within half
    a unit of its last printed decimal place."""
    shown = dec(printed)
    if decimals is None:
        decimals = max(0, -shown.as_tuple().exponent)  # type: ignore[operator]
    if not base:
        return Finding(check, kpi_ids, f"{_n(shown)} is printed but its base is 0.")
    exact = dec(count) / dec(base) * scale
    if abs(exact - shown) <= Decimal("0.5") * Decimal(1).scaleb(-decimals):
        return None
    what = "per 10,000" if scale == 10_000 else "%"
    return Finding(check, kpi_ids, f"{_n(count)} of {_n(base)} is {format_value(exact, decimals + 1)}{what}, "
                                   f"printed {_n(shown)}{what} (more than half a unit of the last decimal out).")


def categories_add_up(parts: Mapping[str, float | None], *, label: str, decimals: int = 1,
                      counts: Mapping[str, float] | None = None, base: float | None = None) -> Finding | None:
    """R-09: categories plus "not known" add to 100%. With counts of one base, the counts must add to
    the base exactly; with percentages only, each may be out by half a unit of rounding."""
    ids = tuple(parts)
    missing = [k for k, v in parts.items() if v is None]
    if counts is not None and base is not None and len(counts) == len(parts):
        total = sum(dec(v) for v in counts.values())
        if total == dec(base):
            return None
        return Finding("R-09", ids, f"{label}: {' + '.join(_n(v) for v in counts.values())} = {_n(total)}, "
                                    f"not the cohort of {_n(base)} ({_n(dec(base) - total)} not accounted for).")
    shown = {k: dec(v) for k, v in parts.items() if v is not None}
    total = sum(shown.values(), Decimal(0))
    slack = Decimal("0.5") * Decimal(1).scaleb(-decimals) * max(len(shown), 1)
    if not missing and abs(total - 100) <= slack:
        return None
    sums = " + ".join(f"{_n(v)} ({k})" for k, v in shown.items())
    rest = f"; {_n(100 - total)}% not shown" + (f" ({', '.join(missing)} missing)" if missing else "")
    return Finding("R-09", ids, f"{label}: {sums} = {_n(total)}%, not 100%{rest}.")


def stocks_and_flows(*, start: float, starters: float, leavers: float, end: float, repeat_adjustment: float = 0,
                     kpi_ids: tuple[str, ...] = ("POP-01", "POP-04", "POP-05")) -> Finding | None:
    """R-18: looked after at the end = at the start + starters − leavers. Starters and leavers count
    periods of care; `repeat_adjustment` is added when they count children, for children who
    started or ceased more than once in the period (stated in the message)."""
    expected = dec(start) + dec(starters) - dec(leavers) + dec(repeat_adjustment)
    if expected == dec(end):
        return None
    adjustment = f" + {_n(repeat_adjustment)} (repeat entries)" if repeat_adjustment else " (no repeat-entry adjustment)"
    return Finding("R-18", kpi_ids, f"{_n(start)} + {_n(starters)} − {_n(leavers)}{adjustment} = {_n(expected)}, "
                                    f"but {_n(end)} are looked after at the end (difference {_n(dec(end) - expected)}).")


def subtotals(parts: Mapping[str, float], parent: float, *, label: str, kpi_ids: tuple[str, ...],
              tolerance: float | Decimal = 0) -> Finding | None:
    """R-22: a breakdown adds up to its parent. Counts must match exactly; printed percentages
    within `tolerance`."""
    total = sum((dec(v) for v in parts.values()), Decimal(0))
    if abs(total - dec(parent)) <= dec(tolerance):
        return None
    return Finding("R-22", kpi_ids, f"{label}: {' + '.join(_n(v) for v in parts.values())} = {_n(total)}, "
                                    f"not {_n(parent)} ({_n(dec(parent) - total)} not shown).")


def identical_values(values: Mapping[str, float | None], *, decimals: int = 1) -> list[Finding]:
    """R-14: two different KPIs reporting exactly the same value (a possible copy error). Variants
    of one KPI (CL-04 and CL-04.known) and the values 0 and 100 are not flagged."""
    seen: dict[Decimal, list[str]] = {}
    for kpi_id, value in values.items():
        if value is None:
            continue
        shown = round_to(value, decimals)
        if shown in (0, 100):
            continue
        seen.setdefault(shown, []).append(kpi_id)
    findings = []
    for shown, ids in seen.items():
        if len({i.split(".")[0] for i in ids}) > 1:
            findings.append(Finding("R-14", tuple(ids), f"{' and '.join(ids)} all report {shown:f}: "
                                                         "check that one was not copied from the other.", "warning"))
    return findings


def scheme_findings(scheme: BandScheme) -> list[Finding]:
    """R-23: a band scheme must pass §3.5; every error is a finding."""
    return [Finding("R-23", (scheme.kpi_id,), f"Band scheme {scheme.id}: {d.message}")
            for d in validate(scheme) if d.severity == "error"]


def imported_band(scheme: BandScheme, value: float, imported_label: str) -> Finding | None:
    """R-23: a colour brought in with a figure must agree with the band recomputed from the value."""
    computed = band_for(scheme, value)
    if computed.lower() == imported_label.strip().lower():
        return None
    return Finding("R-23", (scheme.kpi_id,), f"{format_value(value, scheme.precision)} was imported as "
                                             f"\"{imported_label}\" but reads as \"{computed}\" under {scheme.id}.")


# --- Running the checks over engine results -------------------------------------------------


def _ok(result: Result | None) -> bool:
    return result is not None and result.status == "ok" and result.value is not None


def run_checks(
    results: Mapping[str, Result],
    *,
    catalogue: Mapping[str, KPI] | None = None,
    breakdowns: Mapping[tuple[str, str], Mapping[str, Result]] | None = None,
    at_start: Mapping[str, Result] | None = None,
    repeat_adjustment: float = 0,
    schemes: Iterable[BandScheme] = (),
) -> list[Finding]:
    """Every check that applies to these results.

    `breakdowns`: {(kpi_id, by): {category: Result}}, e.g. {("PLC-01", "placement_type"): ...}.
    `at_start`: results at the start of the period (POP-01 there), for R-18.
    `schemes`: the band schemes in force, for R-23.
    """
    catalogue = catalogue or {}
    breakdowns = breakdowns or {}
    findings: list[Finding] = []

    def unit(kpi_id: str) -> str:
        kpi = catalogue.get(kpi_id.split(".")[0])
        return kpi.unit if kpi else ""

    def precision(kpi_id: str) -> int:
        kpi = catalogue.get(kpi_id.split(".")[0])
        return kpi.precision if kpi else 1

    # placement mix against the headcount.
    pop = results.get("POP-01")
    mix = breakdowns.get(("PLC-01", "placement_type"))
    if _ok(pop) and mix:
        rows = {k: count_of(r) for k, r in mix.items() if count_of(r) is not None}
        if f := placement_mix(rows, count_of(pop)):  # type: ignore[arg-type]
            findings.append(f)

    # each value recomputes from its numerator and denominator.
    for kpi_id, r in results.items():
        if not _ok(r) or r.numerator is None or not r.denominator:
            continue
        scale = {"percent": 100, "rate10k": 10_000}.get(unit(kpi_id))
        if scale is None:
            continue
        if f := percentage(r.numerator, r.denominator, round_to(r.value, precision(kpi_id)),  # type: ignore[arg-type]
                           decimals=precision(kpi_id), kpi_ids=(kpi_id,), scale=scale,
                           check="R-07" if scale == 10_000 else "R-06"):
            findings.append(f)

    # categories of one cohort add to 100%.
    for label, ids in CATEGORY_SETS:
        present = {k: results[k] for k in ids if _ok(results.get(k))}
        if not present:
            continue
        parts = {k: (present[k].value if k in present else None) for k in ids}
        bases = {present[k].denominator for k in present}
        counts = {k: present[k].numerator for k in present if present[k].numerator is not None}
        base = bases.pop() if len(bases) == 1 and len(present) == len(ids) else None
        if f := categories_add_up(parts, label=label, decimals=precision(ids[0]),
                                  counts=counts if base is not None else None, base=base):
            findings.append(f)

    # stock at the start + starters − leavers = stock at the end.
    start = (at_start or {}).get("POP-01")
    starters, leavers = results.get("POP-04"), results.get("POP-05")
    if _ok(start) and _ok(pop) and _ok(starters) and _ok(leavers):
        if f := stocks_and_flows(start=count_of(start), starters=count_of(starters), leavers=count_of(leavers),  # type: ignore[arg-type]
                                 end=count_of(pop), repeat_adjustment=repeat_adjustment):  # type: ignore[arg-type]
            findings.append(f)

    # every breakdown of a count adds up to its parent.
    for (kpi_id, by), rows in breakdowns.items():
        parent = results.get(kpi_id)
        if not _ok(parent) or (kpi_id, by) == ("PLC-01", "placement_type"):
            continue
        counts = {k: count_of(r) for k, r in rows.items() if count_of(r) is not None}
        if f := subtotals(counts, count_of(parent), label=f"{kpi_id} by {by.replace('_', ' ')}", kpi_ids=(kpi_id,)):  # type: ignore[arg-type]
            findings.append(f)

    # two KPIs with the same non-trivial percentage or rate.
    comparable = {k: r.value for k, r in results.items()
                  if _ok(r) and unit(k) in ("percent", "rate10k", "mean", "median")}
    findings.extend(identical_values(comparable))

    # the band schemes in force are valid.
    for scheme in schemes:
        findings.extend(scheme_findings(scheme))
    return findings
