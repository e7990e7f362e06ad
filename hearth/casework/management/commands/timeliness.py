import csv

from django.core.management.base import BaseCommand, CommandError

from hearth.command_args import iso_date
from hearth.records.timeliness import record_timeliness


class Command(BaseCommand):
    help = "Per statutory duty: how many obligations fell due in a period and how many were met on time."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", required=True, type=iso_date("--from"), help="First day, e.g. 2024-04-01")
        parser.add_argument("--to", dest="end", required=True, type=iso_date("--to"), help="Last day, e.g. 2025-03-31")
        parser.add_argument("--as-at", dest="as_at", type=iso_date("--as-at"), help="Judge as at this date (default: --to)")
        parser.add_argument("--format", choices=["table", "csv"], default="table")

    def handle(self, *args, start, end, as_at, format, **options):
        if end < start:
            raise CommandError("--to is before --from.")
        rows = record_timeliness(start=start, end=end, as_at=as_at)
        out = csv.writer(self.stdout, lineterminator="\n") if format == "csv" else None
        header = ["rule", "duty", "strength", "due", "met_on_time", "met_late", "missed", "open", "on_time_rate"]
        if out:
            out.writerow(header)
        for r in rows:
            rate = "" if r.rate is None else f"{r.rate:.3f}"
            values = [r.rule_id, r.title, r.strength.name, r.due, r.met_on_time, r.met_late, r.missed, r.still_open, rate]
            if out:
                out.writerow(values)
            else:
                self.stdout.write(f"{r.rule_id:<12} {r.title[:60]:<60} {r.due:>6} due {r.met_on_time:>6} on time  {rate}")
