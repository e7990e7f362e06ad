"""Benchmark: every KPI at one date plus 24-month trends (issue 5's budgets).

Two runs:

    DATABASE_URL=... python bench/bench_kpis.py council --as-at 2025-03-31
        the record of a generated council (hearth synth --children-in-care 750 --seed 1):
        takes a snapshot of the record, then computes. Budget for the computation: under 1 s.

    python bench/bench_kpis.py national DIR --as-at 2025-03-31
        DIR holds the national synthetic 903 set, one folder per collection year
        (hearth synth --councils 150 --children-in-care 85000 --seed 1 --csv-out DIR): builds a
        snapshot from the files, then computes. Budget: under 30 s and under 4 GB.

Prints the snapshot time, the computation time (all KPIs at the date, then 24 monthly points of
every KPI), the peak resident memory of the process (DuckDB's native memory included) and counts.
Record results, machine and date in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import resource
import sys
import time
from datetime import date
from pathlib import Path


def _compute(snap, as_at: date) -> None:
    """Both ways a screen asks: one date alone, and every KPI's 24 month-ends, whose last point is
    the date itself (what the dashboard and packs use: all KPIs at the date plus their trends)."""
    from hearth.analytics import engine

    started = time.perf_counter()
    results = engine.evaluate(snap, as_at)
    one = time.perf_counter() - started
    started = time.perf_counter()
    series = engine.trends(snap, as_at)
    both = time.perf_counter() - started
    same = [(series[k][-1].value is None) == (r.value is None)
            and (r.value is None or math.isclose(series[k][-1].value, r.value, rel_tol=1e-9)) for k, r in results.items()]
    assert all(same)  # the trend's last point is the date (float sums may differ in the last bits)
    ok = sum(r.status == "ok" for r in results.values())
    print(f"KPIs: {len(results)} in the catalogue, {ok} with a value at {as_at}")
    print(f"all KPIs at one date alone: {one:.2f} s")
    print(f"all KPIs at the date plus 24-month trends (one call; the budget's figure): {both:.2f} s")
    print(f"trend points: {sum(len(s) for s in series.values())}")
    for kpi_id in ("POP-01", "POP-04", "PLC-02", "STB-01", "CL-04", "CL-05", "CL-L05", "WF-01"):
        r = results[kpi_id]
        print(f"  {kpi_id}: {r.value if r.value is None else round(r.value, 2)} ({r.numerator}/{r.denominator}) {r.status}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("which", choices=("council", "national"))
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--as-at", type=date.fromisoformat, default=date(2025, 3, 31))
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
          f"load average {os.getloadavg()[0]:.2f}")
    if args.which == "council":
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hearth.settings")
        import django

        django.setup()
        from hearth.analytics.extract import snapshot_from_record

        started = time.perf_counter()
        snap = snapshot_from_record(args.as_at, processes=None)
        print(f"snapshot of the record: {time.perf_counter() - started:.2f} s")
    else:
        if args.folder is None:
            sys.exit("national needs the folder of the 903 set")
        from hearth.analytics.snapshot import snapshot_from_903

        started = time.perf_counter()
        snap = snapshot_from_903(sorted(p for p in args.folder.iterdir() if p.is_dir()))
        print(f"snapshot from {args.folder}: {time.perf_counter() - started:.2f} s")
    for table in ("child", "episode", "oc3", "lc_status", "obligation"):
        print(f"  {table}: {snap.cursor().execute(f'SELECT count(*) FROM {table}').fetchone()[0]:,} rows")
    _compute(snap, args.as_at)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
