"""What an applicant (and anyone at /status/) sees on the request pages, and what the e-mails say."""

import re

from django.core import mail
from django.urls import reverse
from django.utils.html import escape

import pytest

from base.dates import format_date
from base.working_days import WorkingCalendar
from service_requests import actions
from service_requests.catalogue import get_service
from service_requests.due_dates import timing_of
from service_requests.models import ServiceRequest
from service_requests.uploads import MESSAGES
from service_requests.workflow import RequestStatus, Role
from tests.factories.service_requests import (
    ServiceRequestFactory,
    attach_reply,
    details_for,
    files_post,
    form_data,
    pdf_bytes,
    png_upload,
    upload,
)
from tests.helpers import in_thai

pytestmark = pytest.mark.django_db


def test_the_service_page_embeds_the_form_with_the_citizen_id_and_the_profile_filled_in(
    client, page_tree, user
):
    client.force_login(user)
    page = page_tree.service_pages["certificate"]
    html = client.get(page.url).content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert user.citizen_id in html
    assert f'value="{user.first_name}"' in html
    assert 'name="contact-submission_key"' in html
    for slot in get_service("12").attachment_slots:
        assert f'name="files-{slot.name}"' in html
    assert escape(in_thai("Save request")) in html
    for item in page.documents.all():  # the manual and the blank form, next to the form
        assert html.count(f'href="{item.document.url}"') >= 2


def test_a_refused_upload_is_shown_on_its_field_and_the_other_values_are_kept(
    client, page_tree, user, private_files
):
    client.force_login(user)
    page = page_tree.service_pages["certificate"]
    data = form_data("12", user, **{"details-purpose": "ยื่นกู้เงินธนาคารออมสิน"})
    data["files-id_card_copy"] = upload("id-card.png", b"<html><script>alert(1)</script></html>")
    html = client.post(page.url, data).content.decode()
    error = re.search(
        r'<div class="field__error" id="id_files-id_card_copy_error"[^>]*>(.*?)</div>', html, re.S
    )
    # Named .png but not one: said to be not really a png file (or damaged).
    not_really = in_thai(MESSAGES["not_really"]) % {"extension": "png"}
    assert error and escape(not_really) in error.group(1)
    assert 'value="ยื่นกู้เงินธนาคารออมสิน"' in html
    assert "data-focus-on-load" in html
    assert not ServiceRequest.objects.exists()
    assert private_files() == []


def test_the_confirmation_shows_the_reference_code_and_what_happens_next(client, page_tree, user):
    client.force_login(user)
    page = page_tree.service_pages["certificate"]
    data = form_data("12", user)
    data["files-id_card_copy"] = png_upload()
    response = client.post(page.url, data, follow=True)
    service_request = ServiceRequest.objects.get()
    html = response.content.decode()
    assert f'<p class="reference-code">{service_request.reference}</p>' in html
    assert f'href="/my/requests/{service_request.reference}/"' in html
    assert f'href="/status/?reference={service_request.reference}"' in html
    due_on = timing_of(service_request, calendar=WorkingCalendar()).due_on
    # The manual's 3-5 working days, as the service's page says them; due at the longer end.
    assert f"ภายใน 3-5 วันทำการ คาดว่าแล้วเสร็จ {format_date(due_on)}" in html
    assert page.processing_time == "เจ้าหน้าที่จะดำเนินการจัดทำข้อมูลภายใน 3-5 วันทำการ"


def test_my_requests_pages_through_the_list_keeping_search_and_page_size(client, user):
    ServiceRequestFactory.create_batch(11, applicant=user)
    client.force_login(user)
    html = client.get("/my/requests/?per_page=10&q=11").content.decode()
    assert html.count('<tr role="row">') == 1 + 10  # the header row and ten requests
    summary = re.search(r'<p class="pager__summary">\s*(.*?)\s*</p>', html, re.S).group(1)
    assert re.findall(r"\d+", summary) == ["1", "2", "11"]  # page 1 of 2, 11 in all
    assert 'href="?per_page=10&amp;q=11&amp;page=2"' in html


def test_my_requests_offers_edit_and_cancel_only_when_the_workflow_allows_them(client, user):
    open_request = ServiceRequestFactory(applicant=user)
    done = ServiceRequestFactory(applicant=user, status=RequestStatus.COMPLETED)
    attach_reply(done, pdf_bytes())
    client.force_login(user)
    html = client.get("/my/requests/").content.decode()
    for action in ("edit", "cancel"):
        assert f'href="/my/requests/{open_request.reference}/{action}/"' in html
        assert f'href="/my/requests/{done.reference}/{action}/"' not in html
    assert f'href="/requests/{done.reference}/reply/"' in html
    assert f'href="/requests/{open_request.reference}/reply/"' not in html


def test_my_requests_links_every_service_page(client, page_tree, user):
    client.force_login(user)
    html = client.get("/my/requests/").content.decode()
    for page in page_tree.service_pages.values():
        assert f'class="service-button" href="{page.url}#apply"' in html
    assert escape(in_thai("You have not sent any requests yet.")) in html


def test_the_detail_page_shows_the_files_the_history_and_asks_for_corrections(client, user, submit):
    service_request = submit("11")
    officer_message = "กรุณาแนบสำเนาบัตรที่ชัดเจน"
    ServiceRequest.objects.filter(pk=service_request.pk).update(
        status=RequestStatus.RETURNED, officer_message=officer_message
    )
    client.force_login(user)
    html = client.get(f"/my/requests/{service_request.reference}/").content.decode()
    for attachment in service_request.attachments.all():
        assert f"/requests/{service_request.reference}/files/{attachment.pk}/" in html
        assert escape(attachment.original_name) in html
    assert officer_message in html
    assert (
        escape(in_thai("Please press Edit, correct what the officer asks for and send the corrections."))
        in html
    )
    assert escape(in_thai(RequestStatus.SUBMITTED.label)) in html  # the history's first line


def test_the_edit_page_names_the_files_already_attached(client, user, submit):
    service_request = submit("11")
    client.force_login(user)
    html = client.get(f"/my/requests/{service_request.reference}/edit/").content.decode()
    assert "<strong>id-card.png</strong>" in html
    assert "<strong>payslip.pdf</strong>" in html
    assert escape(in_thai("Send corrections")) in html


def test_the_status_check_shows_the_status_but_no_personal_data(client, user, submit):
    service_request = submit("12")
    html = client.post(
        "/status/", {"reference": service_request.reference, "citizen_id_or_phone": user.citizen_id}
    ).content.decode()
    assert escape(in_thai(RequestStatus.SUBMITTED.label)) in html
    assert escape(in_thai(get_service("12").name)) in html
    assert user.first_name not in html
    assert user.phone not in html


def test_the_status_check_answers_a_wrong_pair_with_one_neutral_message(client, user, submit):
    service_request = submit("12")
    html = client.post(
        "/status/", {"reference": service_request.reference, "citizen_id_or_phone": "1000000000017"}
    ).content.decode()
    assert (
        escape(in_thai("No request matches this reference code with this citizen ID or phone number."))
        in html
    )
    assert escape(in_thai(RequestStatus.SUBMITTED.label)) not in html


def test_the_status_check_tells_a_busy_address_to_wait(client):
    for _ in range(actions.STATUS_LOOKUPS_PER_WINDOW):
        client.post("/status/", {"reference": "1", "citizen_id_or_phone": "1"})
    response = client.post("/status/", {"reference": "1", "citizen_id_or_phone": "1"})
    assert response.status_code == 429
    message = in_thai("Too many lookups from this address; please try again in a few minutes.")
    assert escape(message) in response.content.decode()


def test_the_emails_name_the_reference_the_status_and_the_officers_message(
    user, submit, officer_for, django_capture_on_commit_callbacks
):
    user.email = user.verified_email = "wilaiwan@example.com"
    user.save()
    officer = officer_for("12")
    with django_capture_on_commit_callbacks(execute=True):
        service_request = submit("12")
    to_applicant, to_officer = (
        next(message for message in mail.outbox if address in message.to)
        for address in (user.email, officer.email)
    )
    assert service_request.reference in to_applicant.subject
    assert f"/my/requests/{service_request.reference}/" in to_applicant.body
    assert service_request.applicant_full_name in to_officer.body
    assert service_request.reference in to_officer.subject

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actions.move_request(
            actor=officer,
            service_request=service_request,
            to_status=RequestStatus.RETURNED,
            role=Role.OFFICER,
            message='กรุณาระบุ "ธนาคาร" & <สาขา>',
        )
    (changed,) = mail.outbox
    assert in_thai(RequestStatus.RETURNED.label) in changed.subject
    assert 'กรุณาระบุ "ธนาคาร" & <สาขา>' in changed.body  # plain text, nothing HTML-escaped


NO_EMAIL = 'You gave no e-mail address, so no e-mails are sent. You can add one on your <a href="%(url)s">profile</a>.'


def no_email_note():
    """The Thai sentence before the link to the profile."""
    return in_thai(NO_EMAIL).split("<a")[0].strip()


def confirmation_after_filing(client, page_tree, user, service_code, slug, **details):
    client.force_login(user)
    data = form_data(service_code, user, details=details_for(service_code, **details)) | files_post(
        service_code
    )
    response = client.post(page_tree.service_pages[slug].url, data, follow=True)
    assert response.redirect_chain[-1][0].endswith("/submitted/")
    return response.content.decode()


def test_the_confirmation_names_the_address_the_pension_form_asked_for(client, page_tree, user):
    html = confirmation_after_filing(client, page_tree, user, "21", "living-pension", email="fon@example.com")
    assert "<strong>fon@example.com</strong>" in html
    assert no_email_note() not in html


def test_the_confirmation_names_every_address_the_emails_go_to(client, page_tree, user):
    user.email = user.verified_email = "wilaiwan@example.com"
    user.save(update_fields=["email", "verified_email"])
    html = confirmation_after_filing(client, page_tree, user, "21", "living-pension", email="fon@example.com")
    assert "<strong>wilaiwan@example.com</strong>" in html
    assert "<strong>fon@example.com</strong>" in html


def test_the_confirmation_says_so_when_no_email_is_sent(client, page_tree, user):
    html = confirmation_after_filing(client, page_tree, user, "12", "certificate")
    assert no_email_note() in html


UNCONFIRMED = (
    "Your e-mail address <strong>%(email)s</strong> is not confirmed yet, so no e-mails are sent to it. "
    'Open the link we e-mailed to it, or send the link again from your <a href="%(url)s">profile</a>.'
)


def test_the_confirmation_asks_to_confirm_an_address_given_but_not_confirmed(client, page_tree, user):
    """An applicant who gave an address at registration but has not opened its link is not told
    they gave none: they are told to open the link (or send it again from the profile)."""
    user.email = "wilaiwan@example.com"
    user.save(update_fields=["email"])
    html = confirmation_after_filing(client, page_tree, user, "12", "certificate")
    profile = reverse("accounts:profile")
    assert in_thai(UNCONFIRMED) % {"email": "wilaiwan@example.com", "url": profile} in html
    assert no_email_note() not in html


def test_the_pension_form_starts_with_the_accounts_address_and_says_what_it_is_for(client, page_tree, user):
    user.email = user.verified_email = "wilaiwan@example.com"
    user.save(update_fields=["email", "verified_email"])
    client.force_login(user)
    html = client.get(page_tree.service_pages["living-pension"].url).content.decode()
    assert 'value="wilaiwan@example.com"' in html
    help_text = "We send news of this request's progress here, as well as to your account's e-mail."
    assert escape(in_thai(help_text)) in html


@pytest.mark.parametrize(("service_code", "date_field"), [("31", "start_date"), ("32", "date")])
def test_a_booking_not_yet_confirmed_offers_to_change_its_date_or_time(
    client, page_tree, user, submit, officer_for, service_code, date_field
):
    service_request = submit(service_code)
    client.force_login(user)
    change = in_thai("Change the date or time")
    edit_url = f"/my/requests/{service_request.reference}/edit/"

    html = client.get(f"/my/requests/{service_request.reference}/").content.decode()
    assert f'href="{edit_url}#id_details-{date_field}">{change}</a>' in html
    assert f'id="id_details-{date_field}"' in client.get(edit_url).content.decode()

    actions.move_request(
        actor=officer_for(service_code),
        service_request=service_request,
        to_status=RequestStatus.IN_PROGRESS,
        role=Role.OFFICER,
    )
    assert change not in client.get(f"/my/requests/{service_request.reference}/").content.decode()


def test_a_service_that_books_no_time_offers_no_date_change(client, user, submit):
    service_request = submit("12")
    client.force_login(user)
    html = client.get(f"/my/requests/{service_request.reference}/").content.decode()
    assert in_thai("Change the date or time") not in html
