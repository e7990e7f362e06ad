"""The standard cohorts (kpis.md §1.3) as DuckDB SQL over a `points(d, p_start)` table.

Every cohort returns one row per counted unit per point: `d`, `unit` (what is counted: a child,
an event or a worker), `child_key` where there is a child, and the columns KPIs test. A KPI is
then a boolean over these columns (see hearth.domain.kpis.measures). `d` is the date asked about;
`p_start` the first day of the period ending on it (rolling 12 months unless asked otherwise).
Short-break-only care (LS V3/V4) is left out everywhere (§1.2 rule 4); an episode ending on d is
not open on d (rule 5).
"""

from __future__ import annotations

from dataclasses import dataclass

from hearth.domain.kpis.groupings import placement_group_sql

SHORT_BREAKS = "('V3', 'V4')"
NEW_CARERS = "('S', 'P', 'B')"  # RNE codes that start a placement with new carers (a move)


@dataclass(frozen=True)
class Cohort:
    id: str
    words: str
    sql: str
    tables: tuple[str, ...]  # what it reads; a record-only table with no rows means "no data"


# Built once per snapshot: episodes with their period of care and placement, and periods of care.
PREPARE = f"""
CREATE OR REPLACE MACRO age_on(dob, d) AS
    year(d) - year(dob) - CASE WHEN month(d) * 100 + day(d) < month(dob) * 100 + day(dob) THEN 1 ELSE 0 END;
CREATE OR REPLACE MACRO add_years(dob, n) AS CAST(dob + to_years(CAST(n AS INTEGER)) AS DATE);
CREATE OR REPLACE TABLE ep AS
SELECT e.*,
    coalesce(max(CASE WHEN rne = 'S' THEN decom END) OVER w, min(decom) OVER (PARTITION BY child_key)) AS poc_start,
    coalesce(max(CASE WHEN rne IN {NEW_CARERS} THEN decom END) OVER w, min(decom) OVER (PARTITION BY child_key))
        AS placement_start,
    {placement_group_sql('place', 'place_provider')} AS placement_group
FROM episode e
WINDOW w AS (PARTITION BY child_key ORDER BY decom ROWS UNBOUNDED PRECEDING);
CREATE OR REPLACE TABLE poc AS
SELECT child_key, poc_start,
    max(decom) AS last_decom,
    arg_max(dec, decom) AS poc_end,
    arg_max(rec, decom) AS end_rec,
    arg_max(place, decom) AS last_place,
    arg_min(ls, decom) AS first_ls,
    bool_and(ls IN {SHORT_BREAKS}) AS short_breaks_only,
    min(CASE WHEN place IN ('A3', 'A4', 'A5', 'A6') THEN decom END) AS placed_for_adoption_on,
    min(CASE WHEN ls IN ('E1', 'D1') THEN decom END) AS placement_order_on
FROM ep GROUP BY child_key, poc_start;
CREATE OR REPLACE TABLE oc3_birthday AS
SELECT o.child_key, age_on(c.dob, make_date(o.year, 3, 31)) AS age,
    add_years(c.dob, age_on(c.dob, make_date(o.year, 3, 31))) AS birthday,
    o.in_touch, nullif(o.activ, '0') AS activ, nullif(o.accom, '0') AS accom, c.uasc
FROM oc3 o JOIN child c ON c.child_key = o.child_key;
"""

_LAC_AT = f"""
WITH open_now AS (
    SELECT p.d, p.p_start, e.* FROM points p JOIN ep e ON e.decom <= p.d AND (e.dec IS NULL OR e.dec > p.d)
    WHERE e.ls NOT IN {SHORT_BREAKS}
), moves AS (
    SELECT p.d, x.child_key, count(DISTINCT x.placement_start) AS placements_12m
    FROM points p JOIN ep x ON x.decom <= p.d AND (x.dec IS NULL OR x.dec > p.p_start)
    WHERE x.place NOT LIKE 'T%' GROUP BY ALL
), workers AS (
    SELECT p.d, s.child_key, count(*) AS sw_starts_12m
    FROM points p JOIN sw_episode s ON s.sw_decom > p.p_start AND s.sw_decom <= p.d GROUP BY ALL
), plans AS (
    SELECT p.d, q.child_key, max(q.on_day) AS last_plan
    FROM points p JOIN (SELECT child_key, agreed_on AS on_day FROM lc_pathway_plan UNION ALL
                        SELECT child_key, completed_on FROM duty WHERE duty = 'CARE_PLAN') q ON q.on_day <= p.d
    GROUP BY ALL
)
SELECT e.d, e.child_key AS unit, e.child_key, e.decom, e.ls, e.cin, e.place, e.place_provider, e.out_of_area,
    e.placement_group, e.poc_start, e.placement_start, age_on(c.dob, e.d) AS age, c.sex, c.ethnic, c.uasc,
    coalesce(m.placements_12m, 0) AS placements_12m, coalesce(w.sw_starts_12m, 0) AS sw_starts_12m, pl.last_plan
FROM open_now e JOIN child c ON c.child_key = e.child_key
LEFT JOIN moves m ON m.d = e.d AND m.child_key = e.child_key
LEFT JOIN workers w ON w.d = e.d AND w.child_key = e.child_key
LEFT JOIN plans pl ON pl.d = e.d AND pl.child_key = e.child_key
"""

_LAC_DURING = f"""
SELECT DISTINCT p.d, e.child_key AS unit, e.child_key
FROM points p JOIN ep e ON e.decom <= p.d AND (e.dec IS NULL OR e.dec >= p.p_start)
WHERE e.ls NOT IN {SHORT_BREAKS}
"""

_STARTERS = f"""
SELECT p.d, e.child_key AS unit, e.child_key, e.decom, e.ls, age_on(c.dob, e.decom) AS age
FROM points p JOIN ep e ON e.rne = 'S' AND e.decom BETWEEN p.p_start AND p.d
JOIN child c ON c.child_key = e.child_key
WHERE e.ls NOT IN {SHORT_BREAKS}
"""

_CEASED = """
SELECT p.d, e.child_key || '@' || CAST(e.dec AS VARCHAR) AS unit, e.child_key, e.dec, e.rec,
    age_on(c.dob, e.dec) AS age, e.poc_start, date_diff('day', e.poc_start, e.dec) / 365.25 AS years_in_care,
    o.placed_for_adoption_on, o.placement_order_on, a.date_match, a.foster_care,
    date_diff('day', e.poc_start, o.placed_for_adoption_on) AS days_to_adoptive_placement,
    date_diff('day', coalesce(o.placement_order_on, pa.date_placed), a.date_match) AS days_authority_to_match
FROM points p JOIN ep e ON e.dec BETWEEN p.p_start AND p.d AND coalesce(e.rec, '') <> 'X1'
JOIN child c ON c.child_key = e.child_key
JOIN poc o ON o.child_key = e.child_key AND o.poc_start = e.poc_start
LEFT JOIN (SELECT child_key, arg_max(date_match, date_int) AS date_match, bool_or(foster_care) AS foster_care
           FROM ad1 GROUP BY child_key) a ON a.child_key = e.child_key
LEFT JOIN (SELECT child_key, max(date_placed) AS date_placed FROM placed_adoption GROUP BY child_key) pa
    ON pa.child_key = e.child_key
WHERE NOT o.short_breaks_only
"""

_LAC_12M = f"""
SELECT * FROM ({_LAC_AT}) WHERE poc_start <= p_minus_12m(d)
""".replace("p_minus_12m(d)", "CAST(d - INTERVAL 12 MONTH AS DATE)")

# The OC2 cohort of the last complete collection year at d (outcomes are collected once a year).
_OC2_YEAR = """
SELECT p.d, o.child_key AS unit, o.child_key, o.year, age_on(c.dob, make_date(o.year, 3, 31)) AS age,
    o.sdq_score, o.convicted, o.health_check, o.immunisations, o.teeth_check, o.health_assessment, o.substance_misuse
FROM points p JOIN oc2 o
    ON o.year = CASE WHEN month(p.d) * 100 + day(p.d) >= 331 THEN year(p.d) ELSE year(p.d) - 1 END
JOIN child c ON c.child_key = o.child_key
"""

# DfE care-leaver cohort: OC3 rows whose 17th-21st birthday falls in the 12 months to d.
_CL_DFE = """
SELECT p.d, o.child_key AS unit, o.child_key, o.age, o.birthday, o.in_touch, o.activ, o.accom, o.uasc
FROM points p JOIN oc3_birthday o ON o.birthday > CAST(p.d - INTERVAL 12 MONTH AS DATE) AND o.birthday <= p.d
"""

_OPEN_AT = """(SELECT p.d, t.child_key, {cols} FROM points p JOIN {table} t ON t.start <= p.d
    AND (t."end" IS NULL OR t."end" > p.d) GROUP BY ALL)"""

# Everyone open to the leaving-care service at d: relevant, and former relevant young people
# (those aged 21-24 only while they are receiving support). Qualifying care leavers are left out.
CL_OPEN_CATEGORIES = "relevant and former relevant (21–24 only while receiving support)"
_CL_OPEN = f"""
SELECT p.d, s.child_key AS unit, s.child_key, s.category, s.tier, age_on(c.dob, p.d) AS age, c.mother, c.uasc,
    a.accom_type, a.accom_suitable, v.activity, v.neet_reason, sp.child_key IS NOT NULL AS staying_put,
    pa.child_key IS NOT NULL AS has_pa,
    (SELECT max(x.date) FROM lc_contact x WHERE x.child_key = s.child_key AND x.date <= p.d
        AND x.kind <> 'ATTEMPTED') AS last_contact,
    (SELECT count(*) > 0 FROM lc_entitlement x WHERE x.child_key = s.child_key AND x.given_on <= p.d
        AND x.kind = 'LOCAL_OFFER_LEAFLET') AS leaflet_given
FROM points p JOIN lc_status s ON s.start <= p.d AND (s."end" IS NULL OR s."end" >= p.d)
    AND (s.category = 'relevant' OR (s.category = 'former_relevant' AND coalesce(s.tier, '') <> 'fr_21_24_dormant'))
JOIN child c ON c.child_key = s.child_key
LEFT JOIN {_OPEN_AT.format(cols="arg_max(t.type, t.start) AS accom_type, arg_max(t.suitable, t.start) AS accom_suitable",
                          table="lc_accommodation")} a ON a.d = p.d AND a.child_key = s.child_key
LEFT JOIN {_OPEN_AT.format(cols="arg_max(t.activity, t.start) AS activity, arg_max(t.neet_reason, t.start) AS neet_reason",
                          table="lc_activity")} v ON v.d = p.d AND v.child_key = s.child_key
LEFT JOIN {_OPEN_AT.format(cols="count(*) AS n", table="lc_staying_put")} sp ON sp.d = p.d AND sp.child_key = s.child_key
LEFT JOIN (SELECT p.d, t.child_key FROM points p JOIN allocation t ON t.role = 'PERSONAL_ADVISER' AND t.start <= p.d
    AND (t."end" IS NULL OR t."end" > p.d) GROUP BY ALL) pa ON pa.d = p.d AND pa.child_key = s.child_key
"""

_ELIGIBLE_AT = """
SELECT p.d, s.child_key AS unit, s.child_key, age_on(c.dob, p.d) AS age
FROM points p JOIN lc_status s ON s.start <= p.d AND (s."end" IS NULL OR s."end" >= p.d) AND s.category = 'eligible'
JOIN child c ON c.child_key = s.child_key
"""

_MISSING_IN = """
SELECT p.d, m.child_key || '@' || CAST(m.mis_start AS VARCHAR) AS unit, m.child_key, m.missing, m.ri_offered,
    m.ri_taken
FROM points p JOIN missing m ON m.mis_start BETWEEN p.p_start AND p.d
"""

_REVIEWS_IN = """
SELECT p.d, r.child_key || '@' || CAST(r.review AS VARCHAR) AS unit, r.child_key, r.review_code
FROM points p JOIN review r ON r.review BETWEEN p.p_start AND p.d
"""

_OBLIGATIONS_DUE = """
SELECT p.d, o.child_key || '@' || o.rule_id || '@' || CAST(o.legal_due AS VARCHAR) AS unit, o.child_key, o.rule_id,
    o.completed_on IS NOT NULL AND o.completed_on <= o.legal_due AS on_time, o.status
FROM points p JOIN obligation o ON o.legal_due BETWEEN p.p_start AND p.d
WHERE o.status NOT IN ('not_applicable', 'waived')
"""

_WORKERS_AT = """
SELECT p.d, w.worker_key AS unit, NULL AS child_key, w.role, w.experience_band, w.team,
    count(DISTINCT a.child_key) AS cases
FROM points p JOIN allocation a ON a.start <= p.d AND (a."end" IS NULL OR a."end" > p.d)
JOIN worker w ON w.worker_key = a.worker_key
GROUP BY ALL
"""

_FIRST_PA = """
SELECT p.d, f.child_key AS unit, f.child_key, date_diff('day', c.dob, f.start) / 365.25 AS age_years
FROM points p JOIN (SELECT child_key, min(start) AS start FROM allocation WHERE role = 'PERSONAL_ADVISER'
    GROUP BY child_key) f ON f.start BETWEEN p.p_start AND p.d
JOIN child c ON c.child_key = f.child_key
"""

# Left care from foster care on the 18th birthday, three months on within the period (SP-01).
_FOSTER_AT_18 = """
SELECT p.d, e.child_key AS unit, e.child_key,
    EXISTS (SELECT 1 FROM lc_staying_put s WHERE s.child_key = e.child_key
        AND s.start <= CAST(e.dec + INTERVAL 3 MONTH AS DATE)
        AND (s."end" IS NULL OR s."end" > CAST(e.dec + INTERVAL 3 MONTH AS DATE))) AS staying_put_at_3m
FROM points p JOIN ep e ON e.place LIKE 'U%' JOIN child c ON c.child_key = e.child_key
WHERE e.dec = add_years(c.dob, 18) AND CAST(e.dec + INTERVAL 3 MONTH AS DATE) BETWEEN p.p_start AND p.d
"""

_STAYING_PUT_AT = """
SELECT p.d, s.child_key AS unit, s.child_key, s.weekly_allowance, age_on(c.dob, p.d) AS age
FROM points p JOIN lc_staying_put s ON s.start <= p.d AND (s."end" IS NULL OR s."end" > p.d)
JOIN child c ON c.child_key = s.child_key
"""

COHORTS: dict[str, Cohort] = {c.id: c for c in (
    Cohort("C-LAC@d", "Children looked after on the date (short-break-only care excluded)", _LAC_AT,
           ("episode", "child")),
    Cohort("C-LAC[p]", "Children looked after at any time in the period", _LAC_DURING, ("episode",)),
    Cohort("C-START[p]", "Periods of care that began in the period", _STARTERS, ("episode", "child")),
    Cohort("C-CEASE[p]", "Periods of care that ended in the period (reason from REC)", _CEASED, ("episode", "child")),
    Cohort("C-12M", "Children looked after continuously for 12 months or more on the date", _LAC_12M,
           ("episode", "child")),
    Cohort("C-OC2", "The OC2 cohort of the last complete collection year (looked after 12 months at 31 March)",
           _OC2_YEAR, ("oc2",)),
    Cohort("C-CL-DFE", "Care leavers whose 17th to 21st birthday fell in the 12 months to the date (OC3)", _CL_DFE,
           ("oc3",)),
    Cohort("C-CL-OPEN@d", f"Care leavers open to the service on the date: {CL_OPEN_CATEGORIES}", _CL_OPEN,
           ("lc_status",)),
    Cohort("C-ELIG@d", "Eligible children on the date (looked after, 16 or 17, 13 weeks since 14)", _ELIGIBLE_AT,
           ("lc_status",)),
    Cohort("C-MISSING[p]", "Missing or away-from-placement incidents that began in the period", _MISSING_IN,
           ("missing",)),
    Cohort("C-REVIEWS[p]", "Looked-after reviews held in the period", _REVIEWS_IN, ("review",)),
    Cohort("C-DUE[p]", "Statutory deadlines that fell due in the period (from the deadline rules)", _OBLIGATIONS_DUE,
           ("obligation",)),
    Cohort("C-WORKERS@d", "Case-holding workers on the date (workers with no cases are left out)", _WORKERS_AT,
           ("allocation", "worker")),
    Cohort("C-FIRST-PA[p]", "Young people first given a personal adviser in the period", _FIRST_PA, ("allocation",)),
    Cohort("C-FOSTER-18[p]", "Young people who left foster care on their 18th birthday, three months on in the period",
           _FOSTER_AT_18, ("episode", "lc_staying_put")),
    Cohort("C-STAYING-PUT@d", "Staying Put arrangements open on the date", _STAYING_PUT_AT, ("lc_staying_put",)),
)}
