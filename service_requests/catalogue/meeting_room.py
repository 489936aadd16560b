from django.utils.translation import gettext_lazy as _

from . import groups
from .base import EService

SERVICE = EService(
    code="31",
    slug="meeting-room",
    name=_("Meeting room booking"),
    form_title=_("Meeting room booking"),
    officer_group=groups.ADMINISTRATION,
)
