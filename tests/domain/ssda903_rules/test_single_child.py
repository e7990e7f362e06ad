"""One child's rows, as a form save checks them: loaded without files, and rules over empty tables
skipped, with the same findings as the full path."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from hearth.domain.ssda903.tables import COLUMNS
from hearth.domain.ssda903_rules import engine
from hearth.domain.ssda903_rules.load import csv_paths, load_csv_set, load_rows
from tests.domain.ssda903_rules.fixtures import YEAR, Tables, clean, write
from tests.domain.ssda903_rules.test_rules import CASES


def as_rows(tables: Tables, child: str | None = None) -> dict[str, list[tuple[str, ...]]]:
    return {t: [tuple(r.get(c, "") for c in COLUMNS[t]) for r in rows if child is None or r["CHILD"] == child]
            for t, rows in tables.items()}


def contents(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    return {t: con.execute(f"SELECT * FROM {t} ORDER BY _row").fetchall() for t in COLUMNS}


def test_rows_load_into_the_same_typed_tables_as_the_csv_files(tmp_path) -> None:
    from_files, from_rows = duckdb.connect(), duckdb.connect()
    assert load_csv_set(from_files, csv_paths(write(clean(), tmp_path / "set"))).ok
    load_rows(from_rows, as_rows(clean()))
    assert contents(from_rows) == contents(from_files)
    assert from_rows.execute("SELECT DECOM, DECOM__txt FROM episodes WHERE _row = 2").fetchone()[1] == "10/06/2024"


def test_a_quote_in_a_value_is_kept_as_text() -> None:
    con = duckdb.connect()
    load_rows(con, {"header": [("O'BRIEN", "M", "01/01/2010", "WBRI", "UN1", "", "")]})
    assert con.execute("SELECT CHILD, DOB FROM header").fetchone() == ("O'BRIEN", date(2010, 1, 1))


def run(tables: Tables, child: str | None, skip_empty: bool) -> list[tuple[str, str, int]]:
    con = duckdb.connect()
    load_rows(con, as_rows(tables, child))
    load_rows(con, {}, suffix="_last")
    report = engine.run(con, YEAR, has_last=False, skip_empty=skip_empty)
    assert not report.failed
    return sorted((f.code, f.table, f.row) for f in report.findings)


@pytest.mark.parametrize("child", ["C1", "C2", "C3", "C4"])
def test_skipping_rules_over_empty_tables_finds_the_same_for_one_child(child: str) -> None:
    tables = clean()
    for _, corrupt in CASES[::7]:  # a spread of corruptions at once, so there is something to find
        corrupt(tables)
    assert run(tables, child, skip_empty=True) == run(tables, child, skip_empty=False)
    assert run(tables, child, skip_empty=False), "the corruptions should leave each child something to find"


def test_every_rule_reads_some_table() -> None:
    assert all(engine.sources(r) for r in engine.registry())
