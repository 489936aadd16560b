"""E-mails, sent through django-tasks (the immediate backend in tests) once the change is committed:
the applicant on submission and on every status change, the service's officers on each new or
resubmitted request."""

import pytest

from service_requests import actions
from service_requests.factories import contact_of, details_for
from service_requests.workflow import RequestStatus, Role

pytestmark = pytest.mark.django_db

S = RequestStatus
APPLICANT_EMAIL = "wilaiwan@example.ac.th"
OFFICER_MESSAGE = "กรุณาแนบสำเนาบัตรประชาชนที่ชัดเจนกว่านี้"


@pytest.fixture
def applicant(user):
    user.email = APPLICANT_EMAIL
    user.save(update_fields=["email"])
    return user


@pytest.fixture
def officers(officer_for):
    """Two officers of the ID-card service and one of the certificate service."""
    return {"id_card": [officer_for("11"), officer_for("11")], "certificate": officer_for("12")}


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what the actions schedule for after the commit (the test's transaction never commits)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def sent_to(outbox, address):
    return [message for message in outbox if address in message.to]


def text_of(message):
    return f"{message.subject}\n{message.body}"


def test_the_applicant_gets_the_reference_code_on_submission(submit, applicant, committed, mailoutbox):
    with committed():
        service_request = submit("11")
    [message] = sent_to(mailoutbox, APPLICANT_EMAIL)
    assert service_request.reference in message.subject
    assert service_request.reference in message.body


def test_an_applicant_without_an_address_gets_no_email(submit, user, officers, committed, mailoutbox):
    with committed():
        submit("11")
    officer_addresses = {officer.email for officer in officers["id_card"]}
    assert mailoutbox
    assert all(set(message.to) <= officer_addresses for message in mailoutbox)


def test_each_officer_of_the_service_gets_one_email_on_submission(submit, officers, committed, mailoutbox):
    with committed():
        service_request = submit("11")
    for officer in officers["id_card"]:
        [message] = sent_to(mailoutbox, officer.email)
        assert message.to == [officer.email]  # colleagues' addresses are not shared
        assert service_request.reference in message.subject
        assert f"/admin/service-requests/process/{service_request.pk}/" in message.body


def test_officers_of_other_services_get_nothing(submit, officers, committed, mailoutbox):
    with committed():
        submit("11")
    assert sent_to(mailoutbox, officers["certificate"].email) == []


def test_an_inactive_officer_gets_nothing(submit, officer_for, committed, mailoutbox):
    officer = officer_for("11", is_active=False)
    with committed():
        submit("11")
    assert sent_to(mailoutbox, officer.email) == []


def test_the_applicant_gets_the_officers_message_on_a_status_change(
    submit, applicant, officers, committed, mailoutbox
):
    service_request = submit("11")
    mailoutbox.clear()
    with committed():
        actions.move_request(
            actor=officers["id_card"][0],
            service_request=service_request,
            to_status=S.RETURNED,
            role=Role.OFFICER,
            message=OFFICER_MESSAGE,
        )
    [message] = sent_to(mailoutbox, APPLICANT_EMAIL)
    assert service_request.reference in message.subject
    assert OFFICER_MESSAGE in message.body
    assert sent_to(mailoutbox, officers["id_card"][0].email) == []


@pytest.mark.parametrize("target", [S.IN_PROGRESS, S.COMPLETED, S.CANCELLED])
def test_the_applicant_hears_of_every_status_change(
    submit, applicant, officers, committed, mailoutbox, target
):
    service_request = submit("11")
    mailoutbox.clear()
    with committed():
        actions.move_request(
            actor=officers["id_card"][0],
            service_request=service_request,
            to_status=target,
            role=Role.OFFICER,
            message="แจ้งผล",
        )
    [message] = sent_to(mailoutbox, APPLICANT_EMAIL)
    assert service_request.reference in message.subject


def test_a_resubmission_notifies_the_officers_of_the_service(
    submit, applicant, officers, committed, mailoutbox
):
    service_request = submit("11")
    actions.move_request(
        actor=officers["id_card"][0],
        service_request=service_request,
        to_status=S.RETURNED,
        role=Role.OFFICER,
        message=OFFICER_MESSAGE,
    )
    mailoutbox.clear()
    with committed():
        actions.edit_request(
            actor=applicant,
            service_request=service_request,
            contact=contact_of(applicant),
            details=details_for("11"),
            attachments={},
        )
    for officer in officers["id_card"]:
        [message] = sent_to(mailoutbox, officer.email)
        assert service_request.reference in message.subject
    assert sent_to(mailoutbox, officers["certificate"].email) == []
    assert len(sent_to(mailoutbox, APPLICANT_EMAIL)) == 1


def test_nothing_is_sent_before_the_change_is_committed(submit, applicant, officers, mailoutbox):
    submit("11")  # the test's transaction never commits
    assert mailoutbox == []
