"""When the storage or the database fails under the applicant's or the officer's form
(base/faults.py): a Thai message, 503, the form again with what was typed, nothing half-saved,
and the fault in the log with its traceback. A file gone from the storage is a Thai 404."""

import os
import resource
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

import pytest

from base.faults import DATABASE_MESSAGE, STORAGE_MESSAGE
from service_requests.models import ServiceRequest, StatusChange
from service_requests.workflow import RequestStatus
from tests.factories.service_requests import attach_reply, form_data, png_upload
from tests.faults import database_locked, fault_records, unwritable_storage
from tests.helpers import in_thai
from tests.service_requests.helpers import admin_url

S = RequestStatus
CERTIFICATE_URL = "/services/certificate/"
PURPOSE = "ขอกู้เงินสหกรณ์ออมทรัพย์ครู"
PHONE = "0891112222"
REASON = "ยื่นซ้ำโดยไม่ตั้งใจ ขอยกเลิก"
OFFICER_MESSAGE = "ออกหนังสือรับรองเรียบร้อย รับได้ที่ห้องธุรการ"


@pytest.fixture
def logged_in(client, user, page_tree):
    client.force_login(user)
    return client


def certificate_post(user):
    data = form_data("12", user, **{"details-purpose": PURPOSE, "contact-applicant_phone": PHONE})
    data["files-id_card_copy"] = png_upload("สำเนาบัตร.png")
    return data


def shows_thai(response, message) -> bool:
    return escape(in_thai(message)) in response.content.decode()


def assert_logged_without_personal_data(caplog, user, *typed):
    records = fault_records(caplog)
    assert records, "the fault was not logged"
    for record in records:
        assert record.exc_info and record.exc_info[0] is not None  # the traceback
        text = record.getMessage()
        for personal in (user.citizen_id, user.first_name, user.last_name, *typed):
            assert personal not in text


# The applicant's submission


@pytest.mark.django_db
def test_a_storage_that_cannot_be_written_keeps_the_submitted_form(logged_in, user, private_files, caplog):
    with unwritable_storage():
        response = logged_in.post(CERTIFICATE_URL, certificate_post(user))
    assert response.status_code == 503
    assert response["Retry-After"]
    assert shows_thai(response, STORAGE_MESSAGE)
    page = response.content.decode()
    assert f'value="{PURPOSE}"' in page
    assert f'value="{PHONE}"' in page
    assert not ServiceRequest.objects.exists()
    assert private_files() == []
    assert_logged_without_personal_data(caplog, user, PURPOSE, PHONE)


@pytest.mark.django_db
def test_the_same_form_sent_again_once_the_storage_is_back_files_the_request(logged_in, user):
    data = certificate_post(user)
    with unwritable_storage():
        assert logged_in.post(CERTIFICATE_URL, data).status_code == 503
    data["files-id_card_copy"] = png_upload("สำเนาบัตร.png")  # chosen again
    assert logged_in.post(CERTIFICATE_URL, data).status_code == 302
    assert ServiceRequest.objects.get().attachments.get().original_name == "สำเนาบัตร.png"


# Committed for real: the other connection must be able to take the lock.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_locked_database_keeps_the_submitted_form(client, user, page_tree, private_files, caplog):
    client.force_login(user)
    # Once shown, the page's documents have their sizes recorded (Wagtail writes them the first
    # time it shows one; an office's uploads have them from the start).
    client.get(CERTIFICATE_URL)
    with database_locked("service_requests_attachment"):
        response = client.post(CERTIFICATE_URL, certificate_post(user))
    assert response.status_code == 503
    assert shows_thai(response, DATABASE_MESSAGE)
    page = response.content.decode()
    assert f'value="{PURPOSE}"' in page
    assert f'value="{PHONE}"' in page
    assert not ServiceRequest.objects.exists()
    # On PostgreSQL the attachment's file was written before its row waited for the lock: it
    # went with the rolled-back transaction.
    assert private_files() == []
    assert_logged_without_personal_data(caplog, user, PURPOSE, PHONE)


# The applicant's correction and cancelling


@pytest.mark.django_db
def test_a_correction_the_storage_refuses_keeps_what_was_typed(logged_in, user, request_in, caplog):
    service_request = request_in(S.RETURNED)
    data = form_data("11", user, submission_key=service_request.submission_key)
    data["details-position"] = "ครูชำนาญการพิเศษ"
    data["files-id_card_copy"] = png_upload("บัตรใหม่.png")
    url = reverse("service_requests:edit", args=[service_request.reference])
    with unwritable_storage():
        response = logged_in.post(url, data)
    assert response.status_code == 503
    assert shows_thai(response, STORAGE_MESSAGE)
    assert 'value="ครูชำนาญการพิเศษ"' in response.content.decode()
    service_request.refresh_from_db()
    assert service_request.status == S.RETURNED
    assert StatusChange.objects.filter(request=service_request).count() == 1
    assert service_request.attachments.get(slot="id_card_copy").original_name != "บัตรใหม่.png"
    assert fault_records(caplog)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_cancelling_on_a_locked_database_keeps_the_reason(client, user, page_tree, submit, caplog):
    service_request = submit("11")
    client.force_login(user)
    url = reverse("service_requests:cancel", args=[service_request.reference])
    with database_locked("service_requests_servicerequest"):
        response = client.post(url, {"reason": REASON})
    assert response.status_code == 503
    assert shows_thai(response, DATABASE_MESSAGE)
    assert REASON in response.content.decode()
    service_request.refresh_from_db()
    assert service_request.status == S.SUBMITTED
    assert fault_records(caplog)


# The officer's process page with a reply file


@pytest.mark.django_db
def test_a_reply_file_the_storage_refuses_keeps_the_officers_message(
    as_officer, request_in, private_files, caplog
):
    service_request = request_in(S.IN_PROGRESS)
    files_before = private_files()
    with unwritable_storage():
        response = as_officer.post(
            admin_url("process", service_request),
            {
                "to_status": "completed",
                "message": OFFICER_MESSAGE,
                "reply_file": png_upload("หนังสือ.png"),
                "confirm_final": "on",
            },
        )
    assert response.status_code == 503
    assert shows_thai(response, STORAGE_MESSAGE)
    assert OFFICER_MESSAGE in response.content.decode()
    service_request.refresh_from_db()
    assert service_request.status == S.IN_PROGRESS
    assert not service_request.reply_file
    assert private_files() == files_before
    assert fault_records(caplog)


# Whatever else the database refuses: the Thai 503 page, not a 500


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_write_outside_a_form_on_a_locked_database_gets_the_thai_busy_page(page_tree, caplog):
    client = Client(raise_request_exception=False)
    with database_locked("service_requests_statuslookup"):
        response = client.post(
            reverse("service_requests:status_check"),
            {"reference": "1120250331111014", "citizen_id_or_phone": "0812345678"},
        )
    assert response.status_code == 503
    assert shows_thai(response, "The service is busy")
    assert any(record.exc_info for record in caplog.records if record.name == "django.request")


# A file gone from the storage


@pytest.mark.django_db
def test_an_attachment_gone_from_the_storage_is_a_thai_file_not_found(logged_in, submit, caplog):
    service_request = submit("11")
    attachment = service_request.attachments.get(slot="id_card_copy")
    Path(attachment.file.path).unlink()
    response = logged_in.get(
        reverse("service_requests:attachment", args=[service_request.reference, attachment.pk])
    )
    assert response.status_code == 404
    assert "ไม่พบไฟล์" in response.content.decode()
    assert fault_records(caplog)


@pytest.mark.django_db
def test_a_reply_file_gone_from_the_storage_is_a_thai_file_not_found(logged_in, submit, caplog):
    service_request = submit("11")
    attach_reply(service_request, b"%PDF-1.4 reply")
    Path(service_request.reply_file.path).unlink()
    response = logged_in.get(reverse("service_requests:reply_file", args=[service_request.reference]))
    assert response.status_code == 404
    assert "ไม่พบไฟล์" in response.content.decode()
    assert fault_records(caplog)


# A disk that fills up half-way through a file


def test_a_file_cut_short_by_the_disk_is_not_left_behind(tmp_path):
    """A real write failure half-way: the process may write files of at most 64 kB (RLIMIT_FSIZE,
    as a quota or a full disk would stop it), and saves 200 kB."""
    script = textwrap.dedent(
        f"""
        import errno, sys
        from service_requests.storage import PrivateFileSystemStorage
        from django.core.files.base import ContentFile
        storage = PrivateFileSystemStorage(location={str(tmp_path)!r})
        try:
            storage.save("attachments/big.pdf", ContentFile(b"x" * 200_000))
        except OSError as error:
            sys.exit(0 if error.errno == errno.EFBIG else 3)
        sys.exit(2)
        """
    )

    def limit_file_size():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
    result = subprocess.run(  # noqa: S603 (our own interpreter and script)
        [sys.executable, "-c", "import django; django.setup(); " + "exec(" + repr(script) + ")"],
        cwd=settings.BASE_DIR,
        env=environment,
        preexec_fn=limit_file_size,
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert [path for path in tmp_path.rglob("*") if path.is_file()] == []
