"""Writes to the record. Every change goes through one function per action, so forms, imports
and the API apply the same rules. (The audit log arrives with the casework screens.)"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from hearth.domain.episodes import Span, overlapping
from hearth.records.errors import explain
from hearth.records.models import Child, Episode

OVERLAP_MESSAGE = "This episode's dates overlap another episode of care for this child ({other})."


def _describe(span: Span) -> str:
    end = span.end.strftime("%d/%m/%Y") if span.end else "still open"
    return f"{span.start.strftime('%d/%m/%Y')} to {end}"


def episode_overlaps(*, episode: Episode) -> list[Span]:
    """The child's other episodes that this one would overlap."""
    others = Episode.objects.filter(child_id=episode.child_id).exclude(pk=episode.pk)
    existing = [Span(e.decom, e.dec) for e in others.only("decom", "dec")]
    return overlapping(existing, Span(episode.decom, episode.dec))


def episode_save(*, episode: Episode) -> Episode:
    """Validate and save an episode: its own fields, its codes, and against the child's other episodes."""
    episode.full_clean()
    clashes = episode_overlaps(episode=episode)
    if clashes:
        raise ValidationError(
            OVERLAP_MESSAGE.format(other=_describe(clashes[0])), code="episode_overlap"
        )
    try:
        with transaction.atomic():
            episode.save()
    except IntegrityError as error:
        # The database is the last line: a concurrent write can still be refused there.
        raise ValidationError(explain(error), code="refused_by_database") from error
    return episode


def episode_create(*, child: Child, decom: date, **fields: object) -> Episode:
    return episode_save(episode=Episode(child=child, decom=decom, **fields))
