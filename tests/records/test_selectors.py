from datetime import date

import pytest

from hearth.records import models as m
from hearth.records.selectors import headline_counts

D = date


def add_episode(child, decom, dec=None, rec="", ls="C2", rne="S"):
    m.Episode.objects.create(child=child, decom=decom, dec=dec, rec=rec, rne=rne, ls=ls, cin="N1", place="U4",
                             place_provider="PR1")


@pytest.mark.django_db
def test_headline_counts_on_a_hand_built_record(pa):
    kids = [m.Child.objects.create(la_child_id=f"H{i}", sex="M", dob=D(2012, 1, 1), ethnic="WBRI") for i in range(5)]
    add_episode(kids[0], D(2020, 1, 1))  # in care throughout
    add_episode(kids[1], D(2025, 6, 1), D(2025, 9, 1), rec="X1")  # started in the year, still in care
    add_episode(kids[1], D(2025, 9, 1), rne="P")
    add_episode(kids[2], D(2019, 1, 1), D(2025, 10, 1), rec="E4A")  # ceased in the year
    add_episode(kids[3], D(2025, 7, 1), ls="V3")  # short breaks do not count as in care
    m.Allocation.objects.create(child=kids[4], worker=pa, role="PERSONAL_ADVISER", start=D(2025, 1, 1))
    m.Allocation.objects.create(child=kids[2], worker=pa, role="PERSONAL_ADVISER", start=D(2024, 1, 1),
                                end=D(2025, 1, 1))

    counts = headline_counts(as_at=D(2026, 3, 31))

    assert counts.children_in_care == 2  # kids 0 and 1
    assert counts.started_last_12_months == 1  # kid 1's period; the P move is not a start
    assert counts.ceased_last_12_months == 1  # kid 2; X1 is not leaving care
    assert counts.young_people_with_pa == 1  # kid 4; kid 2's allocation ended
    assert counts.children_ever_recorded == 5
    assert (counts.workers, counts.teams) == (1, 1)


@pytest.mark.django_db
def test_an_episode_ending_on_the_day_is_no_longer_open_that_day(child):
    add_episode(child, D(2025, 1, 1), D(2026, 3, 31), rec="E4A")
    assert headline_counts(as_at=D(2026, 3, 30)).children_in_care == 1
    assert headline_counts(as_at=D(2026, 3, 31)).children_in_care == 0
