"""The record refuses what cannot be true, in the form (full_clean) and in the database itself,
with a message a person understands."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from hearth.records import models as m
from hearth.records.errors import explain
from hearth.records.services.episodes import episode_create

D = date


def episode(child, decom, dec=None, **fields):
    values = {"rne": "S", "ls": "C2", "cin": "N1", "place": "U4", "place_provider": "PR1", "rec": "E8" if dec else ""}
    values.update(fields)
    return m.Episode(child=child, decom=decom, dec=dec, **values)


def refused_by_database(instance) -> str:
    """Save without any Python validation, as a bulk import would, and return the explained refusal."""
    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        type(instance).objects.bulk_create([instance])
    return explain(caught.value)


def form_errors(instance) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return caught.value.messages


# --- End before start -----------------------------------------------------------------------

EPISODE_END_MESSAGE = (
    "The episode must end after the day it starts: it cannot start and end on the same day, "
    "or end before it starts."
)


@pytest.mark.django_db
class TestEndBeforeStart:
    def test_it_refuses_an_episode_that_ends_before_it_starts(self, child):
        bad = episode(child, D(2024, 5, 10), D(2024, 5, 9))
        assert EPISODE_END_MESSAGE in form_errors(bad)
        assert refused_by_database(bad) == EPISODE_END_MESSAGE

    def test_it_refuses_an_episode_that_starts_and_ends_on_the_same_day(self, child):
        bad = episode(child, D(2024, 5, 10), D(2024, 5, 10))
        assert EPISODE_END_MESSAGE in form_errors(bad)
        assert refused_by_database(bad) == EPISODE_END_MESSAGE

    @pytest.mark.parametrize(
        ("model", "fields", "message"),
        [
            (m.MissingEpisode, {"missing": "M", "mis_start": D(2024, 3, 2), "mis_end": D(2024, 3, 1)},
             "The missing episode cannot end before it starts."),
            (m.Accommodation, {"accommodation_type": "HOSTEL", "suitable": True, "start": D(2024, 3, 2), "end": D(2024, 3, 1)},
             "The accommodation cannot end before it starts."),
            (m.EETSpell, {"activity": "FE_FT", "start": D(2024, 9, 2), "end": D(2024, 9, 1)},
             "The education, employment or training spell cannot end before it starts."),
            (m.StayingPut, {"carer": "Mr and Mrs Khan", "start": D(2028, 8, 20), "end": D(2028, 8, 1)},
             "The Staying Put arrangement cannot end before it starts."),
            (m.SupportRequest, {"request": "Help with a deposit", "received_on": D(2032, 1, 5), "outcome": "ADVICE", "outcome_on": D(2032, 1, 4)},
             "The support request cannot end before it starts."),
            (m.DeprivationOfLiberty, {"dolo_start": D(2026, 6, 1), "dolo_end": D(2026, 5, 1)},
             "The deprivation of liberty order cannot end before it starts."),
        ],
        ids=lambda value: value.__name__ if isinstance(value, type) else None,
    )
    def test_it_refuses_other_records_that_end_before_they_start(self, child, model, fields, message):
        bad = model(child=child, **fields)
        assert message in form_errors(bad)
        assert refused_by_database(bad) == message

    def test_it_refuses_an_allocation_that_ends_before_it_starts(self, child, pa):
        bad = m.Allocation(child=child, worker=pa, role="PERSONAL_ADVISER", start=D(2027, 1, 10), end=D(2027, 1, 9))
        assert "The allocation cannot end before it starts." in form_errors(bad)
        assert refused_by_database(bad) == "The allocation cannot end before it starts."

    def test_it_accepts_a_missing_episode_that_ends_the_day_it_starts(self, child):
        ok = m.MissingEpisode(child=child, missing="A", mis_start=D(2024, 3, 2), mis_end=D(2024, 3, 2))
        ok.full_clean()
        ok.save()
        assert m.MissingEpisode.objects.count() == 1


# --- Overlapping episodes -------------------------------------------------------------------


@pytest.mark.django_db
class TestOverlappingEpisodes:
    def test_it_refuses_an_episode_that_overlaps_another(self, child):
        episode_create(child=child, decom=D(2023, 1, 1), dec=D(2023, 6, 1), rne="S", ls="C2", cin="N1",
                       place="U4", place_provider="PR1", rec="E4A")
        with pytest.raises(ValidationError) as caught:
            episode_create(child=child, decom=D(2023, 5, 1), dec=D(2023, 9, 1), rne="S", ls="V2", cin="N1",
                           place="U6", place_provider="PR1", rec="E4A")
        assert caught.value.messages == [
            "This episode's dates overlap another episode of care for this child (01/01/2023 to 01/06/2023)."
        ]
        assert child.episodes.count() == 1

    def test_the_database_refuses_an_overlap_that_skips_validation(self, child):
        episode(child, D(2023, 1, 1), D(2023, 6, 1), rec="E4A").save()
        message = refused_by_database(episode(child, D(2023, 5, 31), D(2023, 9, 1), rec="E4A"))
        assert message.startswith("Episodes of care for one child cannot overlap")

    def test_the_database_refuses_an_update_that_makes_episodes_overlap(self, child):
        episode(child, D(2023, 1, 1), D(2023, 6, 1), rec="E4A").save()
        later = episode(child, D(2023, 7, 1), D(2023, 9, 1), rec="E4A")
        later.save()
        with pytest.raises(IntegrityError) as caught, transaction.atomic():
            m.Episode.objects.filter(pk=later.pk).update(decom=D(2023, 5, 1))
        assert "Episodes of care for one child cannot overlap" in str(caught.value)

    def test_it_accepts_the_next_episode_starting_the_day_the_last_one_ended(self, child):
        episode_create(child=child, decom=D(2023, 1, 1), dec=D(2023, 6, 1), rne="S", ls="C1", cin="N1",
                       place="U4", place_provider="PR1", rec="X1")
        episode_create(child=child, decom=D(2023, 6, 1), rne="L", ls="C2", cin="N1", place="U4", place_provider="PR1")
        assert [e.decom for e in child.episodes.order_by("decom")] == [D(2023, 1, 1), D(2023, 6, 1)]

    def test_other_childrens_episodes_do_not_count(self, child):
        sibling = m.Child.objects.create(la_child_id="C1002", sex="M", dob=D(2012, 1, 1), ethnic="WBRI")
        episode(sibling, D(2023, 1, 1)).save()
        episode_create(child=child, decom=D(2023, 1, 1), rne="S", ls="C2", cin="N1", place="U4", place_provider="PR1")
        assert m.Episode.objects.count() == 2


# --- Two open episodes ----------------------------------------------------------------------

OPEN_MESSAGE = "This child already has an open episode of care. End it before starting another."


@pytest.mark.django_db
class TestTwoOpenEpisodes:
    def test_it_refuses_a_second_open_episode(self, child):
        episode(child, D(2022, 1, 1)).save()
        assert OPEN_MESSAGE in form_errors(episode(child, D(2024, 1, 1)))

    def test_the_database_refuses_a_second_open_episode(self, child):
        episode(child, D(2022, 1, 1)).save()
        # Two open episodes always overlap, so the overlap trigger refuses first; the unique
        # index on open episodes backs it up and gives the form its message above.
        message = refused_by_database(episode(child, D(2024, 1, 1)))
        assert message.startswith("Episodes of care for one child cannot overlap")
        assert child.episodes.count() == 1


# --- Codes outside their lists --------------------------------------------------------------


@pytest.mark.django_db
class TestCodesOutsideTheirLists:
    def test_the_form_names_the_bad_code_and_its_list(self, child):
        errors = form_errors(episode(child, D(2024, 1, 1), ls="C9", place="Q7"))
        assert "C9 is not a LS code. Choose one from the list." in errors
        assert "Q7 is not a PLACE code. Choose one from the list." in errors

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("ls", "C9", "Legal status must be a code from its list (LS)."),
            ("rne", "Z", "Reason for new episode must be a code from its list (RNE)."),
            ("place", "Q7", "Placement type must be a code from its list (PLACE)."),
            ("cin", "N9", "Category of need must be a code from its list (CIN)."),
            ("place_provider", "PR9", "Placement provider must be a code from its list (PLACE_PROVIDER)."),
        ],
    )
    def test_the_database_refuses_an_episode_code_outside_its_list(self, child, field, value, message):
        assert refused_by_database(episode(child, D(2024, 1, 1), **{field: value})) == message

    def test_the_database_refuses_a_child_with_an_unknown_ethnicity(self):
        bad = m.Child(la_child_id="C2000", sex="M", dob=D(2011, 1, 1), ethnic="XXXX")
        assert refused_by_database(bad) == "Ethnicity must be a code from its list (ETHNIC)."

    def test_the_database_refuses_an_unknown_accommodation_type(self, child):
        bad = m.Accommodation(child=child, start=D(2028, 1, 1), accommodation_type="CASTLE", suitable=True)
        assert refused_by_database(bad) == "Accommodation type must be a code from its list (Accommodation type)."

    def test_it_accepts_a_blank_optional_code(self, child):
        ok = episode(child, D(2024, 1, 1), place="T1", place_provider="")
        ok.full_clean()
        ok.save()
        assert m.Episode.objects.get().place_provider == ""


# --- Other things that cannot be true -------------------------------------------------------


@pytest.mark.django_db
class TestOtherRefusals:
    def test_bed_and_breakfast_is_never_recorded_as_suitable(self, child):
        bad = m.Accommodation(child=child, start=D(2027, 5, 22), accommodation_type="BED_AND_BREAKFAST", suitable=True)
        message = "Bed and breakfast, custody and no fixed abode are always recorded as not suitable."
        assert message in form_errors(bad)
        assert refused_by_database(bad) == message

    def test_an_episode_end_needs_a_reason_and_a_reason_needs_an_end(self, child):
        message = "Give the reason the episode ceased exactly when it has an end date, and not otherwise."
        assert refused_by_database(episode(child, D(2024, 1, 1), D(2024, 2, 1), rec="")) == message
        assert refused_by_database(episode(child, D(2024, 1, 1), None, rec="E8")) == message

    def test_it_rejects_a_malformed_upn_with_a_message(self, child):
        child.upn = "I12345678901"
        assert form_errors(child) == [
            "Enter a 13-character UPN (a letter, then 12 digits or 11 digits and a letter), "
            "or UN1 to UN5 if the UPN is not known."
        ]

    @pytest.mark.parametrize("upn", ["A123456789012", "A12345678901B", "UN4"])
    def test_it_accepts_well_formed_upns(self, child, upn):
        child.upn = upn
        child.full_clean()

    def test_a_first_childs_date_of_birth_needs_the_young_person_to_be_a_mother(self, child):
        child.mc_dob = D(2027, 1, 1)
        child.mother = False
        message = "Only give the date of birth of the young person's first child when they are a mother."
        assert message in form_errors(child)
