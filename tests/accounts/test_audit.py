import pytest
from django.db import DatabaseError, connection, transaction

from hearth.accounts.audit import AuditEntry, audit_record
from hearth.accounts.models import User


@pytest.fixture
def entry(db):
    user = User.objects.create(username="priya", role="practitioner")
    return audit_record(user=user, action="change", what="Contact 7", child_pk=12,
                        before={"kind": "PHONE"}, after={"kind": "VISIT"})


@pytest.mark.django_db
class TestAppendOnly:
    def test_an_entry_keeps_who_what_which_child_and_before_and_after(self, entry):
        stored = AuditEntry.objects.get()
        assert (stored.user.username, stored.action, stored.child_pk, stored.what) == ("priya", "change", 12, "Contact 7")
        assert (stored.before, stored.after) == ({"kind": "PHONE"}, {"kind": "VISIT"})

    def test_the_application_cannot_change_or_delete_an_entry(self, entry):
        entry.what = "something else"
        with pytest.raises(PermissionError, match="cannot be changed"):
            entry.save()
        with pytest.raises(PermissionError, match="cannot be deleted"):
            entry.delete()
        with pytest.raises(PermissionError):
            AuditEntry.objects.update(what="x")
        with pytest.raises(PermissionError):
            AuditEntry.objects.all().delete()

    @pytest.mark.parametrize("sql", ["UPDATE accounts_auditentry SET what = 'x'", "DELETE FROM accounts_auditentry"])
    def test_the_database_refuses_raw_updates_and_deletes(self, entry, sql):
        with pytest.raises(DatabaseError, match="Audit entries cannot be changed or deleted"), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(sql)
        assert AuditEntry.objects.get().what == "Contact 7"


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="database roles and grants are PostgreSQL's")
def test_a_role_granted_insert_and_select_only_is_refused_an_update(entry):
    """The grants in the README, applied to a throwaway role inside this test's transaction."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("CREATE ROLE hearth_audit_test NOLOGIN")
        cursor.execute("GRANT SELECT, INSERT ON accounts_auditentry TO hearth_audit_test")
        cursor.execute("SET LOCAL ROLE hearth_audit_test")
        cursor.execute("SELECT count(*) FROM accounts_auditentry")
        assert cursor.fetchone() == (1,)
        with pytest.raises(DatabaseError, match="permission denied"), transaction.atomic():
            cursor.execute("UPDATE accounts_auditentry SET what = 'x'")
        cursor.execute("RESET ROLE")
        cursor.execute("DROP OWNED BY hearth_audit_test")
        cursor.execute("DROP ROLE hearth_audit_test")
