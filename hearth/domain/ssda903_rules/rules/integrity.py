"""The validator's integrity checks (INT*, EPI): children known to the header, repeated DOB and SEX agree,
one row per child where a table allows only one (ssda903.md §5.2.20). One parameterised rule per family."""

from __future__ import annotations

from hearth.domain.ssda903_rules.rule import Rule, query
from hearth.domain.ssda903_rules.schema import DFE_NAMES

IN_HEADER = {
    "INT01": "ad1", "INT02": "placed_adoption", "INT03": "episodes", "INT04": "missing", "INT05": "oc2",
    "INT06": "oc3", "INT07": "prevperm", "INT08": "reviews", "INT09": "uasc",
}
SAME_DOB = {
    "INT11": "ad1", "INT12": "placed_adoption", "INT13": "missing", "INT14": "oc2", "INT15": "oc3",
    "INT16": "prevperm", "INT17": "reviews", "INT18": "uasc",
}
ONCE = {"INT31": "ad1", "INT32": "header", "INT33": "oc2", "INT34": "oc3", "INT35": "prevperm", "INT36": "uasc"}


def child_in_header(code: str, table: str) -> Rule:
    return query(
        code, f"header {table}",
        f"SELECT '{table}' AS tbl, _row, CHILD FROM {table} WHERE CHILD IS NULL OR CHILD NOT IN (SELECT CHILD FROM _child)",
        "CHILD", f"Every CHILD in {DFE_NAMES[table]} must be in the Header.",
    )


def same_dob(code: str, table: str) -> Rule:
    return query(
        code, f"header {table}",
        f"SELECT '{table}' AS tbl, t._row, t.CHILD FROM {table} t JOIN _child c USING (CHILD)"
        " WHERE t.DOB IS DISTINCT FROM c.DOB",
        "DOB", f"DOB in {DFE_NAMES[table]} must equal the Header DOB.",
    )


def once_per_child(code: str, table: str) -> Rule:
    return query(
        code, table,
        f"SELECT '{table}' AS tbl, _row, CHILD FROM (SELECT *, count(*) OVER (PARTITION BY CHILD) AS k FROM {table})"
        " WHERE k > 1",
        "CHILD", f"A child may appear only once in {DFE_NAMES[table]}.",
    )


RULES = [
    *(child_in_header(c, t) for c, t in IN_HEADER.items()),
    *(same_dob(c, t) for c, t in SAME_DOB.items()),
    *(once_per_child(c, t) for c, t in ONCE.items()),
    query("INT21", "header uasc",
          "SELECT 'uasc' AS tbl, u._row, u.CHILD FROM uasc u JOIN _child c USING (CHILD) WHERE u.SEX IS DISTINCT FROM c.SEX",
          "SEX", "SEX in UASC must equal SEX in the Header."),
    query("EPI", "header episodes oc3",
          "SELECT 'header' AS tbl, h._row, h.CHILD FROM header h JOIN _child c USING (CHILD)"
          " WHERE c.n_epi = 0 AND NOT c.has_oc3",
          "CHILD", "A header row with no episodes and no OC3 data: load the child's episodes.", severity="warning"),
]
