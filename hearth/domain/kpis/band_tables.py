"""The Lancashire Improvement Board band tables of Sep-16 (kpis.md §3.2), read from the source cells.

data/lancashire_2016.csv holds the cells exactly as printed (000 L432–L458); they are read with the
literal notation of §3.4 at 1 dp, the precision of the published actuals. With that reading the
schemes have the 11 gaps and 4 point overlaps listed in §3.6: they are demonstration schemes, and
defective.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from hearth.domain.kpis.bands import FOUR_BANDS, BandScheme, scheme_from_cells

DATA = Path(__file__).resolve().parent / "data" / "lancashire_2016.csv"
SOURCE_COLUMNS = ("Inadequate", "RI", "Good", "Outstanding")  # worst -> best, as headed in the source
MONTHS = ("Jul-16", "Aug-16", "Sep-16")
APPROVED_BY = (
    "Lancashire CC Improvement Board (000 L362, L432–L458); cells read literally as in kpis.md §3.4"
)
EFFECTIVE_FROM = date(2016, 7, 1)


def lancashire_rows(path: Path = DATA) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def lancashire_schemes(path: Path = DATA) -> dict[str, BandScheme]:
    """One scheme per row, keyed by KPI id (WF-01..WF-05, CL-L01..CL-L06)."""
    schemes = {}
    for row in lancashire_rows(path):
        kpi_id = row["kpi_id"]
        schemes[kpi_id] = scheme_from_cells(
            id=f"LCC-IB-2016-{kpi_id}",
            kpi_id=kpi_id,
            cells=[(label, row[column]) for label, column in zip(FOUR_BANDS, SOURCE_COLUMNS)],
            polarity=row["polarity"],  # type: ignore[arg-type]
            approved_by=APPROVED_BY,
            effective_from=EFFECTIVE_FROM,
            domain_min=row["domain_min"],
            domain_max=row["domain_max"] or None,
            precision=1,
        )
    return schemes


def lancashire_actuals(path: Path = DATA) -> dict[str, dict[str, str]]:
    """The published actuals as printed, e.g. {"CL-L02": {"Jul-16": "41.2%", ...}}."""
    return {row["kpi_id"]: {month: row[month] for month in MONTHS} for row in lancashire_rows(path)}


def cell_number(cell: str) -> str:
    """A printed actual as a number ("83.6%" -> "83.6")."""
    return cell.strip().rstrip("%").strip()
