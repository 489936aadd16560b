from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicePagesConfig(AppConfig):
    name = "service_pages"
    verbose_name = _("Service pages")
