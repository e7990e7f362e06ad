"""The same seed gives the same council; another seed gives another."""

import hashlib
from datetime import date

from hearth.synth.simulate import council_sizes, simulate_council

AS_AT = date(2026, 11, 22)


def digest(council) -> str:
    """A digest of every generated row: council, staff, providers and each child's whole record."""
    h = hashlib.sha256()
    for part in (council.name, council.la_code, council.teams, council.workers, council.providers):
        h.update(repr(part).encode())
    for child in council.children:
        h.update(repr(child).encode())
    return h.hexdigest()


def test_the_same_seed_gives_the_same_council():
    first = simulate_council(seed=7, children_in_care=150, as_at=AS_AT)
    again = simulate_council(seed=7, children_in_care=150, as_at=AS_AT)
    assert digest(first) == digest(again)


def test_another_seed_gives_another_council():
    assert digest(simulate_council(seed=7, children_in_care=150, as_at=AS_AT)) != digest(
        simulate_council(seed=8, children_in_care=150, as_at=AS_AT)
    )


def test_leaving_out_the_detail_changes_nothing_in_the_903():
    full = simulate_council(seed=7, children_in_care=150, as_at=AS_AT, detail=True)
    lean = simulate_council(seed=7, children_in_care=150, as_at=AS_AT, detail=False)
    assert [c.history for c in full.children] == [c.history for c in lean.children]
    assert any(c.leaving_care.contacts for c in full.children)
    assert not any(c.leaving_care.contacts for c in lean.children)


def test_national_council_sizes_add_up_and_vary():
    import random

    sizes = council_sizes(85000, 150, random.Random("x"))
    assert sum(sizes) == 85000 and len(sizes) == 150
    assert max(sizes) > 3 * min(sizes)
