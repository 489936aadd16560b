"""The Wagtail admin of the services that book time: administrators keep the meeting rooms and
the executives (Settings menu); officers of the meeting-room service see a week of bookings."""

import datetime

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet

from . import calendars, queries
from .catalogue import meeting_room
from .catalogue.appointment import Executive
from .catalogue.meeting_room import Room


class RoomViewSet(ModelViewSet):
    """Settings → meeting rooms: name, capacity, equipment, photo; only active ones can be booked."""

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


class ExecutiveViewSet(ModelViewSet):
    """Settings → executives who take appointments, in the order the form offers them."""

    model = Executive
    icon = "user"
    menu_label = _("Executives")
    add_to_settings_menu = True
    copy_view_enabled = False
    form_fields = ["name", "position", "is_active", "sort_order"]
    list_display = ["name", "position", BooleanColumn("is_active", label=_("Active"))]
    list_filter = ["is_active"]
    search_fields = ["name", "position"]
    sort_order_field = "sort_order"


DAYS_IN_WEEK = 7


class RoomBookingsView(WagtailAdminTemplateMixin, TemplateView):
    """ปฏิทินการจองห้องประชุม: a week of bookings (not cancelled) per room, each linking to its
    request's process page; ?week=<any date of the week>."""

    template_name = "service_requests/admin/room_bookings.html"
    page_title = _("Room bookings")
    header_icon = "date"
    process_url_name = "service_request_admin:process"

    def dispatch(self, request, *args, **kwargs):
        if not queries.is_officer_for(request.user, meeting_room.SERVICE.code):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        monday = calendars.week_of(calendars.parse_date(self.request.GET.get("week")) or today)
        days = [monday + datetime.timedelta(days=offset) for offset in range(DAYS_IN_WEEK)]
        bookings = list(
            queries.room_bookings_for_officer(
                self.request.user,
                starts=calendars.day_start(monday),
                ends=calendars.day_start(monday + datetime.timedelta(days=DAYS_IN_WEEK)),
            )
        )
        for booking in bookings:
            booking.process_url = reverse(self.process_url_name, args=[booking.request_id])
        context.update(
            days=days,
            today=today,
            rows=calendars.room_weeks(bookings, Room.objects.filter(is_active=True), days),
            booking_count=len(bookings),
            previous_week=(monday - datetime.timedelta(days=DAYS_IN_WEEK)).isoformat(),
            next_week=(monday + datetime.timedelta(days=DAYS_IN_WEEK)).isoformat(),
            this_week=calendars.week_of(today).isoformat(),
            is_this_week=monday == calendars.week_of(today),
        )
        return context


class OfficersOfRoomsMenuItem(MenuItem):
    def is_shown(self, request):
        return queries.is_officer_for(request.user, meeting_room.SERVICE.code)


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
