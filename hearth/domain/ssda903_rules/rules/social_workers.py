"""SWEpisodes rules (from 2023/24): social worker allocations (ssda903.md §4.8, §5.2.18)."""

from __future__ import annotations

from hearth.domain.ssda903_rules.codelists import SW_REASON, sql_list
from hearth.domain.ssda903_rules.rule import Rule, query, where

SW = "sw_episodes"
# Each SW episode with the one before and after it for the child (derive.SW: prev_dec, next_decom, seq, n).
SEQ = "SELECT 'sw_episodes' AS tbl, _row, CHILD FROM _sw WHERE "
PARTIAL = "regexp_full_match({c}__txt, '(\\d\\d|ZZ)/(\\d\\d|ZZ)/\\d{{4}}')"
REASONS = sql_list(SW_REASON)
APRIL_2023 = "DATE '2023-04-01'"


def sw_date(code: str, column: str, partial_ok: bool, **kw: object) -> Rule:
    bad = f"{column}__txt IS NOT NULL AND {column} IS NULL"
    if partial_ok:
        bad += " AND NOT " + PARTIAL.format(c=column)
    return where(code, SW, bad, column, f"{column} is not a valid date.", **kw)


def sw_id(first: int, last: int, min_length: int) -> Rule:
    return where("SW02STG1", SW,
                 f"SW_ID IS NOT NULL AND (NOT (SW_ID LIKE 'SW%' OR SW_ID LIKE 'XX%') OR length(SW_ID) < {min_length})",
                 "SW_ID", "SW_ID must begin with SW or XX.", first=first, last=last)


def follows_on(code: str, exempt_fconta: bool, **kw: object) -> Rule:
    cond = "seq > 1 AND abs(date_diff('day', prev_dec, SW_DECOM)) > 7"
    if exempt_fconta:
        cond += " AND SW_REASON IS DISTINCT FROM 'FCONTA'"
    return query(code, SW, SEQ + cond, "SW_DECOM SW_DEC SW_REASON",
                 "A social worker episode must start within 7 days of the previous one's end.", **kw)


RULES = [
    query("SW01STG1", "sw_episodes episodes",
          f"""SELECT 'episodes' AS tbl, e._row, e.CHILD FROM episodes e WHERE e.DEC IS NULL
              AND coalesce(e.LS, '') NOT IN ('V3', 'V4') AND e.CHILD NOT IN (SELECT CHILD FROM {SW})""",
          "SW_ID SW_DECOM SW_REASON DEC LS", "A child looked after at 31 March needs social worker episodes.",
          first=2024, last=2024),
    where("SW01aSTG1", SW, f"SW_DECOM__txt IS NULL OR (SW_DECOM < {APRIL_2023} AND SW_ID IS NULL)", "SW_ID SW_DECOM",
          "Every SW episode needs SW_DECOM (and SW_ID if it began before April 2023).", first=2025, last=2025),
    where("SW01bSTG1", SW, f"SW_DECOM >= {APRIL_2023} AND (SW_ID IS NULL OR SW_REASON IS NULL)",
          "SW_ID SW_DECOM SW_REASON", "SW episodes from April 2023 need SW_ID, SW_DECOM and SW_REASON.",
          first=2025, last=2025),
    sw_id(2024, 2025, 0),
    sw_id(2026, 9999, 4),
    where("SW03STG1", SW, "SW_ID IS NULL OR SW_DECOM__txt IS NULL OR SW_REASON IS NULL", "SW_ID SW_DECOM SW_REASON",
          "Each SW episode needs SW_ID, SW_DECOM and SW_REASON.", first=2024, last=2024),
    sw_date("SW04STG1", "SW_DECOM", True, first=2024, last=2025),
    sw_date("SW04STG1", "SW_DECOM", False, first=2026),
    sw_date("SW05STG1", "SW_DEC", True, first=2024, last=2025),
    sw_date("SW05STG1", "SW_DEC", False, first=2026),
    where("SW06STG2", SW, "SW_DECOM > $end", "SW_DECOM", "An SW episode cannot start after 31 March.", first=2024),
    where("SW07STG2", SW, "SW_DEC NOT BETWEEN $start AND $end", "SW_DEC", "SW_DEC must fall within the year.",
          first=2024, last=2024),
    where("SW07STG2", SW, "SW_DEC NOT BETWEEN $prev_start AND $end", "SW_DEC",
          "SW_DEC must fall between 1 April of the previous year and 31 March.", first=2025),
    query("SW08STG2", SW, SEQ + "seq < n AND SW_DEC IS NULL", "SW_DEC",
          "Every SW episode except the latest must have an end date.", first=2024),
    where("SW09STG2", SW, "SW_DECOM = SW_DEC", "SW_DECOM SW_DEC", "An SW episode cannot start and end on the same day.",
          first=2024, last=2025),
    where("SW09STG2", SW, "date_diff('day', SW_DECOM, SW_DEC) < 3", "SW_DECOM SW_DEC",
          "An SW episode must last at least 3 days.", first=2026),
    follows_on("SW10STG2", False, first=2024, last=2024),
    follows_on("SW10STG2", True, first=2025),
    follows_on("SW10aSTG2", True, first=2026),
    query("SW10bSTG2", SW, SEQ + "seq > 1 AND SW_REASON = 'FCONTA' AND SW_DECOM <= prev_dec", "SW_DECOM SW_DEC SW_REASON",
          "An FCONTA episode must start after the previous one ended.", first=2026),
    query("SW11aSTG2", SW,
          SEQ + "SW_DEC < $end - INTERVAL 5 DAY AND (next_decom IS NULL OR next_decom > SW_DEC + INTERVAL 5 DAY)",
          "SW_DEC SW_DECOM", "An SW episode ending before the last 5 days must be followed within 5 days.",
          first=2024, last=2024),
    query("SW11bSTG2", SW, SEQ + "SW_DEC BETWEEN $end - INTERVAL 5 DAY AND $end AND next_decom IS NULL",
          "SW_DEC SW_DECOM", "An SW episode ending in the last 5 days must be followed by another.", first=2024),
    where("SW13STG1", SW, f"SW_REASON IS NULL OR SW_REASON NOT IN {REASONS}", "SW_REASON",
          "SW_REASON must be a valid code.", first=2024, last=2024),
    where("SW13STG1", SW, f"SW_REASON NOT IN {REASONS} OR (SW_REASON IS NULL AND SW_DECOM >= {APRIL_2023})",
          "SW_REASON SW_DECOM", "SW_REASON must be valid, and blank only before April 2023.", first=2025),
    query("SW14STG2", SW, SEQ + "seq < n AND SW_DEC IS NULL", "SW_DEC",
          "Only the latest SW episode may be open.", first=2024, last=2024),
    query("SW17STG2", SW, SEQ + "seq = n AND SW_DEC IS NOT NULL", "SW_DEC SW_DECOM",
          "The latest SW episode must be open at 31 March.", first=2026),
    where("SW18STG2", SW, "SW_DEC <= SW_DECOM", "SW_DEC SW_DECOM", "SW_DEC must be after SW_DECOM.", first=2026),
    query("SW19STG2", SW,
          "SELECT 'sw_episodes' AS tbl, _row, CHILD FROM (SELECT *, count(*) OVER (PARTITION BY CHILD, SW_DECOM) AS k"
          " FROM sw_episodes WHERE SW_DECOM IS NOT NULL) WHERE k > 1",
          "SW_DECOM", "Two SW episodes cannot start on the same date.", first=2026),
]
