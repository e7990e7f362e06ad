"""Recording through the forms: saved through the services, audited, and errors kept with what was typed."""

from datetime import date

import pytest

from hearth.accounts.audit import AuditEntry
from hearth.accounts.models import User
from hearth.records import models as m

D = date


@pytest.fixture
def priya(pa):
    return User.objects.create(username="priya", role="practitioner", worker=pa)


@pytest.fixture
def ava(child, pa):
    m.ChildName.objects.create(child=child, given_name="Ava", family_name="Hughes")
    m.Allocation.objects.create(child=child, worker=pa, role="PERSONAL_ADVISER", start=D(2024, 1, 1))
    return child


def post(client, user, child, action, data):
    client.force_login(user)
    return client.post(f"/children/{child.pk}/record/{action}/", data)


def date_fields(prefix, d, m_, y):
    return {f"{prefix}_0": d, f"{prefix}_1": m_, f"{prefix}_2": y}


@pytest.mark.django_db
class TestContact:
    def test_a_contact_is_saved_audited_and_shown_on_the_timeline(self, client, priya, ava):
        response = post(client, priya, ava, "contact", {
            **date_fields("date", "3", "2", "2026"), "kind": "VISIT", "seen_where": "HOME", "follows_move": "yes"})
        assert response.status_code == 302
        contact = m.Contact.objects.get()
        assert (contact.date, contact.kind, contact.worker.name, contact.follows_move) == (
            D(2026, 2, 3), "VISIT", "Priya Shah", True)
        entry = AuditEntry.objects.get(action="create")
        assert entry.child_pk == ava.pk and entry.after["kind"] == "VISIT" and entry.before is None
        page = client.get(response["Location"]).content.decode()
        assert "Contact recorded" in page
        assert "Visit in person by Priya Shah" in page

    def test_an_impossible_date_is_refused_with_a_message_and_what_was_typed_is_kept(self, client, priya, ava):
        response = post(client, priya, ava, "contact", {
            **date_fields("date", "31", "2", "2026"), "kind": "PHONE", "seen_where": "NOT_SEEN", "follows_move": "no"})
        assert response.status_code == 200
        page = response.content.decode()
        assert "There is a problem" in page
        assert "The date of contact must be a real date, like 27 3 2025" in page
        assert 'value="31"' in page and 'value="2026"' in page
        assert '<option value="PHONE" selected>' in page
        assert m.Contact.objects.count() == 0

    def test_every_missing_answer_is_listed(self, client, priya, ava):
        page = post(client, priya, ava, "contact", {}).content.decode()
        for message in ["Enter the date of contact", "Select the kind of contact",
                        "Select the where they were seen", "Select yes if was this after a move to new accommodation"]:
            assert message in page

    def test_a_part_date_says_which_part_is_missing(self, client, priya, ava):
        page = post(client, priya, ava, "contact", {
            **date_fields("date", "3", "", "2026"), "kind": "VISIT", "seen_where": "HOME", "follows_move": "no"}
        ).content.decode()
        assert "The date of contact must include a month" in page


@pytest.mark.django_db
class TestAccommodation:
    def test_a_move_closes_the_last_home_and_bed_and_breakfast_is_flagged(self, client, priya, ava):
        m.Accommodation.objects.create(child=ava, start=D(2026, 1, 1), accommodation_type="SEMI_INDEPENDENT", suitable=True)
        response = post(client, priya, ava, "accommodation", {
            **date_fields("start", "22", "5", "2026"), "accommodation_type": "BED_AND_BREAKFAST", "suitable": "no"})
        assert response.status_code == 302
        homes = list(m.Accommodation.objects.order_by("start").values_list("accommodation_type", "end"))
        assert homes == [("SEMI_INDEPENDENT", D(2026, 5, 22)), ("BED_AND_BREAKFAST", None)]
        assert "Bed and breakfast is not suitable" in client.get(response["Location"]).content.decode()

    def test_bed_and_breakfast_recorded_as_suitable_is_refused_by_the_record(self, client, priya, ava):
        page = post(client, priya, ava, "accommodation", {
            **date_fields("start", "22", "5", "2026"), "accommodation_type": "BED_AND_BREAKFAST", "suitable": "yes"}
        ).content.decode()
        assert "Bed and breakfast, custody and no fixed abode are always recorded as not suitable." in page
        assert m.Accommodation.objects.count() == 0


@pytest.mark.django_db
class TestEpisodes:
    def start_care(self, child):
        m.Episode.objects.create(child=child, decom=D(2025, 1, 10), rne="S", ls="C2", cin="N1", place="U4",
                                 place_provider="PR1")

    def test_a_placement_change_ends_the_episode_with_x1_and_starts_the_next_the_same_day(self, client, priya, ava):
        self.start_care(ava)
        response = post(client, priya, ava, "episode-change", {
            **date_fields("on", "1", "6", "2025"), "ls": "C2", "place": "K2", "place_provider": "PR4",
            "carer_changed": "yes", "reason_place_change": "CARPL"})
        assert response.status_code == 302
        rows = list(m.Episode.objects.order_by("decom").values_list("decom", "dec", "rec", "rne", "place",
                                                                    "reason_place_change"))
        assert rows == [(D(2025, 1, 10), D(2025, 6, 1), "X1", "S", "U4", "CARPL"),
                        (D(2025, 6, 1), None, "", "P", "K2", "")]

    def test_a_change_dated_before_the_episode_started_is_refused_and_nothing_changes(self, client, priya, ava):
        self.start_care(ava)
        page = post(client, priya, ava, "episode-change", {
            **date_fields("on", "1", "1", "2025"), "ls": "C2", "place": "K2", "place_provider": "PR4",
            "carer_changed": "yes", "reason_place_change": "CARPL"}).content.decode()
        assert "The episode must end after the day it starts" in page
        assert list(m.Episode.objects.values_list("dec", flat=True)) == [None]

    def test_a_new_period_of_care_is_refused_while_the_child_is_looked_after(self, client, priya, ava):
        self.start_care(ava)
        page = post(client, priya, ava, "period-of-care", {
            **date_fields("decom", "1", "3", "2026"), "ls": "V2", "cin": "N4", "place": "U6", "place_provider": "PR1"}
        ).content.decode()
        assert "This child is already looked after." in page

    def test_leaving_care_closes_the_open_episode_with_the_reason(self, client, priya, ava):
        self.start_care(ava)
        assert post(client, priya, ava, "leaving-care", {**date_fields("on", "20", "8", "2028"), "rec": "E17"}).status_code == 302
        assert m.Episode.objects.get().rec == "E17"


@pytest.mark.django_db
class TestOtherForms:
    def test_neet_needs_its_reason(self, client, priya, ava):
        page = post(client, priya, ava, "eet", {**date_fields("start", "1", "9", "2026"), "activity": "NEET"}).content.decode()
        assert "Select the reason they are not in education, employment or training" in page

    def test_a_pathway_plan_with_an_action_and_its_owner(self, client, priya, ava):
        post(client, priya, ava, "pathway-plan", {
            **date_fields("agreed_on", "1", "8", "2026"), "action": "Open a bank account", "owner": "Ava",
            **date_fields("due_on", "1", "10", "2026")})
        action = m.PathwayPlanAction.objects.get()
        assert (action.plan.agreed_on, action.description, action.owner, action.due_on) == (
            D(2026, 8, 1), "Open a bank account", "Ava", D(2026, 10, 1))

    def test_allocating_a_new_pa_hands_over_on_the_same_day(self, client, priya, ava, team):
        sam = m.Worker.objects.create(name="Sam Okoro", role="PERSONAL_ADVISER", experience_band="Y1_3", team=team)
        post(client, priya, ava, "personal-adviser", {"worker": sam.pk, **date_fields("start", "1", "4", "2026")})
        rows = list(m.Allocation.objects.order_by("start").values_list("worker__name", "start", "end"))
        assert rows == [("Priya Shah", D(2024, 1, 1), D(2026, 4, 1)), ("Sam Okoro", D(2026, 4, 1), None)]

    def test_a_support_request_then_its_outcome(self, client, priya, ava):
        post(client, priya, ava, "support-request", {**date_fields("received_on", "5", "1", "2032"), "request": "A deposit"})
        post(client, priya, ava, "support-outcome", {"outcome": "ADVICE", **date_fields("outcome_on", "9", "1", "2032")})
        assert list(m.SupportRequest.objects.values_list("outcome", "outcome_on")) == [("ADVICE", D(2032, 1, 9))]

    def test_another_teams_worker_cannot_record_on_this_child(self, client, ava):
        other_team = m.Team.objects.create(name="South", kind="LEAVING_CARE")
        sam = m.Worker.objects.create(name="Sam", role="PERSONAL_ADVISER", experience_band="Y1_3", team=other_team)
        user = User.objects.create(username="sam", role="practitioner", worker=sam)
        response = post(client, user, ava, "contact", {
            **date_fields("date", "3", "2", "2026"), "kind": "VISIT", "seen_where": "HOME", "follows_move": "no"})
        assert response.status_code == 403
        assert m.Contact.objects.count() == 0
