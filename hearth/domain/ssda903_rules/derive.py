"""Derived tables built once per validation, so rules share one reading of the data (ssda903.md §4).

_epi   every episode with its child's DOB, its neighbours (prev_*/next_*) in DECOM order and its
       period of care (§4.3).
_child one row per child in the header: DOB, SEX, and the flags many rules need (looked after at
       31 March, OC2 cohort, only short breaks, UASC, care leaver only).
_sw    every SWEpisodes row with its neighbours in SW_DECOM order, its place (seq) and the child's
       count (n); this year only. Built once rather than by each of the SW rules (measured: 0.1
       CPU-s a rule at national scale).
"""

from __future__ import annotations

import threading
from string import Template

import duckdb

from hearth.domain.ssda903.years import collection_end, collection_start

MACROS = """
CREATE OR REPLACE MACRO bday(dob, n) AS CASE
    WHEN month(dob) = 2 AND day(dob) = 29
         AND NOT ((year(dob) + n) % 4 = 0 AND ((year(dob) + n) % 100 <> 0 OR (year(dob) + n) % 400 = 0))
    THEN make_date(CAST(year(dob) + n AS BIGINT), 3, 1)
    ELSE make_date(CAST(year(dob) + n AS BIGINT), month(dob), day(dob)) END;
CREATE OR REPLACE MACRO age_on(dob, d) AS
    (year(d) - year(dob)) - CASE WHEN bday(dob, year(d) - year(dob)) > d THEN 1 ELSE 0 END;
"""

EPI = """
CREATE OR REPLACE TABLE _epi$sfx AS
WITH ordered AS (
  SELECT e.*, h.DOB,
    row_number() OVER w AS seq,
    count(*) OVER (PARTITION BY e.CHILD) AS n,
    lag(DECOM) OVER w AS prev_decom, lag(DEC) OVER w AS prev_dec, lag(REC) OVER w AS prev_rec,
    lag(RNE) OVER w AS prev_rne, lag(LS) OVER w AS prev_ls, lag(CIN) OVER w AS prev_cin,
    lag(PLACE) OVER w AS prev_place, lag(PL_POST) OVER w AS prev_pl_post, lag(URN) OVER w AS prev_urn,
    lag(PLACE_PROVIDER) OVER w AS prev_provider, lag(REASON_PLACE_CHANGE) OVER w AS prev_rpc,
    lag(PLACE, 2) OVER w AS prev2_place, lag(PL_POST, 2) OVER w AS prev2_pl_post,
    lead(DECOM) OVER w AS next_decom, lead(RNE) OVER w AS next_rne, lead(PLACE) OVER w AS next_place,
    lead(PL_POST) OVER w AS next_pl_post, lead(LS) OVER w AS next_ls
  FROM episodes$sfx e LEFT JOIN (SELECT CHILD, min(DOB) AS DOB FROM header$sfx GROUP BY CHILD) h USING (CHILD)
  WINDOW w AS (PARTITION BY e.CHILD ORDER BY DECOM NULLS LAST, _row)
)
SELECT *, seq = n AS is_last, seq = 1 AS is_first,
  sum(CASE WHEN seq = 1 OR RNE = 'S' OR prev_rec IS DISTINCT FROM 'X1' OR prev_dec IS DISTINCT FROM DECOM
           THEN 1 ELSE 0 END) OVER (PARTITION BY CHILD ORDER BY seq) AS period
FROM ordered;
"""

CHILD = """
CREATE OR REPLACE TABLE _child$sfx AS
WITH h AS (SELECT CHILD, min(DOB) AS DOB, min(SEX) AS SEX FROM header$sfx GROUP BY CHILD),
e AS (
  SELECT CHILD, count(*) AS n_epi, min(DECOM) AS first_decom,
    bool_or(LS NOT IN ('V3', 'V4') OR LS IS NULL) AS any_not_short,
    bool_or(DEC IS NULL AND coalesce(LS, '') NOT IN ('V3', 'V4')) AS lac_at_end,
    -- OC2 cohort (ssda903.md §4.2): episodes in the year and none breaking continuity. Leaving care on
    -- 31 March itself breaks it, as hearth.domain.ssda903.cohorts decides.
    bool_or(DECOM <= $end AND (DEC IS NULL OR DEC >= $start)) AS in_year,
    bool_or(coalesce((RNE = 'S' AND DECOM > $start) OR (REC <> 'X1' AND DEC >= $start AND DEC <= $end)
            OR (LS IN ('V3', 'V4')), false)) AS breaks
  FROM episodes$sfx GROUP BY CHILD
)
SELECT h.CHILD, h.DOB, h.SEX, coalesce(e.n_epi, 0) AS n_epi, e.first_decom,
  coalesce(e.any_not_short, false) AS any_not_short, coalesce(e.lac_at_end, false) AS lac_at_end,
  coalesce(e.in_year AND NOT e.breaks AND e.first_decom <= $start, false) AS oc2_cohort,
  h.CHILD IN (SELECT CHILD FROM uasc$sfx) AS uasc,
  h.CHILD IN (SELECT CHILD FROM oc3$sfx) AS has_oc3
FROM h LEFT JOIN e USING (CHILD);
"""


SW = """
CREATE OR REPLACE TABLE _sw$sfx AS
SELECT *, lag(SW_DEC) OVER w AS prev_dec, lead(SW_DECOM) OVER w AS next_decom,
  row_number() OVER w AS seq, count(*) OVER (PARTITION BY CHILD) AS n
FROM sw_episodes$sfx WINDOW w AS (PARTITION BY CHILD ORDER BY SW_DECOM NULLS LAST, _row);
"""


def params(year: int) -> dict[str, str]:
    start, end = collection_start(year), collection_end(year)
    return {
        "start": f"DATE '{start.isoformat()}'",
        "end": f"DATE '{end.isoformat()}'",
        "year": str(year),
        "prev_start": f"DATE '{collection_start(year - 1).isoformat()}'",
    }


def substitute(sql: str, year: int, sfx: str = "") -> str:
    return Template(sql).substitute(params(year), sfx=sfx)


def prepare(con: duckdb.DuckDBPyConnection, year: int, with_last: bool) -> None:
    """Create the macros and derived tables for this year (and last year's, when loaded).

    Last year's tables are built on a second connection at the same time.
    """
    con.execute(MACROS)

    def build(c: duckdb.DuckDBPyConnection, y: int, sfx: str) -> None:
        for sql in (EPI, CHILD) if sfx else (EPI, CHILD, SW):
            c.execute(substitute(sql, y, sfx))

    if not with_last:
        build(con, year, "")
        return
    if not hasattr(con, "cursor"):
        build(con, year, "")
        build(con, year - 1, "_last")
        return
    errors: list[BaseException] = []
    other = con.cursor()

    def last() -> None:
        try:
            build(other, year - 1, "_last")
        except BaseException as exc:  # re-raised below, on the caller's thread
            errors.append(exc)

    thread = threading.Thread(target=last)
    thread.start()
    try:
        build(con, year, "")
    finally:
        thread.join()
        other.close()
    if errors:
        raise errors[0]
