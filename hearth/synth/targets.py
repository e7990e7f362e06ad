"""Every distribution the generator aims at, as data: value, tolerance and where the figure comes from.

Percentages are of the population named in `measure`; `measures.py` computes each one from a
generated council and the tests hold the council to `value ± tolerance`. Tolerances allow for a
750-child council's sampling noise (a 10% share of 750 children has a standard error of about 1.1
points) and for the figures being national while a council is one place.

Sources: "DfE 2024" is Children looked after in England including adoptions, reporting year 2024
(explore-education-statistics.service.gov.uk, headline text and charity summaries of it);
"DfE 2020" the 2020 release's text. "approx." marks a national figure we have as a rounded
recollection rather than a quoted table, and "model" a figure the generator needs but no
published source gives (the tolerance is then about keeping the model steady). Seed citations
are shared/seeds/<file> line numbers via shared/reference/seed-notes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    name: str
    value: float
    tolerance: float
    measure: str
    source: str


TARGETS: tuple[Target, ...] = (
    # Children looked after at 31 March of the last complete year.
    Target("male_pct", 57, 4, "% of children in care at 31 March who are male",
           "DfE 2024: males 57% of CLA (53% of non-UASC)"),
    Target("white_pct", 71, 6, "% of children in care at 31 March of White ethnicity (W*)",
           "DfE 2024: White 71% of CLA"),
    Target("age_under_1_pct", 5, 2.5, "% of children in care at 31 March aged under 1", "DfE 2024 (approx.)"),
    Target("age_1_4_pct", 13, 4, "% of children in care at 31 March aged 1-4", "DfE 2024 (approx.)"),
    Target("age_5_9_pct", 17, 4, "% of children in care at 31 March aged 5-9", "DfE 2024 (approx.)"),
    Target("age_10_15_pct", 38, 5, "% of children in care at 31 March aged 10-15",
           "DfE 2024: 38% aged 10-15 (DfE 2020: 39%); 003 L315 quotes 29% nationally for 11-15"),
    Target("age_16_plus_pct", 27, 5, "% of children in care at 31 March aged 16 or over",
           "DfE 2024: 27% aged 16 and over"),
    Target("care_order_pct", 77, 6, "% of children in care at 31 March on a care order (C1, C2)",
           "DfE 2020: care order 77%"),
    Target("s20_pct", 17, 5, "% of children in care at 31 March accommodated under s20 (V2)",
           "DfE 2020: voluntary agreement 17% (003 L314's 'national 61%' cannot be a stock share: kpis.md)"),
    Target("placement_order_pct", 6, 3, "% of children in care at 31 March on a placement order (E1)",
           "DfE 2020: placement order 6%"),
    Target("foster_pct", 68, 5, "% of children in care at 31 March in foster placements (U1-U6)",
           "DfE 2024: 67% in foster care; 003 L224, L320: 74-77% in 2016"),
    Target("residential_pct", 16, 5,
           "% of children in care at 31 March in secure units, children's homes or semi-independent/supported "
           "accommodation (K1, K2, K3, H5, P2)",
           "003 L226: national 13% in secure units, children's homes and hostels (2016); about 16-17% since 2022 (approx.)"),
    Target("with_parents_pct", 6, 3, "% of children in care at 31 March placed with parents (P1)",
           "003 L227: national 7% (2016); DfE 2024 about 6% (approx.)"),
    Target("placed_for_adoption_pct", 3, 2, "% of children in care at 31 March placed for adoption (A3-A6)",
           "DfE 2024 about 2-3% (approx.)"),
    Target("n1_pct", 65, 6, "% of children in care at 31 March whose category of need is N1 abuse or neglect",
           "DfE 2024 about 65% (approx.); DfE 2020: the most common reason, rising"),
    Target("uasc_pct", 9, 3, "% of children in care at 31 March who are UASC",
           "DfE 2024: about 7,400 UASC of 83,630 (approx.)"),
    Target("three_plus_placements_pct", 10, 3, "% of children in care at 31 March with 3 or more placements in the year",
           "003 L305: national 10%; DfE 2024: 10%"),
    Target("sw_two_plus_changes_pct", 27, 8,
           "% of children in care at 31 March with 2 or more changes of social worker in the year",
           "002 L1032: 27% nationally (2017/18)"),
    # Flows in the last complete year.
    Target("starters_per_100_in_care", 40, 7, "children starting care in the year per 100 in care at 31 March",
           "DfE 2024: 33,050 started, 83,630 at 31 March; 003 L364: 45% in 2015/16"),
    Target("starters_16_plus_pct", 16, 6, "% of children starting care in the year aged 16 or over",
           "000 L1014: 16% of starters in 2014/15 (12% in 2010/11)"),
    Target("leavers_home_pct", 33, 8, "% of children ceasing care in the year who returned home (E4A, E4B)",
           "002 L1806: 'around a third' (2016/17)"),
    Target("leavers_sgo_pct", 11, 4, "% of children ceasing care in the year on a special guardianship order",
           "DfE 2024: 11%; 002 L1937: 12% (2017)"),
    Target("leavers_adopted_pct", 9, 4, "% of children ceasing care in the year who were adopted (E11, E12)",
           "DfE 2024: 9%; 002 L1824: adoption about 6% of all LAC (2016/17)"),
    Target("missing_pct", 10, 3, "% of children looked after during the year who went missing (M) at least once",
           "DfE 2024: about one in ten (approx.)"),
    Target("reviews_on_time_pct", 90, 5, "% of reviews in the year held by their due date (D07 timetable)",
           "model; timetable from statutory-duties.md D07"),
    Target("sdq_concern_pct", 50, 8, "% of SDQ scores in the year that are 14 or over (borderline or concern)",
           "000 L1020: 'around half' borderline or cause for concern (2014)"),
    Target("convicted_pct", 5, 3, "% of OC2 children aged 10+ convicted or cautioned in the year",
           "002 L2911: '94 per cent ... do not get into trouble with the law'"),
    # Care leavers aged 19-21 in the OC3 cohort of the last complete year (DfE 'of all' basis).
    Target("leavers_in_touch_pct", 87, 5, "% of 19-21-year-old care leavers in OC3 in touch (YES)",
           "000 L720: England 87.32% (2015/16); 003 L239: national 87%"),
    Target("leavers_eet_pct", 49, 7, "% of 19-21-year-old care leavers in OC3 in touch and in EET (F*/P*)",
           "000 L721: England 49.28% (2015/16); 000 L1034: 47% (2014/15)"),
    Target("leavers_suitable_pct", 82.5, 6, "% of 19-21-year-old care leavers in OC3 in suitable accommodation",
           "000 L722: England 82.53% (2015/16); 003 L237"),
    Target("leavers_22_in_touch_pct", 51, 10,
           "% of qualifying care leavers reaching 22 in the year who asked for and got support (OC3 22)",
           "DfE 22-25 in touch data set 2023: aged 22, 51% requested and received support"),
    Target("staying_put_pct", 48, 10,
           "% of young people ceasing care on their 18th birthday from foster care who were Staying Put 3 months later "
           "(last five years pooled)",
           "000 L1345: 48% nationally in the first year of the duty"),
    # The council's own dashboard measures at as_at (000 L432-L458, 003 L1084).
    Target("pa_allocated_pct", 99, 4, "% of qualifying care leavers aged 18-20 with a personal adviser at as_at",
           "000 L456: 98.6-100%"),
    Target("contact_3m_pct", 92, 6, "% of qualifying care leavers aged 18-20 with a contact in the last 3 months",
           "000 L457: 85.6-95.2% (Sep-16 91.7%)"),
    Target("leaflet_pct", 99, 4, "% of qualifying care leavers aged 18-20 given the entitlements leaflet",
           "000 L458: 100%"),
    Target("pathway_plan_pct", 90, 8, "% of eligible 16-17-year-olds in care with a pathway plan at as_at",
           "000 L455: 88.1-95.4% (Sep-16 90.5%)"),
    Target("sw_caseload", 17, 5, "average children in care per social worker in post at as_at",
           "000 L432-L442: averages 17.8-25.4 by band, Good 16-26"),
    Target("pa_caseload", 22, 6, "average young people per personal adviser in post at as_at",
           "003 L1084, L1139: about 28 now, target 20-22; York about 21 (002 L1588)"),
)

# Statutory tasks (duties.py). No national table gives these; the rates are approximations from
# local scorecards and the OC2 health figures, as duties.py's ON_TIME notes.
TARGETS += (
    Target("iha_on_time_pct", 70, 9,
           "% of periods of care starting in the year (lasting 20 working days) with the initial health "
           "assessment within 20 working days",
           "approx.: local IHA timeliness reports 50-80%; annual assessments 89-91% (DfE CLA OC2 2019-2024)"),
    Target("first_visit_on_time_pct", 87, 5,
           "% of placements starting in the year (lasting over 7 days) with a social worker visit within 7 days",
           "approx.: LA scorecards 85-95%; 'statutory visits are all on time' is the aim (003 L1139)"),
)

BY_NAME = {t.name: t for t in TARGETS}
# The headcount itself: children in care at 31 March is the requested size within this fraction.
HEADCOUNT_TOLERANCE = 0.1
