"""Episodes of care: starting a period of care, changing placement or legal status, leaving care."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from hearth.domain.episodes import Span, overlapping, reason_for_new_episode
from hearth.records.models import Child, Episode
from hearth.records.services.base import as_json, save_and_audit

OVERLAP_MESSAGE = "This episode's dates overlap another episode of care for this child ({other})."


def _describe(span: Span) -> str:
    end = span.end.strftime("%d/%m/%Y") if span.end else "still open"
    return f"{span.start.strftime('%d/%m/%Y')} to {end}"


def episode_overlaps(*, episode: Episode) -> list[Span]:
    """The child's other episodes that this one would overlap."""
    others = Episode.objects.filter(child_id=episode.child_id).exclude(pk=episode.pk)
    existing = [Span(e.decom, e.dec) for e in others.only("decom", "dec")]
    return overlapping(existing, Span(episode.decom, episode.dec))


def episode_save(*, episode: Episode, by=None) -> Episode:
    """Validate and save an episode: its own fields, its codes, and against the child's other episodes."""
    episode.full_clean()
    clashes = episode_overlaps(episode=episode)
    if clashes:
        raise ValidationError(OVERLAP_MESSAGE.format(other=_describe(clashes[0])), code="episode_overlap")
    before = as_json(Episode.objects.filter(pk=episode.pk).first()) if episode.pk else None
    return save_and_audit(by=by, instance=episode, child_pk=episode.child_id, what="Episode", before=before)


def episode_create(*, child: Child, decom: date, by=None, **fields: object) -> Episode:
    return episode_save(episode=Episode(child=child, decom=decom, **fields), by=by)


def _open_episode(child: Child) -> Episode | None:
    return Episode.objects.filter(child=child, dec__isnull=True).first()


@transaction.atomic
def period_of_care_start(*, by, child: Child, decom: date, ls: str, cin: str, place: str,
                         place_provider: str = "", home_post: str = "", pl_post: str = "", urn: str = "") -> Episode:
    """A child starts to be looked after: the first episode of a new period of care (RNE S)."""
    if _open_episode(child):
        raise ValidationError("This child is already looked after. Record a placement or legal status change instead.",
                              code="already_looked_after")
    return episode_create(by=by, child=child, decom=decom, rne="S", ls=ls, cin=cin, place=place,
                          place_provider=place_provider, home_post=home_post, pl_post=pl_post, urn=urn)


@transaction.atomic
def episode_change(*, by, child: Child, on: date, ls: str, place: str, place_provider: str = "",
                   carer_changed: bool = True, reason_place_change: str = "", pl_post: str = "",
                   urn: str = "") -> Episode:
    """A placement or legal status change: the open episode ends (X1) and the next starts the same day,
    so there is never a gap inside a period of care."""
    current = _open_episode(child)
    if current is None:
        raise ValidationError("This child is not looked after now, so there is no episode to change.",
                              code="not_looked_after")
    placement_changed = place != current.place or (pl_post and pl_post != current.pl_post) or carer_changed
    if not placement_changed and ls == current.ls:
        raise ValidationError("Nothing has changed: choose a new placement, a new legal status, or both.",
                              code="no_change")
    if placement_changed and not reason_place_change and place not in ("T0", "T1", "T2", "T3", "T4") \
            and current.place not in ("T0", "T1", "T2", "T3", "T4"):
        raise ValidationError("Select the reason for the placement change.", code="reason_needed")
    current.dec, current.rec = on, "X1"
    current.reason_place_change = reason_place_change if placement_changed else ""
    episode_save(episode=current, by=by)
    rne = reason_for_new_episode(legal_status_changed=ls != current.ls, placement_changed=bool(placement_changed),
                   carer_changed=carer_changed)
    return episode_create(
        by=by, child=child, decom=on, rne=rne, ls=ls, cin=current.cin, place=place,
        place_provider=place_provider if placement_changed else current.place_provider,
        home_post=current.home_post, pl_post=pl_post or current.pl_post, urn=urn if placement_changed else current.urn,
    )


@transaction.atomic
def care_leave(*, by, child: Child, on: date, rec: str) -> Episode:
    """The child stops being looked after: the open episode ends with the reason (an E code)."""
    if rec == "X1" or not rec.startswith("E"):
        raise ValidationError("Choose why the child left care (a reason starting with E).", code="not_a_leaving_reason")
    current = _open_episode(child)
    if current is None:
        raise ValidationError("This child is not looked after now.", code="not_looked_after")
    current.dec, current.rec = on, rec
    return episode_save(episode=current, by=by)
