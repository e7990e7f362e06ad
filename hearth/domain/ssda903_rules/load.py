"""Load a 903 CSV set into typed columnar tables (one DuckDB table per 903 table).

Typing happens once, here: text trimmed, codes upper-cased, dates parsed from the usual forms,
spreadsheet damage repaired (1.0 for 1, URNs that lost leading zeros). Rules then read clean
columns and never re-parse. A date column D keeps its text in D__txt so that the "must be a valid
date" rules can still see a value that did not parse. Every table has _row: the row's number among
the file's data rows, first = 1.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from hearth.domain.ssda903_rules import schema
from hearth.domain.ssda903_rules.cursors import each_on_cursors
from hearth.domain.ssda903_rules.files import CsvFile, Fix, Problem, open_csv

DATE_FORMATS = (
    "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M",
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%d %b %Y", "%d %B %Y", "%d-%b-%Y", "%d-%b-%y",
)
_FORMATS_SQL = "[" + ", ".join(f"'{f}'" for f in DATE_FORMATS) + "]"
WHITESPACE = " \t\u00a0"
WORKERS = 2  # files read at once (the machine this is sized for has 2 cores)


@dataclass(slots=True)
class LoadResult:
    """What was read: which file went into which table, what stopped it, what was repaired."""

    files: dict[str, str] = field(default_factory=dict)  # table -> original file name
    problems: list[Problem] = field(default_factory=list)
    fixes: list[Fix] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _trimmed(col: str, ws: str | None) -> str:
    """The cell's text, trimmed of `ws` (None: the column needs no trimming), '' read as blank."""
    return f"NULLIF(\"{col}\", '')" if ws is None else f"NULLIF(trim(\"{col}\", '{ws}'), '')"


def _typed(col: str, ws: str | None, needs: set[str]) -> str:
    """SQL turning the raw text column into the typed column(s), with only the repairs it needs."""
    t = _trimmed(col, ws)
    if col in schema.DATE_COLUMNS:
        # Fast path for dd/mm/yyyy (nearly every cell), the format list only for the rest.
        exact = f"TRY_CAST(substr({t}, 7, 4) || '-' || substr({t}, 4, 2) || '-' || substr({t}, 1, 2) AS DATE)"
        other = f"CAST(try_strptime({t}, {_FORMATS_SQL}) AS DATE)"
        parsed = f"(CASE WHEN length({t}) = 10 AND substr({t}, 3, 1) = '/' THEN {exact} ELSE {other} END)"
        return f"CASE WHEN year({parsed}) >= 1900 THEN {parsed} END AS \"{col}\", {t} AS \"{col}__txt\""
    if col in schema.VERBATIM_COLUMNS:
        return f'{t} AS "{col}"'
    up = f"upper({t})" if "upper" in needs else t
    if "number" in needs:
        up = f"CASE WHEN contains({up}, '.') THEN regexp_replace({up}, '^(\\d+)\\.0+$', '\\1') ELSE {up} END"
    if "urn" in needs:
        up = (f"CASE WHEN length({up}) < {schema.URN_DIGITS} AND regexp_full_match({up}, '\\d{{5,6}}')"
              f" THEN lpad({up}, {schema.URN_DIGITS}, '0') ELSE {up} END")
    return f'{up} AS "{col}"'


def _read(con: duckdb.DuckDBPyConnection, f: CsvFile, target: str, result: LoadResult) -> None:
    cols = list(schema.columns(f.table))
    # Raw columns carry the header's names (an ignored trailing column gets a placeholder).
    raw_names = [c or f"_empty{i}" for i, c in enumerate(f.header)]
    spec = "{" + ", ".join(f"'{c}': 'VARCHAR'" for c in raw_names) + "}"
    raw = f"_raw_{target}"
    rejects = f"_rej_{target}"
    path = str(f.path).replace("'", "''")
    delim = f.delimiter.replace("'", "''")
    try:
        # The raw table keeps the file's row order, so its rowid + 1 is the data row's number.
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE {raw} AS
            SELECT * FROM read_csv('{path}', header=false, skip=1, delim='{delim}',
              quote='"', escape='"', auto_detect=false, columns={spec}, null_padding=false,
              store_rejects=true, rejects_table='{rejects}', rejects_scan='{rejects}_scan')"""
        )
    except duckdb.Error as exc:
        result.problems.append(Problem(f.name, "unreadable", f"not a readable CSV: {str(exc).splitlines()[0]}"))
        return
    for line, error_type, message in con.execute(
        f"SELECT line, first(error_type ORDER BY column_idx), first(error_message ORDER BY column_idx)"
        f" FROM {rejects} GROUP BY line ORDER BY line LIMIT 1000"
    ).fetchall():
        result.problems.append(
            Problem(f.name, "bad_row", f"{str(error_type).lower()}: {message}", row=int(line) - 1)
        )
    if result.problems:
        con.execute(f"DROP TABLE {raw}")
        return
    # Only a file with whitespace at some cell's edge pays for trimming.
    ws = (WHITESPACE if f.odd_whitespace else " ") if f.may_need_trim else None

    # One pass over the raw text counts every repair that does not need the typed value; the
    # typing then applies only the repairs some cell needs.
    checks: list[tuple[str, str, str, str]] = []  # (column, need, kind, condition)
    for col in cols:
        r = f'"{col}"'
        t = _trimmed(col, ws)
        if ws is not None:
            checks.append((col, "trim", "stray whitespace removed", f"{r} <> trim({r}, '{ws}')"))
        if col in schema.DATE_COLUMNS or col in schema.VERBATIM_COLUMNS:
            continue
        checks.append((col, "upper", "codes upper-cased", f"{r} <> upper({r})"))
        if col in schema.NUMBER_COLUMNS:
            checks.append((col, "number", "spreadsheet numbers (1.0) written as whole numbers",
                           f"contains({r}, '.') AND regexp_full_match({t}, '\\d+\\.0+')"))
        if col == "URN":
            checks.append((col, "urn", "leading zeros restored",
                           f"length({t}) < 7 AND regexp_full_match({t}, '\\d{{5,6}}')"))
    blank = " AND ".join(f"{_trimmed(c, ws)} IS NULL" for c in raw_names)
    sums = ", ".join([f"count(*) FILTER (WHERE {blank})"] + [f"count(*) FILTER (WHERE {c})" for *_, c in checks])
    n_blank, *counts = con.execute(f"SELECT {sums} FROM {raw}").fetchone() or (0,)
    needs: dict[str, set[str]] = {c: set() for c in cols}
    fixes = []
    for (col, need, kind, _), n in zip(checks, counts, strict=True):
        if n:
            needs[col].add(need)
            fixes.append(Fix(f.name, kind, n, col))

    typed = ", ".join(_typed(c, ws if "trim" in needs[c] else None, needs[c]) for c in cols)
    keep = f" WHERE NOT ({blank})" if n_blank else ""
    con.execute(f"CREATE OR REPLACE TABLE {target} AS SELECT rowid + 1 AS _row, {typed} FROM {raw}{keep}")
    con.execute(f"DROP TABLE {raw}")

    dates = [c for c in cols if c in schema.DATE_COLUMNS]
    if dates:
        got = con.execute(
            "SELECT " + ", ".join(
                # Same as text <> strftime(date, '%d/%m/%Y') for a parsed date, and cheaper.
                f"count(*) FILTER (WHERE \"{c}\" IS NOT NULL"
                f" AND NOT regexp_full_match(\"{c}__txt\", '\\d\\d/\\d\\d/\\d\\d\\d\\d'))"
                for c in dates
            ) + f" FROM {target}"
        ).fetchone() or ()
        fixes += [Fix(f.name, "dates read from another format", n, c) for c, n in zip(dates, got, strict=True) if n]
    # Report in the table's column order, as before.
    order = {c: i for i, c in enumerate(cols)}
    fixes.sort(key=lambda x: order.get(x.column or "", len(order)))
    result.fixes.extend(f.fixes)
    result.fixes.extend(fixes)
    if n_blank:
        result.fixes.append(Fix(f.name, "blank rows ignored", n_blank))


def _empty_sql(table: str, target: str) -> str:
    cols = ["_row BIGINT"]
    for c in schema.columns(table):
        if c in schema.DATE_COLUMNS:
            cols += [f'"{c}" DATE', f'"{c}__txt" VARCHAR']
        else:
            cols.append(f'"{c}" VARCHAR')
    return f"CREATE OR REPLACE TABLE {target} ({', '.join(cols)})"


def create_empty(con: duckdb.DuckDBPyConnection, table: str, target: str) -> None:
    con.execute(_empty_sql(table, target))


def _read_all(con: duckdb.DuckDBPyConnection, files: list[CsvFile], suffix: str) -> list[LoadResult]:
    """Read each file into its table, two at a time on their own connections (DuckDB reads a
    file of this size on one thread); one LoadResult per file, in the files' order."""
    results = [LoadResult() for _ in files]

    def job(cur: duckdb.DuckDBPyConnection, i: int) -> None:
        _read(cur, files[i], files[i].table + suffix, results[i])

    # Biggest first, so the cursors finish together.
    order = sorted(range(len(files)), key=lambda i: _size(files[i].path), reverse=True)
    each_on_cursors(con, order, job, min(WORKERS, len(files)))
    return results


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def load_csv_set(
    con: duckdb.DuckDBPyConnection,
    paths: list[Path],
    suffix: str = "",
    workdir: Path | None = None,
    keep: set[str] | None = None,
) -> LoadResult:
    """Read the CSV files of one year's return into tables named <table><suffix>.

    Tables without a file are created empty, so every rule can run (except those in `keep`,
    already loaded by the caller). On any problem the
    result lists all of them and the tables must not be used.
    """
    result = LoadResult()
    opened: list[CsvFile] = []
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        for path in paths:
            got = open_csv(path, Path(tmp))
            if isinstance(got, Problem):
                result.problems.append(got)
                continue
            if got.table in result.files:
                result.problems.append(
                    Problem(got.name, "duplicate_table",
                            f"a second {schema.DFE_NAMES[got.table]} file (the first was {result.files[got.table]})")
                )
                continue
            result.files[got.table] = got.name
            opened.append(got)
        if result.problems:
            return result
        for one in _read_all(con, opened, suffix):
            # As if read one after another: a file's repairs count only while no file has failed.
            result.problems.extend(one.problems)
            if not result.problems:
                result.fixes.extend(one.fixes)
    empty = [_empty_sql(t, t + suffix) for t in schema.TABLES if t not in result.files and t not in (keep or ())]
    if empty:
        con.execute(";\n".join(empty))  # one call: these are cheap to run and costly to send one by one
    return result


def csv_paths(target: Path) -> list[Path]:
    """The CSV files named by a path: the file itself, or every *.csv in a folder."""
    if target.is_dir():
        return sorted(p for p in target.iterdir() if p.suffix.lower() == ".csv" and p.is_file())
    return [target]


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def load_rows(con: duckdb.DuckDBPyConnection, rows: dict[str, list[tuple[str, ...]]], suffix: str = "") -> None:
    """Type rows already in the 903's text form (as `tables.rows_for_year` gives them) into the same
    tables `load_csv_set` makes, without files: for one child's few rows, where reading a dozen CSV
    files would cost more than the rules. The typing is the loader's own (`_typed`), with no
    repairs, since these rows come from the record, not from a spreadsheet."""
    statements = []
    for table in schema.TABLES:
        got = rows.get(table) or []
        if not got:
            statements.append(_empty_sql(table, table + suffix))
            continue
        cols = schema.columns(table)
        values = ", ".join(
            "(" + ", ".join([str(i)] + [_literal(v) for v in row]) + ")" for i, row in enumerate(got, start=1)
        )
        names = ", ".join(["_row"] + [f'"{c}"' for c in cols])
        typed = ", ".join(_typed(c, " ", set()) for c in cols)
        statements.append(
            f"CREATE OR REPLACE TABLE {table}{suffix} AS SELECT CAST(_row AS BIGINT) AS _row, {typed}"
            f" FROM (VALUES {values}) AS raw({names}) ORDER BY _row"
        )
    con.execute(";\n".join(statements))
