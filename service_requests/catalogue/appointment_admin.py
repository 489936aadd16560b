"""The appointment service's admin (EService.admin_viewsets of service 32): administrators keep
the executives who take appointments (Settings menu); its officers see a day or a week of
appointments per executive."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views.generic import DeleteView
from wagtail.admin.viewsets.model import ModelViewSet

from base.admin_delete import ProtectedDeleteMixin

from .. import queries
from ..resource_calendar import ResourceCalendar
from ..resource_calendar_admin import ResourceCalendarViewSet
from ..workflow import RequestStatus
from .appointment import SERVICE, AppointmentDetails, Executive


class ExecutiveDeleteView(ProtectedDeleteMixin, DeleteView):
    instead = _(
        "Hide the executive instead: untick “Active” on the edit page. Appointments are then no "
        "longer offered with them, and the past ones are kept."
    )


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
    delete_view_class = ExecutiveDeleteView


# The officers' day and week of appointments.


def appointments_for_officer(user, *, starts, ends):
    """The appointments asked for in this range and not cancelled (waiting for an officer as well
    as accepted: the officers decide on the first), for officers of the appointment service (none
    for anyone else), with their executives and requests."""
    if not queries.is_officer_for(user, SERVICE.code):
        return AppointmentDetails.objects.none()
    return (
        AppointmentDetails.objects.filter(starts_at__lt=ends, ends_at__gt=starts)
        .exclude(request__status=RequestStatus.CANCELLED)
        .select_related("executive", "request")
        .order_by("starts_at", "executive__sort_order", "executive__name")
    )


EXECUTIVE_APPOINTMENTS = ResourceCalendar(
    service_code=SERVICE.code,
    title=_("Executives' appointments"),
    resource_label=_("Executive"),
    caption=_("Appointments by executive and day; cancelled appointments are not shown."),
    no_resources=_("There are no executives yet. Administrators add them under Settings → Executives."),
    counted=ngettext_lazy("%(counter)s appointment", "%(counter)s appointments", "counter"),
    resource_field="executive",
    resources=lambda: Executive.objects.filter(is_active=True),
    entries=appointments_for_officer,
    who=lambda appointment: appointment.visitor,
    resource_note=lambda executive: executive.position,
)


class ExecutiveAppointmentsViewSet(ResourceCalendarViewSet):
    """ปฏิทินนัดหมายผู้บริหาร: a day of appointments per executive (?day=<date>, today by default)
    and a week of them (week/?week=<any date of the week>), each linking to its request's process
    page."""

    name = "executive_appointments"
    url_prefix = "executive-appointments"
    menu_order = 152
    opens_on = "day"
    calendar = EXECUTIVE_APPOINTMENTS
