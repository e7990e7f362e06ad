"""`hearth 903 validate|export|import`: the SSDA903 return (ssda903.md).

A year is named by the March it ends in: --year 2025 is 1 April 2024 to 31 March 2025.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hearth.domain.ssda903_rules import engine
from hearth.domain.ssda903_rules.schema import DFE_NAMES
from hearth.returns.ssda903.files import validate_files


class Command(BaseCommand):
    help = "The SSDA903 return: validate a year's files with the DfE rules (export and import to come)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        v = sub.add_parser("validate", help="Validate a year's 903 CSV files with that year's DfE rules.")
        v.add_argument("--year", type=int, required=True, help="Collection year, named by its March (2025 = 2024/25).")
        v.add_argument("paths", nargs="*", type=Path, help="CSV files or a folder; DIR/<year-1> is read as last year.")
        v.add_argument("--last", nargs="*", type=Path, default=None, help="Last year's CSV files or folder.")
        v.add_argument("--format", choices=("text", "csv"), default="text")
        v.add_argument("--rule", action="append", default=None, help="Run only this rule (repeatable).")
        v.add_argument("--coverage", action="store_true", help="List the rules implemented and not yet implemented.")
        for name in ("export", "import"):
            sub.add_parser(name, help="Not implemented yet.")

    def handle(self, *args: object, **options: object) -> None:
        action = options["action"]
        if action != "validate":
            raise CommandError(f"hearth 903 {action} is not implemented yet.")
        year = int(options["year"])  # type: ignore[call-overload]
        if options["coverage"]:
            have, missing = engine.coverage(year)
            self.stdout.write(f"{len(have)} of {len(have) + len(missing)} rules in force for {year} implemented.")
            self.stdout.write("Not implemented: " + " ".join(missing))
            return
        paths: list[Path] = options["paths"]  # type: ignore[assignment]
        if not paths:
            raise CommandError("Validating the record is not implemented yet: give the year's CSV files or folder.")
        last = options["last"]
        last_files = [p for t in last for p in (sorted(t.glob("*.csv")) if t.is_dir() else [t])] if last else None
        only = set(options["rule"]) if options["rule"] else None  # type: ignore[arg-type]
        result = validate_files(paths, year, last_files, only)
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
