from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from hearth.offer.selectors import offer_current
from hearth.offer.services import offer_load

DEMO_OFFER = Path(__file__).resolve().parents[2] / "data" / "demo_offer.toml"


class Command(BaseCommand):
    help = "Load the local offer from a TOML file as a new version (the demo offer, once, by default)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="An offer file; without it, the demo offer if none is published.")
        parser.add_argument("--draft", action="store_true", help="Load as a draft instead of publishing today.")

    def handle(self, *args, path=None, draft=False, **options):
        today = timezone.localdate()
        if path is None and offer_current(today) is not None:
            self.stdout.write("A local offer is already published; nothing loaded.")
            return
        text = Path(path or DEMO_OFFER).read_text()
        try:
            version = offer_load(by=None, text=text, publish_on=None if draft else today)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        state = "draft" if draft else f"published {today:%d/%m/%Y}"
        self.stdout.write(f"Local offer version {version.number} loaded ({version.entitlements.count()} entitlements, {state}).")
