from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _

from PIL import ImageFile


class PrintingConfig(AppConfig):
    name = "printing"
    verbose_name = _("Printing")

    def ready(self):
        from .checks import check_font_subsetting  # imports WeasyPrint

        checks.register(check_font_subsetting)
        # WeasyPrint turns on Pillow's LOAD_TRUNCATED_IMAGES when imported, for the whole process.
        # The portal refuses pictures cut short (service_requests.uploads) and prints only checked
        # ones, so it is turned off again.
        ImageFile.LOAD_TRUNCATED_IMAGES = False
