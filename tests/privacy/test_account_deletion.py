"""ลบบัญชี: an applicant deletes their account (PDPA section 33). It is closed at once, nothing that
names them is left in the database or the private storage, their kept requests still count in the
report, and requests still in progress must be cancelled first."""

import csv
import datetime
import io

from django.apps import apps
from django.contrib.auth import get_user
from django.db import models
from django.urls import reverse
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

import pytest
from axes.models import AccessLog
from django_tasks_db.models import DBTaskResult

from accounts.hashing import citizen_id_hash
from accounts.models import User
from payments import queries as payment_queries
from reports import queries as report_queries
from service_requests import actions
from service_requests.catalogue import CATALOGUE
from service_requests.models import DeidentificationReason, ServiceRequest
from service_requests.workflow import RequestStatus, Role
from tests.factories.accounts import SuperuserFactory, UserFactory
from tests.factories.payments import paid
from tests.factories.service_requests import attach_reply, details_for, pdf_bytes
from tests.helpers import in_thai

S = RequestStatus
DELETE_URL = "/my/privacy/delete/"
LOGIN_URL = "/accounts/login/"
CITIZEN_ID = "1439900285977"
ADDRESS = "99/9 หมู่ 4 ตำบลบุ่งคล้า อำเภอเมือง จังหวัดอำนาจเจริญ"
EMAIL = "wilaiwan.private@example.com"
PHONE = "0891234567"


@pytest.fixture
def applicant(user):
    """นางสาววิลัยวรรณ สุภชาติ (citizen ID 1439900285977), with a phone and an e-mail address."""
    user.phone, user.email, user.verified_email = PHONE, EMAIL, EMAIL
    user.save()
    return user


def personal_details(code):
    """The service's sample details with the person's own values where the form asks for them."""
    changes = {
        "11": {
            "first_name_en": "Wilaiwan",
            "last_name_en": "Suppachat",
            "registered_address": ADDRESS,
            "contact_address": ADDRESS,
        },
        "21": {"email": EMAIL},
        "32": {"visitor": "วิลัยวรรณ สุภชาติ"},
    }.get(code, {})
    return details_for(code, **changes)


def closed_requests_of_every_service(applicant, submit, officer_for):
    """One request per service, each with its attachments; an officer writes to the applicant by
    name, sends a reply file and completes it, a fee paid by slip first (the first one is cancelled by
    the applicant)."""
    filed = []
    for index, code in enumerate(CATALOGUE):
        service_request = submit(code, applicant=applicant, details=personal_details(code))
        officer = officer_for(code)
        if index == 0:
            actions.move_request(
                actor=applicant,
                service_request=service_request,
                to_status=S.CANCELLED,
                role=Role.APPLICANT,
                message=f"ยกเลิกค่ะ ติดต่อ {PHONE}",
            )
        else:
            actions.move_request(
                actor=officer,
                service_request=service_request,
                to_status=S.IN_PROGRESS,
                role=Role.OFFICER,
                message="คุณวิลัยวรรณ สุภชาติ โปรดรอเอกสาร",
            )
            attach_reply(ServiceRequest.objects.get(pk=service_request.pk), pdf_bytes())
            if payment_queries.standing_of(service_request) is not None:
                paid(service_request, applicant=applicant, officer=officer)  # a fee: paid first
            actions.move_request(
                actor=officer, service_request=service_request, to_status=S.COMPLETED, role=Role.OFFICER
            )
        filed.append(service_request)
    return filed


def text_values():
    """Every value of every text column (CharField, TextField, JSONField) of every model."""
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        names = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, (models.CharField, models.TextField, models.JSONField))
        ]
        if not names:
            continue
        for row in model._base_manager.values_list(*names):
            for name, value in zip(names, row, strict=True):
                if value:
                    yield f"{model._meta.label}.{name}", str(value)


def places_naming(*needles):
    return sorted({place for place, value in text_values() for needle in needles if needle in value})


def delete_account(client, password, **changes):
    return client.post(DELETE_URL, {"password": password, "confirm": "on", **changes})


def test_the_page_says_what_happens_and_asks_for_the_password(client, applicant):
    client.force_login(applicant)
    response = client.get(DELETE_URL)
    page = response.content.decode()
    assert response.status_code == 200
    assert in_thai("Delete my account") in page
    assert (
        in_thai(
            "Your citizen ID is kept only as a coded value that cannot be read back, so that you can register again with it later."
        )
        in page
    )
    assert 'name="password"' in page and 'name="confirm"' in page


def test_the_page_links_to_the_copy_of_ones_data(client, applicant):
    client.force_login(applicant)
    page = client.get(DELETE_URL).content.decode()
    assert f'<a href="{reverse("privacy:export")}">' in page


def test_a_cancel_page_never_sends_one_to_another_site(client, applicant, submit):
    service_request = submit("12", applicant=applicant)
    client.force_login(applicant)
    cancel_url = reverse("service_requests:cancel", args=[service_request.reference])
    response = client.post(f"{cancel_url}?next=https://evil.example/", {"reason": ""})
    assert response.status_code == 302 and response.url == reverse("service_requests:my_requests")


def test_the_page_needs_a_log_in(client, db):
    response = client.get(DELETE_URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_the_profile_links_to_it(client, applicant):
    client.force_login(applicant)
    assert f'href="{reverse("privacy:delete_account")}"' in client.get("/accounts/profile/").content.decode()


def test_a_wrong_password_deletes_nothing(client, applicant):
    client.force_login(applicant)
    response = delete_account(client, "not-my-password")
    assert response.status_code == 200
    assert in_thai("Your password is not correct. Please enter it again.") in response.content.decode()
    applicant.refresh_from_db()
    assert applicant.is_active and applicant.first_name == "วิลัยวรรณ"


def test_without_the_tick_nothing_is_deleted(client, applicant, password):
    client.force_login(applicant)
    response = client.post(DELETE_URL, {"password": password})
    assert response.status_code == 200
    applicant.refresh_from_db()
    assert applicant.is_active


def test_requests_in_progress_must_be_cancelled_first(client, applicant, password, submit):
    service_request = submit("12", applicant=applicant)
    client.force_login(applicant)
    page = client.get(DELETE_URL).content.decode()
    assert (
        in_thai(
            "You still have requests in progress. Please cancel them, or wait until they are completed, "
            "before deleting your account."
        )
        in page
    )
    # Cancelling from here comes back here, where the next step is the deletion.
    cancel_url = f"{reverse('service_requests:cancel', args=[service_request.reference])}?next={DELETE_URL}"
    assert f'href="{cancel_url}"' in page
    assert 'name="password"' not in page
    assert f'href="{reverse("accounts:profile")}"' in page  # a way back

    delete_account(client, password)
    applicant.refresh_from_db()
    assert applicant.is_active  # refused while the request is in progress

    assert f'href="{DELETE_URL}"' in client.get(cancel_url).content.decode()  # its "Back"
    cancelled = client.post(cancel_url, {"reason": ""})
    assert cancelled.status_code == 302 and cancelled.url == DELETE_URL
    assert 'name="password"' in client.get(DELETE_URL).content.decode()
    response = delete_account(client, password)
    assert response.status_code == 302
    assert response.url == reverse("privacy:account_closed")
    applicant.refresh_from_db()
    assert not applicant.is_active


@pytest.mark.parametrize(
    "session_engine",
    # The embedded default's, and production's (read from the cache, written through).
    ["django.contrib.sessions.backends.db", "django.contrib.sessions.backends.cached_db"],
)
def test_the_account_is_closed_at_once_and_log_in_is_refused(
    client, applicant, password, settings, session_engine
):
    settings.SESSION_ENGINE = session_engine
    client.force_login(applicant)
    other_browser = client.__class__()
    other_browser.force_login(applicant)

    response = delete_account(client, password)
    assert response.status_code == 302
    confirmation = client.get(response.url)
    assert in_thai("Your account has been deleted") in confirmation.content.decode()
    assert not get_user(client).is_authenticated
    assert not get_user(other_browser).is_authenticated  # its other sessions ended too

    client.post(LOGIN_URL, {"username": CITIZEN_ID, "password": password})
    assert not get_user(client).is_authenticated


def test_no_name_phone_address_or_file_of_the_person_is_left(
    client, applicant, password, submit, officer_for, private_files, django_capture_on_commit_callbacks
):
    filed = closed_requests_of_every_service(applicant, submit, officer_for)
    AccessLog.objects.create(username=CITIZEN_ID, ip_address="203.0.113.9", user_agent="Firefox")
    DBTaskResult.objects.create(  # what the production queue keeps of a password-reset e-mail
        task_path="accounts.tasks.email_password_reset_link",
        args_kwargs={"args": [CITIZEN_ID], "kwargs": {}},
        backend_name="default",
        run_after=timezone.now(),
        status="SUCCESSFUL",
        finished_at=timezone.now(),
    )
    squatter = UserFactory(is_active=False, first_name="สมศักดิ์", last_name="ยืมชื่อ")
    log(  # what a ThaID log-in writes when it takes the ID back from someone who had registered it
        instance=squatter,
        action="accounts.suspend_squatter",
        user=applicant,
        data={"citizen_id": CITIZEN_ID, "placeholder": "S000000000001", "holder": applicant.pk},
    )
    needles = ("วิลัยวรรณ", "สุภชาติ", "Wilaiwan", "Suppachat", PHONE, EMAIL, CITIZEN_ID, ADDRESS)
    assert places_naming(*needles)  # the setup does name the person
    assert private_files()

    client.force_login(applicant)
    with django_capture_on_commit_callbacks(execute=True) as after_commit:
        response = delete_account(client, password)
        # Two attachments each, a reply file on all but the cancelled one, a slip for each fee paid:
        # until the commit.
        slips = sum(payment_queries.standing_of(service_request) is not None for service_request in filed[1:])
        assert len(private_files()) == 2 * len(CATALOGUE) + len(CATALOGUE) - 1 + slips

    assert after_commit
    assert response.status_code == 302
    assert places_naming(*needles) == []
    assert private_files() == []
    # The requests stay, de-identified with a note of when and why, their history lines kept.
    for service_request in filed:
        service_request.refresh_from_db()
        assert service_request.deidentified_reason == DeidentificationReason.ACCOUNT_CLOSED
        assert service_request.deidentified_at is not None
        assert service_request.applicant_citizen_id == citizen_id_hash(CITIZEN_ID)
        assert service_request.history.count() >= 2
    assert filed[1].history.filter(message="คุณ*** *** โปรดรอเอกสาร").exists()
    # The audit log says the account was deleted, with nothing that names the person.
    assert ModelLogEntry.objects.filter(action="privacy.close_account", object_id=str(applicant.pk)).exists()


def test_kept_requests_still_count_in_the_summary_report(client, applicant, password, submit, officer_for):
    closed_requests_of_every_service(applicant, submit, officer_for)
    superuser = SuperuserFactory()
    start, end = report_queries.this_month()
    period = {"start": start - datetime.timedelta(days=1), "end": end}
    before = report_queries.summary_report(superuser, **period)

    client.force_login(applicant)
    delete_account(client, password)

    after = report_queries.summary_report(superuser, **period)
    assert after.by_status == before.by_status
    assert sum(after.by_status.values()) == len(CATALOGUE)
    assert after.completed_per_month == before.completed_per_month


def test_the_same_person_can_register_again_and_be_matched(client, applicant, password, submit):
    service_request = submit("12", applicant=applicant)
    actions.move_request(
        actor=applicant, service_request=service_request, to_status=S.CANCELLED, role=Role.APPLICANT
    )
    client.force_login(applicant)
    delete_account(client, password)

    again = UserFactory(citizen_id=CITIZEN_ID)
    assert User.objects.get(citizen_id=CITIZEN_ID) == again
    service_request.refresh_from_db()
    assert (
        ServiceRequest.objects.filter(applicant_citizen_id=citizen_id_hash(again.citizen_id)).get()
        == service_request
    )


def test_staff_cannot_delete_their_account_here(client, officer_for, password):
    officer = officer_for("11")
    client.force_login(officer)
    assert 'name="password"' not in client.get(DELETE_URL).content.decode()
    delete_account(client, password)
    officer.refresh_from_db()
    assert officer.is_active


def test_officers_see_a_kept_request_as_personal_data_removed(
    client, applicant, password, submit, officer_for
):
    service_request = submit("12", applicant=applicant)
    actions.move_request(
        actor=applicant, service_request=service_request, to_status=S.CANCELLED, role=Role.APPLICANT
    )
    client.force_login(applicant)
    delete_account(client, password)

    client.force_login(officer_for("12"))
    index = reverse("service_request_admin:index")
    page = client.get(index).content.decode()
    assert service_request.reference in page and in_thai("Personal data removed") in page
    response = client.get(index, {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8").removeprefix("\ufeff")
    heading, row = list(csv.reader(io.StringIO(text)))
    assert row[heading.index("ผู้ยื่นคำขอ")] == in_thai("Personal data removed")
    assert row[heading.index("เลขประจำตัวประชาชน")] == ""  # not the keyed hash left in its place
