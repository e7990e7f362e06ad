"""Episode rules: dates, codes, sequence and continuity of episodes, and leaving-care reasons
(ssda903.md §1.4, §2.4, §2.9, §5.2). `_epi` carries each episode's neighbours (derive.py)."""

from __future__ import annotations

from hearth.domain.ssda903_rules.codelists import (
    ADOPTION_PLACES,
    CIN,
    FOSTER,
    LS,
    PLACE_2025,
    PLACE_FROM_2026,
    PLACE_TO_2024,
    REC,
    REC_TO_2018,
    RNE,
    sql_list,
)
from hearth.domain.ssda903_rules.rule import Rule, in_list, query, valid_date, where

EPI = "SELECT 'episodes' AS tbl, _row, CHILD FROM _epi WHERE "
# "The placement changed": any of PLACE, PL_POST, URN, PLACE_PROVIDER differs (rules 434-436).
PLACEMENT_CHANGED = (
    "(PLACE IS DISTINCT FROM prev_place OR PL_POST IS DISTINCT FROM prev_pl_post"
    " OR URN IS DISTINCT FROM prev_urn OR PLACE_PROVIDER IS DISTINCT FROM prev_provider)"
)
LS_CHANGED = "LS IS DISTINCT FROM prev_ls"


def epi(code: str, condition: str, fields: str, message: str, **kw: object) -> Rule:
    """A rule over episodes that can see each episode's neighbours and the child's DOB."""
    return query(code, "episodes", EPI + condition, fields, message, **kw)


def age_at_end(code: str, recs: tuple[str, ...], test: str, message: str) -> Rule:
    """Leaving-care reasons that need an age at DEC (386, 387, 389, 407, 460)."""
    return epi(code, f"REC IN {sql_list(recs)} AND DEC IS NOT NULL AND {test}", "REC DEC DOB", message)


RULES = [
    valid_date("141", "episodes", "DECOM", "Date episode commenced is not a valid date."),
    epi("142", "NOT is_last AND (DEC IS NULL OR REC IS NULL)", "DEC REC",
        "A new episode started while the previous one was still open: every episode but the last needs DEC and REC."),
    in_list("143", "episodes", "RNE", RNE, "RNE is not a valid reason for new episode.", required=True),
    in_list("144", "episodes", "LS", LS, "LS is not a valid legal status.", required=True),
    in_list("145", "episodes", "CIN", CIN, "CIN is not a valid category of need.", required=True),
    in_list("146", "episodes", "PLACE", PLACE_TO_2024, "PLACE is not a valid placement type.", required=True,
            last=2024),
    in_list("146", "episodes", "PLACE", PLACE_2025, "PLACE is not a valid placement type.", required=True,
            first=2025, last=2025),
    in_list("146", "episodes", "PLACE", PLACE_FROM_2026, "PLACE is not a valid placement type.", required=True,
            first=2026),
    valid_date("147", "episodes", "DEC", "Date episode ceased is not a valid date."),
    where("148", "episodes", "(DEC__txt IS NULL) <> (REC IS NULL)", "DEC REC",
          "DEC and REC must both be given or both be blank."),
    in_list("149", "episodes", "REC", REC, "REC is not a valid reason episode ceased.", first=2019),
    in_list("149", "episodes", "REC", REC_TO_2018, "REC is not a valid reason episode ceased.", last=2018),
    epi("302", "DECOM < DOB", "DECOM DOB", "An episode starts before the child was born."),
    where("353", "episodes", "DECOM < DATE '1991-10-14'", "DECOM",
          "No episode may start before 14 October 1991."),
    where("354", "episodes", "DECOM > $end", "DECOM", "An episode starts after the end of the collection year."),
    where("355", "episodes", "DECOM = DEC", "DECOM DEC", "An episode cannot start and end on the same day."),
    where("356", "episodes", "DEC < DECOM", "DECOM DEC", "DEC is before DECOM."),
    epi("357", "is_first AND DECOM >= $start AND RNE IS DISTINCT FROM 'S'", "RNE DECOM",
        "A child's first episode must have RNE S."),
    where("385", "episodes", "DEC > $end", "DEC", "DEC is after the end of the collection year."),
    epi("388", """(REC = 'X1' AND (next_decom IS DISTINCT FROM DEC))
                  OR (DEC IS NOT NULL AND next_decom = DEC AND REC IS DISTINCT FROM 'X1')""",
        "REC DEC DECOM",
        "X1 means the next episode starts the same day; an episode followed by a same-day episode must end X1."),
    epi("431", "RNE = 'S' AND prev_dec IS NOT NULL AND DECOM <= prev_dec", "RNE DECOM DEC",
        "An episode with RNE S must start after the previous episode ended."),
    epi("432", "prev_rec IS NOT NULL AND prev_rec <> 'X1' AND RNE IS DISTINCT FROM 'S'", "RNE REC",
        "After an episode ending with a leaving-care reason, the next episode must have RNE S."),
    epi("433", "RNE IN ('P', 'L', 'T', 'U', 'B') AND seq > 1 AND DECOM IS DISTINCT FROM prev_dec", "RNE DECOM DEC",
        "A continuing episode (RNE P, L, T, U or B) must start on the DEC of the previous episode."),
    epi("434", f"RNE = 'L' AND seq > 1 AND (NOT {LS_CHANGED} OR {PLACEMENT_CHANGED})",
        "RNE LS PLACE PL_POST URN PLACE_PROVIDER",
        "RNE L (legal status change) needs a new LS and the same placement."),
    epi("435", f"RNE IN ('P', 'T') AND seq > 1 AND ({LS_CHANGED} OR NOT {PLACEMENT_CHANGED})",
        "RNE LS PLACE PL_POST URN PLACE_PROVIDER",
        "RNE P or T (placement change) needs the same LS and a change of placement."),
    epi("436", f"RNE IN ('U', 'B') AND seq > 1 AND (NOT {LS_CHANGED} OR NOT {PLACEMENT_CHANGED})",
        "RNE LS PLACE PL_POST URN PLACE_PROVIDER",
        "RNE U or B needs both a new LS and a change of placement."),
    epi("437", "prev_rec IN ('E2', 'E15')", "REC",
        "No episode can follow one ending E2 (died) or E15 (assessed as 18 or over)."),
    epi("501", "prev_dec IS NOT NULL AND DECOM < prev_dec", "DECOM DEC", "Episodes overlap."),
    epi("504", "prev_rec = 'X1' AND prev_dec = DECOM AND CIN IS DISTINCT FROM prev_cin", "CIN",
        "Category of need must stay the same within a period of care."),
    epi("352", "RNE = 'S' AND DECOM >= bday(DOB, 18)", "RNE DECOM DOB",
        "A child cannot start to be looked after on or after their 18th birthday."),
    age_at_end("386", ("E11", "E12"), "DEC >= bday(DOB, 18)", "Adoption must be before the 18th birthday."),
    age_at_end("387", ("E5", "E6"), "DEC < bday(DOB, 14)", "E5/E6 need the child to be at least 14 at DEC."),
    age_at_end("389", ("E7",), "DEC < bday(DOB, 16)", "E7 needs the child to be at least 16 at DEC."),
    age_at_end("407", ("E45", "E46", "E47", "E48"), "DEC > bday(DOB, 18)",
               "A special guardianship ending cannot be after the 18th birthday."),
    age_at_end("460", ("E17",), "DEC < bday(DOB, 18)", "E17 needs DEC on or after the 18th birthday."),
    where("390", "episodes", f"REC IN ('E11', 'E12') AND PLACE NOT IN {sql_list(ADOPTION_PLACES)}", "REC PLACE",
          "An episode ending in adoption must be an adoption placement (A3-A6)."),
    where("516", "episodes", f"REC IN ('E45', 'E46') AND PLACE NOT IN {sql_list(FOSTER)}", "REC PLACE",
          "SGO to former foster carers (E45/E46) needs the ending episode to be a foster placement."),
    epi("359", "DEC IS NULL AND bday(DOB, 18) <= $end AND (LS IS DISTINCT FROM 'V2' OR PLACE IS DISTINCT FROM 'K2')",
        "LS PLACE DEC DOB", "A young person 18 or over still looked after must be V2 in a K2 children's home."),
]
