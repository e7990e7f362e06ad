"""The KPI catalogue: every id of kpis.md §2, each declared once.

The words (title, question, cohort, definition, sources) are in data/catalogue.csv, taken from the
reference; how each computable KPI is worked out is in `measures.MEASURES`. A KPI with no
measure says what Hearth would need to compute it, so the gap shows instead of a wrong figure.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from hearth.domain.kpis.measures import MEASURES
from hearth.domain.kpis.model import KPI

CSV = Path(__file__).with_name("data") / "catalogue.csv"
PRECISION = {"percent": 1, "count": 0, "rate10k": 1, "mean": 1, "median": 1, "days": 0, "weeks": 1, "years": 1,
             "money": 2, "ratio": 2, "score": 1}
NEEDS_PREFIX = "Hearth does not hold the data this needs yet: "


def _clean(text: str) -> str:
    return text.replace("`", "").replace("*", "").strip()


@cache
def catalogue() -> dict[str, KPI]:
    out: dict[str, KPI] = {}
    with CSV.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            m = MEASURES.get(row["id"], {})
            unit = m.get("unit", row["unit"])
            counts = m.get("counts", "children")
            words_num = _clean(row["numerator_denominator"]) or _clean(row["cohort"])
            out[row["id"]] = KPI(
                id=row["id"], title=row["title"], question=row["question"], group=row["group"], theme=row["theme"],
                cohort=_clean(row["cohort"]) or m.get("cohort", ""), numerator=words_num, denominator=words_num,
                polarity=row["polarity"], unit=unit, precision=PRECISION[unit],
                official_definition=_clean(row["official_definition"]),
                time_basis=m.get("time_basis", "at_date"), counts=counts,
                data_items=tuple(_clean(x) for x in row["data_items"].rstrip(".").split(", ") if x),
                sources=tuple(x.strip() for x in row["sources"].rstrip(".").split("; ") if x.strip()),
                needs="" if m else NEEDS_PREFIX + (_clean(row["data_items"]) or "a source not yet named"),
                cohort_sql=m.get("cohort", ""),
                numerator_sql=m.get("numerator", "TRUE"),
                denominator_sql=m.get("denominator", "TRUE"),
                value_sql=m.get("value", ""),
                unknown_sql=m.get("unknown", ""),
                excluded_sql=m.get("excluded", ""),
                category_sql=m.get("category", ""),
                derived=tuple(m["derived"].split()) if "derived" in m else (),
            )
    return out


def computable() -> list[KPI]:
    return [k for k in catalogue().values() if k.computable]
