from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackupsConfig(AppConfig):
    """Backups of the database and the files (manage.py backup_portal, restore_portal).

    At the bottom layer beside base: it knows no app of ours, only the database connection and the
    storages by their aliases, so every model and file any app adds is in the backup."""

    name = "backups"
    verbose_name = _("Backups")
