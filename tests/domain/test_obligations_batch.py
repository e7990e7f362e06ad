"""Many children at once: obligations_for_many and map_obligations give what obligations_for gives."""

import pickle
import random
from datetime import date, timedelta

import pytest

from hearth.domain.obligations import (
    ChildFacts,
    Contact,
    Episode,
    ObligationStatus,
    Waiver,
    map_obligations,
    obligations_for,
    obligations_for_many,
)
from hearth.domain.obligations.base import Role, Rule, Strength
from hearth.domain.obligations.batch import pack, unpack
from hearth.domain.policy import LeavingCarePolicy, Policy

AS_OF = date(2026, 3, 31)


def every(r: random.Random, start: date, days: int) -> tuple[date, ...]:
    return tuple(start + timedelta(days=days * i + r.randint(0, 9)) for i in range(r.randint(0, 12)))


def children(n: int) -> list[ChildFacts]:
    r = random.Random(7)
    out = []
    for i in range(n):
        dob = date(2004, 1, 1) + timedelta(days=r.randint(0, 365 * 18))
        start = max(dob, date(2017, 1, 1)) + timedelta(days=r.randint(0, 900))
        end = None if r.random() < 0.5 else start + timedelta(days=r.randint(30, 1500))
        out.append(
            ChildFacts(
                dob=dob,
                episodes=(
                    Episode(start, end, r.choice(["C2", "V2"]), r.choice(["U4", "U6", "K2"]), "E4A" if end else None),
                ),
                reviews=every(r, start, 170),
                visits=every(r, start, 40),
                health_assessments=every(r, start, 360),
                contacts=tuple(Contact(d, in_person=True) for d in every(r, start, 55)),
                date_of_death=AS_OF - timedelta(days=30) if i % 9 == 0 else None,
                waivers=(Waiver("D07", start, "agreed by the IRO"),) if i % 4 == 0 else (),
            )
        )
    return out


KIDS = children(40)
SINCE = AS_OF - timedelta(days=365)


@pytest.mark.parametrize("since", [None, SINCE])
def test_workers_give_the_same_obligations_in_the_same_order(since: date | None) -> None:
    expected = [obligations_for(c, AS_OF, since=since) for c in KIDS]
    assert list(obligations_for_many(KIDS, AS_OF, since=since, processes=2, chunk_size=7)) == expected


def test_it_runs_in_this_process_when_asked_for_one_or_given_a_generator() -> None:
    policy = Policy(leaving_care=LeavingCarePolicy(keep_in_touch_until_age=25))
    expected = [obligations_for(c, AS_OF, policy) for c in KIDS]
    assert list(obligations_for_many(KIDS, AS_OF, policy, processes=1)) == expected
    assert list(obligations_for_many(iter(KIDS), AS_OF, policy, processes=2, chunk_size=10)) == expected


def test_map_obligations_sends_back_only_what_fn_returns() -> None:
    expected = [len(obligations_for(c, AS_OF)) for c in KIDS]
    assert list(map_obligations(len, KIDS, AS_OF, processes=2, chunk_size=5)) == expected


def test_packed_obligations_come_back_equal_with_the_registry_s_rule_objects() -> None:
    obs = [ob for c in KIDS for ob in obligations_for(c, AS_OF)]
    assert {ob.status for ob in obs} >= {ObligationStatus.WAIVED, ObligationStatus.OPEN, ObligationStatus.MET}
    back = unpack(pickle.loads(pickle.dumps(pack(obs))))
    assert back == obs
    assert all(a.rule is b.rule for a, b in zip(back, obs, strict=True))
    # A rule that is not in the registry travels as itself.
    local = obs[0]._replace(rule=Rule("X1", "local", "local", Strength.L, Role.COUNCIL), rule_id="X1")
    assert unpack(pickle.loads(pickle.dumps(pack([local])))) == [local]


def test_an_obligation_is_immutable_and_changed_by_replace() -> None:
    ob = obligations_for(KIDS[1], AS_OF)[0]
    with pytest.raises(AttributeError):
        ob.status = ObligationStatus.MET  # type: ignore[misc]
    waived = ob._replace(status=ObligationStatus.WAIVED, note="reason")
    assert (waived.status, waived.note, waived.rule_id, ob.note) == (ObligationStatus.WAIVED, "reason", ob.rule_id, "")
    assert pickle.loads(pickle.dumps(ob)) == ob
