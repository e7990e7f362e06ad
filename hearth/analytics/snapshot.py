"""A snapshot: the record (or a set of 903 files) as columnar tables that DuckDB reads.

Built once (nightly, or on demand with `hearth snapshot`), saved as Parquet files in its own
folder, and read by every KPI computation, so dashboards never query the live record.
"""

from __future__ import annotations

import csv
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from hearth.analytics import schema
from hearth.domain.kpis.cohorts import PREPARE


@dataclass
class Snapshot:
    con: duckdb.DuckDBPyConnection
    extracted_at: str  # ISO timestamp of the extraction (the record) or of the files' last year
    source: str  # "record" or "903 files"
    council_la: str = ""
    prepared: bool = False

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor of its own for each caller: one connection, many threads (web workers)."""
        return self.con.cursor()

    def prepare(self) -> None:
        """Derive the tables every computation shares (periods of care, placements), once."""
        if not self.prepared:
            self.con.execute(PREPARE)
            self.prepared = True

    def has_rows(self, table: str) -> bool:
        return bool(self.cursor().execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def save(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        for table in schema.TABLES:
            self.con.execute(f"COPY {table} TO '{folder / (table + '.parquet')}' (FORMAT parquet)")
        (folder / "META").write_text(f"{self.extracted_at}\n{self.source}\n{self.council_la}\n")
        return folder


def empty_snapshot(extracted_at: str, source: str, council_la: str = "") -> Snapshot:
    con = duckdb.connect(":memory:")
    con.execute(";\n".join(schema.create_sql(t) for t in schema.TABLES))
    return Snapshot(con, extracted_at, source, council_la)


def load_rows(snap: Snapshot, table: str, rows: Iterable[Iterable[object]]) -> None:
    """Append Python rows to a table through a temporary CSV (far faster than row inserts)."""
    with tempfile.NamedTemporaryFile("w", suffix=".csv", newline="", delete=True) as f:
        writer = csv.writer(f)
        written = 0
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
            written += 1
        if not written:
            return
        f.flush()
        cols = ", ".join(f'"{c}"' for c in schema.columns(table))
        snap.con.execute(
            f"INSERT INTO {table} ({cols}) SELECT * FROM read_csv('{f.name}', header=false, "
            f"columns={{{', '.join(repr(c) + ': ' + repr(_type(table, c)) for c in schema.columns(table))}}}, "
            "nullstr='', delim=',', quote='\"', escape='\"', auto_detect=false)"
        )


def _type(table: str, column: str) -> str:
    for part in schema.TABLES[table].split(", "):
        name, kind = part.split()
        if name.strip('"') == column:
            return kind
    raise KeyError(column)


def read_snapshot(folder: Path) -> Snapshot:
    extracted_at, source, council_la = (folder / "META").read_text().split("\n")[:3]
    con = duckdb.connect(":memory:")
    for table in schema.TABLES:
        con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_parquet('{folder / (table + '.parquet')}')")
    snap = Snapshot(con, extracted_at, source, council_la)
    snap.prepare()
    return snap


# --- From 903 files -------------------------------------------------------------------------

def snapshot_from_903(folders: list[Path], extracted_at: str = "") -> Snapshot:
    """A snapshot from one or more years of 903 CSV sets (one folder per year, as Hearth and the
    DfE tools write them). Rows repeated across years (an episode open over 31 March) are kept
    once, from the latest year, which has the most complete dates.

    Raises ValueError naming every file problem: a snapshot is all or nothing.
    """
    from hearth.domain.ssda903_rules.load import csv_paths, load_csv_set

    snap = empty_snapshot(extracted_at, "903 files")
    con = snap.con
    problems: list[str] = []
    years: list[tuple[int, str]] = []
    for i, folder in enumerate(sorted(folders)):
        suffix = f"_y{i}"
        result = load_csv_set(con, csv_paths(folder), suffix=suffix)
        problems += [f"{folder}: {p}" for p in result.problems]
        year = int(folder.name) if folder.name.isdigit() else i
        years.append((year, suffix))
    if problems:
        raise ValueError("; ".join(problems))

    def union(table: str, cols: str) -> str:
        return " UNION ALL ".join(f"SELECT {year} AS yr, {cols} FROM {table}{suffix}" for year, suffix in years)

    latest = "QUALIFY row_number() OVER (PARTITION BY {key} ORDER BY yr DESC) = 1"
    con.execute(f"""
        INSERT INTO child SELECT h.CHILD, h.SEX, h.DOB, h.ETHNIC, u.CHILD IS NOT NULL, u.DUC, NULL, h.MOTHER = 1
        FROM (SELECT * FROM ({union('header', 'CHILD, SEX, DOB, ETHNIC, MOTHER')}) {latest.format(key='CHILD')}) h
        LEFT JOIN (SELECT * FROM ({union('uasc', 'CHILD, DUC')}) {latest.format(key='CHILD')}) u USING (CHILD);
        INSERT INTO episode SELECT CHILD, DECOM, DEC, RNE, LS, CIN, PLACE, PLACE_PROVIDER, REC, REASON_PLACE_CHANGE, NULL
        FROM ({union('episodes', '*')}) WHERE DECOM IS NOT NULL {latest.format(key='CHILD, DECOM')};
        INSERT INTO review SELECT CHILD, REVIEW, REVIEW_CODE FROM ({union('reviews', '*')})
        WHERE REVIEW IS NOT NULL {latest.format(key='CHILD, REVIEW')};
        INSERT INTO missing SELECT CHILD, MISSING, MIS_START, MIS_END, NULL, NULL FROM ({union('missing', '*')})
        WHERE MIS_START IS NOT NULL {latest.format(key='CHILD, MIS_START')};
        INSERT INTO oc2 SELECT CHILD, yr, SDQ_SCORE, CONVICTED = 1, HEALTH_CHECK = 1, IMMUNISATIONS = 1,
            TEETH_CHECK = 1, HEALTH_ASSESSMENT = 1, SUBSTANCE_MISUSE = 1 FROM ({union('oc2', '*')});
        INSERT INTO oc3 SELECT CHILD, yr, IN_TOUCH, CAST(ACTIV AS VARCHAR), CAST(ACCOM AS VARCHAR)
        FROM ({union('oc3', '*')});
        INSERT INTO ad1 SELECT CHILD, DATE_INT, DATE_MATCH, FOSTER_CARE = 1 FROM ({union('ad1', '*')})
        {latest.format(key='CHILD, DATE_INT')};
        INSERT INTO placed_adoption SELECT CHILD, DATE_PLACED, DATE_PLACED_CEASED FROM ({union('placed_adoption', '*')})
        {latest.format(key='CHILD, DATE_PLACED')};
    """)
    sw = [(y, s) for y, s in years if _has_table(con, f"sw_episodes{s}")]
    if sw:
        sw_union = " UNION ALL ".join(f"SELECT {y} AS yr, * FROM sw_episodes{s}" for y, s in sw)
        con.execute(f"INSERT INTO sw_episode SELECT CHILD, SW_ID, SW_DECOM, SW_DEC FROM ({sw_union}) "
                    f"{latest.format(key='CHILD, SW_ID, SW_DECOM')}")
    for name in [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]:
        if "_y" in name and name.rsplit("_y", 1)[1].isdigit():
            con.execute(f'DROP TABLE "{name}"')
    if not extracted_at and years:
        snap.extracted_at = f"{max(y for y, _ in years)}-03-31"
    snap.prepare()
    return snap


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()[0])


# --- The current snapshot (cached per process) ---------------------------------------------

_lock = threading.Lock()
_cached: dict[str, Snapshot] = {}


def latest_folder(root: Path) -> Path | None:
    folders = sorted(p for p in root.glob("*") if (p / "META").exists()) if root.exists() else []
    return folders[-1] if folders else None


def cached_snapshot(folder: Path) -> Snapshot:
    with _lock:
        key = str(folder)
        if key not in _cached:
            _cached.clear()
            _cached[key] = read_snapshot(folder)
        return _cached[key]
