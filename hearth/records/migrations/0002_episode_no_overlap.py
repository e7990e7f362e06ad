"""The database refuses overlapping episodes of care for one child.

A CHECK cannot see other rows, so each backend gets a trigger. Episodes are half-open
[DECOM, DEC): one may end on the day the next starts (REC X1), but never run past it.
"""

from django.db import migrations

MESSAGE = "Episodes of care for one child cannot overlap: its dates cross another episode of this child."

SQLITE = [
    f"""
    CREATE TRIGGER records_episode_no_overlap_{when.lower()}
    BEFORE {when} ON records_episode
    WHEN EXISTS (
        SELECT 1 FROM records_episode e
        WHERE e.child_id = NEW.child_id AND e.id IS NOT NEW.id
          AND e.decom < COALESCE(NEW.dec, '9999-12-31')
          AND NEW.decom < COALESCE(e.dec, '9999-12-31')
    )
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;
    """
    for when in ("INSERT", "UPDATE")
]
SQLITE_DROP = ["DROP TRIGGER records_episode_no_overlap_insert", "DROP TRIGGER records_episode_no_overlap_update"]

POSTGRES = [
    f"""
    CREATE FUNCTION records_episode_no_overlap() RETURNS trigger AS $$
    BEGIN
        -- Serialise writes for one child so two sessions cannot both insert overlapping rows.
        PERFORM pg_advisory_xact_lock(hashtext('records_episode'), NEW.child_id::int);
        IF EXISTS (
            SELECT 1 FROM records_episode e
            WHERE e.child_id = NEW.child_id AND e.id <> NEW.id
              AND e.decom < COALESCE(NEW.dec, 'infinity'::date)
              AND NEW.decom < COALESCE(e.dec, 'infinity'::date)
        ) THEN
            RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = '23P01';
        END IF;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER records_episode_no_overlap BEFORE INSERT OR UPDATE ON records_episode
    FOR EACH ROW EXECUTE FUNCTION records_episode_no_overlap();
    """,
]
POSTGRES_DROP = [
    "DROP TRIGGER records_episode_no_overlap ON records_episode",
    "DROP FUNCTION records_episode_no_overlap()",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("records", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        )
    ]
