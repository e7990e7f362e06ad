"""A snapshot made from 903 files gives the same figures as one made from the record holding the
same children, for every KPI the 903 alone can answer; KPIs that need Hearth's own records say
"no data" rather than 0. And `hearth kpis` prints one record per KPI."""

import csv
import io
import json
from datetime import date

import pytest
from django.core.management import call_command

from hearth.analytics import engine
from hearth.analytics.extract import snapshot_from_record
from hearth.analytics.snapshot import snapshot_from_903
from hearth.synth.simulate import collection_years, simulate_council
from hearth.synth.to_csv import write_councils_csv
from hearth.synth.to_database import council_write

AS_AT = date(2026, 11, 22)
YEAR_END = date(2026, 3, 31)  # the last complete collection year in the files
FROM_903 = ["POP-01", "POP-04", "POP-07", "POP-15", "PLC-02", "PLC-03", "PLC-04", "PLC-05", "PLC-06", "STB-01",
            "STB-02", "CL-01", "CL-04", "CL-05", "CL-06", "CL-07", "YJ-03", "HLT-01", "HLT-02", "MIS-02"]


@pytest.fixture(scope="module")
def council():
    return simulate_council(seed=3, children_in_care=60, as_at=AS_AT)


@pytest.fixture(scope="module")
def files(council, tmp_path_factory):
    out = tmp_path_factory.mktemp("national")
    write_councils_csv([council], out, collection_years(AS_AT))
    return sorted(p for p in out.iterdir() if p.is_dir())


def test_files_and_record_agree(db, council, files):
    council_write(council)
    from_record = engine.evaluate(snapshot_from_record(AS_AT), YEAR_END, FROM_903)
    from_files = engine.evaluate(snapshot_from_903(files), YEAR_END, FROM_903)
    assert from_record["POP-01"].value > 30  # a real council, not an empty one
    differ = {k: (from_record[k].value, from_files[k].value) for k in FROM_903
              if (from_record[k].numerator, from_record[k].denominator) != (from_files[k].numerator, from_files[k].denominator)}
    assert differ == {}


def test_record_only_kpis_say_no_data_from_files(files):
    results = engine.evaluate(snapshot_from_903(files), YEAR_END, ["CL-L05", "TML-01", "WF-01"])
    assert {r.status for r in results.values()} == {"no_data"}
    assert all(r.value is None for r in results.values())


def test_a_bad_file_set_is_refused_with_its_problems(tmp_path):
    year = tmp_path / "2025"
    year.mkdir()
    (year / "episodes.csv").write_text("this is not,a 903 file\n1,2\n")
    with pytest.raises(ValueError, match="2025"):
        snapshot_from_903([year])


def test_kpis_command_prints_one_record_per_kpi(db, files):
    out = io.StringIO()
    call_command("kpis", "--as-at", "2026-03-31", "--format", "csv", "--from-903", *map(str, files), stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 206
    by_id = {r["id"]: r for r in rows}
    assert by_id["POP-01"]["status"] == "ok" and int(by_id["POP-01"]["numerator"]) > 30
    assert by_id["STB-01"]["period"] == "at 31 Mar 2026"
    assert by_id["POP-04"]["period"] == "1 Apr 2025 to 31 Mar 2026"
    assert by_id["SUF-07"]["status"] == "not_computable"
    out = io.StringIO()
    call_command("kpis", "--as-at", "2026-03-31", "--format", "json", "--from-903", *map(str, files), stdout=out)
    assert {r["id"] for r in json.loads(out.getvalue())} == set(by_id)


def test_kpis_command_rejects_a_bad_date():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("kpis", "--as-at", "31/03/2025")
