from django.utils.translation import gettext_lazy as _

from . import groups
from .base import EService

SERVICE = EService(
    code="41",
    slug="school-record-forms",
    name=_("School record forms (ปพ.1-3)"),
    form_title=_("Order of educational record forms (ปพ.)"),
    officer_group=groups.ACADEMIC,
)
