from django.core.management.base import BaseCommand

from hearth.records.models import Child


class Command(BaseCommand):
    help = "Print yes if the database holds any child records, otherwise no (used by ./run demo)."

    def handle(self, *args, **options):
        self.stdout.write("yes" if Child.objects.exists() else "no")
