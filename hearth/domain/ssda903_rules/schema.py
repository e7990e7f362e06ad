"""The 903 tables as the rule engine sees them: names, columns and column kinds (ssda903.md §1.6).

Table names are the CSV file names Hearth writes (header, episodes, ...); columns come from the
shared 903 projection so export, import and validation agree on one list.
"""

from __future__ import annotations

from hearth.domain.ssda903.tables import COLUMNS

TABLES: tuple[str, ...] = tuple(COLUMNS)

# Columns holding a full date. DATE_PERM is not here: it may be partly unknown (zz/05/2020).
DATE_COLUMNS: frozenset[str] = frozenset(
    {
        "DOB", "MC_DOB", "DECOM", "DEC", "REVIEW", "DUC", "DATE_INT", "DATE_MATCH", "DATE_PLACED",
        "DATE_PLACED_CEASED", "MIS_START", "MIS_END", "SW_DECOM", "SW_DEC", "DOLO_START", "DOLO_END",
    }
)
# Kept exactly as given (identifiers are the LA's own; case may matter to it).
VERBATIM_COLUMNS: frozenset[str] = frozenset({"CHILD"})
# Whole numbers that spreadsheets like to write as 1.0.
NUMBER_COLUMNS: frozenset[str] = frozenset(
    {
        "MOTHER", "SDQ_SCORE", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT",
        "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED", "FOSTER_CARE", "NB_ADOPTR", "LA_PERM",
        "ACTIV", "ACCOM", "URN",
    }
)
URN_DIGITS = 7  # a numeric Ofsted URN; spreadsheets drop its leading zeros

# Friendly names used in messages and by the DfE (PlacedAdoption, SWEpisodes ...).
DFE_NAMES: dict[str, str] = {
    "header": "Header", "episodes": "Episodes", "reviews": "Reviews", "uasc": "UASC", "oc2": "OC2", "oc3": "OC3",
    "ad1": "AD1", "placed_adoption": "PlacedAdoption", "prevperm": "PrevPerm", "missing": "Missing",
    "sw_episodes": "SWEpisodes", "dolo": "DoLo",
}
BY_DFE_NAME: dict[str, str] = {v.lower(): k for k, v in DFE_NAMES.items()}


def columns(table: str) -> tuple[str, ...]:
    return COLUMNS[table]


def table_for_columns(names: list[str]) -> str | None:
    """The table whose column set is exactly these names (how the DfE tools recognise a CSV)."""
    wanted = set(names)
    for table, cols in COLUMNS.items():
        if set(cols) == wanted:
            return table
    return None


def table_for_filename(stem: str) -> str | None:
    key = stem.strip().lower().replace("-", "_").replace(" ", "_")
    if key in COLUMNS:
        return key
    return BY_DFE_NAME.get(key.replace("_", ""))
