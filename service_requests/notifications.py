"""Who hears about what. Actions call these after their transaction commits."""

from . import tasks


def request_submitted(request_id: int):
    tasks.email_applicant_submitted.enqueue(request_id)
    tasks.email_officers_new_request.enqueue(request_id)


def request_resubmitted(request_id: int):
    tasks.email_applicant_status_changed.enqueue(request_id)
    tasks.email_officers_new_request.enqueue(request_id)


def status_changed(request_id: int):
    tasks.email_applicant_status_changed.enqueue(request_id)
