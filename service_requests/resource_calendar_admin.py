"""The officers' week and day of a service's resources in the admin (a ResourceCalendar): for the
service's officers only, each request linking to its process page. A service's admin module
subclasses ResourceCalendarViewSet with its calendar and lists it in EService.admin_viewsets."""

import datetime

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from base.dates import format_date
from base.working_days import WorkingCalendar

from . import queries
from .availability import day_start, parse_date
from .resource_calendar import DAYS_IN_WEEK, ResourceCalendar, resource_rows, week_of


class ResourceCalendarView(WagtailAdminTemplateMixin, TemplateView):
    """A span of days from the one asked for (?<date_param>=<date>), today's by default."""

    calendar: ResourceCalendar = None
    week_url_name = ""
    day_url_name = ""
    header_icon = "date"
    process_url_name = "service_request_admin:process"
    days_shown = 1
    date_param = "day"

    def dispatch(self, request, *args, **kwargs):
        if not queries.is_officer_for(request.user, self.calendar.service_code):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def first_day(self, day: datetime.date) -> datetime.date:
        return day

    def get_page_title(self):
        return self.calendar.title

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def shown_from(self) -> datetime.date:
        """The first day shown: of the date asked for, else of today (also for a date at the very
        ends of the calendar, whose neighbours do not exist)."""
        asked = parse_date(self.request.GET.get(self.date_param))
        margin = datetime.timedelta(days=2 * DAYS_IN_WEEK)
        if asked is None or not datetime.date.min + margin <= asked <= datetime.date.max - margin:
            asked = timezone.localdate()
        return self.first_day(asked)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        first = self.shown_from()
        span = datetime.timedelta(days=self.days_shown)
        days = [first + datetime.timedelta(days=offset) for offset in range(self.days_shown)]
        details = list(
            self.calendar.entries(self.request.user, starts=day_start(first), ends=day_start(first + span))
        )
        working = WorkingCalendar()
        context.update(
            calendar=self.calendar,
            days=days,
            # Each day with why the office does not work it (None on working days).
            day_headings=[(day, working.closed_because(day)) for day in days],
            today=today,
            rows=resource_rows(
                self.calendar,
                details,
                days,
                process_url=lambda item: reverse(self.process_url_name, args=[item.request_id]),
            ),
            booking_count=len(details),
            count_text=self.calendar.counted % {"counter": len(details)},
            previous=(first - span).isoformat(),
            next=(first + span).isoformat(),
            current=self.first_day(today).isoformat(),
            is_current=first == self.first_day(today),
            week_url=reverse(self.week_url_name),
            day_url=reverse(self.day_url_name),
        )
        return context


class WeekView(ResourceCalendarView):
    """A week of entries per resource (a row each, a column per day); each day opens its day."""

    template_name = "service_requests/admin/resource_week.html"
    days_shown = DAYS_IN_WEEK
    date_param = "week"

    def first_day(self, day):
        return week_of(day)


class DayView(ResourceCalendarView):
    """One day's entries at their times, a column per resource (a row each on narrow screens)."""

    template_name = "service_requests/admin/resource_day.html"

    def get_header_title(self):
        return _("%(title)s: %(day)s") % {
            "title": self.get_page_title(),
            "day": format_date(self.shown_from()),
        }


class OfficersOfServiceMenuItem(MenuItem):
    """Shown to the officers of one service only."""

    def __init__(self, *args, service_code, **kwargs):
        self.service_code = service_code
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return queries.is_officer_for(request.user, self.service_code)


class ResourceCalendarViewSet(ViewSet):
    """The calendar's week and day pages and its menu item, next to the service requests. The
    menu opens `opens_on` ("week" or "day"), at the viewset's index URL; the other is under its
    name."""

    calendar: ResourceCalendar = None
    opens_on = "week"
    icon = "date"
    add_to_admin_menu = True
    menu_item_class = OfficersOfServiceMenuItem

    @property
    def menu_label(self):
        return self.calendar.title

    @property
    def menu_name(self):
        return self.name

    def get_menu_item(self, order=None):
        return self.menu_item_class(
            label=self.menu_label,
            url=self.menu_url,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
            service_code=self.calendar.service_code,
        )

    def url_name_of(self, kind):
        return self.get_url_name("index" if kind == self.opens_on else kind)

    def get_urlpatterns(self):
        views = {"week": WeekView, "day": DayView}
        other = "day" if self.opens_on == "week" else "week"

        def view_of(kind):
            return self.construct_view(
                views[kind],
                calendar=self.calendar,
                week_url_name=self.url_name_of("week"),
                day_url_name=self.url_name_of("day"),
            )

        return [
            path("", view_of(self.opens_on), name="index"),
            path(f"{other}/", view_of(other), name=other),
        ]
