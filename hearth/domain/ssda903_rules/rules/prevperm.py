"""PrevPerm rules: previous permanence for children starting care (ssda903.md §2.17)."""

from __future__ import annotations

from hearth.domain.ssda903_rules.codelists import LA_CODES, PREV_PERM
from hearth.domain.ssda903_rules.rule import in_list, query, where

# DATE_PERM: dd/mm/yyyy with unknown parts as zz / zzzz (upper-cased on load).
PERM_FORM = "regexp_full_match(DATE_PERM, '(\\d\\d|ZZ)/(\\d\\d|ZZ)/(\\d{4}|ZZZZ)')"
FULL_DATE = "try_strptime(DATE_PERM, '%d/%m/%Y')"
STARTERS = "SELECT CHILD, max(DECOM) AS s FROM episodes WHERE RNE = 'S' AND DECOM BETWEEN $start AND $end GROUP BY CHILD"

RULES = [
    query("630", "episodes prevperm",
          f"""SELECT 'episodes' AS tbl, e._row, e.CHILD FROM episodes e WHERE e.RNE = 'S'
                AND e.DECOM BETWEEN $start AND $end
                AND NOT EXISTS (SELECT 1 FROM prevperm p WHERE p.CHILD = e.CHILD AND p.PREV_PERM IS NOT NULL)
              UNION ALL
              SELECT 'prevperm', p._row, p.CHILD FROM prevperm p WHERE p.CHILD IN (SELECT CHILD FROM ({STARTERS}))
                AND p.PREV_PERM IN ('P1', 'P2', 'P3') AND (p.LA_PERM IS NULL OR p.DATE_PERM IS NULL)""",
          "RNE DECOM PREV_PERM LA_PERM DATE_PERM",
          "A child starting care needs PREV_PERM, and for an order (P1-P3) LA_PERM and DATE_PERM."),
    # P4 (not known whether there was an order) cannot come with the order's LA and date, so is not asked for them.
    in_list("631", "prevperm", "PREV_PERM", PREV_PERM, "PREV_PERM must be P1, P2, P3, P4 or Z1."),
    query("632", "prevperm episodes",
          f"""SELECT 'prevperm' AS tbl, _row, CHILD FROM prevperm p WHERE DATE_PERM IS NOT NULL AND (NOT {PERM_FORM}
                OR (NOT contains(DATE_PERM, 'Z') AND {FULL_DATE} IS NULL)
                OR CAST({FULL_DATE} AS DATE) >= (SELECT s FROM ({STARTERS}) x WHERE x.CHILD = p.CHILD)
                OR TRY_CAST(right(DATE_PERM, 4) AS INTEGER) > (SELECT year(s) FROM ({STARTERS}) x WHERE x.CHILD = p.CHILD))""",
          # "Before the first episode" read as before the start of the period of care this PrevPerm row is for:
          # a child can leave care on an order and return within one year's return.
          "DATE_PERM DECOM", "DATE_PERM must be a valid (possibly partial) date before the child started care."),
    in_list("633", "prevperm", "LA_PERM", LA_CODES, "LA_PERM is not a valid local authority code."),
    query("634", "prevperm episodes",
          f"SELECT 'prevperm' AS tbl, _row, CHILD FROM prevperm WHERE CHILD NOT IN (SELECT CHILD FROM ({STARTERS}))"
          " AND (PREV_PERM IS NOT NULL OR LA_PERM IS NOT NULL OR DATE_PERM IS NOT NULL)",
          "PREV_PERM LA_PERM DATE_PERM DECOM", "PrevPerm data is only for children who started care this year."),
    where("635", "prevperm",
          "(PREV_PERM IS NULL OR PREV_PERM = 'Z1') AND (LA_PERM IS NOT NULL OR DATE_PERM IS NOT NULL)",
          "PREV_PERM LA_PERM DATE_PERM", "LA_PERM or DATE_PERM given without a previous permanence order."),
]
