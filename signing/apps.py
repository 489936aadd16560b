from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class SigningConfig(AppConfig):
    name = "signing"
    verbose_name = _("Signed documents")

    def ready(self):
        from .checks import check_signing, refuse_to_start_unable_to_sign

        checks.register(check_signing, deploy=False)
        refuse_to_start_unable_to_sign()
