from django.utils.translation import gettext_lazy as _

from . import groups
from .base import EService

SERVICE = EService(
    code="11",
    slug="id-card",
    name=_("Government officer ID card"),
    form_title=_("Application for a new or replacement government officer ID card"),
    officer_group=groups.PERSONNEL,
)
