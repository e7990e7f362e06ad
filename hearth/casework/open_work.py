"""Each child's open obligations, kept in the database between requests (StoredWork).

Working out obligations means reading a child's whole record and running every duty rule on it:
about 1 ms a child, so a team of 300 takes a third of a second and a service of 5,000 several
seconds. A child's open work changes only when their record changes, the date moves on or the
council's policy changes, so it is kept per child and worked out again only then:

- every change to a record row moves the child's `version` on, in the same transaction as the
  change (`record_changed`, called by a post_save signal on each record model, see signals.py);
- the work is stored with the version it was worked out from, the date and the policy key, and is
  used only while all three still match;
- storing is conditional on the version being the one read *before* the facts were read, so a
  change committed while the work was being worked out leaves the row stale, never wrong.

The nightly `hearth worklists` command works out everyone's for the new day, so the first page
of the morning does not pay for it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, timedelta
from hashlib import sha256

from django.db import connection
from django.db.models import QuerySet

from hearth.casework.models import StoredWork
from hearth.domain.obligations import Obligation, ObligationStatus, obligations_for
from hearth.domain.obligations.base import Kind
from hearth.domain.obligations.registry import RULES
from hearth.domain.policy import Policy
from hearth.records.facts import facts_for
from hearth.records.models import Child

# History settled more than this long ago is not worklist material.
LOOK_BACK = timedelta(days=60)
# Rules by id and version, to turn stored obligations back into the rules' own objects. A release
# that adds or edits a rule's id, version, title or dates changes the fingerprint, and so every
# stored row's key; one that changes only a rule's logic should run `hearth worklists`.
_RULE = {(rule.rule_id, rule.version): rule for rule in RULES}
_TABLE = StoredWork._meta.db_table
# Children worked out and stored per statement: well inside SQLite's and PostgreSQL's limits on
# parameters in one statement (6 a child).
CHUNK = 2000
RULES_FINGERPRINT = sha256(repr(RULES).encode()).hexdigest()[:8]


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def dump(obligations: Iterable[Obligation]) -> str:
    return json.dumps([
        [ob.rule_id, ob.rule.version, _iso(ob.trigger_date), _iso(ob.legal_due), _iso(ob.plan_by), ob.status.value,
         ob.kind.value, _iso(ob.target_due), ob.target_met, _iso(ob.completed_on), _iso(ob.closes_on),
         _iso(ob.late_until), ob.occurrence, ob.note]
        for ob in obligations
    ], separators=(",", ":"))


def load(text: str) -> list[Obligation]:
    return [
        Obligation(rule_id, _RULE[(rule_id, version)], _day(trigger), _day(due), _day(plan_by),
                   ObligationStatus(status), Kind(kind), _day(target_due), target_met, _day(completed),
                   _day(closes), _day(late_until), occurrence, note)
        for rule_id, version, trigger, due, plan_by, status, kind, target_due, target_met, completed, closes,
        late_until, occurrence, note in json.loads(text)
    ]


def open_obligations(children: QuerySet[Child], *, as_at: date, policy: Policy,
                     policy_key: str) -> dict[int, list[Obligation]]:
    """Every child's open obligations on as_at, soonest due first: stored work where it is fresh,
    worked out (and stored) for the rest. One query when all are fresh, and two more (the facts,
    the store) per CHUNK of children to work out."""
    key = f"{policy_key}:{RULES_FINGERPRINT}"
    # The versions are read before the facts (see the module's docstring).
    rows = children.order_by().values_list("pk", "stored_work__version", "stored_work__computed_from",
                                           "stored_work__as_at", "stored_work__policy", "stored_work__obligations")
    out: dict[int, list[Obligation]] = {}
    stale: dict[int, int] = {}
    for pk, version, computed_from, stored_on, stored_key, stored in rows:
        if version is not None and computed_from == version and stored_on == as_at and stored_key == key:
            out[pk] = load(stored)
        else:
            stale[pk] = version or 0
    pks = list(stale)
    for i in range(0, len(pks), CHUNK):
        worked_out = {
            pk: sorted((ob for ob in obligations_for(facts, as_at, policy, since=as_at - LOOK_BACK) if ob.is_outstanding),
                       key=lambda ob: ob.legal_due)
            for pk, facts in facts_for(Child.objects.filter(pk__in=pks[i:i + CHUNK])).items()
        }
        _store({pk: (stale[pk], dump(obs)) for pk, obs in worked_out.items()}, as_at=as_at, key=key)
        out.update(worked_out)
    return out


def _store(work: dict[int, tuple[int, str]], *, as_at: date, key: str) -> None:
    """Insert or update each child's row, but only where the version is still the one read."""
    if not work:
        return
    values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(work))
    params = [p for pk, (version, text) in work.items() for p in (pk, version, version, as_at.isoformat(), key, text)]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {_TABLE} (child_id, version, computed_from, as_at, policy, obligations) VALUES {values} "
            f"ON CONFLICT (child_id) DO UPDATE SET computed_from = excluded.computed_from, as_at = excluded.as_at, "
            f"policy = excluded.policy, obligations = excluded.obligations WHERE {_TABLE}.version = excluded.version",
            params,
        )


def record_changed(child_pks: Iterable[int]) -> None:
    """Move these children's version on, so their stored work is worked out afresh."""
    pks = sorted(set(child_pks))
    if not pks:
        return
    values = ", ".join(["(%s, 1, '', '')"] * len(pks))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {_TABLE} (child_id, version, policy, obligations) VALUES {values} "
            f"ON CONFLICT (child_id) DO UPDATE SET version = {_TABLE}.version + 1",
            pks,
        )


def work_out_all(*, as_at: date, policy: Policy, policy_key: str) -> int:
    """Bring every child's stored work up to date for as_at (the nightly run); how many children."""
    pks = list(Child.objects.order_by("pk").values_list("pk", flat=True))
    for i in range(0, len(pks), CHUNK):  # a chunk at a time, so memory stays flat in a large council
        open_obligations(Child.objects.filter(pk__in=pks[i:i + CHUNK]), as_at=as_at, policy=policy,
                         policy_key=policy_key)
    return len(pks)
