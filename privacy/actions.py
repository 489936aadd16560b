"""The applicant's data rights: each one function, atomic, checked and audit-logged."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from accounts.models import User
from service_requests import actions as request_actions
from service_requests import queries as request_queries
from service_requests.models import DeidentificationReason

from . import closure

OPEN_REQUESTS_MESSAGE = _(
    "You still have requests in progress. Please cancel them, or wait until they are completed, "
    "before deleting your account."
)


@transaction.atomic
def close_account(*, user, password: str) -> User:
    """Delete an applicant's account at their request (PDPA section 33): closed at once (no log-in,
    its sessions ended), its personal data erased, its kept requests de-identified (they stay for
    the office's records and reports, with a keyed hash of the citizen ID), and the citizen ID
    freed so that the person may register again. Refused while a request is still in progress."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.is_staff or user.is_superuser or not user.is_active:
        raise PermissionDenied
    if not user.check_password(password):
        raise ValidationError(
            {"password": _("Your password is not correct. Please enter it again.")}, code="password_incorrect"
        )
    if request_queries.open_requests_of_applicant(user).exists():
        raise ValidationError(OPEN_REQUESTS_MESSAGE, code="open_requests")
    identifiers = closure.identifiers_of(user)
    citizen_id, emails = user.citizen_id, (user.email, user.verified_email)
    requests = list(request_queries.requests_of_applicant(user))
    for service_request in requests:
        request_actions.deidentify_request(
            service_request=service_request,
            reason=DeidentificationReason.ACCOUNT_CLOSED,
            actor=user,
            identifiers=identifiers,
        )
    closure.erase_user(user)
    closure.delete_traces(user, citizen_id, emails)
    closure.end_sessions(user)
    log(instance=user, action="privacy.close_account", user=user, data={"requests_kept": len(requests)})
    return user
