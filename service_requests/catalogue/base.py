import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import DatabaseError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

LOADED_FOR_SECONDS = 10


class ReadOncePerRequest:
    """What the catalogue reads from the database (the configured services, the office's choices):
    read once per request (service_requests.apps forgets it as each request starts, since every
    list row asks its request's service) and, outside requests (the worker's tasks), again after
    LOADED_FOR_SECONDS at most. Before the migrations (Django's checks ask for the services'
    names), `before_migrations()` answers instead."""

    def __init__(self, read: Callable, *, before_migrations: Callable):
        self._read = read
        self._before_migrations = before_migrations
        self._value = None
        self._until = 0.0

    def get(self):
        if time.monotonic() >= self._until:
            try:
                value = self._read()
            except DatabaseError:
                return self._before_migrations()
            self._value, self._until = value, time.monotonic() + LOADED_FOR_SECONDS
        return self._value

    def forget(self, **_signal) -> None:
        """Read again on the next call: a request starts, something it reads changed."""
        self._until = 0.0


@dataclass(frozen=True)
class AttachmentSlot:
    """A named place for one file on a service's form, e.g. the ID-card copy."""

    name: str
    label: Promise
    required: bool = False
    help_text: Promise | str = ""  # advice shown next to the file box, e.g. what to black out


@dataclass(frozen=True)
class EService:
    """What the portal knows about one e-service, whatever office runs it."""

    code: str  # the two digits that start its reference codes (SPEC: 11, 12, 21, 31, 32, 41)
    slug: str  # its page's address under /services/
    name: (
        Promise  # the one name of the service everywhere (tiles, lists, printouts, admin), e.g. "บัตรข้าราชการ"
    )
    form_title: Promise  # the title of its application form
    officer_group: str  # name of the group the demo content assigns its requests to
    details_form: type | None = None  # ModelForm of its own fields; None: not yet online
    attachment_slots: tuple[AttachmentSlot, ...] = field(default=())
    # Slots it no longer asks for (an office dropped the ID-card copy: common.with_id_card_copy):
    # the files requests already hold in them still show under their label.
    former_slots: tuple[AttachmentSlot, ...] = field(default=())
    # Lists its officers keep current in the admin (e.g. the rooms), as "app_label.ModelName";
    # the demo content gives its officer group the rights to them.
    kept_lists: tuple[str, ...] = field(default=())
    # Its tile's icon: the inside of a 24×24 stroked SVG (paths, circles); "" a generic form.
    icon: str = ""
    # What its availability calendar shows (service_requests.availability.CalendarSource);
    # None: it books no time.
    calendar: object = None
    # The admin viewsets it brings (its kept lists, pages of its own), as dotted paths of
    # ViewSet classes: registered by service_requests.wagtail_hooks once the admin is loaded.
    admin_viewsets: tuple[str, ...] = field(default=())
    # (variant: int) -> valid cleaned details (what its form's details_data() gives), for tests
    # and the demo; different variants never clash (e.g. bookings on different days).
    sample_details: Callable[[int], dict] | None = None
    # The working days its requests are due in (sla.py); None: the SPEC's 5.
    processing_days: int | None = None
    # What the applicant is told after moving a submitted request's time (a service with a
    # calendar), its new time as %(when)s: an appointment's wording unless the service has its own.
    rescheduled_message: Promise = _(
        "Rescheduled to %(when)s. Please wait for the officers to confirm the new time."
    )

    @property
    def accepts_requests(self) -> bool:
        return self.details_form is not None

    @property
    def details_model(self):
        return self.details_form._meta.model if self.details_form else None

    def amount_due(self, details) -> Decimal | None:
        """What a request with these details (its RequestDetails row) costs the applicant, exact to
        the satang; None when there is nothing to pay (RequestDetails.amount_due())."""
        return details.amount_due() if details is not None else None

    def slot_labels(self) -> dict:
        """{slot name: label} of every slot its requests may hold a file in, asked or former."""
        return {slot.name: slot.label for slot in (*self.attachment_slots, *self.former_slots)}

    def answer_fields(self) -> list[tuple[str, str]]:
        """(name, label) of the answers kept beside the details model's fields (RequestDetails.
        own_answers): none for a service that is code."""
        return []

    def export_columns(self) -> list[tuple[str, Callable]]:
        """(heading, value of a details row) of the columns an export of this service's requests
        adds after the shared ones."""
        return self.details_model.export_columns() if self.details_model else []
