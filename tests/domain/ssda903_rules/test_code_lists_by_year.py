"""Code lists change over the years, and a past return is checked against its own year's list
(ssda903.md 2.20): ACTIV F3/P3 to 2020/21 (then F4/P4 and F5/P5), REC E43/E44 to 2017/18 (then
E45-E48)."""

from __future__ import annotations

import pytest

from tests.domain.ssda903_rules.fixtures import clean, validate


def _with(table: str, column: str, value: str) -> dict:
    tables = clean()
    row = next(r for r in tables[table] if r.get(column))
    row[column] = value
    return tables


@pytest.mark.parametrize(("activ", "year", "flagged"), [
    ("F3", 2021, False), ("P3", 2021, False), ("F3", 2022, True),
    ("F4", 2021, True), ("F4", 2022, False), ("P5", 2025, False),
])
def test_132_reads_activity_against_its_years_list(activ, year, flagged, tmp_path) -> None:  # type: ignore[no-untyped-def]
    report = validate(_with("oc3", "ACTIV", activ), tmp_path, year=year, only={"132"})
    assert report.failed == {}
    assert (report.codes() == {"132"}) is flagged, (activ, year)


@pytest.mark.parametrize(("rec", "year", "flagged"), [
    ("E43", 2018, False), ("E44", 2018, False), ("E43", 2019, True),
    ("E45", 2018, True), ("E45", 2019, False), ("E48", 2025, False),
])
def test_149_reads_reason_ceased_against_its_years_list(rec, year, flagged, tmp_path) -> None:  # type: ignore[no-untyped-def]
    report = validate(_with("episodes", "REC", rec), tmp_path, year=year, only={"149"})
    assert report.failed == {}
    assert (report.codes() == {"149"}) is flagged, (rec, year)
