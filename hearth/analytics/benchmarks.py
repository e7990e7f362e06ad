"""Benchmark figures (kpis.md §4.4): the all-or-nothing importer and the comparator selector.

An import reads every row first. Any bad row (named by file, row, column and reason) means
nothing is written. A blank value stays null, never 0 (R-12).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from hearth.accounts.audit import AuditEntry, audit_record
from hearth.analytics.models import Benchmark, BenchmarkImport
from hearth.domain.kpis.comparators import GROUPS, BenchmarkFact, Comparison, PeriodError, base_id, choose, parse_period

DEMO_FILE = Path(__file__).resolve().parent / "data" / "benchmarks-demo.csv"
REQUIRED = ("la_code", "la_name", "kpi_id", "period", "comparator_group", "source")
OPTIONAL = ("value", "basis", "unit", "numerator", "denominator", "suppression", "old_la_code", "release", "note")
SUPPRESSION = ("c", "z", "x", "k")
_LA_CODE = re.compile(r"^[EWSN]\d{8}$")
_KPI_ID = re.compile(r"^[A-Z]+-[A-Z]*\d{2}(\.[A-Za-z0-9_]+)?$")


@dataclass(frozen=True, slots=True)
class RowError:
    file: str
    row: int  # line number, the header being line 1
    column: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}, row {self.row}, column {self.column}: {self.reason}"


class BenchmarkImportError(Exception):
    def __init__(self, problems: list[RowError]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s); nothing imported")


def _known_kpi_ids() -> set[str]:
    from hearth.domain.kpis import catalogue as cat

    found = getattr(cat, "CATALOGUE", None)
    return set(found if found is not None else cat.catalogue())


def _decimal(text: str) -> Decimal:
    value = Decimal(text.replace(",", ""))
    if not value.is_finite():
        raise InvalidOperation
    return value


def read_benchmarks(text: str, *, file: str, known_kpis: Collection[str]) -> tuple[list[dict], list[RowError]]:
    """Every row checked; returns the clean rows and every problem found."""
    problems: list[RowError] = []
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        return [], [RowError(file, 1, c, "required column is missing from the header") for c in missing]
    unknown_columns = [c for c in header if c not in REQUIRED + OPTIONAL]
    problems += [RowError(file, 1, c, "not a column of the benchmark format (kpis.md §4.4)") for c in unknown_columns]
    rows = []
    for line, raw in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in raw.items() if k is not None}
        if None in raw:
            problems.append(RowError(file, line, "(end of row)", "more cells than columns in the header"))
        before = len(problems)

        def bad(column: str, reason: str) -> None:
            problems.append(RowError(file, line, column, reason))

        for column in REQUIRED:
            if not row.get(column):
                bad(column, "required, but empty")
        if row.get("la_code") and not _LA_CODE.match(row["la_code"]):
            bad("la_code", f'"{row["la_code"]}" is not a 9-character ONS code (e.g. E92000001)')
        kpi_id = row.get("kpi_id", "")
        if kpi_id and not _KPI_ID.match(kpi_id):
            bad("kpi_id", f'"{kpi_id}" is not a KPI id (e.g. CL-07 or CL-07.known)')
        elif kpi_id and base_id(kpi_id) not in known_kpis:
            bad("kpi_id", f'"{base_id(kpi_id)}" is not in the KPI catalogue')
        period_end = None
        if row.get("period"):
            try:
                period_end = parse_period(row["period"]).end
            except PeriodError as error:
                bad("period", str(error))
        if row.get("comparator_group") and row["comparator_group"] not in GROUPS:
            bad("comparator_group", f'"{row["comparator_group"]}" is not one of {", ".join(GROUPS)}')
        basis = row.get("basis", "")
        if kpi_id.endswith(".known") and basis.rstrip("?") != "known":
            bad("basis", f'"{kpi_id}" is the "of known" variant but the basis is "{basis or "(empty)"}"')
        elif basis.rstrip("?") == "known" and "." not in kpi_id and kpi_id:
            bad("basis", f'basis "known" needs the variant id "{kpi_id}.known"')
        values = {}
        for column in ("value", "numerator", "denominator"):
            cell = row.get(column, "")
            if cell == "":
                values[column] = None  # blank is "not available", never 0
                continue
            try:
                values[column] = _decimal(cell)
            except InvalidOperation:
                bad(column, f'"{cell}" is not a number (leave it empty when not available)')
        suppression = row.get("suppression", "")
        if suppression and values.get("value") is not None and suppression.lower() in SUPPRESSION and suppression.lower() != "k":
            bad("suppression", f'"{suppression}" marks the value as withheld, but a value is given')
        if row.get("old_la_code") and not re.match(r"^\d{3}$", row["old_la_code"]):
            bad("old_la_code", f'"{row["old_la_code"]}" is not a 3-digit DfE code')
        for column, limit in (("la_name", 100), ("source", 300), ("note", 300), ("basis", 100), ("release", 50), ("unit", 30)):
            if len(row.get(column, "")) > limit:
                bad(column, f"longer than {limit} characters")
        if len(problems) == before:
            rows.append({
                "row_number": line, "la_code": row["la_code"], "la_name": row["la_name"], "kpi_id": kpi_id,
                "period": row["period"], "period_end": period_end, "comparator_group": row["comparator_group"],
                "basis": basis, "unit": row.get("unit", ""), "suppression": suppression,
                "old_la_code": row.get("old_la_code", ""), "source": row["source"], "release": row.get("release", ""),
                "note": row.get("note", ""), **values,
            })
    if not rows and not problems:
        problems.append(RowError(file, 1, "(file)", "the file has no rows"))
    return rows, problems


def benchmarks_import(*, path: Path, user=None) -> BenchmarkImport | None:
    """Import a benchmark file: every row, or (on any problem) none. The same file twice is a
    no-op that returns None."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BenchmarkImportError([RowError(path.name, 1, "(file)", f"not UTF-8 ({error.reason} at byte {error.start})")]) from None
    digest = hashlib.sha256(data).hexdigest()
    rows, problems = read_benchmarks(text, file=path.name, known_kpis=_known_kpi_ids())
    if problems:
        raise BenchmarkImportError(problems)
    with transaction.atomic():
        if BenchmarkImport.objects.filter(sha256=digest).exists():
            return None
        batch = BenchmarkImport.objects.create(file_name=path.name[:255], sha256=digest, rows=len(rows),
                                               imported_at=timezone.now(),
                                               imported_by=user if getattr(user, "is_authenticated", False) else None)
        Benchmark.objects.bulk_create([Benchmark(source_file=batch, **row) for row in rows])
        audit_record(user=user, action=AuditEntry.Action.CREATE, what=f"Benchmark import {path.name}"[:100],
                     after={"file": path.name, "sha256": digest, "rows": len(rows)})
    return batch


def demo_benchmarks_load() -> int:
    """The demonstration file of kpis.md §4.1; returns the rows added (0 if already there)."""
    batch = benchmarks_import(path=DEMO_FILE)
    return batch.rows if batch else 0


def _facts(rows) -> list[BenchmarkFact]:
    return [BenchmarkFact(b.la_code, b.la_name, b.kpi_id, b.period, b.value, b.comparator_group, b.basis, b.source,
                          b.note, b.release) for b in rows]


def benchmark_facts(kpi_id: str) -> list[BenchmarkFact]:
    return _facts(Benchmark.objects.filter(kpi_id=kpi_id).order_by("id"))


def benchmark_facts_by_kpi() -> dict[str, list[BenchmarkFact]]:
    """Every imported fact, by KPI id, in one query (for a page that shows every KPI)."""
    out: dict[str, list[BenchmarkFact]] = {}
    for fact in _facts(Benchmark.objects.order_by("id")):
        out.setdefault(fact.kpi_id, []).append(fact)
    return out


def comparators_for(kpi_id: str, period: date | str, *, kpi_basis: str = "all", polarity: str = "context",
                    our_value=None, precision: int = 1, max_months: int = 15, force: bool = False,
                    groups: tuple[str, ...] = ("england", "region", "statistical_neighbours"),
                    facts: list[BenchmarkFact] | None = None) -> list[Comparison]:
    """England, region and statistical neighbours for a KPI at a date (or a period such as "2015-16"),
    each with its own period printed and any basis mismatch labelled (R-19). Figures more than
    `max_months` away, or with no stated period, come back with `comparable` False unless `force`.
    `facts`: the KPI's facts when the caller has read them already (benchmark_facts_by_kpi)."""
    on = period if isinstance(period, date) else parse_period(period).end
    if on is None:
        raise ValueError("comparators_for needs a dated period")
    facts = benchmark_facts(kpi_id) if facts is None else facts
    return choose(facts, kpi_id=kpi_id, on=on, kpi_basis=kpi_basis, polarity=polarity,
                  our_value=our_value, precision=precision, max_months=max_months, force=force, groups=groups)
