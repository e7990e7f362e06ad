"""Every generated history keeps the 903's episode rules, the code lists and the database's rules."""

from datetime import date, timedelta

from hearth.domain import codes
from hearth.domain.ssda903.cohorts import periods
from hearth.domain.ssda903.years import age_on, birthday, collection_end, collection_year_of

FOSTER_OR_SETTING = ("U1", "U2", "U3", "U4", "U5", "U6", "K1", "K2", "K3", "S1")
NO_URN = ("P1", "P2", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1", "Z11", "Z12", "Z13", "Z14")
PLACE = {c.code: c for c in codes.PLACE}
REC = {c.code: c for c in codes.REC}


def years_open(e):
    """Collection years in which the episode is open on some day ([decom, dec))."""
    last = e.dec - timedelta(days=1) if e.dec else date(2026, 11, 22)
    return range(collection_year_of(e.decom), collection_year_of(last) + 1)


def test_episodes_chain_without_gaps_or_overlaps(council):
    for child in council.children:
        eps = child.history.episodes
        for before, after in zip(eps, eps[1:], strict=False):
            assert before.dec is not None and before.dec <= after.decom, child.history.child
        for period in periods(eps):
            first, *rest = period.episodes
            assert first.rne == "S"
            for before, after in zip(period.episodes, rest, strict=False):
                assert before.rec == "X1" and before.dec == after.decom and after.rne != "S"
            last = period.episodes[-1]
            assert last.rec != "X1"
        assert sum(1 for e in eps if e.dec is None) <= 1


def test_episodes_keep_the_column_rules(council):
    for child in council.children:
        h = child.history
        for e in h.episodes:
            assert e.dec is None or e.dec > e.decom
            assert (e.dec is None) == (e.rec == "")
            assert e.rne in codes.RNE and e.ls in codes.LS and e.cin in codes.CIN
            if e.place.startswith(("T", "Z")):
                assert e.place_provider == "" and e.urn == ""
            else:
                assert e.place_provider in codes.PLACE_PROVIDER
            assert (e.place_provider == "PR0") == (e.place == "P1")
            if e.place in NO_URN:
                assert e.urn == ""
            if e.place in FOSTER_OR_SETTING:
                assert e.urn
            if e.reason_place_change:
                assert e.reason_place_change in codes.REASON_PLACE_CHANGE and e.rec == "X1"
            if e.place == "P1":
                assert e.pl_post == e.home_post


def test_codes_are_valid_in_every_year_they_are_used(council):
    for child in council.children:
        for e in child.history.episodes:
            for year in years_open(e):
                assert PLACE[e.place].valid_in(year), (e.place, year)
            if e.dec is not None:
                assert REC[e.rec].valid_in(collection_year_of(e.dec)), (e.rec, e.dec)
            if e.place == "P2":
                assert e.dec is not None and e.dec <= date(2023, 10, 28)


def test_care_ends_by_the_18th_birthday_and_nothing_is_dated_after_as_at(council):
    as_at = council.as_at
    for child in council.children:
        h = child.history
        b18 = birthday(h.dob, 18)
        for e in h.episodes:
            assert e.decom < b18 and (e.dec is None or e.dec <= b18)
            assert e.decom <= as_at and (e.dec is None or e.dec <= as_at)
            if e.rec == "E17":
                assert e.dec == b18
            if e.rec in ("E11", "E12"):
                assert e.dec < b18 and e.place in ("A3", "A4", "A5", "A6")
        assert all(r.review <= as_at for r in h.reviews)
        assert all(m.mis_start <= as_at and (m.mis_end is None or m.mis_end >= m.mis_start) for m in h.missing)
        if h.uasc:  # the 18th birthday, or the day care ended early (E15, E16: tests/synth/test_uasc.py)
            early = h.episodes and h.episodes[-1].rec in ("E15", "E16")
            assert h.duc == (h.episodes[-1].dec if early else b18)


def test_adoption_dates_follow_one_another(council):
    for child in council.children:
        h = child.history
        for decision in h.placed_adoption:
            e1 = [e.decom for e in h.episodes if e.ls == "E1"]
            assert not e1 or decision.date_placed <= min(e1)
        if h.adoption:
            placed = min(e.decom for e in h.episodes if e.place.startswith("A"))
            assert h.adoption.date_int <= h.adoption.date_match <= placed


def test_oc3_codes_keep_their_rules(council):
    for child in council.children:
        h = child.history
        for record in h.birthdays:
            assert record.in_touch in codes.IN_TOUCH and record.activ in codes.ACTIV and record.accom in codes.ACCOM
            assert codes.ACTIV.label(record.activ) and record.activ in codes.ACTIV.valid_in(record.year)
            age = age_on(h.dob, collection_end(record.year))  # the age reported at
            if record.in_touch in ("DIED", "RHOM"):
                assert record.activ == record.accom == "0"
            else:
                assert record.activ != "0" and record.accom != "0"
            if record.accom.startswith("T"):
                assert age >= 18, "a foyer is not reported for an under-18 (rule 347)"
            if record.accom.startswith("Z"):
                assert age >= 18, "ACCOM Z is not for 17-year-olds (rule 3001)"


def test_leaving_care_records_keep_the_database_rules(council):
    for child in council.children:
        lc = child.leaving_care
        for a in lc.accommodation:
            assert a.end is None or a.end >= a.start
            if a.accommodation_type in codes.ALWAYS_UNSUITABLE_ACCOMMODATION:
                assert not a.suitable
        for s in lc.eet:
            assert s.end is None or s.end >= s.start
            assert s.activity == "NEET" or s.neet_reason == ""
        for a in child.allocations:
            assert a.end is None or a.end >= a.start
        for x in lc.contacts:
            assert x.kind in codes.CONTACT_KIND and x.seen_where in codes.SEEN_WHERE
    for w in council.workers:
        if w.role == "SOCIAL_WORKER":
            assert w.sw_id.startswith("SW")


def test_social_worker_episodes_give_a_reason_and_an_sw_id(council):
    for child in council.children:
        for s in child.history.sw_episodes:
            assert s.sw_id.startswith("SW") and s.sw_reason in codes.SW_REASON
