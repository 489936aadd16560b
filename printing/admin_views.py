"""The officer's printout and bundle, from the requests of the officer's own services only
(any other request is a 404), as the other pages of the service_request_admin viewset. Each
download is recorded in the request's access record (RecordsStaffAccess)."""

from django.views.generic import View

from wagtail.admin.views.generic.base import BaseObjectMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from base.links import portal_base_url
from base.models import OfficeSettings
from service_requests.access_record import RecordsStaffAccess
from service_requests.models import AccessKind, ServiceRequest

from .actions import issued_printout
from .bundle import render_bundle
from .responses import pdf_response


class OfficerPdfView(RecordsStaffAccess, PermissionCheckedMixin, BaseObjectMixin, View):
    model = ServiceRequest
    permission_required = "view"

    def get_base_object_queryset(self):
        return self.permission_policy.instances_user_has_permission_for(self.request.user, "view")

    def render(self, service_request, office, base_url) -> bytes:
        raise NotImplementedError

    def filename(self, service_request) -> str:
        raise NotImplementedError

    # Shown in the browser's PDF viewer rather than downloaded (printing.responses).
    inline = False

    def get(self, request, *args, **kwargs):
        content = self.render(self.object, OfficeSettings.for_request(request), portal_base_url(request))
        return pdf_response(content, self.filename(self.object), inline=self.inline)


class PrintoutView(OfficerPdfView):
    access_kind = AccessKind.PRINTED
    inline = True

    def render(self, service_request, office, base_url):
        return issued_printout(
            actor=self.request.user, service_request=service_request, office=office, base_url=base_url
        )

    def filename(self, service_request):
        return f"{service_request.reference}.pdf"


class BundleView(OfficerPdfView):
    access_kind = AccessKind.BUNDLED

    def render(self, service_request, office, base_url):
        return render_bundle(service_request, office=office, base_url=base_url)

    def filename(self, service_request):
        return f"{service_request.reference}-bundle.pdf"
