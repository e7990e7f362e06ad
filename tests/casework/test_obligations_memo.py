"""Remembered obligations are the rules' own answer, and a changed record is worked out afresh."""

from dataclasses import replace
from datetime import date

from hearth.casework.obligations_memo import forget, obligations_by_child
from hearth.domain.obligations import obligations_for
from hearth.domain.obligations.facts import ChildFacts, Contact, Episode
from hearth.domain.policy import Policy

AS_AT = date(2026, 11, 22)
# In care from 14 to 18 (former relevant at 19), last seen in person on 1 June 2026.
JAY = ChildFacts(dob=date(2007, 8, 14), date_of_death=None, episodes=(
    Episode(start=date(2021, 8, 14), end=date(2025, 8, 14), legal_status="C2", placement="U4", reason_ceased="E17",
            reason_new="S"),), contacts=(Contact(on=date(2026, 6, 1), in_person=True, follows_move=False),))


def test_it_gives_what_the_rules_give_and_a_changed_record_is_recomputed():
    forget()
    policy = Policy()
    first = obligations_by_child({1: JAY}, AS_AT, policy, since=date(2026, 9, 23))[1]
    assert first == tuple(obligations_for(JAY, AS_AT, policy, since=date(2026, 9, 23)))
    assert "D28" in {o.rule_id for o in first if o.completed_on is None}  # keep in touch: overdue
    # Seen again last week: the same child's facts have changed, so the answer does too.
    seen = replace(JAY, contacts=(*JAY.contacts, Contact(date(2026, 11, 15), True, False)))
    again = obligations_by_child({1: seen}, AS_AT, policy, since=date(2026, 9, 23))[1]
    assert again == tuple(obligations_for(seen, AS_AT, policy, since=date(2026, 9, 23)))
    assert again != first
