"""Missing / away from placement rules (ssda903.md §1.6 Missing, §5.2.17)."""

from __future__ import annotations

from hearth.domain.ssda903_rules.rule import in_list, query, valid_date, where

# The period of care (from _epi) each missing row sits in, if any: start of period to its end (open = far future).
PERIODS = """periods AS (SELECT CHILD, period, min(DECOM) AS p_start,
                        CASE WHEN bool_or(DEC IS NULL) THEN DATE '9999-12-31' ELSE max(DEC) END AS p_end
                 FROM _epi GROUP BY CHILD, period)"""

RULES = [
    where("564", "missing", "MISSING IS NOT NULL AND MIS_START__txt IS NULL", "MISSING MIS_START",
          "A missing/away record needs a start date."),
    where("565", "missing", "MIS_START__txt IS NOT NULL AND MISSING IS NULL", "MISSING MIS_START",
          "A missing start date needs the type (M or A)."),
    where("566", "missing", "MIS_END__txt IS NOT NULL AND MISSING IS NULL", "MISSING MIS_END",
          "A missing end date needs the type (M or A)."),
    where("567", "missing", "MIS_END < MIS_START", "MIS_START MIS_END", "MIS_END is before MIS_START."),
    where("570", "missing", "MIS_START > $end", "MIS_START", "MIS_START is after the end of the year."),
    where("571", "missing", "MIS_END NOT BETWEEN $start AND $end", "MIS_END",
          "MIS_END must fall within the collection year."),
    query("574", "missing",
          """SELECT 'missing' AS tbl, _row, CHILD FROM (
               SELECT *, lag(MIS_END) OVER w AS prev_end, lag(MIS_START) OVER w AS prev_start FROM missing
               WINDOW w AS (PARTITION BY CHILD ORDER BY MIS_START, _row))
             WHERE prev_start IS NOT NULL AND (prev_end IS NULL OR MIS_START < prev_end)""",
          "MIS_START MIS_END", "Missing periods must not overlap or start while an earlier one is open."),
    query("575", "missing episodes",
          """SELECT 'missing' AS tbl, m._row, m.CHILD FROM missing m JOIN _epi e
               ON e.CHILD = m.CHILD AND m.MIS_START >= e.DECOM AND (e.DEC IS NULL OR m.MIS_START <= e.DEC)
             WHERE m.MIS_END IS NULL AND e.DEC IS NOT NULL AND e.REC <> 'X1'""",
          "MIS_END MIS_START DECOM DEC", "The child left care, so the missing period needs an end date."),
    query("577", "missing episodes",
          f"""WITH {PERIODS}
              SELECT 'missing' AS tbl, m._row, m.CHILD FROM missing m JOIN periods p
                ON p.CHILD = m.CHILD AND m.MIS_START BETWEEN p.p_start AND p.p_end
              WHERE (m.MIS_END IS NULL AND p.p_end <> DATE '9999-12-31') OR m.MIS_END > p.p_end""",
          "MIS_END", "A missing period must lie within a period of care."),
    query("578", "missing episodes",
          f"""WITH {PERIODS}
              SELECT 'missing' AS tbl, _row, CHILD FROM missing m WHERE MIS_START IS NOT NULL AND CHILD IN
                (SELECT CHILD FROM _epi) AND NOT EXISTS (SELECT 1 FROM periods p WHERE p.CHILD = m.CHILD
                AND m.MIS_START BETWEEN p.p_start AND p.p_end)""",
          "MIS_START", "A missing period cannot start outside a period of care."),
    query("580", "missing episodes",
          """SELECT 'episodes' AS tbl, e._row, e.CHILD FROM _epi e JOIN missing m USING (CHILD)
             WHERE m.MIS_END = e.DEC AND e.DEC = bday(e.DOB, 18) AND e.REC IS DISTINCT FROM 'E8'""",
          "REC MIS_END DEC DOB", "A child still missing when care ended at 18 must have REC E8."),
    query("581", "missing episodes",
          """SELECT 'missing' AS tbl, _row, CHILD FROM missing m WHERE MIS_START IS NOT NULL
             AND CHILD IN (SELECT CHILD FROM episodes) AND NOT EXISTS (SELECT 1 FROM episodes e
               WHERE e.CHILD = m.CHILD AND m.MIS_START >= e.DECOM AND (e.DEC IS NULL OR m.MIS_START <= e.DEC))""",
          "MIS_START", "A missing period must start within one of the child's episodes."),
    where("586", "missing", "MIS_START <= DOB", "MIS_START DOB",
          "A missing period cannot start on or before the date of birth."),
    valid_date("1004", "missing", "MIS_START", "MIS_START is missing or not a valid date.", required=True),
    valid_date("1005", "missing", "MIS_END", "MIS_END is not a valid date."),
    in_list("1006", "missing", "MISSING", ("M", "A"), "MISSING must be M or A."),
    query("576", "missing missing_last",
          """SELECT 'missing' AS tbl, min(m._row) AS _row, l.CHILD FROM missing_last l JOIN missing m USING (CHILD)
             WHERE l.MIS_END IS NULL AND l.CHILD NOT IN (SELECT CHILD FROM missing WHERE MIS_START = l.MIS_START)
             GROUP BY l.CHILD""",
          "MIS_START", "A missing period open at the end of last year must be carried forward with the same start.",
          needs_last=True),
]
