"""Finding a year's 903 files and last year's beside them, and running the rules on them.

A return is a CSV set or one XML file. An XML file is read by the importer's reader into the CSV
tables (written to a temporary folder), so it is typed and checked by the same loader and the
same rules; problems and fixes name the XML file and the table, and a finding's row is the n-th
block of that table in the file (EPISODE, AREVIEW, ...), first = 1.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb

from hearth.domain.ssda903_rules import engine
from hearth.domain.ssda903_rules.files import Problem
from hearth.domain.ssda903_rules.load import LoadResult, csv_paths, load_csv_set
from hearth.domain.ssda903_rules.schema import DFE_NAMES
from hearth.returns.ssda903.importer import renamed, write_xml_csvs, xml_tables


@dataclass
class FileValidation:
    loaded: LoadResult
    last_loaded: LoadResult | None
    report: engine.Report | None


def is_xml(path: Path) -> bool:
    return path.suffix.lower() == ".xml" and path.is_file()


def return_paths(target: Path) -> list[Path]:
    """The files of a return a path names: the file itself, a folder's CSVs, or else its XML files."""
    if target.is_dir():
        return csv_paths(target) or sorted(p for p in target.iterdir() if is_xml(p))
    return [target]


def last_year_paths(paths: list[Path], year: int) -> list[Path]:
    """Last year's return, when the given one sits in a folder named for its year (DIR/2025 -> DIR/2024)."""
    for path in paths:
        folder = path if path.is_dir() else path.parent
        if folder.name == str(year):
            sibling = folder.parent / str(year - 1)
            if sibling.is_dir():
                return return_paths(sibling)
    return []


def _load(con: duckdb.DuckDBPyConnection, files: list[Path], suffix: str, tmp: Path) -> LoadResult:
    """Load CSV files and XML returns (converted to CSV tables first) as one year's return."""
    csvs, names, early = [], {}, LoadResult()
    for path in files:
        if not is_xml(path):
            csvs.append(path)
            continue
        got = xml_tables(path)
        if isinstance(got, Problem):
            early.problems.append(got)
            continue
        tables, fixes = got
        early.fixes += fixes
        folder = Path(tempfile.mkdtemp(dir=tmp))
        for csv_path in write_xml_csvs(tables, folder):
            csvs.append(csv_path)
            names[str(csv_path)] = f"{path} ({DFE_NAMES[csv_path.stem]})"
    if not early.ok:
        return early
    loaded = load_csv_set(con, csvs, suffix=suffix, workdir=tmp)
    if names:
        loaded.problems = [renamed(p, names) for p in loaded.problems]
        loaded.fixes = early.fixes + [renamed(f, names) for f in loaded.fixes]
        loaded.files = {t: names.get(n, n) for t, n in loaded.files.items()}
    return loaded


def validate_files(
    paths: list[Path], year: int, last: list[Path] | None = None, only: set[str] | None = None
) -> FileValidation:
    files = [p for target in paths for p in return_paths(target)]
    con = engine.connect()
    with tempfile.TemporaryDirectory() as tmp:
        loaded = _load(con, files, "", Path(tmp))
        if not loaded.ok:
            return FileValidation(loaded, None, None)
        last = last_year_paths(paths, year) if last is None else [p for t in last for p in return_paths(t)]
        last_loaded = _load(con, last, "_last", Path(tmp))
        if not last_loaded.ok:
            return FileValidation(loaded, last_loaded, None)
    return FileValidation(loaded, last_loaded, engine.run(con, year, has_last=bool(last), only=only))
