from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BaseConfig(AppConfig):
    """The bottom layer: the office's settings, Thai dates, working days and the content blocks."""

    name = "base"
    verbose_name = _("Office")

    def ready(self):
        from django.core.signals import request_started

        from .generations import store_those_not_stored
        from .page_cache import connect_purges
        from .spreadsheets import protect_wagtail_exports

        protect_wagtail_exports()
        connect_purges()
        request_started.connect(store_those_not_stored, dispatch_uid="store-generations-not-stored")
