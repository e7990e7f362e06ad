"""How Hearth computes each KPI it can: the cohort and the tests on its columns (kpis.md §2).

Each entry names a standard cohort (hearth.domain.kpis.cohorts) and gives SQL booleans over the
cohort's columns: `numerator` (who is counted), `denominator` (the base; TRUE = the whole
cohort), `unknown` (information missing, always reported), `excluded` (removed from both sides,
counted). `value` is the number averaged for means; `category` splits a mix or profile.
The words shown to people come from the catalogue (data/catalogue.csv); what is here is only
what a reviewer needs to check the arithmetic. KPIs not listed are declared with what they need.
"""

from __future__ import annotations

from hearth.domain.kpis.groupings import (
    CEASE_REASON_GROUPS,
    EET,
    ETHNIC_GROUPS,
    HIGHER_EDUCATION,
    LEGAL_STATUS_GROUPS,
    NEET,
    OTHER_EDUCATION,
    TRAINING_OR_EMPLOYMENT,
    age_band_sql,
    case_sql,
    sql_list,
)

FOSTER = "('U1', 'U2', 'U3', 'U4', 'U5', 'U6')"
EET_SQL, NEET_SQL = sql_list(EET), sql_list(NEET)
LOCAL_EET = "('HE_FT', 'HE_PT', 'FE_FT', 'FE_PT', 'APPRENTICE_FT', 'APPRENTICE_PT', 'EMPLOYMENT_FT', 'EMPLOYMENT_PT')"
# OC3: died, or home with parents six months or more, are outside the DfE measures (§1.3).
CL_EXCLUDED = "in_touch IN ('DIED', 'RHOM')"
AGES_17_18, AGES_19_21 = "age BETWEEN 17 AND 18", "age BETWEEN 19 AND 21"


def _cl(ages: str, numerator: str, unknown: str, **extra: str) -> dict[str, str]:
    return dict(cohort="C-CL-DFE", numerator=numerator, denominator=ages, excluded=CL_EXCLUDED, unknown=unknown,
                **extra)


def _due(rules: str) -> dict[str, str]:
    """Timeliness from the statutory-deadline rules: deadlines due in the period met by the legal date."""
    return dict(cohort="C-DUE[p]", numerator="on_time", denominator=f"rule_id IN {rules}", counts="events",
                time_basis="period")


def _workers(band: str, role: str = "SOCIAL_WORKER") -> dict[str, str]:
    test = f"role = '{role}'" + (f" AND experience_band = '{band}'" if band else "")
    return dict(cohort="C-WORKERS@d", denominator=test, value="cases", unit="mean", counts="workers")


MEASURES: dict[str, dict[str, str]] = {
    # Population and flows
    "POP-01": dict(cohort="C-LAC@d", unit="count"),
    "POP-03": dict(derived="change POP-01 12", unit="percent"),
    "POP-04": dict(cohort="C-START[p]", time_basis="period", unit="count"),
    "POP-05": dict(cohort="C-CEASE[p]", time_basis="period", unit="count", counts="events",
                   category=case_sql("rec", CEASE_REASON_GROUPS)),
    "POP-06": dict(derived="ratio POP-04 POP-01", unit="percent", time_basis="period"),
    "POP-07": dict(cohort="C-LAC[p]", time_basis="period", unit="count"),
    "POP-08": dict(cohort="C-LAC@d", unit="count", category=age_band_sql("age")),
    "POP-09": dict(cohort="C-LAC@d", unit="percent", numerator="sex IN ('M', '1')", unknown="sex NOT IN ('M', '1', 'F', '2')",
                   category="sex || ' ' || " + age_band_sql("age")),
    "POP-10": dict(cohort="C-LAC@d", unit="count", category=case_sql("ethnic", ETHNIC_GROUPS)),
    "POP-11": dict(cohort="C-LAC@d", unit="count", category=case_sql("ls", LEGAL_STATUS_GROUPS)),
    "POP-12": dict(cohort="C-LAC@d", unit="percent", numerator="cin = 'N2'", category="cin"),
    "POP-13": dict(cohort="C-LAC@d", unit="percent", numerator="uasc"),
    "POP-15": dict(cohort="C-START[p]", time_basis="period", unit="percent", numerator="age >= 16"),
    "POP-16": dict(cohort="C-LAC@d", unit="years", value="date_diff('day', poc_start, d) / 365.25",
                   category="CASE WHEN date_diff('day', poc_start, d) < 365 THEN 'Under 1 year' "
                            "WHEN date_diff('day', poc_start, d) < 3 * 365 THEN '1 to 3 years' "
                            "WHEN date_diff('day', poc_start, d) < 5 * 365 THEN '3 to 5 years' ELSE '5 years or more' END"),
    "POP-17": dict(cohort="C-CL-OPEN@d", unit="count", category="category"),
    # Placements
    "PLC-01": dict(cohort="C-LAC@d", unit="count", category="placement_group"),
    "PLC-02": dict(cohort="C-LAC@d", numerator=f"place IN {FOSTER}"),
    "PLC-03": dict(cohort="C-LAC@d", numerator="place IN ('U1', 'U2', 'U3')"),
    "PLC-04": dict(cohort="C-LAC@d", numerator="place IN ('K1', 'K2')"),
    "PLC-05": dict(cohort="C-LAC@d", numerator="place = 'P1'"),
    "PLC-06": dict(cohort="C-LAC@d", numerator="place IN ('A3', 'A4', 'A5', 'A6')"),
    "PLC-07": dict(cohort="C-LAC@d", numerator="out_of_area", unknown="out_of_area IS NULL",
                   category="placement_group"),
    "PLC-15": dict(cohort="C-LAC@d", numerator="place IN ('H5', 'K3', 'P2')", denominator="age BETWEEN 16 AND 17"),
    # Stability
    "STB-01": dict(cohort="C-LAC@d", numerator="placements_12m >= 3"),
    "STB-02": dict(cohort="C-LAC@d", numerator="placement_start <= CAST(d - INTERVAL 2 YEAR AS DATE)",
                   denominator="age < 16 AND poc_start <= CAST(d - INTERVAL 30 MONTH AS DATE)"),
    "STB-05": dict(cohort="C-LAC@d", numerator="sw_starts_12m >= 2"),
    # Timeliness, from the deadline rules
    "TML-01": _due("('D07')"),
    "TML-03": _due("('D12')"),
    "TML-04": _due("('D13')"),
    "TML-05": _due("('D15')"),
    "TML-06": _due("('D17.start', 'D17.in_place')"),
    "TML-07": _due("('D17.term', 'D18')"),
    "TML-08": _due("('D09')"),
    "TML-10": _due("('D20', 'D21')"),
    "TML-11": _due("('D23')"),
    "TML-12": _due("('D26')"),
    "TML-13": _due("('D27', 'D27.before_review')"),
    "TML-14": dict(cohort="C-FIRST-PA[p]", time_basis="period", unit="years", value="age_years"),
    # Care leavers, DfE measures (OC3 at the birthday)
    "CL-01": _cl(AGES_17_18, "in_touch = 'YES'", "in_touch IS NULL"),
    "CL-02": _cl(AGES_17_18, f"activ IN {EET_SQL}", "activ IS NULL"),
    "CL-03": _cl(AGES_17_18, "accom LIKE '%1'", "accom IS NULL"),
    "CL-04": _cl(AGES_19_21, "in_touch = 'YES'", "in_touch IS NULL"),
    "CL-05": _cl(AGES_19_21, f"activ IN {EET_SQL}", "activ IS NULL"),
    "CL-06": _cl(AGES_19_21, f"activ IN {NEET_SQL}", "activ IS NULL"),
    "CL-07": _cl(AGES_19_21, "accom LIKE '%1'", "accom IS NULL"),
    "CL-08": _cl(AGES_19_21, "activ IS NULL", "activ IS NULL"),
    "CL-09": _cl(AGES_19_21, f"activ IN {sql_list(HIGHER_EDUCATION)}", "activ IS NULL"),
    "CL-10": _cl(AGES_19_21, f"activ IN {sql_list(OTHER_EDUCATION)}", "activ IS NULL"),
    "CL-11": _cl(AGES_19_21, f"activ IN {sql_list(TRAINING_OR_EMPLOYMENT)}", "activ IS NULL"),
    "CL-12": _cl(AGES_19_21, "accom LIKE '%2'", "accom IS NULL"),
    "CL-13": _cl(AGES_19_21, "accom IS NULL", "accom IS NULL"),
    "CL-14": _cl("age BETWEEN 17 AND 21", "TRUE", "accom IS NULL", unit="count",
                 category="coalesce(left(accom, 1), 'Not known')"),
    # Care leavers, local whole-cohort measures (open to the service on the date)
    "CL-L01": dict(cohort="C-CL-OPEN@d", numerator="accom_suitable", unknown="accom_type IS NULL"),
    "CL-L02": dict(cohort="C-CL-OPEN@d", numerator=f"activity IN {LOCAL_EET}",
                   unknown="activity IS NULL OR activity = 'NOT_KNOWN'"),
    "CL-L03": dict(cohort="C-LAC@d", numerator="last_plan >= poc_start"),
    "CL-L04": dict(cohort="C-CL-OPEN@d", numerator="has_pa"),
    "CL-L05": dict(cohort="C-CL-OPEN@d", numerator="last_contact > CAST(d - INTERVAL 3 MONTH AS DATE)"),
    "CL-L06": dict(cohort="C-CL-OPEN@d", numerator="leaflet_given"),
    "CL-L09": dict(cohort="C-CL-OPEN@d", numerator="mother", unknown="mother IS NULL"),
    "CL-L10": dict(cohort="C-CL-OPEN@d", unit="count", numerator="tier = 'fr_21_24_active'"),
    "CL-L11": dict(cohort="C-CL-OPEN@d", unit="count", numerator="accom_type = 'CUSTODY'"),
    "CL-L12": dict(cohort="C-CL-OPEN@d", unit="count",
                   numerator="accom_type IN ('BED_AND_BREAKFAST', 'EMERGENCY', 'NO_FIXED_ABODE')"),
    "CL-L14": dict(cohort="C-CL-OPEN@d", numerator="activity = 'NEET'",
                   unknown="activity IS NULL OR activity = 'NOT_KNOWN'"),
    # Staying Put
    "SP-01": dict(cohort="C-FOSTER-18[p]", time_basis="period", numerator="staying_put_at_3m"),
    "SP-03": dict(cohort="C-STAYING-PUT@d", unit="count"),
    "SP-04": dict(cohort="C-STAYING-PUT@d", unit="money", value="weekly_allowance",
                  unknown="weekly_allowance IS NULL"),
    "SP-06": dict(cohort="C-CL-OPEN@d", unit="count", denominator="age BETWEEN 18 AND 20",
                  category="coalesce(accom_type, 'Not known')"),
    # NEET detail
    "NEET-01": _cl(AGES_19_21, f"activ IN {NEET_SQL}", "activ IS NULL", unit="count", category="activ"),
    "NEET-02": dict(cohort="C-CL-OPEN@d", unit="count", numerator="activity = 'NEET'",
                    category="coalesce(neet_reason, 'Not recorded')"),
    # Missing from care
    "MIS-01": dict(cohort="C-MISSING[p]", time_basis="period", unit="count", numerator="missing = 'M'"),
    "MIS-02": dict(cohort="C-MISSING[p]", time_basis="period", unit="count", counts="events",
                   numerator="missing = 'M'"),
    "MIS-03": dict(cohort="C-MISSING[p]", time_basis="period", unit="count", numerator="missing = 'A'"),
    "MIS-04": dict(cohort="C-MISSING[p]", time_basis="period", counts="events", numerator="ri_offered",
                   denominator="missing = 'M'", unknown="ri_offered IS NULL"),
    "MIS-05": dict(cohort="C-MISSING[p]", time_basis="period", counts="events", numerator="ri_taken",
                   denominator="missing = 'M'", unknown="ri_taken IS NULL"),
    # Youth justice
    "YJ-01": dict(cohort="C-OC2", time_basis="period", numerator="convicted", denominator="age >= 10",
                  unknown="convicted IS NULL"),
    "YJ-03": dict(cohort="C-LAC@d", unit="count", numerator="place = 'R5' OR ls IN ('J1', 'J2', 'J3')"),
    # Health (OC2)
    "HLT-01": dict(cohort="C-OC2", time_basis="period", numerator="health_assessment",
                   unknown="health_assessment IS NULL"),
    "HLT-02": dict(cohort="C-OC2", time_basis="period", numerator="teeth_check", unknown="teeth_check IS NULL"),
    "HLT-03": dict(cohort="C-OC2", time_basis="period", numerator="immunisations", unknown="immunisations IS NULL"),
    "HLT-04": dict(cohort="C-OC2", time_basis="period", numerator="health_check", denominator="age < 5",
                   unknown="health_check IS NULL"),
    "HLT-05": dict(cohort="C-OC2", time_basis="period", unit="score", value="sdq_score",
                   denominator="age BETWEEN 4 AND 16 AND sdq_score IS NOT NULL"),
    "HLT-07": dict(cohort="C-OC2", time_basis="period", numerator="substance_misuse",
                   unknown="substance_misuse IS NULL"),
    # Workforce
    "WF-01": _workers("ASYE"),
    "WF-02": _workers("Y1_3"),
    "WF-03": _workers("Y3_5"),
    "WF-04": _workers("Y5_PLUS"),
    "WF-05": _workers("", "PERSONAL_ADVISER"),
    "WF-07": dict(cohort="C-WORKERS@d", counts="workers", numerator="cases > 22", unit="percent"),
    "WF-08": _workers(""),
    # Adoption and permanence (children who left care in the period)
    "ADP-01": dict(cohort="C-CEASE[p]", time_basis="period", unit="days", counts="events",
                   value="days_to_adoptive_placement", denominator="rec IN ('E11', 'E12')",
                   unknown="days_to_adoptive_placement IS NULL"),
    "ADP-02": dict(cohort="C-CEASE[p]", time_basis="period", unit="days", counts="events",
                   value="days_authority_to_match", denominator="rec IN ('E11', 'E12')",
                   unknown="days_authority_to_match IS NULL"),
    "ADP-04": dict(cohort="C-CEASE[p]", time_basis="period", counts="events",
                   numerator="days_to_adoptive_placement <= 426", denominator="rec IN ('E11', 'E12')",
                   unknown="days_to_adoptive_placement IS NULL"),
    "ADP-05": dict(cohort="C-CEASE[p]", time_basis="period", counts="events", numerator="rec IN ('E11', 'E12')"),
    "ADP-09": dict(cohort="C-CEASE[p]", time_basis="period", unit="count", counts="events",
                   numerator="rec IN ('E43', 'E44', 'E45', 'E46', 'E47', 'E48')"),
    # Voice
    "VOI-01": dict(cohort="C-REVIEWS[p]", time_basis="period", counts="events",
                   numerator="review_code IN ('PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6')",
                   denominator="review_code <> 'PN0'"),
    "VOI-08": _due("('D36.exit')"),
    "VOI-16": _due("('D56')"),
}
