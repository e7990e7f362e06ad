"""Statutory obligations for one child: `obligations_for(facts, as_of, policy)`.

Pure Python (statutory-duties.md §3): facts in, obligations out, judged as of `as_of`. Each
obligation names its rule, version, source and strength; see `registry.RULES` for the list.
"""

from __future__ import annotations

from datetime import date
from operator import attrgetter

from hearth.domain.obligations.base import Kind, Obligation, ObligationStatus, Role, Rule, Strength, judge
from hearth.domain.obligations.batch import map_obligations, obligations_for_many
from hearth.domain.obligations.context import Context
from hearth.domain.obligations.facts import (
    AccommodationSpell,
    AdoptionDecision,
    AdoptivePlacement,
    ChildFacts,
    Contact,
    EhcRequest,
    Episode,
    MissingEpisode,
    PaAllocation,
    Proceedings,
    RecordsRequest,
    Waiver,
)
from hearth.domain.policy import DEFAULT_POLICY, Policy

SURVIVES_DEATH = frozenset({"D55", "D56"})
_LEGAL_DUE, _RULE_ID, _OCCURRENCE = attrgetter("legal_due"), attrgetter("rule_id"), attrgetter("occurrence")


def _apply_waivers_and_death(
    obs: list[Obligation], facts: ChildFacts, death: date | None, as_of: date
) -> list[Obligation]:
    out: list[Obligation] = []
    for ob in obs:
        for w in facts.waivers:
            if w.rule_id == ob.rule_id and w.trigger_date == ob.trigger_date and w.occurrence in (None, ob.occurrence):
                ob = ob._replace(status=ObligationStatus.WAIVED, note=w.reason)
                break
        if (
            death is not None
            and ob.rule_id not in SURVIVES_DEATH
            and ob.status is ObligationStatus.OPEN
            and death <= as_of
        ):
            # Death closes every obligation except records (§2.5 case 14).
            status, late_until = judge(ob.legal_due, None, death, as_of)
            ob = ob._replace(status=status, closes_on=death, late_until=late_until)
        out.append(ob)
    return out


def _settled_before(ob: Obligation, since: date, as_of: date) -> bool:
    """Done, missed or no longer applicable before `since`, and due before it."""
    if ob.legal_due >= since:
        return False
    if ob.completed_on is not None:
        return ob.completed_on < since
    return ob.closes_on is not None and ob.closes_on <= min(since, as_of)


def obligations_for(
    facts: ChildFacts, as_of: date, policy: Policy = DEFAULT_POLICY, *, since: date | None = None
) -> list[Obligation]:
    """Every obligation for this child triggered on or before `as_of`, sorted by legal due date.

    `since` (optional) leaves out obligations that were due and settled (done, missed or no longer
    applicable) before that date: a worklist or a year's timeliness figures do not need the whole
    history, and recurring chains are still walked from the start so every due date is the same.
    """
    from hearth.domain.obligations.registry import GENERATORS

    ctx = Context(facts, as_of, policy, since)
    obs: list[Obligation] = []
    for generate in GENERATORS:
        obs.extend(generate(ctx))
    if facts.waivers or ctx.death is not None:
        obs = _apply_waivers_and_death(obs, facts, ctx.death, as_of)
    if since is not None:
        obs = [o for o in obs if not _settled_before(o, since, as_of)]
    # Stable sorts from the least significant key up give the order of (legal_due, rule_id, occurrence)
    # without building a key tuple for every obligation.
    obs.sort(key=_OCCURRENCE)
    obs.sort(key=_RULE_ID)
    obs.sort(key=_LEGAL_DUE)
    return obs


__all__ = [
    "AccommodationSpell",
    "AdoptionDecision",
    "AdoptivePlacement",
    "ChildFacts",
    "Contact",
    "EhcRequest",
    "Episode",
    "Kind",
    "MissingEpisode",
    "Obligation",
    "ObligationStatus",
    "PaAllocation",
    "Proceedings",
    "RecordsRequest",
    "Role",
    "Rule",
    "Strength",
    "Waiver",
    "map_obligations",
    "obligations_for",
    "obligations_for_many",
]
