"""The reporting groups KPIs break figures down by (kpis.md §2.1, §2.2), declared as data.

Each grouping is an ordered list of (label, codes); `case_sql` turns one into a DuckDB CASE
expression, `group_of` applies it in Python, so both read the same declaration.
"""

from __future__ import annotations

Grouping = tuple[tuple[str, tuple[str, ...]], ...]

# Placement groups (§2.2) by PLACE. Foster care with "other" carers is split by provider below.
PLACEMENT_GROUPS: Grouping = (
    ("Foster: family and friends", ("U1", "U2", "U3")),
    ("Foster: other carers", ("U4", "U5", "U6")),
    ("Placed for adoption", ("A3", "A4", "A5", "A6")),
    ("Placed with parents", ("P1",)),
    ("Children's home", ("K2",)),
    ("Secure children's home", ("K1",)),
    ("Semi-independent or supported accommodation", ("H5", "K3")),
    ("Independent living", ("P2",)),
    ("Residential school", ("S1",)),
    ("Health or residential care", ("R1", "R2")),
    ("Family centre or mother and baby unit", ("R3",)),
    ("Young offender institution or prison", ("R5",)),
    ("Temporary", ("T0", "T1", "T2", "T3", "T4")),
    ("Other", ("P3", "Z1", "Z11", "Z12", "Z13", "Z14")),
)
# In-house (the council's own, PR1) versus agency foster care, for "Foster: other carers".
OWN_PROVIDER = "PR1"

AGE_BANDS_DFE: tuple[tuple[str, int, int], ...] = (
    ("Under 1", 0, 0), ("1 to 4", 1, 4), ("5 to 9", 5, 9), ("10 to 15", 10, 15), ("16 and over", 16, 200),
)

ETHNIC_GROUPS: Grouping = (
    ("White", ("WBRI", "WIRI", "WIRT", "WOTH", "WROM")),
    ("Mixed", ("MWBC", "MWBA", "MWAS", "MOTH")),
    ("Asian or Asian British", ("AIND", "APKN", "ABAN", "AOTH")),
    ("Black or Black British", ("BCRB", "BAFR", "BOTH")),
    ("Other ethnic group", ("CHNE", "OOTH")),
    ("Refused", ("REFU",)),
    ("Information not yet obtained", ("NOBT",)),
)

LEGAL_STATUS_GROUPS: Grouping = (
    ("Care order", ("C1", "C2")),
    ("Placement order", ("E1", "D1")),
    ("Accommodated under section 20", ("V2",)),
    ("Youth justice (remand or sentence)", ("J1", "J2", "J3")),
    ("Emergency or police protection", ("L1", "L2", "L3")),
)

# Reasons for ceasing (POP-05), by REC.
CEASE_REASON_GROUPS: Grouping = (
    ("Adopted", ("E11", "E12")),
    ("Special guardianship order", ("E43", "E44", "E45", "E46", "E47", "E48")),
    ("Residence or child arrangements order", ("E41",)),
    ("Returned home", ("E4A", "E4B", "E13")),
    ("Independent living", ("E5", "E6")),
    ("Adult social care", ("E7",)),
    ("Custody", ("E9",)),
    ("Remand ended", ("E14",)),
    ("Age assessment", ("E15",)),
    ("Moved abroad", ("E16",)),
    ("Stayed with former carers at 18+", ("E17",)),
    ("Died", ("E2",)),
    ("Transferred to another council", ("E3",)),
    ("Other", ("E8",)),
)

SEX_LABELS: Grouping = (("Male", ("M", "1")), ("Female", ("F", "2")))

EET = ("F1", "P1", "F2", "P2", "F3", "P3", "F4", "P4", "F5", "P5")
NEET = ("G4", "G5", "G6")
HIGHER_EDUCATION = ("F1", "P1")
OTHER_EDUCATION = ("F2", "P2")
TRAINING_OR_EMPLOYMENT = ("F3", "P3", "F4", "P4", "F5", "P5")


def sql_list(codes: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{c}'" for c in codes) + ")"


def case_sql(column: str, grouping: Grouping, other: str = "Not recorded") -> str:
    whens = " ".join(f"WHEN {column} IN {sql_list(codes)} THEN '{label.replace(chr(39), chr(39) * 2)}'"
                     for label, codes in grouping)
    return f"(CASE {whens} ELSE '{other}' END)"


def group_of(code: str | None, grouping: Grouping, other: str = "Not recorded") -> str:
    for label, codes in grouping:
        if code in codes:
            return label
    return other


def age_band_sql(age: str) -> str:
    whens = " ".join(f"WHEN {age} BETWEEN {lo} AND {hi} THEN '{label}'" for label, lo, hi in AGE_BANDS_DFE)
    return f"(CASE {whens} END)"


def placement_group_sql(place: str, provider: str) -> str:
    """The placement group, with foster care by other carers split into the council's own and agency."""
    base = case_sql(place, PLACEMENT_GROUPS)
    return (f"(CASE WHEN {place} IN ('U4', 'U5', 'U6') THEN "
            f"(CASE WHEN {provider} = '{OWN_PROVIDER}' THEN 'Foster: council carers' ELSE 'Foster: agency carers' END) "
            f"ELSE {base} END)")
