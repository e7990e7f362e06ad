import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from hearth.casework.open_work import work_out_all
from hearth.command_args import iso_date
from hearth.records.facts import policy_and_key_on


class Command(BaseCommand):
    help = ("Work out every child's open obligations for a day and store them for the worklists "
            "(run nightly, after midnight, so the morning's first pages do not wait for it).")

    def add_arguments(self, parser):
        parser.add_argument("--as-at", dest="as_at", type=iso_date("--as-at"), help="The day (default: today)")

    def handle(self, *args, as_at, **options):
        as_at = as_at or timezone.localdate()
        started = time.perf_counter()
        policy, key = policy_and_key_on(as_at)
        children = work_out_all(as_at=as_at, policy=policy, policy_key=key)
        self.stdout.write(f"Worklists ready for {as_at:%d/%m/%Y} (children's records checked: {children:,}; "
                          f"{time.perf_counter() - started:.1f} s)")
