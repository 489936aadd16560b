# OfficeSettings now belongs to the `base` app (base 0001 took over its table).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("base", "0001_initial"),
        ("home", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="OfficeSettings")],
            database_operations=[],
        ),
    ]
