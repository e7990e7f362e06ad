"""Export a year from the record and import it back: the same bytes, and a second import changes nothing."""

from __future__ import annotations

import filecmp
import xml.etree.ElementTree as ET
from importlib import import_module
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hearth.records import models as m
from hearth.returns.ssda903.export import export_csv, export_xml
from hearth.returns.ssda903.importer import import_returns
from hearth.synth.to_database import council_write, database_clear
from tests.returns.ssda903.conftest import record_digest

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[str, str]:
    command = import_module("hearth.returns.ssda903.management.commands.903").Command()
    out, err = StringIO(), StringIO()
    call_command(command, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def same_files(a: Path, b: Path) -> list[str]:
    """Names of the files that differ (or are missing) between two folders, compared byte for byte."""
    names = sorted({p.name for p in a.iterdir()} | {p.name for p in b.iterdir()})
    _, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    return mismatch + errors


def test_an_exported_year_imported_into_an_empty_record_exports_the_same_bytes(council, generated_csv, tmp_path):
    council_write(council)
    with CaptureQueriesContext(connection) as queries:
        export_csv(2026, tmp_path / "a")
    assert len(queries) <= 12  # one per table, however many children
    export_csv(2025, tmp_path / "a")
    # The record's export is exactly what the generator wrote from the same histories.
    assert same_files(tmp_path / "a" / "2026", generated_csv / "2026") == []

    database_clear()
    run("import", str(tmp_path / "a" / "2026"))
    export_csv(2026, tmp_path / "b")
    assert same_files(tmp_path / "a" / "2026", tmp_path / "b" / "2026") == []

    # An older year imported afterwards does not undo the later year's news (closed episodes stay closed).
    run("import", str(tmp_path / "a" / "2025"))
    export_csv(2025, tmp_path / "c")
    export_csv(2026, tmp_path / "c")
    assert same_files(tmp_path / "a" / "2025", tmp_path / "c" / "2025") == []
    assert same_files(tmp_path / "a" / "2026", tmp_path / "c" / "2026") == []


def test_importing_the_same_years_twice_changes_nothing(generated_csv):
    first = import_returns([generated_csv / "2025", generated_csv / "2026"])
    assert first.ok, first.problems
    before = record_digest()
    assert before["Child"][0] > 100 and before["Episode"][0] > 100
    again = import_returns([generated_csv / "2025", generated_csv / "2026"])
    assert again.ok
    assert {k for k, n in again.counts.items() if n} <= {(t, "unchanged") for t, _ in again.counts}
    assert record_digest() == before


def test_later_years_close_what_earlier_years_left_open(generated_csv):
    import_returns([generated_csv / "2025"])
    open_then = set(m.Episode.objects.filter(dec__isnull=True).values_list("child__la_child_id", "decom"))
    import_returns([generated_csv / "2026"])
    open_now = set(m.Episode.objects.filter(dec__isnull=True).values_list("child__la_child_id", "decom"))
    assert open_then - open_now  # some episodes open at 31/03/2025 ended during 2025/26


def test_social_workers_are_found_or_created_by_sw_id(generated_csv):
    import_returns([generated_csv / "2026"])
    team = m.Team.objects.get(name="Imported social workers")
    assert team.kind == "CHILDREN_IN_CARE"
    ids = set(m.Allocation.objects.filter(role="SOCIAL_WORKER").values_list("worker__sw_id", flat=True))
    assert ids == set(m.Worker.objects.values_list("sw_id", flat=True))
    assert m.Worker.objects.filter(team=team).count() == len(ids)


def test_sex_1_and_2_are_read_as_m_and_f_before_2024_25(generated_csv):
    import_returns([generated_csv / "2024"])
    assert set(m.Child.objects.values_list("sex", flat=True)) <= {"M", "F", "U"}


def test_the_xml_export_is_well_formed_with_one_child_per_header_row(generated_csv, tmp_path):
    import_returns([generated_csv / "2026"])
    path, children = export_xml(2026, tmp_path)
    root = ET.parse(path).getroot()
    header_rows = len((generated_csv / "2026" / "header.csv").read_text().splitlines()) - 1
    assert root.tag == "EXPSSDA903"
    assert len(root.findall("CHILD")) == children == header_rows
    assert all(c.find("HEADER/CHILDID").text for c in root.findall("CHILD"))
    episodes = len((generated_csv / "2026" / "episodes.csv").read_text().splitlines()) - 1
    assert len(root.findall("CHILD/EPISODE")) == episodes
    assert root.find("CHILD/EPISODE/PL") is not None


def test_an_exported_xml_imports_to_the_same_record(generated_csv, tmp_path):
    import_returns([generated_csv / "2026"])
    path, _ = export_xml(2026, tmp_path / "x")
    database_clear()
    out, _ = run("import", str(path))
    assert "Imported 2026." in out
    export_csv(2026, tmp_path / "b")
    assert same_files(generated_csv / "2026", tmp_path / "b" / "2026") == []


def test_the_export_command_writes_the_year_folder(generated_csv, tmp_path):
    import_returns([generated_csv / "2026"])
    out, _ = run("export", "--year", "2026", "--format", "csv", "--out", str(tmp_path))
    assert "Header 1" in out or "Header" in out
    assert sorted(p.name for p in (tmp_path / "2026").iterdir())[0] == "ad1.csv"
    out, _ = run("export", "--year", "2026", "--format", "xml", "--out", str(tmp_path))
    assert (tmp_path / "2026" / "ssda903_2026.xml").exists()
