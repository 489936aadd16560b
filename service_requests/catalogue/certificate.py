from django.utils.translation import gettext_lazy as _

from . import groups
from .base import EService

SERVICE = EService(
    code="12",
    slug="certificate",
    name=_("Certificate letter"),
    form_title=_("Application for a certificate letter"),
    officer_group=groups.PERSONNEL,
)
