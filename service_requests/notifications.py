"""Who hears about what. Actions call these after their transaction commits, with the portal's
address the e-mails' links start with (empty: the configured one; see tasks)."""

from . import tasks


def request_submitted(request_id: int, *, base_url: str = ""):
    tasks.email_applicant_submitted.enqueue(request_id, base_url)
    tasks.email_officers_new_request.enqueue(request_id, base_url)


def request_resubmitted(request_id: int, *, base_url: str = ""):
    tasks.email_applicant_status_changed.enqueue(request_id, base_url)
    tasks.email_officers_new_request.enqueue(request_id, base_url)


def status_changed(request_id: int, *, base_url: str = ""):
    tasks.email_applicant_status_changed.enqueue(request_id, base_url)
