"""Loading CSV sets: messy but readable files are repaired and reported; bad ones are refused, all at once."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from hearth.domain.ssda903_rules.load import load_csv_set

HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"


def load(*paths: Path) -> tuple[duckdb.DuckDBPyConnection, object]:
    con = duckdb.connect()
    return con, load_csv_set(con, list(paths))


def test_it_repairs_spreadsheet_damage_and_says_so(tmp_path: Path) -> None:
    f = tmp_path / "header.csv"
    text = f"{HEADER},,\r\n C1 ,f,1/4/2010,wbri,un2,1.0,2024-03-02,,\r\n,,,,,,,,\r\n"
    f.write_bytes(b"\xef\xbb\xbf" + text.encode())
    con, result = load(f)
    assert result.ok
    row = con.execute("SELECT CHILD, SEX, strftime(DOB, '%d/%m/%Y'), ETHNIC, MOTHER, _row FROM header").fetchall()
    assert row == [("C1", "F", "01/04/2010", "WBRI", "1", 1)]
    kinds = {(x.column, x.kind) for x in result.fixes}
    assert (None, "byte-order mark removed") in kinds
    assert ("DOB", "dates read from another format") in kinds
    assert ("SEX", "codes upper-cased") in kinds
    assert ("CHILD", "stray whitespace removed") in kinds
    assert (None, "blank rows ignored") in kinds


def test_it_reads_utf16_and_semicolons_and_restores_urn_zeros(tmp_path: Path) -> None:
    f = tmp_path / "episodes.csv"
    cols = "CHILD;DECOM;RNE;LS;CIN;PLACE;PLACE_PROVIDER;DEC;REC;REASON_PLACE_CHANGE;HOME_POST;PL_POST;URN"
    f.write_bytes(f"{cols}\r\nC1;01/04/2024;S;C2;N1;U1;PR1;;;;AB1 2CD;AB3 4EF;123456\r\n".encode("utf-16"))
    con, result = load(f)
    assert result.ok, result.problems
    assert con.execute("SELECT URN FROM episodes").fetchone() == ("0123456",)


def test_unparseable_dates_are_kept_as_text_for_the_rules(tmp_path: Path) -> None:
    f = tmp_path / "header.csv"
    f.write_text(f"{HEADER}\nC1,F,31/02/2010,WBRI,UN2,,\nC2,F,1/4/24,WBRI,UN2,,\n")
    con, result = load(f)
    assert result.ok
    assert con.execute("SELECT DOB, DOB__txt FROM header ORDER BY _row").fetchall() == [
        (None, "31/02/2010"),
        (None, "1/4/24"),
    ]


def test_malformed_files_are_each_named_with_a_reason(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    prose = tmp_path / "notes.csv"
    prose.write_text("Dear analyst,\nhere are the files.\n")
    wrong = tmp_path / "episodes.csv"
    wrong.write_text("CHILD,DECOM,RNE\nC1,01/04/2024,S\n")
    junk = tmp_path / "junk.csv"
    junk.write_bytes(os.urandom(2_000_000))
    ragged = tmp_path / "header.csv"
    ragged.write_text(f"{HEADER}\nC1,F,01/01/2010,WBRI,UN2,,\nC2,F,01/01/2010\nC3,F,01/01/2010,WBRI,UN2,,,,\n")
    _, result = load(empty, prose, wrong, junk, ragged)
    assert not result.ok
    by_file = {Path(p.file).name: p for p in result.problems}
    assert by_file["empty.csv"].code == "empty"
    assert by_file["notes.csv"].code == "unknown_table"
    assert by_file["episodes.csv"].code == "wrong_columns" and "missing LS" in by_file["episodes.csv"].message
    assert by_file["junk.csv"].code in ("binary", "encoding", "unknown_table")


def test_every_bad_row_is_reported_with_its_number(tmp_path: Path) -> None:
    ragged = tmp_path / "header.csv"
    ragged.write_text(f"{HEADER}\nC1,F,01/01/2010,WBRI,UN2,,\nC2,F,01/01/2010\nC3,F,01/01/2010,WBRI,UN2,,,x,y\n")
    _, result = load(ragged)
    assert [(p.code, p.row) for p in result.problems] == [("bad_row", 2), ("bad_row", 3)]
