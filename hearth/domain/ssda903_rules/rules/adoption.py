"""AD1 and PlacedAdoption rules: the adoption timeline and adopters (ssda903.md §4.9, §2.16)."""

from __future__ import annotations

from hearth.domain.ssda903_rules.codelists import LS_ADOPTR, REASON_PLACED_CEASED, SEX_ADOPTR
from hearth.domain.ssda903_rules.rule import Rule, in_list, query, valid_date, where

AD1_ITEMS = ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")
_ITEM = {c: f"{c}__txt" if c.startswith("DATE") else c for c in AD1_ITEMS}
ALL_GIVEN = " AND ".join(f"{v} IS NOT NULL" for v in _ITEM.values())
ALL_GIVEN_A = " AND ".join(f"a.{v} IS NOT NULL" for v in _ITEM.values())
NONE_GIVEN = " AND ".join(f"{v} IS NULL" for v in _ITEM.values())
ADOPTED = "REC IN ('E11', 'E12')"
AD = "SELECT 'ad1' AS tbl, a._row, a.CHILD FROM ad1 a "
PA = "SELECT 'placed_adoption' AS tbl, p._row, p.CHILD FROM placed_adoption p "
# The child's latest decision (by DATE_PLACED).
LATEST = """(SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY CHILD ORDER BY DATE_PLACED DESC NULLS LAST, _row DESC)
             AS k FROM placed_adoption) WHERE k = 1)"""
ADOPTER_SEX = {  # LS_ADOPTR -> the SEX_ADOPTR codes it allows (511-524)
    "514": ("L0", ("M1", "F1")), "517": ("L3", ("MF",)), "518": ("L4", ("MM", "FF")),
    "519": ("L2", ("MM", "FF", "MF")), "520": ("L11", ("MF",)), "524": ("L12", ("MM", "FF")),
}


def adopter_sex(code: str, ls: str, allowed: tuple[str, ...]) -> Rule:
    listed = ", ".join(f"'{s}'" for s in allowed)
    return where(code, "ad1", f"LS_ADOPTR = '{ls}' AND SEX_ADOPTR NOT IN ({listed})", "LS_ADOPTR SEX_ADOPTR",
                 f"LS_ADOPTR {ls} needs SEX_ADOPTR {' or '.join(allowed)}.")


def left_care_not_adopted(code: str, statuses: str, **kw: object) -> Rule:
    return query(
        code, "episodes placed_adoption",
        f"""SELECT 'placed_adoption' AS tbl, p._row, p.CHILD FROM {LATEST} p
            WHERE (p.DATE_PLACED_CEASED IS NULL OR p.REASON_PLACED_CEASED IS NULL) AND p.CHILD IN (
              SELECT CHILD FROM _epi WHERE is_last AND REC IS NOT NULL AND REC NOT IN ('X1', 'E11', 'E12'))
            AND p.CHILD IN (SELECT CHILD FROM episodes WHERE PLACE IN ('A3', 'A4', 'A5', 'A6') OR LS IN {statuses})""",
        "DATE_PLACED_CEASED REASON_PLACED_CEASED PLACE LS REC",
        "The child left care other than by adoption: the decision to place must be shown as reversed.", **kw,
    )


RULES = [
    valid_date("112", "ad1", "DATE_INT", "DATE_INT is not a valid date."),
    valid_date("113", "ad1", "DATE_MATCH", "DATE_MATCH is not a valid date."),
    in_list("114", "ad1", "FOSTER_CARE", ("0", "1"), "FOSTER_CARE must be 0 or 1."),
    valid_date("115", "placed_adoption", "DATE_PLACED", "DATE_PLACED is not a valid date."),
    valid_date("116", "placed_adoption", "DATE_PLACED_CEASED", "DATE_PLACED_CEASED is not a valid date."),
    query("117", "placed_adoption episodes",
          PA + """LEFT JOIN _epi e ON e.CHILD = p.CHILD AND e.is_last AND e.REC IS NOT NULL AND e.REC <> 'X1'
                  WHERE greatest(p.DATE_PLACED, p.DATE_PLACED_CEASED) > least($end, coalesce(e.DEC, $end))""",
          "DATE_PLACED DATE_PLACED_CEASED DEC REC",
          "A decision date is after 31 March or after the child ceased to be looked after."),
    query("118", "placed_adoption episodes",
          PA + """WHERE p.DATE_PLACED_CEASED < $start OR p.DATE_PLACED_CEASED < (SELECT min(DECOM) FROM episodes e
                  WHERE e.CHILD = p.CHILD AND coalesce(e.LS, '') NOT IN ('V3', 'V4'))""",
          "DATE_PLACED_CEASED DECOM LS", "The reversal date is before the year or before the child's first episode."),
    where("119", "placed_adoption", "(DATE_PLACED_CEASED__txt IS NULL) <> (REASON_PLACED_CEASED IS NULL)",
          "DATE_PLACED_CEASED REASON_PLACED_CEASED", "Reversal date and reason must be given together."),
    in_list("120", "placed_adoption", "REASON_PLACED_CEASED", REASON_PLACED_CEASED, "Reason must be RD1-RD4."),
    where("151", "ad1", f"NOT (({ALL_GIVEN}) OR ({NONE_GIVEN}))", " ".join(AD1_ITEMS),
          "The six adoption items must all be given or all be blank."),
    in_list("175", "ad1", "NB_ADOPTR", ("1", "2"), "NB_ADOPTR must be 1 or 2."),
    in_list("176", "ad1", "SEX_ADOPTR", SEX_ADOPTR, "SEX_ADOPTR is not a valid code."),
    in_list("177", "ad1", "LS_ADOPTR", LS_ADOPTR, "LS_ADOPTR is not a valid code."),
    where("184", "placed_adoption", "DATE_PLACED < DOB", "DATE_PLACED DOB",
          "The decision to place cannot precede the child's birth."),
    query("331", "ad1 episodes", AD + f"JOIN episodes e ON e.CHILD = a.CHILD AND e.{ADOPTED} WHERE a.DATE_MATCH > e.DECOM",
          "DATE_MATCH DECOM REC", "Matching must be on or before the start of the adoptive placement."),
    where("333", "ad1", "DATE_MATCH__txt IS NOT NULL AND (DATE_INT IS NULL OR DATE_INT > DATE_MATCH)",
          "DATE_INT DATE_MATCH", "DATE_INT must be given and not later than DATE_MATCH."),
    query("334", "ad1 episodes",
          AD + "WHERE a.DATE_INT < (SELECT max(DECOM) FROM episodes e WHERE e.CHILD = a.CHILD AND e.RNE = 'S')",
          "DATE_INT DECOM RNE", "DATE_INT cannot precede the start of the latest period of care."),
    query("335", "ad1 episodes",
          AD + f"""JOIN episodes e ON e.CHILD = a.CHILD AND e.{ADOPTED}
                  WHERE (e.PLACE IN ('A3', 'A5') AND a.FOSTER_CARE IS DISTINCT FROM '1')
                     OR (e.PLACE IN ('A4', 'A6') AND a.FOSTER_CARE IS DISTINCT FROM '0')""",
          "FOSTER_CARE PLACE REC", "FOSTER_CARE does not agree with the final adoption placement type."),
    where("511", "ad1", "NB_ADOPTR = '2' AND SEX_ADOPTR IN ('M1', 'F1')", "NB_ADOPTR SEX_ADOPTR",
          "Two adopters cannot have a single-adopter sex code."),
    *(adopter_sex(code, ls, allowed) for code, (ls, allowed) in ADOPTER_SEX.items()),
    query("521", "ad1 episodes",
          AD + "WHERE EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = a.CHILD"
               " AND e.PLACE IN ('A3', 'A4', 'A5', 'A6') AND e.DECOM < a.DATE_INT)",
          "DATE_INT DECOM PLACE", "DATE_INT must be on or before the start of any adoption placement."),
    where("522", "placed_adoption", "DATE_PLACED_CEASED < DATE_PLACED", "DATE_PLACED DATE_PLACED_CEASED",
          "The reversal cannot precede the decision."),
    query("523", "placed_adoption ad1",
          AD + """WHERE a.DATE_INT IS NOT NULL AND a.CHILD IN (SELECT CHILD FROM placed_adoption)
                  AND NOT EXISTS (SELECT 1 FROM placed_adoption p WHERE p.CHILD = a.CHILD AND p.DATE_PLACED = a.DATE_INT)""",
          "DATE_PLACED DATE_INT", "DATE_INT must equal the DATE_PLACED of the decision to place."),
    query("525", "placed_adoption ad1",
          AD + f"JOIN {LATEST} p USING (CHILD) WHERE p.DATE_PLACED_CEASED IS NOT NULL AND a.DATE_INT IS NOT NULL",
          "DATE_PLACED_CEASED DATE_INT", "A child whose decision to place was reversed cannot have AD1 data."),
    query("551", "episodes placed_adoption",
          """SELECT 'episodes' AS tbl, _row, CHILD FROM episodes e WHERE PLACE IN ('A3', 'A4', 'A5', 'A6')
             AND NOT EXISTS (SELECT 1 FROM placed_adoption p WHERE p.CHILD = e.CHILD AND p.DATE_PLACED IS NOT NULL)""",
          "PLACE DATE_PLACED", "A child in an adoption placement must have a decision-to-place date."),
    query("552", "episodes placed_adoption",
          f"""SELECT 'placed_adoption' AS tbl, p._row, p.CHILD FROM {LATEST} p WHERE p.DATE_PLACED >
              (SELECT min(DECOM) FROM episodes e WHERE e.CHILD = p.CHILD AND e.PLACE IN ('A3', 'A4', 'A5', 'A6'))""",
          "DATE_PLACED DECOM PLACE", "The decision to place must be on or before the first adoption placement."),
    query("553", "episodes placed_adoption",
          f"""SELECT 'episodes' AS tbl, e._row, e.CHILD FROM episodes e LEFT JOIN {LATEST} p USING (CHILD)
              WHERE e.LS = 'E1' AND (p.CHILD IS NULL OR (e.DEC IS NULL AND p.DATE_PLACED_CEASED IS NOT NULL))""",
          "LS DATE_PLACED DATE_PLACED_CEASED REASON_PLACED_CEASED",
          "A child with a placement order (E1) needs a decision to place that is not reversed while E1 is open."),
    query("554", "episodes placed_adoption",
          """SELECT 'placed_adoption' AS tbl, _row, CHILD FROM (SELECT *, row_number() OVER
               (PARTITION BY CHILD ORDER BY DATE_PLACED, _row) AS k FROM placed_adoption) p
             WHERE k = 1 AND DATE_PLACED > (SELECT min(DECOM) FROM episodes e WHERE e.CHILD = p.CHILD AND e.LS = 'E1')""",
          "DATE_PLACED DECOM LS", "The decision to place must be on or before the first placement order episode."),
    query("555", "episodes placed_adoption",
          f"""SELECT 'episodes' AS tbl, e._row, e.CHILD FROM episodes e LEFT JOIN {LATEST} p USING (CHILD)
              WHERE e.LS = 'D1' AND (p.CHILD IS NULL OR (e.DEC IS NULL AND p.DATE_PLACED_CEASED IS NOT NULL))""",
          "LS DATE_PLACED DATE_PLACED_CEASED REASON_PLACED_CEASED",
          "A child with a freeing order (D1) needs a decision to place that is not reversed while D1 is open.", last=2024),
    query("556", "episodes placed_adoption",
          """SELECT 'placed_adoption' AS tbl, _row, CHILD FROM (SELECT *, row_number() OVER
               (PARTITION BY CHILD ORDER BY DATE_PLACED, _row) AS k FROM placed_adoption) p
             WHERE k = 1 AND DATE_PLACED > (SELECT min(DECOM) FROM episodes e WHERE e.CHILD = p.CHILD AND e.LS = 'D1')""",
          "DATE_PLACED DECOM LS", "The decision to place must be on or before the first freeing order episode.",
          last=2024),
    left_care_not_adopted("557", "('D1', 'E1')", last=2024),
    left_care_not_adopted("557", "('E1')", first=2025),
    query("558", "episodes placed_adoption",
          f"SELECT 'placed_adoption' AS tbl, p._row, p.CHILD FROM {LATEST} p WHERE p.DATE_PLACED_CEASED IS NOT NULL"
          f" AND p.CHILD IN (SELECT CHILD FROM episodes WHERE {ADOPTED})",
          "DATE_PLACED_CEASED REC", "An adopted child's decision to place cannot be shown as reversed."),
    where("563", "placed_adoption",
          "DATE_PLACED__txt IS NULL AND (DATE_PLACED_CEASED__txt IS NOT NULL OR REASON_PLACED_CEASED IS NOT NULL)",
          "DATE_PLACED DATE_PLACED_CEASED REASON_PLACED_CEASED", "A reversal needs the original DATE_PLACED."),
    query("579", "placed_adoption",
          """SELECT 'placed_adoption' AS tbl, _row, CHILD FROM (SELECT *,
               lag(DATE_PLACED_CEASED) OVER w AS prev_ceased, lag(_row) OVER w AS prev_row FROM placed_adoption
               WINDOW w AS (PARTITION BY CHILD ORDER BY DATE_PLACED, _row))
             WHERE prev_row IS NOT NULL AND (prev_ceased IS NULL OR DATE_PLACED < prev_ceased)""",
          "DATE_PLACED DATE_PLACED_CEASED", "Decisions to place must not overlap."),
    query("583", "placed_adoption",
          """SELECT 'placed_adoption' AS tbl, _row, CHILD FROM (SELECT *, row_number() OVER
               (PARTITION BY CHILD ORDER BY DATE_PLACED DESC, _row DESC) AS k FROM placed_adoption)
             WHERE k > 1 AND DATE_PLACED_CEASED IS NULL""",
          "DATE_PLACED DATE_PLACED_CEASED", "Every decision except the latest must have a reversal date."),
    query("582", "ad1 episodes", AD + f"JOIN episodes e ON e.CHILD = a.CHILD AND e.{ADOPTED} WHERE a.DATE_MATCH = e.DEC",
          "DATE_MATCH DEC REC", "The adoption date equals the matching date: please check.", severity="warning"),
    query("601", "ad1 episodes",
          f"""SELECT 'episodes' AS tbl, e._row, e.CHILD FROM episodes e LEFT JOIN ad1 a USING (CHILD)
              WHERE e.{ADOPTED} AND e.DEC BETWEEN $start AND $end AND (a.CHILD IS NULL OR NOT ({ALL_GIVEN_A}))""",
          " ".join(AD1_ITEMS) + " REC", "A child adopted in the year must have all six AD1 items."),
    query("602", "ad1 episodes",
          AD + f"WHERE a.CHILD NOT IN (SELECT CHILD FROM episodes WHERE {ADOPTED} AND DEC BETWEEN $start AND $end)",
          "CHILD", "AD1 data is only for children adopted in the year."),
    query("1003", "placed_adoption episodes",
          PA + "WHERE p.DATE_PLACED < (SELECT min(DECOM) FROM episodes e WHERE e.CHILD = p.CHILD AND e.RNE = 'S')",
          "DATE_PLACED DECOM RNE", "The decision to place cannot precede the child's first period of care."),
    query("559", "placed_adoption placed_adoption_last",
          PA + """WHERE p.DATE_PLACED < $start AND NOT EXISTS (SELECT 1 FROM placed_adoption_last l
                  WHERE l.CHILD = p.CHILD AND l.DATE_PLACED = p.DATE_PLACED)""",
          "DATE_PLACED", "A decision dated before this year must be in last year's return.", needs_last=True),
    query("560", "placed_adoption placed_adoption_last",
          PA + """JOIN placed_adoption_last l ON l.CHILD = p.CHILD AND l.DATE_PLACED_CEASED IS NULL
                  WHERE NOT EXISTS (SELECT 1 FROM placed_adoption q WHERE q.CHILD = p.CHILD AND q.DATE_PLACED = l.DATE_PLACED)""",
          "DATE_PLACED DATE_PLACED_CEASED", "A decision in force at the end of last year must keep its DATE_PLACED.",
          needs_last=True),
    query("561", "placed_adoption placed_adoption_last",
          PA + """JOIN placed_adoption_last l ON l.CHILD = p.CHILD AND l.DATE_PLACED = p.DATE_PLACED
                  WHERE l.DATE_PLACED_CEASED IS NOT NULL""",
          "DATE_PLACED", "This DATE_PLACED was reported as reversed last year.", needs_last=True),
    query("584", "placed_adoption placed_adoption_last",
          PA + """JOIN placed_adoption_last l ON l.CHILD = p.CHILD AND l.DATE_PLACED_CEASED IS NOT NULL
                  WHERE p.DATE_PLACED <> l.DATE_PLACED AND p.DATE_PLACED < l.DATE_PLACED_CEASED""",
          "DATE_PLACED", "After last year's reversal, a new decision must be later.", needs_last=True),
]
