"""The officers' pages of one request in the admin: processing, cancelling, the history, and
the refusals an officer of another service meets."""

import json

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from service_requests.models import StatusChange
from service_requests.workflow import RequestStatus, Role, confirmation_required
from tests.factories.service_requests import pdf_bytes, png_bytes, upload
from tests.helpers import in_thai
from tests.service_requests.helpers import admin_url, downloaded

pytestmark = pytest.mark.django_db

S = RequestStatus
RETURN_MESSAGE = "กรุณาแนบสำเนาบัตรประชาชนที่ชัดเจนกว่านี้"
CANCEL_REASON = "ผู้ยื่นคำขอแจ้งยกเลิกทางโทรศัพท์"
INDEX = reverse("service_request_admin:index")


# The process page


def test_the_process_page_shows_everything_the_applicant_sent(as_officer, submit, user):
    service_request = submit("11")
    response = as_officer.get(admin_url("process", service_request))
    assert response.status_code == 200
    page = response.content.decode()
    assert service_request.reference in page
    assert user.citizen_id in page
    assert service_request.applicant_full_name in page
    assert "Wilaiwan" in page  # the service's own fields
    assert "โรงเรียนบ้านหนองบัว" in page
    for attachment in service_request.attachments.all():
        url = reverse("service_requests:attachment", args=[service_request.reference, attachment.pk])
        assert url in page
        assert attachment.original_name in page
    assert admin_url("print_pdf", service_request) in page
    assert admin_url("cancel", service_request) in page


def test_the_attachment_links_download_for_the_officer(as_officer, submit):
    service_request = submit("11")
    attachment = service_request.attachments.get(slot="id_card_copy")
    response = as_officer.get(
        reverse("service_requests:attachment", args=[service_request.reference, attachment.pk])
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert downloaded(response) == attachment.file.open("rb").read()


@pytest.mark.parametrize(
    ("status", "offered"),
    [
        (S.SUBMITTED, [S.IN_PROGRESS, S.RETURNED, S.COMPLETED]),
        (S.IN_PROGRESS, [S.IN_PROGRESS, S.RETURNED, S.COMPLETED]),
        (S.RESUBMITTED, [S.IN_PROGRESS, S.RETURNED, S.COMPLETED]),
    ],
)
def test_the_officer_is_offered_only_the_moves_the_workflow_allows(as_officer, request_in, status, offered):
    service_request = request_in(status)
    form = as_officer.get(admin_url("process", service_request)).context["form"]
    assert [value for value, _label in form.fields["to_status"].choices] == [s.value for s in offered]


@pytest.mark.parametrize("status", [S.COMPLETED, S.CANCELLED, S.RETURNED])
def test_no_status_form_when_the_officer_has_no_move_to_make(as_officer, request_in, status):
    service_request = request_in(status)
    response = as_officer.get(admin_url("process", service_request))
    assert response.status_code == 200
    assert not response.context["may_move"]
    assert 'name="to_status"' not in response.content.decode()


def test_returning_needs_a_message(as_officer, submit):
    service_request = submit("11")
    response = as_officer.post(
        admin_url("process", service_request), {"to_status": "returned", "message": " "}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["message"] == [in_thai("Please write a message to the applicant.")]
    assert 'aria-describedby="id_message-errors' in response.content.decode()
    service_request.refresh_from_db()
    assert service_request.status == S.SUBMITTED
    assert service_request.history.count() == 1


def test_returning_with_a_message(as_officer, submit, personnel_officer):
    service_request = submit("11")
    url = admin_url("process", service_request)
    response = as_officer.post(url, {"to_status": "returned", "message": RETURN_MESSAGE})
    assert response.status_code == 302
    assert response.url == url
    service_request.refresh_from_db()
    assert service_request.status == S.RETURNED
    assert service_request.officer_message == RETURN_MESSAGE
    change = service_request.history.last()
    assert (change.from_status, change.to_status, change.actor, change.message) == (
        S.SUBMITTED,
        S.RETURNED,
        personnel_officer,
        RETURN_MESSAGE,
    )
    page = as_officer.get(url).content.decode()
    assert RETURN_MESSAGE in page  # in the history and as the latest message


def test_completing_with_a_reply_file(as_officer, request_in):
    service_request = request_in(S.IN_PROGRESS, service_code="12")
    reply = upload("หนังสือรับรอง.png", png_bytes(), "image/png")
    response = as_officer.post(
        admin_url("process", service_request),
        {"to_status": "completed", "message": "", "reply_file": reply, "confirm_final": "on"},
    )
    assert response.status_code == 302
    service_request.refresh_from_db()
    assert service_request.status == S.COMPLETED
    assert service_request.reply_file_name == "หนังสือรับรอง.png"
    assert service_request.reply_file.open("rb").read() == png_bytes()
    page = as_officer.get(admin_url("process", service_request)).content.decode()
    assert reverse("service_requests:reply_file", args=[service_request.reference]) in page


def officer_part(response) -> BeautifulSoup:
    """The officer's part of the process page (the status form)."""
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser").find(id="officer-content")


def text_of(node) -> str:
    return " ".join(node.get_text(" ").split())


def confirm_box(part):
    """The confirmation tick box's block, or None."""
    box = part.find("input", attrs={"name": "confirm_final"})
    return box and box.find_parent(class_="confirm-final")


CONFIRM_LABEL = (
    "Confirm the change of status to “%(status)s”: the applicant will be notified, "
    "and the status cannot be changed again."
)
NOT_CONFIRMED = "Tick the box to confirm the change of status to “%(status)s”."
CHOOSE_AGAIN = "Please choose the file again: it was not saved because the form has errors."


def test_the_page_asks_to_confirm_completing_and_shows_the_box_only_for_it(as_officer, request_in):
    service_request = request_in(S.IN_PROGRESS)
    part = officer_part(as_officer.get(admin_url("process", service_request)))
    box = confirm_box(part)
    assert in_thai(CONFIRM_LABEL) % {"status": in_thai(S.COMPLETED.label)} in text_of(box)
    # Shown (JavaScript's w-rules) for the statuses that close the request, which the workflow names.
    offered = [
        option["value"] for option in part.find("select", attrs={"name": "to_status"}).find_all("option")
    ]
    assert json.loads(box["data-w-rules"]) == {
        "to_status": [status for status in offered if confirmation_required(status, Role.OFFICER)]
    }
    assert json.loads(box["data-w-rules"]) == {"to_status": [S.COMPLETED]}


def test_completing_without_the_tick_changes_nothing_and_keeps_what_was_typed(as_officer, request_in):
    service_request = request_in(S.IN_PROGRESS, service_code="12")
    changes = service_request.history.count()
    url = admin_url("process", service_request)
    reply = upload("หนังสือรับรอง.png", png_bytes(), "image/png")
    response = as_officer.post(
        url, {"to_status": "completed", "message": "ออกหนังสือรับรองแล้ว", "reply_file": reply}
    )
    part = officer_part(response)
    status = in_thai(S.COMPLETED.label)
    box = confirm_box(part)
    assert in_thai(NOT_CONFIRMED) % {"status": status} in text_of(box)
    assert box.find("input")["aria-describedby"].startswith("id_confirm_final-errors")
    assert part.find("option", selected=True)["value"] == "completed"
    assert part.find("textarea", attrs={"name": "message"}).get_text().strip() == "ออกหนังสือรับรองแล้ว"
    # The chosen file could not be kept: the officer is told by the file box.
    file_field = part.find("input", attrs={"name": "reply_file"}).find_parent(class_="w-field__wrapper")
    assert in_thai(CHOOSE_AGAIN) in text_of(file_field)
    service_request.refresh_from_db()
    assert service_request.status == S.IN_PROGRESS
    assert not service_request.reply_file
    assert service_request.history.count() == changes

    reply = upload("หนังสือรับรอง.png", png_bytes(), "image/png")
    response = as_officer.post(
        url,
        {"to_status": "completed", "message": "ออกหนังสือรับรองแล้ว", "reply_file": reply, "confirm_final": "on"},
    )
    assert response.status_code == 302
    service_request.refresh_from_db()
    assert service_request.status == S.COMPLETED
    assert service_request.reply_file_name == "หนังสือรับรอง.png"


def test_a_move_that_leaves_the_request_open_needs_no_tick(as_officer, submit):
    service_request = submit("11")
    response = as_officer.post(admin_url("process", service_request), {"to_status": "in_progress"})
    assert response.status_code == 302
    service_request.refresh_from_db()
    assert service_request.status == S.IN_PROGRESS


def test_a_reply_file_sent_with_errors_is_to_be_chosen_again(as_officer, submit):
    # Returned with a field ticked and noted and a reply file, but no message: the page comes back
    # with the status, the tick and the note, and says by the file box that the file must be chosen again.
    service_request = submit("11")
    url = admin_url("process", service_request)
    part = as_officer.get(url).context["form"].correctable[0]
    reply = upload("reply.pdf", pdf_bytes(), "application/pdf")
    response = as_officer.post(
        url,
        {
            "to_status": "returned",
            "message": "",
            f"mark__{part.key}": "on",
            f"note__{part.key}": "สะกดชื่อผิด",
            "reply_file": reply,
        },
    )
    officer = officer_part(response)
    assert in_thai("Please write a message to the applicant.") in text_of(officer)
    assert officer.find("option", selected=True)["value"] == "returned"
    assert officer.find("input", attrs={"name": f"mark__{part.key}"}).has_attr("checked")
    assert officer.find("input", attrs={"name": f"note__{part.key}"})["value"] == "สะกดชื่อผิด"
    file_field = officer.find("input", attrs={"name": "reply_file"}).find_parent(class_="w-field__wrapper")
    assert in_thai(CHOOSE_AGAIN) in text_of(file_field)
    assert confirm_box(officer).find(class_="error-message") is None  # nothing to confirm when returning
    service_request.refresh_from_db()
    assert service_request.status == S.SUBMITTED


def test_no_note_on_the_file_box_when_no_file_was_sent_or_the_file_itself_was_refused(as_officer, submit):
    service_request = submit("11")
    url = admin_url("process", service_request)
    response = as_officer.post(url, {"to_status": "returned", "message": ""})
    assert in_thai(CHOOSE_AGAIN) not in text_of(officer_part(response))
    fake = upload("reply.png", b"<html><script>alert(1)</script></html>", "image/png")
    response = as_officer.post(url, {"to_status": "returned", "message": "", "reply_file": fake})
    officer = officer_part(response)
    assert response.context["form"].errors["reply_file"]
    assert in_thai(CHOOSE_AGAIN) not in text_of(officer)


def test_a_refused_reply_file_changes_nothing(as_officer, submit, private_files):
    service_request = submit("11")
    stored = private_files()
    fake = upload("reply.png", b"<html><script>alert(1)</script></html>", "image/png")
    response = as_officer.post(
        admin_url("process", service_request),
        {"to_status": "completed", "message": "", "reply_file": fake, "confirm_final": "on"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["reply_file"]
    service_request.refresh_from_db()
    assert service_request.status == S.SUBMITTED
    assert not service_request.reply_file
    assert private_files() == stored


def test_a_move_the_workflow_forbids_is_refused(as_officer, request_in):
    service_request = request_in(S.COMPLETED)
    response = as_officer.post(admin_url("process", service_request), {"to_status": "in_progress"})
    assert response.status_code == 200
    service_request.refresh_from_db()
    assert service_request.status == S.COMPLETED
    assert StatusChange.objects.filter(request=service_request).count() == 1


# Cancelling


def test_cancelling_needs_a_reason(as_officer, submit):
    service_request = submit("11")
    response = as_officer.post(admin_url("cancel", service_request), {"reason": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    service_request.refresh_from_db()
    assert service_request.status == S.SUBMITTED


def test_cancelling_with_a_reason(as_officer, request_in):
    service_request = request_in(S.RETURNED)
    url = admin_url("cancel", service_request)
    assert as_officer.get(url).status_code == 200
    response = as_officer.post(url, {"reason": CANCEL_REASON})
    assert response.status_code == 302
    assert response.url == admin_url("process", service_request)
    service_request.refresh_from_db()
    assert service_request.status == S.CANCELLED
    assert service_request.officer_message == CANCEL_REASON
    assert service_request.history.last().message == CANCEL_REASON
    # Once cancelled, the cancel page sends the officer back to the request.
    response = as_officer.get(url)
    assert response.status_code == 302
    assert response.url == admin_url("process", service_request)


def test_a_completed_request_cannot_be_cancelled(as_officer, request_in):
    service_request = request_in(S.COMPLETED)
    response = as_officer.post(admin_url("cancel", service_request), {"reason": CANCEL_REASON}, follow=True)
    assert response.redirect_chain == [(admin_url("process", service_request), 302)]
    assert in_thai("This request can no longer be cancelled.") in [
        str(m).strip() for m in response.context["messages"]
    ]
    service_request.refresh_from_db()
    assert service_request.status == S.COMPLETED


# Printing and the history


def test_the_history_view_shows_the_audit_log(as_officer, request_in, personnel_officer):
    service_request = request_in(S.SUBMITTED)
    response = as_officer.get(admin_url("history", service_request))
    assert response.status_code == 200
    assert len(response.context["object_list"]) == 1  # the submission


# Another service's officer


@pytest.mark.parametrize("view", ["process", "cancel", "print_pdf", "bundle", "history", "history_results"])
def test_an_officer_of_another_service_gets_404(client, submit, finance_officer, view):
    service_request = submit("11")
    client.force_login(finance_officer)
    assert client.get(admin_url(view, service_request)).status_code == 404


@pytest.mark.parametrize(
    ("view", "data"),
    [
        ("process", {"to_status": "completed", "message": "x", "confirm_final": "on"}),
        ("cancel", {"reason": CANCEL_REASON}),
    ],
)
def test_an_officer_of_another_service_cannot_move_a_request(client, submit, finance_officer, view, data):
    service_request = submit("11")
    client.force_login(finance_officer)
    assert client.post(admin_url(view, service_request), data).status_code == 404
    service_request.refresh_from_db()
    assert service_request.status == S.SUBMITTED


def test_an_officer_of_another_service_cannot_download_the_attachments(client, submit, finance_officer):
    service_request = submit("11")
    attachment = service_request.attachments.first()
    client.force_login(finance_officer)
    url = reverse("service_requests:attachment", args=[service_request.reference, attachment.pk])
    assert client.get(url).status_code == 404


def test_the_process_page_needs_an_admin_login(client, submit, user):
    service_request = submit("11")
    response = client.get(admin_url("process", service_request))
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))
    client.force_login(user)  # the applicant has no admin access at all
    assert client.get(admin_url("process", service_request)).status_code == 302


def test_a_service_whose_form_has_its_name_is_named_once(client, superuser, submit):
    booking = submit("31")
    client.force_login(superuser)
    page = client.get(admin_url("process", booking)).content.decode()
    name = in_thai(booking.service.name)
    assert name == in_thai(booking.service.form_title)
    main = page.split('id="request-content"', 1)[1].split('id="applicant-section"', 1)[0]
    assert main.count(name) == 1
