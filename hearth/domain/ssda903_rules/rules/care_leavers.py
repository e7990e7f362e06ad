"""OC3 (care leavers) rules and the cross-cohort exclusions (ssda903.md §4.4, §5.2 OC3, 1012)."""

from __future__ import annotations

from hearth.domain.ssda903_rules.codelists import ACCOM, ACTIV, ACTIV_TO_2021, IN_TOUCH
from hearth.domain.ssda903_rules.rule import Rule, in_list, query, where

OC3 = "SELECT 'oc3' AS tbl, o._row, o.CHILD FROM oc3 o JOIN _child c USING (CHILD) "
ONLY_CARE_LEAVER_TABLES = ("placed_adoption", "missing", "reviews", "ad1", "prevperm", "oc2")
OC2_ITEMS = ("CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE",
             "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED")
OC2_ANY = "(" + " OR ".join(f"x.{c} IS NOT NULL" for c in OC2_ITEMS) + ")"


def still_looked_after_on_birthday(code: str, ended_only: bool, **kw: object) -> Rule:
    """1007/1016: a 17- or 18-year-old reported in OC3 who was still in care on that birthday."""
    cond = "e.DEC >= bd" if ended_only else "(e.DEC IS NULL OR e.DEC >= bd)"
    return query(
        code, "oc3 episodes",
        f"""SELECT 'oc3' AS tbl, _row, CHILD FROM (
              SELECT o.*, bday(o.DOB, age_on(o.DOB, $end)) AS bd FROM oc3 o
              WHERE age_on(o.DOB, $end) IN (17, 18)) o
            WHERE EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = o.CHILD AND e.DECOM <= bd AND {cond}
                          AND coalesce(e.LS, '') NOT IN ('V3', 'V4'))""",
        "IN_TOUCH ACTIV ACCOM DEC DOB", "A 17- or 18-year-old still looked after on that birthday is not in OC3.", **kw,
    )


RULES = [
    in_list("131", "oc3", "IN_TOUCH", IN_TOUCH, "IN_TOUCH is not a valid code."),
    in_list("132", "oc3", "ACTIV", ACTIV, "ACTIV is not a valid code.", first=2022),
    in_list("132", "oc3", "ACTIV", ACTIV_TO_2021, "ACTIV is not a valid code.", last=2021),
    in_list("133", "oc3", "ACCOM", ACCOM, "ACCOM is not a valid code."),
    where("153", "oc3", "NOT ((IN_TOUCH IS NULL AND ACTIV IS NULL AND ACCOM IS NULL)"
          " OR (IN_TOUCH IS NOT NULL AND ACTIV IS NOT NULL AND ACCOM IS NOT NULL))",
          "IN_TOUCH ACTIV ACCOM", "IN_TOUCH, ACTIV and ACCOM must all be given or all be blank."),
    where("344", "oc3", "IN_TOUCH IN ('DIED', 'RHOM') AND (ACTIV IS DISTINCT FROM '0' OR ACCOM IS DISTINCT FROM '0')",
          "IN_TOUCH ACTIV ACCOM", "For DIED or RHOM, ACTIV and ACCOM must be 0."),
    where("345", "oc3", "IN_TOUCH = 'YES' AND (ACTIV = '0' OR ACCOM = '0')", "IN_TOUCH ACTIV ACCOM",
          "When in touch, ACTIV and ACCOM must not be 0."),
    where("347", "oc3", "ACCOM IN ('T1', 'T2') AND bday(DOB, 18) > $start", "ACCOM DOB",
          "Foyer accommodation is not for care leavers under 18.", first=2024),
    where("391", "oc3", "bday(DOB, 17) > $end AND (IN_TOUCH IS NOT NULL OR ACTIV IS NOT NULL OR ACCOM IS NOT NULL)",
          "DOB IN_TOUCH ACTIV ACCOM", "No OC3 data for a young person under 17 at 31 March."),
    where("3001", "oc3", "ACCOM IN ('Z1', 'Z2') AND age_on(DOB, $end) = 17", "ACCOM DOB",
          "A 17-year-old cannot be living with former foster carers (Z1/Z2)."),
    query("1000", "oc3 episodes episodes_last",
          OC3 + "WHERE o.CHILD IN (SELECT CHILD FROM episodes WHERE REC = 'E2'"
                " UNION SELECT CHILD FROM episodes_last WHERE REC = 'E2')",
          "IN_TOUCH ACTIV ACCOM REC", "No OC3 data for a young person who died while looked after."),
    query("1011", "oc3 episodes",
          OC3 + "WHERE o.IN_TOUCH IS NOT NULL AND o.CHILD IN (SELECT CHILD FROM _epi WHERE is_last AND REC = 'E3')",
          "IN_TOUCH ACTIV ACCOM REC", "No OC3 data when care was transferred to another LA (E3)."),
    still_looked_after_on_birthday("1007", ended_only=False),
    still_looked_after_on_birthday("1016", ended_only=True, first=2024),
    query("1014", "uasc oc3 episodes",
          "SELECT 'uasc' AS tbl, u._row, u.CHILD FROM uasc u JOIN _child c USING (CHILD) WHERE c.n_epi = 0 AND c.has_oc3",
          "DUC IN_TOUCH ACTIV ACCOM", "No UASC row for a care leaver reported only in OC3."),
    query("1012", "episodes " + " ".join(ONLY_CARE_LEAVER_TABLES),
          " UNION ALL ".join(
              f"SELECT '{t}' AS tbl, x._row, x.CHILD FROM {t} x JOIN _child c USING (CHILD) WHERE c.n_epi = 0"
              for t in ONLY_CARE_LEAVER_TABLES),
          "CHILD", "A care leaver with no episode this year must have no rows in this table."),
    query("134", "oc3 ad1",
          OC3 + "WHERE o.IN_TOUCH IS NOT NULL AND o.CHILD IN (SELECT CHILD FROM ad1 WHERE DATE_INT IS NOT NULL)",
          "IN_TOUCH ACTIV ACCOM DATE_INT", "A child cannot have both OC3 and adoption (AD1) data."),
    query("215", "oc2 oc3",
          f"SELECT 'oc2' AS tbl, x._row, x.CHILD FROM oc2 x WHERE {OC2_ANY}"
          " AND x.CHILD IN (SELECT CHILD FROM oc3 WHERE IN_TOUCH IS NOT NULL)",
          "IN_TOUCH ACTIV ACCOM " + " ".join(OC2_ITEMS), "A child with OC3 data cannot also have OC2 outcomes."),
    query("187", "oc2 oc3 ad1 episodes",
          """SELECT 'ad1' AS tbl, a._row, a.CHILD FROM ad1 a JOIN _child c USING (CHILD) WHERE c.oc2_cohort
             UNION ALL
             SELECT 'oc3', o._row, o.CHILD FROM oc3 o JOIN _child c USING (CHILD)
             WHERE c.oc2_cohort AND o.IN_TOUCH IS NOT NULL""",
          "DATE_INT IN_TOUCH ACTIV ACCOM", "A child in the OC2 cohort cannot have AD1 or OC3 data."),
    query("1002", "oc3 episodes episodes_last",
          # Two years of returns only show the care of those whose 17th birthday is this year (care after the
          # 16th birthday is then in this or last year's return); older care leavers need the full history.
          OC3 + "WHERE age_on(o.DOB, $end) = 17"
                " AND o.CHILD NOT IN (SELECT CHILD FROM episodes UNION SELECT CHILD FROM episodes_last)",
          "IN_TOUCH ACTIV ACCOM", "A care leaver with OC3 data must have episodes on record.", needs_last=True),
    query("1010", "oc3 episodes episodes_last",
          OC3 + "WHERE c.n_epi = 0 AND o.CHILD IN (SELECT CHILD FROM _epi_last WHERE is_last AND DEC IS NULL)",
          "IN_TOUCH ACTIV ACCOM", "Last year ended with an open episode: send this year's episodes first.",
          needs_last=True),
    query("348", "oc3 oc3_last",
          "SELECT 'oc3' AS tbl, o._row, o.CHILD FROM oc3 o JOIN oc3_last l USING (CHILD)"
          " WHERE l.IN_TOUCH = 'DIED' AND o.IN_TOUCH IS DISTINCT FROM 'DIED'",
          "IN_TOUCH", "A care leaver reported as DIED last year must be DIED again.", first=2026, needs_last=True),
]
