"""Benchmark: validate a national-scale 903 year (load the CSV set, run every rule in force).

Make the data first (about 85,000 children in care at a time across 150 councils):

    hearth synth --councils 150 --children-in-care 85000 --seed 1 --csv-out /tmp/nat

or, in a minute, a stand-in of the same size: run `hearth synth` for a few hundred children
(`--csv-out SMALL`) and copy its 2024 and 2025 folders N times into DIR/2024 and DIR/2025, the
header line once, each copy's CHILD ids prefixed with the copy's number (R<k>X...), until
about 85,000 children are in care at 31 March (about 1.06 M rows, 55 MB for 2025).

then run:

    python bench/bench_903_validate.py /tmp/nat --year 2025

It validates DIR/<year> with DIR/<year-1> as last year's return, and prints wall time, peak
memory (the process's maximum resident set, which includes DuckDB's native memory) and the rows
read. Budget: under 15 s and under 2 GB. Record results in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import platform
import resource
import time
from collections import Counter
from pathlib import Path

import duckdb

from hearth.domain.ssda903_rules import engine
from hearth.domain.ssda903_rules.load import csv_paths, load_csv_set


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--threads", type=int, default=0, help="DuckDB threads (0 = the engine's setting, 1).")
    args = parser.parse_args()

    began = time.perf_counter()
    con = engine.connect()  # what `hearth 903 validate` uses: one thread per query, two cursors
    if args.threads:
        con.execute(f"SET threads = {args.threads}")
    this = load_csv_set(con, csv_paths(args.folder / str(args.year)))
    last_folder = args.folder / str(args.year - 1)
    last = load_csv_set(con, csv_paths(last_folder) if last_folder.is_dir() else [], suffix="_last")
    assert this.ok and last.ok, this.problems + last.problems
    loaded = time.perf_counter()
    report = engine.run(con, args.year, has_last=last_folder.is_dir())
    done = time.perf_counter()

    rows = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in this.files}  # type: ignore[index]
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak_mb = usage.ru_maxrss / 1024
    print(f"machine: {platform.processor() or platform.machine()}, {platform.python_version()}, duckdb {duckdb.__version__}")
    print(f"year {args.year}: rows {sum(rows.values()):,} ({', '.join(f'{t} {n:,}' for t, n in sorted(rows.items()))})")
    print(f"load {loaded - began:.1f}s, rules {done - loaded:.1f}s, total {done - began:.1f}s, "
          f"cpu {usage.ru_utime + usage.ru_stime:.1f}s, peak {peak_mb:,.0f} MB")
    print(f"rules ran {len(report.ran)}, skipped {len(report.skipped)}, failed {len(report.failed)}, "
          f"not implemented {len(report.not_implemented)}")
    print("findings by rule:", dict(Counter(f.code for f in report.findings).most_common(15)))


if __name__ == "__main__":
    main()
