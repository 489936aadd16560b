"""Pieces several services share: officer types, the usual attachment slots, how far ahead a
booking may be."""

import datetime
from dataclasses import replace

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import PersonnelType

from .base import AttachmentSlot, EService

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


class IdCardCopy(models.TextChoices):
    """What an office asks of the ID-card copy on the built-in services that have the slot
    (ServiceAssignment.id_card_copy): the Electronic Administration Act B.E. 2565 lets it verify
    an applicant's identity itself instead of asking for a copy."""

    REQUIRED = "required", _("Required (as the service defines it)")
    OPTIONAL = "optional", _("Optional")
    NOT_ASKED = "not_asked", _("Not asked (the office verifies identity itself)")


def asks_id_card_copy(service: EService) -> bool:
    return any(slot.name == ID_CARD_COPY.name for slot in (*service.attachment_slots, *service.former_slots))


def with_id_card_copy(service: EService, choice: str) -> EService:
    """The service as an office runs it: its ID-card copy slot required (as defined), optional,
    or not asked (moved to former_slots: files already filed in it still show)."""
    if choice == IdCardCopy.REQUIRED or not asks_id_card_copy(service):
        return service
    slots = service.attachment_slots
    if choice == IdCardCopy.OPTIONAL:
        return replace(
            service,
            attachment_slots=tuple(
                replace(slot, required=False) if slot.name == ID_CARD_COPY.name else slot for slot in slots
            ),
        )
    return replace(
        service,
        attachment_slots=tuple(slot for slot in slots if slot.name != ID_CARD_COPY.name),
        former_slots=(*service.former_slots, *(slot for slot in slots if slot.name == ID_CARD_COPY.name)),
    )


OTHER_DOCUMENT_1 = AttachmentSlot("other_1", _("Other document 1"))
OTHER_DOCUMENT_2 = AttachmentSlot("other_2", _("Other document 2"))

# Rooms and appointments are booked at most a year ahead. (A year typed in the Buddhist Era, 543
# years ahead, gets its own hint from the date field itself: service_requests.date_fields.)
BOOKING_HORIZON = datetime.timedelta(days=366)
TOO_FAR_AHEAD = _("Bookings can be made at most a year ahead. Please choose an earlier date.")


def too_far_ahead(moment: datetime.datetime) -> bool:
    return moment > timezone.now() + BOOKING_HORIZON
