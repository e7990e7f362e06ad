"""Each implemented rule: silent on the clean return, and raised by a corruption it should catch.

The clean return (fixtures.CLEAN) is the passing example for every rule; each case below is the
failing example: one small change to it and the rule code that must then appear.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.domain.ssda903_rules.fixtures import Tables, clean, validate


def cell(table: str, index: int, **values: str) -> Callable[[Tables], None]:
    def change(t: Tables) -> None:
        t[table][index].update(values)

    return change


def add(table: str, **row: str) -> Callable[[Tables], None]:
    def change(t: Tables) -> None:
        t.setdefault(table, []).append(row)

    return change


def drop(table: str, index: int) -> Callable[[Tables], None]:
    def change(t: Tables) -> None:
        del t[table][index]

    return change


# Episode rows: 0, 1 = C1 (closed X1, open K2); 2 = C2 (open U6); 3, 4 = C4 (E1 U6, then A6 adopted).
CASES: list[tuple[str, Callable[[Tables], None]]] = [
    ("101", cell("header", 0, SEX="2")),
    ("102", cell("header", 0, DOB="31/02/2010")),
    ("103", cell("header", 0, ETHNIC="XXXX")),
    ("168", cell("header", 0, UPN="I12345678901")),
    ("171", cell("header", 0, MOTHER="1", MC_DOB="not a date")),
    ("174", cell("header", 1, MC_DOB="01/01/2024")),
    ("165", cell("header", 1, MOTHER="1")),
    ("209", cell("header", 0, UPN="UN1")),
    ("210", cell("header", 0, UPN="UN4")),
    ("301", cell("header", 3, DOB="01/04/2025")),
    ("351", cell("header", 2, DOB="10/10/1995")),
    ("611", cell("header", 0, MOTHER="1")),
    ("612", cell("header", 0, MC_DOB="01/01/2024")),
    ("620", cell("header", 1, SEX="F", MOTHER="1", MC_DOB="01/01/2024")),
    ("621", cell("header", 0, MOTHER="1", MC_DOB="01/01/2009")),
    ("625", cell("header", 0, MOTHER="1", MC_DOB="01/04/2025")),
    ("393", cell("header", 0, MOTHER="")),
    ("442", cell("header", 0, UPN="")),
    ("628", cell("header", 2, MOTHER="0")),
    ("232", cell("header", 1, SEX="U")),
    ("231", add("uasc", CHILD="C2", SEX="M", DOB="01/01/2018", DUC="01/01/2036")),
    ("INT03", cell("episodes", 2, CHILD="C9")),
    ("INT17", cell("reviews", 0, DOB="21/08/2010")),
    ("INT32", add("header", CHILD="C1", SEX="F", DOB="20/08/2010", ETHNIC="WBRI", UPN="UN2", MOTHER="0")),
    ("EPI", add("header", CHILD="C5", SEX="M", DOB="01/01/2015", ETHNIC="WBRI", UPN="UN2")),
    ("141", cell("episodes", 2, DECOM="15/13/2024")),
    ("142", cell("episodes", 0, DEC="", REC="", REASON_PLACE_CHANGE="")),
    ("143", cell("episodes", 2, RNE="X")),
    ("144", cell("episodes", 2, LS="C9")),
    ("145", cell("episodes", 2, CIN="N9")),
    ("146", cell("episodes", 2, PLACE="Z11")),
    ("148", cell("episodes", 2, REC="E4A")),
    ("149", cell("episodes", 2, DEC="01/03/2025", REC="E99")),
    ("302", cell("episodes", 2, DECOM="15/05/2017", RNE="S")),
    ("354", cell("episodes", 2, DECOM="15/05/2025")),
    ("355", cell("episodes", 2, DEC="15/05/2024", REC="E4A")),
    ("356", cell("episodes", 2, DEC="14/05/2024", REC="E4A")),
    ("357", cell("episodes", 2, RNE="P")),
    ("385", cell("episodes", 2, DEC="01/04/2025", REC="E4A")),
    ("388", cell("episodes", 2, DEC="01/03/2025", REC="X1")),
    ("432", cell("episodes", 0, REC="E4A")),
    ("433", cell("episodes", 1, DECOM="11/06/2024")),
    ("434", cell("episodes", 1, RNE="L")),
    ("435", cell("episodes", 1, LS="C1")),
    ("436", cell("episodes", 1, RNE="B")),
    ("504", cell("episodes", 1, CIN="N2")),
    ("386", cell("header", 3, DOB="01/03/2006")),
    ("390", cell("episodes", 4, PLACE="U6", URN="SC222222")),
    ("359", cell("header", 1, DOB="01/01/2006")),
    ("361", cell("episodes", 2, LS="L1")),
    ("378", cell("episodes", 2, PLACE="P1", PLACE_PROVIDER="PR0", URN="")),
    ("365", cell("episodes", 2, LS="V3")),
    ("408", cell("episodes", 4, LS="C2")),
    ("446", cell("episodes", 3, DECOM="01/09/2005", LS="E1")),
    ("178", cell("episodes", 2, PLACE_PROVIDER="PR9")),
    ("213", cell("episodes", 1, PLACE="T1", URN="")),
    ("214", cell("episodes", 2, LS="V4")),
    ("217", cell("episodes", 4, PLACE="A5", RNE="P")),
    ("218", cell("episodes", 2, URN="")),
    ("222", cell("episodes", 2, PLACE="P1", PLACE_PROVIDER="PR0")),
    ("225", cell("episodes", 0, REASON_PLACE_CHANGE="")),
    ("226", cell("episodes", 1, PLACE="T1", PLACE_PROVIDER="", URN="")),
    ("371", cell("episodes", 1, PLACE="K3")),
    ("373", cell("episodes", 3, PLACE="S1")),
    ("380", cell("episodes", 2, PLACE="T4", PLACE_PROVIDER="", URN="")),
    ("526", cell("episodes", 2, PLACE_PROVIDER="")),
    ("527", cell("episodes", 2, PLACE="R2", URN="")),
    ("550", cell("episodes", 2, PLACE_PROVIDER="PR0")),
    ("392b", cell("episodes", 2, HOME_POST="")),
    ("392d", cell("episodes", 2, HOME_POST="CD3 4GH")),
    ("1009", cell("episodes", 0, REASON_PLACE_CHANGE="MOVED")),
    ("166", cell("reviews", 0, REVIEW="")),
    ("167", cell("reviews", 0, REVIEW_CODE="")),
    ("440", cell("reviews", 0, REVIEW_CODE="PN0")),
    ("441", add("reviews", CHILD="C4", DOB="01/03/2020", REVIEW="01/02/2024", REVIEW_CODE="PN1")),
    ("567", cell("missing", 0, MIS_END="30/06/2024")),
    ("570", cell("missing", 0, MIS_START="01/04/2025", MIS_END="")),
    ("571", cell("missing", 0, MIS_END="05/04/2025")),
    ("574", add("missing", CHILD="C1", DOB="20/08/2010", MISSING="A", MIS_START="02/07/2024", MIS_END="04/07/2024")),
    ("581", add("missing", CHILD="C2", DOB="01/01/2018", MISSING="A", MIS_START="01/05/2024", MIS_END="02/05/2024")),
    ("586", cell("missing", 0, DOB="01/07/2024")),
    ("1004", cell("missing", 0, MIS_START="")),
    ("1006", cell("missing", 0, MISSING="X")),
    ("131", cell("oc3", 0, IN_TOUCH="MAYBE")),
    ("153", cell("oc3", 0, ACCOM="")),
    ("344", cell("oc3", 0, IN_TOUCH="DIED")),
    ("345", cell("oc3", 0, ACTIV="0")),
    ("391", add("oc3", CHILD="C2", DOB="01/01/2018", IN_TOUCH="YES", ACTIV="F2", ACCOM="D1")),
    ("1012", add("missing", CHILD="C3", DOB="10/10/2005", MISSING="M", MIS_START="01/07/2024", MIS_END="02/07/2024")),
    (
        "134",
        add(
            "ad1",
            CHILD="C3",
            DOB="10/10/2005",
            DATE_INT="01/01/2024",
            DATE_MATCH="01/02/2024",
            FOSTER_CARE="0",
            NB_ADOPTR="1",
            SEX_ADOPTR="F1",
            LS_ADOPTR="L0",
        ),
    ),
    ("180", cell("oc2", 0, SDQ_SCORE="41")),
    ("181", cell("oc2", 0, TEETH_CHECK="2")),
    ("182", cell("oc2", 0, TEETH_CHECK="")),
    ("186", cell("oc2", 0, SDQ_SCORE="")),
    ("191", drop("oc2", 0)),
    ("197a", cell("oc2", 0, SDQ_REASON="SDQ2")),
    ("543", cell("oc2", 0, CONVICTED="")),
    ("546", cell("oc2", 0, HEALTH_CHECK="1")),
    ("192", cell("oc2", 0, SUBSTANCE_MISUSE="1")),
    ("193", cell("oc2", 0, INTERVENTION_RECEIVED="1")),
    ("151", cell("ad1", 0, LS_ADOPTR="")),
    ("333", cell("ad1", 0, DATE_MATCH="01/07/2023")),
    ("335", cell("ad1", 0, FOSTER_CARE="1")),
    ("511", cell("ad1", 0, SEX_ADOPTR="M1", LS_ADOPTR="L0")),
    ("520", cell("ad1", 0, SEX_ADOPTR="MM")),
    ("523", cell("ad1", 0, DATE_INT="02/08/2023")),
    ("582", cell("ad1", 0, DATE_MATCH="01/03/2025")),
    ("601", drop("ad1", 0)),
    ("602", cell("episodes", 4, REC="E4A", PLACE="U6")),
    ("119", cell("placed_adoption", 0, DATE_PLACED_CEASED="01/01/2025")),
    ("522", cell("placed_adoption", 0, DATE_PLACED_CEASED="01/07/2023", REASON_PLACED_CEASED="RD1")),
    ("551", drop("placed_adoption", 0)),
    ("554", cell("placed_adoption", 0, DATE_PLACED="02/09/2023")),
    ("558", cell("placed_adoption", 0, DATE_PLACED_CEASED="01/01/2025", REASON_PLACED_CEASED="RD1")),
    ("630", drop("prevperm", 0)),
    ("631", cell("prevperm", 0, PREV_PERM="P9")),
    ("633", cell("prevperm", 0, PREV_PERM="P1", LA_PERM="123", DATE_PERM="01/01/2020")),
    ("632", cell("prevperm", 0, PREV_PERM="P1", LA_PERM="201", DATE_PERM="01/01/2025")),
    ("634", add("prevperm", CHILD="C1", DOB="20/08/2010", PREV_PERM="Z1")),
    ("635", cell("prevperm", 0, DATE_PERM="zz/zz/2015")),
    ("SW02STG1", cell("sw_episodes", 0, SW_ID="AB1234")),
    ("SW06STG2", cell("sw_episodes", 1, SW_DECOM="01/04/2025")),
    ("SW07STG2", cell("sw_episodes", 0, SW_DEC="01/01/2023")),
    (
        "SW08STG2",
        add("sw_episodes", CHILD="C1", DOB="20/08/2010", SW_ID="SW999999", SW_DECOM="01/01/2025", SW_REASON="LEFTRL"),
    ),
    ("SW13STG1", cell("sw_episodes", 1, SW_REASON="")),
]


@pytest.fixture(scope="module")
def clean_report(tmp_path_factory):  # type: ignore[no-untyped-def]
    return validate(clean(), tmp_path_factory.mktemp("clean"))


def test_the_clean_return_raises_nothing(clean_report) -> None:  # type: ignore[no-untyped-def]
    assert clean_report.failed == {}
    assert [f.code for f in clean_report.findings] == []


@pytest.mark.parametrize(("code", "corrupt"), CASES, ids=[c for c, _ in CASES])
def test_each_corruption_raises_its_rule(code: str, corrupt, tmp_path) -> None:  # type: ignore[no-untyped-def]
    tables = clean()
    corrupt(tables)
    report = validate(tables, tmp_path, only={code})
    assert report.failed == {}
    assert code in report.codes(), sorted(report.codes())
