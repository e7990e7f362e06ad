"""Benchmark the synthetic council generator (not part of the test run).

1. The 750 council into a fresh SQLite database (migrations first, not timed), with its 903 CSV set.
2. The national CSV set: 150 councils, 85,000 children in care at a time.

Each runs as its own `hearth synth` process; wall time is measured here and peak memory is the
largest resident set of that process or any of its worker processes (getrusage RUSAGE_CHILDREN,
read after each run; Linux reports kilobytes), with the CPU seconds used, since on a shared
machine the wall time depends on what else is running. Budgets: the council under 60 s; the national set
under 10 minutes and 4 GB. Usage:

    python bench/bench_synth.py [--as-at 2026-11-22] [--processes 2] [--skip-national]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEARTH = [sys.executable, "-m", "hearth.cli"]


def run(label: str, args: list[str], env: dict[str, str]) -> None:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu_before = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    started = time.perf_counter()
    done = subprocess.run(HEARTH + args, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime - cpu_before
    print(f"== {label}")
    print(done.stdout.strip())
    if done.returncode:
        print(done.stderr[-3000:])
        raise SystemExit(done.returncode)
    note = "" if peak > before else " (not above an earlier run's peak)"
    print(f"wall {wall:.1f} s, CPU {cpu:.0f} s (all processes), peak memory of one process "
          f"{peak / 1024:.0f} MB{note}; load average now {os.getloadavg()[0]:.1f}\n")


def csv_size(folder: Path) -> str:
    files = list(folder.rglob("*.csv"))
    rows = sum(sum(1 for _ in f.open(encoding="utf-8")) - 1 for f in files)
    megabytes = sum(f.stat().st_size for f in files) / 1e6
    return f"{len(files)} files, {rows} rows, {megabytes:.0f} MB"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--as-at", default="2026-11-22")
    parser.add_argument("--processes", default="2")
    parser.add_argument("--skip-national", action="store_true")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hearth-bench-synth-"))
    try:
        env = dict(os.environ, DATABASE_URL=f"sqlite:///{work / 'bench.sqlite3'}", HEARTH_DEBUG="false")
        subprocess.run(HEARTH + ["migrate", "-v0"], env=env, check=True)
        print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, as at {options.as_at}\n")
        run("750 council into SQLite, with its 903 CSV set",
            ["synth", "--children-in-care", "750", "--seed", "1", "--as-at", options.as_at,
             "--csv-out", str(work / "council")], env)
        print(f"council CSV: {csv_size(work / 'council')}\n")
        if not options.skip_national:
            run("national 903 CSV set: 150 councils, 85,000 in care",
                ["synth", "--councils", "150", "--children-in-care", "85000", "--seed", "1", "--as-at",
                 options.as_at, "--csv-out", str(work / "national"), "--processes", options.processes], env)
            print(f"national CSV: {csv_size(work / 'national')}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
