"""Threshold band schemes: representation, the source notation, validation and banding (kpis.md §3).

A scheme is a list of bands ordered worst -> best, each with explicit numeric bounds and an
inclusive/exclusive flag at each end (§3.3). Values are rounded to the scheme's precision before
banding, so the colour always agrees with the printed figure (§3.3 rule 2). A value in no band
(or in two) is "Unbanded", never the nearest band (rule 3). "No data", "suppressed" and
"definition not met" are states, not bands (rule 6). All numbers are Decimal so that 0.1-steps
compare exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from enum import Enum
from typing import Literal

BandPolarity = Literal["up", "down"]
Number = Decimal | float | int | str

FOUR_BANDS = ("Inadequate", "Requires improvement", "Good", "Outstanding")  # worst -> best (§3.1)
RAG = ("Red", "Amber", "Green")
TARGET = ("Not met", "Met")
UNBANDED = "Unbanded"


class State(str, Enum):
    """Readings that are not bands (§3.3 rule 6)."""

    NO_DATA = "No data"
    SUPPRESSED = "Suppressed (small numbers)"
    DEFINITION_NOT_MET = "Definition not met"


def dec(value: Number) -> Decimal:
    """A number as Decimal; floats through their shortest repr, so 89.96 is 89.96, not 89.9599..."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(str(value).strip())


def round_to(value: Number, precision: int) -> Decimal:
    """Round half up to `precision` decimals: the figure printed and the figure banded."""
    return dec(value).quantize(Decimal(1).scaleb(-precision), rounding=ROUND_HALF_UP)


def format_value(value: Number | None, precision: int) -> str:
    """The printed figure. Use this (not f-strings, which round half to even) beside a band."""
    return "" if value is None else f"{round_to(value, precision):f}"


@dataclass(frozen=True, slots=True)
class Band:
    """One band. `lower`/`upper` None means unbounded on that side."""

    label: str
    lower: Decimal | None
    lower_incl: bool
    upper: Decimal | None
    upper_incl: bool

    def contains(self, value: Decimal) -> bool:
        if self.lower is not None and (value < self.lower or (value == self.lower and not self.lower_incl)):
            return False
        if self.upper is not None and (value > self.upper or (value == self.upper and not self.upper_incl)):
            return False
        return True

    @property
    def is_point(self) -> bool:
        return self.lower is not None and self.lower == self.upper

    def notation(self) -> str:
        """Interval notation, e.g. "[20, 24]", "(25, ∞)"."""
        lo = "(-∞" if self.lower is None else ("[" if self.lower_incl else "(") + f"{self.lower:f}"
        hi = "∞)" if self.upper is None else f"{self.upper:f}" + ("]" if self.upper_incl else ")")
        return f"{lo}, {hi}"


@dataclass(frozen=True, slots=True)
class BandScheme:
    """One KPI's bands for one version (§3.3). `approved_by` (provenance) is mandatory."""

    id: str
    kpi_id: str
    version: int
    effective_from: date
    effective_to: date | None
    approved_by: str
    polarity: BandPolarity
    domain_min: Decimal
    domain_max: Decimal | None  # None: open-ended (caseloads)
    precision: int
    bands: tuple[Band, ...]  # worst -> best

    def in_force_on(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day < self.effective_to)


# --- The source notation (§3.4) --------------------------------------------------------------

_NUM = r"(\d+(?:\.\d+)?)\s*%?"
_RANGE = re.compile(rf"^{_NUM}\s*[-–]\s*{_NUM}$")
_SINGLE = re.compile(rf"^{_NUM}$")
_SIGNED = re.compile(rf"^(>=|<=|≥|≤|>|<)\s*{_NUM}$")


class NotationError(ValueError):
    pass


def parse_cell(text: str, *, domain_min: Number = 0, domain_max: Number | None = 100) -> tuple[Decimal | None, bool, Decimal | None, bool]:
    """One source cell as (lower, lower_incl, upper, upper_incl), read literally (§3.4):
    ">x" (x, max]; "<x" [min, x); "a-b" / "a%-b%" [a, b]; "x" / "x%" [x, x]. "%" is ignored.
    "<=x" / "≤x" and ">=x" / "≥x" (single targets, §3.8) include x."""
    cell = text.strip()
    lo_dom = dec(domain_min)
    hi_dom = None if domain_max is None else dec(domain_max)
    if m := _SIGNED.match(cell):
        sign, x = m.group(1), dec(m.group(2))
        if sign in (">", ">=", "≥"):
            return x, sign != ">", hi_dom, hi_dom is not None
        return lo_dom, True, x, sign != "<"
    if m := _RANGE.match(cell):
        a, b = dec(m.group(1)), dec(m.group(2))
        if a > b:
            raise NotationError(f'"{text}": the range runs backwards ({a:f} is above {b:f})')
        return a, True, b, True
    if m := _SINGLE.match(cell):
        x = dec(m.group(1))
        return x, True, x, True
    raise NotationError(f'"{text}" is not a band: write >x, <x, a-b or a single value')


def band_from_cell(label: str, text: str, *, domain_min: Number = 0, domain_max: Number | None = 100) -> Band:
    return Band(label, *parse_cell(text, domain_min=domain_min, domain_max=domain_max))


# --- Validation (§3.5) ----------------------------------------------------------------------

DefectKind = Literal["gap", "point_overlap", "range_overlap", "order", "empty_band", "outside_domain", "single_point", "invisible_gap"]
Severity = Literal["error", "warning", "note"]


@dataclass(frozen=True, slots=True)
class Defect:
    """One finding about a scheme. `first`/`last`: the first and last affected value at the KPI's
    precision (`last` None: no upper limit). Errors make a scheme defective; warnings and notes do not."""

    kind: DefectKind
    severity: Severity
    bands: tuple[str, ...]
    interval: str
    first: Decimal | None
    last: Decimal | None
    message: str


@dataclass(frozen=True, slots=True)
class _Interval:
    lower: Decimal | None
    lower_incl: bool
    upper: Decimal | None
    upper_incl: bool

    def notation(self) -> str:
        return Band("", self.lower, self.lower_incl, self.upper, self.upper_incl).notation()

    def is_empty(self) -> bool:
        if self.lower is None or self.upper is None:
            return False
        return self.lower > self.upper or (self.lower == self.upper and not (self.lower_incl and self.upper_incl))


def values_in(lower: Decimal | None, lower_incl: bool, upper: Decimal | None, upper_incl: bool, precision: int) -> tuple[Decimal | None, Decimal | None] | None:
    """The first and last value at `precision` inside the interval; None if it holds none.
    An unbounded end gives None for that end."""
    step = Decimal(1).scaleb(-precision)
    first = last = None
    if lower is not None:
        first = (lower / step).to_integral_value(rounding=ROUND_CEILING) * step
        if first == lower and not lower_incl:
            first += step
    if upper is not None:
        last = (upper / step).to_integral_value(rounding=ROUND_FLOOR) * step
        if last == upper and not upper_incl:
            last -= step
    if first is not None and last is not None and first > last:
        return None
    return (None if first is None else first.quantize(step), None if last is None else last.quantize(step))


def _at(value: Decimal, precision: int) -> str:
    """A bound written at the KPI's precision (80 -> "80.0" at 1 dp), never rounded away."""
    step = Decimal(1).scaleb(-precision)
    return f"{value.quantize(step):f}" if value == value.quantize(step) else f"{value:f}"


def _span(first: Decimal | None, last: Decimal | None) -> str:
    if first is None and last is None:
        return "every value"
    if first is None:
        return f"values up to {last:f}"
    if last is None:
        return f"{first:f} and above"
    return f"{first:f}" if first == last else f"{first:f}–{last:f}"


def _lower_key(band: Band) -> tuple[Decimal, int]:
    # Sort by lower bound, an inclusive lower before an exclusive one at the same value.
    return (Decimal("-Infinity") if band.lower is None else band.lower, 0 if band.lower_incl else 1)


def _position(band: Band) -> tuple[Decimal, Decimal]:
    lo = Decimal("-Infinity") if band.lower is None else band.lower
    hi = Decimal("Infinity") if band.upper is None else band.upper
    return (lo, hi)


def _hole(scheme: BandScheme, bands: tuple[str, ...], iv: _Interval, where: str) -> Defect:
    found = values_in(iv.lower, iv.lower_incl, iv.upper, iv.upper_incl, scheme.precision)
    if found is None:
        return Defect("invisible_gap", "note", bands, iv.notation(), None, None,
                      f"Gap {iv.notation()} {where} holds no value at {scheme.precision} dp, so it cannot be hit.")
    first, last = found
    return Defect("gap", "error", bands, iv.notation(), first, last,
                  f"Gap {iv.notation()} {where}: {_span(first, last)} fall in no band.")


def validate(scheme: BandScheme) -> list[Defect]:
    """Every gap, overlap, order error and warning in a scheme (§3.5), each naming the first and
    last affected value at the scheme's precision."""
    defects: list[Defect] = []
    lo_dom, hi_dom = scheme.domain_min, scheme.domain_max
    valid: list[Band] = []
    for band in scheme.bands:
        iv = _Interval(band.lower, band.lower_incl, band.upper, band.upper_incl)
        if iv.is_empty():
            defects.append(Defect("empty_band", "error", (band.label,), band.notation(), None, None,
                                  f'"{band.label}" {band.notation()} holds no value.'))
            continue
        valid.append(band)
        below = band.lower is None or band.lower < lo_dom
        above = hi_dom is not None and (band.upper is None or band.upper > hi_dom)
        if below or above:
            defects.append(Defect("outside_domain", "error", (band.label,), band.notation(), None, None,
                                  f'"{band.label}" {band.notation()} reaches outside the scale '
                                  f'{lo_dom:f} to {"no maximum" if hi_dom is None else f"{hi_dom:f}"}.'))
        if band.is_point:
            point = _at(band.lower, scheme.precision)  # type: ignore[arg-type]
            defects.append(Defect("single_point", "warning", (band.label,), band.notation(), Decimal(point), Decimal(point),
                                  f'"{band.label}" is the single point {point}: only that exact value reaches it.'))

    # Order against polarity (§3.3 rule 5): listed worst -> best.
    for worse, better in zip(valid, valid[1:]):
        rising = _position(better) > _position(worse)
        if rising != (scheme.polarity == "up") or _position(better) == _position(worse):
            direction = "higher" if scheme.polarity == "up" else "lower"
            defects.append(Defect("order", "error", (worse.label, better.label), "", None, None,
                                  f'"{better.label}" is listed as better than "{worse.label}" but its bounds are not {direction} '
                                  f"(polarity {scheme.polarity}: better bands must have {direction} bounds)."))

    ordered = sorted(valid, key=_lower_key)
    # Gaps: walk the bands in order of lower bound, keeping how far coverage reaches.
    if ordered:
        first = ordered[0]
        start = _Interval(lo_dom, True, first.lower, not first.lower_incl)
        if first.lower is not None and not start.is_empty():
            defects.append(_hole(scheme, (first.label,), start, f'below "{first.label}"'))
        reach: Band = first
        for nxt in ordered[1:]:
            if reach.upper is None:
                break
            hole = _Interval(reach.upper, not reach.upper_incl, nxt.lower, not nxt.lower_incl)
            if nxt.lower is not None and not hole.is_empty() and (nxt.lower > reach.upper or not (reach.upper_incl or nxt.lower_incl)):
                defects.append(_hole(scheme, (reach.label, nxt.label), hole, f'between "{reach.label}" and "{nxt.label}"'))
            if nxt.upper is None or nxt.upper > reach.upper or (nxt.upper == reach.upper and nxt.upper_incl):
                reach = nxt
        if reach.upper is not None and (hi_dom is None or reach.upper < hi_dom or not reach.upper_incl):
            end = _Interval(reach.upper, not reach.upper_incl, hi_dom, True)
            if hi_dom is None or not end.is_empty():
                defects.append(_hole(scheme, (reach.label,), end, f'above "{reach.label}"'))
    else:
        defects.append(Defect("gap", "error", (), "", lo_dom, hi_dom, "The scheme has no bands: every value is unbanded."))

    # Overlaps: every pair whose intersection holds a value.
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            lower, lower_incl = max((a.lower, a.lower_incl), (b.lower, b.lower_incl), key=lambda e: (Decimal("-Infinity") if e[0] is None else e[0], not e[1]))
            upper, upper_incl = min((a.upper, a.upper_incl), (b.upper, b.upper_incl), key=lambda e: (Decimal("Infinity") if e[0] is None else e[0], e[1]))
            common = _Interval(lower, lower_incl, upper, upper_incl)
            if common.is_empty():
                continue
            labels = (a.label, b.label)
            found = values_in(lower, lower_incl, upper, upper_incl, scheme.precision)
            first_v, last_v = found if found else (None, None)
            if lower is not None and lower == upper:
                defects.append(Defect("point_overlap", "error" if found else "note", labels, common.notation(), first_v, last_v,
                                      f'{_at(lower, scheme.precision)} is in both "{a.label}" and "{b.label}".'))
                continue
            defects.append(Defect("range_overlap", "error" if found else "note", labels, common.notation(), first_v, last_v,
                                  f'"{a.label}" and "{b.label}" overlap on {common.notation()}: {_span(first_v, last_v)} are in both.'))
    return defects


def errors(scheme: BandScheme) -> list[Defect]:
    return [d for d in validate(scheme) if d.severity == "error"]


def is_defective(scheme: BandScheme) -> bool:
    return bool(errors(scheme))


# --- Banding (§3.3 rules 2, 3, 6) -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reading:
    """What a value reads as: a band label, "Unbanded", or a state. `bands` lists every band the
    rounded value falls in (two for an overlap), so a warning can name them."""

    label: str
    value: Decimal | None
    bands: tuple[str, ...] = ()
    warning: str = ""
    is_band: bool = field(default=False)


def reading_for(scheme: BandScheme, value: Number | None, *, status: str = "ok", suppressed: bool = False) -> Reading:
    if suppressed:
        return Reading(State.SUPPRESSED.value, None)
    if status == "not_computable":
        return Reading(State.DEFINITION_NOT_MET.value, None)
    if value is None or status == "no_data":
        return Reading(State.NO_DATA.value, None)
    shown = round_to(value, scheme.precision)
    hits = tuple(b.label for b in scheme.bands if b.contains(shown))
    if len(hits) == 1:
        return Reading(hits[0], shown, hits, is_band=True)
    if not hits:
        return Reading(UNBANDED, shown, (), f"{shown:f} falls in a gap in the bands (scheme {scheme.id}).")
    return Reading(UNBANDED, shown, hits, f"{shown:f} is in more than one band ({', '.join(hits)}; scheme {scheme.id}).")


def band_for(scheme: BandScheme, value: Number | None) -> str:
    """The band label for a value rounded to the scheme's precision, or "Unbanded" (or "No data")."""
    return reading_for(scheme, value).label


# --- Building schemes -----------------------------------------------------------------------


def scheme_from_cells(
    *, id: str, kpi_id: str, cells: list[tuple[str, str]], polarity: BandPolarity, approved_by: str,
    effective_from: date, effective_to: date | None = None, version: int = 1,
    domain_min: Number = 0, domain_max: Number | None = 100, precision: int = 1,
) -> BandScheme:
    """A scheme from (label, source cell) pairs, worst -> best, read literally (§3.4)."""
    bands = tuple(band_from_cell(label, text, domain_min=domain_min, domain_max=domain_max) for label, text in cells)
    return BandScheme(id, kpi_id, version, effective_from, effective_to, approved_by, polarity,
                      dec(domain_min), None if domain_max is None else dec(domain_max), precision, bands)


def scheme_from_cuts(
    *, id: str, kpi_id: str, labels: tuple[str, ...], cuts: list[Number], polarity: BandPolarity, approved_by: str,
    effective_from: date, effective_to: date | None = None, version: int = 1,
    domain_min: Number = 0, domain_max: Number | None = 100, precision: int = 1, cut_goes_up: bool = True,
) -> BandScheme:
    """A gap-free scheme of half-open bands from ascending cut points (len(cuts) == len(labels) - 1):
    the four-band and red/amber/green sets. `labels` are worst -> best. A cut value belongs to the
    band above it when `cut_goes_up`, else to the band below."""
    points = sorted(dec(c) for c in cuts)
    if len(points) != len(labels) - 1:
        raise ValueError(f"{len(labels)} bands need {len(labels) - 1} cut points, not {len(points)}")
    lo_dom, hi_dom = dec(domain_min), None if domain_max is None else dec(domain_max)
    edges: list[Decimal | None] = [lo_dom, *points, hi_dom]
    ascending = []
    for i in range(len(labels)):
        first, last = i == 0, i == len(labels) - 1
        ascending.append((edges[i], True if first else cut_goes_up, edges[i + 1], (hi_dom is not None) if last else not cut_goes_up))
    names = labels if polarity == "up" else tuple(reversed(labels))
    bands = [Band(name, *bounds) for name, bounds in zip(names, ascending)]
    if polarity == "down":
        bands.reverse()
    return BandScheme(id, kpi_id, version, effective_from, effective_to, approved_by, polarity,
                      lo_dom, hi_dom, precision, tuple(bands))


def target_scheme(
    *, id: str, kpi_id: str, target: str, approved_by: str, effective_from: date,
    effective_to: date | None = None, version: int = 1, domain_min: Number = 0,
    domain_max: Number | None = 100, precision: int = 1,
) -> BandScheme:
    """A single target (§3.3 rule 7, §3.8) as a two-band scheme, Not met then Met.
    `target`: "<=22" / "≤ 22" (met at or below), ">=55", "<x", ">x", or a single value such as "100%"
    or "0" (met only there; the direction is read from where the value sits on the scale)."""
    lo_dom, hi_dom = dec(domain_min), None if domain_max is None else dec(domain_max)
    met = band_from_cell("Met", target.replace(" ", ""), domain_min=lo_dom, domain_max=hi_dom)
    if met.is_point:
        at_top = hi_dom is not None and met.upper == hi_dom
        at_bottom = met.lower == lo_dom
        if not (at_top or at_bottom):
            raise NotationError(f'"{target}": a single-value target must be the top or bottom of the scale')
        polarity: BandPolarity = "up" if at_top else "down"
    else:
        polarity = "up" if met.upper == hi_dom and met.lower != lo_dom else "down"
    if polarity == "up":
        not_met = Band("Not met", lo_dom, True, met.lower, not met.lower_incl)
    else:
        not_met = Band("Not met", met.upper, not met.upper_incl, hi_dom, hi_dom is not None)
    return BandScheme(id, kpi_id, version, effective_from, effective_to, approved_by, polarity,
                      lo_dom, hi_dom, precision, (not_met, met))
