"""Download my data (ขอสำเนาข้อมูลของฉัน): the applicant asks on their profile, the ZIP is built in
the background, and it holds exactly their data (the database's values, their files byte for
byte, nobody else's) for 24 hours."""

import datetime
import io
import json
import re
import zipfile
from datetime import timedelta
from decimal import Decimal

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from accounts.actions import accept_privacy_notice, register_applicant
from privacy import actions as privacy_actions
from privacy.models import DataExport
from service_requests import actions as request_actions
from service_requests.catalogue import CATALOGUE, get_service
from service_requests.models import AccessKind, ServiceRequest
from tests.accounts.clock import clock_moved
from tests.factories.accounts import UserFactory
from tests.factories.privacy import DataExportFactory, answered_request, answered_request_of_each_service
from tests.factories.service_forms import publish_version
from tests.factories.service_pages import ConfiguredServicePageFactory

pytestmark = pytest.mark.django_db

EXPORT_URL = reverse("privacy:export")


CONFIGURED = "13"


@pytest.fixture
def applicant(db):
    return UserFactory(
        title="นางสาว",
        first_name="น้ำฝน",
        last_name="ลำดวนทอง",
        email="namfon@example.com",
        email_verified_at=timezone.now(),
        privacy_notice_version="2568-1",
        privacy_consented_at=timezone.now() - timedelta(days=30),
    )


@pytest.fixture
def requests_of_each_service(applicant, officer_for, page_tree):
    # and one an office built in Wagtail
    publish_version(CONFIGURED, page=ConfiguredServicePageFactory(parent=page_tree.services))
    return answered_request_of_each_service(applicant=applicant, officer_for=officer_for)


@pytest.fixture
def stranger(db):
    return UserFactory(title="นาย", first_name="สมปอง", last_name="คนอื่นเลย", phone="0899999999")


@pytest.fixture
def strangers_request(stranger, officer_for, page_tree):
    return answered_request(
        "11", applicant=stranger, officer=officer_for("11"), message="ข้อความถึงคนอื่น", reply_name="ของคนอื่น.pdf"
    )


def ask_for_copy(client, django_capture_on_commit_callbacks):
    """Press the button on the page; the background task runs at once (the tests' backend)."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(EXPORT_URL)
    assert response.status_code == 302
    return client.get(EXPORT_URL)


def download_url(export):
    return reverse("privacy:export_download", args=[export.key])


@pytest.fixture
def downloaded(
    client, applicant, requests_of_each_service, strangers_request, django_capture_on_commit_callbacks
):
    """The applicant asks for their copy on the page and downloads it: the ZIP's entries."""
    client.force_login(applicant)
    page = ask_for_copy(client, django_capture_on_commit_callbacks)
    export = DataExport.objects.get(applicant=applicant)
    assert export.status == DataExport.Status.READY
    assert download_url(export) in page.content.decode()
    response = client.get(download_url(export))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "no-store" in response["Cache-Control"].split(", ")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    return {name: archive.read(name) for name in archive.namelist()}


def loaded(entries, name):
    return json.loads(entries[name].decode("utf-8"))


def same_as_stored(exported, stored) -> bool:
    """A JSON value read back equals the database's: ISO 8601 dates and times, money as text,
    a kept list's row (a room, an executive) by its name."""
    if isinstance(stored, datetime.datetime):
        return datetime.datetime.fromisoformat(exported) == stored
    if isinstance(stored, datetime.date):
        return datetime.date.fromisoformat(exported) == stored
    if isinstance(stored, datetime.time):
        return datetime.time.fromisoformat(exported) == stored
    if isinstance(stored, Decimal):
        return Decimal(exported) == stored
    if stored is not None and hasattr(stored, "_meta"):
        return exported == str(stored)
    return exported == stored


def test_the_profile_page_offers_the_copy(client, applicant):
    client.force_login(applicant)

    page = client.get(reverse("accounts:profile")).content.decode()

    assert "สิทธิของท่านเกี่ยวกับข้อมูลส่วนบุคคล" in page
    assert f'href="{EXPORT_URL}"' in page
    assert "ขอสำเนาข้อมูลของฉัน" in page


def test_the_copy_holds_the_profile_and_the_consent(downloaded, applicant):
    profile = loaded(downloaded, "profile.json")
    consents = loaded(downloaded, "consents.json")

    for name in ("citizen_id", "title", "first_name", "last_name", "phone", "email", "identity_level"):
        assert profile[name] == getattr(applicant, name)
    assert profile["email_is_verified"] is True
    assert same_as_stored(profile["date_joined"], applicant.date_joined)
    assert "password" not in profile and "is_staff" not in profile
    assert consents["privacy_notice_version"] == "2568-1"
    assert same_as_stored(consents["privacy_consented_at"], applicant.privacy_consented_at)


def test_each_services_request_json_equals_the_database(downloaded, requests_of_each_service):
    assert len(requests_of_each_service) == len(CATALOGUE) + 1 == 7
    for code, service_request in requests_of_each_service.items():
        service_request.refresh_from_db()
        exported = loaded(downloaded, f"requests/{service_request.reference}/request.json")

        for name in (
            "reference",
            "service_code",
            "applicant_citizen_id",
            "applicant_first_name",
            "applicant_last_name",
            "applicant_phone",
            "status",
            "submitted_at",
            "status_changed_at",
            "officer_message",
            "reply_file_name",
        ):
            assert same_as_stored(exported[name], getattr(service_request, name)), (code, name)
        assert exported["officer_message"] == f"กำลังตรวจสอบเอกสาร ({code})"
        assert "submission_key" not in exported and "applicant" not in exported

        details_model = get_service(code).details_model
        record = details_model.objects.get(request=service_request)
        for field in details_model._meta.concrete_fields:
            if field.name == "request":
                continue
            if field.name in details_model.internal_fields:
                assert field.name not in exported["details"], (code, field.name)
            else:
                stored = getattr(record, field.name)
                assert same_as_stored(exported["details"][field.name], stored), (code, field.name)
        assert {name: exported["details"][name] for name in record.own_answers()} == record.own_answers()

        history = list(service_request.history.order_by("created_at", "id"))
        assert [(row["from_status"], row["to_status"], row["message"]) for row in exported["history"]] == [
            (change.from_status, change.to_status, change.message) for change in history
        ]
        assert exported["history"][-1]["by_role"] == "officer"
    configured = requests_of_each_service[CONFIGURED]
    answers = loaded(downloaded, f"requests/{configured.reference}/request.json")["details"]
    assert answers["purpose"] == "ตัวอย่าง 1" and answers["documents"] == ["ก.พ.7"]


def test_an_orders_lines_are_in_its_details(downloaded, requests_of_each_service):
    order = requests_of_each_service["41"]
    exported = loaded(downloaded, f"requests/{order.reference}/request.json")["details"]
    record = get_service("41").details_model.objects.get(request=order)

    assert [(line["code"], line["quantity"], Decimal(line["line_total"])) for line in exported["lines"]] == [
        (line.code, line.quantity, line.line_total) for line in record.lines.order_by("pk")
    ]


def test_attachments_and_reply_files_are_copied_byte_for_byte(downloaded, requests_of_each_service):
    for service_request in requests_of_each_service.values():
        folder = f"requests/{service_request.reference}"
        attachments = list(service_request.attachments.all())
        assert len(attachments) == 2
        for attachment in attachments:
            with attachment.file.open("rb") as stored:
                assert (
                    downloaded[f"{folder}/attachments/{attachment.slot}-{attachment.original_name}"]
                    == stored.read()
                )
        with service_request.reply_file.open("rb") as stored:
            assert downloaded[f"{folder}/reply-{service_request.reply_file_name}"] == stored.read()
        assert downloaded[f"{folder}/printout.pdf"].startswith(b"%PDF-")
        assert json.loads(downloaded[f"{folder}/access.json"]) == []


def test_other_applicants_data_is_not_in_the_copy(downloaded, strangers_request, stranger):
    names = "\n".join(downloaded)
    assert strangers_request.reference not in names
    assert ServiceRequest.objects.filter(applicant=stranger).count() == 1
    readable = b"".join(
        content for name, content in downloaded.items() if not name.endswith((".pdf", ".png"))
    )
    for secret in (stranger.citizen_id, stranger.last_name, stranger.phone, strangers_request.reference):
        assert secret.encode() not in readable


def test_the_readme_explains_every_key(downloaded):
    readme = downloaded["README.txt"].decode("utf-8")
    assert "สำเนาข้อมูลส่วนบุคคลของท่าน" in readme and "A copy of your personal data" in readme

    def keys(value):
        if isinstance(value, dict):
            for key, inner in value.items():
                yield key
                yield from keys(inner)
        elif isinstance(value, list):
            for inner in value:
                yield from keys(inner)

    documented = set(re.findall(r"^\s+([a-z_]+)(?:\[\])?:", readme, flags=re.MULTILINE))
    for name, content in downloaded.items():
        if name.endswith(".json"):
            missing = set(keys(json.loads(content))) - documented
            assert not missing, (name, missing)


def test_the_link_expires_after_24_hours_and_the_file_is_deleted(
    client, applicant, requests_of_each_service, private_files, django_capture_on_commit_callbacks
):
    client.force_login(applicant)
    ask_for_copy(client, django_capture_on_commit_callbacks)
    export = DataExport.objects.get(applicant=applicant)
    stored_name = export.file.name
    assert stored_name in private_files()

    # A day later the session has ended too (accounts.sessions): the applicant logs in again.
    with clock_moved(timedelta(hours=23, minutes=59)):
        client.force_login(applicant)
        assert client.get(download_url(export)).status_code == 200

    with clock_moved(timedelta(hours=24, minutes=1)), django_capture_on_commit_callbacks(execute=True):
        client.force_login(applicant)
        response = client.get(download_url(export))
        page = client.get(EXPORT_URL).content.decode()

    assert response.status_code == 410
    assert "หมดอายุแล้ว" in response.content.decode()
    assert stored_name not in private_files()
    assert not any(name.startswith("exports/") for name in private_files())
    assert download_url(export) not in page
    assert "หมดอายุ" in page


def test_a_stranger_gets_404_for_someone_elses_copy(
    client, applicant, stranger, requests_of_each_service, django_capture_on_commit_callbacks
):
    client.force_login(applicant)
    ask_for_copy(client, django_capture_on_commit_callbacks)
    export = DataExport.objects.get(applicant=applicant)

    client.force_login(stranger)
    assert client.get(download_url(export)).status_code == 404
    client.logout()
    response = client.get(download_url(export))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_page_shows_the_progress_and_refreshes_itself(client, applicant):
    DataExportFactory(
        applicant=applicant, status=DataExport.Status.BUILDING, requests_done=3, requests_total=7
    )
    client.force_login(applicant)

    page = client.get(EXPORT_URL).content.decode()

    assert "กำลังจัดเตรียม… 3/7 คำขอ" in page
    # The bar is named by that line, for screen readers.
    assert 'id="export-progress-label"' in page and 'aria-labelledby="export-progress-label"' in page
    assert '<meta http-equiv="refresh"' in page
    assert f'action="{EXPORT_URL}"' not in page  # no second ask while this one is being prepared


def test_a_second_ask_while_building_queues_nothing_new(client, applicant):
    building = DataExportFactory(applicant=applicant, status=DataExport.Status.BUILDING)
    client.force_login(applicant)

    client.post(EXPORT_URL)

    assert list(DataExport.objects.filter(applicant=applicant)) == [building]


def test_asking_and_downloading_are_in_the_audit_log(downloaded, applicant):
    export = DataExport.objects.get(applicant=applicant)
    actions = set(
        ModelLogEntry.objects.filter(object_id=str(export.pk), content_type__model="dataexport").values_list(
            "action", "user_id"
        )
    )
    assert ("privacy.request_export", applicant.pk) in actions
    assert ("privacy.download_export", applicant.pk) in actions
    assert ("privacy.export_ready", None) in actions


def test_an_applicant_without_requests_gets_their_profile(
    client, applicant, django_capture_on_commit_callbacks
):
    client.force_login(applicant)

    page = ask_for_copy(client, django_capture_on_commit_callbacks).content.decode()

    export = DataExport.objects.get(applicant=applicant)
    assert export.status == DataExport.Status.READY and export.requests_total == 0
    assert download_url(export) in page
    with export.file.open("rb") as stored:
        names = zipfile.ZipFile(io.BytesIO(stored.read())).namelist()
    assert sorted(names) == ["README.txt", "consents.json", "profile.json"]


def test_a_copy_that_cannot_be_built_says_so_and_keeps_nothing(
    client, applicant, requests_of_each_service, private_files, django_capture_on_commit_callbacks
):
    attachment = requests_of_each_service["21"].attachments.first()
    attachment.file.storage.delete(attachment.file.name)  # a file lost from the disk
    client.force_login(applicant)

    page = ask_for_copy(client, django_capture_on_commit_callbacks).content.decode()

    assert DataExport.objects.get(applicant=applicant).status == DataExport.Status.FAILED
    assert "ไม่สามารถจัดเตรียมสำเนาของท่านได้" in page
    assert not any(name.startswith("exports/") for name in private_files())


def test_the_daily_job_deletes_every_expired_copy(
    client, applicant, stranger, private_files, django_capture_on_commit_callbacks
):
    for person in (applicant, stranger):
        client.force_login(person)
        ask_for_copy(client, django_capture_on_commit_callbacks)
    assert len([name for name in private_files() if name.startswith("exports/")]) == 2

    with clock_moved(timedelta(hours=25)), django_capture_on_commit_callbacks(execute=True):
        assert privacy_actions.expire_data_exports() == 2

    assert not any(name.startswith("exports/") for name in private_files())
    assert set(DataExport.objects.values_list("status", flat=True)) == {DataExport.Status.EXPIRED}


def test_closing_the_account_can_discard_every_copy(
    client, applicant, stranger, private_files, django_capture_on_commit_callbacks
):
    for person in (applicant, stranger):
        client.force_login(person)
        ask_for_copy(client, django_capture_on_commit_callbacks)
    strangers_file = DataExport.objects.get(applicant=stranger).file.name

    with django_capture_on_commit_callbacks(execute=True):
        assert privacy_actions.discard_data_exports(applicant=applicant) == 1

    assert not DataExport.objects.filter(applicant=applicant).exists()
    assert [name for name in private_files() if name.startswith("exports/")] == [strangers_file]


def test_the_copy_holds_who_opened_each_request(
    client, applicant, officer_for, page_tree, django_capture_on_commit_callbacks
):
    officer = officer_for("11")
    officer.first_name, officer.last_name = "สมศรี", "ตรวจเอกสาร"
    officer.save()
    service_request = answered_request(
        "11", applicant=applicant, officer=officer, message="รับเรื่องแล้ว", reply_name="หนังสือรับรอง.pdf"
    )
    request_actions.record_staff_access(
        reader=officer, service_request=service_request, kind=AccessKind.PRINTED
    )
    client.force_login(applicant)
    ask_for_copy(client, django_capture_on_commit_callbacks)
    export = DataExport.objects.get(applicant=applicant)
    archive = zipfile.ZipFile(io.BytesIO(b"".join(client.get(download_url(export)).streaming_content)))

    [access] = json.loads(archive.read(f"requests/{service_request.reference}/access.json"))
    assert access["officer_name"].endswith("สมศรี ตรวจเอกสาร")
    assert access["kind"] == AccessKind.PRINTED
    readme = archive.read("README.txt").decode("utf-8")
    documented = set(re.findall(r"^\s+([a-z_]+)(?:\[\])?:", readme, flags=re.MULTILINE))
    assert set(access) <= documented


def test_the_daily_retention_job_deletes_copies_nobody_came_back_for(
    client, applicant, requests_of_each_service, private_files, django_capture_on_commit_callbacks
):
    client.force_login(applicant)
    ask_for_copy(client, django_capture_on_commit_callbacks)
    stored_name = DataExport.objects.get(applicant=applicant).file.name

    with clock_moved(timedelta(hours=25)):
        dry_run = io.StringIO()
        call_command("apply_retention", "--dry-run", stdout=dry_run)
        assert stored_name in private_files()
        assert "1 expired copies of personal data to delete" in dry_run.getvalue()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("apply_retention", stdout=io.StringIO())

    assert stored_name not in private_files()
    assert DataExport.objects.get(applicant=applicant).status == DataExport.Status.EXPIRED


def test_the_consents_list_every_version_accepted_oldest_first(
    client, page_tree, stranger, django_capture_on_commit_callbacks
):
    """Registered under 2568-1, asked once to read 2568-2 and accepted it: both, with their times."""
    with clock_moved(-timedelta(days=40)):
        person = register_applicant(
            citizen_id="1101700230708",
            password="a-long-password-2569",
            title="นาย",
            first_name="ทดสอบ",
            last_name="ยินยอม",
            phone="0811111111",
            personnel_type="teacher",
            privacy_notice_version="2568-1",
        )
    accept_privacy_notice(actor=person, user=person, version="2568-2")
    accept_privacy_notice(actor=stranger, user=stranger, version="2568-2")  # someone else's: not in it

    client.force_login(person)
    ask_for_copy(client, django_capture_on_commit_callbacks)
    response = client.get(download_url(DataExport.objects.get(applicant=person)))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    consents = json.loads(archive.read("consents.json"))

    assert consents["privacy_notice_version"] == "2568-2"
    assert [(entry["privacy_notice_version"], entry["how"]) for entry in consents["history"]] == [
        ("2568-1", "registered"),
        ("2568-2", "accepted_new_version"),
    ]
    first, second = (datetime.datetime.fromisoformat(entry["at"]) for entry in consents["history"])
    assert second - first > timedelta(days=39)
    assert "history[]" in archive.read("README.txt").decode()
