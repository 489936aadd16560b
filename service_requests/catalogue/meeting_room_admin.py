"""The meeting-room service's admin (EService.admin_viewsets of service 31): administrators keep
the rooms (Settings menu); its officers see a week of bookings per room."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views.generic import DeleteView, WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet

from base.admin_delete import ProtectedDeleteMixin
from base.working_days import WorkingCalendar

from .. import queries
from ..availability import TimeRange, day_start, parse_date, touches
from .meeting_room import SERVICE, Room, RoomBookingDetails

DAYS_IN_WEEK = 7


class RoomDeleteView(ProtectedDeleteMixin, DeleteView):
    instead = _(
        "Hide the room instead: untick “Active” on its edit page. It is then no longer offered for "
        "booking, and its bookings are kept."
    )


class RoomViewSet(ModelViewSet):
    """Settings → meeting rooms: name, capacity, equipment, photo; only active ones can be booked,
    and on non-working days only those opened to them."""

    model = Room
    icon = "home"
    menu_label = _("Meeting rooms")
    add_to_settings_menu = True
    copy_view_enabled = False
    form_fields = ["name", "capacity", "equipment", "photo", "is_active", "bookable_on_non_working_days"]
    list_display = ["name", "capacity", BooleanColumn("is_active", label=_("Active"), sort_key="is_active")]
    list_filter = ["is_active"]
    search_fields = ["name", "equipment"]
    ordering = "name"
    delete_view_class = RoomDeleteView


# The officers' week of room bookings.


def bookings_for_officer(user, *, starts, ends):
    """The bookings that hold their slot in this range, for officers of the meeting-room service
    (none for anyone else), with their rooms and requests."""
    if not queries.is_officer_for(user, SERVICE.code):
        return RoomBookingDetails.objects.none()
    return (
        RoomBookingDetails.objects.filter(holds_slot=True, starts_at__lt=ends, ends_at__gt=starts)
        .select_related("room", "request")
        .order_by("starts_at", "room__name")
    )


@dataclass
class BookingEntry:
    booking: object
    time: TimeRange


@dataclass
class RoomWeek:
    room: object
    days: list[list[BookingEntry]]


def week_of(day: datetime.date) -> datetime.date:
    """The Monday of the day's week."""
    return day - datetime.timedelta(days=day.weekday())


def room_weeks(bookings, rooms, days: list[datetime.date]) -> list[RoomWeek]:
    """One row per room (the given ones, then any other room booked that week), one cell per day."""
    rooms = list(rooms)
    known = {room.pk for room in rooms}
    for booking in bookings:
        if booking.room_id not in known:
            rooms.append(booking.room)
            known.add(booking.room_id)
    return [
        RoomWeek(
            room=room,
            days=[
                [
                    BookingEntry(booking, TimeRange.within(day, booking.starts_at, booking.ends_at))
                    for booking in bookings
                    if booking.room_id == room.pk and touches(day, booking.starts_at, booking.ends_at)
                ]
                for day in days
            ],
        )
        for room in rooms
    ]


class RoomBookingsView(WagtailAdminTemplateMixin, TemplateView):
    """ปฏิทินการจองห้องประชุม: a week of bookings (not cancelled) per room, each linking to its
    request's process page; ?week=<any date of the week>."""

    template_name = "service_requests/admin/room_bookings.html"
    page_title = _("Room bookings")
    header_icon = "date"
    process_url_name = "service_request_admin:process"

    def dispatch(self, request, *args, **kwargs):
        if not queries.is_officer_for(request.user, SERVICE.code):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        monday = week_of(parse_date(self.request.GET.get("week")) or today)
        days = [monday + datetime.timedelta(days=offset) for offset in range(DAYS_IN_WEEK)]
        bookings = list(
            bookings_for_officer(
                self.request.user,
                starts=day_start(monday),
                ends=day_start(monday + datetime.timedelta(days=DAYS_IN_WEEK)),
            )
        )
        for booking in bookings:
            booking.process_url = reverse(self.process_url_name, args=[booking.request_id])
        calendar = WorkingCalendar()
        context.update(
            days=days,
            # Each day with why the office does not work it (None on working days).
            day_headings=[(day, calendar.closed_because(day)) for day in days],
            today=today,
            rows=room_weeks(bookings, Room.objects.filter(is_active=True), days),
            booking_count=len(bookings),
            previous_week=(monday - datetime.timedelta(days=DAYS_IN_WEEK)).isoformat(),
            next_week=(monday + datetime.timedelta(days=DAYS_IN_WEEK)).isoformat(),
            this_week=week_of(today).isoformat(),
            is_this_week=monday == week_of(today),
        )
        return context


class OfficersOfRoomsMenuItem(MenuItem):
    def is_shown(self, request):
        return queries.is_officer_for(request.user, SERVICE.code)


class RoomBookingsViewSet(ViewSet):
    """The bookings calendar's page and its menu item, next to the service requests."""

    name = "room_bookings"
    url_prefix = "room-bookings"
    icon = "date"
    menu_label = _("Room bookings")
    menu_order = 151
    add_to_admin_menu = True
    menu_item_class = OfficersOfRoomsMenuItem

    def get_urlpatterns(self):
        return [path("", RoomBookingsView.as_view(), name="index")]
