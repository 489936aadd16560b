"""The applicant's side through the test client: submitting on a service page, the list of their
requests and a request's detail page."""

import datetime

from django.urls import reverse
from django.utils.html import escape
from django.utils.text import capfirst

import pytest

from accounts.validators import PERSON_NAME_MESSAGE
from base.dates import format_datetime
from service_requests import actions, pdf_content
from service_requests.catalogue import CATALOGUE
from service_requests.models import ServiceRequest
from service_requests.queries import details_of
from service_requests.uploads import MESSAGES as UPLOAD_MESSAGES
from service_requests.workflow import RequestStatus, Role
from tests.factories.service_requests import (
    EXAMPLE_MOMENT,
    ServiceRequestFactory,
    attach_reply,
    files_post,
    form_data,
    pdf_bytes,
    pdf_upload,
    png_upload,
    upload,
)
from tests.helpers import in_thai, take_offline
from tests.service_requests.hostile_files import pdf_truncated

pytestmark = pytest.mark.django_db

CERTIFICATE_URL = "/services/certificate/"
MY_REQUESTS_URL = "/my/requests/"
CERTIFICATE = CATALOGUE["12"]  # as the code defines it (get_service reads the office's choices)
ID_CARD = CATALOGUE["11"]


@pytest.fixture
def logged_in(client, user, page_tree):
    client.force_login(user)
    return client


def certificate_post(user, **changes):
    data = form_data("12", user, **changes)
    data["files-id_card_copy"] = png_upload("สำเนาบัตร.png")
    return data


# The service page's form


def test_the_form_is_pre_filled_from_the_profile(logged_in, user):
    page = logged_in.get(CERTIFICATE_URL).content.decode()
    assert 'name="contact-applicant_first_name"' in page
    assert f'value="{user.first_name}"' in page
    assert f'value="{user.last_name}"' in page
    assert f'value="{user.phone}"' in page
    assert f'<option value="{user.title}" selected>' in page
    assert user.citizen_id in page


def test_the_form_has_a_file_field_for_each_attachment_slot(logged_in):
    page = logged_in.get(CERTIFICATE_URL).content.decode()
    for slot in CERTIFICATE.attachment_slots:
        assert f'name="files-{slot.name}"' in page
        assert escape(in_thai(slot.label)) in page


def test_the_form_comes_with_the_manual_the_blank_form_and_the_processing_note(logged_in, page_tree):
    page = logged_in.get(CERTIFICATE_URL).content.decode()
    certificate_page = page_tree.service_pages["certificate"]
    assert escape(certificate_page.processing_time) in page
    assert escape(certificate_page.manuals()[0].document.url) in page
    assert escape(certificate_page.blank_forms()[0].document.url) in page


def test_a_successful_submission_lands_on_the_confirmation_with_the_reference(logged_in, user):
    response = logged_in.post(CERTIFICATE_URL, certificate_post(user), follow=True)
    service_request = ServiceRequest.objects.get()
    assert response.redirect_chain == [(f"/my/requests/{service_request.reference}/submitted/", 302)]
    page = response.content.decode()
    assert service_request.reference in page
    assert escape(in_thai(CERTIFICATE.name)) in page
    assert escape(in_thai(RequestStatus.SUBMITTED.label)) in page


@pytest.mark.parametrize("field", ["applicant_first_name", "applicant_last_name"])
def test_a_contact_name_with_a_line_break_is_refused_on_its_field(logged_in, user, field):
    response = logged_in.post(
        CERTIFICATE_URL, certificate_post(user, **{f"contact-{field}": "สมชาย\nBcc: x"})
    )
    assert response.status_code == 200
    contact = response.context["request_forms"].contact
    assert contact.errors[field] == [in_thai(PERSON_NAME_MESSAGE)]
    assert not ServiceRequest.objects.exists()


def test_thai_contact_names_with_tone_marks_are_accepted(logged_in, user):
    changes = {"contact-applicant_first_name": "ณัฐธิดา", "contact-applicant_last_name": "ศักดิ์ชัย"}
    assert logged_in.post(CERTIFICATE_URL, certificate_post(user, **changes)).status_code == 302
    assert ServiceRequest.objects.get().applicant_full_name.endswith("ณัฐธิดา ศักดิ์ชัย")


def test_the_request_holds_what_the_applicant_typed(logged_in, user):
    logged_in.post(
        CERTIFICATE_URL,
        certificate_post(user, **{"contact-applicant_phone": "089-111-2222", "details-purpose": "ขอวีซ่า"}),
    )
    service_request = ServiceRequest.objects.get()
    assert service_request.service_code == "12"
    assert service_request.applicant == user
    assert service_request.applicant_citizen_id == user.citizen_id
    assert service_request.applicant_phone == "0891112222"
    assert service_request.status == RequestStatus.SUBMITTED
    assert CERTIFICATE.details_model.objects.get(request=service_request).purpose == "ขอวีซ่า"
    assert service_request.attachments.get().original_name == "สำเนาบัตร.png"


def test_a_form_with_mistakes_is_shown_again_and_files_nothing(logged_in, user):
    response = logged_in.post(CERTIFICATE_URL, certificate_post(user, **{"details-work_unit": ""}))
    assert response.status_code == 200
    assert "work_unit" in response.context["request_forms"].details.errors
    assert 'value="ประกอบการขอสินเชื่อธนาคารออมสิน"' in response.content.decode()
    assert not ServiceRequest.objects.exists()


CHOOSE_FILES_AGAIN = "เพื่อความปลอดภัย เบราว์เซอร์จะไม่เก็บไฟล์ที่ท่านเลือกไว้ กรุณาเลือกไฟล์แนบอีกครั้ง"


def test_a_form_sent_back_without_files_does_not_ask_to_choose_files_again(logged_in, user):
    """As in the browser walk: a field left empty, no file chosen, so no note about files."""
    response = logged_in.post(CERTIFICATE_URL, form_data("12", user, **{"details-work_unit": ""}))
    assert response.status_code == 200
    assert response.context["request_forms"].error_count
    page = response.content.decode()
    assert 'class="alert alert--error error-summary"' in page
    assert CHOOSE_FILES_AGAIN not in page


def test_a_form_sent_back_with_a_file_asks_to_choose_the_files_again(logged_in, user):
    response = logged_in.post(CERTIFICATE_URL, certificate_post(user, **{"details-work_unit": ""}))
    assert response.status_code == 200
    assert CHOOSE_FILES_AGAIN in response.content.decode()


OTHER_CERTIFICATE_MISSING = "Please say which certificate you need."


def other_certificate_unnamed_with_a_damaged_payslip(user, **changes):
    """The browser walk's form: "other" chosen, "(specify)" left empty, a PDF cut in half."""
    return certificate_post(
        user,
        **{
            "details-certificate_kind": "other",
            "details-certificate_other": "",
            "details-purpose": "ใช้ประกอบการสมัครงาน",
            "files-last_payslip": upload("สลิปเงินเดือน.pdf", pdf_truncated(), "application/pdf"),
            **changes,
        },
    )


def test_the_services_own_rules_show_with_a_damaged_files_error_in_one_round(logged_in, user):
    response = logged_in.post(CERTIFICATE_URL, other_certificate_unnamed_with_a_damaged_payslip(user))
    assert response.status_code == 200
    forms = response.context["request_forms"]
    assert forms.details.errors["certificate_other"] == [in_thai(OTHER_CERTIFICATE_MISSING)]
    assert forms.attachments.errors["last_payslip"] == [in_thai(UPLOAD_MESSAGES[pdf_content.DAMAGED])]
    page = response.content.decode()
    assert escape(in_thai(OTHER_CERTIFICATE_MISSING)) in page
    assert escape(in_thai(UPLOAD_MESSAGES[pdf_content.DAMAGED])) in page
    # What was typed stays: only the files are picked again.
    assert 'value="ใช้ประกอบการสมัครงาน"' in page
    assert 'value="โรงเรียนบ้านหนองบัว"' in page
    assert '<option value="other" selected>' in page
    assert not ServiceRequest.objects.exists()


def test_the_services_own_rules_show_with_the_contacts_errors(logged_in, user):
    response = logged_in.post(
        CERTIFICATE_URL,
        other_certificate_unnamed_with_a_damaged_payslip(
            user, **{"contact-applicant_phone": "", "files-last_payslip": pdf_upload()}
        ),
    )
    forms = response.context["request_forms"]
    assert list(forms.contact.errors) == ["applicant_phone"]
    assert forms.details.errors["certificate_other"] == [in_thai(OTHER_CERTIFICATE_MISSING)]
    assert not ServiceRequest.objects.exists()


def test_the_services_own_rules_wait_for_its_fields_to_be_valid(logged_in, user):
    response = logged_in.post(
        CERTIFICATE_URL,
        other_certificate_unnamed_with_a_damaged_payslip(user, **{"details-salary": "ไม่ทราบ"}),
    )
    forms = response.context["request_forms"]
    assert "salary" in forms.details.errors
    assert "certificate_other" not in forms.details.errors  # its fields first, then its rules
    assert "last_payslip" in forms.attachments.errors


def test_a_form_that_passes_the_services_rules_is_filed(logged_in, user):
    data = other_certificate_unnamed_with_a_damaged_payslip(
        user,
        **{"details-certificate_other": "หนังสือรับรองการผ่านงาน", "files-last_payslip": pdf_upload()},
    )
    assert logged_in.post(CERTIFICATE_URL, data).status_code == 302
    assert CERTIFICATE.details_model.objects.get().certificate_other == "หนังสือรับรองการผ่านงาน"


def test_an_edit_shows_the_services_own_rules_with_a_damaged_files_error(logged_in, user, request_in):
    service_request = request_in(RequestStatus.RETURNED, service_code="12")
    data = other_certificate_unnamed_with_a_damaged_payslip(
        user, submission_key=service_request.submission_key, **{"correction-reply": "แก้ไขแล้ว"}
    )
    response = logged_in.post(reverse("service_requests:edit", args=[service_request.reference]), data)
    assert response.status_code == 200
    forms = response.context["request_forms"]
    assert forms.details.errors["certificate_other"] == [in_thai(OTHER_CERTIFICATE_MISSING)]
    assert forms.attachments.errors["last_payslip"] == [in_thai(UPLOAD_MESSAGES[pdf_content.DAMAGED])]
    assert 'value="ใช้ประกอบการสมัครงาน"' in response.content.decode()
    service_request.refresh_from_db()
    assert service_request.status == RequestStatus.RETURNED
    assert CERTIFICATE.details_model.objects.get(request=service_request).certificate_kind == "salary"


def test_the_required_id_card_copy_must_be_attached(logged_in, user):
    data = form_data("12", user)
    response = logged_in.post(CERTIFICATE_URL, data)
    assert "id_card_copy" in response.context["request_forms"].attachments.errors
    assert not ServiceRequest.objects.exists()


def test_a_service_not_yet_online_takes_no_requests(logged_in, user, monkeypatch):
    take_offline(monkeypatch, "21")
    data = form_data("21", user) | files_post("21")
    response = logged_in.post("/services/living-pension/", data)
    assert response.status_code == 405
    assert not ServiceRequest.objects.exists()


# Logged out


def test_logged_out_the_page_offers_log_in_and_register_back_to_the_page(client, page_tree):
    page = client.get(CERTIFICATE_URL).content.decode()
    assert f'href="/accounts/login/?next={CERTIFICATE_URL}"' in page
    assert f'href="/accounts/register/?next={CERTIFICATE_URL}"' in page
    assert 'name="contact-applicant_first_name"' not in page


def test_logging_in_from_the_page_returns_to_it(client, user, password, page_tree):
    response = client.post(
        f"/accounts/login/?next={CERTIFICATE_URL}", {"username": user.citizen_id, "password": password}
    )
    assert response.status_code == 302
    assert response.url == CERTIFICATE_URL


def test_registering_from_the_page_returns_to_it(client, page_tree, registration_data):
    response = client.post(f"/accounts/register/?next={CERTIFICATE_URL}", registration_data)
    assert response.status_code == 302
    assert response.url == CERTIFICATE_URL


def test_a_logged_out_post_is_sent_to_log_in_and_files_nothing(client, user, page_tree):
    response = client.post(CERTIFICATE_URL, certificate_post(user))
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/?next=")
    assert not ServiceRequest.objects.exists()


# The same POST twice


def test_the_same_post_twice_files_one_request(logged_in, user):
    data = form_data("12", user)
    first = logged_in.post(CERTIFICATE_URL, {**data, "files-id_card_copy": png_upload()})
    second = logged_in.post(CERTIFICATE_URL, {**data, "files-id_card_copy": png_upload()})
    service_request = ServiceRequest.objects.get()
    assert first.status_code == second.status_code == 302
    assert first.url == second.url == f"/my/requests/{service_request.reference}/submitted/"
    assert service_request.attachments.count() == 1


def test_two_forms_file_two_requests(logged_in, user):
    for _ in range(2):
        logged_in.post(CERTIFICATE_URL, certificate_post(user))
    assert ServiceRequest.objects.count() == 2


# Forged or stale submission keys: refused with a fresh form, what was typed kept

STALE_KEY = (
    "This form is out of date and was not sent. Please check what you entered, attach the "
    "files again and send it once more."
)


def posted_key(response):
    return response.context["request_forms"].contact["submission_key"].value()


@pytest.mark.parametrize("whose", ["another applicant's", "another service's"])
def test_a_used_key_of_another_request_gets_a_fresh_form(logged_in, user, submit, other_applicant, whose):
    used = submit("11", applicant=other_applicant) if whose == "another applicant's" else submit("11")
    data = certificate_post(
        user, submission_key=used.submission_key, **{"details-purpose": "ขอวีซ่าไปประเทศญี่ปุ่น"}
    )

    response = logged_in.post(CERTIFICATE_URL, data)

    assert response.status_code == 200
    page = response.content.decode()
    assert escape(in_thai(STALE_KEY)) in page
    assert "ขอวีซ่าไปประเทศญี่ปุ่น" in page  # what was typed is kept
    fresh_key = posted_key(response)
    assert fresh_key and str(fresh_key) != str(used.submission_key)
    assert list(ServiceRequest.objects.values_list("pk", flat=True)) == [used.pk]  # nothing filed
    # Sent again with the fresh key, it is filed as a new request.
    data = {**data, "contact-submission_key": str(fresh_key), "files-id_card_copy": png_upload()}
    again = logged_in.post(CERTIFICATE_URL, data)
    assert again.status_code == 302
    assert ServiceRequest.objects.filter(applicant=user, service_code="12").count() == 1


def test_a_malformed_key_gets_a_fresh_form_like_a_stale_one(logged_in, user):
    data = certificate_post(user, submission_key="not-a-uuid", **{"details-purpose": "ขอวีซ่าไปประเทศญี่ปุ่น"})

    response = logged_in.post(CERTIFICATE_URL, data)

    assert response.status_code == 200
    page = response.content.decode()
    assert escape(in_thai(STALE_KEY)) in page
    assert "Submission key" not in page
    assert "ขอวีซ่าไปประเทศญี่ปุ่น" in page
    assert not ServiceRequest.objects.exists()
    data = {**data, "contact-submission_key": str(posted_key(response)), "files-id_card_copy": png_upload()}
    assert logged_in.post(CERTIFICATE_URL, data).status_code == 302
    assert ServiceRequest.objects.filter(applicant=user).count() == 1


# My requests


def make_requests(user, count, **fields):
    """`count` requests of the user, one minute apart: the last made is the newest."""
    return [ServiceRequestFactory(applicant=user, **fields) for _ in range(count)]


def listed(response):
    return [row["request"].reference for row in response.context["rows"]]


def test_my_requests_needs_a_login(client, page_tree):
    response = client.get(MY_REQUESTS_URL)
    assert response.status_code == 302
    assert response.url == f"/accounts/login/?next={MY_REQUESTS_URL}"


def test_my_requests_lists_newest_first(logged_in, user):
    requests = make_requests(user, 3)
    response = logged_in.get(MY_REQUESTS_URL)
    newest_first = [request.reference for request in reversed(requests)]
    assert listed(response) == newest_first
    page = response.content.decode()
    positions = [page.index(reference) for reference in newest_first]
    assert positions == sorted(positions)


def test_my_requests_lists_only_my_own(logged_in, user, other_applicant):
    mine = ServiceRequestFactory(applicant=user)
    theirs = ServiceRequestFactory(applicant=other_applicant)
    response = logged_in.get(MY_REQUESTS_URL)
    assert listed(response) == [mine.reference]
    assert theirs.reference not in response.content.decode()


def test_my_requests_shows_service_status_its_thai_time_and_the_officers_note(logged_in, user):
    service_request = ServiceRequestFactory(
        applicant=user,
        service_code="12",
        status=RequestStatus.RETURNED,
        status_changed_at=EXAMPLE_MOMENT,
        officer_message="กรุณาแนบสลิปเงินเดือนเดือนล่าสุด",
    )
    page = logged_in.get(MY_REQUESTS_URL).content.decode()
    assert service_request.reference in page
    assert escape(in_thai(CERTIFICATE.name)) in page
    assert escape(in_thai(RequestStatus.RETURNED.label)) in page
    assert "31 มี.ค. 2568, 11:10 น." in page
    assert "กรุณาแนบสลิปเงินเดือนเดือนล่าสุด" in page


@pytest.mark.parametrize(
    ("status", "may_edit", "may_cancel"),
    [
        (RequestStatus.SUBMITTED, True, True),
        (RequestStatus.IN_PROGRESS, False, True),
        (RequestStatus.RETURNED, True, True),
        (RequestStatus.RESUBMITTED, False, True),
        (RequestStatus.COMPLETED, False, False),
        (RequestStatus.CANCELLED, False, False),
    ],
)
def test_my_requests_offers_edit_and_cancel_only_when_allowed(logged_in, user, status, may_edit, may_cancel):
    service_request = ServiceRequestFactory(applicant=user, status=status)
    page = logged_in.get(MY_REQUESTS_URL).content.decode()
    assert (reverse("service_requests:edit", args=[service_request.reference]) in page) is may_edit
    assert (reverse("service_requests:cancel", args=[service_request.reference]) in page) is may_cancel
    assert reverse("service_requests:detail", args=[service_request.reference]) in page
    assert reverse("printing:applicant_pdf", args=[service_request.reference]) in page


def test_my_requests_links_the_officers_reply_file(logged_in, user):
    service_request = attach_reply(ServiceRequestFactory(applicant=user), pdf_bytes())
    page = logged_in.get(MY_REQUESTS_URL).content.decode()
    assert reverse("service_requests:reply_file", args=[service_request.reference]) in page


def test_my_requests_finds_a_request_by_its_reference(logged_in, user):
    requests = make_requests(user, 3)
    response = logged_in.get(MY_REQUESTS_URL, {"q": requests[1].reference})
    assert listed(response) == [requests[1].reference]


def test_my_requests_finds_requests_by_part_of_the_reference(logged_in, user):
    old = ServiceRequestFactory(applicant=user, submitted_at=EXAMPLE_MOMENT - datetime.timedelta(days=400))
    recent = ServiceRequestFactory(applicant=user)
    response = logged_in.get(MY_REQUESTS_URL, {"q": "112024"})
    assert listed(response) == [old.reference]
    assert recent.reference not in response.content.decode()


def test_my_requests_finds_requests_by_service_name(logged_in, user):
    id_card = ServiceRequestFactory(applicant=user, service_code="11")
    certificate = ServiceRequestFactory(applicant=user, service_code="12")
    response = logged_in.get(MY_REQUESTS_URL, {"q": in_thai(CERTIFICATE.name)})
    assert listed(response) == [certificate.reference]
    assert id_card.reference not in response.content.decode()


def test_my_requests_says_when_nothing_matches(logged_in, user):
    make_requests(user, 2)
    response = logged_in.get(MY_REQUESTS_URL, {"q": "9999"})
    assert listed(response) == []
    assert "9999" in response.content.decode()


def test_my_requests_shows_ten_a_page_by_default(logged_in, user):
    make_requests(user, 12)
    response = logged_in.get(MY_REQUESTS_URL)
    assert len(listed(response)) == 10
    assert response.context["paginator"].num_pages == 2


def test_my_requests_shows_the_page_size_asked_for(logged_in, user):
    make_requests(user, 12)
    response = logged_in.get(MY_REQUESTS_URL, {"per_page": 25})
    assert len(listed(response)) == 12


@pytest.mark.parametrize("per_page", ["7", "1000", "ten"])
def test_my_requests_falls_back_to_ten_for_an_unknown_page_size(logged_in, user, per_page):
    make_requests(user, 12)
    response = logged_in.get(MY_REQUESTS_URL, {"per_page": per_page})
    assert len(listed(response)) == 10


def test_my_requests_pages_on_with_numbers_that_carry_on(logged_in, user):
    requests = make_requests(user, 12)
    response = logged_in.get(MY_REQUESTS_URL, {"page": 2})
    assert listed(response) == [requests[1].reference, requests[0].reference]
    assert [row["number"] for row in response.context["rows"]] == [11, 12]


def test_my_requests_links_to_the_previous_and_next_pages_keeping_the_search(logged_in, user):
    make_requests(user, 12)
    first_page = logged_in.get(MY_REQUESTS_URL, {"q": "11", "per_page": 10}).content.decode()
    assert 'href="?q=11&amp;per_page=10&amp;page=2"' in first_page
    second_page = logged_in.get(MY_REQUESTS_URL, {"q": "11", "per_page": 10, "page": 2}).content.decode()
    assert 'href="?q=11&amp;per_page=10&amp;page=1"' in second_page


# One request


@pytest.fixture
def returned_request(submit, officer_for):
    """The applicant's certificate request, returned by an officer with a message."""
    service_request = submit("12")
    officer = officer_for("12")
    actions.move_request(
        actor=officer, service_request=service_request, to_status=RequestStatus.IN_PROGRESS, role=Role.OFFICER
    )
    return actions.move_request(
        actor=officer,
        service_request=service_request,
        to_status=RequestStatus.RETURNED,
        role=Role.OFFICER,
        message="กรุณาแนบสลิปเงินเดือนเดือนล่าสุด",
    )


def test_the_detail_page_shows_every_field(logged_in, returned_request):
    page = logged_in.get(
        reverse("service_requests:detail", args=[returned_request.reference])
    ).content.decode()
    assert returned_request.reference in page
    assert escape(returned_request.applicant_full_name) in page
    assert returned_request.applicant_citizen_id in page
    assert returned_request.applicant_phone in page
    for label, value in details_of(returned_request):
        assert escape(capfirst(in_thai(label))) in page
        assert escape(value) in page


def test_the_detail_page_lists_the_attachments_with_download_links(logged_in, returned_request):
    page = logged_in.get(
        reverse("service_requests:detail", args=[returned_request.reference])
    ).content.decode()
    for attachment in returned_request.attachments.all():
        assert escape(attachment.original_name) in page
        assert (
            reverse("service_requests:attachment", args=[returned_request.reference, attachment.pk]) in page
        )


def test_the_detail_page_shows_the_history_with_the_officers_message(logged_in, returned_request):
    page = logged_in.get(
        reverse("service_requests:detail", args=[returned_request.reference])
    ).content.decode()
    for status in (RequestStatus.SUBMITTED, RequestStatus.IN_PROGRESS, RequestStatus.RETURNED):
        assert escape(in_thai(status.label)) in page
    assert "กรุณาแนบสลิปเงินเดือนเดือนล่าสุด" in page
    for change in returned_request.history.all():
        assert format_datetime(change.created_at, "th") in page


def test_the_detail_page_offers_edit_for_a_returned_request(logged_in, returned_request):
    page = logged_in.get(
        reverse("service_requests:detail", args=[returned_request.reference])
    ).content.decode()
    assert reverse("service_requests:edit", args=[returned_request.reference]) in page
    assert reverse("service_requests:cancel", args=[returned_request.reference]) in page


def test_the_detail_page_offers_neither_edit_nor_cancel_once_completed(logged_in, request_in):
    service_request = request_in(RequestStatus.COMPLETED)
    page = logged_in.get(
        reverse("service_requests:detail", args=[service_request.reference])
    ).content.decode()
    assert reverse("service_requests:edit", args=[service_request.reference]) not in page
    assert reverse("service_requests:cancel", args=[service_request.reference]) not in page
