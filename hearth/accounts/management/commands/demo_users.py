from django.core.management.base import BaseCommand

from hearth.accounts.demo import DEMO_PASSWORD, demo_users_ensure


class Command(BaseCommand):
    help = "Create one demo user per role (if missing) and print their sign-ins."

    def handle(self, *args, **options):
        logins = demo_users_ensure()
        self.stdout.write(f"Demo sign-ins (password for all: {DEMO_PASSWORD})")
        for login in logins:
            self.stdout.write(f"  {login.username:<16} {login.role.label}")
