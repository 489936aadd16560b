# The moved models get their own app's table names, and their content types (and so the
# permissions groups hold, e.g. "change office settings") follow them to `base`.

from django.db import migrations

MOVED = {"officesettings": "home", "closureday": "reports"}


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model, old_app in MOVED.items():
        old = ContentType.objects.filter(app_label=old_app, model=model).first()
        if old is None:
            continue  # a new database: post_migrate makes base's content types
        ContentType.objects.filter(app_label="base", model=model).delete()
        old.app_label = "base"
        old.save(update_fields=["app_label"])


def restore_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model, old_app in MOVED.items():
        ContentType.objects.filter(app_label="base", model=model).update(app_label=old_app)


class Migration(migrations.Migration):

    dependencies = [
        ("base", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0002_office_settings_move_to_base"),
        ("reports", "0002_closure_day_move_to_base"),
    ]

    operations = [
        migrations.AlterModelTable(name="officesettings", table=None),
        migrations.AlterModelTable(name="closureday", table=None),
        migrations.RunPython(move_content_types, restore_content_types),
    ]
