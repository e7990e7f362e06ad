"""`hearth pack --period 2025-Q4 --audience members --out FILE.pdf`."""

import io

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def snapshots_in_tmp(settings, tmp_path):
    settings.VAR_DIR = tmp_path


def test_it_writes_a_pdf_whose_cover_prints_the_periods_dates(tmp_path):
    out = tmp_path / "packs" / "panel.pdf"
    stdout = io.StringIO()
    call_command("pack", "--period", "2025-Q4", "--audience", "members", "--out", str(out), "--questions", "14,12",
                 stdout=stdout)
    cover = PdfReader(out).pages[0].extract_text()
    assert "Quarter 4 of 2025-26: 1 January to 31 March 2026" in cover
    assert "Elected members" in cover
    assert "written to" in stdout.getvalue() and "Quarter 4 of 2025-26" in stdout.getvalue()


def test_it_writes_html_for_a_month_or_a_year(tmp_path):
    call_command("pack", "--period", "2025-11", "--audience", "managers", "--out", str(tmp_path / "p.html"),
                 "--questions", "14", stdout=io.StringIO())
    html = (tmp_path / "p.html").read_text()
    assert "November 2025: 1 November to 30 November 2025" in html and "not for publication" in html
    call_command("pack", "--period", "2025-26", "--audience", "members", "--out", str(tmp_path / "y.html"),
                 "--questions", "14", stdout=io.StringIO())
    assert "Financial year 2025-26: 1 April 2025 to 31 March 2026" in (tmp_path / "y.html").read_text()


@pytest.mark.parametrize("args, message", [
    (["--period", "Q4", "--audience", "members", "--out", "x.pdf"], "not a period Hearth can read"),
    (["--period", "2025-Q4", "--audience", "members", "--out", "x.docx"], ".pdf or .html"),
    (["--period", "2025-Q4", "--audience", "members", "--out", "x.pdf", "--questions", "14,999"], "999"),
    (["--period", "2025-Q4", "--audience", "members", "--out", "x.pdf", "--questions", "a,b"], "--questions"),
    (["--period", "2025-Q4", "--audience", "members", "--out", "x.pdf", "--threshold", "0"], "at least 1"),
    (["--period", "2025-Q4", "--audience", "public", "--out", "x.pdf"], "invalid choice"),
])
def test_bad_arguments_are_refused(tmp_path, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("pack", *args, stdout=io.StringIO())
