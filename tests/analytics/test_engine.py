"""The engine on a hand-built snapshot: every figure here is worked out by hand in the comments.

Snapshot taken 31 March 2025. Looked after on that day: A (children's home, K2) and B (agency
foster care, U5, after three placements this year). C left care for independent living on
30 Nov 2024; D is on short breaks only (V3), so never counted. Care leavers (OC3 for 2024/25):
E 20 at her birthday (in touch, university, suitable), F 19 (not in touch, NEET, accommodation
not known), G 21 (died: excluded), H 18 (in touch, working, suitable).
"""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hearth.analytics import engine
from hearth.analytics.snapshot import empty_snapshot, load_rows
from hearth.domain.calendar import add_months

D = date(2025, 3, 31)


@pytest.fixture(scope="module")
def snap():
    s = empty_snapshot("2025-03-31T00:00:00", "record", "700")
    load_rows(s, "child", [
        ("A", "M", date(2010, 5, 1), "WBRI", False, None, None, None),
        ("B", "F", date(2012, 1, 15), "BAFR", False, None, None, None),
        ("C", "M", date(2008, 3, 10), "AOTH", True, None, None, None),
        ("D", "F", date(2015, 7, 1), "WBRI", False, None, None, None),
        ("E", "F", date(2004, 6, 1), "WBRI", False, None, None, True),
        ("F", "M", date(2005, 9, 1), "MWBC", False, None, None, None),
        ("G", "M", date(2003, 10, 1), "WBRI", False, None, None, None),
        ("H", "F", date(2007, 1, 1), "WBRI", False, None, None, False),
    ])
    load_rows(s, "episode", [
        ("A", date(2023, 1, 10), date(2024, 6, 1), "S", "C2", "N1", "U4", "PR1", "X1", None, False),
        ("A", date(2024, 6, 1), None, "P", "C2", "N1", "K2", "PR4", None, "CARPL", True),
        ("B", date(2024, 5, 1), date(2024, 8, 1), "S", "V2", "N2", "U1", "PR1", "X1", None, False),
        ("B", date(2024, 8, 1), date(2024, 12, 1), "P", "V2", "N2", "U6", "PR4", "X1", None, False),
        ("B", date(2024, 12, 1), None, "P", "V2", "N2", "U5", "PR4", None, None, False),
        ("C", date(2022, 2, 1), date(2024, 11, 30), "S", "V2", "N1", "H5", "PR4", "E5", None, False),
        ("D", date(2024, 6, 1), None, "S", "V3", "N2", "U4", "PR1", None, None, False),
    ])
    load_rows(s, "oc3", [
        ("E", 2025, "YES", "F1", "U1"), ("F", 2025, "NO", "G5", "0"), ("G", 2025, "DIED", "0", "0"),
        ("H", 2025, "YES", "F5", "D1"),
    ])
    load_rows(s, "worker", [("w1", "SOCIAL_WORKER", "ASYE", "North", "Northmoor"),
                            ("w2", "SOCIAL_WORKER", "ASYE", "North", "Northmoor"),
                            ("w3", "PERSONAL_ADVISER", "Y5_PLUS", "Leaving care", "Southvale"),
                            ("w4", "SOCIAL_WORKER", "ASYE", "South", "Southvale")])
    load_rows(s, "allocation", [
        ("A", "w1", "SOCIAL_WORKER", date(2023, 1, 10), None),
        ("B", "w1", "SOCIAL_WORKER", date(2024, 5, 1), None),
        ("C", "w2", "SOCIAL_WORKER", date(2022, 2, 1), date(2024, 11, 30)),
        ("D", "w4", "SOCIAL_WORKER", date(2024, 6, 1), None),
        ("E", "w3", "PERSONAL_ADVISER", date(2023, 1, 1), None),
    ])
    load_rows(s, "obligation", [
        ("A", "D07", date(2024, 5, 1), date(2024, 4, 30), "met"),
        ("B", "D07", date(2024, 6, 1), date(2024, 6, 10), "met_late"),
        ("B", "D07", date(2025, 6, 1), None, "open"),  # due after 31 March: not in the year
        ("A", "D07", date(2024, 9, 1), None, "not_applicable"),  # never counted
    ])
    load_rows(s, "lc_status", [
        ("E", date(2022, 6, 1), None, "former_relevant", "fr_18_20"),
        ("F", date(2023, 9, 1), None, "former_relevant", "fr_21_24_dormant"),
        ("H", date(2024, 1, 1), None, "relevant", None),
    ])
    load_rows(s, "lc_accommodation", [
        ("E", date(2024, 1, 1), None, "INDEPENDENT_TENANCY", True),
        ("H", date(2025, 3, 1), None, "BED_AND_BREAKFAST", False),
    ])
    load_rows(s, "lc_contact", [("E", date(2025, 2, 1), "VISIT", "HOME"), ("H", date(2024, 10, 1), "PHONE", "NOT_SEEN")])
    return s


def value(snap, kpi_id, on=D):
    return engine.evaluate(snap, on, [kpi_id])[kpi_id]


@pytest.mark.parametrize("kpi_id, numerator, denominator, expected", [
    ("POP-01", 2, 2, 2),  # A and B; D is short breaks only
    ("POP-04", 1, 1, 1),  # B started on 1 May 2024
    ("POP-07", 3, 3, 3),  # A, B and C during the year
    ("POP-15", 0, 1, 0.0),  # B was 12 when she started
    ("PLC-02", 1, 2, 50.0),  # B in foster care
    ("PLC-04", 1, 2, 50.0),  # A in a children's home
    ("PLC-07", 1, 2, 50.0),  # A placed out of area
    ("STB-01", 1, 2, 50.0),  # B: three placements this year; A two
    ("TML-01", 1, 2, 50.0),  # A's review on time, B's late
    ("CL-01", 1, 1, 100.0),  # H, 18, in touch
    ("CL-04", 1, 2, 50.0),  # E in touch, F not; G died and is excluded
    ("CL-05", 1, 2, 50.0),  # E at university
    ("CL-06", 1, 2, 50.0),  # F NEET
    ("CL-07", 1, 2, 50.0),  # E suitable
    ("CL-13", 1, 2, 50.0),  # F's accommodation not known
    ("CL-L01", 1, 2, 50.0),  # open: E (suitable) and H (B&B); F is 21+ and not receiving support
    ("CL-L04", 1, 2, 50.0),  # E has a PA
    ("CL-L05", 1, 2, 50.0),  # E seen on 1 Feb 2025; H last on 1 Oct 2024, over 3 months ago
    ("CL-L12", 1, 2, 1),  # H in B&B
])
def test_hand_worked_values(snap, kpi_id, numerator, denominator, expected):
    r = value(snap, kpi_id)
    assert (r.numerator, r.denominator, r.value) == (numerator, denominator, expected)
    assert r.status == "ok"


def test_exclusions_and_unknowns_are_reported_not_dropped(snap):
    cl04 = value(snap, "CL-04")
    assert cl04.excluded == {"excluded": 1}  # G died
    cl05 = value(snap, "CL-05")
    assert cl05.unknown == 0  # F's activity is recorded (NEET)
    cl07 = value(snap, "CL-07")
    assert cl07.unknown == 1  # F's accommodation is 0: no information


def test_caseload_average_counts_only_case_holding_workers(snap):
    # w1 holds A and B, w4 holds D; w2's only case closed in November. (2 + 1) / 2.
    r = value(snap, "WF-01")
    assert (r.numerator, r.denominator, r.value) == (3.0, 2, 1.5)


def test_change_over_twelve_months(snap):
    # 31 Mar 2024: A and C looked after (2). 31 Mar 2025: A and B (2). No change.
    r = value(snap, "POP-03")
    assert (r.numerator, r.denominator, r.value) == (0, 2, 0.0)


def test_monthly_trend(snap):
    points = engine.trend(snap, "POP-01", D, months=24)
    assert len(points) == 24 and points[-1].as_at == D and points[0].as_at == date(2023, 4, 30)
    by_date = {r.as_at: r.value for r in points}
    assert by_date[date(2023, 4, 30)] == 2  # A and C
    assert by_date[date(2024, 5, 31)] == 3  # A, B and C
    assert by_date[date(2024, 11, 30)] == 2  # C ceased that day, so is not looked after on it


def test_breakdowns(snap):
    assert {g: r.value for g, r in engine.breakdown(snap, "POP-01", D, "sex").items()} == {"Female": 1, "Male": 1}
    assert {g: r.value for g, r in engine.breakdown(snap, "PLC-01", D, "category").items()} == {
        "Children's home": 1, "Foster: agency carers": 1}
    assert {g: r.value for g, r in engine.breakdown(snap, "POP-05", D, "category").items()} == {"Independent living": 1}
    assert {g: r.value for g, r in engine.breakdown(snap, "PLC-02", D, "team").items()} == {"North": 50.0}
    assert {g: r.value for g, r in engine.breakdown(snap, "WF-01", D, "team").items()} == {"North": 2.0, "South": 1.0}


def test_members_are_the_children_behind_the_figure(snap):
    assert engine.members(snap, "PLC-02", D) == (["B"], ["A", "B"])
    assert engine.members(snap, "CL-04", D) == (["E"], ["E", "F"])


def test_every_catalogue_kpi_gives_a_result_with_a_status(snap):
    results = engine.evaluate(snap, D)
    assert len(results) == 206
    statuses = {r.status for r in results.values()}
    assert statuses <= {"ok", "no_data", "not_computable"}
    assert results["SUF-07"].status == "not_computable" and results["SUF-07"].value is None


def test_compiled_sql_is_shown_for_review(snap):
    sql = engine.compiled_sql(engine.catalogue()["PLC-02"], D)
    assert "place IN ('U1', 'U2', 'U3', 'U4', 'U5', 'U6')" in sql and "DATE '2025-03-31'" in sql


@pytest.mark.parametrize("by", engine.BREAKDOWNS)
def test_every_kpi_breaks_down_every_way_it_can(snap, by):
    # Column names shared by a KPI's test and a breakdown's join (d, sex, uasc...) must not clash.
    for kpi in engine.catalogue().values():
        if not kpi.computable or kpi.derived:
            continue
        try:
            groups = engine.breakdown(snap, kpi.id, D, by)
        except ValueError:
            assert kpi.counts == "workers"  # only workers are refused a breakdown (team only)
            continue
        whole = value(snap, kpi.id)
        if kpi.unit == "count" and kpi.counts != "workers" and whole.status == "ok":
            assert sum(r.numerator for r in groups.values()) == whole.numerator, kpi.id


def test_a_named_period_counts_within_it(snap):
    # The quarter 1 Apr to 30 Jun 2024: B started on 1 May (POP-04); at 30 Jun A, B and C were
    # looked after (POP-01). The whole year 2024/25: C left on 30 Nov for independent living.
    quarter = engine.evaluate_period(snap, date(2024, 4, 1), date(2024, 6, 30), ["POP-04", "POP-01", "POP-05"])
    assert (quarter["POP-04"].value, quarter["POP-01"].value, quarter["POP-05"].value) == (1, 3, 0)
    assert quarter["POP-04"].period_start == date(2024, 4, 1)
    year = engine.evaluate_period(snap, date(2024, 4, 1), D, ["POP-05"])
    assert year["POP-05"].value == 1 and year["POP-05"].period_start == date(2024, 4, 1)


@given(st.dates(min_value=date(2001, 1, 1), max_value=date(2040, 12, 31)), st.integers(min_value=1, max_value=24))
def test_a_rolling_period_is_whole_months_ending_on_the_date(d, months):
    start = engine.period_start(d, months)
    length = (d - start).days + 1
    assert 28 * months <= length <= 31 * months  # about `months` months, ending on the date
    if (d + timedelta(days=1)).day == 1:  # a month end: whole calendar months
        assert start.day == 1 and add_months(start, months) == d + timedelta(days=1)
    if months == 12:
        assert length in (365, 366)
