from django.utils.translation import gettext_lazy as _

from . import groups
from .base import EService

SERVICE = EService(
    code="32",
    slug="appointment",
    name=_("Appointment with executives"),
    form_title=_("Appointment request to meet the executives"),
    officer_group=groups.DIRECTOR_OFFICE,
)
