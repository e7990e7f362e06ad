"""Run the 903 rules for a collection year and say which ran, which were skipped, which are missing.

The registry is collected from every module in `rules/`: each module has a RULES list. Two
versions of one code must not be in force in the same year (checked at import).
"""

from __future__ import annotations

import csv
import importlib
import pkgutil
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import duckdb

from hearth.domain.ssda903_rules import derive, rules
from hearth.domain.ssda903_rules.cursors import each_on_cursors
from hearth.domain.ssda903_rules.rule import EARLIEST, LATEST, Rule
from hearth.domain.ssda903_rules.schema import DFE_NAMES, TABLES

WORKERS = 2  # connections running rules at once (the machine this is sized for has 2 cores)


def connect() -> duckdb.DuckDBPyConnection:
    """A connection for loading and validating: one thread per query.

    The loader and the rules already keep two cores busy with two cursors (`cursors.py`). Letting
    DuckDB also split each query over a thread per core cost about a third more CPU and more wall
    time on the shared 2-core machine (bench/RESULTS.md, 22 Nov 2026); one child's few rows gain
    nothing from it either.
    """
    return duckdb.connect(config={"threads": 1})


class DuplicateRule(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    table: str  # the file's table name (episodes, header, ...)
    row: int  # data row in that file, first = 1
    child: str | None
    fields: tuple[str, ...]
    severity: str
    message: str


@dataclass(slots=True)
class Report:
    year: int
    findings: list[Finding] = field(default_factory=list)
    ran: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # need last year's return, which was not given
    failed: dict[str, str] = field(default_factory=dict)  # a rule that raised: a bug in Hearth
    not_implemented: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def codes(self) -> set[str]:
        return {f.code for f in self.findings}


@cache
def registry() -> tuple[Rule, ...]:
    found: list[Rule] = []
    for info in pkgutil.iter_modules(rules.__path__):
        module = importlib.import_module(f"{rules.__name__}.{info.name}")
        found.extend(getattr(module, "RULES", ()))
    by_code: dict[str, list[Rule]] = defaultdict(list)
    for rule in found:
        for other in by_code[rule.code]:
            if rule.first <= other.last and other.first <= rule.last:
                raise DuplicateRule(f"rule {rule.code} is registered twice for overlapping years")
        by_code[rule.code].append(rule)
    return tuple(found)


def rules_for(year: int) -> list[Rule]:
    return [r for r in registry() if r.in_force(year)]


def _year_of(label: str) -> int:
    """'2024/25' -> 2025; '<=2022/23' -> the earliest year."""
    if label.startswith("<="):
        return EARLIEST
    return int(label.split("/")[0]) + 1


@cache
def catalogue() -> tuple[tuple[str, int, int, str], ...]:
    """(code, first, last, paraphrase) for every rule version in the DfE catalogue (ssda903-rules.csv)."""
    text = resources.files("hearth.domain.ssda903_rules").joinpath("catalogue.csv").read_text("utf-8")
    out = []
    for row in csv.DictReader(text.splitlines()):
        para = row["paraphrase"]
        last = LATEST
        if para.startswith("[to "):
            last = _year_of(para[4:para.index("]")])
        out.append((row["code"], _year_of(row["year_from"]), last, para))
    return tuple(out)


def in_force_codes(year: int) -> list[str]:
    return sorted({c for c, first, last, _ in catalogue() if (first <= EARLIEST or first <= year) and year <= last})


def coverage(year: int) -> tuple[list[str], list[str]]:
    """(implemented, not implemented) codes among the catalogue's rules in force this year."""
    have = {r.code for r in rules_for(year)}
    codes = in_force_codes(year)
    return [c for c in codes if c in have], [c for c in codes if c not in have]


# Where a derived table's rows come from: _epi has a row per episode, _child per header row, _sw
# per SWEpisodes row.
_SOURCES = {"_epi": "episodes", "_child": "header", "_sw": "sw_episodes"}
_NAME = re.compile(r"\b(_?[a-z][a-z0-9_]*)\b")


@cache
def sources(rule: Rule) -> frozenset[str]:
    """The loaded tables (this year's and *_last) whose rows a rule's SQL can report on."""
    out = set()
    for name in _NAME.findall(rule.sql):
        base, last = (name[:-5], "_last") if name.endswith("_last") else (name, "")
        base = _SOURCES.get(base, base)
        if base in TABLES:
            out.add(base + last)
    return frozenset(out)


def run(con: duckdb.DuckDBPyConnection, year: int, has_last: bool, only: set[str] | None = None,
        skip_empty: bool = False) -> Report:
    """Run every rule in force for the year over tables already loaded into `con`.

    With `skip_empty` (for one child's few rows, where planning each query costs more than running
    it), a rule is not run when every table it reads is empty: a SELECT over empty tables returns
    no rows. It still counts as run.
    """
    began = time.perf_counter()
    report = Report(year)
    derive.prepare(con, year, has_last)
    empty: set[str] = set()
    if skip_empty:
        names = [t + sfx for t in TABLES for sfx in (("", "_last") if has_last else ("",))]
        counts = con.execute("SELECT " + ", ".join(f"(SELECT count(*) FROM {n})" for n in names)).fetchone() or ()
        empty = {n for n, c in zip(names, counts, strict=True) if not c}
    chosen = []
    for rule in rules_for(year):
        if only is not None and rule.code not in only:
            continue
        if rule.needs_last and not has_last:
            report.skipped.append(rule.code)
            continue
        if skip_empty and sources(rule) and sources(rule) <= empty:
            report.ran.append(rule.code)
            continue
        chosen.append(rule)
    by_index = dict(enumerate(chosen))
    rows = _run_rules(con, year, by_index, report)
    report.ran.extend(r.code for i, r in by_index.items() if r.code not in report.failed)
    report.findings.extend(
        Finding(by_index[k].code, tbl, int(row), child, by_index[k].fields, by_index[k].severity, by_index[k].message)
        for k, tbl, row, child in rows
    )
    report.not_implemented = coverage(year)[1]
    report.seconds = time.perf_counter() - began
    return report


Row = tuple[int, str, int, str]
# Measured: one statement per rule (a few ms each) beats batching a table's simple rules into one
# scan, which DuckDB plans and runs more slowly than the rules alone.


def _run_rule(con: duckdb.DuckDBPyConnection, year: int, rule: Rule) -> list[tuple[str, int, str]] | str:
    """The rule's rows, distinct and ordered by table and row, or the first line of its error."""
    try:
        sql = derive.substitute(rule.sql, year)
        return con.execute(f"SELECT DISTINCT tbl, _row, CHILD FROM ({sql}) ORDER BY tbl, _row").fetchall()
    except (duckdb.Error, KeyError, ValueError) as exc:
        return str(exc).splitlines()[0]


def _run_rules(con: duckdb.DuckDBPyConnection, year: int, by_index: dict[int, Rule], report: Report) -> list[Row]:
    """Run each rule alone, so that one broken rule is named and the others still report.

    Two connections take rules from one queue (DuckDB runs most of these small queries on one
    thread); the result is as if they ran in order.
    """
    got: dict[int, list[tuple[str, int, str]] | str] = {}

    def job(cur: duckdb.DuckDBPyConnection, i: int) -> None:
        got[i] = _run_rule(cur, year, by_index[i])

    each_on_cursors(con, list(by_index), job, min(WORKERS, len(by_index)))
    rows: list[Row] = []
    for i in sorted(got):
        out = got[i]
        if isinstance(out, str):
            report.failed[by_index[i].code] = out
        else:
            rows.extend((i, tbl, row, child) for tbl, row, child in out)
    return rows


def findings_csv_lines(report: Report) -> list[str]:
    """One line per finding: rule code, table, row number in that file, child id, fields."""
    lines = []
    for f in report.findings:
        lines.append(",".join([f.code, DFE_NAMES.get(f.table, f.table), str(f.row), f.child or "", ";".join(f.fields)]))
    return lines
