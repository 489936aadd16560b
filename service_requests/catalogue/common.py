"""Pieces several services share: officer types, the usual attachment slots, how far ahead a
booking may be."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import PersonnelType

from .base import AttachmentSlot

# The manual's four kinds of government personnel (the general public cannot apply for these).
OFFICER_TYPES = [choice for choice in PersonnelType.choices if choice[0] != PersonnelType.PUBLIC]

# The card shows religion and blood group, which the office does not need from a copy (PDPA
# section 26: sensitive data); the privacy notice asks for them to be covered.
ID_CARD_COPY = AttachmentSlot(
    "id_card_copy",
    _("Copy of the national ID card"),
    required=True,
    help_text=_("Please black out your religion and blood group on the copy before you attach it."),
)
OTHER_DOCUMENT_1 = AttachmentSlot("other_1", _("Other document 1"))
OTHER_DOCUMENT_2 = AttachmentSlot("other_2", _("Other document 2"))

# Rooms and appointments are booked at most a year ahead. (A year typed in the Buddhist Era, 543
# years ahead, gets its own hint from the date field itself: service_requests.date_fields.)
BOOKING_HORIZON = datetime.timedelta(days=366)
TOO_FAR_AHEAD = _("Bookings can be made at most a year ahead. Please choose an earlier date.")


def too_far_ahead(moment: datetime.datetime) -> bool:
    return moment > timezone.now() + BOOKING_HORIZON
