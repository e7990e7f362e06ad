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
from hearth.domain.ssda903_rules.files import CsvFile, Fix, Problem, open_csv

DATE_FORMATS = (
    "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M",
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%d %b %Y", "%d %B %Y", "%d-%b-%Y", "%d-%b-%y",
)
_FORMATS_SQL = "[" + ", ".join(f"'{f}'" for f in DATE_FORMATS) + "]"
WHITESPACE = " \t\u00a0"


@dataclass(slots=True)
class LoadResult:
    """What was read: which file went into which table, what stopped it, what was repaired."""

    files: dict[str, str] = field(default_factory=dict)  # table -> original file name
    problems: list[Problem] = field(default_factory=list)
    fixes: list[Fix] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _text(col: str) -> str:
    return f"NULLIF(trim(\"{col}\", '{WHITESPACE}'), '')"


def _typed(col: str) -> str:
    """SQL turning the raw text column into the typed column(s)."""
    t = _text(col)
    if col in schema.DATE_COLUMNS:
        # Fast path for dd/mm/yyyy (nearly every cell), the format list only for the rest.
        exact = f"TRY_CAST(substr({t}, 7, 4) || '-' || substr({t}, 4, 2) || '-' || substr({t}, 1, 2) AS DATE)"
        other = f"CAST(try_strptime({t}, {_FORMATS_SQL}) AS DATE)"
        parsed = f"(CASE WHEN length({t}) = 10 AND substr({t}, 3, 1) = '/' THEN {exact} ELSE {other} END)"
        return f"CASE WHEN year({parsed}) >= 1900 THEN {parsed} END AS \"{col}\", {t} AS \"{col}__txt\""
    if col in schema.VERBATIM_COLUMNS:
        return f'{t} AS "{col}"'
    up = f"upper({t})"
    if col in schema.NUMBER_COLUMNS:
        up = f"CASE WHEN contains({up}, '.') THEN regexp_replace({up}, '^(\\d+)\\.0+$', '\\1') ELSE {up} END"
    if col == "URN":
        up = (f"CASE WHEN length({up}) < {schema.URN_DIGITS} AND regexp_full_match({up}, '\\d{{5,6}}')"
              f" THEN lpad({up}, {schema.URN_DIGITS}, '0') ELSE {up} END")
    return f'{up} AS "{col}"'


def _fix_counts(con: duckdb.DuckDBPyConnection, raw: str, typed: str, f: CsvFile) -> list[Fix]:
    """Count, per column, the cells the typing changed, by kind of change."""
    checks: list[tuple[str, str, str]] = []
    for col in schema.columns(f.table):
        r, t = f'r."{col}"', f"NULLIF(trim(r.\"{col}\", '{WHITESPACE}'), '')"
        checks.append((col, "stray whitespace removed", f"{r} <> trim({r}, '{WHITESPACE}')"))
        if col in schema.DATE_COLUMNS:
            checks.append(
                (col, "dates read from another format",
                 f"t.\"{col}\" IS NOT NULL AND {t} <> strftime(t.\"{col}\", '%d/%m/%Y')")
            )
        elif col not in schema.VERBATIM_COLUMNS:
            checks.append((col, "codes upper-cased", f"{t} <> upper({t})"))
            if col in schema.NUMBER_COLUMNS:
                checks.append((col, "spreadsheet numbers (1.0) written as whole numbers",
                               f"contains({t}, '.') AND regexp_full_match({t}, '\\d+\\.0+')"))
            if col == "URN":
                checks.append((col, "leading zeros restored", f"length({t}) < 7 AND regexp_full_match({t}, '\\d{{5,6}}')"))
    sums = ", ".join(f"count(*) FILTER (WHERE {cond})" for _, _, cond in checks)
    counts = con.execute(f"SELECT {sums} FROM {raw} r JOIN {typed} t USING (_row)").fetchone() or ()
    blank = con.execute(f"SELECT count(*) FROM {raw} WHERE _blank").fetchone()
    fixes = [Fix(f.name, kind, n, col) for (col, kind, _), n in zip(checks, counts, strict=True) if n]
    if blank and blank[0]:
        fixes.append(Fix(f.name, "blank rows ignored", blank[0]))
    return fixes


def _read(con: duckdb.DuckDBPyConnection, f: CsvFile, target: str, result: LoadResult) -> None:
    cols = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(len(f.header))) + "}"
    raw = f"_raw_{target}"
    rejects = f"_rej_{target}"
    path = str(f.path).replace("'", "''")
    delim = f.delimiter.replace("'", "''")
    try:
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE {raw} AS
            SELECT row_number() OVER () AS _row, * FROM read_csv('{path}', header=false, skip=1, delim='{delim}',
              quote='"', escape='"', auto_detect=false, columns={cols}, null_padding=false,
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
        return
    named = ", ".join(f'c{i} AS "{c}"' for i, c in enumerate(f.header) if c)
    blank = " AND ".join(f"NULLIF(trim(c{i}, '{WHITESPACE}'), '') IS NULL" for i in range(len(f.header)))
    con.execute(f"CREATE OR REPLACE TEMP TABLE {raw} AS SELECT _row, {named}, ({blank}) AS _blank FROM {raw}")
    typed = ", ".join(_typed(c) for c in schema.columns(f.table))
    con.execute(f"CREATE OR REPLACE TABLE {target} AS SELECT _row, {typed} FROM {raw} WHERE NOT _blank")
    result.fixes.extend(f.fixes)
    result.fixes.extend(_fix_counts(con, raw, target, f))
    con.execute(f"DROP TABLE {raw}")


def create_empty(con: duckdb.DuckDBPyConnection, table: str, target: str) -> None:
    cols = ["_row BIGINT"]
    for c in schema.columns(table):
        if c in schema.DATE_COLUMNS:
            cols += [f'"{c}" DATE', f'"{c}__txt" VARCHAR']
        else:
            cols.append(f'"{c}" VARCHAR')
    con.execute(f"CREATE OR REPLACE TABLE {target} ({', '.join(cols)})")


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
        for f in opened:
            _read(con, f, f.table + suffix, result)
    for table in schema.TABLES:
        if table not in result.files and table not in (keep or ()):
            create_empty(con, table, table + suffix)
    return result


def csv_paths(target: Path) -> list[Path]:
    """The CSV files named by a path: the file itself, or every *.csv in a folder."""
    if target.is_dir():
        return sorted(p for p in target.iterdir() if p.suffix.lower() == ".csv" and p.is_file())
    return [target]
