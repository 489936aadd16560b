"""The printout of a completed request as the office issues it: signed once per completion."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from wagtail import hooks

from service_requests.hooks import REQUEST_PRINTOUT_CHANGED
from service_requests.models import ServiceRequest
from service_requests.permissions import RequestPermissionTester
from service_requests.workflow import RequestStatus
from signing import credentials as signing_credentials
from signing import queries as signing_queries
from signing.actions import issue_signed_pdf
from signing.models import DocumentKind

from .printout import render_printout


def printed_state_since(service_request):
    """Since when the printout of the request says what it says: its last change of status, or a
    later change another app prints (REQUEST_PRINTOUT_CHANGED)."""
    changes = [service_request.status_changed_at]
    changes += [changed(service_request) for changed in hooks.get_hooks(REQUEST_PRINTOUT_CHANGED)]
    return max(moment for moment in changes if moment is not None)


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
    kept = signing_queries.kept_printout(locked.reference, issued_since=printed_state_since(locked))
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
