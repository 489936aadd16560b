"""Who hears about what. Actions call these after their transaction commits, with the portal's
address the e-mails' links start with (empty: the configured one; see tasks)."""

from wagtail import hooks

from . import tasks
from .hooks import APPLICANT_NOTIFIED, REQUEST_EDITED


def _other_channels(event: str, request_id: int, base_url: str):
    """The applicant is told through the other channels apps add (LINE), after the e-mails are queued."""
    for tell in hooks.get_hooks(APPLICANT_NOTIFIED):
        tell(event, request_id, base_url)


def request_submitted(request_id: int, *, base_url: str = ""):
    tasks.email_applicant_submitted.enqueue(request_id, base_url)
    tasks.email_officers_new_request.enqueue(request_id, base_url)
    _other_channels("submitted", request_id, base_url)


def request_resubmitted(request_id: int, *, base_url: str = ""):
    tasks.email_applicant_status_changed.enqueue(request_id, base_url)
    tasks.email_officers_new_request.enqueue(request_id, base_url)
    _other_channels("resubmitted", request_id, base_url)


def status_changed(request_id: int, *, base_url: str = ""):
    tasks.email_applicant_status_changed.enqueue(request_id, base_url)
    _other_channels("status_changed", request_id, base_url)


def request_edited(request_id: int, *, base_url: str = ""):
    """The apps above hear of the applicant's edit (payments: a paid order repriced)."""
    for tell in hooks.get_hooks(REQUEST_EDITED):
        tell(request_id, base_url)
