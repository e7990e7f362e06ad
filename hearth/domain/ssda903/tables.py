"""The rows of each 903 table for one child in one collection year (ssda903.md §1.5, §1.6).

Every value is a string as it goes in the CSV: dd/mm/yyyy dates, blank for nothing, 1/0 for yes/no.
"""

from __future__ import annotations

from datetime import date

from hearth.domain.ssda903.cohorts import (
    SHORT_BREAK,
    episodes_in_year,
    in_oc2_cohort,
    looked_after_at_end,
    oc3_age,
)
from hearth.domain.ssda903.history import ChildHistory
from hearth.domain.ssda903.years import age_on, collection_end, collection_start, fmt

# File name (without .csv) -> columns, in the 903's order.
COLUMNS: dict[str, tuple[str, ...]] = {
    "header": ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
    "episodes": (
        "CHILD",
        "DECOM",
        "RNE",
        "LS",
        "CIN",
        "PLACE",
        "PLACE_PROVIDER",
        "DEC",
        "REC",
        "REASON_PLACE_CHANGE",
        "HOME_POST",
        "PL_POST",
        "URN",
    ),
    "reviews": ("CHILD", "DOB", "REVIEW", "REVIEW_CODE"),
    "uasc": ("CHILD", "SEX", "DOB", "DUC"),
    "oc2": (
        "CHILD",
        "DOB",
        "SDQ_SCORE",
        "SDQ_REASON",
        "CONVICTED",
        "HEALTH_CHECK",
        "IMMUNISATIONS",
        "TEETH_CHECK",
        "HEALTH_ASSESSMENT",
        "SUBSTANCE_MISUSE",
        "INTERVENTION_RECEIVED",
        "INTERVENTION_OFFERED",
    ),
    "oc3": ("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"),
    "ad1": ("CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"),
    "placed_adoption": ("CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"),
    "prevperm": ("CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"),
    "missing": ("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"),
    "sw_episodes": ("CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"),
    "dolo": ("CHILD", "DOB", "DOLO_START", "DOLO_END"),
}
SW_EPISODES_FROM = 2024  # 2023/24
DOLO_FROM = 2027  # 2026/27
SEX_LETTERS_FROM = 2025  # 2024/25: M/F/U; before, 1/2
ADOPTED = ("E11", "E12")

Row = tuple[str, ...]


def tables_for_year(year: int) -> tuple[str, ...]:
    """The tables a year's return has."""
    names = [name for name in COLUMNS if name not in ("sw_episodes", "dolo")]
    if year >= SW_EPISODES_FROM:
        names.append("sw_episodes")
    if year >= DOLO_FROM:
        names.append("dolo")
    return tuple(names)


def sex_code(sex: str, year: int) -> str:
    if year >= SEX_LETTERS_FROM:
        return sex
    return {"M": "1", "F": "2"}.get(sex, sex)


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("1" if value else "0")


def _until(day: date | None, end: date) -> str:
    """An end date as reported in a year: blank if it had not happened by 31 March."""
    return "" if day is None or day > end else fmt(day)


def upn_for_year(upn: str, dob: date, year: int) -> str:
    """UN1 until the child was 4 on the 31 August before the year (rule 209); the UPN after."""
    if upn and not upn.startswith("UN") and age_on(dob, date(year - 1, 8, 31)) < 4:
        return "UN1"
    return upn


def rows_for_year(history: ChildHistory, year: int) -> dict[str, list[Row]]:
    """Every 903 row for this child in the year; tables without rows are left out."""
    start, end = collection_start(year), collection_end(year)
    h = history
    dob = fmt(h.dob)
    in_year = episodes_in_year(h.episodes, year)
    looked_after = [e for e in in_year if e.ls not in SHORT_BREAK]
    cl_age = oc3_age(h, year) if 17 <= age_on(h.dob, end) <= 25 else None
    if not in_year and cl_age is None:
        return {}
    out: dict[str, list[Row]] = {}

    mother = mc_dob = ""
    if h.sex == "F" and looked_after:  # MOTHER only for girls looked after in the year (rules 165, 628)
        is_mother = h.mc_dob is not None and h.mc_dob <= end
        mother = "1" if is_mother else "0"
        mc_dob = fmt(h.mc_dob) if is_mother else ""
    out["header"] = [(h.child, sex_code(h.sex, year), dob, h.ethnic, upn_for_year(h.upn, h.dob, year), mother, mc_dob)]

    if in_year:
        out["episodes"] = [
            (
                h.child,
                fmt(e.decom),
                e.rne,
                e.ls,
                e.cin,
                e.place,
                e.place_provider,
                _until(e.dec, end),
                e.rec if e.dec is not None and e.dec <= end else "",
                e.reason_place_change if e.dec is not None and e.dec <= end else "",
                e.home_post,
                e.pl_post,
                e.urn,
            )
            for e in in_year
        ]
        reviews = [(h.child, dob, fmt(r.review), r.review_code) for r in h.reviews if start <= r.review <= end]
        if reviews and looked_after:
            out["reviews"] = reviews
        if h.uasc and (h.duc is None or h.duc >= start):
            out["uasc"] = [(h.child, sex_code(h.sex, year), dob, fmt(h.duc))]
        missing = [
            (h.child, dob, m.missing, fmt(m.mis_start), _until(m.mis_end, end))
            for m in h.missing
            if m.mis_start <= end and (m.mis_end is None or m.mis_end >= start)
        ]
        if missing:
            out["missing"] = missing
        placed = [
            (
                h.child,
                dob,
                fmt(p.date_placed),
                _until(p.date_placed_ceased, end),
                p.reason_placed_ceased if p.date_placed_ceased is not None and p.date_placed_ceased <= end else "",
            )
            for p in h.placed_adoption
            if p.date_placed <= end and (p.date_placed_ceased is None or p.date_placed_ceased >= start)
        ]
        if placed:
            out["placed_adoption"] = placed
        starts = {e.decom for e in in_year if e.rne == "S" and e.decom >= start}
        prevperm = [(h.child, dob, p.prev_perm, p.la_perm, p.date_perm) for p in h.prevperm if p.period_start in starts]
        if prevperm:
            out["prevperm"] = prevperm
        adopted = [e for e in in_year if e.rec in ADOPTED and e.dec is not None and e.dec <= end]
        if adopted and h.adoption is not None:
            a = h.adoption
            out["ad1"] = [
                (
                    h.child,
                    dob,
                    fmt(a.date_int),
                    fmt(a.date_match),
                    _yes_no(a.foster_care),
                    str(a.nb_adoptr),
                    a.sex_adoptr,
                    a.ls_adoptr,
                )
            ]
        if in_oc2_cohort(h.episodes, year):
            o = h.outcome_for(year)
            if o is None:
                out["oc2"] = [(h.child, dob) + ("",) * 10]
            else:
                out["oc2"] = [
                    (
                        h.child,
                        dob,
                        "" if o.sdq_score is None else str(o.sdq_score),
                        o.sdq_reason,
                        _yes_no(o.convicted),
                        _yes_no(o.health_check),
                        _yes_no(o.immunisations),
                        _yes_no(o.teeth_check),
                        _yes_no(o.health_assessment),
                        _yes_no(o.substance_misuse),
                        _yes_no(o.intervention_received),
                        _yes_no(o.intervention_offered),
                    )
                ]
        if year >= SW_EPISODES_FROM and looked_after_at_end(h.episodes, year):
            # From 2024/25 the history covers the previous collection year too (§4.8).
            since = collection_start(year - 1) if year > SW_EPISODES_FROM else start
            sw = [
                (h.child, dob, s.sw_id, fmt(s.sw_decom), _until(s.sw_dec, end), s.sw_reason)
                for s in h.sw_episodes
                if s.sw_decom <= end and (s.sw_dec is None or s.sw_dec >= since)
            ]
            if sw:
                out["sw_episodes"] = sw
        if year >= DOLO_FROM:
            dolo = [
                (h.child, dob, fmt(d.dolo_start), _until(d.dolo_end, end))
                for d in h.dolo
                if d.dolo_start <= end and (d.dolo_end is None or d.dolo_end >= start)
            ]
            if dolo:
                out["dolo"] = dolo

    if cl_age is not None:
        record = h.birthday_record_for(year)
        if record is None:  # in the cohort but nothing recorded: a blank row the validator will flag
            out["oc3"] = [(h.child, dob, "", "", "")]
        else:
            out["oc3"] = [(h.child, dob, record.in_touch, record.activ, record.accom)]
    return out
