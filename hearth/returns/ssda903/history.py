"""Each child's 903 history read from the record: the inverse of what `hearth 903 import` writes.

One query per table for each 2,000 children (prefetches), so a council's export costs a dozen
queries whatever its size. Rows are ordered by their 903 date, then by id, so the same record always gives the
same return, whichever order the rows were written in.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Prefetch, QuerySet

from hearth.domain.ssda903.history import (
    AdoptionRecord,
    BirthdayRecord,
    ChildHistory,
    Dolo,
    Episode,
    Missing,
    Outcome,
    PlacedAdoption,
    PrevPerm,
    Review,
    SWEpisode,
)
from hearth.records import models as m

SOCIAL_WORKER = "SOCIAL_WORKER"


def _children(children: QuerySet[m.Child] | None = None) -> QuerySet[m.Child]:
    children = m.Child.objects.all() if children is None else children
    return children.order_by("la_child_id").prefetch_related(
        Prefetch("episodes", queryset=m.Episode.objects.order_by("decom", "pk")),
        Prefetch("reviews", queryset=m.Review.objects.order_by("review", "pk")),
        Prefetch("missing_episodes", queryset=m.MissingEpisode.objects.order_by("mis_start", "pk")),
        Prefetch("annual_outcomes", queryset=m.AnnualOutcome.objects.order_by("year", "pk")),
        Prefetch("birthday_records", queryset=m.CareLeaverBirthday.objects.order_by("year", "pk")),
        Prefetch("adoptions", queryset=m.Adoption.objects.order_by("-date_int", "-pk")),
        Prefetch("adoption_decisions", queryset=m.PlacedForAdoption.objects.order_by("date_placed", "pk")),
        Prefetch("previous_permanence", queryset=m.PreviousPermanence.objects.order_by("period_start", "pk")),
        Prefetch("dolos", queryset=m.DeprivationOfLiberty.objects.order_by("dolo_start", "pk")),
        Prefetch(
            "allocations",
            queryset=m.Allocation.objects.filter(role=SOCIAL_WORKER).select_related("worker").order_by("start", "pk"),
            to_attr="sw_allocations",
        ),
    )


def child_history(c: m.Child) -> ChildHistory:
    """One prefetched child as the 903 sees them."""
    adoption = next(iter(c.adoptions.all()), None)  # the latest, should a child have two
    return ChildHistory(
        child=c.la_child_id,
        sex=c.sex,
        dob=c.dob,
        ethnic=c.ethnic,
        upn=c.upn,
        mc_dob=c.mc_dob,
        uasc=c.is_uasc,
        duc=c.duc,
        episodes=tuple(
            Episode(e.decom, e.rne, e.ls, e.cin, e.place, e.place_provider, e.dec, e.rec, e.reason_place_change,
                    e.home_post, e.pl_post, e.urn)
            for e in c.episodes.all()
        ),
        reviews=tuple(Review(r.review, r.review_code) for r in c.reviews.all()),
        missing=tuple(Missing(x.missing, x.mis_start, x.mis_end) for x in c.missing_episodes.all()),
        outcomes=tuple(
            Outcome(o.year, o.sdq_score, o.sdq_reason, o.convicted, o.health_check, o.immunisations, o.teeth_check,
                    o.health_assessment, o.substance_misuse, o.intervention_received, o.intervention_offered)
            for o in c.annual_outcomes.all()
        ),
        birthdays=tuple(BirthdayRecord(b.year, b.in_touch, b.activ, b.accom) for b in c.birthday_records.all()),
        adoption=None if adoption is None else AdoptionRecord(
            adoption.date_int, adoption.date_match, adoption.foster_care, adoption.nb_adoptr, adoption.sex_adoptr,
            adoption.ls_adoptr),
        placed_adoption=tuple(
            PlacedAdoption(p.date_placed, p.date_placed_ceased, p.reason_placed_ceased)
            for p in c.adoption_decisions.all()
        ),
        prevperm=tuple(
            PrevPerm(p.period_start, p.prev_perm, p.la_perm, p.date_perm) for p in c.previous_permanence.all()
        ),
        sw_episodes=tuple(SWEpisode(a.worker.sw_id, a.start, a.end, a.sw_reason) for a in c.sw_allocations),
        dolo=tuple(Dolo(d.dolo_start, d.dolo_end) for d in c.dolos.all()),
    )


def history_list(children: QuerySet[m.Child] | None = None) -> Iterator[ChildHistory]:
    """Every child in the record (or those given), ordered by CHILD (the order the return's rows go in)."""
    for c in _children(children).iterator(chunk_size=2000):
        yield child_history(c)
