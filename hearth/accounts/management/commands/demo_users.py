from django.core.management.base import BaseCommand

from hearth.accounts.demo import DEMO_PASSWORD, demo_users_ensure
from hearth.accounts.models import User
from hearth.accounts.roles import Role


class Command(BaseCommand):
    help = "Create one demo user per role (if missing), and a young person's, and print their sign-ins."

    def handle(self, *args, **options):
        logins = demo_users_ensure()
        self.stdout.write(f"Demo sign-ins (password for all: {DEMO_PASSWORD})")
        for login in logins:
            line = f"  {login.username:<16} {login.role.label}"
            if login.role == Role.YOUNG_PERSON:
                user = User.objects.get(username=login.username)
                line += f": the young person's own pages, as {user.get_full_name()}"
            self.stdout.write(line)
        if not any(login.role == Role.YOUNG_PERSON for login in logins):
            self.stdout.write("  (no young person's sign-in: the record has no care leaver to link it to)")
