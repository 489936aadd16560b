"""Staff reads of requests' personal data are recorded where the data leaves the server.

Every view that hands staff a request's personal data (the admin's process, cancel and history
pages, the printout and the bundle, the attachment and reply-file downloads, the list's CSV and
XLSX export and its search by citizen ID) is a `RecordsStaffAccess` view: it declares what kind of
access it is (`access_kind`, an AccessKind), and once its response is ready to go out (status 200)
the mixin records one row per request shown (actions.record_staff_accesses: an insert per 1,000). Errors,
refusals and redirects record nothing; the applicant's own reads are not recorded.

The request viewset refuses to build a per-request page whose view is not one of these
(viewsets.ServiceRequestViewSet.get_urlpatterns), and tests/service_requests/test_access_record.py
requests every URL of the URL configuration that takes a request's pk or reference and fails on a
page that shows data and records nothing (or more than one row per request).
"""

from django.core.exceptions import ImproperlyConfigured

from . import actions
from .actions import StaffAccess


class RecordsStaffAccess:
    """A view that shows staff one request's personal data (`self.object` unless
    `recorded_request()` says otherwise), or several (override `staff_accesses()`)."""

    access_kind = None  # an AccessKind: required
    access_detail = ""  # e.g. the page viewed; or override access_detail_of()

    def recorded_request(self):
        return self.object

    def access_detail_of(self, service_request) -> str:
        return self.access_detail

    def staff_accesses(self) -> list[StaffAccess]:
        """The requests this response shows, with what the reader did with each."""
        if self.access_kind is None:
            raise ImproperlyConfigured(f"{type(self).__name__} must declare its access_kind")
        service_request = self.recorded_request()
        return [
            StaffAccess.of(service_request, self.access_kind, detail=self.access_detail_of(service_request))
        ]

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if response.status_code == 200 and request.user.is_authenticated:
            actions.record_staff_accesses(reader=request.user, accesses=self.staff_accesses())
        return response
