"""Every duty family and every rule, in one list (one module per duty, as the 903 rules are).

Adding a duty means adding a module with `RULES` and `generate(ctx)` and listing it here. The
registry refuses two rules with the same id and version.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from types import ModuleType

from hearth.domain.obligations import (
    accommodation,
    care_planning,
    custody,
    education,
    health,
    keeping_in_touch,
    pathway,
    permanence,
    personal_adviser,
    records,
    reviews,
    transition,
    visits,
)
from hearth.domain.obligations.base import Obligation, Rule
from hearth.domain.obligations.context import Context

FAMILIES: tuple[ModuleType, ...] = (
    care_planning,
    reviews,
    visits,
    health,
    education,
    pathway,
    personal_adviser,
    keeping_in_touch,
    accommodation,
    transition,
    custody,
    permanence,
    records,
)

Generator = Callable[[Context], Iterable[Obligation]]
GENERATORS: tuple[Generator, ...] = tuple(family.generate for family in FAMILIES)


def _collect() -> tuple[Rule, ...]:
    rules: list[Rule] = []
    seen: set[tuple[str, str]] = set()
    for family in FAMILIES:
        for rule in family.RULES:
            key = (rule.rule_id, rule.version)
            if key in seen:
                raise ValueError(f"duplicate rule {rule.rule_id} version {rule.version}")
            seen.add(key)
            rules.append(rule)
    return tuple(rules)


RULES: tuple[Rule, ...] = _collect()


def rule_ids() -> list[str]:
    return sorted({r.rule_id for r in RULES})
