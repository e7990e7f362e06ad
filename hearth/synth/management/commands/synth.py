"""`hearth synth`: fill the database with a generated council, and/or write 903 CSV sets.

    hearth synth --children-in-care 750 --seed 1 [--as-at YYYY-MM-DD] [--csv-out DIR] [--replace]
    hearth synth --councils 150 --children-in-care 85000 --seed 1 --csv-out DIR   (national, CSV only)
"""

from __future__ import annotations

import time
from collections import Counter
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hearth.command_args import iso_date
from hearth.records.models import Child
from hearth.synth.simulate import collection_years, simulate_council
from hearth.synth.to_csv import write_councils_csv, write_national_csv
from hearth.synth.to_database import council_write, database_clear


class Command(BaseCommand):
    help = "Generate a synthetic council (or a national set of councils) from a seed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--children-in-care", type=int, default=750,
                            help="Children in care at any one time (across all councils with --councils).")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--as-at", type=iso_date("--as-at"), default=None, help="The day the history runs up to (default today).")
        parser.add_argument("--csv-out", type=Path, default=None, help="Also write DIR/<collection year>/<table>.csv.")
        parser.add_argument("--councils", type=int, default=1, help="More than 1 makes the national set (CSV only).")
        parser.add_argument("--replace", action="store_true", help="Replace the children already in the database.")
        parser.add_argument("--processes", type=int, default=2, help="Worker processes for the national set.")

    def handle(self, *args: object, **options: object) -> None:
        size = int(options["children_in_care"])  # type: ignore[arg-type]
        seed = int(options["seed"])  # type: ignore[arg-type]
        councils = int(options["councils"])  # type: ignore[arg-type]
        as_at: date = options["as_at"] or date.today()  # type: ignore[assignment]
        out: Path | None = options["csv_out"]  # type: ignore[assignment]
        if size < 10:
            raise CommandError("--children-in-care must be at least 10.")
        if councils < 1:
            raise CommandError("--councils must be at least 1.")
        years = collection_years(as_at)
        started = time.perf_counter()
        if councils > 1:
            if out is None:
                raise CommandError("A national set (--councils more than 1) is written as CSV only: give --csv-out DIR.")
            counts, children = write_national_csv(
                seed=seed, children_in_care=size, councils=councils, as_at=as_at, out_dir=out, years=years,
                processes=int(options["processes"]),  # type: ignore[arg-type]
            )
            self._summary(f"{councils} councils", children, counts, out, started)
            return
        if Child.objects.exists():
            if not options["replace"]:
                raise CommandError(
                    "The database already holds children. Use --replace to delete them (and the workers, teams, "
                    "providers and council) and generate a new council."
                )
            database_clear()
        council = simulate_council(seed=seed, children_in_care=size, as_at=as_at)
        written = council_write(council)
        self.stdout.write(f"{council.name} (LA {council.la_code}), history to {as_at:%d/%m/%Y}")
        self.stdout.write("Database rows: " + ", ".join(f"{name} {n}" for name, n in sorted(written.items())))
        counts: Counter[tuple[int, str]] = Counter()
        if out is not None:
            counts = write_councils_csv([council], out, years)
        self._summary("1 council", len(council.children), counts, out, started)

    def _summary(self, what: str, children: int, counts: Counter[tuple[int, str]], out: Path | None,
                 started: float) -> None:
        self.stdout.write(f"Generated {what}: {children} children and young people.")
        if out is not None:
            by_table: Counter[str] = Counter()
            for (_year, table), n in counts.items():
                by_table[table] += n
            self.stdout.write(f"903 CSV in {out} (collection years {min(y for y, _ in counts)}-{max(y for y, _ in counts)}):"
                              if counts else f"903 CSV in {out}: no rows")
            self.stdout.write("  " + ", ".join(f"{table} {n}" for table, n in sorted(by_table.items())))
        self.stdout.write(f"Took {time.perf_counter() - started:.1f} s.")
