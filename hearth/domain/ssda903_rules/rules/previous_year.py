"""Rules comparing the return with last year's (ssda903.md §5.3): header items that must not change,
and the episode open on 1 April re-sent unchanged. The 503 family is one parameterised rule."""

from __future__ import annotations

from hearth.domain.ssda903_rules.rule import Rule, query

HDR = "SELECT 'header' AS tbl, h._row, h.CHILD FROM header h JOIN header_last l USING (CHILD) WHERE "
# Last year's final episode, when it was still open, beside this year's first episode.
CARRIED = """SELECT 'episodes' AS tbl, e._row, e.CHILD FROM _epi e
  JOIN _epi_last l ON l.CHILD = e.CHILD AND l.is_last AND l.DEC IS NULL WHERE e.is_first AND """
SEX_AS_LETTER = "CASE {c} WHEN '1' THEN 'M' WHEN '2' THEN 'F' ELSE {c} END"
SAME_AS_LAST = {"503A": "RNE", "503B": "LS", "503C": "CIN", "503E": "PLACE_PROVIDER", "503F": "URN"}
UN = "('UN1', 'UN2', 'UN3', 'UN4', 'UN5')"


def header_same(code: str, column: str) -> Rule:
    return query(code, "header header_last", HDR + f"h.{column} IS DISTINCT FROM l.{column}", column,
                 f"{column} must be the same as last year.", needs_last=True)


def carried_same(code: str, column: str, allowed: str = "", **kw: object) -> Rule:
    cond = f"e.{column} IS DISTINCT FROM l.{column}"
    if allowed:
        cond += f" AND NOT ({allowed})"
    return query(code, "episodes episodes_last", CARRIED + cond, column,
                 f"The first episode must repeat the {column} of last year's open episode.", needs_last=True, **kw)


RULES = [
    query("202", "header header_last",
          HDR + f"{SEX_AS_LETTER.format(c='h.SEX')} IS DISTINCT FROM {SEX_AS_LETTER.format(c='l.SEX')}",
          "SEX", "SEX must be the same as last year.", needs_last=True),
    header_same("203", "DOB"),
    header_same("204", "ETHNIC"),
    query("207", "header header_last episodes",
          HDR + "l.MOTHER = '1' AND h.MOTHER IS DISTINCT FROM '1' AND h.CHILD IN (SELECT CHILD FROM episodes)",
          "MOTHER", "Last year the child was a mother: MOTHER must stay 1.", needs_last=True),
    query("208", "header header_last",
          HDR + f"""h.UPN IS DISTINCT FROM l.UPN AND NOT (
               (coalesce(l.UPN, 'UN1') = 'UN1' AND h.UPN IN ('UN2', 'UN3', 'UN4', 'UN5'))
            OR (l.UPN IS NULL AND h.UPN = 'UN1')
            OR ((l.UPN IS NULL OR l.UPN IN {UN}) AND h.UPN IS NOT NULL AND h.UPN NOT IN {UN}))""",
          "UPN", "UPN differs from last year in a way that is not allowed.", needs_last=True),
    query("624", "header header_last", # Like 207, only for children with episodes this year: OC3-only care leavers send no MOTHER (628).
          HDR + "l.MC_DOB IS NOT NULL AND h.MC_DOB IS DISTINCT FROM l.MC_DOB AND h.CHILD IN (SELECT CHILD FROM episodes)",
          "MC_DOB", "MC_DOB must be the same as last year.", needs_last=True),
    query("626", "header header_last",
          HDR + "l.MOTHER = '0' AND h.MOTHER = '1' AND h.MC_DOB < $start", "MOTHER MC_DOB",
          "Not a mother last year: the first child must have been born this year.", needs_last=True),
    query("502", "episodes episodes_last", CARRIED + "e.DECOM IS DISTINCT FROM l.DECOM", "DECOM",
          "Last year's open episode must be re-sent with the same DECOM.", needs_last=True),
    *(carried_same(code, column) for code, column in SAME_AS_LAST.items()),
    carried_same("503D", "PLACE", "l.PLACE = 'H5' AND e.PLACE = 'K3'", first=2024, last=2025),
    carried_same("503D", "PLACE", "l.PLACE = 'Z1' AND e.PLACE IN ('Z11', 'Z12', 'Z13', 'Z14')", first=2026, last=2026),
    carried_same("503D", "PLACE", first=2027),
    query("562", "episodes episodes_last",
          """SELECT 'episodes' AS tbl, e._row, e.CHILD FROM _epi e JOIN _epi_last l ON l.CHILD = e.CHILD AND l.is_last
             WHERE e.is_first AND e.DECOM < $start AND e.DECOM IS DISTINCT FROM l.DECOM""",
          "DECOM", "The earliest episode this year must match last year's final episode.", needs_last=True),
    query("NoE", "episodes episodes_last",
          """SELECT 'episodes' AS tbl, _row, CHILD FROM episodes WHERE DECOM < $start
             AND CHILD NOT IN (SELECT CHILD FROM episodes_last)""",
          "DECOM", "An episode started before the year but the child has no episodes last year.", needs_last=True),
    query("199", "episodes episodes_last",
          """SELECT 'episodes' AS tbl, e._row, e.CHILD FROM _epi e WHERE e.prev_rec IN ('E11', 'E12')
               OR e.CHILD IN (SELECT CHILD FROM episodes_last WHERE REC IN ('E11', 'E12') AND DEC < $start)""",
          "REC CHILD", "A child adopted from care must be given a new ID if looked after again."),
]
