"""UASC rules: date UASC status ceased, and its consistency with last year (ssda903.md §4.7)."""

from __future__ import annotations

from hearth.domain.ssda903_rules.rule import query, where

RULES = [
    where("104", "uasc", "(DUC__txt IS NOT NULL AND DUC IS NULL) OR DUC < $start", "DUC",
          "DUC must be a valid date, not before the start of the year."),
    where("304", "uasc", "DUC > bday(DOB, 18)", "DUC DOB", "DUC must be on or before the 18th birthday."),
    query("205A", "uasc uasc_last header header_last",
          """SELECT 'header' AS tbl, h._row, h.CHILD FROM header h JOIN uasc_last l USING (CHILD)
             WHERE h.CHILD NOT IN (SELECT CHILD FROM uasc)
               AND (l.DUC IS NULL OR l.DUC < $prev_start OR l.DUC >= $start)""",
          "UASC DUC", "UASC last year but not this year: last year's DUC should fall in last year.",
          needs_last=True),
    query("205B", "uasc uasc_last header header_last",
          """SELECT 'uasc' AS tbl, u._row, u.CHILD FROM uasc u JOIN uasc_last l USING (CHILD)
             WHERE l.DUC IS DISTINCT FROM bday(l.DOB, 18)
                OR NOT (u.DUC BETWEEN $start AND $end OR u.DUC IS NOT DISTINCT FROM l.DUC)""",
          "UASC DUC", "UASC in both years: DUC should be the 18th birthday and consistent.", needs_last=True),
    query("205D", "uasc uasc_last header header_last",
          """SELECT 'uasc' AS tbl, u._row, u.CHILD FROM uasc u WHERE u.CHILD IN (SELECT CHILD FROM header_last)
             AND u.CHILD NOT IN (SELECT CHILD FROM uasc_last)""",
          "UASC", "UASC this year but not last year.", needs_last=True),
]
