"""hearth kpis --as-at 2025-03-31 --format csv|json [--from-903 DIR ...]: every KPI at a date.

One record per KPI: id, title, value, numerator, denominator, period, band, status. Reads the
current snapshot of the record, or a set of 903 CSV folders (one per year) given with --from-903.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hearth.analytics import engine
from hearth.analytics.presenting import band_label, period_label
from hearth.analytics.snapshot import snapshot_from_903
from hearth.command_args import iso_date
from hearth.domain.kpis.catalogue import catalogue

FIELDS = ("id", "title", "value", "numerator", "denominator", "unknown", "period_start", "period_end", "period",
          "unit", "band", "status")


class Command(BaseCommand):
    help = "Print every KPI at a date, as CSV or JSON."

    def add_arguments(self, parser) -> None:  # type: ignore[no-untyped-def]
        parser.add_argument("--as-at", required=True, type=iso_date("--as-at"), help="The date, YYYY-MM-DD.")
        parser.add_argument("--format", choices=("csv", "json"), default="csv")
        parser.add_argument("--from-903", nargs="+", type=Path, default=None, metavar="DIR",
                            help="Compute from these 903 CSV folders (one per year) instead of the record.")

    def handle(self, *args: object, **options: object) -> None:
        as_at: date = options["as_at"]  # type: ignore[assignment]
        if options["from_903"]:
            try:
                snap = snapshot_from_903(list(options["from_903"]))  # type: ignore[arg-type]
            except (ValueError, OSError) as error:
                raise CommandError(str(error)) from error
        else:
            from hearth.analytics.current import current_snapshot

            snap = current_snapshot()
        results = engine.evaluate(snap, as_at)
        cat = catalogue()
        rows = []
        for kpi_id, r in results.items():
            kpi = cat[kpi_id]
            rows.append({
                "id": kpi_id, "title": kpi.title,
                "value": None if r.value is None else round(r.value, kpi.precision + 2),
                "numerator": r.numerator, "denominator": r.denominator, "unknown": r.unknown,
                "period_start": r.period_start.isoformat() if r.period_start else None,
                "period_end": r.as_at.isoformat(), "period": period_label(r), "unit": kpi.unit,
                "band": band_label(kpi, r), "status": r.status,
            })
        if options["format"] == "json":
            json.dump(rows, self.stdout, indent=1, ensure_ascii=False)
            self.stdout.write("")
        else:
            writer = csv.DictWriter(self.stdout, fieldnames=FIELDS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
