"""The due date column of the officers' request list (service_requests' index view)."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column

from base.dates import format_date
from base.working_days import WorkingCalendar, bangkok_today

from .due_dates import timing_of


class DueDateColumn(Column):
    """The due date in Thai, flagged when overdue. The list's queryset must come through
    due_dates.with_sla_history(), so that the page costs the same queries for 1 or 50 rows;
    the column reads the closure days once per page."""

    cell_template_name = "service_requests/admin/due_date_cell.html"

    def __init__(self, name="due_date", **kwargs):
        kwargs.setdefault("label", _("Due"))
        super().__init__(name, **kwargs)

    @cached_property
    def calendar(self):
        return WorkingCalendar()

    @cached_property
    def today(self):
        return bangkok_today()

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        timing = timing_of(instance, calendar=self.calendar, today=self.today)
        context.update(timing=timing, value=format_date(timing.due_on))
        return context
