"""hearth snapshot: extract the record into a new analytics snapshot (run nightly)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from hearth.analytics.current import take_snapshot


class Command(BaseCommand):
    help = "Take a snapshot of the record for the performance engine (pseudonymised, read by DuckDB)."

    def handle(self, *args: object, **options: object) -> None:
        started = time.perf_counter()
        folder = take_snapshot()
        self.stdout.write(f"Snapshot saved in {folder} ({time.perf_counter() - started:.1f} s).")
