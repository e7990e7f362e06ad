"""`hearth performance_demo`: the demonstration band schemes and benchmark figures (kpis.md §3.2, §4.1).

Safe to run again: what is already there is left alone. Called by `./run demo`.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from hearth.analytics.band_schemes import lancashire_demo_load
from hearth.analytics.benchmarks import demo_benchmarks_load


class Command(BaseCommand):
    help = "Load the Lancashire demonstration band schemes and the demonstration benchmark file."

    def handle(self, *args: object, **options: object) -> None:
        schemes = lancashire_demo_load()
        rows = demo_benchmarks_load()
        self.stdout.write(f"Demonstration band schemes added: {schemes}; benchmark rows added: {rows}.")
