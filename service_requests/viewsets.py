"""The Wagtail admin's viewsets: officers' requests (คำขอรับบริการ) and, for administrators,
which group works which service and the record of staff reads of requests."""

from django import forms
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.exceptions import ImproperlyConfigured
from django.forms import modelform_factory
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from . import actions, admin_views, queries
from . import hooks as request_hooks
from .access_record import RecordsStaffAccess
from .catalogue import CATALOGUE, IdCardCopy
from .catalogue.common import asks_id_card_copy
from .filters import RequestAccessFilterSet, ServiceRequestFilterSet
from .models import RequestAccess, ServiceAssignment, ServiceRequest, days_display

DOCUMENTS_HOOK = request_hooks.REQUEST_DOCUMENTS


class ServiceRequestViewSet(ModelViewSet):
    """Officers list, filter, search and export their services' requests and work each one on
    its process page. Requests come from applicants: there is no add, edit, copy or delete."""

    model = ServiceRequest
    name = "service_request_admin"  # "service_requests" is the public URLs' namespace
    url_prefix = "service-requests"
    icon = "form"
    menu_label = _("Service requests")
    menu_order = 150
    add_to_admin_menu = True
    # Indexed, so that a user's usage counts (and protects) the requests they filed.
    add_to_reference_index = True
    copy_view_enabled = False

    index_view_class = admin_views.ServiceRequestIndexView
    history_view_class = admin_views.ServiceRequestHistoryView
    process_view_class = admin_views.ProcessView
    cancel_view_class = admin_views.CancelView
    assign_view_class = admin_views.AssignView

    list_per_page = 25
    ordering = "-submitted_at"
    filterset_class = ServiceRequestFilterSet
    search_fields = ["reference", "applicant_first_name", "applicant_last_name", "applicant_citizen_id"]
    search_backend_name = None  # the database's own search: requests are not in Wagtail's index
    list_export = [
        "reference",
        "service.name",
        "applicant_full_name",
        "applicant_citizen_id",
        "applicant_phone",
        "get_status_display",
        "assignee",
        "submitted_at",
        "due_on",
        "working_days_overdue",
        "last_changed_at",
        "officer_message",
    ]
    export_headings = {
        "reference": _("Reference code"),
        "service.name": _("Service"),
        "applicant_full_name": _("Applicant"),
        "applicant_citizen_id": _("Citizen ID"),
        "applicant_phone": _("Phone"),
        "get_status_display": _("Status"),
        "assignee": _("Assignee"),
        "submitted_at": _("Submitted"),
        "due_on": _("Due"),
        "working_days_overdue": _("Working days overdue"),
        "last_changed_at": _("Last change"),
        "officer_message": _("Message from the officer"),
    }
    export_filename = "service-requests"

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            # The process page stands in for Wagtail's edit view wherever it links to one.
            edit_url_name=self.get_url_name("process"),
            add_url_name=None,
            delete_url_name=None,
            usage_url_name=None,
            process_url_name=self.get_url_name("process"),
            cancel_url_name=self.get_url_name("cancel"),
            assign_url_name=self.get_url_name("assign"),
            **{f"{name}_url_name": self.get_url_name(name) for name in self.request_documents},
            **kwargs,
        )

    @property
    def process_view(self):
        return self.construct_view(self.process_view_class)

    @property
    def cancel_view(self):
        return self.construct_view(self.cancel_view_class)

    @property
    def assign_view(self):
        return self.construct_view(self.assign_view_class)

    @cached_property
    def request_documents(self) -> dict:
        """{name: view class} of the documents other apps make of a request (the printing app:
        the printout and the bundle), from the hook "register_service_request_documents"."""
        return {name: view for hook in hooks.get_hooks(DOCUMENTS_HOOK) for name, view in hook().items()}

    def get_urlpatterns(self):
        # Every page of one request shows its personal data: each records the read.
        for name, view in {
            "process": self.process_view_class,
            "cancel": self.cancel_view_class,
            "assign": self.assign_view_class,
            "history": self.history_view_class,
            **self.request_documents,
        }.items():
            if not issubclass(view, RecordsStaffAccess) or view.access_kind is None:
                raise ImproperlyConfigured(
                    f"The request page {name!r} ({view.__name__}) must be a RecordsStaffAccess view "
                    "with its access_kind: staff reads of a request are recorded."
                )
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("process/<int:pk>/", self.process_view, name="process"),
            path("cancel/<int:pk>/", self.cancel_view, name="cancel"),
            path("assign/<int:pk>/", self.assign_view, name="assign"),
            *(
                path(f"{name}/<int:pk>/", self.construct_view(view), name=name)
                for name, view in self.request_documents.items()
            ),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
        ]

    @property
    def url_finder_class(self):
        return type(
            "ServiceRequestURLFinder", (ModelAdminURLFinder,), {"edit_url_name": self.get_url_name("process")}
        )

    def get_permissions_to_register(self):
        # Rights over requests come from ServiceAssignment (permissions.py), not from Django's
        # add/change/delete/view; only "Can assign requests to others" (a supervisors' group's)
        # is offered under Settings → Groups.
        return Permission.objects.filter(
            content_type__app_label="service_requests", codename="assign_servicerequest"
        )


class SavedByAction:
    """The form's changes go through actions.save_service_assignment (it checks, saves, logs)."""

    def save_instance(self):
        return actions.save_service_assignment(
            actor=self.request.user, assignment=self.form.instance, form=self.form
        )


class ServiceAssignmentCreateView(SavedByAction, generic.CreateView):
    pass


class ServiceAssignmentEditView(SavedByAction, generic.EditView):
    pass


class ServiceAssignmentViewSet(ModelViewSet):
    """Settings → which officer group works which e-service, and how the office runs it."""

    model = ServiceAssignment
    name = "service_assignments"
    icon = "group"
    menu_label = _("Service assignments")
    add_to_settings_menu = True
    add_to_reference_index = True  # a group's usage shows the services it works
    copy_view_enabled = False
    list_display = [
        "service_code",
        "group",
        Column("retention_period_display", label=_("Retention period"), sort_key="retention_days"),
    ]
    ordering = "service_code"
    add_view_class = ServiceAssignmentCreateView
    edit_view_class = ServiceAssignmentEditView

    def get_form_class(self, for_update=False):
        # A service keeps its row; the group that works it, its retention period and its
        # ID-card copy change.
        settings_fields = ["group", "retention_days", "id_card_copy"]
        fields = settings_fields if for_update else ["service_code", *settings_fields]
        return modelform_factory(ServiceAssignment, form=ServiceAssignmentForm, fields=fields)


def services_asking_id_card_copy() -> list[str]:
    """The built-in services whose forms have the ID-card copy slot (by code)."""
    return [code for code, service in CATALOGUE.items() if asks_id_card_copy(service)]


class ServiceAssignmentForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "Empty: the portal's default" says which default, so that no one has to look it up.
        self.fields["retention_days"].help_text = _(
            "How long a completed or cancelled request keeps the applicant's personal data and files, "
            "counted from its closing. Empty: the portal's default, %(default)s."
        ) % {"default": days_display(settings.REQUEST_RETENTION_DAYS)}
        # The ID-card copy: only for the built-in services that ask for one.
        if "id_card_copy" in self.fields:
            if self.instance.pk and self.instance.service_code not in services_asking_id_card_copy():
                del self.fields["id_card_copy"]
            else:
                field = self.fields["id_card_copy"]
                field.widget = forms.RadioSelect(choices=field.choices)
                field.required = False  # not sent: stays as it is
                if not self.instance.pk:
                    field.help_text = _("%(help)s Applies to the services %(codes)s only.") % {
                        "help": field.help_text,
                        "codes": ", ".join(services_asking_id_card_copy()),
                    }

    def clean_id_card_copy(self):
        return self.cleaned_data.get("id_card_copy") or self.instance.id_card_copy

    def clean(self):
        cleaned_data = super().clean()
        code = cleaned_data.get("service_code") or self.instance.service_code
        choice = cleaned_data.get("id_card_copy")
        if choice and choice != IdCardCopy.REQUIRED and code not in services_asking_id_card_copy():
            self.add_error("id_card_copy", _("This service does not ask for a copy of the ID card."))
        return cleaned_data


class RequestAccessViewSet(ModelViewSet):
    """Reports → access record: every staff read of a request's personal data, filtered by date
    and exported as CSV (the office's PDPA §39 record, a breach investigation). For superusers
    and the groups given "Can view access to a request" (service_requests.view_requestaccess)."""

    model = RequestAccess
    name = "request_accesses"
    url_prefix = "reports/access-record"
    icon = "view"
    menu_label = _("Access record")
    menu_hook = "register_reports_menu_item"
    menu_order = 900
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 50
    ordering = ["-accessed_at", "-pk"]
    filterset_class = RequestAccessFilterSet
    list_display = [
        Column("accessed_at_display", label=_("When")),
        Column("request", label=_("Reference code")),
        Column("officer_name", label=_("Officer")),
        Column("officer_groups_label", label=_("Officer's groups")),
        Column("description", label=_("What")),
    ]
    list_export = [
        "accessed_at_display",
        "request.reference",
        "request.service.name",
        "officer_name",
        "officer_groups_label",
        "get_kind_display",
        "description",
    ]
    export_headings = {
        "accessed_at_display": _("When"),
        "request.reference": _("Reference code"),
        "request.service.name": _("Service"),
        "officer_name": _("Officer"),
        "officer_groups_label": _("Officer's groups"),
        "get_kind_display": _("Access"),
        "description": _("What"),
    }
    export_filename = "access-record"

    def get_queryset(self, request):
        return queries.accesses_between()

    def get_common_view_kwargs(self, **kwargs):
        # A record: read and exported, never added to, edited or deleted in the admin.
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            usage_url_name=None,
            history_url_name=None,
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]
