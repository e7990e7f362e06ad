"""A small, hand-made, clean 903 return for 2024/25 (year 2025), and helpers to corrupt and validate it."""

from __future__ import annotations

import copy
from pathlib import Path

import duckdb

from hearth.domain.ssda903.tables import COLUMNS
from hearth.domain.ssda903_rules import engine
from hearth.domain.ssda903_rules.load import csv_paths, load_csv_set

YEAR = 2025
Tables = dict[str, list[dict[str, str]]]

# C1: girl in care since 2022, OC2 cohort, one move in the year. C2: boy who started care in the year.
# C3: care leaver (19th birthday in the year), OC3 only. C4: boy adopted in the year.
CLEAN: Tables = {
    "header": [
        {"CHILD": "C1", "SEX": "F", "DOB": "20/08/2010", "ETHNIC": "WBRI", "UPN": "A123456789012", "MOTHER": "0"},
        {"CHILD": "C2", "SEX": "M", "DOB": "01/01/2018", "ETHNIC": "BAFR", "UPN": "B123456789012"},
        {"CHILD": "C3", "SEX": "F", "DOB": "10/10/2005", "ETHNIC": "WBRI", "UPN": "UN2"},
        {"CHILD": "C4", "SEX": "M", "DOB": "01/03/2020", "ETHNIC": "MOTH", "UPN": "UN1"},
    ],
    "episodes": [
        {
            "CHILD": "C1",
            "DECOM": "01/02/2022",
            "RNE": "S",
            "LS": "C2",
            "CIN": "N1",
            "PLACE": "U4",
            "PLACE_PROVIDER": "PR1",
            "DEC": "10/06/2024",
            "REC": "X1",
            "REASON_PLACE_CHANGE": "CARPL",
            "HOME_POST": "AB1 2CD",
            "PL_POST": "AB3 4EF",
            "URN": "SC123456",
        },
        {
            "CHILD": "C1",
            "DECOM": "10/06/2024",
            "RNE": "P",
            "LS": "C2",
            "CIN": "N1",
            "PLACE": "K2",
            "PLACE_PROVIDER": "PR4",
            "HOME_POST": "AB1 2CD",
            "PL_POST": "AB5 6GH",
            "URN": "SC654321",
        },
        {
            "CHILD": "C2",
            "DECOM": "15/05/2024",
            "RNE": "S",
            "LS": "V2",
            "CIN": "N4",
            "PLACE": "U6",
            "PLACE_PROVIDER": "PR1",
            "HOME_POST": "CD1 2EF",
            "PL_POST": "CD3 4GH",
            "URN": "SC111111",
        },
        {
            "CHILD": "C4",
            "DECOM": "01/09/2023",
            "RNE": "L",
            "LS": "E1",
            "CIN": "N1",
            "PLACE": "U6",
            "PLACE_PROVIDER": "PR1",
            "DEC": "01/11/2024",
            "REC": "X1",
            "REASON_PLACE_CHANGE": "CARPL",
            "HOME_POST": "EF1 2GH",
            "PL_POST": "EF3 4JK",
            "URN": "SC333333",
        },
        {
            "CHILD": "C4",
            "DECOM": "01/11/2024",
            "RNE": "P",
            "LS": "E1",
            "CIN": "N1",
            "PLACE": "A6",
            "PLACE_PROVIDER": "PR1",
            "DEC": "01/03/2025",
            "REC": "E11",
            "HOME_POST": "EF1 2GH",
            "PL_POST": "EF5 6LM",
            "URN": "SC222222",
        },
    ],
    "reviews": [
        {"CHILD": "C1", "DOB": "20/08/2010", "REVIEW": "01/05/2024", "REVIEW_CODE": "PN1"},
        {"CHILD": "C2", "DOB": "01/01/2018", "REVIEW": "10/06/2024", "REVIEW_CODE": "PN1"},
        {"CHILD": "C4", "DOB": "01/03/2020", "REVIEW": "01/05/2024", "REVIEW_CODE": "PN1"},
    ],
    "oc2": [
        {
            "CHILD": "C1",
            "DOB": "20/08/2010",
            "SDQ_SCORE": "12",
            "CONVICTED": "0",
            "IMMUNISATIONS": "1",
            "TEETH_CHECK": "1",
            "HEALTH_ASSESSMENT": "1",
            "SUBSTANCE_MISUSE": "0",
        },
    ],
    "oc3": [{"CHILD": "C3", "DOB": "10/10/2005", "IN_TOUCH": "YES", "ACTIV": "F2", "ACCOM": "D1"}],
    "ad1": [
        {
            "CHILD": "C4",
            "DOB": "01/03/2020",
            "DATE_INT": "01/08/2023",
            "DATE_MATCH": "15/10/2024",
            "FOSTER_CARE": "0",
            "NB_ADOPTR": "2",
            "SEX_ADOPTR": "MF",
            "LS_ADOPTR": "L11",
        },
    ],
    "placed_adoption": [{"CHILD": "C4", "DOB": "01/03/2020", "DATE_PLACED": "01/08/2023"}],
    "prevperm": [{"CHILD": "C2", "DOB": "01/01/2018", "PREV_PERM": "Z1"}],
    "missing": [
        {"CHILD": "C1", "DOB": "20/08/2010", "MISSING": "M", "MIS_START": "01/07/2024", "MIS_END": "03/07/2024"},
    ],
    "sw_episodes": [
        {"CHILD": "C1", "DOB": "20/08/2010", "SW_ID": "SW123456", "SW_DECOM": "01/02/2022"},
        {"CHILD": "C2", "DOB": "01/01/2018", "SW_ID": "SW222222", "SW_DECOM": "15/05/2024", "SW_REASON": "FCONTA"},
    ],
}


def clean() -> Tables:
    return copy.deepcopy(CLEAN)


def write(tables: Tables, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for table, rows in tables.items():
        cols = COLUMNS[table]
        lines = [",".join(cols)] + [",".join(row.get(c, "") for c in cols) for row in rows]
        (folder / f"{table}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


_TEMPLATE: dict[str, Path] = {}


def _template(folder: Path) -> Path:
    """The clean return loaded once into a DuckDB file; each test copies the tables it did not change."""
    if "path" not in _TEMPLATE:
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / "clean.duckdb"
        con = duckdb.connect(str(db))
        assert load_csv_set(con, csv_paths(write(CLEAN, folder / "clean"))).ok
        con.close()
        _TEMPLATE["path"] = db
    return _TEMPLATE["path"]


def validate(
    tables: Tables, folder: Path, year: int = YEAR, last: Tables | None = None, only: set[str] | None = None
) -> engine.Report:
    con = duckdb.connect()
    changed = {t: rows for t, rows in tables.items() if rows != CLEAN.get(t)}
    keep: set[str] = set()
    if year == YEAR and set(tables) == set(CLEAN):
        con.execute(f"ATTACH '{_template(folder)}' AS tpl (READ_ONLY)")
        for table in COLUMNS:
            if table not in changed:
                con.execute(f"CREATE VIEW {table} AS SELECT * FROM tpl.{table}")  # read only: no copy
                keep.add(table)
        tables = changed
    loaded = load_csv_set(con, csv_paths(write(tables, folder / "this")), keep=keep)
    assert loaded.ok, loaded.problems
    if last is not None:
        assert load_csv_set(con, csv_paths(write(last, folder / "last")), suffix="_last").ok
    else:
        load_csv_set(con, [], suffix="_last")
    return engine.run(con, year, has_last=last is not None, only=only)
