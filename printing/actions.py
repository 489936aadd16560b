"""The printout of a completed request as the office issues it: signed once per completion."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from service_requests.models import ServiceRequest
from service_requests.permissions import RequestPermissionTester
from service_requests.workflow import RequestStatus
from signing import credentials as signing_credentials
from signing import queries as signing_queries
from signing.actions import issue_signed_pdf
from signing.models import DocumentKind

from .printout import render_printout


@transaction.atomic
def issued_printout(*, actor, service_request, office, base_url=None) -> bytes:
    """The request's printout for the applicant or an officer of its service.

    A completed request's printout is signed by the office (signing/: stamp with the QR code of
    its /verify/ page, PAdES signature) the first time it is asked for after its completion and
    kept; every later download is that same file, so its verification code stays. A request
    that leaves "completed" and comes back gets a new one. Any other request prints as an
    unsigned draft, as does every request where no certificate is configured (never production).
    """
    locked = ServiceRequest.objects.select_for_update().get(pk=service_request.pk)
    if not RequestPermissionTester(actor, locked).can_view():
        raise PermissionDenied
    if locked.status != RequestStatus.COMPLETED or not signing_credentials.configured():
        return render_printout(locked, office=office, base_url=base_url)
    kept = signing_queries.kept_printout(locked.reference, issued_since=locked.status_changed_at)
    if kept is not None:
        with kept.file.open("rb") as stored:
            return stored.read()
    signed, _document = issue_signed_pdf(
        pdf=render_printout(locked, office=office, base_url=base_url),
        kind=DocumentKind.PRINTOUT,
        reference=locked.reference,
        actor=actor,
        keep=True,
        base_url=base_url,
    )
    return signed
