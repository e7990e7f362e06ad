"""The 903 CSV set: one folder per collection year, the 903's file and column names, in 903 shape."""

import csv
from datetime import date

from hearth.domain.ssda903.tables import COLUMNS
from hearth.synth.simulate import simulate_council
from hearth.synth.to_csv import write_councils_csv, write_national_csv

AS_AT = date(2026, 11, 22)


def read(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_it_writes_each_years_tables_with_the_903_columns(tmp_path):
    council = simulate_council(seed=2, children_in_care=120, as_at=AS_AT, detail=False)
    counts = write_councils_csv([council], tmp_path, range(2017, 2027))
    assert sorted(p.name for p in tmp_path.iterdir()) == [str(y) for y in range(2017, 2027)]
    assert not (tmp_path / "2023" / "sw_episodes.csv").exists()
    assert (tmp_path / "2024" / "sw_episodes.csv").exists()
    assert not (tmp_path / "2026" / "dolo.csv").exists()
    for year in (2017, 2026):
        for table in ("header", "episodes", "reviews", "oc2", "oc3"):
            with open(tmp_path / str(year) / f"{table}.csv", encoding="utf-8") as handle:
                assert handle.readline().strip() == ",".join(COLUMNS[table])
            assert len(read(tmp_path / str(year) / f"{table}.csv")) == counts[(year, table)]
    old, new = read(tmp_path / "2024" / "header.csv"), read(tmp_path / "2025" / "header.csv")
    assert {r["SEX"] for r in old} <= {"1", "2"} and {r["SEX"] for r in new} <= {"M", "F", "U"}
    episodes = read(tmp_path / "2026" / "episodes.csv")
    assert all(len(r["DECOM"]) == 10 and r["DECOM"][2] == "/" for r in episodes)
    headed = {r["CHILD"] for r in new}
    assert {r["CHILD"] for r in read(tmp_path / "2025" / "episodes.csv")} <= headed


def test_the_national_set_has_unique_child_ids_across_councils(tmp_path):
    counts, children = write_national_csv(
        seed=3, children_in_care=300, councils=3, as_at=AS_AT, out_dir=tmp_path, years=range(2017, 2027)
    )
    header = read(tmp_path / "2026" / "header.csv")
    ids = [r["CHILD"] for r in header]
    assert len(ids) == len(set(ids)) == counts[(2026, "header")]
    assert len({i[:3] for i in ids}) == 3 and children > 0
