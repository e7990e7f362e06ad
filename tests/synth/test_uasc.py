"""Generated UASC keep the DfE's UASC rules in every year: DUC itself (104, 304) and the story it tells
from one year to the next (205A-D), including UASC who left care early and come back as care leavers."""

from pathlib import Path

import duckdb

from hearth.domain.ssda903.cohorts import oc3_age
from hearth.domain.ssda903.years import collection_year_of
from hearth.domain.ssda903_rules import engine
from hearth.domain.ssda903_rules.load import csv_paths, load_csv_set
from hearth.synth.simulate import collection_years
from hearth.synth.to_csv import write_councils_csv

UASC_RULES = {"104", "304", "205A", "205B", "205C", "205D", "1014"}
EARLY = ("E15", "E16")  # age assessed as an adult; moved abroad


def _findings(out: Path, year: int, tmp: Path) -> list[tuple[int, str, str | None]]:
    con = duckdb.connect()
    assert load_csv_set(con, csv_paths(out / str(year)), workdir=tmp).ok
    assert load_csv_set(con, csv_paths(out / str(year - 1)), suffix="_last", workdir=tmp).ok
    report = engine.run(con, year, has_last=True, only=UASC_RULES)
    assert report.failed == {}, report.failed
    return [(year, f.code, f.child) for f in report.findings]


def test_uasc_who_left_care_early_are_in_the_next_years_return(council):
    """The case 205A is about is exercised: early leavers in the next year's return, in OC3 only."""
    later = [
        c for c in council.children
        if c.history.uasc and c.history.episodes and c.history.episodes[-1].rec in EARLY
        and oc3_age(c.history, collection_year_of(c.history.episodes[-1].dec) + 1) is not None
    ]
    assert len(later) >= 5


def test_every_year_keeps_the_uasc_rules(council, tmp_path):
    years = collection_years(council.as_at)
    write_councils_csv([council], tmp_path / "out", years)
    found = [f for year in years[1:] for f in _findings(tmp_path / "out", year, tmp_path)]
    assert found == [], found[:10]


def test_an_early_leavers_duc_is_the_day_they_left_care(council):
    for child in council.children:
        h = child.history
        if not (h.uasc and h.episodes and h.episodes[-1].rec in EARLY):
            continue
        last = h.episodes[-1]
        assert h.duc == last.dec, h.child
        # Left before their first 31 March in care: no return shows them UASC at a year end with
        # a DUC other than the 18th birthday (205B).
        assert collection_year_of(last.dec) == collection_year_of(h.episodes[0].decom), h.child
