from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("service_requests", "0015_id_card_copy"),
    ]

    operations = [
        migrations.AddField(
            model_name="formorderdetails",
            name="delivery_address",
            field=models.TextField(default="", max_length=500, verbose_name="delivery address"),
            preserve_default=False,
        ),
    ]
