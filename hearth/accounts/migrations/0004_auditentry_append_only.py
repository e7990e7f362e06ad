"""The database refuses to change or delete an audit entry, whoever asks."""

from django.db import migrations

MESSAGE = "Audit entries cannot be changed or deleted."

SQLITE = [
    f"""CREATE TRIGGER accounts_auditentry_no_{when.lower()} BEFORE {when} ON accounts_auditentry
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;"""
    for when in ("UPDATE", "DELETE")
]
SQLITE_DROP = ["DROP TRIGGER accounts_auditentry_no_update", "DROP TRIGGER accounts_auditentry_no_delete"]

POSTGRES = [
    f"""CREATE FUNCTION accounts_auditentry_append_only() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = '42501'; END;
    $$ LANGUAGE plpgsql;""",
    """CREATE TRIGGER accounts_auditentry_append_only BEFORE UPDATE OR DELETE ON accounts_auditentry
    FOR EACH ROW EXECUTE FUNCTION accounts_auditentry_append_only();""",
]
POSTGRES_DROP = [
    "DROP TRIGGER accounts_auditentry_append_only ON accounts_auditentry",
    "DROP FUNCTION accounts_auditentry_append_only()",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_auditentry")]
    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        )
    ]
