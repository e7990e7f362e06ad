"""`hearth benchmarks import FILE`: import a benchmark CSV (kpis.md §4.4), all rows or none."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hearth.analytics.benchmarks import BenchmarkImportError, benchmarks_import


class Command(BaseCommand):
    help = "Benchmark figures: import a CSV in the format of kpis.md §4.4 (all rows, or on any problem none)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        i = sub.add_parser("import", help="Import a benchmark CSV file.")
        i.add_argument("file", type=Path)

    def handle(self, *args: object, **options: object) -> None:
        path: Path = options["file"]  # type: ignore[assignment]
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        try:
            batch = benchmarks_import(path=path)
        except BenchmarkImportError as error:
            for problem in error.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{path.name}: {len(error.problems)} problem(s); nothing imported.") from None
        if batch is None:
            self.stdout.write(f"{path.name}: already imported; nothing changed.")
        else:
            self.stdout.write(f"{path.name}: {batch.rows} benchmark rows imported.")
