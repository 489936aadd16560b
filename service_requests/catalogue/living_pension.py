from django.utils.translation import gettext_lazy as _

from . import groups
from .base import EService

SERVICE = EService(
    code="21",
    slug="living-pension",
    name=_("Living pension"),
    form_title=_("Application for the living pension lump sum"),
    officer_group=groups.FINANCE,
)
