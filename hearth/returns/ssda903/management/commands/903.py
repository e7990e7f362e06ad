"""`hearth 903 validate|export|import`: the SSDA903 return (ssda903.md).

A year is named by the March it ends in: --year 2025 is 1 April 2024 to 31 March 2025.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hearth.domain.ssda903_rules import engine
from hearth.domain.ssda903_rules.schema import DFE_NAMES
from hearth.returns.ssda903.export import export_csv, export_xml
from hearth.returns.ssda903.files import validate_files
from hearth.returns.ssda903.importer import import_returns
from hearth.returns.ssda903.record import validate_record


class Command(BaseCommand):
    help = "The SSDA903 return: validate a year's files, export a year from the record, import returns into it."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        v = sub.add_parser("validate",
                           help="Validate a year's 903 return (CSV files or XML) with that year's DfE rules.")
        v.add_argument("--year", type=int, required=True, help="Collection year, named by its March (2025 = 2024/25).")
        v.add_argument("paths", nargs="*", type=Path,
                       help="CSV files, an XML file or a folder; DIR/<year-1> is read as last year.")
        v.add_argument("--last", nargs="*", type=Path, default=None, help="Last year's CSV files, XML file or folder.")
        v.add_argument("--format", choices=("text", "csv"), default="text")
        v.add_argument("--rule", action="append", default=None, help="Run only this rule (repeatable).")
        v.add_argument("--coverage", action="store_true", help="List the rules implemented and not yet implemented.")
        e = sub.add_parser("export", help="Write a year's return from the record: OUT/<year>/<table>.csv or .xml.")
        e.add_argument("--year", type=int, required=True, help="Collection year, named by its March (2025 = 2024/25).")
        e.add_argument("--format", choices=("csv", "xml"), default="csv")
        e.add_argument("--out", type=Path, required=True, help="Folder; the files go in OUT/<year>/.")
        i = sub.add_parser("import", help="Import 903 returns into the record: all of them or, on any problem, none.")
        i.add_argument("paths", nargs="+", type=Path,
                       help="Year folders of CSVs (DIR/2025), a folder of year folders, CSV files or XML files.")
        i.add_argument("--year", type=int, default=None, help="The year, when the folder or file name does not say.")

    def handle(self, *args: object, **options: object) -> None:
        action = options["action"]
        if action == "export":
            return self._export(int(options["year"]), str(options["format"]), options["out"])  # type: ignore[arg-type, call-overload]
        if action == "import":
            return self._import(options["paths"], options["year"])  # type: ignore[arg-type]
        year = int(options["year"])  # type: ignore[call-overload]
        if options["coverage"]:
            have, missing = engine.coverage(year)
            self.stdout.write(f"{len(have)} of {len(have) + len(missing)} rules in force for {year} implemented.")
            self.stdout.write("Not implemented: " + " ".join(missing))
            return
        paths: list[Path] = options["paths"]  # type: ignore[assignment]
        last_files: list[Path] | None = options["last"] or None  # type: ignore[assignment]
        only = set(options["rule"]) if options["rule"] else None  # type: ignore[arg-type]
        # No files: validate the record itself (this year and last, exported to a temporary folder).
        result = validate_files(paths, year, last_files, only) if paths else validate_record(year)
        for fix in result.loaded.fixes:
            self.stderr.write(f"normalised: {fix}")
        problems = result.loaded.problems + (result.last_loaded.problems if result.last_loaded else [])
        if problems:
            for problem in problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(problems)} problem(s) reading the files; nothing was validated.")
        report = result.report
        assert report is not None
        if options["format"] == "csv":
            self.stdout.write("code,table,row,child,fields")
            for line in engine.findings_csv_lines(report):
                self.stdout.write(line)
        else:
            for f in report.findings:
                self.stdout.write(f"{f.code} {DFE_NAMES.get(f.table, f.table)} row {f.row} child {f.child}: {f.message}")
        self.stderr.write(
            f"{len(report.findings)} finding(s); ran {len(report.ran)} rules in {report.seconds:.1f}s; "
            f"skipped {len(report.skipped)} (need last year); not implemented {len(report.not_implemented)}"
        )
        if report.failed:
            raise CommandError("Rules failed to run (a bug in Hearth): " + "; ".join(
                f"{code}: {why}" for code, why in report.failed.items()))

    def _export(self, year: int, form: str, out: Path) -> None:
        if form == "xml":
            path, children = export_xml(year, out)
            self.stdout.write(f"Wrote {path}: {children} children.")
            return
        folder, counts = export_csv(year, out)
        self.stdout.write(f"Wrote {folder}: " + ", ".join(f"{DFE_NAMES[t]} {n}" for t, n in counts.items()))

    def _import(self, paths: list[Path], year: int | None) -> None:
        result = import_returns(paths, year)
        for fix in result.fixes:
            self.stderr.write(f"normalised: {fix}")
        if result.problems:
            for problem in result.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(result.problems)} problem(s); nothing was imported.")
        years = ", ".join(str(y) for y in result.years)
        self.stdout.write(f"Imported {years}.")
        for table in dict.fromkeys(t for t, _ in result.counts):
            c = {k: result.counts[(table, k)] for k in ("created", "updated", "unchanged")}
            self.stdout.write(f"  {DFE_NAMES[table]}: {c['created']} created, {c['updated']} updated, "
                              f"{c['unchanged']} unchanged")
