"""Band schemes a council edits: versions, the scheme in force, defective schemes, the pages and the audit."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from hearth.accounts.audit import AuditEntry
from hearth.accounts.models import User
from hearth.analytics.band_schemes import (
    band_scheme_save,
    lancashire_demo_load,
    scheme_in_force,
    scheme_version_in_force,
    schemes_in_force,
)
from hearth.analytics.models import BandSchemeVersion
from hearth.domain.kpis.bands import FOUR_BANDS, band_for, scheme_from_cuts

pytestmark = pytest.mark.django_db


def eet_scheme(cuts=(40, 45, 55), start=date(2026, 4, 1), end=None, id="EET-2026"):
    return scheme_from_cuts(id=id, kpi_id="CL-L02", labels=FOUR_BANDS, cuts=list(cuts), polarity="up",
                            approved_by="Corporate parenting board", effective_from=start, effective_to=end)


@pytest.fixture
def analyst(db):
    return User.objects.create(username="ana", role="analyst")


def user(role):
    return User.objects.create(username=role, role=role)


class TestService:
    def test_a_valid_scheme_is_saved_as_version_1_with_an_audit_entry(self, analyst):
        stored = band_scheme_save(user=analyst, scheme=eet_scheme())
        assert (stored.version, stored.status, stored.created_by) == (1, "valid", analyst)
        entry = AuditEntry.objects.get()
        assert (entry.user, entry.action, entry.what, entry.before) == (analyst, "create", "Band scheme CL-L02 v1", None)
        assert entry.after["bands"][0] == {"label": "Inadequate", "lower": "0", "lower_incl": True, "upper": "40", "upper_incl": False}

    def test_a_change_is_a_new_version_and_the_audit_keeps_before_and_after(self, analyst):
        band_scheme_save(user=analyst, scheme=eet_scheme())
        band_scheme_save(user=analyst, scheme=eet_scheme(cuts=(40, 50, 60), start=date(2026, 7, 1)))
        assert list(BandSchemeVersion.objects.values_list("version", flat=True).order_by("version")) == [1, 2]
        change = AuditEntry.objects.filter(action="change").get()
        assert (change.before["version"], change.after["version"]) == (1, 2)

    def test_a_scheme_with_defects_is_refused_with_every_defect_named(self, analyst):
        from hearth.domain.kpis.band_tables import lancashire_schemes

        with pytest.raises(ValidationError) as raised:
            band_scheme_save(user=analyst, scheme=lancashire_schemes()["CL-L04"])
        assert [e.code for e in raised.value.error_list] == ["defective", "defective"]
        assert raised.value.messages == ['Gap (90, 95) between "Requires improvement" and "Good": 90.1–94.9 fall in no band.',
                                         'Gap (99, 100) between "Good" and "Outstanding": 99.1–99.9 fall in no band.']
        assert not BandSchemeVersion.objects.exists() and not AuditEntry.objects.exists()

    def test_a_scheme_with_defects_may_be_saved_only_as_defective(self, analyst):
        from hearth.domain.kpis.band_tables import lancashire_schemes

        stored = band_scheme_save(user=analyst, scheme=lancashire_schemes()["CL-L04"], allow_defective=True)
        assert stored.status == "defective"

    def test_an_end_before_the_start_is_refused(self, analyst):
        with pytest.raises(ValidationError):
            band_scheme_save(user=analyst, scheme=eet_scheme(start=date(2026, 4, 1), end=date(2026, 3, 1)))


class TestInForce:
    def test_the_latest_version_covering_the_date_is_in_force(self, analyst):
        band_scheme_save(user=analyst, scheme=eet_scheme(end=date(2027, 4, 1)))
        band_scheme_save(user=analyst, scheme=eet_scheme(cuts=(40, 50, 60), start=date(2026, 7, 1), id="EET-2026b"))
        assert scheme_in_force("CL-L02", date(2026, 3, 31)) is None
        assert scheme_in_force("CL-L02", date(2026, 6, 30)).id == "EET-2026"
        later = scheme_in_force("CL-L02", date(2026, 7, 1))
        assert (later.id, later.version, band_for(later, 48)) == ("EET-2026b", 2, "Requires improvement")
        assert band_for(scheme_in_force("CL-L02", date(2026, 6, 30)), 48) == "Good"
        assert scheme_in_force("WF-01", date(2026, 7, 1)) is None

    def test_a_version_stops_the_day_its_end_date_names(self, analyst):
        band_scheme_save(user=analyst, scheme=eet_scheme(end=date(2027, 4, 1)))
        assert scheme_version_in_force("CL-L02", date(2027, 3, 31)) is not None
        assert scheme_version_in_force("CL-L02", date(2027, 4, 1)) is None

    def test_bounds_come_back_exactly(self, analyst):
        band_scheme_save(user=analyst, scheme=scheme_from_cuts(
            id="X", kpi_id="WF-06", labels=("Red", "Amber", "Green"), cuts=["20", "22.5"], polarity="down", domain_max=None,
            approved_by="x", effective_from=date(2026, 4, 1), cut_goes_up=False))
        scheme = scheme_in_force("WF-06", date(2026, 4, 1))
        assert scheme.bands[1].lower == Decimal("20") and scheme.bands[0].upper is None and scheme.domain_max is None


class TestLancashireDemonstration:
    def test_the_eleven_schemes_load_once_as_defective_demonstrations(self):
        assert lancashire_demo_load() == 11
        assert lancashire_demo_load() == 0
        assert BandSchemeVersion.objects.count() == 11
        assert set(BandSchemeVersion.objects.values_list("status", "demonstration")) == {("defective", True)}
        assert set(schemes_in_force(date(2016, 9, 30))) == {f"WF-0{i}" for i in range(1, 6)} | {f"CL-L0{i}" for i in range(1, 7)}
        assert band_for(scheme_in_force("CL-L05", date(2016, 7, 31)), 85.6) == "Requires improvement"

    def test_the_demo_command_loads_schemes_and_benchmarks(self, capsys):
        call_command("performance_demo")
        assert "Demonstration band schemes added: 11; benchmark rows added: 135." in capsys.readouterr().out


class TestPages:
    def test_an_analyst_sees_the_list_and_a_defective_scheme_with_its_problems(self, client, analyst):
        lancashire_demo_load()
        client.force_login(analyst)
        page = client.get("/performance/bands/").content.decode()
        assert "CL-L04" in page and "Defective (demonstration)" in page
        page = client.get("/performance/bands/CL-L04/").content.decode()
        assert "Defective" in page and "Problems found" in page
        assert "90.1 to 94.9" in page and "99.1 to 99.9" in page and "Single point" in page

    @pytest.mark.parametrize("role", ["practitioner", "elected_member", "administrator"])
    def test_other_roles_are_refused(self, client, role):
        client.force_login(user(role))
        assert client.get("/performance/bands/").status_code == 403
        assert client.get("/performance/bands/CL-L04/edit/").status_code == 403

    def test_a_team_manager_may_look_but_not_change(self, client):
        client.force_login(user("team_manager"))
        assert client.get("/performance/bands/CL-L04/").status_code == 200
        assert client.get("/performance/bands/CL-L04/edit/").status_code == 403

    def test_an_unknown_kpi_is_not_found(self, client, analyst):
        client.force_login(analyst)
        assert client.get("/performance/bands/XX-99/").status_code == 404

    def test_signed_out_users_are_sent_to_sign_in(self, client):
        assert client.get("/performance/bands/").status_code == 302


def form_data(**over):
    data = {
        "scheme_id": "EET-2026", "approved_by": "Corporate parenting board",
        "effective_from_0": "1", "effective_from_1": "4", "effective_from_2": "2026",
        "polarity": "up", "domain_min": "0", "domain_max": "100", "precision": "1", "if_defective": "refuse",
    }
    rows = [("Inadequate", "0", "in", "40", "out"), ("Requires improvement", "40", "in", "45", "out"),
            ("Good", "45", "in", "55", "in"), ("Outstanding", "55", "out", "100", "in")]
    for i, (label, lo, lo_in, hi, hi_in) in enumerate(rows, start=1):
        data.update({f"band_{i}_label": label, f"band_{i}_lower": lo, f"band_{i}_lower_incl": lo_in,
                     f"band_{i}_upper": hi, f"band_{i}_upper_incl": hi_in})
    data.update(over)
    return data


class TestEditForm:
    def test_the_form_starts_from_the_latest_version(self, client, analyst):
        lancashire_demo_load()
        client.force_login(analyst)
        page = client.get("/performance/bands/CL-L04/edit/").content.decode()
        assert 'value="LCC-IB-2016-CL-L04"' in page and 'value="95"' in page

    def test_saving_valid_bands_makes_a_new_version(self, client, analyst):
        client.force_login(analyst)
        response = client.post("/performance/bands/CL-L02/edit/", form_data())
        assert response.status_code == 302 and response.url == "/performance/bands/CL-L02/"
        stored = BandSchemeVersion.objects.get()
        assert (stored.version, stored.status, stored.created_by) == (1, "valid", analyst)
        assert band_for(stored.to_domain(), 45) == "Good" and band_for(stored.to_domain(), 55) == "Good"
        assert AuditEntry.objects.filter(what="Band scheme CL-L02 v1").exists()
        assert "Bands for CL-L02 saved as version 1." in client.get(response.url).content.decode()

    def test_a_gap_is_refused_and_what_was_typed_is_kept(self, client, analyst):
        client.force_login(analyst)
        page = client.post("/performance/bands/CL-L02/edit/", form_data(band_3_lower="46")).content.decode()
        assert "There is a problem" in page
        assert "Gap [45, 46) between &quot;Requires improvement&quot; and &quot;Good&quot;: 45.0–45.9 fall in no band." in page
        assert 'value="46"' in page and not BandSchemeVersion.objects.exists()

    def test_a_gap_may_be_saved_as_defective_when_asked(self, client, analyst):
        client.force_login(analyst)
        response = client.post("/performance/bands/CL-L02/edit/", form_data(band_3_lower="46", if_defective="defective"))
        assert response.status_code == 302 and BandSchemeVersion.objects.get().status == "defective"

    @pytest.mark.parametrize("over, message", [
        ({"band_2_lower": "forty"}, "Enter the band 2: from as a number"),
        ({"effective_from_2": ""}, "must include a year"),
        ({"polarity": ""}, "Select which way is better"),
        ({"approved_by": ""}, "Say who approved the bands"),
        ({"precision": "7"}, "Decimal places must be 4 or fewer"),
        ({"band_4_label": ""}, "Enter a name for band 4, or clear its values"),
        ({"band_2_label": "Good"}, "Give each band a different name"),
        ({"effective_to_0": "1", "effective_to_1": "1", "effective_to_2": "2026"}, "must be after the date they apply from"),
        ({"polarity": "down"}, "better bands must have lower bounds"),
    ])
    def test_each_bad_input_is_named_in_the_error_summary(self, client, analyst, over, message):
        client.force_login(analyst)
        response = client.post("/performance/bands/CL-L02/edit/", form_data(**over))
        assert response.status_code == 200
        assert message in response.content.decode()
        assert not BandSchemeVersion.objects.exists()
