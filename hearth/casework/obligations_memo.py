"""Obligations remembered per child while the child's facts stay the same.

The deadline rules are pure: the same facts, date, policy and look-back give the same obligations
(hearth.domain reads no clock). Working them out is the dearest part of a worklist (about 1 ms a
child, so 0.3 s for a team of 300), while comparing a child's facts with last time's costs a small
fraction of that. So each process keeps the last answer per child's facts: a worklist opened again,
or a team's after a colleague's, recomputes only the children whose record changed. Any change to
the record changes the facts, so nothing stale is ever returned; the facts are still read afresh
from the database on every request.
"""

from __future__ import annotations

from datetime import date

from hearth.domain.obligations import Obligation, obligations_for
from hearth.domain.obligations.facts import ChildFacts
from hearth.domain.policy import Policy

# Per process: about a large council's open cases; entries are dropped oldest first.
MAX_CHILDREN = 4000
# (policy, as_at, since) -> {facts: obligations}. Only the latest few days and policies are kept.
_memo: dict[tuple[Policy, date, date | None], dict[ChildFacts, tuple[Obligation, ...]]] = {}
MAX_KEYS = 2


def obligations_by_child(facts: dict[int, ChildFacts], as_of: date, policy: Policy, *,
                         since: date | None = None) -> dict[int, tuple[Obligation, ...]]:
    """obligations_for(...) for each child (keyed as `facts` is), remembered per child's facts."""
    key = (policy, as_of, since)  # hashing a policy takes a while: once per call, not per child
    memo = _memo.get(key)
    if memo is None:
        while len(_memo) >= MAX_KEYS:
            _memo.pop(next(iter(_memo)))
        memo = _memo[key] = {}
    out = {}
    for pk, child in facts.items():
        try:
            found = memo.get(child)
        except TypeError:  # facts that cannot be hashed are simply not remembered
            out[pk] = tuple(obligations_for(child, as_of, policy, since=since))
            continue
        if found is None:
            found = memo[child] = tuple(obligations_for(child, as_of, policy, since=since))
            if len(memo) > MAX_CHILDREN:
                memo.pop(next(iter(memo)))
        out[pk] = found
    return out


def forget() -> None:
    """Drop everything remembered (tests)."""
    _memo.clear()
