from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """The applicant's rights over their personal data: a copy of it, and closing the account."""

    name = "privacy"
    verbose_name = _("Privacy")
