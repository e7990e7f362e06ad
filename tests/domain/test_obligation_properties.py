"""Property tests over obligations_for with generated children."""

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from hearth.domain.calendar import is_working_day
from hearth.domain.obligations import ChildFacts, Episode, Kind, ObligationStatus, obligations_for

BASE = date(2020, 1, 1)
AS_OF = date(2026, 6, 30)
offsets = st.integers(min_value=0, max_value=(AS_OF - BASE).days)


@st.composite
def children(draw: st.DrawFn) -> ChildFacts:
    dob = date(2006, 1, 1) + timedelta(days=draw(st.integers(0, 365 * 14)))
    start = BASE + timedelta(days=draw(st.integers(0, 900)))
    length = draw(st.one_of(st.none(), st.integers(10, 1500)))
    placement = draw(st.sampled_from(["U4", "U6", "K2", "U1"]))
    episode = Episode(
        start,
        None if length is None else start + timedelta(days=length),
        draw(st.sampled_from(["C2", "V2", "C1"])),
        placement,
    )
    events = st.lists(offsets.map(lambda d: BASE + timedelta(days=d)), max_size=12)
    return ChildFacts(
        dob=dob,
        episodes=(episode,),
        reviews=tuple(draw(events)),
        visits=tuple(draw(events)),
        health_assessments=tuple(draw(events)),
        pathway_plan_reviews=tuple(draw(events)),
    )


@settings(max_examples=60, deadline=None)
@given(child=children())
def test_it_gives_the_same_obligations_for_the_same_facts(child: ChildFacts) -> None:
    assert obligations_for(child, AS_OF) == obligations_for(child, AS_OF)


@settings(max_examples=60, deadline=None)
@given(child=children())
def test_it_puts_working_day_deadlines_and_plan_by_dates_on_working_days(child: ChildFacts) -> None:
    for ob in obligations_for(child, AS_OF):
        assert ob.plan_by <= ob.legal_due
        assert is_working_day(ob.plan_by)
        if ob.rule_id in ("D02", "D03", "D04", "D12") or (ob.rule_id == "D07" and ob.occurrence == 1):
            assert is_working_day(ob.legal_due)


@settings(max_examples=60, deadline=None)
@given(child=children(), pick=st.integers(0, 1000), earlier=st.integers(1, 60))
def test_it_never_turns_an_on_time_obligation_late_when_it_is_done_earlier(
    child: ChildFacts, pick: int, earlier: int
) -> None:
    before = obligations_for(child, AS_OF)
    met = [
        o
        for o in before
        if o.status is ObligationStatus.MET and o.kind is Kind.DEADLINE and o.rule_id in ("D07", "D09", "D13")
    ]
    if not met:
        return
    target = met[pick % len(met)]
    assert target.completed_on is not None
    # Earliest legal move: after the previous completion (the trigger), or on the trigger for a first
    # review or visit, which may happen on the day the period or placement starts.
    same_day_ok = target.occurrence == 1 and target.rule_id in ("D07", "D09")
    lower = target.trigger_date + timedelta(days=0 if same_day_ok else 1)
    lower = max(lower, child.episodes[0].start)  # before care starts it would be a different chain
    moved = max(lower, target.completed_on - timedelta(days=earlier))
    field = {"D07": "reviews", "D09": "visits", "D13": "health_assessments"}[target.rule_id]
    dates = [d for d in getattr(child, field) if d != target.completed_on] + [moved]
    after = obligations_for(replace(child, **{field: tuple(dates)}), AS_OF)
    same = [
        o
        for o in after
        if (o.rule_id, o.trigger_date, o.occurrence) == (target.rule_id, target.trigger_date, target.occurrence)
    ]
    assert same and same[0].status is ObligationStatus.MET


@settings(max_examples=60, deadline=None)
@given(child=children(), window=st.integers(0, 2000))
def test_it_leaves_out_only_history_settled_before_since(child: ChildFacts, window: int) -> None:
    since = AS_OF - timedelta(days=window)
    full = obligations_for(child, AS_OF)
    recent = obligations_for(child, AS_OF, since=since)
    assert set(recent) <= set(full)
    for ob in set(full) - set(recent):
        assert ob.legal_due < since and ob.status is not ObligationStatus.OPEN
