"""Which recording form meets which duty, so a worklist item opens the form that clears it.

Each duty (a rule in hearth.domain.obligations) is met by something on the record; where one of
the casework forms (hearth.casework.actions.ACTIONS) records that thing, the worklist links to it
and the form comes back to the worklist after saving. Duties met by something no form records yet
(a LAC review, a health assessment, a PEP and the other duty records) link to the child's record.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse

from hearth.casework.actions import ACTIONS

# rule id -> ACTIONS slug. What meets each rule is in hearth.records.facts (what the rules read).
FORM_FOR_RULE: dict[str, str] = {
    # Visits and contacts: a contact (in person where the rule asks for it).
    "D09": "contact",  # statutory visit: a visit
    "D26": "contact",  # PA visit at the new accommodation: in person, or marked as after the move
    "D27": "contact",  # two-monthly PA visit
    "D27.before_review": "contact",
    "D28": "contact",  # keep in touch: any contact
    "D28.local": "contact",
    "D29": "contact",  # re-contact after declining support
    "D49": "contact",  # visit to a child in custody
    "D50.visit": "contact",
    # Pathway planning.
    "D20": "needs-assessment",
    "D34.assessment": "needs-assessment",
    "D21": "pathway-plan",
    "D34.plan": "pathway-plan",
    "D23": "pathway-plan-review",
    "D24": "pathway-plan-review",  # review after new accommodation
    "D50.review": "pathway-plan-review",
    "D50.release": "pathway-plan-review",
    # A personal adviser.
    "D25": "personal-adviser",
    "D34.pa": "personal-adviser",
    # Where they live: a move out of bed and breakfast ends the breach; an unregulated placement
    # of a child under 16 ends with a placement change. (D43.16_17 may be either, so it is left to
    # the child's record.)
    "D42": "accommodation",
    "D43.under16": "episode-change",
}


def duty_form_url(rule_id: str, child_pk: int, *, back_to: str) -> str:
    """The form that meets this duty for this child, returning to `back_to` after saving; or,
    where no form meets it, the child's record."""
    slug = FORM_FOR_RULE.get(rule_id)
    if slug is None or slug not in ACTIONS:
        return reverse("casework:child_record", args=[child_pk])
    return f"{reverse('casework:record', args=[child_pk, slug])}?{urlencode({'next': back_to})}"
