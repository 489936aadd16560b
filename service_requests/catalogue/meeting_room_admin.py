"""The meeting-room service's admin (EService.admin_viewsets of service 31): administrators keep
the rooms (Settings menu); its officers see a week or a day of bookings per room."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views.generic import DeleteView
from wagtail.admin.viewsets.model import ModelViewSet

from base.admin_delete import ProtectedDeleteMixin

from .. import queries
from ..resource_calendar import ResourceCalendar
from ..resource_calendar_admin import ResourceCalendarViewSet
from .meeting_room import SERVICE, Room, RoomBookingDetails


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


# The officers' week and day of room bookings.


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


ROOM_BOOKINGS = ResourceCalendar(
    service_code=SERVICE.code,
    title=_("Room bookings"),
    resource_label=_("Room"),
    caption=_("Room bookings by room and day; cancelled bookings are not shown."),
    no_resources=_("There are no meeting rooms yet. Administrators add them under Settings → Meeting rooms."),
    counted=ngettext_lazy("%(counter)s booking", "%(counter)s bookings", "counter"),
    resource_field="room",
    resources=lambda: Room.objects.filter(is_active=True),
    entries=bookings_for_officer,
    who=lambda booking: booking.organisation,
    resource_note=lambda room: _("up to %(capacity)s people") % {"capacity": room.capacity},
)


class RoomBookingsViewSet(ResourceCalendarViewSet):
    """ปฏิทินการจองห้องประชุม: a week of bookings (not cancelled) per room (?week=<any date of the
    week>) and a day of them (day/?day=<date>), each linking to its request's process page."""

    name = "room_bookings"
    url_prefix = "room-bookings"
    menu_order = 151
    calendar = ROOM_BOOKINGS
