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


# --- an XML return: read by the importer's reader, checked by the same rules ----------------------
def write_xml(tables: dict, path: Path) -> Path:
    """The tables as the DfE's XML form, one CHILD element per header row, written by the exporter."""
    import xml.etree.ElementTree as ET

    from hearth.domain.ssda903.tables import COLUMNS
    from hearth.returns.ssda903.export import WRAPPER, child_element

    root = ET.Element(WRAPPER)
    for h in tables["header"]:
        rows = {t: [tuple(r.get(c, "") for c in COLUMNS[t]) for r in tables.get(t, []) if r["CHILD"] == h["CHILD"]]
                for t in COLUMNS}
        root.append(child_element({t: r for t, r in rows.items() if r}))
    path.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    return path


def test_an_xml_return_gives_the_same_findings_as_its_csv_set(tmp_path: Path) -> None:
    tables = clean()
    tables["episodes"][2]["RNE"] = "X"  # the third EPISODE block in the file: C2's first
    xml = write_xml(tables, tmp_path / "xml" / "ssda903_2025.xml")
    out, err = run("validate", "--year", "2025", str(xml), "--format", "csv")
    assert "143,Episodes,3,C2,RNE" in out.splitlines()
    csv_out, _ = run("validate", "--year", "2025", str(write(tables, tmp_path / "2025")), "--format", "csv")
    assert out == csv_out
    assert "finding(s)" in err


def test_a_clean_xml_return_gives_no_findings(tmp_path: Path) -> None:
    xml = write_xml(clean(), tmp_path / "ssda903_2025.xml")
    out, _ = run("validate", "--year", "2025", str(xml), "--format", "csv")
    assert out.splitlines() == ["code,table,row,child,fields"]


def test_a_truncated_xml_file_is_refused_with_a_clear_error_and_nothing_is_validated(tmp_path: Path) -> None:
    xml = write_xml(clean(), tmp_path / "ssda903_2025.xml")
    xml.write_bytes(xml.read_bytes()[:700])
    out, err = StringIO(), StringIO()
    command = import_module("hearth.returns.ssda903.management.commands.903").Command()
    with pytest.raises(CommandError, match="1 problem"):
        call_command(command, "validate", "--year", "2025", str(xml), stdout=out, stderr=err)
    assert f"{xml}: not well-formed XML (no element found: line" in err.getvalue()
    assert "is the file complete?" in err.getvalue()
    assert out.getvalue() == ""


def test_an_xml_file_that_is_not_a_903_return_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "notes.xml"
    other.write_text("<?xml version='1.0'?><NOTES><NOTE>hello</NOTE></NOTES>")
    command = import_module("hearth.returns.ssda903.management.commands.903").Command()
    err = StringIO()
    with pytest.raises(CommandError):
        call_command(command, "validate", "--year", "2025", str(other), stdout=StringIO(), stderr=err)
    assert "no CHILD elements under <NOTES>: not a 903 XML return" in err.getvalue()


def test_last_years_xml_beside_this_years_is_read_as_last_year(tmp_path: Path) -> None:
    from hearth.returns.ssda903.files import last_year_paths

    this = write_xml(clean(), tmp_path / "2025" / "ssda903_2025.xml")
    last = write_xml(clean(), tmp_path / "2024" / "ssda903_2024.xml")
    assert last_year_paths([this], 2025) == [last]


def test_social_worker_episodes_are_read_under_either_element_name(tmp_path: Path) -> None:
    from hearth.returns.ssda903.importer import xml_tables

    xml = tmp_path / "sw.xml"
    xml.write_text(
        "<EXPSSDA903><CHILD><HEADER><CHILDID>C9</CHILDID><SEX>F</SEX><DOB>01/01/2012</DOB>"
        "<SW_EPISODE><SW_ID>SW1</SW_ID><SW_DECOM>01/04/2024</SW_DECOM></SW_EPISODE></HEADER>"
        "<SWEPISODE><SW_ID>SW2</SW_ID><SW_DECOM>01/06/2024</SW_DECOM></SWEPISODE>"
        "<DOLO><DOLO_START>02/06/2024</DOLO_START></DOLO></CHILD></EXPSSDA903>", encoding="utf-8")
    tables, fixes = xml_tables(xml)  # type: ignore[misc]
    assert [(r["CHILD"], r["SW_ID"], r["SW_DECOM"]) for r in tables["sw_episodes"]] == [
        ("C9", "SW1", "01/04/2024"), ("C9", "SW2", "01/06/2024")]
    assert [r["DOLO_START"] for r in tables["dolo"]] == ["02/06/2024"]
    assert fixes == []
