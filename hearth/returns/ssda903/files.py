"""Finding a year's 903 files and last year's beside them, and running the rules on them."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb

from hearth.domain.ssda903_rules import engine
from hearth.domain.ssda903_rules.load import LoadResult, csv_paths, load_csv_set


@dataclass
class FileValidation:
    loaded: LoadResult
    last_loaded: LoadResult | None
    report: engine.Report | None


def last_year_paths(paths: list[Path], year: int) -> list[Path]:
    """Last year's CSVs, when the given set sits in a folder named for its year (DIR/2025 -> DIR/2024)."""
    for path in paths:
        folder = path if path.is_dir() else path.parent
        if folder.name == str(year):
            sibling = folder.parent / str(year - 1)
            if sibling.is_dir():
                return csv_paths(sibling)
    return []


def validate_files(
    paths: list[Path], year: int, last: list[Path] | None = None, only: set[str] | None = None
) -> FileValidation:
    files = [p for target in paths for p in csv_paths(target)]
    con = duckdb.connect()
    with tempfile.TemporaryDirectory() as tmp:
        loaded = load_csv_set(con, files, workdir=Path(tmp))
        if not loaded.ok:
            return FileValidation(loaded, None, None)
        last = last_year_paths(paths, year) if last is None else last
        last_loaded = load_csv_set(con, last, suffix="_last", workdir=Path(tmp))
        if not last_loaded.ok:
            return FileValidation(loaded, last_loaded, None)
    return FileValidation(loaded, last_loaded, engine.run(con, year, has_last=bool(last), only=only))
