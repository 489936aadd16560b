"""31 จองห้องประชุม: booking one of the office's meeting rooms for a time range.

No double booking, ever: the check below runs inside the submitting transaction (IMMEDIATE on
SQLite, so check and insert cannot interleave), and on PostgreSQL an exclusion constraint over
the room and the time range (migration 0003) refuses overlaps that race past the check.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from base.dates import format_date
from base.working_days import WorkingCalendar

from ..availability import CalendarSource, times_of
from ..date_fields import IsoDateField, IsoTimeField
from ..details import DetailsForm, RequestDetails
from ..workflow import RequestStatus
from . import groups
from .base import AttachmentSlot, EService
from .common import OTHER_DOCUMENT_1, OTHER_DOCUMENT_2, TOO_FAR_AHEAD, too_far_ahead


class Room(models.Model):
    """A meeting room that administrators keep; only active rooms can be booked."""

    name = models.CharField(_("name"), max_length=255)
    capacity = models.PositiveIntegerField(_("capacity (people)"))
    equipment = models.TextField(_("equipment"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_active = models.BooleanField(_("active"), default=True)
    # Rooms follow the office's working days unless an administrator opens one to weekend and
    # holiday bookings (e.g. a hall lent for training days).
    bookable_on_non_working_days = models.BooleanField(
        _("bookable on non-working days"),
        default=False,
        help_text=_("Allow bookings at weekends, on public holidays and on the office's closure days."),
    )

    class Meta:
        verbose_name = _("meeting room")
        verbose_name_plural = _("meeting rooms")
        ordering = ["name"]

    def __str__(self):
        return _("%(name)s (up to %(capacity)d people)") % {"name": self.name, "capacity": self.capacity}


class RoomBookingDetails(RequestDetails):
    """จองห้องประชุม: who, how many, which room, why, and from when to when."""

    organisation = models.CharField(_("organisation"), max_length=255)
    attendees = models.PositiveIntegerField(_("number of attendees"))
    room = models.ForeignKey(Room, verbose_name=_("room"), on_delete=models.PROTECT, related_name="bookings")
    purpose = models.TextField(_("purpose"))
    starts_at = models.DateTimeField(_("booked from"))
    ends_at = models.DateTimeField(_("booked until"))
    # False once the request is cancelled: a cancelled booking frees its slot (the constraint's filter).
    holds_slot = models.BooleanField(default=True, editable=False)

    class Meta:
        verbose_name = _("room booking details")
        verbose_name_plural = _("room booking details")
        indexes = [models.Index(fields=["room", "starts_at"], name="room_booking_room_start")]

    def validate_for_request(self):
        errors = {}
        if self.starts_at <= timezone.now():
            errors["start_date"] = _("The booking cannot start in the past.")
        elif too_far_ahead(self.starts_at):
            errors["start_date"] = TOO_FAR_AHEAD
        if self.ends_at <= self.starts_at:
            errors["end_date"] = _("The booking must end after it starts.")
        elif too_far_ahead(self.ends_at):
            errors["end_date"] = TOO_FAR_AHEAD
        if self.attendees < 1:
            errors["attendees"] = _("At least one person must attend.")
        if self.room_id and self.attendees > self.room.capacity:
            errors["attendees"] = _("The room holds at most %(capacity)d people.") % {
                "capacity": self.room.capacity
            }
        if not errors and self.room_id:
            errors.update(self.non_working_day_errors())
        if errors:
            raise ValidationError(errors)
        self.check_conflicts()

    def non_working_day_errors(self):
        """{field: message} when the booking touches a day the office does not work and the room
        is not open on such days."""
        if self.room.bookable_on_non_working_days:
            return {}
        calendar = WorkingCalendar()
        first = timezone.localtime(self.starts_at).date()
        # A booking ending at midnight does not touch the next day.
        last = timezone.localtime(self.ends_at - datetime.timedelta(microseconds=1)).date()
        day = first
        while day <= last:
            reason = calendar.closed_because(day)
            if reason:
                message = _(
                    "This room can be booked on working days only, and %(day)s is not one (%(reason)s). "
                    "Please choose another date or a room open on non-working days."
                ) % {"day": format_date(day), "reason": reason}
                return {"start_date" if day == first else "end_date": message}
            day += datetime.timedelta(days=1)
        return {}

    def check_conflicts(self):
        if self.holds_slot and self.overlapping().exists():
            raise ValidationError({self.conflict_field: self.conflict_message})

    @classmethod
    def taking(cls, room_id, *, starts, ends):
        """Bookings of the room that hold their slot and share some of [starts, ends)."""
        return cls.objects.filter(room_id=room_id, holds_slot=True, starts_at__lt=ends, ends_at__gt=starts)

    def overlapping(self):
        """The other bookings this one would overlap."""
        return self.taking(self.room_id, starts=self.starts_at, ends=self.ends_at).exclude(
            request_id=self.request_id
        )

    def on_status_change(self, status):
        self.holds_slot = status != RequestStatus.CANCELLED

    def calendar_event(self, *, office_address):
        purpose = " ".join(self.purpose.split())
        return {
            "starts_at": self.starts_at,
            "ends_at": self.ends_at,
            "summary": _("Meeting room %(room)s: %(purpose)s") % {"room": self.room.name, "purpose": purpose},
            "location": f"{self.room.name}, {office_address}" if office_address else self.room.name,
        }

    internal_fields = ("holds_slot",)
    personal_fields = ("organisation", "purpose")
    conflict_message = _("The room is already booked at that time. Please choose another time or room.")
    conflict_field = "start_date"


def combine(day, time):
    return timezone.make_aware(datetime.datetime.combine(day, time))


class RoomBookingForm(DetailsForm):
    start_date = IsoDateField(label=_("Start date"))
    start_time = IsoTimeField(label=_("From (time)"))
    end_date = IsoDateField(label=_("End date"))
    end_time = IsoTimeField(label=_("To (time)"))

    class Meta:
        model = RoomBookingDetails
        fields = ["organisation", "attendees", "room", "purpose"]
        widgets = {"purpose": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = Room.objects.filter(is_active=True)
        self.fields["attendees"].widget.attrs.update({"min": "1", "inputmode": "numeric"})
        if self.instance.pk:
            starts, ends = (
                timezone.localtime(self.instance.starts_at),
                timezone.localtime(self.instance.ends_at),
            )
            self.initial.update(
                start_date=starts.date(), start_time=starts.time(), end_date=ends.date(), end_time=ends.time()
            )

    def details_data(self):
        data = super().details_data()
        data["starts_at"] = combine(self.cleaned_data["start_date"], self.cleaned_data["start_time"])
        data["ends_at"] = combine(self.cleaned_data["end_date"], self.cleaned_data["end_time"])
        return data

    @classmethod
    def posted_data(cls, details):
        details = dict(details)
        starts, ends = (
            timezone.localtime(details.pop("starts_at")),
            timezone.localtime(details.pop("ends_at")),
        )
        return super().posted_data(details) | {
            "start_date": starts.date().isoformat(),
            "start_time": starts.strftime("%H:%M"),
            "end_date": ends.date().isoformat(),
            "end_time": ends.strftime("%H:%M"),
        }


CALENDAR = CalendarSource(
    resource_param="room",
    date_field="start_date",
    heading=_("Room availability"),
    intro=_(
        "Times already booked are listed below; any other time is free. "
        "A booking may start when another one ends."
    ),
    resource_label=_("Room"),
    taken_label=_("Booked"),
    resources=lambda: Room.objects.filter(is_active=True),
    taken_times=lambda room_id, *, starts, ends: times_of(
        RoomBookingDetails.taking(room_id, starts=starts, ends=ends)
    ),
    public=True,
    open_on_non_working_days=lambda room: room.bookable_on_non_working_days,
)


def sample_details(variant=0):
    """A morning's meeting in the demo's first room on a working day ahead, one per variant."""
    room = Room.objects.get_or_create(
        name="ห้องประชุมพญาแล", defaults={"capacity": 30, "equipment": "โปรเจกเตอร์ ไมโครโฟน 4 ตัว"}
    )[0]
    calendar = WorkingCalendar()
    # The first day after today that starts three working days in a row, then a working day
    # each further variant: so tests may extend a sample booking by a day or two.
    day = timezone.localdate() + datetime.timedelta(days=1)
    while not all(calendar.is_working_day(day + datetime.timedelta(days=offset)) for offset in range(3)):
        day += datetime.timedelta(days=1)
    day = calendar.add_working_days(day, variant)
    return {
        "organisation": "กลุ่มนิเทศ ติดตามและประเมินผล",
        "attendees": 20,
        "room": room,
        "purpose": "ประชุมคณะกรรมการประเมินผลการปฏิบัติงาน",
        "starts_at": combine(day, datetime.time(9)),
        "ends_at": combine(day, datetime.time(12)),
    }


SERVICE = EService(
    code="31",
    slug="meeting-room",
    name=_("Meeting room booking"),
    form_title=_("Meeting room booking"),
    officer_group=groups.ADMINISTRATION,
    details_form=RoomBookingForm,
    kept_lists=("service_requests.Room",),
    icon=(
        '<rect x="5" y="9" width="14" height="5" rx="1"/><path d="M7 14v5M17 14v5"/>'
        '<circle cx="8" cy="5" r="1.8"/><circle cx="16" cy="5" r="1.8"/><path d="M3 19h4M17 19h4"/>'
    ),
    calendar=CALENDAR,
    admin_viewsets=(
        "service_requests.catalogue.meeting_room_admin.RoomViewSet",
        "service_requests.catalogue.meeting_room_admin.RoomBookingsViewSet",
    ),
    sample_details=sample_details,
    rescheduled_message=_("Booking moved to %(when)s. Please wait for an officer to confirm."),
    attachment_slots=(
        AttachmentSlot("request_letter", _("Request letter"), required=True),
        OTHER_DOCUMENT_1,
        OTHER_DOCUMENT_2,
    ),
)
