from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServiceFormsConfig(AppConfig):
    name = "service_forms"
    verbose_name = _("Service forms")
