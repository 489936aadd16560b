from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The top layer: demo content for a fresh portal (`manage.py load_demo_content`)."""

    name = "demo"
    verbose_name = _("Demo content")
