"""`hearth 903 validate`: findings as CSV lines, and unreadable files refused with every problem named."""

from __future__ import annotations

from importlib import import_module
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.domain.ssda903_rules.fixtures import clean, write


def run(*args: str) -> tuple[str, str]:
    # The module is named 903.py so that the command reads `hearth 903`; import it by name.
    command = import_module("hearth.returns.ssda903.management.commands.903").Command()
    out, err = StringIO(), StringIO()
    call_command(command, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_prints_one_csv_line_per_finding(tmp_path: Path) -> None:
    tables = clean()
    tables["episodes"][2]["RNE"] = "X"  # row 3 of episodes.csv
    folder = write(tables, tmp_path / "2025")
    out, err = run("validate", "--year", "2025", str(folder), "--format", "csv")
    lines = out.splitlines()
    assert lines[0] == "code,table,row,child,fields"
    assert "143,Episodes,3,C2,RNE" in lines
    assert "finding(s)" in err


def test_the_clean_return_gives_no_findings(tmp_path: Path) -> None:
    out, _ = run("validate", "--year", "2025", str(write(clean(), tmp_path / "2025")), "--format", "csv")
    assert out.splitlines() == ["code,table,row,child,fields"]


def test_unreadable_files_are_all_reported_and_nothing_is_validated(tmp_path: Path) -> None:
    folder = write(clean(), tmp_path / "2025")
    (folder / "reviews.csv").write_text("")
    (folder / "missing.csv").write_text("CHILD,DOB\nC1,01/01/2010\n")
    with pytest.raises(CommandError, match="2 problem"):
        run("validate", "--year", "2025", str(folder))


def test_it_lists_coverage() -> None:
    out, _ = run("validate", "--year", "2025", "--coverage")
    assert "of 305 rules in force for 2025 implemented" in out
