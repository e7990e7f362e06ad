"""The engine: registry, coverage, and every rule running cleanly on empty, minimal and full inputs."""

from __future__ import annotations

import duckdb
import pytest

from hearth.domain.ssda903_rules import engine
from hearth.domain.ssda903_rules.load import load_csv_set
from hearth.domain.ssda903_rules.rule import Rule, where
from tests.domain.ssda903_rules.fixtures import CLEAN, clean, validate

YEARS = (2024, 2025, 2026, 2027)


def test_the_registry_has_no_code_twice_in_one_year() -> None:
    for year in YEARS:
        codes = [r.code for r in engine.rules_for(year)]
        assert len(codes) == len(set(codes)), year


def test_duplicate_codes_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    twin: Rule = where("101", "header", "false", "SEX", "twin")
    module = type("M", (), {"RULES": [twin]})
    monkeypatch.setattr(engine.importlib, "import_module", lambda name: module)
    engine.registry.cache_clear()
    try:
        with pytest.raises(engine.DuplicateRule):
            engine.registry()
    finally:
        monkeypatch.undo()
        engine.registry.cache_clear()


def test_coverage_matches_the_catalogue_counts() -> None:
    # ssda903.md §5.4: rules in force per year.
    for year, count in ((2024, 312), (2025, 305), (2026, 316), (2027, 327)):
        have, missing = engine.coverage(year)
        assert len(have) + len(missing) == count
        assert len(have) >= count - 40


@pytest.mark.parametrize("year", YEARS)
def test_every_rule_runs_on_empty_input(year: int) -> None:
    con = duckdb.connect()
    load_csv_set(con, [])
    load_csv_set(con, [], suffix="_last")
    report = engine.run(con, year, has_last=True)
    assert report.failed == {}
    assert report.findings == []
    assert not report.skipped


@pytest.mark.parametrize("year", YEARS)
def test_every_rule_runs_on_minimal_and_full_input(year: int, tmp_path) -> None:  # type: ignore[no-untyped-def]
    minimal = {"header": CLEAN["header"][:1], "episodes": CLEAN["episodes"][:1]}
    for tables, folder in ((minimal, "min"), (clean(), "full")):
        report = validate(tables, tmp_path / folder, year=year, last=clean())
        assert report.failed == {}, report.failed
        assert len(report.ran) == len(engine.rules_for(year))


def test_rules_that_need_last_year_are_skipped_without_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    report = validate(clean(), tmp_path)
    assert "502" in report.skipped and "502" not in report.ran
    assert "502" in engine.in_force_codes(2025)


def test_the_open_episode_must_be_carried_from_last_year(tmp_path) -> None:  # type: ignore[no-untyped-def]
    last = clean()
    last["episodes"][1]["DECOM"] = "11/06/2024"  # last year's open episode started on another day
    last["episodes"][0]["DEC"] = "11/06/2024"
    report = validate(clean(), tmp_path, last=last, only={"502"})
    assert report.codes() == {"502"}
