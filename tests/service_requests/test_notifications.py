"""E-mails, sent through django-tasks (the immediate backend in tests) once the change is committed:
the applicant on submission and on every status change, the service's officers on each new or
resubmitted request."""

from django.utils import translation

import pytest

from service_requests import actions
from service_requests.models import ServiceRequest
from service_requests.workflow import RequestStatus, Role
from tests.factories.service_requests import contact_of, details_for, files_post, form_data
from tests.helpers import in_thai

pytestmark = pytest.mark.django_db

S = RequestStatus
APPLICANT_EMAIL = "wilaiwan@example.ac.th"
OFFICER_MESSAGE = "กรุณาแนบสำเนาบัตรประชาชนที่ชัดเจนกว่านี้"


@pytest.fixture
def applicant(user):
    user.email = user.verified_email = APPLICANT_EMAIL
    user.save(update_fields=["email", "verified_email"])
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
    assert "เจ้าหน้าที่จะตรวจสอบคำขอของท่านภายใน 3-5 วันทำการ" in message.body  # as the page says


def test_an_applicant_without_an_address_gets_no_email(submit, user, officers, committed, mailoutbox):
    with committed():
        submit("11")
    officer_addresses = {officer.email for officer in officers["id_card"]}
    assert mailoutbox
    assert all(set(message.to) <= officer_addresses for message in mailoutbox)


def test_an_address_not_yet_verified_gets_no_email(submit, user, officers, committed, mailoutbox):
    user.email = APPLICANT_EMAIL  # given, but its link not yet opened
    user.save(update_fields=["email"])
    with committed():
        submit("11")
    assert mailoutbox
    assert sent_to(mailoutbox, APPLICANT_EMAIL) == []


def test_an_officer_whose_address_is_not_verified_gets_no_email(submit, officer_for, committed, mailoutbox):
    verified, unverified = officer_for("11"), officer_for("11", verified_email="")
    with committed():
        submit("11")
    assert len(sent_to(mailoutbox, verified.email)) == 1
    assert sent_to(mailoutbox, unverified.email) == []


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


def test_an_officer_who_files_a_request_is_not_asked_to_work_it(submit, officers, committed, mailoutbox):
    filer, colleague = officers["id_card"]
    with committed():
        submit("11", applicant=filer)
    officer_mails = [message for message in mailoutbox if "/admin/service-requests/process/" in message.body]
    assert [message.to for message in officer_mails] == [[colleague.email]]


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


# A service that asks for an e-mail: that request's news goes there too

PENSION_EMAIL = "pension.contact@example.com"


def pension_details(email=PENSION_EMAIL):
    return details_for("21", email=email)


def test_the_address_a_service_asks_for_gets_that_requests_emails_too(
    submit, applicant, officer_for, committed, mailoutbox
):
    officer = officer_for("21")
    with committed():
        service_request = submit("21", details=pension_details())
    assert len(sent_to(mailoutbox, APPLICANT_EMAIL)) == 1
    [to_form_address] = sent_to(mailoutbox, PENSION_EMAIL)
    assert to_form_address.to == [PENSION_EMAIL]  # one message each: neither sees the other address
    assert service_request.reference in to_form_address.subject

    mailoutbox.clear()
    with committed():
        actions.move_request(
            actor=officer,
            service_request=service_request,
            to_status=S.RETURNED,
            role=Role.OFFICER,
            message=OFFICER_MESSAGE,
        )
    assert OFFICER_MESSAGE in sent_to(mailoutbox, PENSION_EMAIL)[0].body
    assert len(sent_to(mailoutbox, APPLICANT_EMAIL)) == 1


def test_an_applicant_without_an_account_address_hears_at_the_address_the_form_asked_for(
    submit, user, committed, mailoutbox
):
    with committed():
        service_request = submit("21", details=pension_details())
    [message] = mailoutbox
    assert message.to == [PENSION_EMAIL]
    assert f"/my/requests/{service_request.reference}/" in message.body


def test_the_same_address_on_the_account_and_the_form_gets_one_email(
    submit, applicant, committed, mailoutbox
):
    with committed():
        submit("21", details=pension_details(email=APPLICANT_EMAIL.upper()))
    assert len([message for message in mailoutbox if APPLICANT_EMAIL in message.to[0].lower()]) == 1


def test_the_form_address_is_for_that_request_only(submit, applicant, committed, mailoutbox):
    submit("21", details=pension_details())
    with committed():
        submit("11")
    assert sent_to(mailoutbox, PENSION_EMAIL) == []
    assert len(sent_to(mailoutbox, APPLICANT_EMAIL)) == 1


# Links: the configured public address, or the one the action's caller was reached at


def test_emails_link_to_the_configured_address(submit, applicant, officers, committed, mailoutbox, settings):
    settings.PORTAL_BASE_URL = "https://oss.example.go.th"
    with committed():
        service_request = submit("11")
    [to_applicant] = sent_to(mailoutbox, APPLICANT_EMAIL)
    assert f"https://oss.example.go.th/my/requests/{service_request.reference}/" in to_applicant.body
    to_officer = sent_to(mailoutbox, officers["id_card"][0].email)[0]
    assert (
        f"https://oss.example.go.th/admin/service-requests/process/{service_request.pk}/" in to_officer.body
    )
    assert "127.0.0.1:8000" not in to_applicant.body + to_officer.body


def test_in_development_emails_link_to_the_address_the_portal_was_used_at(
    client, page_tree, applicant, officers, committed, mailoutbox
):
    client.force_login(applicant)
    data = form_data("11", applicant) | files_post("11")
    with committed():
        client.post(page_tree.service_pages["id-card"].url, data, HTTP_HOST="localhost:8104")
    service_request = ServiceRequest.objects.get()
    [to_applicant] = sent_to(mailoutbox, APPLICANT_EMAIL)
    assert f"http://localhost:8104/my/requests/{service_request.reference}/" in to_applicant.body

    mailoutbox.clear()
    client.force_login(officers["id_card"][0])
    with committed():
        client.post(
            f"/admin/service-requests/process/{service_request.pk}/",
            {"to_status": S.RETURNED, "message": OFFICER_MESSAGE},
            HTTP_HOST="localhost:8104",
        )
    [to_applicant] = sent_to(mailoutbox, APPLICANT_EMAIL)
    assert f"http://localhost:8104/my/requests/{service_request.reference}/" in to_applicant.body


# What people typed stays inside the mail's text


INJECTED_MESSAGE = "กรุณาแก้ไขที่อยู่\r\nSubject: คุณได้รับเงินคืน\nBcc: everyone@example.com\r\rคลิกที่นี่"


def test_an_officers_message_is_quoted_line_by_line_and_starts_no_header(
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
            message=INJECTED_MESSAGE,
        )
    [message] = sent_to(mailoutbox, APPLICANT_EMAIL)
    body_lines = message.body.splitlines()
    assert "> Subject: คุณได้รับเงินคืน" in body_lines
    assert "> Bcc: everyone@example.com" in body_lines
    assert "> คลิกที่นี่" in body_lines
    assert not [line for line in body_lines if line.startswith(("Subject:", "Bcc:"))]
    sent = message.message()
    assert len(sent.get_all("Subject")) == 1
    assert sent.get_all("Bcc") is None
    assert message.to == [APPLICANT_EMAIL]


def test_a_name_with_line_breaks_stays_on_its_line(submit, applicant, officers, committed, mailoutbox):
    contact = contact_of(applicant, applicant_first_name="วิลัยวรรณ\nSubject: ด่วน\r\n")
    with committed():
        submit("11", contact=contact)
    for message in mailoutbox:
        assert "\n" not in message.subject
        assert not [line for line in message.body.splitlines() if line.startswith("Subject:")]
    [to_applicant] = sent_to(mailoutbox, APPLICANT_EMAIL)
    assert "นางสาววิลัยวรรณ Subject: ด่วน สุภชาติ" in to_applicant.body


# A confirmed booking or appointment comes with its calendar file.


def confirm_by_officer(service_request, officer, committed):
    with committed():
        actions.move_request(
            actor=officer,
            service_request=service_request,
            to_status=RequestStatus.IN_PROGRESS,
            role=Role.OFFICER,
            message="",
        )


@pytest.mark.parametrize("service_code", ["31", "32"])
def test_the_confirmation_email_of_a_booking_or_appointment_carries_its_ics_file(
    submit, applicant, officer_for, committed, mailoutbox, service_code
):
    service_request = submit(service_code)
    mailoutbox.clear()

    confirm_by_officer(service_request, officer_for(service_code), committed)

    (message,) = sent_to(mailoutbox, APPLICANT_EMAIL)
    ((name, content, mimetype),) = message.attachments
    assert name == f"{service_request.reference}.ics"
    assert mimetype.startswith("text/calendar")
    text = content if isinstance(content, str) else content.decode()
    assert text.startswith("BEGIN:VCALENDAR") and f"UID:{service_request.reference}@" in text
    assert "DTSTART:" in text
    [part] = [part for part in message.message().walk() if part.get_content_type() == "text/calendar"]
    assert part["Content-Type"] == 'text/calendar; charset="utf-8"'  # the charset once


def test_other_emails_carry_no_calendar_file(submit, applicant, officer_for, committed, mailoutbox):
    booking = submit("31")
    id_card = submit("11")
    with committed():
        actions.move_request(
            actor=officer_for("31"),
            service_request=booking,
            to_status=RequestStatus.RETURNED,
            role=Role.OFFICER,
            message="กรุณาแนบหนังสือขอใช้ห้อง",
        )
    confirm_by_officer(id_card, officer_for("11"), committed)

    assert mailoutbox and all(not message.attachments for message in mailoutbox)


def returned_with_marks(submit, officer_for, committed, mailoutbox, marked):
    """A certificate request returned by its officer with these (part, note) marks: the e-mail
    the applicant gets."""
    service_request = submit("12")
    mailoutbox.clear()
    with committed():
        actions.move_request(
            actor=officer_for("12"),
            service_request=service_request,
            to_status=S.RETURNED,
            role=Role.OFFICER,
            message=OFFICER_MESSAGE,
            marked=marked,
        )
    [message] = sent_to(mailoutbox, APPLICANT_EMAIL)
    return message


def test_the_return_email_names_each_marked_field_with_its_note(
    submit, applicant, officer_for, committed, mailoutbox
):
    message = returned_with_marks(
        submit,
        officer_for,
        committed,
        mailoutbox,
        [("details-purpose", "ระบุชื่อธนาคาร"), ("files-id_card_copy", "")],
    )
    assert "ต้องแก้ไข 2 รายการ" in message.body
    marked_lines = [line for line in message.body.splitlines() if line.startswith("- ")]
    assert len(marked_lines) == 2
    assert marked_lines[0].endswith(": ระบุชื่อธนาคาร")
    assert "สำเนาบัตร" in marked_lines[1]


def test_the_return_email_names_the_marked_parts_in_thai_after_the_officers_message(
    submit, applicant, officer_for, committed, mailoutbox
):
    """An officer working the admin in English marks parts; the applicant's e-mail is still Thai."""
    with translation.override("en"):
        message = returned_with_marks(
            submit,
            officer_for,
            committed,
            mailoutbox,
            [("files-id_card_copy", "สำเนาไม่ชัด"), ("details-purpose", "ระบุชื่อธนาคาร")],
        )
    lines = message.body.splitlines()
    marked_lines = [line for line in lines if line.startswith("- ")]
    assert marked_lines == [
        f"- {in_thai('Copy of the national ID card')}: สำเนาไม่ชัด",
        f"- {in_thai('to be used for')}: ระบุชื่อธนาคาร",
    ]
    assert lines.index(f"> {OFFICER_MESSAGE}") < lines.index(marked_lines[0])


def test_the_email_of_an_officer_working_in_english_links_to_the_thai_page(
    submit, applicant, officer_for, committed, mailoutbox
):
    """The e-mail is Thai, so its link is the Thai page, not /en/, whatever the officer's language."""
    with translation.override("en"):
        message = returned_with_marks(submit, officer_for, committed, mailoutbox, [("details-purpose", "")])
    [link] = [line for line in message.body.split() if "/my/requests/" in line]
    assert "/en/" not in link
    assert link.endswith(f"/my/requests/{applicant.service_requests.get().reference}/")
