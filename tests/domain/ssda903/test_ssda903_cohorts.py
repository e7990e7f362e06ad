"""Which episodes belong to a year, the OC2 cohort and the OC3 cohort, on histories checkable by hand."""

from datetime import date

from hearth.domain.ssda903.cohorts import (
    episodes_in_year,
    in_oc2_cohort,
    looked_after_at_end,
    oc2_items,
    oc3_age,
    periods,
    qualifies_as_care_leaver,
)
from hearth.domain.ssda903.history import BirthdayRecord, ChildHistory, Episode


def ep(decom, dec=None, rec="", rne="S", ls="C2", place="U6"):
    return Episode(decom=decom, rne=rne, ls=ls, cin="N1", place=place, place_provider="PR1", dec=dec, rec=rec)


def test_an_episode_ending_on_1_april_belongs_to_the_year_it_ended_in():
    e = ep(date(2023, 6, 1), date(2024, 4, 1), "E4A")
    assert episodes_in_year((e,), 2025) == [e]  # 2024/25: it ceased on its first day
    assert episodes_in_year((e,), 2024) == [e]  # 2023/24: open at 31 March 2024
    assert episodes_in_year((e,), 2026) == []
    assert looked_after_at_end((e,), 2024) and not looked_after_at_end((e,), 2025)


def test_episodes_linked_by_x1_make_one_period_and_a_gap_starts_another():
    a = ep(date(2020, 1, 1), date(2020, 6, 1), "X1")
    b = ep(date(2020, 6, 1), date(2021, 1, 1), "E4A", rne="P")
    c = ep(date(2021, 1, 2), None, rne="S")
    found = periods((a, b, c))
    assert [(p.start, p.end) for p in found] == [(date(2020, 1, 1), date(2021, 1, 1)), (date(2021, 1, 2), None)]


def test_oc2_needs_care_on_every_day_of_the_year():
    from_1_april = (ep(date(2024, 4, 1)),)
    from_2_april = (ep(date(2024, 4, 2)),)
    assert in_oc2_cohort(from_1_april, 2025)
    assert not in_oc2_cohort(from_2_april, 2025)


def test_oc2_a_period_ending_on_31_march_does_not_count():
    assert not in_oc2_cohort((ep(date(2020, 1, 1), date(2025, 3, 31), "E4A"),), 2025)
    assert in_oc2_cohort((ep(date(2020, 1, 1), date(2025, 4, 1), "E4A"),), 2025)


def test_oc2_a_placement_move_inside_the_year_keeps_the_child_in_the_cohort():
    a = ep(date(2020, 1, 1), date(2024, 9, 1), "X1")
    b = ep(date(2024, 9, 1), rne="P")
    assert in_oc2_cohort((a, b), 2025)


def test_oc2_short_breaks_do_not_count():
    assert not in_oc2_cohort((ep(date(2020, 1, 1), ls="V4"),), 2025)


def test_oc2_items_depend_on_age():
    # Born 1 June 2020: 3 on 1 April 2024, 4 at 31 March 2025.
    assert oc2_items(date(2020, 6, 1), 2025) == frozenset({"health_check"})
    # Born 1 June 2014: 9 on 1 April 2024, 10 at 31 March 2025.
    assert oc2_items(date(2014, 6, 1), 2025) == frozenset({"sdq", "convicted"})
    # Born 1 March 2008: 17 at 31 March 2025.
    assert oc2_items(date(2008, 3, 1), 2025) == frozenset({"convicted"})


DOB = date(2006, 6, 15)  # 14 on 15/06/2020, 16 on 15/06/2022, 17 on 15/06/2023, 18 on 15/06/2024


def test_thirteen_weeks_from_14_with_a_day_from_16_qualifies():
    # 91 days looked after from the 14th birthday, but all before the 16th: not qualifying.
    early = (ep(date(2020, 6, 15), date(2020, 9, 14), "E4A"),)
    assert not qualifies_as_care_leaver(early, DOB, date(2025, 1, 1))
    # 90 days around the 16th birthday: one day short.
    short = (ep(date(2022, 5, 1), date(2022, 7, 30), "E4A"),)
    assert not qualifies_as_care_leaver(short, DOB, date(2025, 1, 1))
    # The same plus one day: 91 days, some after the 16th birthday.
    enough = (ep(date(2022, 5, 1), date(2022, 7, 31), "E4A"),)
    assert qualifies_as_care_leaver(enough, DOB, date(2025, 1, 1))
    # 13 weeks need not be continuous.
    split = early[:0] + (ep(date(2021, 1, 1), date(2021, 3, 1), "E4A"), ep(date(2022, 6, 1), date(2022, 7, 15), "E4A"))
    assert qualifies_as_care_leaver(split, DOB, date(2025, 1, 1))


def history(*episodes, birthdays=()):
    return ChildHistory("C1", "F", DOB, "WBRI", episodes=tuple(episodes), birthdays=tuple(birthdays))


def test_oc3_reports_a_care_leaver_in_the_years_of_their_17th_to_21st_birthdays():
    left = history(ep(date(2022, 1, 1), date(2023, 1, 1), "E4A"))  # left at 16 after a year
    assert oc3_age(left, 2024) == 17  # 17th birthday 15/06/2023, in 2023/24
    assert oc3_age(left, 2028) == 21
    assert oc3_age(left, 2023) is None  # 16 in that year


def test_oc3_someone_still_in_care_on_the_birthday_is_not_reported():
    # Left care on the 18th birthday: first reported at 19, not 18.
    at18 = history(ep(date(2021, 1, 1), date(2024, 6, 15), "E5"))
    assert oc3_age(at18, 2025) is None
    assert oc3_age(at18, 2026) == 19


def test_oc3_leaves_out_adopted_and_transferred_young_people():
    transferred = history(ep(date(2021, 1, 1), date(2023, 1, 1), "E3"))
    assert oc3_age(transferred, 2025) is None


def test_oc3_22_to_25_only_when_in_touch_in_the_year():
    left = history(ep(date(2021, 1, 1), date(2024, 6, 15), "E5"))
    assert oc3_age(left, 2029) is None  # 22nd birthday 15/06/2028, no contact recorded
    in_touch = history(*left.episodes, birthdays=(BirthdayRecord(2029, "YES", "F2", "U1"),))
    assert oc3_age(in_touch, 2029) == 22
