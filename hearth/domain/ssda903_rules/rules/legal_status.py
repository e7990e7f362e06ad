"""Legal status rules: time limits, short breaks, youth justice, placement and freeing orders
(ssda903.md §2.5, §1.4 short breaks, §5.2)."""

from __future__ import annotations

from hearth.domain.ssda903_rules.codelists import TEMPORARY, sql_list
from hearth.domain.ssda903_rules.rule import Rule, query, where
from hearth.domain.ssda903_rules.rules.episodes import epi

# Statuses with a statutory time limit, checked over runs of consecutive episodes (361-364).
TIME_LIMITED = {"361": ("L1", 3, "72 hours"), "362": ("L2", 21, "21 days"), "363": ("L3", 7, "7 days"),
                "364": ("J2", 21, "21 days")}
SHORT = "('V3', 'V4')"


def time_limit(code: str, ls: str, days: int, wording: str) -> Rule:
    return query(
        code, "episodes",
        f"""WITH r AS (
              SELECT *, sum(CASE WHEN LS = prev_ls AND prev_dec = DECOM THEN 0 ELSE 1 END)
                        OVER (PARTITION BY CHILD ORDER BY seq) AS run FROM _epi WHERE LS = '{ls}'),
            g AS (SELECT CHILD, run, min(DECOM) AS s, max(coalesce(DEC, $end)) AS e FROM r WHERE LS = '{ls}' GROUP BY ALL)
            SELECT 'episodes' AS tbl, r._row, r.CHILD FROM r JOIN g USING (CHILD, run)
            WHERE r.LS = '{ls}' AND date_diff('day', g.s, g.e) > {days}""",
        "LS DECOM DEC", f"{ls} over consecutive episodes must not exceed {wording}.",
    )


RULES = [
    *(time_limit(code, ls, days, wording) for code, (ls, days, wording) in TIME_LIMITED.items()),
    epi("358", "LS IN ('J1', 'J2', 'J3') AND DECOM < bday(DOB, 10)", "LS DECOM DOB",
        "Youth-justice legal statuses J1-J3 need the child to be at least 10 at the start of the episode."),
    where("365", "episodes", "LS = 'V3' AND date_diff('day', DECOM, coalesce(DEC, $end)) > 17", "LS DECOM DEC",
          "A single short break (V3) must last no more than 17 days."),
    where("366", "episodes", "LS = 'V3' AND RNE IS DISTINCT FROM 'S'", "LS RNE", "Every V3 short break must have RNE S."),
    query("367", "episodes",
          """SELECT 'episodes' AS tbl, _row, CHILD FROM (
               SELECT *, sum(date_diff('day', greatest(DECOM, $start), least(coalesce(DEC, $end), $end)))
                          OVER (PARTITION BY CHILD) AS total
               FROM episodes WHERE LS = 'V3' AND DECOM <= $end AND coalesce(DEC, $end) >= $start)
             WHERE total > 75""",
          "LS DECOM DEC", "V3 short breaks must total no more than 75 days in the year."),
    where("378", "episodes", "PLACE = 'P1' AND LS = 'V2'", "PLACE LS",
          "A child placed with parents (P1) cannot be accommodated under section 20 (V2)."),
    where("382", "episodes", f"LS IN {SHORT} AND PLACE IN {sql_list(TEMPORARY)}", "LS PLACE",
          "Short breaks (V3/V4) cannot be temporary placements."),
    where("384", "episodes", f"LS IN {SHORT} AND PLACE IN ('U1', 'U4')", "LS PLACE",
          "Short breaks (V3/V4) cannot be long-term foster placements (U1/U4)."),
    where("408", "episodes", "PLACE IN ('A5', 'A6') AND LS IS DISTINCT FROM 'E1'", "PLACE LS",
          "A placement for adoption under a placement order (A5/A6) needs LS E1."),
    query("426", "episodes",
          f"""SELECT 'episodes' AS tbl, _row, CHILD FROM episodes WHERE LS IN {SHORT} AND CHILD IN (
                SELECT CHILD FROM episodes WHERE LS IN {SHORT} GROUP BY CHILD HAVING count(DISTINCT LS) = 2)""",
          "LS", "A child cannot have both V3 and V4 episodes in the same year."),
    where("445", "episodes", "LS = 'D1' AND DECOM > DATE '2005-12-31'", "LS DECOM",
          "A freeing order (D1) cannot start an episode after 31 December 2005.", last=2024),
    where("446", "episodes", "LS = 'E1' AND DECOM < DATE '2005-12-01'", "LS DECOM",
          "A placement order (E1) is not valid for episodes starting before 1 December 2005."),
    where("451", "episodes", "LS = 'D1' AND DEC IS NULL", "LS DEC REC",
          "A child cannot still be looked after under a freeing order (D1).", last=2024),
]
