"""205A worked examples: a child UASC last year but not this year must have had last year's DUC inside
last year. The clean return is 2024/25; last year's is 2023/24 (01/04/2023 to 31/03/2024)."""

from __future__ import annotations

import pytest

from tests.domain.ssda903_rules.fixtures import clean, validate

# C5 arrived as a UASC on 01/06/2023, aged 15, and an age assessment found them an adult on 01/12/2023
# (E15). Last year's return had their episode and a UASC row; this year they are 17 and a care leaver
# in OC3 only, so they have no UASC row (1014). Their 18th birthday is 01/09/2025.
C5 = {"CHILD": "C5", "SEX": "M", "DOB": "01/09/2007", "ETHNIC": "AOTH", "UPN": "UN2"}


def _returns(last_duc: str, uasc_this_year: bool = False) -> tuple[dict, dict]:
    this, last = clean(), clean()
    this["header"].append(dict(C5))
    this["oc3"].append({"CHILD": "C5", "DOB": "01/09/2007", "IN_TOUCH": "YES", "ACTIV": "F2", "ACCOM": "D1"})
    if uasc_this_year:
        this["uasc"] = [{"CHILD": "C5", "SEX": "M", "DOB": "01/09/2007", "DUC": last_duc}]
    last["header"].append(dict(C5))
    last["uasc"] = [{"CHILD": "C5", "SEX": "M", "DOB": "01/09/2007", "DUC": last_duc}]
    return this, last


@pytest.mark.parametrize(
    ("last_duc", "why"),
    [
        ("01/12/2023", "the day status ended, inside last year"),
        ("01/04/2023", "the first day of last year"),
        ("31/03/2024", "the last day of last year"),
    ],
)
def test_it_passes_a_duc_inside_last_year(last_duc: str, why: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    this, last = _returns(last_duc)
    report = validate(this, tmp_path, last=last, only={"205A"})
    assert report.failed == {}
    assert report.codes() == set(), why


@pytest.mark.parametrize(
    ("last_duc", "why"),
    [
        ("01/09/2025", "the 18th birthday, still to come: status did not end last year"),
        ("01/04/2024", "the first day of this year"),
        ("31/03/2023", "before last year began"),
        ("", "no DUC at all"),
    ],
)
def test_it_flags_a_duc_outside_last_year(last_duc: str, why: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    this, last = _returns(last_duc)
    report = validate(this, tmp_path, last=last, only={"205A"})
    assert report.failed == {}
    assert [(f.code, f.table, f.child) for f in report.findings] == [("205A", "header", "C5")], why


def test_a_child_uasc_in_both_years_is_not_its_business(tmp_path) -> None:  # type: ignore[no-untyped-def]
    this, last = _returns("01/09/2025", uasc_this_year=True)  # 205B's story, not 205A's
    assert validate(this, tmp_path, last=last, only={"205A"}).codes() == set()
