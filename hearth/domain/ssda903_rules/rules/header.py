"""Header rules: sex, date of birth, ethnicity, UPN, mother (ssda903.md §5.2, Header)."""

from __future__ import annotations

from hearth.domain.ssda903_rules.codelists import ETHNIC, UN_CODES, sql_list
from hearth.domain.ssda903_rules.rule import in_list, query, valid_date, where

UPN_OK = (
    "(regexp_full_match(UPN, '[A-HJ-NP-RT-Z][0-9]{12}') OR regexp_full_match(UPN, '[A-HJ-NP-RT-Z][0-9]{11}[A-Z]')"
    f" OR UPN IN {sql_list(UN_CODES)})"
)
# A girl, in the codes of the year (2 up to 2023/24, F from 2024/25).
GIRL_TO_2024, GIRL = "SEX = '2'", "SEX = 'F'"


def _mother_missing(code: str, girl: str, **kw: object):  # type: ignore[no-untyped-def]
    return query(
        code, "header episodes",
        f"""SELECT 'header' AS tbl, h._row, h.CHILD FROM header h JOIN _child c USING (CHILD)
            WHERE h.{girl} AND h.MOTHER IS NULL AND c.any_not_short""",
        "MOTHER SEX LS", "A girl looked after (not only on short breaks) must have MOTHER completed.", **kw,
    )


def _mother_ceased(code: str, girl: str, **kw: object):  # type: ignore[no-untyped-def]
    return query(
        code, "header episodes",
        f"""SELECT 'header' AS tbl, h._row, h.CHILD FROM header h
            WHERE h.{girl} AND h.MOTHER IS NULL AND h.CHILD IN (
              SELECT CHILD FROM episodes WHERE REC IS NOT NULL AND REC <> 'X1' AND DEC BETWEEN $start AND $end
              AND coalesce(LS, '') NOT IN ('V3', 'V4'))""",
        "MOTHER SEX DEC REC LS", "A girl who ceased to be looked after in the year must have MOTHER completed.", **kw,
    )


RULES = [
    in_list("101", "header", "SEX", ("1", "2"), "SEX must be 1 or 2.", required=True, last=2024),
    in_list("101", "header", "SEX", ("M", "F", "U"), "SEX must be M, F or U.", required=True, first=2025),
    valid_date("102", "header", "DOB", "Date of birth is missing or not a valid date.", required=True),
    in_list("103", "header", "ETHNIC", ETHNIC, "ETHNIC is not a valid ethnicity code.", required=True),
    where("168", "header", f"UPN IS NOT NULL AND NOT {UPN_OK}", "UPN",
          "UPN is not a valid 13-character UPN or UN1-UN5."),
    valid_date("171", "header", "MC_DOB", "Date of birth of mother's child is not a valid date."),
    where("174", "header", "SEX = '1' AND MC_DOB__txt IS NOT NULL", "SEX MC_DOB",
          "A male child cannot have a mother's child date of birth.", last=2024),
    where("174", "header", "SEX = 'M' AND MC_DOB__txt IS NOT NULL", "SEX MC_DOB",
          "A male child cannot have a mother's child date of birth.", first=2025),
    where("165", "header", "MOTHER IS NOT NULL AND (MOTHER NOT IN ('0', '1') OR SEX IN ('1', 'M'))",
          "MOTHER SEX", "MOTHER must be 0 or 1, and only for girls."),
    where("209", "header", "UPN = 'UN1' AND bday(DOB, 4) <= make_date($year - 2, 8, 31)", "UPN DOB",
          "UN1 cannot be used for a child who was 4 by the 31 August before the year."),
    query("210", "header episodes",
          "SELECT 'header' AS tbl, h._row, h.CHILD FROM header h WHERE h.UPN = 'UN4' AND h.CHILD NOT IN"
          " (SELECT CHILD FROM episodes WHERE DECOM >= $end - INTERVAL 7 DAY)",
          "UPN DECOM", "UN4 is only for children who started to be looked after in the last week of the year."),
    where("301", "header", "DOB > $end", "DOB", "Date of birth is after the end of the collection year."),
    where("351", "header", "bday(DOB, 26) <= $start", "DOB",
          "Child or young person was over 25 on the first day of the year."),
    where("611", "header", "MOTHER = '1' AND MC_DOB__txt IS NULL", "MOTHER MC_DOB",
          "MOTHER is 1 but the date of birth of the mother's child is missing."),
    where("612", "header", f"{GIRL_TO_2024} AND coalesce(MOTHER, '0') = '0' AND MC_DOB__txt IS NOT NULL",
          "MOTHER SEX MC_DOB", "A girl who is not a mother cannot have MC_DOB.", last=2024),
    where("612", "header", f"{GIRL} AND coalesce(MOTHER, '0') = '0' AND MC_DOB__txt IS NOT NULL",
          "MOTHER SEX MC_DOB", "A girl who is not a mother cannot have MC_DOB.", first=2025),
    where("620", "header", "MOTHER = '1' AND bday(DOB, 11) > $start", "MOTHER DOB",
          "A mother must have been at least 11 on the first day of the year."),
    where("621", "header", "MC_DOB <= DOB", "MC_DOB DOB", "The mother's child must be born after the mother."),
    query("625", "header episodes",
          """SELECT 'header' AS tbl, h._row, h.CHILD FROM header h LEFT JOIN _epi e ON e.CHILD = h.CHILD AND e.is_last
             WHERE h.MC_DOB > $end OR (e.DEC IS NOT NULL AND h.MC_DOB > e.DEC)""",
          "MC_DOB DEC", "MC_DOB is after the end of the year or after the child ceased to be looked after."),
    _mother_missing("393", GIRL_TO_2024, last=2024),
    _mother_missing("393", GIRL, first=2025),
    _mother_ceased("607", GIRL_TO_2024, last=2024),
    _mother_ceased("607", GIRL, first=2025),
    query("442", "header episodes",
          "SELECT 'header' AS tbl, h._row, h.CHILD FROM header h JOIN _child c USING (CHILD)"
          " WHERE h.UPN IS NULL AND c.any_not_short",
          "UPN LS", "UPN (or UN1-UN5) is required for a child looked after other than on short breaks."),
    query("399", "header reviews episodes",
          """SELECT 'header' AS tbl, h._row, h.CHILD FROM header h JOIN _child c USING (CHILD)
               WHERE c.n_epi > 0 AND NOT c.any_not_short AND h.MOTHER IS NOT NULL
             UNION ALL
             SELECT 'reviews', r._row, r.CHILD FROM reviews r JOIN _child c USING (CHILD)
               WHERE c.n_epi > 0 AND NOT c.any_not_short""",
          "MOTHER REVIEW REVIEW_CODE LS",
          "Children whose only care was short breaks must have no MOTHER, reviews or participation."),
    query("628", "header episodes oc3",
          "SELECT 'header' AS tbl, h._row, h.CHILD FROM header h JOIN _child c USING (CHILD)"
          " WHERE c.n_epi = 0 AND c.has_oc3 AND h.MOTHER IS NOT NULL",
          "MOTHER", "MOTHER must be blank for a care leaver reported only in OC3."),
    query("231", "header uasc",
          "SELECT 'header' AS tbl, h._row, h.CHILD FROM header h JOIN _child c USING (CHILD)"
          " WHERE c.uasc AND age_on(h.DOB, $end) < 11",
          "DOB UASC", "A UASC child under 11 at 31 March is unusual: check the date of birth.",
          first=2025, severity="warning"),
    where("232", "header", "SEX = 'U'", "SEX", "SEX is U (unknown): check it is genuinely not known.",
          first=2025, severity="warning"),
    query("444", "header",
          f"""SELECT 'header' AS tbl, _row, CHILD FROM (
                SELECT *, count(*) OVER (PARTITION BY UPN) AS k FROM header
                WHERE UPN IS NOT NULL AND UPN NOT IN {sql_list(UN_CODES)}) WHERE k > 1""",
          "UPN", "The same UPN is given for more than one child.", first=2026),
]
