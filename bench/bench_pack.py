"""A full members' pack for the generated 750-child council: build, HTML and PDF.

Generates the council into a fresh SQLite file (or uses DATABASE_URL if it already holds one),
takes a snapshot of the record, then times building the pack for 2025-Q4 (every computable KPI
in the eight themes, its 24-month trend, breakdowns and checks), rendering the HTML, and
printing the PDF. Budget (issue 6): under 20 s for the whole pack, snapshot excluded (the
snapshot is taken nightly and shared by every dashboard and pack).

    .venv/bin/python bench/bench_pack.py [--period 2025-Q4] [--audience members] [--out /tmp/pack.pdf]
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

AS_AT = date(2026, 11, 22)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--period", default="2025-Q4")
    parser.add_argument("--audience", default="members", choices=["members", "managers"])
    parser.add_argument("--out", default="/tmp/hearth-bench-pack.pdf")
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        path = Path("/tmp/hearth-bench-pack.sqlite3")
        path.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
        for command in (["migrate", "-v0"], ["synth", "--children-in-care", "750", "--seed", "1",
                                              "--as-at", AS_AT.isoformat()]):
            subprocess.run([sys.executable, "-m", "hearth.cli", *command], check=True, stdout=subprocess.DEVNULL)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hearth.settings")
    import django

    django.setup()
    from hearth.analytics.extract import snapshot_from_record
    from hearth.domain.packs.audience import rules_for
    from hearth.domain.packs.period import parse_period
    from hearth.packs.build import pack_content
    from hearth.packs.render import render_html, render_pdf
    from hearth.packs.sources import EngineSource
    from hearth.records.models import Child

    started = time.perf_counter()
    snap = snapshot_from_record(AS_AT)
    snapshot_s = time.perf_counter() - started

    period = parse_period(args.period)
    t0, cpu0 = time.perf_counter(), time.process_time()
    content = pack_content(EngineSource(snap), period=period, rules=rules_for(args.audience),
                           title="Corporate parenting panel", council="Bench council")
    t1 = time.perf_counter()
    html = render_html(content, status_line="Benchmark: not issued")
    t2 = time.perf_counter()
    pdf = render_pdf(html)
    t3, cpu3 = time.perf_counter(), time.process_time()
    Path(args.out).write_bytes(pdf)
    from pypdf import PdfReader

    pages = len(PdfReader(args.out).pages)
    load = os.getloadavg()[0]
    print(f"children on the record      {Child.objects.count():,}")
    print(f"period                      {period.describe()}")
    print(f"measures in the pack        {len(content.panels)} ({sum(len(s.not_computable) for s in content.sections)} listed as not computable)")
    print(f"snapshot (not in budget)    {snapshot_s:6.2f} s")
    print(f"build (engine, checks)      {t1 - t0:6.2f} s")
    print(f"render HTML                 {t2 - t1:6.2f} s  ({len(html) / 1e6:.1f} MB)")
    print(f"print PDF                   {t3 - t2:6.2f} s  ({pages} pages, {len(pdf) / 1e6:.1f} MB)")
    print(f"TOTAL pack                  {t3 - t0:6.2f} s wall, {cpu3 - cpu0:.2f} CPU-s  (budget 20 s)")
    print(f"peak memory                 {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print(f"load average (1 min)        {load:.2f}")


if __name__ == "__main__":
    main()
