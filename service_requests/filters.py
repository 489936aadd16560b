"""The filters of the officers' request list: service, status and the date of submission."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

import django_filters

from accounts.models import IdentityLevel

from . import queries
from .catalogue import all_services
from .due_dates import filter_overdue
from .models import AccessKind, RequestAccess, ServiceRequest
from .workflow import RequestStatus


class ServiceRequestFilterSet(WagtailFilterSet):
    service_code = django_filters.MultipleChoiceFilter(
        label=_("Service"),
        widget=forms.CheckboxSelectMultiple,
        # choices: only the officer's services, set in __init__()
    )
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"), choices=RequestStatus.choices, widget=forms.CheckboxSelectMultiple
    )
    submitted_at = django_filters.DateFromToRangeFilter(
        label=_("Submitted between"), widget=DateRangePickerWidget
    )
    # The officer's own queue (ของฉัน), the requests nobody has taken yet, or all of them.
    assigned = django_filters.ChoiceFilter(
        label=_("Assignee"),
        choices=[("mine", _("Mine")), ("nobody", _("Not taken yet"))],
        empty_label=_("All"),
        widget=forms.RadioSelect,
        method="filter_assigned",
    )
    # Past the due date (5 working days, returned time not counted): sla.py.
    overdue = django_filters.ChoiceFilter(
        label=_("Overdue"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        empty_label=_("All"),
        widget=forms.RadioSelect,
        method="filter_overdue",
    )

    # The applicant's citizen ID: typed, proven (ThaID or the counter), or the suspended squatter's.
    applicant_identity = django_filters.ChoiceFilter(
        label=_("Citizen ID check"),
        choices=[*IdentityLevel.choices, ("suspended", _("Suspended account"))],
        empty_label=_("All"),
        widget=forms.RadioSelect,
        method="filter_applicant_identity",
    )

    class Meta:
        model = ServiceRequest
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        handled = queries.services_handled_by(self.request.user)
        choices = [(service.code, service.name) for service in all_services() if service.code in handled]
        if len(choices) > 1:
            self.filters["service_code"].extra["choices"] = choices
        else:
            del self.filters["service_code"]  # one service: nothing to choose

    def filter_applicant_identity(self, queryset, name, value):
        if value == "suspended":
            return queryset.filter(applicant__suspended_at__isnull=False)
        return (
            queryset.filter(applicant__identity_level=value, applicant__suspended_at__isnull=True)
            if value
            else queryset
        )

    def filter_assigned(self, queryset, name, value):
        if value == "mine":
            return queryset.filter(assignee=self.request.user)
        if value == "nobody":
            return queryset.filter(assignee__isnull=True)
        return queryset

    def filter_overdue(self, queryset, name, value):
        return filter_overdue(queryset, value == "yes") if value else queryset


class RequestAccessFilterSet(WagtailFilterSet):
    """The access record's filters: the period and the kind of access."""

    accessed_at = django_filters.DateFromToRangeFilter(label=_("Between"), widget=DateRangePickerWidget)
    kind = django_filters.MultipleChoiceFilter(
        label=_("Access"), choices=AccessKind.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = RequestAccess
        fields = ["accessed_at", "kind"]
