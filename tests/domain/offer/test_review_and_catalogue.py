"""When the offer is due for review (W14), and reading the offer file."""

from datetime import date

import pytest

from hearth.domain.offer import ReviewState, review_due, review_state, review_window_opens
from hearth.domain.offer.catalogue import Form, Period, Theme, parse_offer


def test_w14_first_published_1_april_2018():
    published = date(2018, 4, 1)
    assert review_window_opens(published) == date(2020, 4, 1)
    assert review_due(published) == date(2021, 4, 1)


def test_w14_reviewed_15_march_2021_is_next_due_15_march_2024():
    assert review_due(date(2021, 3, 15)) == date(2024, 3, 15)


@pytest.mark.parametrize("as_of, state", [
    (date(2020, 3, 31), ReviewState.NOT_DUE),
    (date(2020, 4, 1), ReviewState.WINDOW_OPEN),
    (date(2021, 3, 31), ReviewState.WINDOW_OPEN),
    (date(2021, 4, 1), ReviewState.DUE),
])
def test_the_review_flag(as_of, state):
    assert review_state(date(2021, 4, 1), date(2020, 4, 1), as_of) is state


GOOD = """
[[item]]
key = "a"
title = "A"
theme = "money"
summary = "s"
form = "money"
amount = "10.50"
period = "week"
provider_kind = "council"
provider = "p"
how_to_get = "h"
basis = "b"
min_age = 16
under_age = 25
categories = ["former_relevant"]
"""


def test_it_reads_an_item():
    item = parse_offer(GOOD).items[0]
    assert (item.key, item.theme, item.form, str(item.amount), item.period) == ("a", Theme.MONEY, Form.MONEY, "10.50", Period.WEEK)


@pytest.mark.parametrize("change, message", [
    (('theme = "money"', 'theme = "cash"'), "item 1 (a) theme: 'cash' is not one of"),
    (('under_age = 25', 'under_age = 26'), "item 1 (a): ages must run"),
    (('under_age = 25', 'under_age = 16'), "item 1 (a): ages must run"),
    (('period = "week"', ''), "give an amount and a period together"),
    (('amount = "10.50"', 'amount = "ten"'), "amount must be a number"),
    (('amount = "10.50"', 'amount = "-1"'), "amount cannot be negative"),
    (('categories = ["former_relevant"]', 'categories = []'), "name at least one leaving-care category"),
    (('categories = ["former_relevant"]', 'categories = ["adult"]'), "categories: 'adult' is not one of"),
    (('basis = "b"', ''), "item 1 (a): missing basis"),
])
def test_it_names_the_item_and_field_at_fault(change, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_offer(GOOD.replace(*change))


def test_it_refuses_repeated_keys_and_empty_files_and_bad_toml():
    with pytest.raises(ValueError, match="repeated: a"):
        parse_offer(GOOD + GOOD)
    with pytest.raises(ValueError, match="no items"):
        parse_offer("title = 'x'")
    with pytest.raises(ValueError, match="not valid TOML"):
        parse_offer("[[item]\n")
