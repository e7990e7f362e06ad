"""Assemble a pack: every figure from the engine, passed through the audience's rules.

`pack_content` returns plain data (PackContent) that the document template prints and that
issuing stores as JSON. Every figure a reader sees is a `Cell` from the suppression rules, so a
members' pack cannot print a small number by accident.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

import duckdb

from hearth.analytics.charts import line_chart
from hearth.domain.kpis.bands import format_value
from hearth.domain.kpis.direction import Direction, direction
from hearth.domain.kpis.model import KPI, Result
from hearth.domain.kpis.periods import month_ends
from hearth.domain.packs.audience import AudienceRules
from hearth.domain.packs.period import ReportingPeriod
from hearth.domain.packs.questions import Coverage, Question, coverage
from hearth.domain.packs.suppression import (
    WITHHELD,
    Breakdown,
    Cell,
    count_cell,
    ratio_cell,
    suppress_breakdown,
)
from hearth.packs.sources import Comparator, band_reading, band_schemes, checks

# The pack's sections, in order (issue 6). Other themes appear only when a question asks for them.
PACK_THEMES = (
    ("children_in_care", "Children in care"), ("stability", "Stability"), ("care_leavers", "Care leavers"),
    ("health", "Health"), ("education", "Education"), ("missing", "Missing from care"),
    ("youth_justice", "Youth justice"), ("sufficiency", "Sufficiency"),
)
OTHER_THEMES = (
    ("timeliness", "Timeliness"), ("permanence", "Permanence"), ("workforce", "Workforce"),
    ("voice", "Voice and participation"), ("data_quality", "Data quality"),
)
THEME_NAMES = dict(PACK_THEMES + OTHER_THEMES)
BREAKDOWN_NAMES = {"age_band": "Age band", "team": "Team", "sex": "Sex", "ethnicity": "Ethnicity",
                   "placement_type": "Placement type", "locality": "Locality"}
TREND_MONTHS = 24
STEP_BACK = {"month": 1, "quarter": 3, "year": 12}
UNIT_SUFFIX = {"percent": "%", "rate10k": " per 10,000", "days": " days", "weeks": " weeks", "years": " years"}


def figure(cell: Cell, kpi: KPI) -> str:
    """The printed figure: '68.3%', '1,204', or the words for a withheld or missing figure."""
    if not cell.shown:
        return cell.text
    text = format_value(cell.value, kpi.precision if kpi.unit != "count" else 0)
    if kpi.unit == "count" or (kpi.unit in ("rate10k", "days") and kpi.precision == 0):
        text = f"{int(round(float(text))):,}"
    if kpi.unit == "money":
        return f"£{float(text):,.{kpi.precision}f}"
    return text + UNIT_SUFFIX.get(kpi.unit, "")


def count_text(cell: Cell) -> str:
    return f"{int(cell.value):,}" if cell.shown and cell.value is not None else cell.text


def definition_text(kpi: KPI) -> str:
    """A KPI's definition as printed in its footnote: who is counted, what, out of whom, and
    whose rule it follows."""
    parts, seen = [], set()
    for label, text in (("Who", kpi.cohort), ("Counted", kpi.numerator), ("Out of", kpi.denominator)):
        text = (text or "").strip().rstrip(".")
        if text and text not in seen:
            seen.add(text)
            parts.append(f"{label}: {text}.")
    if kpi.official_definition:
        parts.append(f"Definition followed: {kpi.official_definition.strip().rstrip('.')}.")
    parts.append(f"Hearth definition version {kpi.version}.")
    return " ".join(parts)


def value_cell(kpi: KPI, result: Result, rules: AudienceRules) -> Cell:
    if result.status != "ok":
        return Cell(None, "no_data", "no data" if result.status == "no_data" else "not computable")
    if kpi.unit == "count":
        return count_cell(result.value, rules.rule)
    # A derived KPI's numerator (POP-03's change in the headcount) is not a count of children.
    return ratio_cell(result.value, result.numerator, result.denominator, rules.rule,
                      numerator_is_count=kpi.unit in ("percent", "rate10k") and not kpi.derived)


@dataclass
class TrendPoint:
    month_end: date
    cell: Cell
    text: str


@dataclass
class BreakdownTable:
    by: str
    title: str
    rows: list[tuple[str, str, str, str]]  # (group, count, base, value) as printed
    total: tuple[str, str, str]
    notes: str = ""


@dataclass
class KpiPanel:
    kpi: KPI
    result: Result
    value: Cell
    value_text: str
    numerator_text: str
    denominator_text: str
    band: str
    band_warning: str
    band_scheme: str
    since_previous: Direction
    since_year: Direction
    trend: list[TrendPoint]
    chart_svg: str
    comparators: list[Comparator]
    breakdowns: list[BreakdownTable]
    findings: list[str]
    commentary: str
    trend_results: list[Result] = field(default_factory=list)
    previous_text: str = ""  # the printed figure at the previous reporting point
    unknown_text: str = ""  # how many are "not known", suppressed like any count
    footnote: int = 0

    @property
    def outside_band(self) -> bool:
        return self.band in ("Inadequate", "Requires improvement", "Not met", "Unbanded", "Red", "Amber")


@dataclass
class Section:
    theme: str
    title: str
    panels: list[KpiPanel]
    not_computable: list[KPI]


@dataclass
class PackContent:
    title: str
    council: str
    period: ReportingPeriod
    audience: AudienceRules
    as_at: date
    previous_as_at: date
    year_ago: date
    sections: list[Section]
    questions: list[Coverage]
    work_programme_item: str
    data_extracted_at: str
    findings: list[Any] = field(default_factory=list)

    @property
    def panels(self) -> list[KpiPanel]:
        return [p for s in self.sections for p in s.panels]

    @property
    def improved(self) -> list[KpiPanel]:
        return [p for p in self.panels if p.since_previous.movement == "improved"]

    @property
    def worsened(self) -> list[KpiPanel]:
        return [p for p in self.panels if p.since_previous.movement == "worsened"]

    @property
    def outside_band(self) -> list[KpiPanel]:
        return [p for p in self.panels if p.outside_band]

    @property
    def summary_groups(self) -> list[tuple[str, list[KpiPanel], str]]:
        return [("Improved", self.improved, "No measure improved."),
                ("Worsened", self.worsened, "No measure worsened."),
                ("Outside its band", self.outside_band, "No measure with a band is outside it.")]

    @property
    def gaps(self) -> list[Coverage]:
        return [c for c in self.questions if c.is_gap]


def _trend_points(kpi: KPI, series: list[Result], months: list[date], rules: AudienceRules) -> list[TrendPoint]:
    """One printed figure per month end; a month the engine did not return is 'no data'."""
    by_month = {r.as_at: r for r in series}
    points = []
    for m in months:
        r = by_month.get(m)
        c = value_cell(kpi, r, rules) if r is not None else Cell(None, "no_data", "no data")
        points.append(TrendPoint(m, c, figure(c, kpi)))
    return points


def _direction(kpi: KPI, cell: Cell, result: Result, trend: list[TrendPoint], series: list[Result],
               then: date) -> Direction:
    """Now against a month end of the trend, as printed: a withheld figure is not compared."""
    point = next((p for p in trend if p.month_end == then), None)
    earlier = next((r for r in series if r.as_at == then), None)
    counts = not kpi.derived  # a derived KPI's numerator is not a number of children
    return direction(now=cell.value if cell.shown else None,
                     then=point.cell.value if point and point.cell.shown else None,
                     polarity=kpi.polarity, precision=kpi.precision,
                     numerator_now=result.numerator if counts else None,
                     numerator_then=earlier.numerator if counts and earlier is not None else None)


def _months_back(points: list[date], steps: int) -> date:
    return points[-1 - steps] if len(points) > steps else points[0]


def _in_order(by: str, rows: Mapping[str, Result]) -> dict[str, Result]:
    """Age bands youngest first ('Under 1', '1 to 4', ... '16 and over', then 'Not known');
    other groupings as the engine gives them."""
    if by != "age_band":
        return dict(rows)

    def age(label: str) -> tuple[int, str]:
        head = label.split()[0]
        return (-1, label) if head.lower() == "under" else (int(head), label) if head.isdigit() else (999, label)

    return dict(sorted(rows.items(), key=lambda kv: age(kv[0])))


def _breakdown_table(kpi: KPI, by: str, rows: Mapping[str, Result], rules: AudienceRules) -> BreakdownTable:
    rows = _in_order(by, rows)
    title = BREAKDOWN_NAMES.get(by, by.replace("_", " ").capitalize())
    if kpi.unit == "count":
        counts = {k: int(r.value or 0) for k, r in rows.items() if r.status == "ok"}
        sup: Breakdown = suppress_breakdown(counts, rules.rule)
        printed = [(k, count_text(sup.cells[k]), "", "") for k in counts]
        return BreakdownTable(by, title, printed, (count_text(sup.total), "", ""),
                              "Some figures are withheld so that small numbers cannot be worked out from the total."
                              if sup.withheld and rules.rule else "")
    # A percentage or average by group, for managers only (pack_content does not ask for these in a
    # suppressed pack): each group's count, its base and its value, and the whole service's.
    if rules.rule is not None:
        raise ValueError("rates by group are not broken down in a suppressed pack")
    printed = []
    for k, r in rows.items():
        number = "" if r.numerator is None or kpi.unit not in ("percent", "rate10k") else f"{int(r.numerator):,}"
        base = "" if r.denominator is None else f"{int(r.denominator):,}"
        printed.append((k, number, base, figure(value_cell(kpi, r, rules), kpi)))
    return BreakdownTable(by, title, printed, ("", "", ""))


def pack_kpi_ids(catalogue: Mapping[str, KPI], questions: Iterable[Question] = ()) -> list[str]:
    """The KPIs a pack covers: those answering its questions, or with none, every KPI in the
    eight pack themes. In section order."""
    questions = list(questions)
    if questions:
        wanted = [k for q in questions for k in q.kpis if k in catalogue]
    else:
        themes = {t for t, _ in PACK_THEMES}
        wanted = [k for k, kpi in catalogue.items() if kpi.theme in themes]
    order = {t: i for i, (t, _) in enumerate(PACK_THEMES + OTHER_THEMES)}
    return sorted(dict.fromkeys(wanted), key=lambda k: order.get(catalogue[k].theme, 99))


def pack_content(
    source: Any, *, period: ReportingPeriod, rules: AudienceRules, title: str, council: str = "",
    kpi_ids: Iterable[str] | None = None, questions: Iterable[Question] = (),
    commentary: Mapping[str, str] | None = None, work_programme_item: str = "",
) -> PackContent:
    """Build a pack's content. `kpi_ids` None (and no questions) means every KPI in the eight pack
    themes; with questions, the KPIs that answer them."""
    catalogue: dict[str, KPI] = source.catalogue()
    questions = list(questions)
    commentary = commentary or {}
    wanted = pack_kpi_ids(catalogue, questions) if kpi_ids is None else \
        [k for k in dict.fromkeys(kpi_ids) if k in catalogue]
    computable = [k for k in wanted if catalogue[k].computable]

    as_at = period.end
    months = month_ends(as_at, TREND_MONTHS)
    previous_as_at = _months_back(months, STEP_BACK[period.kind])
    year_ago = _months_back(months, 12)
    results = source.evaluate(as_at, computable) if computable else {}
    schemes = band_schemes()

    trends: dict[str, list[Result]] = source.trends(computable, as_at, months=TREND_MONTHS) if computable else {}
    breakdowns: dict[tuple[str, str], dict[str, Result]] = {}
    failed_breakdowns: dict[str, list[str]] = {}
    for k in computable:
        kpi = catalogue[k]
        for by in rules.breakdowns:
            if kpi.unit != "count" and (by == "age_band" or rules.rule is not None):
                continue  # age bands for headcounts; rates by group only unsuppressed, for managers
            if kpi.counts == "events" and by != "team":
                continue
            try:
                breakdowns[(k, by)] = source.breakdown(k, as_at, by)
            except (ValueError, KeyError, NotImplementedError):
                continue  # the engine cannot split this KPI that way
            except duckdb.Error as error:
                # Shown in the pack, never hidden; the rest of the pack still builds.
                failed_breakdowns.setdefault(k, []).append(
                    f"The breakdown by {BREAKDOWN_NAMES.get(by, by).lower()} could not be computed "
                    f"({type(error).__name__}).")
    findings = checks(results, catalogue, breakdowns)
    findings_by_kpi: dict[str, list[str]] = {}
    for f in findings:
        for k in getattr(f, "kpi_ids", ()):
            # A check's message quotes raw figures, which may include withheld ones: a suppressed
            # pack names the failed check but not its numbers.
            detail = "" if rules.rule is not None else f": {f.message}"
            findings_by_kpi.setdefault(k, []).append(f"Check failed – {f.check} {f.title}{detail}")

    panels: dict[str, KpiPanel] = {}
    for k in computable:
        kpi, result = catalogue[k], results[k]
        cell = value_cell(kpi, result, rules)
        series = trends.get(k, [])
        trend = _trend_points(kpi, series, months, rules)
        since_prev = _direction(kpi, cell, result, trend, series, previous_as_at)
        since_year = _direction(kpi, cell, result, trend, series, year_ago)
        band, warning, scheme_id = band_reading(schemes, k, result.value if cell.shown else None, as_at,
                                                suppressed=not cell.shown and cell.state != "no_data")
        # "123 out of 145" for a percentage or rate; the base alone for an average (its numerator
        # is a sum of days or scores); nothing more for a count, whose value is the count.
        blank = Cell(None, "no_data", "")
        counted = kpi.unit in ("percent", "rate10k") and not kpi.derived
        numerator = count_cell(result.numerator, rules.rule) if counted else blank
        if numerator.shown and not cell.shown and cell.state != "no_data":
            numerator = WITHHELD  # "6 out of 6" beside a withheld percentage would give it away
        denominator = count_cell(result.denominator, rules.rule) if kpi.unit != "count" and not kpi.derived else blank
        panels[k] = KpiPanel(
            kpi=kpi, result=result, value=cell, value_text=figure(cell, kpi),
            numerator_text=count_text(numerator) if numerator.state != "no_data" else "",
            denominator_text=count_text(denominator) if denominator.state != "no_data" else "",
            band=band, band_warning=warning, band_scheme=scheme_id,
            since_previous=since_prev, since_year=since_year, trend=trend,
            chart_svg=line_chart([(p.month_end, p.cell.value if p.cell.shown else None) for p in trend],
                                 unit=kpi.unit, title=kpi.title),
            comparators=source.comparators(k, as_at),
            breakdowns=[_breakdown_table(kpi, by, breakdowns[(k, by)], rules)
                        for by in rules.breakdowns if (k, by) in breakdowns],
            findings=findings_by_kpi.get(k, []) + failed_breakdowns.get(k, []),
            commentary=commentary.get(k, "").strip(),
            trend_results=trends.get(k, []),
            previous_text=next((t.text for t in trend if t.month_end == previous_as_at), ""),
            unknown_text=count_text(count_cell(result.unknown, rules.rule)) if result.unknown else "",
        )

    sections = []
    for theme, name in PACK_THEMES + OTHER_THEMES:
        in_theme = [k for k in wanted if catalogue[k].theme == theme]
        if not in_theme:
            continue
        sections.append(Section(theme, name, [panels[k] for k in in_theme if k in panels],
                                [catalogue[k] for k in in_theme if k not in panels]))
    footnote = 0
    for section in sections:
        for panel in section.panels:
            footnote += 1
            panel.footnote = footnote
    return PackContent(
        title=title, council=council, period=period, audience=rules, as_at=as_at,
        previous_as_at=previous_as_at, year_ago=year_ago, sections=sections,
        questions=[coverage(q, catalogue) for q in questions], work_programme_item=work_programme_item,
        data_extracted_at=getattr(source, "extracted_at", ""), findings=findings,
    )


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return _jsonable(asdict(value))
    if hasattr(value, "quantize"):  # Decimal
        return str(value)
    return value


def frozen_results(content: PackContent) -> dict[str, Any]:
    """What issuing stores beside the HTML: every Result (headline and trend), as printed and as
    computed, with the commentary as issued."""
    return {
        "period": content.period.label,
        "as_at": content.as_at.isoformat(),
        "audience": content.audience.name,
        "data_extracted_at": content.data_extracted_at,
        "kpis": {
            p.kpi.id: {
                "result": _jsonable(p.result),
                "printed": p.value_text,
                "band": p.band,
                "trend": [_jsonable(r) for r in p.trend_results],
                "trend_printed": [t.text for t in p.trend],
                "commentary": p.commentary,
            }
            for p in content.panels
        },
        "findings": [_jsonable(f) for f in content.findings],
        "question_gaps": [c.question.number for c in content.gaps],
    }
