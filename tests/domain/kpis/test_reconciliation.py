"""Reconciliation checks (kpis.md §6) on the seed figures of §6.1 and §6.2, then on engine-shaped results."""

from datetime import date

import pytest

from hearth.domain.kpis.band_tables import lancashire_schemes
from hearth.domain.kpis.model import KPI, Result
from hearth.domain.kpis.reconciliation import (
    categories_add_up,
    identical_values,
    imported_band,
    percentage,
    placement_mix,
    run_checks,
    scheme_findings,
    stocks_and_flows,
    subtotals,
)

D = date(2016, 12, 31)

# Worcestershire, 31 December 2016 (003 L377–L387).
WORCESTERSHIRE_MIX = {
    "Agency Residential": 48, "Secure Units": 2, "In-house Residential": 27, "IFA": 226, "In-house Fostering": 202,
    "Kinship Fostering": 88, "External Supported Living": 27, "Internal Supported Living": 20,
    "Safe Base / Supported Lodging": 20, "Placed with Parents / Friends (no cost)": 74,
    "Staying Put Arrangements": 26, "Adoption Allowances": 53, "Special Guardianship Orders": 164,
}


class TestSeedFigures:
    def test_r01_worcestershire_placement_table_adds_to_734_not_732(self):
        finding = placement_mix(WORCESTERSHIRE_MIX, 732)
        assert finding.check == "R-01" and finding.kpi_ids == ("PLC-01", "POP-01")
        assert finding.message.startswith("The 10 placement rows add to 734, not the 732 children looked after (difference 2)")
        assert "Staying Put Arrangements, Adoption Allowances, Special Guardianship Orders" in finding.message

    def test_r01_passes_when_the_rows_match(self):
        assert placement_mix({"Foster": 500, "Residential": 77, "Other": 155, "Staying Put": 26}, 732) is None

    def test_r18_690_plus_240_minus_235_is_695(self):
        assert stocks_and_flows(start=690, starters=240, leavers=235, end=695) is None

    def test_r18_687_plus_240_minus_235_is_not_694(self):
        finding = stocks_and_flows(start=687, starters=240, leavers=235, end=694)
        assert finding.message == ("687 + 240 − 235 (no repeat-entry adjustment) = 692, but 694 are looked after "
                                   "at the end (difference 2).")

    def test_r18_states_a_repeat_entry_adjustment(self):
        assert stocks_and_flows(start=687, starters=240, leavers=235, end=694, repeat_adjustment=2) is None
        assert "+ 1 (repeat entries) = 693" in stocks_and_flows(start=687, starters=240, leavers=235, end=694,
                                                               repeat_adjustment=1).message

    @pytest.mark.parametrize("count, printed", [(97, "66.5"), (16, "10.9"), (5, "3.45"), (2, "1.38"), (3, "2.04")])
    def test_r06_lancashire_virtual_school_percentages_do_not_recompute_from_146(self, count, printed):
        assert percentage(count, 146, printed).check == "R-06"

    def test_r06_messages_give_the_recomputed_figure(self):
        assert percentage(97, 146, "66.5").message == "97 of 146 is 66.44%, printed 66.5% (more than half a unit of the last decimal out)."
        assert percentage(4, 315, "1.2") is not None  # 1.27%

    @pytest.mark.parametrize("count, base, printed", [(15, 305, "5"), (55, 305, "18"), (135, 305, "44"), (4030, 4360, "92.4"),
                                                      (470, 791, "59.4")])
    def test_r06_passes_the_worcestershire_and_durham_figures(self, count, base, printed):
        assert percentage(count, base, printed) is None

    def test_r07_a_rate_of_73_2_does_not_come_from_732_children(self):
        assert percentage(732, 115_700, "63", scale=10_000, check="R-07") is None
        assert percentage(732, 115_700, "73.2", scale=10_000, check="R-07").check == "R-07"

    def test_r09_koc_2014_15_leaves_14_not_shown(self):
        finding = categories_add_up({"CL-05": 47, "CL-06": 39, "CL-08": None}, label="KOC 2014-15", decimals=0)
        assert finding.message == "KOC 2014-15: 47 (CL-05) + 39 (CL-06) = 86%, not 100%; 14% not shown (CL-08 missing)."

    def test_r09_worcestershire_counts_add_to_the_cohort_of_305(self):
        parts = {"CL-05": 37.7, "CL-06": 44.3, "CL-08": 18.0}
        assert categories_add_up(parts, label="19–21", counts={"CL-05": 115, "CL-06": 135, "CL-08": 55}, base=305) is None
        finding = categories_add_up(parts, label="19–21", counts={"CL-05": 116, "CL-06": 135, "CL-08": 55}, base=305)
        assert "116 + 135 + 55 = 306, not the cohort of 305" in finding.message

    def test_r09_cambridgeshire_34_plus_66_is_100(self):
        assert categories_add_up({"CL-L14": 34, "CL-L02": 66}, label="Cambridgeshire", decimals=0) is None

    def test_r22_worcestershire_age_bands_leave_141_unshown(self):
        finding = subtotals({"5-10": 185, "11-15": 246, "16+": 160}, 732, label="POP-08 by age", kpi_ids=("POP-08",))
        assert finding.message == "POP-08 by age: 185 + 246 + 160 = 591, not 732 (141 not shown)."

    def test_r22_worcestershire_eet_subcategories_give_50_5_not_52(self):
        finding = subtotals({"employment": 20, "apprenticeship": 2.8, "college": 22.3, "university": 5.4}, 52,
                            label="EET", kpi_ids=("CL-L02",), tolerance=0.5)
        assert "= 50.5, not 52" in finding.message

    @pytest.mark.parametrize("parts, parent", [
        ((1, 28, 1, 5), 35), ((1, 1, 7, 16, 1, 3), 29), ((1, 4, 4, 6, 1, 24, 2, 7), 49),  # post-18 table
        ((18, 6, 3, 12), 39), ((2, 2, 12), 16), ((16, 16), 32), ((3, 7, 3, 1), 14), ((40, 7), 47), ((20, 27), 47),
    ])
    def test_r22_the_regression_fixtures_that_pass(self, parts, parent):
        assert subtotals({str(i): v for i, v in enumerate(parts)}, parent, label="t", kpi_ids=("X",)) is None

    def test_r14_12_7_for_distance_and_placement_moves(self):
        [finding] = identical_values({"PLC-08": 12.7, "STB-01": 12.7, "PLC-02": 68.3, "CL-04": 100.0, "CL-07": 100.0})
        assert (finding.check, finding.kpi_ids, finding.severity) == ("R-14", ("PLC-08", "STB-01"), "warning")

    def test_r14_variants_of_one_kpi_are_not_flagged(self):
        assert identical_values({"CL-07": 82.5, "CL-07.known": 82.5}) == []

    def test_r23_the_lancashire_schemes_give_15_findings(self):
        findings = [f for s in lancashire_schemes().values() for f in scheme_findings(s)]
        assert len(findings) == 15 and {f.check for f in findings} == {"R-23"}

    def test_r23_an_imported_colour_is_checked_against_the_recomputed_band(self):
        scheme = lancashire_schemes()["CL-L02"]
        assert imported_band(scheme, 41.2, "Requires improvement") is None
        assert imported_band(scheme, 41.2, "Good").message == ('41.2 was imported as "Good" but reads as '
                                                               '"Requires improvement" under LCC-IB-2016-CL-L02.')


def kpi(id, unit, precision=1):
    return KPI(id=id, title=id, question="", group=id.split("-")[0], theme="children_in_care", cohort="", numerator="",
               denominator="", polarity="context", unit=unit, precision=precision, official_definition="")


def result(kpi_id, value, numerator=None, denominator=None, status="ok"):
    return Result(kpi_id=kpi_id, as_at=D, period_start=None, numerator=numerator, denominator=denominator,
                  value=value, status=status)


CATALOGUE = {k.id: k for k in [kpi("POP-01", "count", 0), kpi("POP-04", "count", 0), kpi("POP-05", "count", 0),
                                kpi("PLC-01", "count", 0), kpi("PLC-08", "percent"), kpi("STB-01", "percent"),
                                kpi("POP-02", "rate10k", 0), kpi("CL-05", "percent"), kpi("CL-06", "percent"),
                                kpi("CL-08", "percent"), kpi("POP-08", "count", 0)]}


class TestRunChecks:
    def test_consistent_results_give_no_findings(self):
        results = {
            "POP-01": result("POP-01", 695, 695), "POP-04": result("POP-04", 240, 240), "POP-05": result("POP-05", 235, 235),
            "POP-02": result("POP-02", 60.07, 695, 115_700), "STB-01": result("STB-01", 12.7, 88, 695),
            "CL-05": result("CL-05", 37.7, 115, 305), "CL-06": result("CL-06", 44.3, 135, 305), "CL-08": result("CL-08", 18.0, 55, 305),
        }
        breakdowns = {("PLC-01", "placement_type"): {"Foster": result("PLC-01", 500, 500), "Other": result("PLC-01", 195, 195)},
                      ("POP-01", "sex"): {"F": result("POP-01", 300, 300), "M": result("POP-01", 395, 395)}}
        assert run_checks(results, catalogue=CATALOGUE, breakdowns=breakdowns,
                          at_start={"POP-01": result("POP-01", 690, 690)}) == []

    def test_each_inconsistency_is_found_and_named(self):
        results = {
            "POP-01": result("POP-01", 694, 694), "POP-04": result("POP-04", 240, 240), "POP-05": result("POP-05", 235, 235),
            "POP-02": result("POP-02", 73.2, 732, 115_700), "PLC-08": result("PLC-08", 12.7, 88, 694),
            "STB-01": result("STB-01", 12.7, 88, 694),
            "CL-05": result("CL-05", 38.0, 116, 305), "CL-06": result("CL-06", 44.3, 135, 305), "CL-08": result("CL-08", 18.0, 55, 305),
            "POP-08": result("POP-08", 732, 732), "POP-13": result("POP-13", None, status="no_data"),
        }
        breakdowns = {("PLC-01", "placement_type"): {"Foster": result("PLC-01", 500, 500), "Other": result("PLC-01", 196, 196),
                                                     "Staying Put": result("PLC-01", 26, 26)},
                      ("POP-08", "age_band"): {"5-10": result("POP-08", 185, 185), "11-15": result("POP-08", 246, 246),
                                               "16+": result("POP-08", 160, 160)}}
        findings = run_checks(results, catalogue=CATALOGUE, breakdowns=breakdowns, at_start={"POP-01": result("POP-01", 687, 687)},
                              schemes=[lancashire_schemes()["WF-05"]])
        assert [(f.check, f.kpi_ids) for f in findings] == [
            ("R-01", ("PLC-01", "POP-01")), ("R-07", ("POP-02",)),
            ("R-09", ("CL-05", "CL-06", "CL-08")), ("R-18", ("POP-01", "POP-04", "POP-05")),
            ("R-22", ("POP-08",)), ("R-14", ("PLC-08", "STB-01")), ("R-23", ("WF-05",)),
        ]
        assert findings[0].title == "Placement mix adds up to the headcount"
        assert "The 2 placement rows add to 696, not the 694" in findings[0].message

    def test_results_without_data_are_skipped(self):
        results = {"POP-01": result("POP-01", None, status="no_data"), "CL-05": result("CL-05", None, status="not_computable")}
        assert run_checks(results, catalogue=CATALOGUE, at_start={"POP-01": result("POP-01", 687, 687)}) == []
