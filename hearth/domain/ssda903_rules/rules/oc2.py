"""OC2 rules: SDQ, convictions, health and substance misuse for the continuously looked-after cohort
(ssda903.md §4.2, §1.6 OC2)."""

from __future__ import annotations

from hearth.domain.ssda903_rules.codelists import SDQ_REASON
from hearth.domain.ssda903_rules.rule import in_list, query, where

YES_NO = ("CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE",
          "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED")
CORE = ("IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE")
CORE_MISSING = "(" + " OR ".join(f"{c} IS NULL" for c in CORE) + ")"
ANY_ITEM = "(" + " OR ".join(f"{c} IS NOT NULL" for c in YES_NO) + ")"
SDQ_GIVEN = "(SDQ_SCORE IS NOT NULL OR SDQ_REASON IS NOT NULL)"
COHORT = "SELECT 'oc2' AS tbl, o._row, o.CHILD FROM oc2 o JOIN _child c USING (CHILD) WHERE "
SDQ_AGE = "bday(o.DOB, 4) <= $start AND bday(o.DOB, 17) > $end"

RULES = [
    where("180", "oc2", "SDQ_SCORE IS NOT NULL AND coalesce(TRY_CAST(SDQ_SCORE AS INTEGER) NOT BETWEEN 0 AND 40, true)",
          "SDQ_SCORE", "SDQ_SCORE must be a whole number from 0 to 40."),
    where("181", "oc2", "(" + " OR ".join(f"{c} NOT IN ('0', '1')" for c in YES_NO) + ")", " ".join(YES_NO),
          "OC2 yes/no items must be 0 or 1."),
    where("182", "oc2", f"{ANY_ITEM} AND {CORE_MISSING}", " ".join(YES_NO),
          "Immunisations, teeth check, health assessment and substance misuse must all be completed."),
    where("158", "oc2", "INTERVENTION_RECEIVED = '1' AND INTERVENTION_OFFERED IS NOT NULL",
          "INTERVENTION_RECEIVED INTERVENTION_OFFERED", "If an intervention was received, 'offered' must be blank."),
    where("159", "oc2", "SUBSTANCE_MISUSE = '1' AND INTERVENTION_RECEIVED = '0' AND INTERVENTION_OFFERED IS NULL",
          "SUBSTANCE_MISUSE INTERVENTION_RECEIVED INTERVENTION_OFFERED",
          "No intervention received: INTERVENTION_OFFERED must be completed."),
    where("192", "oc2", "SUBSTANCE_MISUSE = '1' AND INTERVENTION_RECEIVED IS NULL",
          "SUBSTANCE_MISUSE INTERVENTION_RECEIVED", "Substance misuse identified: INTERVENTION_RECEIVED is required."),
    where("193", "oc2", "coalesce(SUBSTANCE_MISUSE, '0') = '0'"
          " AND (INTERVENTION_RECEIVED IS NOT NULL OR INTERVENTION_OFFERED IS NOT NULL)",
          "SUBSTANCE_MISUSE INTERVENTION_RECEIVED INTERVENTION_OFFERED",
          "No substance misuse: both intervention items must be blank."),
    in_list("196", "oc2", "SDQ_REASON", SDQ_REASON, "SDQ_REASON must be SDQ1-SDQ5."),
    where("197a", "oc2", "SDQ_SCORE IS NOT NULL AND SDQ_REASON IS NOT NULL", "SDQ_SCORE SDQ_REASON",
          "Give an SDQ score or a reason, not both."),
    where("188", "oc2", f"bday(DOB, 4) > $end AND {SDQ_GIVEN}", "SDQ_SCORE SDQ_REASON DOB",
          "No SDQ score or reason for a child under 4 at 31 March."),
    where("189", "oc2", f"bday(DOB, 17) < $start AND {SDQ_GIVEN}", "SDQ_SCORE SDQ_REASON DOB",
          "No SDQ score or reason for a young person who was 17 before 1 April."),
    where("542", "oc2", "CONVICTED IS NOT NULL AND bday(DOB, 10) > $end", "CONVICTED DOB",
          "CONVICTED must be blank for a child under 10 at 31 March."),
    where("544", "oc2", f"CONVICTED = '1' AND {CORE_MISSING}", "CONVICTED " + " ".join(CORE),
          "CONVICTED is 1: the health and substance items must be completed."),
    where("547", "oc2", f"HEALTH_CHECK = '1' AND {CORE_MISSING}", "HEALTH_CHECK " + " ".join(CORE),
          "HEALTH_CHECK is 1: the health and substance items must be completed."),
    query("185", "oc2 episodes", COHORT + "o.SDQ_SCORE IS NOT NULL AND NOT c.oc2_cohort", "SDQ_SCORE",
          "An SDQ score is only for children looked after continuously for 12 months."),
    query("198", "oc2 episodes", COHORT + "o.SDQ_REASON IS NOT NULL AND NOT c.oc2_cohort", "SDQ_REASON",
          "An SDQ reason is only for children looked after continuously for 12 months."),
    query("190", "oc2 episodes", COHORT + "NOT c.oc2_cohort AND " + ANY_ITEM.replace("(", "(o.", 1).replace(" OR ", " OR o."),
          " ".join(YES_NO), "OC2 outcomes must be blank for children not looked after continuously for 12 months."),
    query("191", "oc2 episodes",
          COHORT + "c.oc2_cohort AND " + CORE_MISSING.replace("(", "(o.", 1).replace(" OR ", " OR o.") +
          """ UNION ALL SELECT 'header', h._row, h.CHILD FROM header h JOIN _child c USING (CHILD)
              WHERE c.oc2_cohort AND h.CHILD NOT IN (SELECT CHILD FROM oc2)""",
          " ".join(CORE), "A continuously looked-after child needs OC2 health and substance items."),
    query("186", "oc2 episodes", COHORT + f"c.oc2_cohort AND {SDQ_AGE} AND o.SDQ_SCORE IS NULL AND o.SDQ_REASON IS NULL",
          "SDQ_SCORE SDQ_REASON DOB", "An SDQ score or reason is required for this child."),
    query("197B", "oc2 episodes",
          COHORT + """c.oc2_cohort AND o.SDQ_SCORE IS NULL AND o.SDQ_REASON IS NULL
                      AND (bday(o.DOB, 4) BETWEEN $start AND $end OR bday(o.DOB, 17) BETWEEN $start AND $end)""",
          "SDQ_SCORE SDQ_REASON DOB", "A score or reason is expected for a child whose 4th or 17th birthday is in the year.",
          severity="warning"),
    query("157", "oc2 episodes",
          COHORT + "c.oc2_cohort AND o.SDQ_REASON = 'SDQ1' AND bday(o.DOB, 4) <= $start AND bday(o.DOB, 16) >= $end",
          "SDQ_REASON SDQ_SCORE DOB", "SDQ1 (outside the age range) is wrong for this child."),
    query("543", "oc2 episodes", COHORT + "c.oc2_cohort AND bday(o.DOB, 10) <= $end AND o.CONVICTED IS NULL",
          "CONVICTED DOB", "CONVICTED is required for a child aged 10 or over."),
    query("545", "oc2 episodes", COHORT + "c.oc2_cohort AND bday(o.DOB, 5) > $end AND o.HEALTH_CHECK IS NULL",
          "HEALTH_CHECK DOB", "HEALTH_CHECK is required for a child under 5."),
    query("546", "oc2 episodes", COHORT + "c.oc2_cohort AND bday(o.DOB, 5) <= $end AND o.HEALTH_CHECK IS NOT NULL",
          "HEALTH_CHECK DOB", "HEALTH_CHECK must be blank for a child aged 5 or over."),
]
