"""A bad return lands nothing: every problem is listed with its file, row, column and reason."""

from __future__ import annotations

import os
from datetime import date
from importlib import import_module
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from hearth.records.models import Child
from hearth.returns.ssda903.importer import import_returns
from tests.returns.ssda903.conftest import cell, edit_cell, record_digest

pytestmark = pytest.mark.django_db


def run_import(*args: str) -> str:
    """Run `hearth 903 import`, expecting it to refuse; returns what it printed on stderr."""
    command = import_module("hearth.returns.ssda903.management.commands.903").Command()
    err = StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command(command, "import", *args, stdout=StringIO(), stderr=err)
    return err.getvalue()


@pytest.fixture
def record(generated_csv):
    """The record holding 2024/25, so 'unchanged' means more than 'still empty'."""
    assert import_returns([generated_csv / "2025"]).ok
    return record_digest()


@pytest.fixture
def one_child(db):
    """A record with one child in it: enough to see that a refused file lands nothing (and is quicker)."""
    Child.objects.create(la_child_id="C1001", sex="F", dob=date(2010, 8, 20), ethnic="WBRI", upn="UN2")
    return record_digest()


def test_one_bad_code_lands_nothing_and_names_file_row_column_and_reason(record, year_set):
    folder = year_set(2026)
    edit_cell(folder / "episodes.csv", 3, "LS", "Q9")
    err = run_import(str(folder))
    assert f"{folder / 'episodes.csv'}, row 3, column LS: Q9 is not a LS code" in err
    assert err.count("\n") == 1
    assert record_digest() == record


def test_every_bad_row_is_listed(record, year_set):
    folder = year_set(2026)
    episodes = folder / "episodes.csv"
    edit_cell(episodes, 1, "LS", "Q9")
    other = next(n for n in range(2, 50) if cell(episodes, n, "CHILD") != cell(episodes, 1, "CHILD"))
    edit_cell(episodes, other, "DEC", "01/01/2001")  # before its DECOM
    edit_cell(episodes, other, "REC", "E4A")
    edit_cell(folder / "reviews.csv", 4, "REVIEW", "31/02/2026")
    edit_cell(folder / "header.csv", 1, "SEX", "X")  # a care leaver with no episodes
    result = import_returns([folder])
    found = {(Path(p.file).name, p.row, p.column) for p in result.problems}
    assert {("episodes.csv", 1, "LS"), ("episodes.csv", other, "DEC"), ("reviews.csv", 4, "REVIEW"),
            ("header.csv", 1, "SEX")} <= found
    messages = {(Path(p.file).name, p.row): p.message for p in result.problems}
    assert "must end after the day it starts" in messages[("episodes.csv", other)]
    assert "'31/02/2026' is not a date" in messages[("reviews.csv", 4)]
    assert record_digest() == record


def test_a_row_for_a_child_without_a_header_row_is_refused(record, year_set):
    folder = year_set(2026)
    edit_cell(folder / "reviews.csv", 2, "CHILD", "NOBODY1")
    err = run_import(str(folder))
    assert "reviews.csv, row 2, column CHILD: child NOBODY1 has no Header row" in err
    assert record_digest() == record


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("episodes.csv", b"CHILD,DECOM,RNE\nC1,01/04/2025,S\n", "wrong columns for Episodes: missing LS"),
        ("notes.csv", b"Dear colleague,\nplease find the figures attached.\n", "matches no 903 table"),
        ("missing.csv", b"", "the file is empty"),
    ],
)
def test_malformed_files_are_refused_and_nothing_lands(one_child, year_set, name, content, reason):
    folder = year_set(2026)
    (folder / name).write_bytes(content)
    err = run_import(str(folder))
    assert reason in err
    assert record_digest() == one_child


def test_a_large_file_of_junk_is_refused_quickly(one_child, year_set):
    folder = year_set(2026)
    (folder / "episodes.csv").write_bytes(os.urandom(50 * 1024 * 1024))
    err = run_import(str(folder))
    assert "not a text file" in err or "neither UTF-8" in err
    assert record_digest() == one_child


def test_a_truncated_xml_file_is_refused(one_child, tmp_path):
    path = tmp_path / "ssda903_2026.xml"
    path.write_text("<?xml version='1.0'?>\n<EXPSSDA903>\n  <CHILD>\n    <HEADER>\n      <CHILDID>C1</CHI")
    err = run_import(str(path))
    assert "ssda903_2026.xml: not well-formed XML" in err
    assert record_digest() == one_child


def test_a_set_without_a_year_is_refused(one_child, year_set, tmp_path):
    folder = year_set(2026).rename(tmp_path / "return")
    err = run_import(str(folder))
    assert "cannot tell which collection year" in err
    assert record_digest() == one_child


def test_repairable_mess_is_normalised_reported_and_imported(one_child, year_set):
    folder = year_set(2026)
    edit_cell(folder / "episodes.csv", 1, "LS", " c2 ")
    command = import_module("hearth.returns.ssda903.management.commands.903").Command()
    out, err = StringIO(), StringIO()
    call_command(command, "import", str(folder), stdout=out, stderr=err)
    assert "episodes.csv LS: codes upper-cased (1)" in err.getvalue()
    assert "Imported 2026." in out.getvalue()
    assert Child.objects.count() > 1
