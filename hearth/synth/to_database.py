"""Write a generated council into the record: bulk inserts in batches, all in one transaction.

Rows go in with `executemany` on prepared INSERTs rather than through model instances: for the
few hundred thousand rows of a council that is ten times faster, and the database's own CHECK
constraints, foreign keys and episode overlap trigger still judge every row. Primary keys of the
rows others point at are given here (counting on from the table's highest id), and PostgreSQL's
sequences are reset afterwards.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from decimal import Decimal

from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max, Model

from hearth.domain.ssda903.years import age_on, birthday, collection_end
from hearth.records import models as m
from hearth.synth.model import SynthCouncil

BATCH = 5000
# Leaves first, so a replace deletes without tripping foreign keys.
SYNTH_MODELS: tuple[type[Model], ...] = (
    m.DutyRecord, m.PathwayPlanAction, m.PathwayPlanReview, m.PathwayPlan, m.NeedsAssessment, m.Contact, m.Accommodation,
    m.EETSpell, m.StayingPut, m.SupportRequest, m.EntitlementGiven, m.Allocation, m.Episode, m.Review,
    m.MissingEpisode, m.AnnualOutcome, m.CareLeaverBirthday, m.Adoption, m.PlacedForAdoption,
    m.PreviousPermanence, m.DeprivationOfLiberty, m.ChildName, m.Child, m.Worker, m.Team, m.Provider, m.Council,
)
# Model -> the fields each row gives, in order.
FIELDS: dict[type[Model], tuple[str, ...]] = {
    m.Council: ("name", "la_code", "region"),
    m.Team: ("id", "name", "kind", "locality"),
    m.Worker: ("id", "name", "role", "experience_band", "team", "sw_id", "active"),
    m.Provider: ("id", "name", "kind", "place_provider", "postcode", "urn", "la_code"),
    m.Child: ("id", "la_child_id", "upn", "sex", "dob", "ethnic", "is_uasc", "duc", "mother", "mc_dob",
              "date_of_death"),
    m.ChildName: ("child", "given_name", "family_name", "preferred_name"),
    m.Episode: ("child", "decom", "rne", "ls", "cin", "place", "place_provider", "provider", "home_post", "pl_post",
                "pl_la", "urn", "dec", "rec", "reason_place_change"),
    m.Review: ("child", "review", "review_code"),
    m.MissingEpisode: ("child", "missing", "mis_start", "mis_end", "return_interview_offered",
                       "return_interview_taken"),
    m.AnnualOutcome: ("child", "year", "sdq_score", "sdq_reason", "convicted", "health_check", "immunisations",
                      "teeth_check", "health_assessment", "substance_misuse", "intervention_received",
                      "intervention_offered"),
    m.CareLeaverBirthday: ("child", "year", "in_touch", "activ", "accom", "date_recorded"),
    m.Adoption: ("child", "date_int", "date_match", "foster_care", "nb_adoptr", "sex_adoptr", "ls_adoptr"),
    m.PlacedForAdoption: ("child", "date_placed", "date_placed_ceased", "reason_placed_ceased"),
    m.PreviousPermanence: ("child", "period_start", "prev_perm", "la_perm", "date_perm"),
    m.DeprivationOfLiberty: ("child", "dolo_start", "dolo_end"),
    m.Allocation: ("child", "worker", "role", "start", "end", "sw_reason"),
    m.NeedsAssessment: ("child", "completed_on", "worker"),
    m.PathwayPlan: ("id", "child", "agreed_on", "worker"),
    m.PathwayPlanReview: ("plan", "reviewed_on", "reviewer"),
    m.PathwayPlanAction: ("plan", "description", "owner", "due_on", "completed_on"),
    m.Contact: ("child", "date", "kind", "worker", "seen_where", "follows_move", "note", "restricted"),
    m.DutyRecord: ("child", "duty", "completed_on", "worker"),
    m.Accommodation: ("child", "start", "end", "accommodation_type", "suitable"),
    m.EETSpell: ("child", "start", "end", "activity", "neet_reason"),
    m.StayingPut: ("child", "start", "end", "carer", "provider", "weekly_allowance"),
    m.SupportRequest: ("child", "received_on", "request", "outcome", "outcome_on"),
    m.EntitlementGiven: ("child", "given_on", "kind", "amount", "note"),
}
# Parents before children, when flushing what is left at the end.
ORDER = tuple(reversed(SYNTH_MODELS))


def database_clear() -> None:
    """Remove every child, worker, team, provider and council (what `--replace` replaces)."""
    for model in SYNTH_MODELS:
        model.objects.all().delete()


class _Writer:
    """Rows per model, inserted with executemany in batches."""

    def __init__(self) -> None:
        self.rows: dict[type[Model], list[tuple]] = {}
        self.counts: Counter[str] = Counter()
        self.sql: dict[type[Model], str] = {}
        ops = connection.ops
        self.day = ops.adapt_datefield_value
        self.money = lambda v: None if v is None else ops.adapt_decimalfield_value(Decimal(v), 8, 2)

    def _statement(self, model: type[Model]) -> str:
        if model not in self.sql:
            qn = connection.ops.quote_name
            columns = [model._meta.get_field(name).column for name in FIELDS[model]]
            self.sql[model] = (
                f"INSERT INTO {qn(model._meta.db_table)} ({', '.join(qn(c) for c in columns)}) "
                f"VALUES ({', '.join(['%s'] * len(columns))})"
            )
        return self.sql[model]

    def add(self, model: type[Model], row: tuple) -> None:
        rows = self.rows.setdefault(model, [])
        rows.append(row)
        if len(rows) >= BATCH:
            self.flush(model)

    def flush(self, model: type[Model]) -> None:
        rows = self.rows.pop(model, [])
        if rows:
            with connection.cursor() as cursor:
                cursor.executemany(self._statement(model), rows)
            self.counts[model.__name__] += len(rows)

    def flush_all(self) -> None:
        for model in ORDER:
            self.flush(model)


def _next_id(model: type[Model]) -> int:
    return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1


@transaction.atomic
def council_write(council: SynthCouncil) -> Counter[str]:
    """Insert the council; returns rows written per model."""
    w = _Writer()
    d = w.day
    w.add(m.Council, (council.name, council.la_code, council.region))
    team_ids = {t.key: _next_id(m.Team) + i for i, t in enumerate(council.teams)}
    for t in council.teams:
        w.add(m.Team, (team_ids[t.key], t.name, t.kind, t.locality))
    base = _next_id(m.Worker)
    worker_ids = {x.key: base + i for i, x in enumerate(council.workers)}
    for x in council.workers:
        w.add(m.Worker, (worker_ids[x.key], x.name, x.role, x.experience_band, team_ids[x.team_key], x.sw_id, x.active))
    base = _next_id(m.Provider)
    provider_ids = {p.key: base + i for i, p in enumerate(council.providers)}
    for p in council.providers:
        w.add(m.Provider, (provider_ids[p.key], p.name, p.kind, p.place_provider, p.postcode, p.urn, p.la_code))
    for model in (m.Council, m.Team, m.Worker, m.Provider):
        w.flush(model)

    def worker(key: int | None) -> int | None:
        return None if key is None else worker_ids[key]

    def provider(key: int | None) -> int | None:
        return None if key is None else provider_ids[key]

    child_base, plan_id = _next_id(m.Child), _next_id(m.PathwayPlan)
    for i, c in enumerate(council.children):
        h = c.history
        mother = True if h.mc_dob else (False if h.sex == "F" else None)
        w.add(m.Child, (child_base + i, h.child, h.upn, h.sex, d(h.dob), h.ethnic, h.uasc, d(h.duc), mother,
                        d(h.mc_dob), d(c.date_of_death)))
    w.flush(m.Child)
    for i, c in enumerate(council.children):
        h, cid = c.history, child_base + i
        w.add(m.ChildName, (cid, c.given_name, c.family_name, ""))
        for e, x in zip(h.episodes, c.episode_extras, strict=True):
            w.add(m.Episode, (cid, d(e.decom), e.rne, e.ls, e.cin, e.place, e.place_provider, provider(x.provider_key),
                              e.home_post, e.pl_post, x.pl_la, e.urn, d(e.dec), e.rec, e.reason_place_change))
        for r in h.reviews:
            w.add(m.Review, (cid, d(r.review), r.review_code))
        for s, x in zip(h.missing, c.missing_extras, strict=True):
            w.add(m.MissingEpisode, (cid, s.missing, d(s.mis_start), d(s.mis_end), x.return_interview_offered,
                                     x.return_interview_taken))
        for o in h.outcomes:
            w.add(m.AnnualOutcome, (cid, o.year, o.sdq_score, o.sdq_reason, o.convicted, o.health_check,
                                    o.immunisations, o.teeth_check, o.health_assessment, o.substance_misuse,
                                    o.intervention_received, o.intervention_offered))
        for b in h.birthdays:
            w.add(m.CareLeaverBirthday, (cid, b.year, b.in_touch, b.activ, b.accom,
                                         d(_recorded(b.year, h.dob, council.as_at))))
        if h.adoption:
            a = h.adoption
            w.add(m.Adoption, (cid, d(a.date_int), d(a.date_match), a.foster_care, a.nb_adoptr, a.sex_adoptr,
                               a.ls_adoptr))
        for p in h.placed_adoption:
            w.add(m.PlacedForAdoption, (cid, d(p.date_placed), d(p.date_placed_ceased), p.reason_placed_ceased))
        for p in h.prevperm:
            w.add(m.PreviousPermanence, (cid, d(p.period_start), p.prev_perm, p.la_perm, p.date_perm))
        for x in h.dolo:
            w.add(m.DeprivationOfLiberty, (cid, d(x.dolo_start), d(x.dolo_end)))
        for a in c.allocations:
            w.add(m.Allocation, (cid, worker_ids[a.worker_key], a.role, d(a.start), d(a.end), a.sw_reason))
        lc = c.leaving_care
        for day, key in lc.needs_assessments:
            w.add(m.NeedsAssessment, (cid, d(day), worker(key)))
        for plan in lc.pathway_plans:
            w.add(m.PathwayPlan, (plan_id, cid, d(plan.agreed_on), worker(plan.worker_key)))
            for day, key in plan.reviews:
                w.add(m.PathwayPlanReview, (plan_id, d(day), worker(key)))
            for act in plan.actions:
                w.add(m.PathwayPlanAction, (plan_id, act.description, act.owner, d(act.due_on), d(act.completed_on)))
            plan_id += 1
        for x in (*c.visits, *lc.contacts):
            w.add(m.Contact, (cid, d(x.date), x.kind, worker(x.worker_key), x.seen_where, x.follows_move, "", False))
        for x in c.duties:
            w.add(m.DutyRecord, (cid, x.duty, d(x.completed_on), worker(x.worker_key)))
        for x in lc.accommodation:
            w.add(m.Accommodation, (cid, d(x.start), d(x.end), x.accommodation_type, x.suitable))
        for x in lc.eet:
            w.add(m.EETSpell, (cid, d(x.start), d(x.end), x.activity, x.neet_reason))
        for x in lc.staying_put:
            w.add(m.StayingPut, (cid, d(x.start), d(x.end), x.carer, provider(x.provider_key),
                                 w.money(x.weekly_allowance)))
        for x in lc.support_requests:
            w.add(m.SupportRequest, (cid, d(x.received_on), x.request, x.outcome, d(x.outcome_on)))
        for x in lc.entitlements:
            w.add(m.EntitlementGiven, (cid, d(x.given_on), x.kind, w.money(x.amount), x.note))
    w.flush_all()
    _reset_sequences()
    return w.counts


def _recorded(year: int, dob: date, as_at: date) -> date:
    """When the birthday information was recorded: a month after the birthday, never after as_at."""
    day = birthday(dob, age_on(dob, collection_end(year))) + timedelta(days=30)
    return min(day, as_at)


def _reset_sequences() -> None:
    sql = connection.ops.sequence_reset_sql(no_style(), [m.Team, m.Worker, m.Provider, m.Child, m.PathwayPlan])
    if sql:
        with connection.cursor() as cursor:
            for statement in sql:
                cursor.execute(statement)
