"""Who belongs in a collection year, and in which 903 cohort (ssda903.md §1.3, §4.1-§4.5)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from hearth.domain.ssda903.history import ChildHistory, Episode
from hearth.domain.ssda903.years import age_on, birthday, collection_end, collection_start

SHORT_BREAK = ("V3", "V4")
# A care leaver whose care ended this way is not in OC3: adopted, died, or care taken over (§4.4 item 4).
OC3_EXCLUDED_REC = ("E11", "E12", "E2", "E3")
QUALIFYING_DAYS = 91  # 13 weeks looked after from the 14th birthday (§4.4 item 2)


class Period(NamedTuple):
    """A period of care: episodes linked by X1, from an RNE S episode to an E code or still open."""

    start: date
    end: date | None
    episodes: tuple[Episode, ...]


def periods(episodes: tuple[Episode, ...] | list[Episode]) -> list[Period]:
    result: list[Period] = []
    current: list[Episode] = []
    for episode in sorted(episodes, key=lambda e: e.decom):
        if current:
            last = current[-1]
            continues = episode.rne != "S" and last.rec == "X1" and last.dec == episode.decom
            if not continues:
                result.append(Period(current[0].decom, current[-1].dec, tuple(current)))
                current = []
        current.append(episode)
    if current:
        result.append(Period(current[0].decom, current[-1].dec, tuple(current)))
    return result


def episodes_in_year(episodes: tuple[Episode, ...], year: int) -> list[Episode]:
    """Episodes open at any time in the year: the one open on 1 April and every one started in it.

    An episode ending on 1 April is reported that year, since it ceased in it.
    """
    start, end = collection_start(year), collection_end(year)
    return [e for e in episodes if e.decom <= end and (e.dec is None or e.dec >= start)]


def looked_after_at_end(episodes: tuple[Episode, ...], year: int) -> bool:
    """Looked after at 31 March: an episode open at the year end (blank DEC that year), not a short break."""
    end = collection_end(year)
    return any(e.decom <= end and (e.dec is None or e.dec > end) and e.ls not in SHORT_BREAK for e in episodes)


def in_oc2_cohort(episodes: tuple[Episode, ...], year: int) -> bool:
    """Looked after on every day of the year, none of it a short break (§4.2).

    Decided edge case: a period ending on 31 March itself (DEC = 31/03) means the child was not
    looked after on 31 March, so they are not in the cohort.
    """
    start, end = collection_start(year), collection_end(year)
    if any(e.ls in SHORT_BREAK for e in episodes_in_year(episodes, year)):
        return False
    return any(p.start <= start and (p.end is None or p.end > end) for p in periods(episodes))


def oc2_items(dob: date, year: int) -> frozenset[str]:
    """Which age-dependent OC2 items apply: 'sdq' (4 on 1 April to under 17 on 31 March),
    'convicted' (10 or over at 31 March) and 'health_check' (under 5 at 31 March)."""
    start, end = collection_start(year), collection_end(year)
    items = set()
    if age_on(dob, start) >= 4 and age_on(dob, end) < 17:
        items.add("sdq")
    if age_on(dob, end) >= 10:
        items.add("convicted")
    if age_on(dob, end) < 5:
        items.add("health_check")
    return frozenset(items)


def _days_looked_after(episodes: tuple[Episode, ...], since: date, until: date) -> int:
    """Days looked after (not short breaks) in [since, until)."""
    total = 0
    for e in episodes:
        if e.ls in SHORT_BREAK:
            continue
        lo = max(e.decom, since)
        hi = min(e.dec or until, until)
        if hi > lo:
            total += (hi - lo).days
    return total


def qualifies_as_care_leaver(episodes: tuple[Episode, ...], dob: date, as_of: date) -> bool:
    """Relevant / former relevant: 13 weeks looked after from the 14th birthday, some of it from the 16th.

    The 13 weeks need not be continuous; short breaks do not count. Counted up to `as_of`.
    """
    b14, b16 = birthday(dob, 14), birthday(dob, 16)
    from_14 = 0
    after_16 = False
    for e in episodes:
        if e.ls in SHORT_BREAK:
            continue
        end = e.dec if e.dec is not None and e.dec < as_of else as_of
        if end > b14 and end > e.decom:
            from_14 += (end - max(e.decom, b14)).days
            after_16 = after_16 or end > max(e.decom, b16)
    return from_14 >= QUALIFYING_DAYS and after_16


def _looked_after_on(episodes: tuple[Episode, ...], day: date) -> bool:
    """As the reference validator reads it: an episode ending on the day counts as still looked after."""
    return any(e.decom <= day and (e.dec is None or e.dec >= day) and e.ls not in SHORT_BREAK for e in episodes)


def oc3_age(history: ChildHistory, year: int) -> int | None:
    """The age a young person is reported at in OC3 for the year, or None if not in the cohort (§4.4).

    17-21: the birthday falls in the year, they qualify, were not looked after on the birthday and
    did not leave care by adoption, death or transfer. 22-25: they qualify and were in touch in the
    year, which is what a YES birthday record for the year records.
    """
    start, end = collection_start(year), collection_end(year)
    age = age_on(history.dob, end)
    day = birthday(history.dob, age)
    if day < start:  # birthday not in this year: only possible at the extremes of a leap day
        return None
    if not 17 <= age <= 25:
        return None
    episodes = history.episodes
    ended = [e for e in episodes if e.dec is not None and e.dec < day and e.ls not in SHORT_BREAK]
    if not ended or _looked_after_on(episodes, day):
        return None
    if max(ended, key=lambda e: e.dec or day).rec in OC3_EXCLUDED_REC:
        return None
    if not qualifies_as_care_leaver(episodes, history.dob, day + timedelta(days=1)):
        return None
    if age >= 22:
        record = history.birthday_record_for(year)
        if record is None or record.in_touch != "YES":
            return None
    return age


def in_return(history: ChildHistory, year: int) -> bool:
    """In the year's return: looked after at some time in it, or in the OC3 cohort (§1.3)."""
    return bool(episodes_in_year(history.episodes, year)) or oc3_age(history, year) is not None
