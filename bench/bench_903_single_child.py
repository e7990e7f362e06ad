"""The 903 rules on one child as an episode form is saved (issue "SSDA903": warn before the error
is stored). Budget: fast enough to sit inside a form save; we aim for under 0.5 s a save.

Generates the 750 council into a fresh SQLite file (or uses DATABASE_URL if it already holds one),
then for 30 children in care times, each on its own:
  - reading the child's return (this year and last) from the record,
  - the year's rules on those rows,
  - a whole checked save that breaks a rule (leaving care with E17 under 18: two runs, rolled back),
  - a whole checked save that breaks none (leaving care with E41; rolled back afterwards).

    .venv/bin/python bench/bench_903_single_child.py [--as-at 2026-11-22]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--as-at", type=date.fromisoformat, default=date(2026, 11, 22))
    parser.add_argument("--children", type=int, default=30)
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        path = Path("/tmp/hearth-bench-903-single.sqlite3")
        if not path.exists():  # made once, kept for the next run
            making = path.with_suffix(".making")
            making.unlink(missing_ok=True)
            os.environ["DATABASE_URL"] = f"sqlite:///{making}"
            for command in (["migrate", "-v0"], ["synth", "--children-in-care", "750", "--seed", "1",
                                                  "--as-at", args.as_at.isoformat()]):
                subprocess.run([sys.executable, "-m", "hearth.cli", *command], check=True, stdout=subprocess.DEVNULL)
            making.rename(path)
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hearth.settings")
    import django

    django.setup()
    import duckdb
    from django.db import transaction

    from hearth.domain.ssda903.years import age_on, collection_year_of
    from hearth.records.models import Child
    from hearth.records.services.episodes import care_leave
    from hearth.returns.ssda903.single import change_checked, child_year_rows, rows_findings

    year = collection_year_of(args.as_at)
    under_18 = [c for c in Child.objects.filter(episodes__dec__isnull=True).distinct().order_by("la_child_id")
                if age_on(c.dob, args.as_at) < 18][: args.children]
    times: dict[str, list[float]] = {"read": [], "rules": [], "save that breaks a rule": [], "clean save": []}
    blocked = stored = 0

    class Undo(Exception):
        pass

    rows_findings(child_year_rows(under_18[0].pk, year), year)  # warm up: rule registry, DuckDB
    cpu = time.process_time()
    for child in under_18:
        t0 = time.perf_counter()
        rows = child_year_rows(child.pk, year)
        t1 = time.perf_counter()
        rows_findings(rows, year)
        t2 = time.perf_counter()
        got = change_checked(child_pk=child.pk, year=year,
                             perform=lambda c=child: care_leave(by=None, child=c, on=args.as_at, rec="E17"))
        t3 = time.perf_counter()
        blocked += not got.stored
        try:
            with transaction.atomic():
                clean = change_checked(child_pk=child.pk, year=year,
                                       perform=lambda c=child: care_leave(by=None, child=c, on=args.as_at, rec="E41"))
                stored += clean.stored
                raise Undo
        except Undo:
            pass
        t4 = time.perf_counter()
        for name, took in zip(times, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            times[name].append(took)
    cpu = time.process_time() - cpu
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, DuckDB {duckdb.__version__}, load {os.getloadavg()[0]:.1f}")
    print(f"{len(under_18)} children in care under 18, collection year {year}; "
          f"E17 saves blocked {blocked}, E41 saves stored {stored}")
    for name, values in times.items():
        print(f"{name:>24}: median {statistics.median(values) * 1000:4.0f} ms, max {max(values) * 1000:4.0f} ms")
    print(f"CPU {cpu:.1f} s in all")


if __name__ == "__main__":
    main()
