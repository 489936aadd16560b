"""Internal notes (บันทึกภายใน, issue 13 item 2): officers of a request's service keep a thread of
notes on its process page, apart from the message to the applicant; the applicant never sees a
note anywhere (their pages, e-mails, printouts, data copy, the status check), nor do officers of
other services.

Every leak test writes a distinctive note and, beside it, an officer's message to the applicant
with a distinctive word of its own: the message shows up where the test looks (so the place is
really read), the note never does."""

import io
import zipfile

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

import pytest

from service_requests import actions
from service_requests.models import InternalNote, ServiceRequest, StatusChange
from service_requests.workflow import RequestStatus, Role
from tests.factories.service_requests import contact_of, details_for
from tests.helpers import in_thai
from tests.printing.conftest import pdf_text
from tests.service_requests.helpers import admin_url, audit_log, downloaded

pytestmark = pytest.mark.django_db

S = RequestStatus
NOTE = "NOTEZQX4471 ผู้ยื่นรายนี้เคยยื่นเอกสารปลอม โปรดตรวจละเอียด"
NOTE_MARK = "NOTEZQX4471"
MESSAGE = "MSGPLK2231 กรุณาแนบสำเนาบัตรที่ชัดเจนกว่านี้"
MESSAGE_MARK = "MSGPLK2231"
APPLICANT_EMAIL = "wilaiwan@example.ac.th"
NOT_SEEN = "ผู้ยื่นคำขอไม่เห็นบันทึกนี้"


@pytest.fixture
def applicant(user):
    user.email = user.verified_email = APPLICANT_EMAIL
    user.save(update_fields=["email", "verified_email"])
    return user


@pytest.fixture
def noted(submit, applicant, personnel_officer, page_tree):
    """A request of service 11 with an internal note, then returned to the applicant with a message."""
    service_request = submit("11", applicant=applicant)
    actions.add_internal_note(actor=personnel_officer, service_request=service_request, text=NOTE)
    return actions.move_request(
        actor=personnel_officer,
        service_request=service_request,
        to_status=S.RETURNED,
        role=Role.OFFICER,
        message=MESSAGE,
    )


def post_note(client, service_request, text):
    return client.post(
        admin_url("process", service_request), {"internal_note-text": text, "add_internal_note": "1"}
    )


# The officers' thread


def test_an_officer_adds_a_note_and_the_thread_shows_it_apart_from_the_message(
    as_officer, submit, personnel_officer
):
    service_request = submit("11")
    response = post_note(as_officer, service_request, NOTE)
    assert response.status_code == 302
    assert response["Location"].endswith("#internal-notes")

    page = as_officer.get(admin_url("process", service_request)).content.decode()
    note = InternalNote.objects.get(request=service_request)
    assert note.author == personnel_officer
    assert note.text == NOTE
    assert NOT_SEEN in page
    assert in_thai("The applicant does not see these notes.") == NOT_SEEN
    thread = page.split('id="internal-notes"', 1)[1]
    assert NOTE in thread
    assert "นายสมชาย ใจดี" in thread or personnel_officer.get_full_name() in thread
    assert note.created_at_display in thread
    assert str(note.created_at.year + 543) in note.created_at_display  # Buddhist Era
    # The message to the applicant is still empty: a note is not a message.
    service_request.refresh_from_db()
    assert service_request.officer_message == ""


def test_notes_form_a_thread_oldest_first_with_each_author(client, submit, officer_for):
    service_request = submit("11")
    first, second = officer_for("11", first_name="อรุณ"), officer_for("11", first_name="ราตรี")
    actions.add_internal_note(actor=first, service_request=service_request, text="บันทึกแรก")
    actions.add_internal_note(actor=second, service_request=service_request, text="บันทึกที่สอง")
    client.force_login(first)
    page = client.get(admin_url("process", service_request)).content.decode()
    assert page.index("บันทึกแรก") < page.index("บันทึกที่สอง")
    assert "อรุณ" in page and "ราตรี" in page


def test_adding_a_note_is_audit_logged_without_its_words_and_is_no_history_line(
    submit, personnel_officer, mailoutbox, django_capture_on_commit_callbacks
):
    service_request = submit("11")
    lines_before = StatusChange.objects.filter(request=service_request).count()
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        note = actions.add_internal_note(actor=personnel_officer, service_request=service_request, text=NOTE)
    entry = audit_log(service_request).last()
    assert entry.action == "service_requests.add_internal_note"
    assert entry.user_id == personnel_officer.pk
    assert entry.data == {"internal_note": note.pk}
    assert StatusChange.objects.filter(request=service_request).count() == lines_before
    assert mailoutbox == []


def test_an_empty_note_is_refused_in_thai(as_officer, submit):
    service_request = submit("11")
    response = post_note(as_officer, service_request, "   ")
    assert response.status_code == 200
    assert in_thai("This field is required.") in response.content.decode()
    assert not InternalNote.objects.exists()


def test_a_note_too_long_comes_back_with_what_was_typed(as_officer, submit):
    service_request = submit("11")
    typed = "ยาวเกินไป " * 500
    response = post_note(as_officer, service_request, typed)
    assert response.status_code == 200
    assert "ยาวเกินไป ยาวเกินไป" in response.content.decode()
    assert 'aria-describedby="id_internal_note-text-errors' in response.content.decode()
    assert not InternalNote.objects.exists()


def test_the_action_refuses_blank_text(submit, personnel_officer):
    with pytest.raises(ValidationError):
        actions.add_internal_note(actor=personnel_officer, service_request=submit("11"), text=" \n ")


def test_a_closed_request_still_takes_notes(as_officer, request_in):
    service_request = request_in(S.COMPLETED)
    assert post_note(as_officer, service_request, NOTE).status_code == 302
    assert InternalNote.objects.filter(request=service_request, text=NOTE).exists()


# Who may


def test_an_officer_of_another_service_neither_sees_nor_adds_notes(client, noted, finance_officer):
    client.force_login(finance_officer)
    assert client.get(admin_url("process", noted)).status_code == 404
    assert post_note(client, noted, "แอบเขียน").status_code == 404
    with pytest.raises(PermissionDenied):
        actions.add_internal_note(actor=finance_officer, service_request=noted, text="แอบเขียน")
    assert InternalNote.objects.filter(request=noted).count() == 1


def test_the_applicant_cannot_add_a_note(noted, applicant):
    with pytest.raises(PermissionDenied):
        actions.add_internal_note(actor=applicant, service_request=noted, text="ขอเขียนด้วย")


def test_an_officer_sees_no_notes_on_their_own_request(client, submit, officer_for):
    colleague, filer = officer_for("11"), officer_for("11")
    own = submit("11", applicant=filer)
    actions.add_internal_note(actor=colleague, service_request=own, text=NOTE)
    client.force_login(filer)
    page = client.get(admin_url("process", own)).content.decode()
    assert own.reference in page
    assert NOTE_MARK not in page
    assert NOT_SEEN not in page
    with pytest.raises(PermissionDenied):
        actions.add_internal_note(actor=filer, service_request=own, text="ของฉันเอง")


# Never to the applicant: every place that shows them their request


def test_no_note_on_the_applicants_pages(client, noted, applicant):
    client.force_login(applicant)
    pages = {
        "my requests": reverse("service_requests:my_requests"),
        "detail": reverse("service_requests:detail", args=[noted.reference]),
        "edit": reverse("service_requests:edit", args=[noted.reference]),
        "cancel": reverse("service_requests:cancel", args=[noted.reference]),
        "submitted": reverse("service_requests:submitted", args=[noted.reference]),
    }
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        page = response.content.decode()
        assert NOTE_MARK not in page, name
        assert NOT_SEEN not in page, name
    assert MESSAGE_MARK in client.get(pages["detail"]).content.decode()


def test_no_note_in_the_applicants_emails(
    submit, applicant, officer_for, mailoutbox, django_capture_on_commit_callbacks
):
    """A whole round: filed, noted, returned, corrected, taken on, completed; every e-mail read."""
    personnel_officer = officer_for("11")  # with an e-mail address: officers hear of new requests
    with django_capture_on_commit_callbacks(execute=True):
        service_request = submit("11", applicant=applicant)
        actions.add_internal_note(actor=personnel_officer, service_request=service_request, text=NOTE)

    def officer_moves(target, message=""):
        with django_capture_on_commit_callbacks(execute=True):
            return actions.move_request(
                actor=personnel_officer,
                service_request=service_request,
                to_status=target,
                role=Role.OFFICER,
                message=message,
            )

    service_request = officer_moves(S.RETURNED, MESSAGE)
    with django_capture_on_commit_callbacks(execute=True):
        service_request = actions.edit_request(
            actor=applicant,
            service_request=service_request,
            contact=contact_of(applicant),
            details=details_for("11"),
            attachments={},
        )
    actions.add_internal_note(actor=personnel_officer, service_request=service_request, text=NOTE)
    service_request = officer_moves(S.IN_PROGRESS)
    officer_moves(S.COMPLETED, "เรียบร้อย")
    to_applicant = [message for message in mailoutbox if APPLICANT_EMAIL in message.to]
    assert len(to_applicant) == 5  # submitted, returned, resubmitted, in progress, completed
    assert any(MESSAGE_MARK in message.body for message in to_applicant)
    assert len(mailoutbox) > len(to_applicant)  # the officers heard of the request too
    for message in mailoutbox:  # and their e-mails carry no notes either
        assert NOTE_MARK not in f"{message.subject}\n{message.body}"


def test_no_note_in_the_printouts(client, noted, applicant, personnel_officer):
    client.force_login(applicant)
    response = client.get(reverse("printing:applicant_pdf", args=[noted.reference]))
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert MESSAGE_MARK in text
    assert NOTE_MARK not in text
    client.force_login(personnel_officer)
    for name in ("print_pdf", "bundle"):
        response = client.get(admin_url(name, noted))
        assert response.status_code == 200, name
        content = response.content if hasattr(response, "content") else downloaded(response)
        text = pdf_text(content)
        assert MESSAGE_MARK in text, name
        assert NOTE_MARK not in text, name


def test_no_note_in_the_applicants_data_copy(client, noted, applicant, django_capture_on_commit_callbacks):
    client.force_login(applicant)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("privacy:export")).status_code == 302
    export = applicant.data_exports.get()
    response = client.get(reverse("privacy:export_download", args=[export.key]))
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(downloaded(response)))
    texts = {}
    for name in archive.namelist():
        content = archive.read(name)
        texts[name] = pdf_text(content) if name.endswith(".pdf") and content.startswith(b"%PDF") else ""
        texts[name] += content.decode("utf-8", errors="ignore")
    request_json = texts[f"requests/{noted.reference}/request.json"]
    assert MESSAGE_MARK in request_json
    for name, text in texts.items():
        assert NOTE_MARK not in text, name
        assert NOT_SEEN not in text, name


def test_no_note_on_the_status_check(client, noted, applicant):
    response = client.post(
        reverse("service_requests:status_check"),
        {"reference": noted.reference, "citizen_id_or_phone": applicant.citizen_id},
        REMOTE_ADDR="203.0.113.9",
    )
    assert response.status_code == 200
    assert response.context["result"].reference == noted.reference
    assert NOTE_MARK not in response.content.decode()


def test_no_note_in_the_officers_list_exports(client, noted, personnel_officer):
    """The list's CSV and XLSX leave the admin and may be passed on: no notes in them either."""
    client.force_login(personnel_officer)
    index = reverse("service_request_admin:index")
    # Not closed: closing a response ends the test client's "request" and its database connection.
    csv_text = b"".join(client.get(index, {"export": "csv"}).streaming_content).decode("utf-8")
    assert noted.reference in csv_text
    assert NOTE_MARK not in csv_text
    xlsx = b"".join(client.get(index, {"export": "xlsx"}).streaming_content)
    with zipfile.ZipFile(io.BytesIO(xlsx)) as workbook:
        cells = "".join(workbook.read(name).decode("utf-8", errors="ignore") for name in workbook.namelist())
    assert noted.reference in cells
    assert NOTE_MARK not in cells


# Kept no longer than the applicant's data


def test_deidentifying_removes_the_applicants_name_from_the_notes(submit, applicant, personnel_officer):
    service_request = submit("11", applicant=applicant)
    actions.add_internal_note(
        actor=personnel_officer,
        service_request=service_request,
        text=f"โทรหา{service_request.applicant_first_name} ที่ {service_request.applicant_phone} แล้ว",
    )
    service_request = actions.move_request(
        actor=personnel_officer, service_request=service_request, to_status=S.COMPLETED, role=Role.OFFICER
    )
    actions.deidentify_request(service_request=service_request, reason="retention")
    note = InternalNote.objects.get(request=service_request)
    assert service_request.applicant_first_name not in note.text
    assert service_request.applicant_phone not in note.text
    assert "***" in note.text
    assert ServiceRequest.objects.get(pk=service_request.pk).deidentified_at is not None
