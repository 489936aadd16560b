# The office's settings and closure days move here from `home` and `reports`, which sat above
# the apps that need them. Only Django's state moves in this step: the tables stay as they are,
# so a database made before the move keeps its rows (0002 renames the tables).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("home", "0001_initial"),
        ("reports", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="OfficeSettings",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name_th", models.CharField(max_length=255, verbose_name="office name (Thai)")),
                        ("name_en", models.CharField(blank=True, max_length=255, verbose_name="office name (English)")),
                        ("address_th", models.TextField(blank=True, verbose_name="address (Thai)")),
                        ("address_en", models.TextField(blank=True, verbose_name="address (English)")),
                        ("phones", models.CharField(blank=True, max_length=255, verbose_name="phone numbers")),
                        ("fax", models.CharField(blank=True, max_length=100, verbose_name="fax")),
                        ("email", models.EmailField(blank=True, max_length=254, verbose_name="email")),
                        ("privacy_notice_version", models.CharField(default="1", help_text="Change it whenever the privacy notice changes; each consent records the version accepted.", max_length=50, verbose_name="privacy notice version")),
                        ("logo", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="wagtailimages.image", verbose_name="logo")),
                        ("privacy_policy_page", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.WAGTAIL_PAGE_MODEL, verbose_name="privacy policy page")),
                        ("site", models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to="wagtailcore.site")),
                    ],
                    options={"verbose_name": "office settings", "db_table": "home_officesettings"},
                ),
                migrations.CreateModel(
                    name="ClosureDay",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("date", models.DateField(unique=True, verbose_name="date")),
                        ("reason", models.CharField(max_length=200, verbose_name="reason")),
                    ],
                    options={
                        "verbose_name": "closure day",
                        "verbose_name_plural": "closure days",
                        "ordering": ["-date"],
                        "db_table": "reports_closureday",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
