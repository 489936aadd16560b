"""Pieces several services share: officer types and the usual attachment slots."""

from django.utils.translation import gettext_lazy as _

from accounts.models import PersonnelType

from .base import AttachmentSlot

# The manual's four kinds of government personnel (the general public cannot apply for these).
OFFICER_TYPES = [choice for choice in PersonnelType.choices if choice[0] != PersonnelType.PUBLIC]

ID_CARD_COPY = AttachmentSlot("id_card_copy", _("Copy of the national ID card"), required=True)
OTHER_DOCUMENT_1 = AttachmentSlot("other_1", _("Other document 1"))
OTHER_DOCUMENT_2 = AttachmentSlot("other_2", _("Other document 2"))
