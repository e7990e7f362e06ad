"""One hand-built child's 903 rows for a year: exact columns, blanks and dd/mm/yyyy dates."""

from datetime import date

from hearth.domain.ssda903.history import (
    BirthdayRecord,
    ChildHistory,
    Episode,
    Missing,
    Outcome,
    PrevPerm,
    Review,
    SWEpisode,
)
from hearth.domain.ssda903.tables import COLUMNS, rows_for_year, tables_for_year

FIRST = Episode(date(2022, 5, 10), "S", "C1", "N1", "U6", "PR1", date(2023, 2, 1), "X1", "CARPL", "NM1 1AB",
                "NM2 2AB", "1234567")
SECOND = Episode(date(2023, 2, 1), "P", "C2", "N1", "U4", "PR4", date(2025, 6, 1), "E4A", "", "NM1 1AB",
                 "NM3 3AB", "7654321")
CHILD = ChildHistory(
    child="7000001", sex="F", dob=date(2012, 7, 4), ethnic="WBRI", upn="A123456789012",
    episodes=(FIRST, SECOND), reviews=(Review(date(2024, 5, 1), "PN1"), Review(date(2023, 3, 1), "PN1")),
    missing=(Missing("M", date(2025, 3, 30), date(2025, 4, 2)),),
    outcomes=(Outcome(2025, sdq_score=12, convicted=False, immunisations=True, teeth_check=True,
                      health_assessment=True, substance_misuse=False),),
    prevperm=(PrevPerm(date(2022, 5, 10), "Z1"),),
    sw_episodes=(SWEpisode("SW700001", date(2022, 5, 10), date(2024, 1, 1), "FCONTA"),
                 SWEpisode("SW700002", date(2024, 1, 1), None, "LEFTRL")),
)


def test_the_open_episode_is_sent_with_blank_dec_and_rec():
    rows = rows_for_year(CHILD, 2025)
    assert rows["episodes"] == [
        ("7000001", "01/02/2023", "P", "C2", "N1", "U4", "PR4", "", "", "", "NM1 1AB", "NM3 3AB", "7654321")
    ]
    assert rows["header"] == [("7000001", "F", "04/07/2012", "WBRI", "A123456789012", "0", "")]


def test_the_year_it_ended_in_has_dec_and_rec():
    rows = rows_for_year(CHILD, 2026)
    assert rows["episodes"][0][7:9] == ("01/06/2025", "E4A")
    assert "oc2" not in rows  # left care during the year


def test_a_year_with_both_episodes_and_sex_coded_1_2_before_2024_25():
    rows = rows_for_year(CHILD, 2023)
    assert [r[1] for r in rows["episodes"]] == ["10/05/2022", "01/02/2023"]
    assert rows["episodes"][0][7:10] == ("01/02/2023", "X1", "CARPL")
    assert rows["header"][0][1] == "2"
    assert rows["prevperm"] == [("7000001", "04/07/2012", "Z1", "", "")]
    assert rows["reviews"] == [("7000001", "04/07/2012", "01/03/2023", "PN1")]


def test_oc2_missing_and_social_worker_rows():
    rows = rows_for_year(CHILD, 2025)
    assert rows["oc2"] == [("7000001", "04/07/2012", "12", "", "0", "", "1", "1", "1", "0", "", "")]
    assert rows["missing"] == [("7000001", "04/07/2012", "M", "30/03/2025", "")]  # back after 31 March
    assert rows["sw_episodes"] == [
        ("7000001", "04/07/2012", "SW700001", "10/05/2022", "01/01/2024", "FCONTA"),
        ("7000001", "04/07/2012", "SW700002", "01/01/2024", "", "LEFTRL"),
    ]


def test_a_care_leaver_with_no_episode_gets_header_and_oc3_only():
    leaver = ChildHistory(
        child="7000002", sex="M", dob=date(2005, 9, 1), ethnic="BAFR", upn="UN2",
        episodes=(Episode(date(2021, 1, 4), "S", "V2", "N8", "K2", "PR4", date(2023, 9, 1), "E5"),),
        birthdays=(BirthdayRecord(2025, "YES", "F2", "D1"),),
    )
    rows = rows_for_year(leaver, 2025)  # 19th birthday on 01/09/2024
    assert set(rows) == {"header", "oc3"}
    assert rows["header"] == [("7000002", "M", "01/09/2005", "BAFR", "UN2", "", "")]
    assert rows["oc3"] == [("7000002", "01/09/2005", "YES", "F2", "D1")]
    assert rows_for_year(leaver, 2017) == {}


def test_every_table_has_its_903_columns_and_years():
    assert COLUMNS["episodes"][0] == "CHILD" and len(COLUMNS["episodes"]) == 13
    assert "sw_episodes" not in tables_for_year(2023) and "sw_episodes" in tables_for_year(2024)
    assert "dolo" in tables_for_year(2027) and "dolo" not in tables_for_year(2026)
