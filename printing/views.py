"""The applicant's printout: their own requests only, 404 for everyone else's."""

from django.contrib.auth.decorators import login_required
from django.http import Http404

from base.links import portal_base_url
from base.models import OfficeSettings
from service_requests import queries

from .actions import issued_printout
from .responses import pdf_response


@login_required
def applicant_printout(request, reference):
    service_request = queries.request_of_applicant(request.user, reference)
    if service_request is None:
        raise Http404
    content = issued_printout(
        actor=request.user,
        service_request=service_request,
        office=OfficeSettings.for_request(request),
        base_url=portal_base_url(request),
    )
    return pdf_response(content, f"{service_request.reference}.pdf", inline=True)
