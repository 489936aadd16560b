# ClosureDay now belongs to the `base` app (base 0001 took over its table).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("base", "0001_initial"),
        ("reports", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ClosureDay")],
            database_operations=[],
        ),
    ]
