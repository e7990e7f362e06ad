"""A generated council, written to the test database just long enough to take a snapshot of it.

The snapshot (DuckDB, in memory) outlives the rollback, so every pack test reads the same figures
without the record staying in the database; the children's identifiers are kept for the checks
that none of them reaches a members' pack."""

from datetime import date

import pytest
from django.db import transaction

from hearth.analytics.extract import snapshot_from_record
from hearth.packs.sources import EngineSource
from hearth.records import models as m
from hearth.synth.simulate import simulate_council
from hearth.synth.to_database import council_write

AS_AT = date(2026, 11, 22)


@pytest.fixture(scope="session")
def generated(django_db_setup, django_db_blocker):
    council = simulate_council(seed=5, children_in_care=200, as_at=AS_AT)
    with django_db_blocker.unblock(), transaction.atomic():
        council_write(council)
        snap = snapshot_from_record(AS_AT)
        children = list(m.Child.objects.values("la_child_id", "upn", "dob"))
        names = list(m.ChildName.objects.values_list("given_name", "family_name"))
        council_name = m.Council.objects.get().name
        transaction.set_rollback(True)
    return {"snap": snap, "children": children, "names": names, "council": council_name}


@pytest.fixture(scope="session")
def source(generated):
    return EngineSource(generated["snap"])


@pytest.fixture(scope="module", autouse=True)
def _band_schemes_readable(django_db_blocker):
    """Packs read the council's band schemes from the database, also in module-wide fixtures."""
    with django_db_blocker.unblock():
        yield
