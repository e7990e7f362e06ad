"""DoLo rules (from 2026/27): deprivation of liberty orders (ssda903.md §1.6 DoLo, §5.2.19)."""

from __future__ import annotations

from hearth.domain.ssda903_rules.rule import query, valid_date, where

F = 2027
OVERLAPPING = """SELECT 'episodes' AS tbl, e._row, e.CHILD FROM episodes e JOIN dolo d USING (CHILD)
  WHERE d.DOLO_END IS NOT NULL AND e.DECOM <= d.DOLO_END AND coalesce(e.DEC, $end) >= d.DOLO_START AND """
PERIODS = """WITH periods AS (SELECT CHILD, period, min(DECOM) AS p_start,
               CASE WHEN bool_or(DEC IS NULL) THEN DATE '9999-12-31' ELSE max(DEC) END AS p_end
             FROM _epi GROUP BY CHILD, period)"""

RULES = [
    valid_date("700", "dolo", "DOLO_START", "DOLO_START must be a valid date.", required=True, first=F),
    valid_date("701", "dolo", "DOLO_END", "DOLO_END is not a valid date.", first=F),
    where("702", "dolo", "DOLO_END <= DOLO_START", "DOLO_START DOLO_END", "DOLO_END must be after DOLO_START.", first=F),
    where("703", "dolo", "DOLO_START > $end", "DOLO_START", "A DoLO cannot start after 31 March.", first=F),
    where("704", "dolo", "DOLO_END NOT BETWEEN $start AND $end", "DOLO_END", "DOLO_END must fall within the year.",
          first=F),
    query("705", "dolo",
          """SELECT 'dolo' AS tbl, _row, CHILD FROM (SELECT *, lag(DOLO_END) OVER w AS prev_end, lag(_row) OVER w AS prev
               FROM dolo WINDOW w AS (PARTITION BY CHILD ORDER BY DOLO_START, _row))
             WHERE prev IS NOT NULL AND (prev_end IS NULL OR DOLO_START < prev_end)""",
          "DOLO_START DOLO_END", "A child's DoLOs must not overlap.", first=F),
    query("706", "dolo dolo_last",
          """SELECT 'dolo' AS tbl, min(d._row) AS _row, l.CHILD FROM dolo_last l JOIN dolo d USING (CHILD)
             WHERE l.DOLO_END IS NULL AND l.CHILD NOT IN (SELECT CHILD FROM dolo WHERE DOLO_START = l.DOLO_START)
             GROUP BY l.CHILD""",
          "DOLO_START", "A DoLO open at the end of last year must reappear with the same start.", first=F,
          needs_last=True),
    query("707", "dolo episodes",
          PERIODS + """ SELECT 'dolo' AS tbl, d._row, d.CHILD FROM dolo d JOIN periods p
              ON p.CHILD = d.CHILD AND d.DOLO_START BETWEEN p.p_start AND p.p_end
              WHERE (d.DOLO_END IS NULL AND p.p_end <> DATE '9999-12-31') OR d.DOLO_END > p.p_end""",
          "DOLO_END", "A DoLO must lie within a period of care.", first=F),
    where("708", "dolo", "DOLO_START <= DOB", "DOLO_START DOB", "A DoLO cannot start on or before birth.", first=F),
    query("709", "dolo episodes", OVERLAPPING + "e.PLACE NOT IN ('K2', 'Z12', 'Z13')", "DOLO_START DOLO_END PLACE",
          "Episodes during a DoLO would be expected to be K2, Z12 or Z13.", first=F, severity="warning"),
    query("710", "dolo episodes", OVERLAPPING + "e.PLACE IN ('K1', 'P1', 'R5', 'K3')", "DOLO_START DOLO_END PLACE",
          "Episodes during a DoLO cannot be K1, P1, R5 or K3.", first=F),
]
