"""A small generated council's 903 CSV set (in memory, then files), shared by the import tests."""

from __future__ import annotations

import csv
import hashlib
import shutil
from datetime import date
from pathlib import Path

import pytest

from hearth.records import models as m
from hearth.synth.simulate import collection_years, simulate_council
from hearth.synth.to_csv import write_councils_csv

AS_AT = date(2026, 11, 22)
RECORD_MODELS = (m.Child, m.Episode, m.Review, m.MissingEpisode, m.AnnualOutcome, m.CareLeaverBirthday, m.Adoption,
                 m.PlacedForAdoption, m.PreviousPermanence, m.DeprivationOfLiberty, m.Allocation, m.Worker, m.Team)


@pytest.fixture(scope="session")
def council():
    return simulate_council(seed=3, children_in_care=60, as_at=AS_AT)


@pytest.fixture(scope="session")
def generated_csv(council, tmp_path_factory) -> Path:
    """DIR/<year>/<table>.csv for the ten collection years, as the generator writes them."""
    out = tmp_path_factory.mktemp("generated")
    write_councils_csv([council], out, collection_years(AS_AT))
    return out


@pytest.fixture
def year_set(generated_csv, tmp_path):
    """A private copy of one year's set, free to spoil: year_set(2026) -> tmp/2026."""

    def copy(year: int) -> Path:
        return Path(shutil.copytree(generated_csv / str(year), tmp_path / "sets" / str(year)))

    return copy


def record_digest() -> dict[str, tuple[int, str]]:
    """Per model: row count and a hash of every row, ids included (an idempotent import moves nothing)."""
    out = {}
    for model in RECORD_MODELS:
        rows = list(model.objects.order_by("pk").values_list())
        out[model.__name__] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return out


def edit_cell(path: Path, row: int, column: str, value: str) -> None:
    """Set one cell of a 903 CSV; row counts data rows from 1, as the importer reports them."""
    with open(path, newline="", encoding="utf-8") as f:
        lines = list(csv.reader(f))
    lines[row][lines[0].index(column)] = value
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(lines)


def cell(path: Path, row: int, column: str) -> str:
    with open(path, newline="", encoding="utf-8") as f:
        lines = list(csv.reader(f))
    return lines[row][lines[0].index(column)]
