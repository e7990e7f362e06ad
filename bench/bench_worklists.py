"""Obligations for the whole generated 750-child council, read from the database.

Generates the council into a fresh SQLite file (or uses DATABASE_URL if it already holds one),
then times: reading the record into the rules' facts, all obligations for every child and young
person as at one date, and a worklist page's worth (one PA's caseload). Budget (issue
"Statutory deadlines"): all obligations for the 750-child council in under 1 s.

    .venv/bin/python bench/bench_worklists.py [--as-at 2026-11-22]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--as-at", type=date.fromisoformat, default=date(2026, 11, 22))
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        path = Path("/tmp/hearth-bench-worklists.sqlite3")
        path.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
        for command in (["migrate", "-v0"], ["synth", "--children-in-care", "750", "--seed", "1",
                                              "--as-at", args.as_at.isoformat()]):
            subprocess.run([sys.executable, "-m", "hearth.cli", *command], check=True, stdout=subprocess.DEVNULL)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hearth.settings")
    import django

    django.setup()
    from hearth.accounts.access import caseload_for
    from hearth.casework.worklists import worklist
    from hearth.domain.obligations import obligations_for
    from hearth.records.facts import facts_for, policy_on
    from hearth.records.models import Child, Worker

    policy = policy_on(args.as_at)
    started, cpu = time.perf_counter(), time.process_time()
    facts = list(facts_for(Child.objects.all()).values())
    read = time.perf_counter() - started
    started2 = time.perf_counter()
    total = sum(len(obligations_for(f, args.as_at, policy)) for f in facts)
    rules = time.perf_counter() - started2
    open_only = time.perf_counter()
    recent = sum(len(obligations_for(f, args.as_at, policy, since=args.as_at.replace(year=args.as_at.year - 1)))
                 for f in facts)
    recent_time = time.perf_counter() - open_only
    print(f"{len(facts)} children and young people on the record (as at {args.as_at})")
    print(f"read the record into facts: {read:.2f} s")
    print(f"all obligations, full history: {rules:.2f} s ({total} obligations)")
    print(f"obligations since a year ago (what worklists use): {recent_time:.2f} s ({recent} obligations)")
    print(f"CPU {time.process_time() - cpu:.1f} s, peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")

    pa = max(Worker.objects.filter(role="PERSONAL_ADVISER", active=True),
             key=lambda w: w.allocations.filter(end__isnull=True).count())

    class User:  # the selectors need only these
        is_authenticated, worker_id, worker, role = True, pa.pk, pa, "practitioner"

    started = time.perf_counter()
    work = worklist(caseload_for(User, as_at=args.as_at), as_at=args.as_at)
    print(f"one PA's worklist ({caseload_for(User, as_at=args.as_at).count()} young people): "
          f"{time.perf_counter() - started:.2f} s, {len(work.overdue)} overdue, {len(work.due_in_30_days)} due in 30 days")


if __name__ == "__main__":
    main()
