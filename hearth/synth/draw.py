"""Weighted draws from small tables, fast: the generator makes hundreds of thousands of them."""

from __future__ import annotations

import random
from bisect import bisect
from itertools import accumulate

_TABLES: dict[tuple, tuple[tuple[str, ...], list[float], tuple]] = {}
_BY_ID: dict[int, tuple[tuple[str, ...], list[float], tuple]] = {}


def pick(rng: random.Random, rows: tuple[tuple[str, float], ...]) -> str:
    """One value from ((value, weight), ...), weights need not sum to 1."""
    table = _BY_ID.get(id(rows))
    if table is None or table[2] is not rows:  # the id check saves hashing the table on every draw
        table = _TABLES.get(rows)
        if table is None:
            table = (tuple(v for v, _ in rows), list(accumulate(w for _, w in rows)), rows)
            _TABLES[rows] = table
        _BY_ID[id(rows)] = table
    values, cum, _ = table
    return values[bisect(cum, rng.random() * cum[-1])]
