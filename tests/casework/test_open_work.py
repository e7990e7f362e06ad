"""Stored open work: the rules' own answer, worked out again exactly when the record, the date or
the policy changes, and never left wrong by a change made while it was being worked out."""

from datetime import date

import pytest
from django.db import transaction

from hearth.casework.models import StoredWork
from hearth.casework.open_work import _store, dump, load, open_obligations, record_changed
from hearth.domain.obligations import obligations_for
from hearth.domain.policy import Policy
from hearth.records import models as m
from hearth.records.facts import facts_for, policy_and_key_on

AS_AT = date(2026, 11, 22)


@pytest.fixture
def jay(pa):
    """Jay, born 14 Aug 2007, in care from 14 to 18: a former relevant care leaver, last seen on
    1 June 2026. Keeping in touch (D28) is due every 2 months by default: due 1 Aug 2026."""
    jay = m.Child.objects.create(la_child_id="J1", sex="M", dob=date(2007, 8, 14), ethnic="WBRI")
    m.Episode.objects.create(child=jay, decom=date(2021, 8, 14), rne="S", ls="C2", cin="N1", place="U4",
                             place_provider="PR1", dec=date(2025, 8, 14), rec="E17")
    m.Allocation.objects.create(child=jay, worker=pa, role="PERSONAL_ADVISER", start=date(2025, 1, 1))
    m.Contact.objects.create(child=jay, date=date(2026, 6, 1), kind="VISIT", worker=pa, seen_where="HOME")
    return jay


def keep_in_touch_due(as_at: date = AS_AT) -> list[date]:
    policy, key = policy_and_key_on(as_at)
    work = open_obligations(m.Child.objects.all(), as_at=as_at, policy=policy, policy_key=key)
    return [ob.legal_due for obs in work.values() for ob in obs if ob.rule_id == "D28"]


@pytest.mark.django_db
def test_the_stored_work_is_what_the_rules_give(jay):
    assert keep_in_touch_due() == [date(2026, 8, 1)]
    policy, key = policy_and_key_on(AS_AT)
    stored = load(StoredWork.objects.get(child=jay).obligations)
    facts = facts_for(m.Child.objects.filter(pk=jay.pk))[jay.pk]
    expected = [ob for ob in obligations_for(facts, AS_AT, policy, since=date(2026, 9, 23)) if ob.is_outstanding]
    assert sorted(stored) == sorted(expected)
    # Read again with nothing changed: one query, no facts read.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    with CaptureQueriesContext(connection) as queries:
        again = open_obligations(m.Child.objects.all(), as_at=AS_AT, policy=policy, policy_key=key)
    assert len(queries) == 1 and sorted(again[jay.pk]) == sorted(expected)


@pytest.mark.django_db
def test_a_contact_recorded_moves_the_work_on(jay, pa):
    assert keep_in_touch_due() == [date(2026, 8, 1)]
    m.Contact.objects.create(child=jay, date=date(2026, 11, 15), kind="VISIT", worker=pa, seen_where="HOME")
    # The overdue contact is met (late); the next is 2 months after 15 November.
    assert keep_in_touch_due() == [date(2027, 1, 15)]


@pytest.mark.django_db
def test_a_new_day_and_a_new_policy_are_worked_out_afresh(jay):
    assert keep_in_touch_due() == [date(2026, 8, 1)]
    assert StoredWork.objects.get(child=jay).as_at == AS_AT
    assert keep_in_touch_due(date(2026, 11, 23)) == [date(2026, 8, 1)]
    assert StoredWork.objects.get(child=jay).as_at == date(2026, 11, 23)
    # The council asks for contact every month: due a month after 1 June.
    m.CouncilPolicy.objects.create(effective_from=date(2020, 1, 1), contact_frequency_months=1)
    assert keep_in_touch_due(date(2026, 11, 23)) == [date(2026, 7, 1)]


@pytest.mark.django_db(transaction=True)
def test_a_change_rolled_back_moves_nothing(jay, pa):
    keep_in_touch_due()
    version = StoredWork.objects.get(child=jay).version
    with pytest.raises(RuntimeError), transaction.atomic():
        m.Contact.objects.create(child=jay, date=date(2026, 11, 15), kind="VISIT", worker=pa, seen_where="HOME")
        raise RuntimeError("the form's 903 check refused it")
    assert StoredWork.objects.get(child=jay).version == version
    assert keep_in_touch_due() == [date(2026, 8, 1)]


@pytest.mark.django_db
def test_work_from_before_a_change_is_never_stored_as_fresh(jay, pa):
    """A page reads the version, then the facts; meanwhile a contact is saved and moves the version
    on; the page then stores what it worked out from the old version. That must not count as fresh."""
    # A child written in bulk (the generator, an import) has no row yet: the page reads version 0.
    StoredWork.objects.filter(child=jay).delete()
    record_changed([jay.pk])  # the concurrent save, committed before the page stores
    _store({jay.pk: (0, dump([]))}, as_at=AS_AT, key="k")
    row = StoredWork.objects.get(child=jay)
    assert (row.version, row.computed_from) == (1, None)
    # The same when the row had been worked out before.
    read = row.version
    keep_in_touch_due()  # worked out from version 1
    record_changed([jay.pk])
    _store({jay.pk: (read, dump([]))}, as_at=AS_AT, key="k")
    row = StoredWork.objects.get(child=jay)
    assert (row.version, row.computed_from) == (read + 1, read)
    assert keep_in_touch_due() == [date(2026, 8, 1)]  # worked out again, not the empty list stored


@pytest.mark.django_db
def test_every_obligation_survives_storing(jay):
    """dump and load give back equal obligations, field for field (dates, statuses, kinds, notes)."""
    facts = facts_for(m.Child.objects.filter(pk=jay.pk))[jay.pk]
    everything = list(obligations_for(facts, AS_AT, Policy()))
    assert len({ob.status for ob in everything}) > 1  # met, open and missed ones among them
    assert load(dump(everything)) == everything


@pytest.mark.django_db
def test_the_nightly_run_works_out_everyone_for_the_day(jay, capsys):
    from django.core.management import call_command

    call_command("worklists", "--as-at", "2026-11-23")
    assert "Worklists ready for 23/11/2026 (children's records checked: 1;" in capsys.readouterr().out
    row = StoredWork.objects.get(child=jay)
    assert (row.as_at, row.computed_from) == (date(2026, 11, 23), row.version)
    assert [ob.legal_due for ob in load(row.obligations) if ob.rule_id == "D28"] == [date(2026, 8, 1)]


def test_every_table_the_rules_read_moves_the_work_on():
    """A table read into the facts without a signal would leave worklists stale after a change."""
    from hearth.casework.signals import _CHILD_OF
    from hearth.records.facts import _tables

    read = {model for _, model, _, _ in _tables()} | {m.Child, m.PathwayPlanReview}
    assert read <= set(_CHILD_OF), read - set(_CHILD_OF)
