from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.admin_url_finder import AdminURLFinder, register_admin_url_finder
from wagtail.permissions import register_permission_policy

from .bulk_actions import BULK_ACTIONS
from .catalogue import CATALOGUE
from .details import RequestDetails
from .models import ServiceRequest
from .panels import ServiceRequestSummaryPanel
from .permissions import service_request_permission_policy
from .viewsets import RequestAccessViewSet, ServiceAssignmentViewSet, ServiceRequestViewSet

# First, before anything asks for the policy and Wagtail makes its model-permission fallback.
register_permission_policy(ServiceRequest, service_request_permission_policy)


class RequestDetailsURLFinder:
    """A service's details are worked on their request's process page: Wagtail's usage page (what
    keeps a room or an executive) links each booking there instead of "(Private …)"."""

    def __init__(self, user):
        self.finder = AdminURLFinder(user)

    def get_edit_url(self, instance):
        return self.finder.get_edit_url(instance.request)


register_admin_url_finder(RequestDetails, RequestDetailsURLFinder)


@hooks.register("register_log_actions")
def register_request_log_actions(actions):
    actions.register_action("service_requests.submit", _("Submit request"), _("Submitted the request"))
    actions.register_action("service_requests.edit", _("Edit request"), _("Edited the request"))
    actions.register_action("service_requests.move", _("Change status"), _("Changed the request's status"))
    actions.register_action("service_requests.cancel", _("Cancel request"), _("Cancelled the request"))
    actions.register_action(
        "service_requests.add_internal_note",
        _("Add internal note"),
        _("Added an internal note for the officers"),
    )
    actions.register_action(
        "service_requests.assign", _("Assign request"), _("Changed who is answerable for the request")
    )
    actions.register_action(
        "service_requests.deidentify",
        _("De-identify request"),
        _("Removed the applicant's personal data from the request"),
    )
    actions.register_action(
        "service_requests.apply_retention",
        _("Apply retention"),
        _("Removed personal data past its retention period"),
    )
    actions.register_action(
        "service_requests.id_card_copy",
        _("Change ID-card copy"),
        _("Changed whether the service asks for a copy of the ID card"),
    )


@hooks.register("register_admin_viewset")
def register_service_request_viewsets():
    return [ServiceRequestViewSet(), ServiceAssignmentViewSet(), RequestAccessViewSet()]


@hooks.register("register_admin_viewset")
def register_services_own_viewsets():
    """What each service brings to the admin (its kept lists, pages of its own)."""
    return [import_string(path)() for service in CATALOGUE.values() for path in service.admin_viewsets]


@hooks.register("construct_homepage_panels")
def add_service_request_summary(request, panels):
    panels.append(ServiceRequestSummaryPanel(request.user))


# The officers' bulk actions on their request list (bulk_actions.py).
for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)
