"""Benchmark import (kpis.md §4.4): all or nothing, every bad row named; the demonstration file; comparators."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from hearth.accounts.audit import AuditEntry
from hearth.analytics.benchmarks import (
    DEMO_FILE,
    BenchmarkImportError,
    benchmarks_import,
    comparators_for,
    demo_benchmarks_load,
)
from hearth.analytics.models import Benchmark, BenchmarkImport

pytestmark = pytest.mark.django_db

HEADER = "la_code,la_name,kpi_id,period,value,comparator_group,basis,source,note"
GOOD = "E92000001,England,CL-05,2015-16,49.28,england,all,000 L721,"


def write(tmp_path, *lines, name="bench.csv", header=HEADER):
    path = tmp_path / name
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def problems(path):
    with pytest.raises(BenchmarkImportError) as raised:
        benchmarks_import(path=path)
    assert not Benchmark.objects.exists() and not BenchmarkImport.objects.exists()
    return [str(p) for p in raised.value.problems]


class TestDemonstrationFile:
    def test_every_row_of_the_reference_table_imports(self):
        assert demo_benchmarks_load() == 135
        assert Benchmark.objects.count() == 135
        assert AuditEntry.objects.get().what == "Benchmark import benchmarks-demo.csv"

    def test_blank_cells_stay_blank_never_zero(self):
        demo_benchmarks_load()
        blanks = Benchmark.objects.filter(value__isnull=True)
        assert sorted(blanks.values_list("la_name", "comparator_group")) == [("Lancashire", "statistical_neighbours"), ("North West", "region")]
        assert not Benchmark.objects.filter(value=0).exists()

    def test_values_periods_and_bases_as_in_the_source(self):
        demo_benchmarks_load()
        row = Benchmark.objects.get(kpi_id="CL-07.known")
        assert (row.value, row.basis, row.period, row.period_end, row.note) == (
            Decimal("90"), "known", "2014-15", date(2015, 3, 31), 'printed as "over 90%" — a lower bound')
        assert Benchmark.objects.get(kpi_id="POP-03", comparator_group="england", period="2011–2016").value == Decimal("7.5")
        assert Benchmark.objects.filter(period="n/s", period_end__isnull=True).count() == 18

    def test_the_same_file_twice_changes_nothing(self):
        demo_benchmarks_load()
        assert demo_benchmarks_load() == 0 and Benchmark.objects.count() == 135


class TestBadInput:
    def test_one_bad_row_among_good_ones_means_nothing_is_imported(self, tmp_path):
        path = write(tmp_path, GOOD, "E92000001,England,CL-05,2015-16,4x,england,all,000 L721,", GOOD)
        assert problems(path) == ['bench.csv, row 3, column value: "4x" is not a number (leave it empty when not available)']

    def test_every_problem_in_the_file_is_listed(self, tmp_path):
        path = write(tmp_path,
                     "E92000001,England,XX-01,2015-16,1,england,all,s,",
                     "E92000001,England,CL-05,2015/15,1,england,all,s,",
                     "E92000001,England,CL-05,2015-15,1,england,all,s,",
                     "E92000001,England,CL-05,2015-16,1,county,all,s,",
                     "E9200001,England,CL-05,2015-16,1,england,all,s,",
                     "E92000001,England,cl 5,2015-16,1,england,all,s,",
                     ",England,CL-05,2015-16,1,england,all,,")
        assert problems(path) == [
            'bench.csv, row 2, column kpi_id: "XX-01" is not in the KPI catalogue',
            'bench.csv, row 3, column period: "2015/15" is not a period: use YYYY-YY, YYYY-MM-DD, YYYY-MM, YYYY or n/s',
            'bench.csv, row 4, column period: "2015-15" is not a DfE year: the second year must follow the first (e.g. 2015-16)',
            'bench.csv, row 5, column comparator_group: "county" is not one of la, england, region, statistical_neighbours, target, peer_example',
            'bench.csv, row 6, column la_code: "E9200001" is not a 9-character ONS code (e.g. E92000001)',
            'bench.csv, row 7, column kpi_id: "cl 5" is not a KPI id (e.g. CL-07 or CL-07.known)',
            "bench.csv, row 8, column la_code: required, but empty",
            "bench.csv, row 8, column source: required, but empty",
        ]

    def test_a_variant_of_a_known_kpi_is_accepted_and_an_unknown_base_refused(self, tmp_path):
        assert problems(write(tmp_path, "E92000001,England,ZZ-14.bnb,2014-15,1,england,known,s,", name="b2.csv")) == [
            'b2.csv, row 2, column kpi_id: "ZZ-14" is not in the KPI catalogue']
        assert benchmarks_import(path=write(tmp_path, "E92000001,England,CL-14.bnb,2014-15,1,england,known,s,")).rows == 1

    @pytest.mark.parametrize("line, reason", [
        ("E92000001,England,CL-07.known,2014-15,90,england,all,s,", 'column basis: "CL-07.known" is the "of known" variant but the basis is "all"'),
        ("E92000001,England,CL-07,2014-15,90,england,known,s,", 'column basis: basis "known" needs the variant id "CL-07.known"'),
    ])
    def test_a_basis_that_does_not_match_the_kpi_is_refused(self, tmp_path, line, reason):
        assert problems(write(tmp_path, line)) == [f"bench.csv, row 2, {reason}"]

    def test_a_missing_required_column_is_named(self, tmp_path):
        path = write(tmp_path, "E92000001,England,CL-05,2015-16,1,england", header="la_code,la_name,kpi_id,period,value,comparator_group")
        assert problems(path) == ["bench.csv, row 1, column source: required column is missing from the header"]

    def test_an_unknown_column_is_named(self, tmp_path):
        path = write(tmp_path, GOOD + ",x", header=HEADER + ",colour")
        assert problems(path) == ["bench.csv, row 1, column colour: not a column of the benchmark format (kpis.md §4.4)"]

    def test_a_row_with_too_many_cells_is_named(self, tmp_path):
        assert problems(write(tmp_path, GOOD + ",extra")) == ["bench.csv, row 2, column (end of row): more cells than columns in the header"]

    def test_counts_suppression_and_old_codes_are_checked(self, tmp_path):
        header = HEADER + ",numerator,denominator,suppression,old_la_code"
        path = write(tmp_path, GOOD + ",12,n/a,,88", "E10000017,Lancashire,CL-05,2015-16,5,la,all,s,,,,c,888", header=header)
        assert problems(path) == [
            'bench.csv, row 2, column denominator: "n/a" is not a number (leave it empty when not available)',
            'bench.csv, row 2, column old_la_code: "88" is not a 3-digit DfE code',
            'bench.csv, row 3, column suppression: "c" marks the value as withheld, but a value is given',
        ]

    def test_a_suppressed_cell_imports_as_not_available(self, tmp_path):
        header = HEADER + ",suppression"
        benchmarks_import(path=write(tmp_path, "E10000017,Lancashire,CL-05,2015-16,,la,all,s,,c", header=header))
        assert Benchmark.objects.get().value is None and Benchmark.objects.get().suppression == "c"

    def test_a_file_that_is_not_utf8_is_refused(self, tmp_path):
        path = tmp_path / "latin.csv"
        path.write_bytes((HEADER + "\nE92000001,England,CL-05,2015-16,1,england,all,Sal\xe9,\n").encode("latin-1"))
        assert problems(path)[0].startswith("latin.csv, row 1, column (file): not UTF-8")

    def test_an_empty_file_is_refused(self, tmp_path):
        assert problems(write(tmp_path)) == ["bench.csv, row 1, column (file): the file has no rows"]


class TestCommand:
    def test_it_imports_and_reports_the_rows(self, capsys):
        call_command("benchmarks", "import", str(DEMO_FILE))
        assert capsys.readouterr().out.strip() == "benchmarks-demo.csv: 135 benchmark rows imported."
        call_command("benchmarks", "import", str(DEMO_FILE))
        assert "already imported" in capsys.readouterr().out

    def test_it_lists_every_problem_and_fails(self, tmp_path, capsys):
        path = write(tmp_path, GOOD, "E92000001,England,CL-05,2015-16,x,england,all,s,")
        with pytest.raises(CommandError, match="bench.csv: 1 problem\\(s\\); nothing imported."):
            call_command("benchmarks", "import", str(path))
        assert 'bench.csv, row 3, column value: "x" is not a number' in capsys.readouterr().err
        assert not Benchmark.objects.exists()

    def test_a_missing_file_is_an_error(self, tmp_path):
        with pytest.raises(CommandError, match="no such file"):
            call_command("benchmarks", "import", str(tmp_path / "nope.csv"))


class TestComparatorsFor:
    def test_england_region_and_neighbours_with_their_periods(self):
        demo_benchmarks_load()
        got = comparators_for("CL-05", date(2016, 3, 31), polarity="up", our_value=40.96)
        assert [(c.label, c.value_text, c.period, c.basis_note, c.comparable) for c in got] == [
            ("England", "49.28", "year to 31 Mar 2016", "", True),
            ("Region", "47.95", "year to 31 Mar 2016", 'basis "all" not confirmed', True),
            ("Statistical neighbours", "49.8", "year to 31 Mar 2016", 'basis "all" not confirmed', True),
        ]
        assert got[0].against_us.words == "Down (worse)"

    def test_a_period_string_is_accepted_and_a_blank_is_not_available(self):
        demo_benchmarks_load()
        got = {c.group: c for c in comparators_for("CL-04", "2014-15")}
        assert got["region"].value_text == "not available" and not got["region"].comparable
        assert got["england"].value_text == "85.62" and got["england"].basis_note == ""

    def test_a_different_basis_is_labelled(self):
        demo_benchmarks_load()
        [england] = comparators_for("CL-04", "2014-15", kpi_basis="in touch and data provided", groups=("england",))
        assert england.value_text == "88" and england.basis_note == ""
        [england] = comparators_for("CL-07", "2014-15", kpi_basis="known", groups=("england",))
        assert england.basis_note == 'different basis: "all", not "known"'

    def test_far_off_periods_are_shown_but_not_compared(self):
        demo_benchmarks_load()
        [england] = comparators_for("POP-01", date(2026, 3, 31), groups=("england",))
        assert (england.value_text, england.comparable) == ("70440", False)
        assert england.refusal == "31 Mar 2016 is 120 months from 31 Mar 2026"
