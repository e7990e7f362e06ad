"""Placement rules: placement types, providers, URNs, temporary placements, ages, postcodes
(ssda903.md §2.7, §2.8, §1.6 URN, §5.2). Rules needing the Ofsted or postcode lookups are not here."""

from __future__ import annotations

from hearth.domain.ssda903_rules.codelists import (
    ADOPTION_PLACES,
    FOSTER,
    REASON_PLACE_CHANGE,
    TEMPORARY,
    Z_NEW,
    sql_list,
)
from hearth.domain.ssda903_rules.rule import Rule, in_list, where
from hearth.domain.ssda903_rules.rules.episodes import epi

T = TEMPORARY
NO_URN = {  # placement types that never have a URN, by the years of each list (218, 222)
    2024: ("H5", "P1", "P2", "P3", "R1", "R2", "R5", *T, "Z1"),
    2025: ("P1", "P3", "R1", "R2", "R5", *T, "Z1"),
    2026: ("P1", "P3", "R1", "R2", "R5", *T, *Z_NEW),
}
NO_URN_222_2024 = ("P1", "P2", "P3", "R1", "R2", "R5", *T, "Z1")
MIN_AGE = {"372": ("R5", 10), "373": ("S1", 4), "374": ("P3", 14)}
MAX_DAYS = {"375": ("T1", 42), "376": ("T3", 21), "379": ("T4", 7)}
NOT_WITH_PROVIDER = {
    "527": ("PR1", ("P1", "R2", "R5")), "528": ("PR2", ("P1", "R2", "R5")),
    "529": ("PR3", ("P1", *ADOPTION_PLACES, "K1", "K2", *FOSTER)), "530": ("PR4", ("P1",)), "531": ("PR5", ("P1",)),
}
OPEN_IN_YEAR = "(DEC IS NULL OR DEC >= $start)"


def min_age(code: str, place: str, age: int, **kw: object) -> Rule:
    return epi(code, f"PLACE = '{place}' AND DECOM < bday(DOB, {age})", "PLACE DECOM DOB",
               f"A {place} placement needs the child to be at least {age} at DECOM.", **kw)


def max_days(code: str, place: str, days: int) -> Rule:
    return where(code, "episodes", f"PLACE = '{place}' AND date_diff('day', DECOM, coalesce(DEC, $end)) > {days}",
                 "PLACE DECOM DEC", f"A {place} placement must not last more than {days} days.")


def provider_not_with(code: str, provider: str, places: tuple[str, ...]) -> Rule:
    return where(code, "episodes", f"PLACE_PROVIDER = '{provider}' AND PLACE IN {sql_list(places)}",
                 "PLACE_PROVIDER PLACE", f"Provider {provider} cannot be used with {', '.join(places)}.")


def urn_required(first: int, last: int, exempt: tuple[str, ...]) -> Rule:
    return where("218", "episodes", f"URN IS NULL AND PLACE NOT IN {sql_list(exempt)} AND {OPEN_IN_YEAR}",
                 "URN PLACE PL_LA DEC", "An Ofsted URN is required for this placement type.", first=first, last=last)


def urn_not_allowed(first: int, last: int, places: tuple[str, ...]) -> Rule:
    return where("222", "episodes", f"URN IS NOT NULL AND URN <> 'XXXXXXX' AND PLACE IN {sql_list(places)}",
                 "URN PLACE", "A URN must not be given for this placement type.", first=first, last=last)


def return_from_temporary(first: int, last: int, same_postcode: bool) -> Rule:
    post = " OR PL_POST IS DISTINCT FROM prev2_pl_post" if same_postcode else ""
    return epi(
        "383",
        f"""prev_place IN {sql_list(T)} AND prev_rec = 'X1' AND PLACE NOT IN {sql_list(T)} AND seq > 2
            AND (RNE IS DISTINCT FROM 'P' OR PLACE IS DISTINCT FROM prev2_place{post})""",
        "PLACE RNE PL_POST", "After a temporary placement the child must return (RNE P) to the same placement.",
        first=first, last=last,
    )


RULES = [
    in_list("1009", "episodes", "REASON_PLACE_CHANGE", REASON_PLACE_CHANGE, "REASON_PLACE_CHANGE is not a valid code."),
    where("178", "episodes",
          f"PLACE_PROVIDER IS NOT NULL AND (PLACE_PROVIDER NOT IN ('PR0','PR1','PR2','PR3','PR4','PR5')"
          f" OR PLACE IN {sql_list((*T, 'Z1'))})",
          "PLACE_PROVIDER PLACE", "PLACE_PROVIDER is not valid, or not expected for this placement.", last=2025),
    where("178", "episodes",
          f"PLACE_PROVIDER IS NOT NULL AND (PLACE_PROVIDER NOT IN ('PR0','PR1','PR2','PR3','PR4','PR5')"
          f" OR PLACE IN {sql_list((*T, *Z_NEW))})",
          "PLACE_PROVIDER PLACE", "PLACE_PROVIDER is not valid, or not expected for this placement.", first=2026),
    where("213", "episodes", f"PLACE IN {sql_list(T)} AND PLACE_PROVIDER IS NOT NULL", "PLACE_PROVIDER PLACE",
          "Temporary placements must not have a placement provider.", last=2025),
    where("213", "episodes", f"PLACE IN {sql_list((*T, *Z_NEW))} AND PLACE_PROVIDER IS NOT NULL",
          "PLACE_PROVIDER PLACE", "Temporary and other (Z11-Z14) placements must not have a provider.", first=2026),
    where("214", "episodes", "LS IN ('V3', 'V4') AND (PL_POST IS NOT NULL OR URN IS NOT NULL)", "PL_POST URN LS",
          "Short breaks must not have a placement postcode or URN."),
    where("398", "episodes", "LS IN ('V3', 'V4') AND (HOME_POST IS NOT NULL OR PL_POST IS NOT NULL)",
          "LS HOME_POST PL_POST", "Short breaks must not have postcodes."),
    where("217", "episodes", "PLACE IN ('A3', 'A5') AND DECOM >= DATE '2015-04-01' AND RNE NOT IN ('S', 'T', 'U')",
          "PLACE RNE DECOM", "Adoption placements with current foster carers (A3/A5) must have RNE S, T or U."),
    where("217t", "episodes", "PLACE = 'P2' AND (DEC IS NULL OR DEC >= DATE '2023-10-28')", "PLACE DEC",
          "P2 (independent living) cannot be used for episodes open on or after 28 October 2023.",
          first=2024, last=2024),
    urn_required(2023, 2024, NO_URN[2024]),
    urn_required(2025, 2025, NO_URN[2025]),
    urn_required(2026, 9999, NO_URN[2026]),
    urn_not_allowed(2024, 2024, NO_URN_222_2024),
    urn_not_allowed(2025, 2025, NO_URN[2025]),
    urn_not_allowed(2026, 9999, NO_URN[2026]),
    epi("225", f"""REC = 'X1' AND next_rne IN ('P', 'B', 'T', 'U') AND PLACE NOT IN {sql_list(T)}
                   AND next_place NOT IN {sql_list(T)} AND REASON_PLACE_CHANGE IS NULL""",
        "REASON_PLACE_CHANGE REC RNE PLACE", "The episode before a placement change needs REASON_PLACE_CHANGE."),
    epi("226", f"REASON_PLACE_CHANGE IS NOT NULL AND (PLACE IN {sql_list(T)} OR next_place IN {sql_list(T)})",
        "REASON_PLACE_CHANGE PLACE",
        "No REASON_PLACE_CHANGE on a temporary placement or on the episode before one."),
    where("233", "episodes", "REASON_PLACE_CHANGE IS NOT NULL AND DEC IS NULL", "REASON_PLACE_CHANGE DEC",
          "REASON_PLACE_CHANGE must be blank on an episode that has not ended.", first=2026),
    epi("234", "REASON_PLACE_CHANGE = 'CUSTOD' AND coalesce(DEC, DECOM) < bday(DOB, 10)",
        "REASON_PLACE_CHANGE DECOM DOB", "CUSTOD cannot apply to a child under 10.", first=2026),
    where("242", "episodes", f"URN = 'XXXXXXX' AND PLACE NOT IN {sql_list((*ADOPTION_PLACES, *FOSTER))}", "URN PLACE",
          "URN XXXXXXX is only for adoption and fostering placements.", first=2026),
    min_age("370", "P2", 16, first=2024, last=2024),
    min_age("371", "H5", 16, first=2024, last=2024),
    min_age("371", "K3", 16, first=2025),
    *(min_age(code, place, age) for code, (place, age) in MIN_AGE.items()),
    *(max_days(code, place, days) for code, (place, days) in MAX_DAYS.items()),
    where("377", "episodes",
          "PLACE = 'T3' AND CHILD IN (SELECT CHILD FROM episodes WHERE PLACE = 'T3' GROUP BY CHILD HAVING count(*) > 2)",
          "PLACE", "No more than two T3 placements in the year."),
    where("380", "episodes", f"PLACE IN {sql_list(T)} AND RNE NOT IN ('P', 'B')", "PLACE RNE",
          "A temporary placement must start with RNE P or B."),
    where("381", "episodes", f"PLACE IN {sql_list(T)} AND REC IS NOT NULL AND REC <> 'X1'", "PLACE REC",
          "A period of care cannot end in a temporary placement."),
    return_from_temporary(2023, 2025, same_postcode=False),
    return_from_temporary(2026, 9999, same_postcode=True),
    where("526", "episodes", f"PLACE_PROVIDER IS NULL AND PLACE NOT IN {sql_list((*T, 'Z1'))}", "PLACE_PROVIDER PLACE",
          "A placement provider is required for this placement.", last=2025),
    where("526", "episodes", f"PLACE_PROVIDER IS NULL AND PLACE NOT IN {sql_list((*T, *Z_NEW))}",
          "PLACE_PROVIDER PLACE", "A placement provider is required for this placement.", first=2026),
    *(provider_not_with(code, pr, places) for code, (pr, places) in NOT_WITH_PROVIDER.items()),
    where("550", "episodes", "PLACE_PROVIDER = 'PR0' AND PLACE IS DISTINCT FROM 'P1'", "PLACE_PROVIDER PLACE",
          "PR0 (parents) is only for placements with parents (P1)."),
    epi("336", f"PLACE IN ('A3', 'A5') AND seq > 1 AND RNE <> 'S' AND prev_place NOT IN {sql_list((*ADOPTION_PLACES, *FOSTER))}",
        "PLACE", "An adoption placement with current foster carers must follow a foster or adoption placement."),
    where("392b", "episodes",
          "LS NOT IN ('V3', 'V4') AND (HOME_POST IS NULL OR PL_POST IS NULL)"
          " AND CHILD NOT IN (SELECT CHILD FROM uasc)",
          "HOME_POST PL_POST LS", "Home and placement postcodes are required (except UASC and short breaks)."),
    where("392d", "episodes", "HOME_POST = PL_POST AND PLACE IS DISTINCT FROM 'P1'", "HOME_POST PL_POST PLACE",
          "Home and placement postcodes are the same but the child is not placed with parents.", severity="warning"),
]
