"""The printed pack, read back from the PDF (issue 6, "Done when"): its figures are the engine's,
suppressed figures say so, and a members' pack names no child, shows no child's id and no date of
birth. A generated council (tests/packs/conftest.py) supplies the record."""

import io
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from hearth.analytics import engine
from hearth.domain.kpis.bands import format_value
from hearth.domain.kpis.catalogue import catalogue
from hearth.domain.packs.audience import rules_for
from hearth.domain.packs.period import parse_period
from hearth.domain.packs.questions import LIBRARY, questions_get
from hearth.packs.build import pack_content
from hearth.packs.render import render_html, render_pdf

PERIOD = parse_period("2025-Q4")  # quarter 4 of 2025-26
AS_AT = date(2026, 3, 31)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def pdf_text(pdf: bytes) -> str:
    """The PDF's text laid out as on the page, so a figure is read beside its label."""
    return "\n".join(page.extract_text(extraction_mode="layout") for page in PdfReader(io.BytesIO(pdf)).pages)


def panel_text(text: str, kpi_id: str, title: str) -> str:
    """The text of one measure's panel: from its id and title to the next measure's title line."""
    words = r"\s+".join(re.escape(w) for w in title.split()[:3])  # a long title wraps: its first words
    start = re.search(rf"^{re.escape(kpi_id)}\s+{words}", text, re.MULTILINE).start()
    following = re.search(r"^[A-Z]{2,4}(?:-L)?-\d\d\s{2,}\S", text[start + 5:], re.MULTILINE)
    return text[start:start + 5 + following.start()] if following else text[start:]


@pytest.fixture(scope="module")
def members_pack(source, generated):
    content = pack_content(source, period=PERIOD, rules=rules_for("members"), title="Corporate parenting panel",
                           council=generated["council"])
    html = render_html(content, status_line="Draft: not issued")
    pdf = render_pdf(html)
    return {"content": content, "html": html, "pdf": pdf, "text": pdf_text(pdf)}


@pytest.fixture(scope="module")
def engine_results(generated):
    ids = [k.id for k in catalogue().values() if k.computable]
    return engine.evaluate(generated["snap"], AS_AT, ids)


def printed(kpi, value) -> str:
    text = format_value(value, kpi.precision)
    if kpi.unit == "count":
        return f"{int(float(text)):,}"
    return text + {"percent": "%", "rate10k": " per 10,000", "days": " days", "years": " years"}.get(kpi.unit, "")


def test_the_cover_prints_the_periods_dates(members_pack, generated):
    first_page = pdf_text(members_pack["pdf"]).split("Contents")[0]
    assert "Quarter 4 of 2025-26: 1 January to 31 March 2026" in first_page
    assert "31 Mar 2026" in first_page and generated["council"] in first_page


def test_every_figure_shown_is_the_engines(members_pack, engine_results):
    cat, text = catalogue(), members_pack["text"]
    checked = 0
    for panel in members_pack["content"].panels:
        kpi, result = cat[panel.kpi.id], engine_results[panel.kpi.id]
        # The pack holds the engine's Result (DuckDB may sum floats in another order between runs).
        assert panel.result.value == pytest.approx(result.value, rel=1e-9)
        if not panel.value.shown:
            continue
        segment = panel_text(text, kpi.id, kpi.title)
        assert printed(kpi, result.value) in segment, (kpi.id, printed(kpi, result.value), segment[:300])
        checked += 1
    assert checked >= 30  # most measures of a 200-child council are big enough to show


def test_the_headcount_and_its_trend_can_be_checked_by_hand(members_pack, generated):
    """POP-01 at 31 Mar 2026, and each of its 24 month ends, as the engine counts them."""
    series = engine.trend(generated["snap"], "POP-01", AS_AT, months=24)
    segment = panel_text(members_pack["text"], "POP-01", catalogue()["POP-01"].title)
    headline = segment.split("How many children")[1]
    assert re.search(rf"\b{int(series[-1].value)}\b", headline)
    for result in series:
        assert re.search(rf"{MONTHS[result.as_at.month - 1]} {result.as_at.year}\s+{int(result.value)}\b", segment)


def test_suppressed_figures_say_so(members_pack, engine_results):
    cat, text = catalogue(), members_pack["text"]
    small = [k for k, r in engine_results.items()
             if r.status == "ok" and cat[k].unit == "percent" and not cat[k].derived
             and r.denominator is not None and (0 < (r.numerator or 0) < 5 or r.denominator < 10)
             and k in {p.kpi.id for p in members_pack["content"].panels}]
    assert small, "the generated council should have some small figures"
    for kpi_id in small:
        kpi, r = cat[kpi_id], engine_results[kpi_id]
        segment = panel_text(text, kpi_id, kpi.title)
        headline = segment.split("The 24 month-end figures")[0]
        assert "Withheld" in headline, (kpi_id, headline[:300])
        assert printed(kpi, r.value) not in headline
        if 0 < r.numerator < 5:
            assert "fewer than 5" in headline
        else:
            assert f"{int(r.numerator)} out of" not in headline


def test_a_small_count_says_fewer_than_5(members_pack, engine_results):
    cat = catalogue()
    small = [k for k, r in engine_results.items() if cat[k].unit == "count" and r.status == "ok"
             and 0 < (r.value or 0) < 5 and k in {p.kpi.id for p in members_pack["content"].panels}]
    assert small, "the generated council should have a small count (CL-L12, care leavers in B&B, is 3)"
    for kpi_id in small:
        headline = panel_text(members_pack["text"], kpi_id, cat[kpi_id].title).split("The 24 month-end")[0]
        assert "Fewer than 5" in headline


def test_a_breakdown_withholds_small_cells_and_the_next_smallest(source, generated):
    """POP-01 by age band with a threshold of 10: every band under 10 says so, and with the total
    printed, one more band is withheld so the small one cannot be found by subtraction."""
    bands = {g: int(r.value) for g, r in engine.breakdown(generated["snap"], "POP-01", AS_AT, "age_band").items()}
    small = {g for g, n in bands.items() if 0 < n < 10}
    assert small, bands
    content = pack_content(source, period=PERIOD, rules=rules_for("members", threshold=10), title="T",
                           kpi_ids=["POP-01"])
    text = pdf_text(render_pdf(render_html(content, status_line="Draft")))
    table = text[text.index("By age band"):text.index("Commentary")]
    rows = dict(re.findall(r"^(Under 1|\d+ to \d+|16 and over|Not known)\s+(\S.*?)\s*$", table, re.MULTILINE))
    assert set(rows) == set(bands)
    for group in small:
        assert rows[group] == "fewer than 10"
    total = re.search(r"^Total\s+([\d,]+)\s*$", table, re.MULTILINE)
    assert total and int(total[1].replace(",", "")) == sum(bands.values())
    shown = {g: int(v.replace(",", "")) for g, v in rows.items() if v.replace(",", "").isdigit()}
    for g in shown:
        assert shown[g] == bands[g]
    hidden = set(bands) - set(shown)
    assert len(hidden) >= 2 and sum(bands.values()) - sum(shown.values()) >= 2


def test_the_threshold_is_the_councils_to_set(source):
    content = pack_content(source, period=PERIOD, rules=rules_for("members", threshold=10), title="T",
                           kpi_ids=["POP-01", "CL-01", "CL-04"])
    text = pdf_text(render_pdf(render_html(content, status_line="Draft")))
    assert "Counts of fewer than 10 are not shown" in text
    assert "fewer than 5" not in text


def test_a_members_pack_names_no_child_and_shows_no_id_or_date_of_birth(members_pack, generated):
    text, html = members_pack["text"], members_pack["html"]
    children = generated["children"]
    assert children and generated["names"]
    for child in children:
        assert child["la_child_id"] not in text and child["la_child_id"] not in html
        if child["upn"]:
            assert child["upn"] not in text and child["upn"] not in html
    reporting_days = {AS_AT, date(2025, 12, 31), date(2025, 3, 31), date(2026, 11, 22)}
    for child in children:
        dob = child["dob"]
        if dob in reporting_days:
            continue  # the pack prints its own reporting dates; a child born on one is not named by them
        for form in (dob.isoformat(), f"{dob:%d/%m/%Y}", f"{dob.day} {dob:%b %Y}", f"{dob.day} {dob:%B %Y}",
                     f"{dob:%d.%m.%Y}"):
            assert form not in text and form not in html, form
    for given, family in generated["names"]:
        for full in (f"{given} {family}", f"{family}, {given}"):
            assert full not in text and full not in html
    # A name on its own may be an ordinary word ("Hope", "Young"): allow it only where the words
    # come from Hearth's own text (templates, KPI catalogue, questions), never from the record.
    static = " ".join(p.read_text(encoding="utf-8") for p in (
        Path("hearth/packs/templates/packs/document.html"), Path("hearth/domain/kpis/data/catalogue.csv"),
        LIBRARY)) + " " + generated["council"]
    words = set(re.findall(r"[A-Z][a-z'-]+", text))
    names = {n for pair in generated["names"] for n in pair if n}
    assert {w for w in words & names if w not in static} == set()


def test_a_members_pack_has_no_team_breakdown_and_a_managers_pack_does(source, members_pack):
    questions = questions_get([14])
    managers = pack_content(source, period=PERIOD, rules=rules_for("managers"), title="Managers", questions=questions)
    text = pdf_text(render_pdf(render_html(managers, status_line="Draft")))
    assert "By team" in text and "not for publication" in text
    assert "By team" not in members_pack["text"]


def test_questions_with_no_data_are_listed_in_the_pack(source):
    content = pack_content(source, period=PERIOD, rules=rules_for("members"), title="Care leavers",
                           questions=questions_get([12, 14, 30]), work_programme_item="Care leavers annual report")
    text = pdf_text(render_pdf(render_html(content, status_line="Draft")))
    assert "The questions this pack answers" in text and "Care leavers annual report" in text
    assert "Gaps: questions with no figures behind them" in text
    assert "Question 12:" in text  # narrative only
    assert [c.question.number for c in content.gaps] == [12]


def test_a_members_pack_names_failed_checks_without_quoting_their_figures(members_pack):
    """A check's message quotes raw figures (perhaps withheld ones): members see which check failed."""
    content, text = members_pack["content"], " ".join(members_pack["text"].split())
    for finding in content.findings:
        assert finding.title in text
        assert " ".join(finding.message.split()) not in text
