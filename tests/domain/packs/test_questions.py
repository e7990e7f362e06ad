"""The question library (hearth/domain/packs/questions.toml and questions.py)."""

import pytest

from hearth.domain.kpis.model import KPI
from hearth.domain.packs.questions import (
    QuestionLibraryError,
    coverage,
    expand,
    kpis_for,
    library,
    parse_library,
    questions_get,
)


def test_every_question_of_002_notes_section_6_is_in_the_library():
    assert list(library()) == list(range(1, 86))


def test_data_questions_name_kpis_and_narrative_ones_do_not():
    lib = library()
    assert all(q.kpis for q in lib.values() if q.tag != "N")
    assert all(not q.kpis for q in lib.values() if q.tag == "N")
    assert sum(1 for q in lib.values() if q.tag != "N") == 60  # kpis.md §5: "all 60 [Q] and [Q+N]"


def test_ranges_are_written_out():
    assert expand(["STB-01..STB-03", "CL-L01"]) == ("STB-01", "STB-02", "STB-03", "CL-L01")
    assert library()[77].kpis == ("MIS-01", "MIS-02", "MIS-03", "MIS-04", "MIS-05", "MIS-06")
    with pytest.raises(QuestionLibraryError):
        expand(["STB-05..STB-01"])
    with pytest.raises(QuestionLibraryError):
        expand(["STB-01..CL-03"])


def test_a_work_programme_item_picks_questions_by_number():
    picked = questions_get([62, 14, 14])
    assert [q.number for q in picked] == [14, 62]
    assert kpis_for(picked)[:3] == ("CL-01", "CL-04", "CL-15")
    with pytest.raises(QuestionLibraryError, match="99"):
        questions_get([14, 99])


def _kpi(kpi_id, needs=""):
    return KPI(id=kpi_id, title=kpi_id, question="", group="X", theme="care_leavers", cohort="", numerator="",
               denominator="", polarity="up", unit="percent", precision=1, official_definition="", needs=needs)


def test_a_question_is_a_gap_when_nothing_computable_answers_it():
    cat = {"CL-01": _kpi("CL-01"), "VOI-05": _kpi("VOI-05", needs="survey results")}
    lib = library()
    assert coverage(lib[14], cat).computable == ("CL-01",)
    assert not coverage(lib[14], cat).is_gap
    gap = coverage(lib[30], cat)  # VOI-04, VOI-05, VOI-06, CL-04, CL-L07: only VOI-05 known, not computable
    assert gap.is_gap and ("VOI-05", "survey results") in gap.not_computable
    assert ("CL-04", "not in Hearth's KPI catalogue") in gap.not_computable
    assert coverage(lib[12], cat).is_gap  # narrative only


@pytest.mark.parametrize("text, message", [
    ('[[question]]\nnumber = 1\npack = "CP"\ntag = "Q"\ntext = "x"\nkpis = []', "names no KPI"),
    ('[[question]]\nnumber = 1\npack = "ZZ"\ntag = "Q"\ntext = "x"\nkpis = ["A-01"]', "needs a pack"),
    ('[[question]]\nnumber = 1\npack = "CP"\ntag = "N"\ntext = "x"\n[[question]]\nnumber = 1\npack = "CP"\ntag = "N"\ntext = "y"',
     "repeated"),
])
def test_a_bad_library_is_refused(text, message):
    with pytest.raises(QuestionLibraryError, match=message):
        parse_library(text)
