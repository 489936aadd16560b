"""No double booking, ever: on PostgreSQL the database itself refuses overlapping time ranges of
one room (bookings that hold their slot) and of one executive (accepted appointments).

SQLite has no exclusion constraints; there the check and the insert run in one IMMEDIATE
transaction (see portal/settings/base.py), so they cannot interleave.
"""

from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations

CONSTRAINTS = [
    (
        "service_requests_roombookingdetails",
        "room_booking_no_overlap",
        "EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) WHERE (holds_slot)",
    ),
    (
        "service_requests_appointmentdetails",
        "appointment_no_overlap",
        "EXCLUDE USING gist (executive_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) WHERE (accepted)",
    ),
]


def add_constraints(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, name, definition in CONSTRAINTS:
        schema_editor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")


def drop_constraints(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, name, _definition in CONSTRAINTS:
        schema_editor.execute(f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("service_requests", "0002_four_more_services")]

    operations = [
        BtreeGistExtension(),
        migrations.RunPython(add_constraints, drop_constraints),
    ]
