"""Obligations for many children at once, split across worker processes (national runs).

Every child is independent, so the children are cut into chunks and each worker process runs
`obligations_for` on a chunk at a time. With the fork start method (Linux) the workers inherit
the facts and every warmed cache: only chunk bounds go out, and only results come back.

Results cross a process boundary by pickling, and pickling a date costs more than working it
out, so `obligations_for_many` sends obligations back packed (dates as day numbers, rules as
registry positions) and rebuilds them in the caller. When the caller only needs something
small per child (counts, a timeliness table), `map_obligations` works it out in the workers and
sends back only that.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from functools import cache
from typing import Any, TypeVar

from hearth.domain.obligations.base import Kind, Obligation, ObligationStatus, Rule
from hearth.domain.obligations.facts import ChildFacts
from hearth.domain.policy import DEFAULT_POLICY, Policy

T = TypeVar("T")
CHUNK_SIZE = 250  # children per task: big enough to amortise the round trip, small enough to balance the load

# An obligation as sent between processes: the rule (its registry position, or the Rule itself
# if it is not registered), then every date as a day number (0 for None).
Packed = tuple[int | Rule, int, int, int, ObligationStatus, Kind, int, bool | None, int, int, int, int, str]


def available_cpus() -> int:
    """CPUs this process may run on (the affinity mask, where the platform has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def map_obligations(
    fn: Callable[[list[Obligation]], T],
    facts: Iterable[ChildFacts],
    as_of: date,
    policy: Policy = DEFAULT_POLICY,
    *,
    since: date | None = None,
    processes: int | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[T]:
    """`fn(obligations_for(child, ...))` for every child, in order, worked out in worker processes.

    `fn` runs in the workers and only its results travel back, so keep them small. Without the
    fork start method (macOS, Windows) `fn` must be picklable (a module-level function) and the
    facts are pickled to every worker. `processes` defaults to the CPUs available; with 1, or
    with too few children to share out, everything runs in this process.
    """
    from hearth.domain.obligations import obligations_for

    children, workers = _share_out(facts, processes, chunk_size)
    if workers <= 1:
        for child in children:
            yield fn(obligations_for(child, as_of, policy, since=since))
        return
    bounds = [(i, min(i + chunk_size, len(children))) for i in range(0, len(children), chunk_size)]
    mp = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with mp.Pool(workers, _start_worker, (children, as_of, policy, since, fn)) as pool:
        for results in pool.imap(_run_chunk, bounds):
            yield from results


def obligations_for_many(
    facts: Iterable[ChildFacts],
    as_of: date,
    policy: Policy = DEFAULT_POLICY,
    *,
    since: date | None = None,
    processes: int | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[list[Obligation]]:
    """`obligations_for` for every child, in order, worked out in worker processes (see `map_obligations`)."""
    from hearth.domain.obligations import obligations_for

    children, workers = _share_out(facts, processes, chunk_size)
    if workers <= 1:
        for child in children:
            yield obligations_for(child, as_of, policy, since=since)
        return
    for packed in map_obligations(pack, children, as_of, policy, since=since, processes=workers, chunk_size=chunk_size):
        yield unpack(packed)


def _share_out(facts: Iterable[ChildFacts], processes: int | None, chunk_size: int) -> tuple[Sequence[ChildFacts], int]:
    """The children as a sequence, and how many workers are worth starting for them."""
    children = facts if isinstance(facts, Sequence) else list(facts)
    chunks = -(-len(children) // chunk_size)
    return children, min(processes or available_cpus(), chunks)


# -- in the worker ---------------------------------------------------------------------------

_job: tuple[Sequence[ChildFacts], date, Policy, date | None, Callable[[list[Obligation]], Any]] | None = None


def _start_worker(
    children: Sequence[ChildFacts],
    as_of: date,
    policy: Policy,
    since: date | None,
    fn: Callable[[list[Obligation]], Any],
) -> None:
    global _job
    # The facts live as long as the worker: keep the garbage collector from walking them (and,
    # after a fork, from touching and so copying their memory pages).
    gc.freeze()
    _job = (children, as_of, policy, since, fn)


def _run_chunk(bounds: tuple[int, int]) -> list[Any]:
    from hearth.domain.obligations import obligations_for

    assert _job is not None, "the pool initialiser sets the job"
    children, as_of, policy, since, fn = _job
    return [fn(obligations_for(children[i], as_of, policy, since=since)) for i in range(*bounds)]


# -- packing ---------------------------------------------------------------------------------


@cache
def _rule_positions() -> tuple[tuple[Rule, ...], dict[int, int]]:
    """The registry's rules, and each one's position, by identity (they are module constants)."""
    from hearth.domain.obligations.registry import RULES

    return RULES, {id(rule): i for i, rule in enumerate(RULES)}


def pack(obs: list[Obligation]) -> list[Packed]:
    """Obligations as tuples of plain values that pickle quickly (`unpack` reverses it)."""
    _, positions = _rule_positions()
    return [
        (
            positions.get(id(o.rule), o.rule),
            o.trigger_date.toordinal(),
            o.legal_due.toordinal(),
            o.plan_by.toordinal(),
            o.status,  # enum members and notes pickle once per chunk (pickle remembers objects it has sent)
            o.kind,
            o.target_due.toordinal() if o.target_due is not None else 0,
            o.target_met,
            o.completed_on.toordinal() if o.completed_on is not None else 0,
            o.closes_on.toordinal() if o.closes_on is not None else 0,
            o.late_until.toordinal() if o.late_until is not None else 0,
            o.occurrence,
            o.note,
        )
        for o in obs
    ]


def unpack(packed: list[Packed]) -> list[Obligation]:
    rules, _ = _rule_positions()
    day = date.fromordinal
    new = tuple.__new__  # as in base.deadline: skips NamedTuple's Python-level __new__
    out: list[Obligation] = []
    for r, trigger, due, plan, status, kind, target, target_met, done, closes, late, occurrence, note in packed:
        rule = rules[r] if isinstance(r, int) else r
        out.append(
            new(
                Obligation,
                (
                    rule.rule_id,
                    rule,
                    day(trigger),
                    day(due),
                    day(plan),
                    status,
                    kind,
                    day(target) if target else None,
                    target_met,
                    day(done) if done else None,
                    day(closes) if closes else None,
                    day(late) if late else None,
                    occurrence,
                    note,
                ),
            )
        )
    return out
