from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class PrintingConfig(AppConfig):
    name = "printing"
    verbose_name = _("Printing")

    def ready(self):
        from .checks import check_font_subsetting

        checks.register(check_font_subsetting)
