"""Writing a council into the database lands every generated row, and the command guards the record."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command

from hearth.records import models as m
from hearth.synth.simulate import simulate_council
from hearth.synth.to_database import council_write

AS_AT = date(2026, 11, 22)
pytestmark = pytest.mark.django_db


def test_the_database_holds_what_was_generated():
    council = simulate_council(seed=3, children_in_care=300, as_at=AS_AT)
    written = council_write(council)
    children = council.children
    assert m.Child.objects.count() == len(children) == written["Child"]
    assert m.Episode.objects.count() == sum(len(c.history.episodes) for c in children)
    assert m.Review.objects.count() == sum(len(c.history.reviews) for c in children)
    assert m.MissingEpisode.objects.count() == sum(len(c.history.missing) for c in children)
    assert m.AnnualOutcome.objects.count() == sum(len(c.history.outcomes) for c in children)
    assert m.CareLeaverBirthday.objects.count() == sum(len(c.history.birthdays) for c in children)
    assert m.Allocation.objects.count() == sum(len(c.allocations) for c in children)
    assert m.Contact.objects.count() == sum(len(c.leaving_care.contacts) + len(c.visits) for c in children)
    assert m.DutyRecord.objects.count() == sum(len(c.duties) for c in children) > 0
    assert m.Accommodation.objects.count() == sum(len(c.leaving_care.accommodation) for c in children)
    assert m.StayingPut.objects.count() == sum(len(c.leaving_care.staying_put) for c in children)
    assert m.PathwayPlanAction.objects.count() == sum(
        len(p.actions) for c in children for p in c.leaving_care.pathway_plans)
    assert m.Worker.objects.count() == len(council.workers)
    open_now = m.Episode.objects.filter(dec__isnull=True).count()
    assert open_now == sum(1 for c in children if c.history.episodes and c.history.episodes[-1].dec is None)
    assert m.Council.objects.get().la_code == "700"


def test_the_command_refuses_a_database_that_holds_children_unless_told_to_replace(tmp_path):
    call_command("synth", "--children-in-care", "60", "--seed", "4", "--as-at", "2026-11-22")
    first = m.Child.objects.count()
    with pytest.raises(CommandError, match="--replace"):
        call_command("synth", "--children-in-care", "60", "--seed", "4", "--as-at", "2026-11-22")
    call_command("synth", "--children-in-care", "60", "--seed", "4", "--as-at", "2026-11-22", "--replace",
                 "--csv-out", str(tmp_path))
    assert m.Child.objects.count() == first
    assert (tmp_path / "2026" / "episodes.csv").exists()


def test_the_national_set_needs_a_csv_folder():
    with pytest.raises(CommandError, match="--csv-out"):
        call_command("synth", "--councils", "3", "--as-at", "2026-11-22")
