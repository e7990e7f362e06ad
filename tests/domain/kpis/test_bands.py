"""Threshold bands (kpis.md §3): the source notation, validation and banding, on the Lancashire tables."""

from datetime import date
from decimal import Decimal

import pytest

from hearth.domain.kpis.band_tables import cell_number, lancashire_actuals, lancashire_rows, lancashire_schemes
from hearth.domain.kpis.bands import (
    FOUR_BANDS,
    RAG,
    Band,
    BandScheme,
    NotationError,
    band_for,
    errors,
    format_value,
    is_defective,
    parse_cell,
    reading_for,
    round_to,
    scheme_from_cells,
    scheme_from_cuts,
    target_scheme,
    validate,
)

D = Decimal
RI = "Requires improvement"


def scheme(cells, polarity="up", domain_max=100, precision=1, labels=FOUR_BANDS):
    return scheme_from_cells(id="T", kpi_id="T-01", cells=list(zip(labels, cells)), polarity=polarity,
                             approved_by="test", effective_from=date(2026, 4, 1), domain_max=domain_max, precision=precision)


class TestNotation:
    @pytest.mark.parametrize("cell, expected", [
        (">25", (D(25), False, None, False)),
        ("<16", (D(0), True, D(16), False)),
        ("20-24", (D(20), True, D(24), True)),
        ("70%-80%", (D(70), True, D(80), True)),
        ("80-95%", (D(80), True, D(95), True)),
        ("28", (D(28), True, D(28), True)),
        ("100%", (D(100), True, D(100), True)),
        ("≤ 22", (D(0), True, D(22), True)),
        (">=55", (D(55), True, None, False)),
    ])
    def test_it_reads_each_form_literally_on_an_open_ended_scale(self, cell, expected):
        assert parse_cell(cell, domain_min=0, domain_max=None) == expected

    def test_greater_than_runs_to_the_scale_maximum_included(self):
        assert parse_cell(">95%", domain_max=100) == (D(95), False, D(100), True)

    @pytest.mark.parametrize("cell", ["", "about 20", "24-20", "=5", "20 to 24", "-5"])
    def test_it_rejects_what_is_not_a_band(self, cell):
        with pytest.raises(NotationError):
            parse_cell(cell)


class TestLancashireTables:
    """§3.6: with the literal reading at 1 dp, exactly 11 gaps and 4 point overlaps."""

    @pytest.fixture
    def found(self):
        return {kpi: validate(s) for kpi, s in lancashire_schemes().items()}

    def test_the_data_file_holds_the_eleven_rows_of_the_source(self):
        assert [r["kpi_id"] for r in lancashire_rows()] == [
            "WF-01", "WF-02", "WF-03", "WF-04", "WF-05", "CL-L01", "CL-L02", "CL-L03", "CL-L04", "CL-L05", "CL-L06"]
        assert lancashire_rows()[4]["Good"] == "28" and lancashire_rows()[5]["RI"] == "70%-80%"

    def test_every_gap_with_its_affected_values(self, found):
        gaps = [(kpi, d.interval, f"{d.first}", f"{d.last}") for kpi, ds in found.items() for d in ds if d.kind == "gap"]
        assert gaps == [
            ("WF-01", "(19, 20)", "19.1", "19.9"), ("WF-01", "(24, 25]", "24.1", "25.0"),
            ("WF-02", "(25, 26)", "25.1", "25.9"), ("WF-03", "(26, 27)", "26.1", "26.9"),
            ("WF-04", "(26, 27)", "26.1", "26.9"), ("WF-05", "(28, 29)", "28.1", "28.9"),
            ("CL-L04", "(90, 95)", "90.1", "94.9"), ("CL-L04", "(99, 100)", "99.1", "99.9"),
            ("CL-L05", "(99, 100)", "99.1", "99.9"),
            ("CL-L06", "(90, 95)", "90.1", "94.9"), ("CL-L06", "(99, 100)", "99.1", "99.9"),
        ]

    def test_every_point_overlap_names_its_two_bands(self, found):
        overlaps = [(kpi, f"{d.first}", d.bands) for kpi, ds in found.items() for d in ds if d.kind.endswith("overlap")]
        assert overlaps == [
            ("CL-L01", "80.0", (RI, "Good")), ("CL-L02", "45.0", (RI, "Good")),
            ("CL-L03", "70.0", (RI, "Good")), ("CL-L05", "90.0", (RI, "Good")),
        ]

    def test_single_point_bands_are_warnings_not_errors(self, found):
        points = [(kpi, d.bands[0], f"{d.first}") for kpi, ds in found.items() for d in ds if d.kind == "single_point"]
        assert points == [("WF-05", "Good", "28.0"), ("CL-L04", "Outstanding", "100.0"),
                          ("CL-L05", "Outstanding", "100.0"), ("CL-L06", "Outstanding", "100.0")]
        assert all(d.severity == "warning" for ds in found.values() for d in ds if d.kind == "single_point")

    def test_nothing_else_is_reported_and_every_scheme_is_defective(self, found):
        kinds = {d.kind for ds in found.values() for d in ds}
        assert kinds == {"gap", "point_overlap", "single_point"}
        assert all(is_defective(s) for s in lancashire_schemes().values())

    def test_the_gap_message_gives_the_values_a_reader_would_check(self, found):
        assert found["WF-01"][1].message == 'Gap (24, 25] between "Requires improvement" and "Inadequate": 24.1–25.0 fall in no band.'

    def test_strict_neighbours_leave_the_shared_end_in_one_band(self):
        schemes = lancashire_schemes()
        assert [band_for(schemes["CL-L01"], v) for v in (70, 95, 95.1)] == [RI, "Good", "Outstanding"]
        assert band_for(schemes["CL-L02"], 40) == RI and band_for(schemes["CL-L02"], 55) == "Good"

    def test_the_defects_are_latent_values_in_them_are_unbanded(self):
        schemes = lancashire_schemes()
        assert band_for(schemes["CL-L04"], 299 / 300 * 100) == "Unbanded"  # 99.7%: one record missing of 300
        assert band_for(schemes["WF-01"], 25) == "Unbanded"
        reading = reading_for(schemes["CL-L01"], 80)
        assert (reading.label, reading.bands) == ("Unbanded", (RI, "Good"))
        assert "more than one band" in reading.warning

    # §3.7: the RAG reading of every one of the 33 published actuals.
    READINGS = {
        "WF-01": ("Good", "Outstanding", "Good"),
        "WF-02": ("Good", "Outstanding", "Good"),
        "WF-03": ("Good", "Outstanding", "Outstanding"),
        "WF-04": ("Good", "Outstanding", "Good"),
        "WF-05": ("Outstanding", "Outstanding", "Outstanding"),
        "CL-L01": ("Good", "Good", "Good"),
        "CL-L02": (RI, "Good", "Good"),
        "CL-L03": ("Good", "Outstanding", "Outstanding"),
        "CL-L04": ("Outstanding", "Outstanding", "Good"),
        "CL-L05": (RI, "Good", "Good"),
        "CL-L06": ("Outstanding", "Outstanding", "Outstanding"),
    }

    def test_the_rag_readings_of_the_33_published_actuals(self):
        schemes = lancashire_schemes()
        got = {kpi: tuple(band_for(schemes[kpi], cell_number(cell)) for cell in months.values())
               for kpi, months in lancashire_actuals().items()}
        assert got == self.READINGS
        assert sum(len(v) for v in got.values()) == 33


class TestBanding:
    def test_the_value_is_rounded_to_the_precision_before_banding(self):
        s = scheme(["<90", "90-100"], labels=("Red", "Green"))
        assert band_for(s, 89.96) == "Green"  # printed as 90.0, so coloured as 90.0
        assert band_for(s, 89.94) == "Red"
        assert round_to(89.96, 1) == D("90.0") and format_value(89.96, 1) == "90.0"

    def test_half_rounds_up_at_every_precision(self):
        assert (round_to(2.25, 1), round_to(0.5, 0), round_to(99.95, 1)) == (D("2.3"), D("1"), D("100.0"))

    def test_a_value_in_a_gap_is_never_given_the_nearest_band(self):
        s = lancashire_schemes()["WF-02"]
        assert [band_for(s, v) for v in (25.0, 25.04, 25.05, 25.9, 26)] == ["Good", "Good", "Unbanded", "Unbanded", RI]

    def test_states_are_not_bands(self):
        s = lancashire_schemes()["CL-L02"]
        assert band_for(s, None) == "No data"
        assert reading_for(s, 50, suppressed=True).label == "Suppressed (small numbers)"
        assert reading_for(s, None, status="not_computable").label == "Definition not met"
        assert not reading_for(s, None).is_band and reading_for(s, 50).is_band


class TestValidation:
    def test_a_clean_four_band_scheme_has_no_defects(self):
        found = validate(scheme(["<40", "40-44.9", "45-55", ">55"]))
        assert [(d.kind, d.interval) for d in found] == [("invisible_gap", "(44.9, 45)")]  # nothing at 1 dp
        assert errors(scheme(["<40", "40-44.9", "45-55", ">55"])) == []

    def test_a_gap_only_between_whole_numbers_does_not_matter_at_0_dp(self):
        s = scheme(["<20", "20-25", "26-30", ">30"], polarity="up", precision=0)
        found = validate(s)
        assert [(d.kind, d.severity) for d in found] == [("invisible_gap", "note")]
        assert not is_defective(s)
        assert [d.kind for d in validate(scheme(["<20", "20-25", "26-30", ">30"], precision=1))] == ["gap"]

    def test_a_range_overlap_reports_its_first_and_last_value(self):
        found = errors(scheme(["<50", "40-60", "60.1-90", ">90"]))
        assert [(d.kind, d.interval, str(d.first), str(d.last)) for d in found] == [("range_overlap", "[40, 50)", "40.0", "49.9")]

    def test_a_gap_between_two_exclusive_ends_is_the_single_shared_value(self):
        s = scheme(["<50", ">50"], labels=("Red", "Green"))
        assert [(d.kind, str(d.first), str(d.last)) for d in validate(s)] == [("gap", "50.0", "50.0")]

    def test_band_order_must_agree_with_polarity(self):
        s = scheme(["<40", "40-45", "45.1-55", ">55"], polarity="down")
        assert [d.kind for d in errors(s)] == ["order", "order", "order"]
        assert "better bands must have lower bounds" in errors(s)[0].message

    def test_coverage_must_reach_both_ends_of_the_scale(self):
        s = scheme(["10-50", "50.1-90"], labels=("Red", "Green"))
        found = [(d.kind, d.interval, str(d.first), str(d.last)) for d in errors(s)]
        assert found == [("gap", "[0, 10)", "0.0", "9.9"), ("gap", "(90, 100]", "90.1", "100.0")]

    def test_an_open_ended_scale_needs_an_unbounded_last_band(self):
        s = scheme(["30.1-40", "20-30", "<20"], polarity="down", domain_max=None, labels=RAG)
        [gap] = errors(s)
        assert (gap.kind, gap.interval, str(gap.first), gap.last) == ("gap", "(40, ∞)", "40.1", None)
        assert "40.1 and above" in gap.message

    def test_a_band_outside_the_scale_and_an_empty_band_are_errors(self):
        s = BandScheme("T", "T-01", 1, date(2026, 4, 1), None, "test", "up", D(0), D(100), 1, (
            Band("Red", D(0), True, D(50), False), Band("Amber", D(60), True, D(50), True),
            Band("Green", D(50), True, D(120), True)))
        assert sorted(d.kind for d in errors(s)) == ["empty_band", "outside_domain"]

    def test_a_scheme_with_no_bands_leaves_everything_unbanded(self):
        s = BandScheme("T", "T-01", 1, date(2026, 4, 1), None, "test", "up", D(0), D(100), 1, ())
        assert [d.kind for d in validate(s)] == ["gap"] and band_for(s, 10) == "Unbanded"


class TestBuiltSchemes:
    def test_four_band_cuts_for_a_higher_is_better_kpi(self):
        s = scheme_from_cuts(id="X", kpi_id="CL-L02", labels=FOUR_BANDS, cuts=[40, 45, 55], polarity="up",
                             approved_by="test", effective_from=date(2026, 4, 1))
        assert validate(s) == []
        assert [band_for(s, v) for v in (39.9, 40, 45, 55, 100)] == ["Inadequate", RI, "Good", "Outstanding", "Outstanding"]

    def test_red_amber_green_for_a_lower_is_better_caseload(self):
        s = scheme_from_cuts(id="X", kpi_id="WF-06", labels=RAG, cuts=[20, 22], polarity="down", domain_max=None,
                             approved_by="test", effective_from=date(2026, 4, 1), cut_goes_up=False)
        assert validate(s) == []
        assert [band_for(s, v) for v in (0, 20, 20.1, 22, 22.1, 300)] == ["Green", "Green", "Amber", "Amber", "Red", "Red"]

    @pytest.mark.parametrize("target, polarity, met, not_met", [
        ("≤ 22", "down", [0, 22], [22.1, 40]),
        ("100%", "up", [100], [0, 99.9]),
        (">=55", "up", [55, 100], [54.9]),
        ("0", "down", [0], [0.1, 12]),
        ("<26", "down", [25.9], [26]),
    ])
    def test_a_single_target_is_a_two_band_scheme(self, target, polarity, met, not_met):
        s = target_scheme(id="T", kpi_id="WF-06", target=target, approved_by="test", effective_from=date(2026, 4, 1),
                          domain_max=None if target in ("≤ 22", "<26") else 100)
        assert s.polarity == polarity and [b.label for b in s.bands] == ["Not met", "Met"]
        assert errors(s) == []
        assert {band_for(s, v) for v in met} == {"Met"} and {band_for(s, v) for v in not_met} == {"Not met"}

    def test_a_single_value_target_in_the_middle_of_the_scale_is_refused(self):
        with pytest.raises(NotationError, match="top or bottom"):
            target_scheme(id="T", kpi_id="X", target="50%", approved_by="test", effective_from=date(2026, 4, 1))

    def test_cut_points_must_match_the_number_of_bands(self):
        with pytest.raises(ValueError, match="4 bands need 3 cut points"):
            scheme_from_cuts(id="X", kpi_id="X", labels=FOUR_BANDS, cuts=[1, 2], polarity="up",
                             approved_by="t", effective_from=date(2026, 4, 1))

    def test_a_scheme_is_in_force_from_its_first_day_to_the_day_before_its_end(self):
        s = scheme_from_cuts(id="X", kpi_id="X", labels=RAG, cuts=[1, 2], polarity="up", approved_by="t",
                             effective_from=date(2016, 7, 1), effective_to=date(2017, 4, 1))
        assert [s.in_force_on(d) for d in (date(2016, 6, 30), date(2016, 7, 1), date(2017, 3, 31), date(2017, 4, 1))] == [
            False, True, True, False]
