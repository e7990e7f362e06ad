from django.db import migrations


class Migration(migrations.Migration):
    """Failures are kept by what was tried: a username, or a young person's code (as a hash)."""

    dependencies = [("accounts", "0005_young_person")]

    operations = [migrations.RenameField("signinfailure", "username", "key")]
